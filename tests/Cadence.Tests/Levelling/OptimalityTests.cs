using System;
using System.Collections.Generic;
using System.Linq;
using Cadence.Calendars;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Cadence.Tests.Levelling;

/// <summary>
/// A small levelling instance: touches due <c>Due</c> days from today (negative: overdue) with <c>Slack</c> days before
/// their latest day, a daily budget, and days off. No fixed touches, no time zones, no channel or weekly budget.
/// </summary>
public sealed record SmallInstance(
    LocalDate Today,
    int PerDay,
    IsoDayOfWeek[] WorkingDays,
    LocalDate[] Holidays,
    (LocalDate Start, LocalDate End)? TimeOff,
    (int Due, int Slack)[] Touches)
{
    public OwnerCalendar Calendar()
    {
        var calendar = OwnerCalendar.ForZone("UTC").WithWorkingDays(WorkingDays).WithHolidays(Holidays).WithBudget(new TouchBudget(PerDay));
        return TimeOff is { } off ? calendar.WithTimeOff(off.Start, off.End) : calendar;
    }

    /// <summary>
    /// Client i was last met 10 days ago on a rule of its own (no minimum gap, target 10 + Due, at most 10 + Due + Slack),
    /// so the scheduler makes it due on today + Due (today when overdue), not after today + Due + Slack.
    /// </summary>
    public Diary Diary() => new(
        Touches.Select((t, i) => new Relationship("t" + i, "Touch " + i, "client").WithRule(CadenceRule.FromDays(0, 10 + t.Due, 10 + t.Due + t.Slack))),
        Touches.Select((_, i) => new Touch("t" + i, Today.PlusDays(-10), Channel.Meeting)));

    /// <summary>Whether a day is a working day, from the instance's own data.</summary>
    public bool IsWorking(LocalDate day) =>
        WorkingDays.Contains(day.DayOfWeek)
        && !Holidays.Contains(day)
        && !(TimeOff is { } off && off.Start <= day && day <= off.End);

    public override string ToString() =>
        $"today {Today:ddd uuuu-MM-dd}, {PerDay} a day, works {string.Join(",", WorkingDays)}, holidays [{string.Join(", ", Holidays.Select(h => h.ToString("ddd uuuu-MM-dd", null)))}]"
        + (TimeOff is { } off ? $", time off {off.Start:uuuu-MM-dd}..{off.End:uuuu-MM-dd}" : string.Empty)
        + $", touches (due, slack): [{string.Join(", ", Touches.Select(t => $"({t.Due}, {t.Slack})"))}]";
}

/// <summary>
/// With only a daily budget, the leveller's largest lateness is never worse than the best possible with every touch on
/// or after its due day, and equal to it when levelling placed no touch before its due day: checked against an
/// exhaustive search over every such assignment of touches to days, on a few hundred small generated instances.
/// </summary>
/// <remarks>
/// The search keeps every touch on or after its due day, as the earliest-deadline-first sweep does. Since issue 25 a
/// touch that the sweep would place past its latest day goes instead to a day of its window before its due day when one
/// has room (here every window opens today: no minimum gap). That only takes room no touch due later could use, and
/// frees the day it would have taken, so no touch is placed later than by the sweep alone: the largest lateness can be
/// smaller than the search's best, never larger. When no touch went before its due day, the leveller is the sweep, and
/// the search's best is its answer.
/// </remarks>
[Properties(Arbitrary = new[] { typeof(OptimalityTests) }, QuietOnSuccess = true)]
public class OptimalityTests
{
    private const int Instances = 600;

    private static readonly IsoDayOfWeek[] Week =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    /// <summary>Up to 8 touches due within a 10-day range (some overdue), a budget of 1 to 3 a day, some days off.</summary>
    public static Gen<SmallInstance> Small =>
        from today in Generators.Day(new LocalDate(2026, 1, 1), 365)
        from n in Gen.Choose(1, 8)
        from dues in Gen.ArrayOf(Gen.Frequency((1, Gen.Choose(-4, -1)), (3, Gen.Choose(0, 9))), n)
        from slacks in Gen.ArrayOf(Gen.Frequency((2, Gen.Choose(0, 2)), (1, Gen.Choose(3, 8))), n)
        from perDay in Gen.Choose(1, 3)
        from weekdays in Gen.Frequency((2, Gen.Constant(Week[..5])), (1, Gen.SubListOf(Week).Select(l => l.ToArray())))
        from oneDay in Gen.Elements(Week)
        from holidayCount in Gen.Choose(0, 3)
        from holidays in Gen.ArrayOf(Generators.Day(today, 12), holidayCount)
        from hasTimeOff in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from offStart in Generators.Day(today, 10)
        from offLength in Gen.Choose(0, 4)
        select new SmallInstance(
            today,
            perDay,
            weekdays.Length > 0 ? weekdays : [oneDay],
            holidays,
            hasTimeOff ? (offStart, offStart.PlusDays(offLength)) : null,
            dues.Zip(slacks).ToArray());

