using System;
using System.Linq;
using System.Text.Json;

namespace Cadence.Sample.Tests;

/// <summary><c>review</c>, <c>suggestions</c> and <c>accept</c> (issue 29): the week's page, the plan's suggestions and accepting one.</summary>
public sealed class ReviewCommandTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public ReviewCommandTests()
    {
        _sandbox.InitEmpty(("Zoë Müller", "client"), ("Sam Okafor", "prospect"), ("Lee Park", "client"));

        // Zoë: calls 41, 45 and 50 days apart against every 30 days: loosen.
        foreach (var day in new[] { "2025-10-04", "2025-11-14", "2025-12-29", "2026-02-17" })
        {
            Sandbox.Ok(_sandbox.RunToday("log", "zoe-muller", "--channel", "call", "--on", day));
        }

        // Lee: three notes unanswered: try a call.
        foreach (var day in new[] { "2025-12-20", "2026-01-20", "2026-02-20" })
        {
            Sandbox.Ok(_sandbox.RunToday("log", "lee-park", "--channel", "note", "--no-reply", "--follow-up", "none", "--on", day));
        }

        // Sam this week: a call, a step done and one dropped.
        Sandbox.Ok(_sandbox.RunToday("log", "sam-okafor", "--channel", "call", "--on", "2026-03-10"));
        Sandbox.Ok(_sandbox.RunToday("promise", "sam-okafor", "--on", "2026-03-20", "--what", "send the deck"));
        Sandbox.Ok(_sandbox.RunToday("done", "sam-okafor"));
        Sandbox.Ok(_sandbox.RunToday("promise", "sam-okafor", "--on", "2026-03-25", "--what", "lunch"));
        Sandbox.Ok(_sandbox.RunToday("drop", "sam-okafor"));
    }

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Suggestions_ListsEachWithItsIdWhyAndTheCommandToAcceptIt()
    {
        var output = Sandbox.Ok(_sandbox.RunToday("suggestions")).Out;

        var lines = output.Split('\n');
        var loosen = lines.Single(l => l.StartsWith("loosen/zoe-muller", StringComparison.Ordinal));
        Assert.Contains("Cadence.Diary accept loosen/zoe-muller", loosen, StringComparison.Ordinal);
        Assert.Contains("Your last 4 attempts with Zoë Müller came 41, 45 and 50 days apart, against every 30 days (at most 45): loosen the rule to every 7 weeks (at most 64 days).", loosen, StringComparison.Ordinal);
        var channel = lines.Single(l => l.StartsWith("channel/lee-park", StringComparison.Ordinal));
        Assert.Contains("Your last 3 notes to Lee Park went unanswered (since Sat 20 Dec 2025); no reply yet: try a call first.", channel, StringComparison.Ordinal);
        Assert.DoesNotContain("sam-okafor", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggestions_Json_HasTheFactsAndTheAcceptCommand()
    {
        using var json = Sandbox.Ok(_sandbox.RunToday("suggestions", "--json")).Json();
        var root = json.RootElement;

        Assert.Equal("suggestions", root.GetProperty("command").GetString());
        var suggestions = root.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.Equal(["channel/lee-park", "loosen/zoe-muller"], suggestions.Select(s => s.GetProperty("id").GetString()));
        var loosen = suggestions[1];
        Assert.Equal("loosen-rule", loosen.GetProperty("kind").GetString());
        Assert.Equal("zoe-muller", loosen.GetProperty("relationship").GetString());
        Assert.Equal("P7W", loosen.GetProperty("rule").GetProperty("target").GetString());
        Assert.Equal("P64D", loosen.GetProperty("rule").GetProperty("maxGap").GetString());
        Assert.Equal("P30D", loosen.GetProperty("currentRule").GetProperty("target").GetString());
        Assert.Equal([41, 45, 50], loosen.GetProperty("gapDays").EnumerateArray().Select(g => g.GetInt32()));
        Assert.Equal("Cadence.Diary accept loosen/zoe-muller", loosen.GetProperty("accept").GetString());
        var channel = suggestions[0];
        Assert.Equal("try-channel", channel.GetProperty("kind").GetString());
        Assert.Equal("call", channel.GetProperty("channel").GetString());
        Assert.Equal("note", channel.GetProperty("triedChannel").GetString());
        Assert.Equal(3, channel.GetProperty("unanswered").GetInt32());
        Assert.Equal(JsonValueKind.Null, channel.GetProperty("rule").ValueKind);
    }

    [Fact]
    public void Accept_AppliesOneAndSaysWhatChanged_ThenItIsNoLongerSuggested()
    {
        Assert.Equal("Lee Park (lee-park) now prefers a call first.\n", Sandbox.Ok(_sandbox.RunToday("accept", "channel/lee-park")).Out);
        Assert.Equal(
            "Loosened the rule of Zoë Müller (zoe-muller): at least 14 days, target 7 weeks, at most 64 days.\n",
            Sandbox.Ok(_sandbox.RunToday("accept", "loosen/zoe-muller")).Out);

        Assert.Contains("Suggestions: 0", Sandbox.Ok(_sandbox.RunToday("suggestions")).Out, StringComparison.Ordinal);
        var show = Sandbox.Ok(_sandbox.RunToday("show", "zoe-muller")).Out;
        Assert.Contains("at least 14 days, aim for 49 days, at most 64 days (its own)", show, StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_UnknownId_OneLineNamingIt_AndNothingChanges()
    {
        var before = System.IO.File.ReadAllBytes(_sandbox.DataFile);

        var failed = Sandbox.Fails(_sandbox.RunToday("accept", "archive/zoe-muller"));

        Assert.Contains("\"archive/zoe-muller\"", failed.Error, StringComparison.Ordinal);
        Assert.Contains("suggestions", failed.Error, StringComparison.Ordinal);
        Assert.Equal(before, System.IO.File.ReadAllBytes(_sandbox.DataFile));
        Sandbox.Fails(_sandbox.RunToday("accept"), 2);
    }

    [Fact]
    public void Review_ThisWeek_DoneSlippedFadingSuggestionsAndHowToAccept()
    {
        var output = Sandbox.Ok(_sandbox.RunToday("review")).Out;

        Assert.StartsWith("Week of Mon 9 Mar 2026 to Sun 15 Mar 2026, as of Fri 13 Mar 2026 (", output, StringComparison.Ordinal);
        Assert.Contains("Done: 1 touch, 1 step closed", output, StringComparison.Ordinal);
        Assert.Contains("a call with Sam Okafor", output, StringComparison.Ordinal);
        Assert.Contains("Step closed Fri 13 Mar: send the deck (Sam Okafor, sam-okafor-1).", output, StringComparison.Ordinal);
        Assert.Contains("Slipped: ", output, StringComparison.Ordinal);
        Assert.Contains("Step dropped Fri 13 Mar: lunch (Sam Okafor, sam-okafor-2).", output, StringComparison.Ordinal);
        Assert.Contains("Fading: ", output, StringComparison.Ordinal);
        var lee = output.Split('\n').Single(l => l.StartsWith("lee-park", StringComparison.Ordinal) && l.Contains("Lee Park", StringComparison.Ordinal) && !l.Contains("accept", StringComparison.Ordinal));
        Assert.Contains("fading: no exchange yet", lee, StringComparison.Ordinal);
        Assert.Contains("Cadence.Diary accept channel/lee-park", output, StringComparison.Ordinal);
        Assert.Contains("Cadence.Diary accept loosen/zoe-muller", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_Json_HasEachList()
    {
        using var json = Sandbox.Ok(_sandbox.RunToday("review", "--json")).Json();
        var root = json.RootElement;

        Assert.Equal("review", root.GetProperty("command").GetString());
        Assert.Equal("2026-03-09", root.GetProperty("week").GetProperty("monday").GetString());
        Assert.Equal("2026-03-15", root.GetProperty("week").GetProperty("sunday").GetString());
        Assert.Equal("2026-03-13", root.GetProperty("week").GetProperty("asOf").GetString());
        var done = Assert.Single(root.GetProperty("done").EnumerateArray());
        Assert.Equal("sam-okafor", done.GetProperty("relationship").GetString());
        Assert.Equal("2026-03-10", done.GetProperty("date").GetString());
        Assert.Equal("send the deck", Assert.Single(root.GetProperty("stepsClosed").EnumerateArray()).GetProperty("what").GetString());
        Assert.Equal("2026-03-13", Assert.Single(root.GetProperty("dropped").EnumerateArray()).GetProperty("closedOn").GetString());
        Assert.All(root.GetProperty("slipped").EnumerateArray(), t => Assert.True(t.GetProperty("daysOverdue").GetInt32() > 0));
        var fading = root.GetProperty("fading").EnumerateArray().ToList();
        Assert.Contains(fading, f => f.GetProperty("id").GetString() == "lee-park");
        Assert.All(fading, f => Assert.Contains(f.GetProperty("health").GetProperty("level").GetString(), new[] { "fading", "dormant" }));
        Assert.Equal(["channel/lee-park", "loosen/zoe-muller"], root.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("campaigns").ValueKind);
    }

    [Fact]
    public void Review_LastWeek_ReadAsOfItsSunday_AndABadWeekIsOneLine()
    {
        var output = Sandbox.Ok(_sandbox.RunToday("review", "--week", "2026-03-04")).Out;

        Assert.StartsWith("Week of Mon 2 Mar 2026 to Sun 8 Mar 2026 (", output, StringComparison.Ordinal);
        Assert.Contains("Done: 0 touches, 0 steps closed", output, StringComparison.Ordinal);
        Assert.Contains("Slipped: ", output, StringComparison.Ordinal);

        var failed = Sandbox.Fails(_sandbox.RunToday("review", "--week", "next friday"));
        Assert.Contains("--week", failed.Error, StringComparison.Ordinal);
    }
}
