using System;
using System.Linq;

namespace Cadence.Sample.Tests;

/// <summary>
/// <c>campaign add|list|pause|resume|end</c> and date touches in the agenda, lived as a user would: day after day with
/// <c>--date</c>.
/// </summary>
public sealed class CampaignCommandTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public CampaignCommandTests() => _sandbox.InitEmpty(
        ("Mark Ellis", "past associate"), ("Susan Reyes", "past associate"), ("Peter Lindqvist", "past associate"), ("Zoë Müller", "client"));

    public void Dispose() => _sandbox.Dispose();

    private RunResult On(string day, params string[] args) => _sandbox.Run([.. args, "--date", day]);

    [Fact]
    public void PastAssociatesThisYear_ByPhoneAndNote_DayAfterDay()
    {
        // Last heard from each a different time ago: Peter the longest.
        Sandbox.Ok(On("2026-03-13", "log", "mark-ellis", "--channel", "call", "--on", "2025-10-01"));
        Sandbox.Ok(On("2026-03-13", "log", "susan-reyes", "--channel", "note", "--on", "2025-06-01"));
        Sandbox.Ok(On("2026-03-13", "log", "peter-lindqvist", "--channel", "meeting", "--on", "2024-01-10"));

        var started = Sandbox.Ok(On("2026-03-13", "campaign", "add", "past associates", "--tier", "past associate", "--by", "2026-12-31", "--prefers", "call,note")).Out;
        Assert.StartsWith("Started \"past associates\": 3 to reconnect with (tier past associate) by Thu 31 Dec, by call or note, most faded first. First: Call Peter Lindqvist on Fri 13 Mar.", started, StringComparison.Ordinal);

        // All three are overdue (past associates every 3 months): the campaign keeps them today, never later (issue 25),
        // and each says it counts.
        var agenda = Sandbox.Ok(On("2026-03-13", "agenda")).Out;
        foreach (var id in new[] { "mark-ellis", "susan-reyes", "peter-lindqvist" })
        {
            var row = agenda.Split('\n').Single(l => l.Contains(id, StringComparison.Ordinal));
            Assert.StartsWith("Fri 13 Mar", row, StringComparison.Ordinal);
            Assert.Contains("overdue", row, StringComparison.Ordinal);
            Assert.Contains("campaign \"past associates\" to reconnect by Thu 31 Dec 2026: 0 of 3 done.", row, StringComparison.Ordinal);
        }

        Assert.Contains("Campaign \"past associates\" to reconnect: 0 of 3 done by Thu 31 Dec; 3 left.", agenda, StringComparison.Ordinal);

        // Peter answers the call; the next morning the campaign counts it.
        Sandbox.Ok(On("2026-03-13", "log", "peter-lindqvist", "--channel", "call"));
        var list = Sandbox.Ok(On("2026-03-14", "campaign", "list")).Out;
        Assert.Contains("1 of 3", list, StringComparison.Ordinal);
        Assert.Contains("Campaign \"past associates\" to reconnect: 1 of 3 done by Thu 31 Dec; 2 left.", Sandbox.Ok(On("2026-03-16", "agenda")).Out, StringComparison.Ordinal);
        Assert.Contains("running", list, StringComparison.Ordinal);

        // Paused: no campaign touch; resumed: back; ended: kept in the list, never planned.
        Sandbox.Ok(On("2026-03-14", "campaign", "pause", "Past Associates"));
        Assert.Contains("paused", Sandbox.Ok(On("2026-03-14", "campaign", "list")).Out, StringComparison.Ordinal);
        Assert.DoesNotContain("to reconnect by", Sandbox.Ok(On("2026-03-14", "plan")).Out, StringComparison.Ordinal);
        Sandbox.Ok(On("2026-03-14", "campaign", "resume", "past associates"));
        Assert.Contains("to reconnect by", Sandbox.Ok(On("2026-03-14", "plan")).Out, StringComparison.Ordinal);
        Assert.Equal("Ended \"past associates\".\n", Sandbox.Ok(On("2026-03-20", "campaign", "end", "past associates")).Out);
        Assert.Contains("ended Fri 20 Mar", Sandbox.Ok(On("2026-03-20", "campaign", "list")).Out, StringComparison.Ordinal);

        // Kept in the data file.
        using var data = _sandbox.DataJson();
        var saved = Assert.Single(data.RootElement.GetProperty("campaigns").EnumerateArray());
        Assert.Equal("ended", saved.Str("status"));
        Assert.Equal(["mark-ellis", "peter-lindqvist", "susan-reyes"], saved.GetProperty("members").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void MembersDueAfterTheCampaign_AreBroughtForwardAndSpread_TheOverdueOneKeepsToday_DayAfterDay()
    {
        // Peter is long overdue; Mark and Susan were touched lately, so the cadence has them due in May and June.
        Sandbox.Ok(On("2026-03-13", "log", "peter-lindqvist", "--channel", "meeting", "--on", "2024-01-10"));
        Sandbox.Ok(On("2026-03-13", "log", "mark-ellis", "--channel", "call", "--on", "2026-02-20"));
        Sandbox.Ok(On("2026-03-13", "log", "susan-reyes", "--channel", "meeting", "--on", "2026-03-02"));
        var before = Dues("2026-03-13");
        Assert.Equal(("2026-03-13", "2026-05-20", "2026-06-02"), (before["peter-lindqvist"], before["mark-ellis"], before["susan-reyes"]));

        Sandbox.Ok(On("2026-03-13", "campaign", "add", "past associates", "--tier", "past associate", "--by", "2026-04-30", "--prefers", "call,note"));

        // Nobody later than without the campaign; Mark and Susan brought inside it, on different days, saying so.
        for (var day = new NodaTime.LocalDate(2026, 3, 13); day <= new NodaTime.LocalDate(2026, 3, 20); day = day.PlusDays(day.DayOfWeek == NodaTime.IsoDayOfWeek.Friday ? 3 : 1))
        {
            var dues = Dues(day.ToString("uuuu-MM-dd", null));
            Assert.Equal(day.ToString("uuuu-MM-dd", null), dues["peter-lindqvist"]); // overdue: due today, each morning
            Assert.InRange(string.CompareOrdinal(dues["mark-ellis"], "2026-04-30"), int.MinValue, 0);
            Assert.InRange(string.CompareOrdinal(dues["susan-reyes"], "2026-04-30"), int.MinValue, 0);
            Assert.NotEqual(dues["mark-ellis"], dues["susan-reyes"]);
            // The plan stays put from one morning to the next.
            Assert.Equal(Dues("2026-03-13")["mark-ellis"], dues["mark-ellis"]);
            Assert.Equal(Dues("2026-03-13")["susan-reyes"], dues["susan-reyes"]);
        }

        var plan = Sandbox.Ok(On("2026-03-13", "plan")).Out;
        Assert.Contains("(brought forward: the cadence had it due Wed 20 May 2026)", plan.Split('\n').Single(l => l.Contains("mark-ellis", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("(brought forward: the cadence had it due Tue 2 Jun 2026)", plan.Split('\n').Single(l => l.Contains("susan-reyes", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("brought forward", plan.Split('\n').Single(l => l.Contains("peter-lindqvist", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    private System.Collections.Generic.Dictionary<string, string> Dues(string day)
    {
        using var plan = Sandbox.Ok(On(day, "plan", "--json")).Json();
        return plan.RootElement.GetProperty("touches").EnumerateArray().ToDictionary(t => t.Str("id"), t => t.Str("due"));
    }

    [Fact]
    public void RoutineTouchBeforeABirthday_TheAgendaWaitsForTheBirthday_AndSaysWhy()
    {
        // Met Zoë on 21 Feb: the client cadence has her due Mon 23 Mar; her birthday is Fri 27 Mar.
        Sandbox.Ok(On("2026-03-13", "log", "zoe-muller", "--channel", "meeting", "--on", "2026-02-21"));
        Sandbox.Ok(On("2026-03-13", "date", "zoe-muller", "--label", "birthday", "--on", "1986-03-27"));

        Assert.DoesNotContain("zoe-muller", Sandbox.Ok(On("2026-03-23", "agenda")).Out, StringComparison.Ordinal);
        var birthday = Sandbox.Ok(On("2026-03-27", "agenda")).Out;
        Assert.Contains("Birthday on Fri 27 Mar 2026; turns 40; the routine touch due Mon 23 Mar 2026 waits for it (none in the 14 days before a date)", birthday, StringComparison.Ordinal);

        // Called her on the day: the next touch is a month later, and no birthday again this year.
        Sandbox.Ok(On("2026-03-27", "log", "zoe-muller", "--channel", "call"));
        var plan = Sandbox.Ok(On("2026-03-28", "plan")).Out;
        Assert.Contains("Sun 26 Apr", plan.Split('\n').Single(l => l.Contains("zoe-muller", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_YearlyDatesOnlyWhenAsked_EachStateKeptApart()
    {
        Sandbox.Ok(_sandbox.RunToday("date", "zoe-muller", "--label", "birthday", "--on", "1986-03-27"));

        Sandbox.Ok(_sandbox.RunToday("feed", "--out", "plain.ics"));
        Assert.DoesNotContain("RRULE", System.IO.File.ReadAllText(_sandbox.Path("plain.ics")), StringComparison.Ordinal);

        Sandbox.Ok(_sandbox.RunToday("feed", "--out", "dates.ics", "--yearly-dates", "--privacy", "initials"));
        string dates = System.IO.File.ReadAllText(_sandbox.Path("dates.ics"));
        Assert.Contains("DTSTART;VALUE=DATE:19860327\r\nDTEND;VALUE=DATE:19860328\r\nTRANSP:TRANSPARENT\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Z. M.: birthday\r\n", dates, StringComparison.Ordinal);
        Assert.DoesNotContain("Müller", dates, StringComparison.Ordinal);

        using var data = _sandbox.DataJson();
        var states = data.RootElement.GetProperty("feed").GetProperty("states").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["events/full/365", "events/initials/365/dates"], states);
    }

    [Theory]
    [InlineData(2, "campaign add needs one group", "campaign", "add", "x", "--by", "2026-12-31")]
    [InlineData(2, "campaign add needs --by", "campaign", "add", "x", "--tier", "client")]
    [InlineData(2, "campaign end needs the campaign's name", "campaign", "end")]
    [InlineData(2, "campaign \"stop\" is not add, list, pause, resume or end", "campaign", "stop", "x")]
    [InlineData(1, "--faded \"0\" is not a number of months from 1 to 120", "campaign", "add", "x", "--faded", "0", "--by", "2026-12-31")]
    [InlineData(1, "--by 2026-01-01 is before today (2026-03-13)", "campaign", "add", "x", "--tier", "client", "--by", "2026-01-01")]
    [InlineData(1, "No relationship is in the tier \"vip\"", "campaign", "add", "x", "--tier", "vip", "--by", "2026-12-31")]
    [InlineData(1, "has no members", "campaign", "add", "x", "--tag", "alumni", "--by", "2026-12-31")]
    [InlineData(1, "No campaign is named \"nothing\"", "campaign", "end", "nothing")]
    public void BadInput_OneLine_NothingWritten(int exitCode, string message, params string[] args)
    {
        byte[] before = _sandbox.DataBytes();
        var result = Sandbox.Fails(_sandbox.RunToday(args), exitCode);
        Assert.Contains(message, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void SameNameTwice_Refused_EndedCannotBeResumed()
    {
        Sandbox.Ok(_sandbox.RunToday("campaign", "add", "clients", "--tier", "client", "--by", "2026-06-30"));
        Assert.Contains("A campaign is already named \"clients\"; choose another name", Sandbox.Fails(_sandbox.RunToday("campaign", "add", "Clients", "--faded", "6", "--by", "2026-06-30")).Error, StringComparison.Ordinal);
        Sandbox.Ok(_sandbox.RunToday("campaign", "end", "clients"));
        Assert.Contains("has already ended", Sandbox.Fails(_sandbox.RunToday("campaign", "resume", "clients")).Error, StringComparison.Ordinal);
    }
}