    /// <summary>The properties' arbitrary: a <see cref="SmallInstance"/> parameter gets one of <see cref="Small"/>.</summary>
    public static Arbitrary<SmallInstance> SmallInstances => Small.ToArbitrary();

    /// <summary>
    /// The smallest largest lateness over every placement of the touches (touch i on a working day no earlier than
    /// release[i], at most <see cref="SmallInstance.PerDay"/> a day), by depth-first search with branch and bound.
    /// Days are counted from today; lateness is the day minus deadline[i].
    /// </summary>
    /// <remarks>
    /// The search tries, for each touch, the first n working days from its release (n touches): some best placement
    /// uses only those, since a touch whose day has a working day with room between its release and that day can move
    /// there without getting later, and when every such day is full, at most n − 1 of them precede it.
    /// </remarks>
    internal static int Optimum(SmallInstance instance, int[] release, int[] deadline)
    {
        int n = release.Length;
        var candidates = new int[n][];
        for (int i = 0; i < n; i++)
        {
            var days = new List<int>(n);
            for (int day = release[i]; days.Count < n; day++)
            {
                if (instance.IsWorking(instance.Today.PlusDays(day)))
                {
                    days.Add(day);
                }
            }

            candidates[i] = [.. days];
        }

        // Earliest deadline first finds a good bound early; touches alike are placed in day order only (symmetry).
        int[] order = [.. Enumerable.Range(0, n).OrderBy(i => deadline[i]).ThenBy(i => release[i])];
        int lowerBound = Enumerable.Range(0, n).Max(i => candidates[i][0] - deadline[i]);
        var used = new Dictionary<int, int>();
        var chosen = new int[n];
        int best = int.MaxValue;

        void Search(int k, int worst)
        {
            if (k == n)
            {
                best = worst;
                return;
            }

            int i = order[k];
            bool sameAsPrevious = k > 0 && release[order[k - 1]] == release[i] && deadline[order[k - 1]] == deadline[i];
            foreach (int day in candidates[i])
            {
                if (sameAsPrevious && day < chosen[k - 1])
                {
                    continue;
                }

                int worstSoFar = Math.Max(worst, day - deadline[i]);
                if (worstSoFar >= best)
                {
                    break; // later days are only later
                }

                if (used.GetValueOrDefault(day) >= instance.PerDay)
                {
                    continue;
                }

                used[day] = used.GetValueOrDefault(day) + 1;
                chosen[k] = day;
                Search(k + 1, worstSoFar);
                used[day]--;
                if (best <= lowerBound)
                {
                    return;
                }
            }
        }

        Search(0, int.MinValue);
        return best;
    }

    private static bool Fail(string message) => throw new InvalidOperationException(message);

    private static (int Levelled, int Optimum, bool Earlier, string Detail) Compare(SmallInstance instance)
    {
        var plan = new Scheduler().Plan(instance.Diary(), instance.Today);
        var levelled = new Leveller(instance.Calendar()).Level(plan);
        var touches = plan.Touches.OrderBy(t => t.RelationshipId, StringComparer.Ordinal).ToArray();
        int[] release = [.. touches.Select(t => Period.DaysBetween(instance.Today, t.Due))];
        int[] deadline = [.. touches.Select(t => Period.DaysBetween(instance.Today, t.NotAfter))];
        int[] placed = [.. touches.Select(t => Period.DaysBetween(instance.Today, levelled[t.RelationshipId].Due))];

        // The instance is what it says: due today + Due (today when overdue), not after today + Due + Slack.
        for (int i = 0; i < touches.Length; i++)
        {
            var (due, slack) = instance.Touches[int.Parse(touches[i].RelationshipId[1..], System.Globalization.CultureInfo.InvariantCulture)];
            Assert.Equal(Math.Max(0, due), release[i]);
            Assert.Equal(due + slack, deadline[i]);
        }

        // The levelled placement is feasible: working days, never before today, before its due day only inside its
        // window (not after its latest day), within the daily budget.
        for (int i = 0; i < touches.Length; i++)
        {
            Assert.True(instance.IsWorking(instance.Today.PlusDays(placed[i])), $"{touches[i].RelationshipId} on a day off: {instance}");
            Assert.True(placed[i] >= 0, $"{touches[i].RelationshipId} before today: {instance}");
            Assert.True(placed[i] >= release[i] || placed[i] <= deadline[i], $"{touches[i].RelationshipId} before its due day and past its latest day: {instance}");
        }

        Assert.True(placed.GroupBy(d => d).All(g => g.Count() <= instance.PerDay), $"over budget: {instance}");

        // An overdue touch is late from the day it was due (so the most overdue goes first): that is its deadline here.
        int[] lateFrom = [.. touches.Select(t => t.IsOverdue ? -t.DaysOverdue : Period.DaysBetween(instance.Today, t.NotAfter))];
        int levelledMax = Enumerable.Range(0, touches.Length).Max(i => placed[i] - lateFrom[i]);
        string detail = $"{instance}\n  placed {string.Join(", ", placed)}; late from {string.Join(", ", lateFrom)}";
        bool earlier = Enumerable.Range(0, touches.Length).Any(i => placed[i] < release[i]);
        return (levelledMax, Optimum(instance, release, lateFrom), earlier, detail);
    }

