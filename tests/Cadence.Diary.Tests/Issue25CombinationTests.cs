using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Cadence.Sample.Tests;

/// <summary>
/// Issue 25 where two features meet, through the real executable from an empty diary, day after day with <c>--date</c>:
/// a missed call plans a call back; a touch held by the gap after a ladder is not overdue on the day the plan gave it;
/// and the feed stays still through time off and a birthday while nothing is logged. (A campaign that only brings touches
/// earlier: <see cref="CampaignCommandTests"/>; a far promise: <see cref="PromiseAndMoveTests"/>; levelling inside the
/// window: <see cref="LevellingWindowTests"/>; log's "Next:", archived, timed promises, the user's words:
/// <see cref="Issue25Tests"/>.)
/// </summary>
public sealed partial class Issue25CombinationTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private RunResult On(string day, params string[] args) => _sandbox.Run([.. args, "--date", day]);

    private static string Row(string agenda, string id) => agenda.Split('\n').Single(l => l.Contains(id, StringComparison.Ordinal));

    [Fact]
    public void TheirMissedCall_PlansACallBackTheNextWorkingDay_UntilYouCall()
    {
        _sandbox.InitEmpty(("Sam Okafor", "prospect"));
        Sandbox.Ok(On("2026-03-02", "log", "sam-okafor", "--channel", "meeting"));

        // Friday: they called and nobody answered.
        var log = Sandbox.Ok(On("2026-03-13", "log", "sam-okafor", "--channel", "call", "--inbound", "--no-reply"));
        Assert.Contains("Next: Mon 16 Mar 2026, a call.", log.Out, StringComparison.Ordinal);

        var monday = Row(Sandbox.Ok(On("2026-03-16", "agenda")).Out, "sam-okafor");
        Assert.StartsWith("Mon 16 Mar", monday, StringComparison.Ordinal);
        Assert.Contains("Call Sam Okafor", monday, StringComparison.Ordinal);
        Assert.Contains("They called on Fri 13 Mar 2026 and you missed it: call back", monday, StringComparison.Ordinal);

        // Called back: the call back is done, and the cadence plans the next touch.
        Sandbox.Ok(On("2026-03-16", "log", "sam-okafor", "--channel", "call"));
        var after = Sandbox.Ok(On("2026-03-17", "plan")).Out;
        Assert.DoesNotContain("call back", Row(after, "sam-okafor"), StringComparison.Ordinal);
        Assert.StartsWith("Mon 30 Mar", Row(after, "sam-okafor"), StringComparison.Ordinal);
    }

    [Fact]
    public void ATouchHeldByTheGapAfterALadder_IsNotOverdueOnTheDayThePlanGaveIt()
    {
        // Met on 20 Feb (a prospect is due every 2 weeks: 6 Mar); an email on 9 Mar with a follow-up, unanswered, and the
        // follow-up on 12 Mar, unanswered too: the next touch waits a week after it, to Thu 19 Mar.
        _sandbox.InitEmpty(("Ana Lima", "prospect"));
        Sandbox.Ok(On("2026-03-02", "log", "ana-lima", "--channel", "meeting", "--on", "2026-02-20"));
        Sandbox.Ok(On("2026-03-09", "log", "ana-lima", "--channel", "note", "--medium", "email", "--no-reply", "--follow-up", "3wd:email"));
        var followUp = Sandbox.Ok(On("2026-03-12", "log", "ana-lima", "--channel", "note", "--medium", "email", "--no-reply"));
        Assert.Contains("Next: Thu 19 Mar 2026, a call.", followUp.Out, StringComparison.Ordinal);

        // Every morning up to it, and on the day itself: Thu 19 Mar, with no lateness (it was "6 days overdue" that day).
        foreach (var day in new[] { "2026-03-13", "2026-03-16", "2026-03-18", "2026-03-19" })
        {
            var row = Row(Sandbox.Ok(On(day, "agenda", "--days", "14")).Out, "ana-lima");
            Assert.StartsWith("Thu 19 Mar", row, StringComparison.Ordinal);
            Assert.DoesNotContain("overdue", row, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"Call Ana Lima\s+\d+d", row);
        }

        // The day after, it is a day late: counted from the day the plan gave it.
        Assert.Contains("1 day overdue (was due Thu 19 Mar 2026)", Row(Sandbox.Ok(On("2026-03-20", "agenda")).Out, "ana-lima"), StringComparison.Ordinal);
    }

    [GeneratedRegex("BEGIN:VEVENT\r\n(.*?)END:VEVENT", RegexOptions.Singleline)]
    private static partial Regex Event();

    /// <summary>A feed's events, unfolded, by UID: their DTSTART line and their whole text.</summary>
    private static Dictionary<string, (string Start, string Text)> Events(string ics) =>
        Event().Matches(ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal)).Select(m => m.Groups[1].Value).ToDictionary(
            e => e.Split("\r\n").Single(l => l.StartsWith("UID:", StringComparison.Ordinal)),
            e => (e.Split("\r\n").Single(l => l.StartsWith("DTSTART", StringComparison.Ordinal)), e));

    [Fact]
    public void TheFeed_StaysStillThroughTimeOffAndABirthday_WhileNothingIsLogged()
    {
        // The issue's morning: time off on Good Friday and the week after Easter; a referral source due in it; a client
        // whose routine touch falls due shortly before her birthday; a prospect whose call we missed.
        _sandbox.InitEmpty(("Rita Referral", "referral source"), ("Zoë Müller", "client"), ("Sam Okafor", "prospect"));
        Sandbox.Ok(On("2026-03-20", "owner", "--zone", "Europe/London", "--per-day", "3", "--off", "2026-04-03", "--off", "2026-04-06..2026-04-10"));
        Sandbox.Ok(On("2026-03-20", "log", "rita-referral", "--channel", "note", "--on", "2026-03-09"));
        Sandbox.Ok(On("2026-03-20", "log", "zoe-muller", "--channel", "meeting", "--on", "2026-03-08"));
        Sandbox.Ok(On("2026-03-20", "date", "zoe-muller", "--label", "birthday", "--on", "1986-04-12"));
        Sandbox.Ok(On("2026-03-20", "log", "sam-okafor", "--channel", "call", "--inbound", "--no-reply"));

        Dictionary<string, (string Start, string Text)>? yesterday = null;
        int still = 0;
        for (var day = new DateOnly(2026, 3, 30); day <= new DateOnly(2026, 4, 14); day = day.AddDays(1))
        {
            string date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Sandbox.Ok(On(date, "feed", "--out", "cadence.ics"));
            var events = Events(File.ReadAllText(_sandbox.Path("cadence.ics")));
            if (yesterday is not null)
            {
                foreach (var (uid, (start, text)) in events.Where(e => yesterday.TryGetValue(e.Key, out var y) && y.Start == e.Value.Start))
                {
                    Assert.True(yesterday[uid].Text == text, $"{date}: an event changed without moving:\n{yesterday[uid].Text}\n---\n{text}");
                    still++;
                }
            }

            yesterday = events;
        }

        Assert.True(still > 20, $"only {still} events kept their day");

        // What the user reads meanwhile: the referral source before the time off, not after it; the birthday waits.
        var plan = Sandbox.Ok(On("2026-03-30", "plan")).Out;
        Assert.Contains("moved from Fri 3 Apr 2026: time off", Row(plan, "rita-referral"), StringComparison.Ordinal);
        Assert.StartsWith("Thu 2 Apr", Row(plan, "rita-referral"), StringComparison.Ordinal);
        Assert.Contains("the routine touch due Tue 7 Apr 2026 waits for it", Row(plan, "zoe-muller"), StringComparison.Ordinal);
    }
}
