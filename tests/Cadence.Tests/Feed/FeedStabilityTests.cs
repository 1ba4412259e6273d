using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Cadence.Calendars;
using Cadence.Feed;
using Cadence.Levelling;
using Cadence.Planning;
using NodaTime;

namespace Cadence.Tests.Feed;

/// <summary>
/// A feed that stays still: written every morning from an unchanged diary, an event changes only when its date moves
/// (an overdue touch rolls to today), so calendar apps see no churn and the ETag holds. Logging a touch changes only
/// that relationship's event.
/// </summary>
public sealed class FeedStabilityTests
{
    private static readonly LocalDate Start = new(2026, 3, 2);

    /// <summary>Relationships at every stage: overdue, due soon, due in weeks, waiting after no reply, a promise, a pause.</summary>
    internal static Diary Diary() => new(
        [
            new Relationship("zoe", "Zoë Müller", "client").WithPreferredChannels(Channel.Call),
            new Relationship("sam", "Sam Okafor", "prospect"),
            new Relationship("li", "李娜", "referral source"),
            new Relationship("tom", "Tom Ashworth", "client"),
            new Relationship("ann", "Ann Berg", "past associate").PauseUntil(Start.PlusDays(12)),
            new Relationship("eve", "Eve Dark", "client"),
            new Relationship("max", "Max Weber", "past associate"),
        ],
        [
            new Touch("zoe", Start.PlusDays(-41), Channel.Meeting, medium: "coffee", summary: "Quarterly review"),
            new Touch("sam", Start.PlusDays(-3), Channel.Meeting, medium: "ExpoLondon stand"),
            new Touch("li", Start.PlusDays(-20), Channel.Social, Direction.Inbound, medium: "LinkedIn"),
            new Touch("tom", Start.PlusDays(-10), Channel.Call, outcome: Outcome.NoReply),
            new Touch("eve", Start.PlusDays(-5), Channel.Meeting, medium: "lunch"),
            new Touch("max", Start.PlusDays(-60), Channel.Note, medium: "card"),
        ],
        [
            new Commitment("sam-1", "sam", Start.PlusDays(8), "send the proposal", Channel.Note),
        ]);

    private static readonly OwnerCalendar Calendar = new OwnerCalendar(DateTimeZone.Utc).WithBudget(new TouchBudget(3));

    private static Schedule PlanOn(Diary diary, LocalDate today) => new Leveller(Calendar).Level(new Scheduler().Plan(diary, today));

    private static Instant MorningOf(LocalDate day) => day.At(new LocalTime(7, 0)).InUtc().ToInstant();

    /// <summary>Each component's lines (unfolded), by UID; its date is its DTSTART or DUE line.</summary>
    internal static Dictionary<string, (string Date, string Text)> Events(string feed, string kind)
    {
        var components = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        List<string>? lines = null;
        foreach (string line in IcsReader.Unfold(Encoding.UTF8.GetBytes(feed)))
        {
            if (line == $"BEGIN:{kind}")
            {
                lines = [];
            }
            else if (line == $"END:{kind}" && lines is not null)
            {
                string uid = lines.Single(l => l.StartsWith("UID:", StringComparison.Ordinal));
                string date = lines.Single(l => l.StartsWith("DTSTART", StringComparison.Ordinal) || l.StartsWith("DUE", StringComparison.Ordinal));
                components.Add(uid, (date, string.Join("\r\n", lines)));
                lines = null;
            }
            else
            {
                lines?.Add(line);
            }
        }

        return components;
    }

    [Theory]
    [InlineData(FeedLayout.Events, "VEVENT")]
    [InlineData(FeedLayout.Tasks, "VTODO")]
    public void ThirtyMorningsOfAnUnchangedDiary_AnEventChangesOnlyWhenItsDateMoves(FeedLayout layout, string kind)
    {
        var writer = new FeedWriter(new FeedOptions("Cadence", FeedFixtures.Key).WithLayout(layout));
        var diary = Diary();
        var state = FeedState.Empty;
        Dictionary<string, (string Date, string Text)>? yesterday = null;
        string? yesterdayText = null;
        int still = 0, moved = 0, stillDays = 0;
        for (int day = 0; day < 30; day++)
        {
            var today = Start.PlusDays(day);
            var result = writer.Write(PlanOn(diary, today), state, MorningOf(today), out string text);
            var events = Events(text, kind);
            if (yesterday is not null)
            {
                foreach (var (uid, (date, body)) in events.Where(e => yesterday.ContainsKey(e.Key)))
                {
                    if (yesterday[uid].Date == date)
                    {
                        // Same day: the same bytes, SEQUENCE, DTSTAMP and LAST-MODIFIED included.
                        Assert.True(yesterday[uid].Text == body, $"{today}: {uid} changed without moving:\n{yesterday[uid].Text}\n---\n{body}");
                        still++;
                    }
                    else
                    {
                        // An event moves only forward: a touch due now rolls to the next working day with room, and
                        // as more fall due, the budget pushes some of them later.
                        Assert.True(string.CompareOrdinal(DateOf(date), DateOf(yesterday[uid].Date)) > 0, $"{today}: {uid} moved back from {yesterday[uid].Date} to {date}");
                        moved++;
                    }
                }

                if (events.Keys.ToHashSet().SetEquals(yesterday.Keys) && events.All(e => yesterday[e.Key].Date == e.Value.Date))
                {
                    // Nothing moved: the whole feed is byte-identical, and the writer says it did not change.
                    Assert.Equal(yesterdayText, text);
                    Assert.False(result.Changed, $"{today}: the writer said the feed changed");
                    stillDays++;
                }
            }

            (yesterday, yesterdayText, state) = (events, text, result.State);
        }

        // Both happen: events stay still, and touches left undone roll on (here nothing is ever logged, so by the
        // end most are overdue and roll every morning: 92 stayed and 111 moved; on 8 mornings the whole feed was still).
        Assert.True(still > 0 && moved > 0 && stillDays > 0, $"{still} events stayed, {moved} moved, {stillDays} days unchanged");
    }

    /// <summary>The date of a DTSTART or DUE line: "20260313" of "DTSTART;VALUE=DATE:20260313".</summary>
    private static string DateOf(string line) => line[(line.LastIndexOf(':') + 1)..];

    [Fact]
    public void ATouchLogged_ChangesOnlyThatRelationshipsEvent()
    {
        var writer = new FeedWriter(new FeedOptions("Cadence", FeedFixtures.Key));
        var today = Start.PlusDays(4);
        var before = writer.Write(PlanOn(Diary(), today), FeedState.Empty, MorningOf(today), out string first);

        var logged = Diary().Log(new Touch("eve", today, Channel.Call, medium: "phone"));
        writer.Write(PlanOn(logged, today), before.State, MorningOf(today).Plus(Duration.FromHours(2)), out string second);

        var (a, b) = (Events(first, "VEVENT"), Events(second, "VEVENT"));
        var changed = a.Keys.Union(b.Keys).Where(uid => !a.TryGetValue(uid, out var x) || !b.TryGetValue(uid, out var y) || x.Text != y.Text).ToList();
        Assert.NotEmpty(changed);
        Assert.All(changed, uid => Assert.Contains("Eve Dark", (a.GetValueOrDefault(uid).Text ?? string.Empty) + (b.GetValueOrDefault(uid).Text ?? string.Empty), StringComparison.Ordinal));
        Assert.Equal(a.Count - 1, a.Keys.Intersect(b.Keys).Count(uid => a[uid].Text == b[uid].Text));
    }
}
