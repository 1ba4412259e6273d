using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace Cadence.Tests;

/// <summary>
/// Diaries large enough to be planned on several threads, and the diary's own grouping of touches: the plan must be
/// the one a single thread makes, whatever the number of threads, and the same as planning each relationship alone.
/// </summary>
public class LargeDiaryTests
{
    private static readonly LocalDate Today = new(2026, 3, 2);

    private static readonly string[] Tiers = ["client", "prospect", "referral source", "past associate", "friend"];

    private static readonly string?[] Media = [null, "email", "EMAIL", "coffee", "LinkedIn", "handwritten card", "sms"];

    /// <summary>A seeded diary with every feature the scheduler reads: tiers, own rules, pauses, archived, commitments, moves.</summary>
    private static Diary Make(int relationships, int seed, Func<int, string>? tierOf = null)
    {
        var random = new Random(seed);
        var people = new List<Relationship>(relationships);
        var touches = new List<Touch>();
        var commitments = new List<Commitment>();
        var moves = new List<ManualMove>();
        for (int i = 0; i < relationships; i++)
        {
            // Ids not in the order of the list, so ranks and positions differ.
            string id = $"p{(i * 7919L) % relationships:D6}-{i}";
            var r = new Relationship(id, "Person " + i, tierOf?.Invoke(i) ?? Tiers[random.Next(Tiers.Length)]);
            if (random.Next(20) == 0) r = r.WithRule(CadenceRule.FromDays(3, 10, 20));
            if (random.Next(5) == 0) r = r.WithRule(new CadenceRule(Period.FromMonths(1), Period.FromMonths(2) + Period.FromDays(3), Period.FromYears(1)));
            if (random.Next(4) == 0) r = r.WithPreferredChannels((Channel)random.Next(4));
            int s = random.Next(100);
            if (s < 3) r = r.Archive();
            else if (s < 8) r = r.PauseUntil(Today.PlusDays(random.Next(-10, 60)));
            people.Add(r);

            int count = random.Next(0, 14);
            for (int k = 0; k < count; k++)
            {
                // Same-day touches on purpose: the order within a day is decided by the full touch order.
                var day = Today.PlusDays(-random.Next(0, count < 4 ? 3 : 400));
                touches.Add(new Touch(
                    id,
                    day,
                    (Channel)random.Next(4),
                    random.Next(4) == 0 ? Direction.Inbound : Direction.Outbound,
                    random.Next(5) == 0 ? Outcome.NoReply : Outcome.Connected,
                    Media[random.Next(Media.Length)],
                    random.Next(3) == 0 ? "note " + random.Next(3) : null,
                    random.Next(3) == 0 ? new LocalTime(9 + random.Next(3), 0) : null));
            }

            if (random.Next(10) == 0)
            {
                var c = new Commitment("c" + i, id, Today.PlusDays(random.Next(-20, 40)), "follow up");
                commitments.Add(random.Next(4) == 0 ? c.MarkDone() : c);
            }

            if (random.Next(25) == 0)
            {
                moves.Add(new ManualMove(id, Today.PlusDays(random.Next(0, 20)), Today.PlusDays(-random.Next(0, 30))));
            }
        }

        // A log in no particular order, as after merging two files.
        var shuffled = touches.OrderBy(_ => random.Next()).ToList();
        return new Diary(people, shuffled, commitments, moves);
    }

    [Theory]
    [InlineData(4096 * 3 + 1, 1)]
    [InlineData(20_000, 2)]
    public void Plan_OnManyThreads_EqualsPlanOnOneThread_AndEachPlanFor(int relationships, int seed)
    {
        var diary = Make(relationships, seed);
        var one = new Scheduler(SchedulerOptions.Default.WithMaxDegreeOfParallelism(1)).Plan(diary, Today);
        foreach (int? threads in new int?[] { null, 2, 3, 8 })
        {
            var many = new Scheduler(SchedulerOptions.Default.WithMaxDegreeOfParallelism(threads)).Plan(diary, Today);
            Assert.Equal(one.Touches.Count, many.Touches.Count);
            for (int i = 0; i < one.Touches.Count; i++)
            {
                Assert.Equal(one.Touches[i], many.Touches[i]);
                Assert.Equal(one.Touches[i].Why, many.Touches[i].Why);
            }
        }

        var alone = new Scheduler();
        Assert.Equal(diary.Relationships.Count(r => r.State.Status != RelationshipStatus.Archived), one.Touches.Count);
        foreach (var touch in one.Touches.Where((_, i) => i % 7 == 0))
        {
            Assert.Equal(touch, alone.PlanFor(diary, touch.RelationshipId, Today));
        }
    }

    [Fact]
    public void Plan_OnManyThreads_ThrowsWhatOneThreadThrows()
    {
        // Two unknown tiers and no fallback: one in the last chunk of id ranks, one in the first.
        var rules = CadenceRules.Default.WithFallback(null);
        var diary = Make(4096 * 4, 3, i => i == 4 ? "zebra keeper" : i == 4096 * 4 - 3 ? "aardvark" : "client");
        var first = Assert.Throws<KeyNotFoundException>(() => new Scheduler(SchedulerOptions.Default.WithRules(rules).WithMaxDegreeOfParallelism(1)).Plan(diary, Today));
        for (int run = 0; run < 5; run++)
        {
            var many = Assert.Throws<KeyNotFoundException>(() => new Scheduler(SchedulerOptions.Default.WithRules(rules).WithMaxDegreeOfParallelism(4)).Plan(diary, Today));
            Assert.Equal(first.Message, many.Message);
        }
    }