    [Property(MaxTest = Instances)]
    public bool Level_SmallInstancesWithADailyBudget_LargestLatenessNeverWorseThanTheBestOnOrAfterDueDays(SmallInstance instance)
    {
        var (levelled, optimum, earlier, detail) = Compare(instance);
        return (earlier ? levelled <= optimum : levelled == optimum)
            || Fail($"largest lateness {levelled}, best possible on or after the due days {optimum}{(earlier ? " (some touch before its due day)" : string.Empty)}: {detail}");
    }

    [Property(MaxTest = Instances / 2)]
    public Property Level_TightInstancesWithABudgetOfOne_LargestLatenessNeverWorseThanTheBestOnOrAfterDueDays()
    {
        // Eight touches, one a day, Monday to Friday: every placement is forced to spread and most are late.
        var tight =
            from instance in Small
            from dues in Gen.ArrayOf(Gen.Choose(-2, 4), 8)
            from slacks in Gen.ArrayOf(Gen.Choose(0, 3), 8)
            select instance with { PerDay = 1, Touches = dues.Zip(slacks).ToArray() };

        return Prop.ForAll(tight.ToArbitrary(), instance =>
        {
            var (levelled, optimum, earlier, detail) = Compare(instance);
            return (earlier ? levelled <= optimum : levelled == optimum)
                || Fail($"largest lateness {levelled}, best possible on or after the due days {optimum}{(earlier ? " (some touch before its due day)" : string.Empty)}: {detail}");
        });
    }

    // ---------------------------------------------------------------- the search itself, on instances worked out by hand

    [Fact]
    public void Optimum_ThreeTouchesDueTodayOneADay_TwoDaysLate()
    {
        // Mon 6 Apr 2026, Monday to Friday: three touches due today with no slack go on Mon, Tue, Wed: the last is 2 days late.
        var instance = new SmallInstance(new LocalDate(2026, 4, 6), 1, Week[..5], [], null, [(0, 0), (0, 0), (0, 0)]);

        Assert.Equal(2, Optimum(instance, [0, 0, 0], [0, 0, 0]));
    }

    [Fact]
    public void Optimum_EarlyDeadlineBehindALateOne_EarliestDeadlineFirstIsBetter()
    {
        // Two touches released today, one a day, deadlines in 5 days and today: the urgent one today (lateness 0), the
        // other tomorrow, 4 days early (−4): largest lateness 0.
        var instance = new SmallInstance(new LocalDate(2026, 4, 6), 1, Week[..5], [], null, [(0, 5), (0, 0)]);

        Assert.Equal(0, Optimum(instance, [0, 0], [5, 0]));
    }

    [Fact]
    public void Optimum_WeekendInTheWay_CountsOnlyWorkingDays()
    {
        // Fri 10 Apr 2026: two touches due today, one a day; the second goes on Monday, 3 days after its deadline.
        var instance = new SmallInstance(new LocalDate(2026, 4, 10), 1, Week[..5], [], null, [(0, 0), (0, 0)]);

        Assert.Equal(3, Optimum(instance, [0, 0], [0, 0]));
    }

    [Fact]
    public void Level_TwoTouchesDueWednesdayOneADay_TheSecondGoesTuesdayAndBeatsTheBestOnOrAfterDueDays()
    {
        // Mon 6 Apr 2026, one a day. t0 and t1 both due Wednesday with no slack: on or after their due days one of them is
        // a day late (Thursday); the leveller puts t1 on Tuesday instead, inside its window: nobody is late.
        var instance = new SmallInstance(new LocalDate(2026, 4, 6), 1, Week[..5], [], null, [(2, 0), (2, 0)]);

        var (levelled, optimum, earlier, detail) = Compare(instance);

        Assert.Equal(1, optimum);
        Assert.True(earlier, detail);
        Assert.True(levelled == 0, detail);
    }

    [Fact]
    public void Level_ExampleWhereDueOrderIsNotDeadlineOrder_LevellerFindsTheOptimum()
    {
        // Mon 6 Apr 2026, one a day. t0 due today with 4 days' slack; t1 due today, no slack; t2 due tomorrow, no slack.
        // Best: t1 Mon (0), t2 Tue (0), t0 Wed (2 days before its deadline): largest lateness 0.
        var instance = new SmallInstance(new LocalDate(2026, 4, 6), 1, Week[..5], [], null, [(0, 4), (0, 0), (1, 0)]);

        var (levelled, optimum, earlier, detail) = Compare(instance);

        Assert.Equal(0, optimum);
        Assert.False(earlier, detail);
        Assert.True(levelled == optimum, detail);
    }
}
