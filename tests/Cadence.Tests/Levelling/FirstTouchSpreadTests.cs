using System;
using System.Collections.Generic;
using System.Linq;
using Cadence.Calendars;
using Cadence.Explanations;
using Cadence.Levelling;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Cadence.Tests.Levelling;

/// <summary>First touches of new relationships spread over a period inside the owner's budget (issue 28).</summary>
public sealed class FirstTouchSpreadTests
{
    private static readonly LocalDate Monday = new(2026, 12, 7);

    private static Plan EmptyPlan => new Scheduler().Plan(new Diary([]), Monday);

    private static string[] Ids(int n) => Enumerable.Range(0, n).Select(i => "new-" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void TenOverTwoWeeks_OneEachWorkingDay_NoWeekend()
    {
        var days = FirstTouchSpread.Days(EmptyPlan, Ids(10), Monday, Monday.PlusDays(13), new OwnerCalendar(DateTimeZone.Utc));

        Assert.Equal(
            [Monday, Monday.PlusDays(1), Monday.PlusDays(2), Monday.PlusDays(3), Monday.PlusDays(4), Monday.PlusDays(7), Monday.PlusDays(8), Monday.PlusDays(9), Monday.PlusDays(10), Monday.PlusDays(11)],
            days);
    }

    [Fact]
    public void FewOverMany_EvenlySpaced_TimeOffAndHolidaysPassedOver()
    {
        var calendar = new OwnerCalendar(DateTimeZone.Utc).WithHolidays(Monday.PlusDays(14)).WithTimeOff(Monday.PlusDays(21), Monday.PlusDays(25));

        var days = FirstTouchSpread.Days(EmptyPlan, Ids(3), Monday, Monday.PlusDays(41), calendar);

        // 30 working days less a holiday (Mon 21 Dec) and a week off (28 Dec to 1 Jan): 24, so every eighth of them:
        // the 1st (Mon 7 Dec), the 9th (Thu 17 Dec) and the 17th (Wed 6 Jan).
        Assert.Equal([Monday, Monday.PlusDays(10), Monday.PlusDays(30)], days);
    }

    [Fact]
    public void MoreThanTheBudgetHolds_TheRestAfterThePeriod()
    {
        var calendar = new OwnerCalendar(DateTimeZone.Utc).WithBudget(new TouchBudget(2));

        var days = FirstTouchSpread.Days(EmptyPlan, Ids(13), Monday, Monday.PlusDays(4), calendar);

        Assert.All(days.GroupBy(d => d), g => Assert.True(g.Count() <= 2));
        Assert.Equal(10, days.Count(d => d <= Monday.PlusDays(4)));
        Assert.Equal([Monday.PlusDays(7), Monday.PlusDays(7), Monday.PlusDays(8)], days.Where(d => d > Monday.PlusDays(4)));
    }

    /// <summary>
    /// New relationships added to every-feature diaries, their first touches spread and set by moves marked as first
    /// touches: each is planned on its day, saying so ("first touch set for …"), and nobody else's plan changes.
    /// </summary>
    [Property(MaxTest = 200, QuietOnSuccess = true)]
    public Property NewRelationshipsSpread_EachPlannedOnItsDay_SayingSo_NobodyElseMoves() =>
        Prop.ForAll(
            (from s in AllFeatures.Scenario
             from count in Gen.Choose(1, 30)
             from weeks in Gen.Choose(1, 6)
             select (s, count, weeks)).ToArbitrary(),
            x =>
            {
                var (s, count, weeks) = x;
                var calendar = s.Options.Calendar ?? new OwnerCalendar(DateTimeZone.Utc);
                var ids = Ids(count);
                var withNew = s.Diary;
                foreach (string id in ids)
                {
                    withNew = withNew.Add(new Relationship(id, "New " + id, "client"));
                }

                var scheduler = new Scheduler(s.Options);
                var before = scheduler.Plan(withNew, s.Today);
                var through = s.Today.PlusWeeks(weeks);
                if (!Enumerable.Range(0, (weeks * 7) + 1).Any(d => calendar.IsWorkingDay(s.Today.PlusDays(d))))
                {
                    return true.Label("no working day");
                }

                var days = FirstTouchSpread.Days(new Leveller(calendar).Level(before), ids, s.Today, through, calendar);
                var spread = withNew;
                for (int i = 0; i < ids.Length; i++)
                {
                    spread = spread.Move(new ManualMove(ids[i], days[i], s.Today) { FirstTouch = true });
                }

                var after = scheduler.Plan(spread, s.Today);
                for (int i = 0; i < ids.Length; i++)
                {
                    var touch = after.Touches.Single(t => t.RelationshipId == ids[i]);
                    Assert.Equal(days[i], touch.Due);
                    Assert.Equal(new FirstTouchSetReason(days[i], s.Today), touch.Reasons.OfType<FirstTouchSetReason>().Single());
                    Assert.Empty(touch.Reasons.OfType<MovedByHandReason>());
                }

                var others = before.Touches.Where(t => !ids.Contains(t.RelationshipId)).Select(t => (t.RelationshipId, t.Due, t.Channel, t.Why)).ToList();
                Assert.Equal(others, after.Touches.Where(t => !ids.Contains(t.RelationshipId)).Select(t => (t.RelationshipId, t.Due, t.Channel, t.Why)).ToList());
                return true.Label("spread");
            });

    [Fact]
    public void BadArguments_RefusedNamingThem()
    {
        var calendar = new OwnerCalendar(DateTimeZone.Utc);
        var before = Assert.Throws<ArgumentException>(() => FirstTouchSpread.Days(EmptyPlan, Ids(1), Monday, Monday.PlusDays(-1), calendar));
        Assert.Contains("2026-12-06, before it starts on 2026-12-07", before.Message, StringComparison.Ordinal);
        var weekend = Assert.Throws<ArgumentException>(() => FirstTouchSpread.Days(EmptyPlan, Ids(1), Monday.PlusDays(5), Monday.PlusDays(6), calendar));
        Assert.Contains("no working day from 2026-12-12 to 2026-12-13", weekend.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ArgumentException>(() => FirstTouchSpread.Days(EmptyPlan, ["a", "b", "a"], Monday, Monday.PlusDays(6), calendar));
        Assert.Contains("\"a\" is given twice", twice.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Over every-feature diaries and their owner calendars (budgets per day and week, holidays, time off), spreading
    /// some of their relationships over a period: every day is a working day from the period's start; no day or week
    /// gets a spread touch beyond what the plan leaves of the budget; a day after the period only when no working day
    /// of the period has room left; and on a plan with nothing else, the period's working days get equal shares (one
    /// apart at most).
    /// </summary>
    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property AnyDiary_SpreadInsideTheBudget_InsideThePeriodWhileItHasRoom() =>
        Prop.ForAll(
            (from s in AllFeatures.Scenario
             from share in Gen.Choose(0, 100)
             from weeks in Gen.Choose(1, 8)
             from extra in Gen.Choose(0, 40)
             select (s, share, weeks, extra)).ToArbitrary(),
            x =>
            {
                var (s, share, weeks, extra) = x;
                var calendar = s.Options.Calendar ?? new OwnerCalendar(DateTimeZone.Utc);
                var plan = new Leveller(calendar).Level(new Scheduler(s.Options).Plan(s.Diary, s.Today));
                var ids = s.Diary.Relationships.Where((r, i) => i * 100 / Math.Max(1, s.Diary.Relationships.Count) < share).Select(r => r.Id)
                    .Concat(Ids(extra)).ToArray();
                var through = s.Today.PlusWeeks(weeks);
                if (!Enumerable.Range(0, (int)Period.Between(s.Today, through, PeriodUnits.Days).Days + 1).Any(d => calendar.IsWorkingDay(s.Today.PlusDays(d))))
                {
                    return true.Label("no working day");
                }

                IReadOnlyList<LocalDate> days;
                try
                {
                    days = FirstTouchSpread.Days(plan, ids, s.Today, through, calendar);
                }
                catch (ArgumentException e) when (e.Message.Contains("has no room", StringComparison.Ordinal))
                {
                    return true.Label("no room within a year");
                }

                var spread = ids.ToHashSet(StringComparer.Ordinal);
                var load = plan.Touches.Where(t => !spread.Contains(t.RelationshipId)).GroupBy(t => t.Due).ToDictionary(g => g.Key, g => g.Count());
                static LocalDate Week(LocalDate d) => d.PlusDays(-((int)d.DayOfWeek - 1));
                var weekLoad = plan.Touches.Where(t => !spread.Contains(t.RelationshipId)).GroupBy(t => Week(t.Due)).ToDictionary(g => g.Key, g => g.Count());
                var budget = calendar.Budget;
                Assert.Equal(ids.Length, days.Count);
                Assert.All(days, d => Assert.True(calendar.IsWorkingDay(d) && d >= s.Today, $"{d} is not a working day from {s.Today}"));
                foreach (var day in days.GroupBy(d => d))
                {
                    Assert.True(load.GetValueOrDefault(day.Key) + day.Count() <= budget.PerDay, $"{day.Key}: {load.GetValueOrDefault(day.Key)} planned + {day.Count()} spread > {budget.PerDay}");
                }

                if (budget.PerWeek is { } perWeek)
                {
                    foreach (var week in days.GroupBy(Week))
                    {
                        Assert.True(weekLoad.GetValueOrDefault(week.Key) + week.Count() <= perWeek, $"week of {week.Key} over {perWeek}");
                    }
                }

                bool Full(LocalDate d) =>
                    load.GetValueOrDefault(d) + days.Count(x => x == d) >= budget.PerDay
                    || (budget.PerWeek is { } w && weekLoad.GetValueOrDefault(Week(d)) + days.Count(x => Week(x) == Week(d)) >= w);
                if (days.Any(d => d > through))
                {
                    for (var d = s.Today; d <= through; d = d.PlusDays(1))
                    {
                        Assert.True(!calendar.IsWorkingDay(d) || Full(d), $"{d} had room, but a touch went after {through}");
                    }
                }

                // With nothing else planned and room to spare, equal shares.
                var alone = FirstTouchSpread.Days(EmptyPlan, Ids(extra), s.Today, through, new OwnerCalendar(calendar.TimeZone).WithWorkingDays(calendar.WorkingDays).WithBudget(new TouchBudget(1000)));
                var working = Enumerable.Range(0, (int)Period.Between(s.Today, through, PeriodUnits.Days).Days + 1).Select(d => s.Today.PlusDays(d)).Where(d => calendar.WorkingDays.Contains(d.DayOfWeek)).ToList();
                if (working.Count > 0 && extra > 0)
                {
                    var counts = working.Select(d => alone.Count(a => a == d)).ToList();
                    Assert.True(counts.Max() - counts.Min() <= 1, $"shares {string.Join(",", counts)}");
                }

                return true.Classify(days.Any(d => d > through), "some after the period");
            });
}
