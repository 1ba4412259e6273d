using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cadence.Sample.Tests;

/// <summary>
/// Issue 25, through the real executable from an empty diary: <c>log</c>'s "Next:" is the day the agenda will show, an
/// archived relationship is refused unless <c>--archived</c>, a timed promise shows its time everywhere, and the
/// sentences built around the user's words read as English.
/// </summary>
public sealed partial class Issue25Tests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private RunResult On(string day, params string[] args) => _sandbox.Run([.. args, "--date", day]);

    [GeneratedRegex(@"Next: (\w{3} \d{1,2} \w{3} \d{4})")]
    private static partial Regex NextDay();

    /// <summary>The day "Next: …" names, as YYYY-MM-DD.</summary>
    private static string NextOf(RunResult result)
    {
        var match = NextDay().Match(result.Out);
        Assert.True(match.Success, result.ToString());
        return DateTime.ParseExact(match.Groups[1].Value, "ddd d MMM yyyy", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    [Fact]
    public void LogNext_IsTheLevelledDayTheAgendaShows_NotTheSchedulersSaturday()
    {
        // A client met on Thu 5 Feb is due 30 days on: Sat 7 Mar, not a working day, so the agenda has it on another.
        Sandbox.Ok(On("2026-02-05", "init", "--empty"));
        Sandbox.Ok(On("2026-02-05", "add", "Zoë Müller", "--tier", "client"));

        var logged = Sandbox.Ok(On("2026-02-05", "log", "zoe-muller", "--channel", "meeting", "--medium", "coffee"));

        Assert.DoesNotContain("Sat 7 Mar", logged.Out, StringComparison.Ordinal);
        string next = NextOf(logged);
        using (var plan = Sandbox.Ok(On("2026-02-05", "plan", "--json")).Json())
        {
            Assert.Equal(next, plan.Touch("zoe-muller").Str("due"));
        }

        // The morning it comes, the agenda lists it on that very day; the Saturday's agenda has nothing.
        using (var agenda = Sandbox.Ok(On(next, "agenda", "--json")).Json())
        {
            Assert.Equal(next, agenda.Touch("zoe-muller").Str("due"));
        }

        using (var saturday = Sandbox.Ok(On("2026-03-07", "agenda", "--json")).Json())
        {
            Assert.Empty(saturday.Touches());
        }

        // Time off over that day moves both alike: "Next:" of the next change names the day the agenda then shows.
        var off = DateTime.ParseExact(next, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Sandbox.Ok(On("2026-02-06", "owner", "--off", $"{off.AddDays(-3):yyyy-MM-dd}..{off.AddDays(4):yyyy-MM-dd}"));
        var edited = Sandbox.Ok(On("2026-02-06", "edit", "zoe-muller", "--met-at", "ExpoLondon"));
        string moved = NextOf(edited);
        Assert.True(
            string.CompareOrdinal(moved, $"{off.AddDays(-3):yyyy-MM-dd}") < 0 || string.CompareOrdinal(moved, $"{off.AddDays(4):yyyy-MM-dd}") > 0,
            edited.Out);
        using (var plan = Sandbox.Ok(On("2026-02-06", "plan", "--json")).Json())
        {
            Assert.Equal(moved, plan.Touch("zoe-muller").Str("due"));
        }
    }

    [Fact]
    public void LogForAnArchivedRelationship_IsRefusedNamingItAndItsActiveNamesake_UnlessArchivedIsGiven()
    {
        Sandbox.Ok(On("2026-03-09", "init", "--empty"));
        Sandbox.Ok(On("2026-03-09", "add", "Zoë Müller", "--tier", "client"));
        Sandbox.Ok(On("2026-03-09", "archive", "zoe-muller"));

        // No namesake: it says how to plan it again.
        byte[] before = _sandbox.DataBytes();
        var alone = Sandbox.Fails(On("2026-03-09", "log", "zoe-muller", "--channel", "call"));
        Assert.Equal(
            "Cadence.Diary: Zoë Müller (zoe-muller) is archived, so nothing was logged; `Cadence.Diary unarchive zoe-muller` plans it again, or add --archived to log it anyway.",
            alone.ErrorLines[0]);
        Assert.Equal(before, _sandbox.DataBytes());

        // The same person again, as an import makes a duplicate: the refusal names the active one.
        Sandbox.Ok(On("2026-03-09", "add", "Zoe Muller", "--tier", "client", "--id", "zoe-2"));
        before = _sandbox.DataBytes();
        var refused = Sandbox.Fails(On("2026-03-10", "log", "zoe-muller", "--channel", "call", "--note", "Quarterly review"));
        Assert.Equal(
            "Cadence.Diary: Zoë Müller (zoe-muller) is archived, so nothing was logged; the active Zoe Muller (zoe-2) has the same name: log against that id, or add --archived to log it for zoe-muller anyway.",
            refused.ErrorLines[0]);
        Assert.Empty(refused.Out);
        Assert.Equal(before, _sandbox.DataBytes());

        // Explicitly: logged for the archived one, which stays archived; the namesake is untouched.
        var forced = Sandbox.Ok(On("2026-03-10", "log", "zoe-muller", "--channel", "call", "--archived"));
        Assert.Contains("Logged a call with Zoë Müller on Tue 10 Mar 2026 (zoe-muller/1).", forced.Out, StringComparison.Ordinal);
        Assert.Contains("Zoë Müller stays archived: not planned.", forced.Out, StringComparison.Ordinal);
        using var data = _sandbox.DataJson();
        var touch = Assert.Single(data.RootElement.GetProperty("touches").EnumerateArray());
        Assert.Equal("zoe-muller", touch.Str("relationship"));
        using var list = Sandbox.Ok(On("2026-03-10", "list", "--json")).Json();
        var relationships = list.RootElement.GetProperty("relationships").EnumerateArray().ToList();
        Assert.Equal("archived", relationships.Single(r => r.Str("id") == "zoe-muller").Str("state"));
        Assert.Equal(JsonValueKind.Null, relationships.Single(r => r.Str("id") == "zoe-2").GetProperty("lastTouch").ValueKind);

        // An active relationship needs no flag, and --help documents it.
        Sandbox.Ok(On("2026-03-10", "log", "zoe-2", "--channel", "call"));
        Assert.Contains("--archived", Sandbox.Ok(_sandbox.Run("log", "--help")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ATimedPromise_ShowsItsTime_InAgendaShowListAndNext()
    {
        Sandbox.Ok(On("2026-03-09", "init", "--empty"));
        Sandbox.Ok(On("2026-03-09", "add", "Sam Okafor", "--tier", "prospect"));
        Sandbox.Ok(On("2026-03-09", "log", "sam-okafor", "--channel", "meeting", "--medium", "ExpoLondon stand"));
        Sandbox.Ok(On("2026-03-09", "promise", "sam-okafor", "--on", "2026-03-13", "--at", "10:00", "--what", "call about pricing", "--channel", "phone"));

        // agenda, as a table and as JSON.
        var agenda = Sandbox.Ok(On("2026-03-13", "agenda"));
        Assert.Contains("Fri 13 Mar 10:00  sam-okafor", agenda.Out, StringComparison.Ordinal);
        using (var json = Sandbox.Ok(On("2026-03-13", "agenda", "--json")).Json())
        {
            Assert.Equal("10:00", json.Touch("sam-okafor").Str("time"));
        }

        // show: the next touch and the step.
        var show = Sandbox.Ok(On("2026-03-10", "show", "sam-okafor"));
        Assert.Contains("  Fri 13 Mar 10:00: Call Sam Okafor. ", show.Out, StringComparison.Ordinal);
        Assert.Contains("sam-okafor-1  Fri 13 Mar 10:00  call about pricing", show.Out, StringComparison.Ordinal);
        using (var json = Sandbox.Ok(On("2026-03-10", "show", "sam-okafor", "--json")).Json())
        {
            Assert.Equal("10:00", json.RootElement.GetProperty("next").Str("time"));
            Assert.Equal("10:00", json.RootElement.GetProperty("commitments")[0].Str("time"));
        }

        // list, and the "Next:" of a change.
        Assert.Contains("Fri 13 Mar 10:00 (call)", Sandbox.Ok(On("2026-03-10", "list")).Out, StringComparison.Ordinal);
        using (var json = Sandbox.Ok(On("2026-03-10", "list", "--json")).Json())
        {
            Assert.Equal("10:00", json.RootElement.GetProperty("relationships")[0].GetProperty("next").Str("time"));
        }

        var edited = Sandbox.Ok(On("2026-03-10", "edit", "sam-okafor", "--met-at", "ExpoLondon"));
        Assert.Contains("Next: Fri 13 Mar 2026 at 10:00, a call: call about pricing (sam-okafor-1).", edited.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void TheUsersWords_AreQuotedNotSpliced()
    {
        Sandbox.Ok(On("2026-03-06", "init", "--empty"));
        Sandbox.Ok(On("2026-03-06", "add", "Sam Okafor", "--tier", "prospect"));
        Sandbox.Ok(On("2026-03-06", "log", "sam-okafor", "--channel", "meeting", "--medium", "coffee"));
        Sandbox.Ok(On("2026-03-06", "promise", "sam-okafor", "--on", "2026-03-13", "--what", "she said she would call next week", "--unless-reply"));
        Sandbox.Ok(On("2026-03-06", "promise", "sam-okafor", "--on", "2026-03-10", "--what", "book the workshop"));

        // Their email before the step: the step quoted, and the medium the notations know ("by email", not "by note").
        var reply = Sandbox.Ok(On("2026-03-09", "log", "sam-okafor", "--channel", "email", "--inbound"));
        Assert.Contains(
            "Closed: No need for \"she said she would call next week\": they replied by email on Mon 9 Mar 2026 (sam-okafor-1).",
            reply.Out,
            StringComparison.Ordinal);

        // A meeting at his office takes the workshop step: the touch is a meeting, the medium in brackets.
        Sandbox.Ok(On("2026-03-10", "log", "sam-okafor", "--channel", "meeting", "--medium", "his office"));
        var show = Sandbox.Ok(On("2026-03-10", "show", "sam-okafor"));
        Assert.Contains("\"book the workshop\": done by the meeting (his office) of Tue 10 Mar 2026", show.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("the his office", show.Out, StringComparison.Ordinal);
        using var json = Sandbox.Ok(On("2026-03-10", "show", "sam-okafor", "--json")).Json();
        var why = json.RootElement.GetProperty("commitments").EnumerateArray().ToDictionary(c => c.Str("id"), c => c.Str("why"));
        Assert.Equal("no need for \"she said she would call next week\": they replied by email on Mon 9 Mar 2026", why["sam-okafor-1"]);
        Assert.Equal("\"book the workshop\": done by the meeting (his office) of Tue 10 Mar 2026", why["sam-okafor-2"]);
    }
}