    [Fact]
    public void WithMaxDegreeOfParallelism_BelowOne_NamesTheValue()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SchedulerOptions.Default.WithMaxDegreeOfParallelism(0));
        Assert.Contains("0 was given", e.Message);
        Assert.Null(SchedulerOptions.Default.MaxDegreeOfParallelism);
        Assert.Equal(3, SchedulerOptions.Default.WithMaxDegreeOfParallelism(3).MaxDegreeOfParallelism);
        // Every other With… keeps it.
        Assert.Equal(3, SchedulerOptions.Default.WithMaxDegreeOfParallelism(3).WithDefaultChannel(Channel.Note).WithOfflineAfterOnlineTouches(2).MaxDegreeOfParallelism);
    }

    [Fact]
    public void TouchesOf_IsInTheOrderGiven_AfterTheDiaryGroupsAndSortsThem()
    {
        var diary = Make(300, 4);
        foreach (var r in diary.Relationships)
        {
            var expected = diary.Touches.Where(t => t.RelationshipId == r.Id).ToList();
            Assert.Equal(expected, diary.TouchesOf(r.Id));
        }
    }

    [Fact]
    public void DiaryIndex_GroupsTouchesInTouchOrder_WithTheirFacts()
    {
        var diary = Make(500, 5);
        var index = DiaryIndex.Of(diary);
        for (int r = 0; r < diary.Relationships.Count; r++)
        {
            var (start, count) = index.TouchRange(r);
            for (int k = start; k < start + count; k++)
            {
                var touch = diary.Touches[index.GroupedTouches[k]];
                Assert.Equal(diary.Relationships[r].Id, touch.RelationshipId);
                var facts = index.GroupedFacts[k];
                Assert.Equal(touch.Date.ToDateOnly().DayNumber, facts.Day);
                Assert.Equal(touch.Channel, facts.Channel);
                Assert.Equal(touch.IsOutbound, facts.IsOutbound);
                Assert.Equal(touch.Outcome == Outcome.NoReply, facts.IsNoReply);
                Assert.Equal(touch.Medium, index.Media[facts.Medium]);
                if (k > start)
                {
                    Assert.True(TouchOrder.Instance.Compare(diary.Touches[index.GroupedTouches[k - 1]], touch) <= 0);
                }
            }
        }
    }

    [Fact]
    public void DiaryIndex_IsBuiltOncePerDiaryByTheScheduler_AndNotSharedWithAChangedCopy()
    {
        // The scheduler keeps each diary's index beside it (the diary holds nothing of planning's).
        var diary = Make(50, 3);
        var scheduler = new Scheduler();
        var index = scheduler.IndexOf(diary);
        Assert.Same(index, scheduler.IndexOf(diary));
        scheduler.Plan(diary, Today);
        Assert.Same(index, scheduler.IndexOf(diary));

        var changed = diary.Log(new Touch(diary.Relationships[0].Id, Today, Channel.Call));
        Assert.NotSame(index, scheduler.IndexOf(changed));
        Assert.Equal(index.GroupedTouches.Length + 1, scheduler.IndexOf(changed).GroupedTouches.Length);
    }

    [Fact]
    public void PlusCalendar_AgreesWithNodaTime_OnEveryDayOfTwoLeapCycles_AndOverACenturyThatIsNotLeap()
    {
        var periods = new List<Period>();
        foreach (int y in new[] { 0, 1, 2 })
        foreach (int m in Enumerable.Range(0, 14))
        foreach (int w in new[] { 0, 1 })
        foreach (int d in new[] { 0, 1, 3 })
        {
            if (y != 0 || m != 0)
            {
                periods.Add(new PeriodBuilder { Years = y, Months = m, Weeks = w, Days = d }.Build());
            }
        }

        foreach (var (from, to) in new[] { (new LocalDate(2023, 12, 1), new LocalDate(2028, 3, 31)), (new LocalDate(2099, 10, 1), new LocalDate(2101, 3, 31)) })
        {
            for (var day = from; day <= to; day = day.PlusDays(1))
            {
                int dayNumber = day.ToDateOnly().DayNumber;
                foreach (var period in periods)
                {
                    int expected = day.Plus(period).ToDateOnly().DayNumber;
                    if (PeriodMath.PlusCalendar(dayNumber, period) != expected)
                    {
                        Assert.Fail($"{day} + {period}: NodaTime {day.Plus(period)}, ours {DateOnly.FromDayNumber(PeriodMath.PlusCalendar(dayNumber, period))}");
                    }

                    Assert.Equal(ScaledByNodaTime(day, period, 0.6).ToDateOnly().DayNumber, PeriodMath.PlusScaled(dayNumber, period, -1, 0.6));
                }
            }
        }
    }

    /// <summary><c>start + credit × period</c> in whole days, rounded down, with NodaTime's calendar arithmetic.</summary>
    private static LocalDate ScaledByNodaTime(LocalDate start, Period period, double credit) =>
        start.PlusDays((int)Math.Floor(Period.DaysBetween(start, start.Plus(period)) * credit));
}
