using System;
using System.IO;
using System.Linq;

namespace Cadence.Sample.Tests;

/// <summary>With no data file, the sample runs on its built-in demo diary, read-only.</summary>
public sealed class DemoTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void NoArguments_NoDataFile_PrintsTodaysDemoAgenda()
    {
        // The README's first command: no --date, the real clock.
        var result = Sandbox.Ok(_sandbox.Run());

        Assert.StartsWith("Agenda for ", result.Out, StringComparison.Ordinal);
        Assert.Contains("demo diary", result.Out, StringComparison.Ordinal);
        Assert.Contains("DAY", result.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(_sandbox.DataFile));
    }

    [Fact]
    public void Agenda_DemoOnAFriday_ListsOverdueTouchesAndCommitmentsWithWhy()
    {
        var result = Sandbox.Ok(_sandbox.RunToday("agenda"));

        Assert.Contains("Agenda for Fri 13 Mar 2026", result.Out, StringComparison.Ordinal);
        Assert.Contains("Call Sam Okafor", result.Out, StringComparison.Ordinal);
        Assert.Contains("chase feedback on the proposal", result.Out, StringComparison.Ordinal);
        Assert.Contains("Call Chen Jing", result.Out, StringComparison.Ordinal);
        Assert.Contains("take it offline with a call", result.Out, StringComparison.Ordinal);
        // Due on Sat 21 Feb: days off are not lateness, so it counts from the Monday (issue 25).
        Assert.Contains("18 days overdue (was due Mon 23 Feb 2026)", result.Out, StringComparison.Ordinal);
        // The demo's prospects are followed up by its "prospect chase" ladder: Ben's voicemails were its steps.
        Assert.Contains("Second follow-up of 2 after no reply to the call (voicemail) of Fri 20 Feb 2026", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Out, StringComparison.Ordinal); // no colours when not a terminal
    }

    [Fact]
    public void Ladders_TheDemoFollowsUpProspects()
    {
        var result = Sandbox.Ok(_sandbox.RunToday("ladders"));

        Assert.Matches(@"prospect chase\s+3wd:note,5wd:call\s+prospect", result.Out);
    }

    [Fact]
    public void Agenda_DemoOnASaturday_SaysSoAndShowsMonday()
    {
        var result = Sandbox.Ok(_sandbox.Run("agenda", "--date", "2026-03-14"));

        Assert.Contains("Nothing due today (not a working day).", result.Out, StringComparison.Ordinal);
        Assert.Contains("Next touches, Mon 16 Mar 2026:", result.Out, StringComparison.Ordinal);
        Assert.Contains("chase feedback on the proposal", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AgendaJson_Demo_OverdueFirstAndEveryTouchExplained()
    {
        using var json = Sandbox.Ok(_sandbox.RunToday("agenda", "--json")).Json();
        var root = json.RootElement;

        Assert.Equal(1, root.GetProperty("format").GetInt32());
        Assert.Equal("agenda", root.Str("command"));
        Assert.Equal(Sandbox.Today, root.Str("today"));
        Assert.True(root.GetProperty("demo").GetBoolean());
        var touches = json.Touches();
        Assert.InRange(touches.Count, 5, 12);
        Assert.All(touches, t => Assert.Equal(Sandbox.Today, t.Str("due")));
        Assert.All(touches, t => Assert.False(string.IsNullOrWhiteSpace(t.Str("why"))));
        Assert.All(touches, t => Assert.NotEmpty(t.GetProperty("reasons").EnumerateArray()));
        var overdue = touches.Select(t => t.GetProperty("daysOverdue").GetInt32()).ToList();
        Assert.Equal(overdue.OrderByDescending(d => d), overdue);
        Assert.Equal("chase feedback on the proposal", json.Touch("sam-okafor").GetProperty("commitment").Str("what"));
        Assert.Equal("Asia/Shanghai", json.Touch("chen-jing").GetProperty("callWindow").Str("contactZone"));
    }

    [Fact]
    public void AgendaDays_Demo_CoversTheRangeDayByDay()
    {
        using var json = Sandbox.Ok(_sandbox.RunToday("agenda", "--days", "7", "--json")).Json();

        Assert.Equal("2026-03-19", json.RootElement.Str("to"));
        var days = json.Touches().Select(t => t.Str("due")).ToList();
        Assert.Equal(days.Order(StringComparer.Ordinal), days);
        Assert.Contains("2026-03-16", days);
        Assert.Contains(json.Touches(), t => t.GetProperty("reasons").EnumerateArray().Any(r => r.Str("kind") == "levelled"));
    }

    [Fact]
    public void PlanJson_Demo_EveryRelationshipButTheArchivedOne()
    {
        using var json = Sandbox.Ok(_sandbox.RunToday("plan", "--json")).Json();

        Assert.Equal(29, json.Touches().Count);
        Assert.Equal(["george-palmer"], json.RootElement.GetProperty("archived").EnumerateArray().Select(a => a.GetString()));
        var paused = json.Touch("kwame-mensah");
        Assert.Equal("paused", paused.Str("state"));
        Assert.Equal("2026-03-23", paused.Str("pausedUntil"));
        Assert.Contains("paused until", paused.Str("why"), StringComparison.Ordinal);
        Assert.Equal("2026-03-16", json.Touch("mark-ellis").GetProperty("move").Str("to"));
    }

    [Fact]
    public void Plan_Demo_ShowsWindowsInATable()
    {
        var result = Sandbox.Ok(_sandbox.RunToday("plan"));

        string header = result.Out.Split('\n').First(l => l.StartsWith("DAY", StringComparison.Ordinal));
        Assert.Contains("WINDOW", header, StringComparison.Ordinal);
        Assert.Contains("Archived, not planned: george-palmer.", result.Out, StringComparison.Ordinal);
        Assert.Contains("Write to Rachel Stein", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("log", "sam-okafor", "--channel", "call")]
    [InlineData("add", "Someone New", "--tier", "client")]
    [InlineData("owner", "--per-day", "3")]
    [InlineData("token", "--rotate")]
    public void Change_DemoDiary_IsReadOnly(params string[] args)
    {
        var result = Sandbox.Fails(_sandbox.RunToday(args));

        Assert.True(result.Error.Contains("read-only", StringComparison.Ordinal) || result.Error.Contains("init", StringComparison.Ordinal), result.Error);
        Assert.False(File.Exists(_sandbox.DataFile));
    }

    [Fact]
    public void Feed_Demo_WritesTheFileAndNoDataFile()
    {
        Sandbox.Ok(_sandbox.RunToday("feed", "--out", "demo.ics"));

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", File.ReadAllText(_sandbox.Path("demo.ics")), StringComparison.Ordinal);
        Assert.False(File.Exists(_sandbox.DataFile));
    }

    [Fact]
    public void Owner_Demo_ShowsTheDefaultCalendar()
    {
        var result = Sandbox.Ok(_sandbox.Run("owner"));

        Assert.Contains("working days  mon, tue, wed, thu, fri", result.Out, StringComparison.Ordinal);
        Assert.Contains("10 touches a day", result.Out, StringComparison.Ordinal);
    }
}
