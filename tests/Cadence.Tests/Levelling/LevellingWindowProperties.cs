using System;
using System.Collections.Generic;
using System.Linq;
using Cadence.Calendars;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit.Abstractions;

namespace Cadence.Tests.Levelling;

/// <summary>
/// Issue 25, "levelling uses the whole window": after levelling, a touch past its window has no day of its window (from
/// today on) left with room. Room is recomputed here from the levelled plan and the calendar's own data, independently
/// of the leveller: a working day (not a weekend, holiday or time off), under the day's, the week's and the touch's
/// channel's budgets counting every touch placed there (fixed ones too), and, for a call or meeting with a contact whose
/// zone is known, not the contact's weekend.
/// </summary>
public class LevellingWindowProperties(ITestOutputHelper output)
{
    /// <summary>
    /// The levelling scenarios of <see cref="ReferenceLevellerProperties"/>: the usual ones, harsher ones, and ones where
    /// touches often have room only before their due day (<see cref="LevellingProperties.WindowScenarios"/>).
    /// </summary>
    private static Gen<LevellingScenario> Scenarios => ReferenceLevellerProperties.Scenarios;

    [Property(MaxTest = Generators.Runs, QuietOnSuccess = true)]
    public Property Level_AnyDiaryAndCalendar_ATouchPastItsWindowHasNoDayOfItsWindowWithRoom() =>
        Prop.ForAll(Scenarios.ToArbitrary(), s =>
            NoRoomInTheWindowOfALateTouch(s.Levelled(), s.Calendar, s.Today) is not { } problem
                || Fail($"{problem}\n{s}"));

    /// <summary>
    /// The same over diaries that mix every feature the planner reads (campaigns, dates, promises near and far, ladders,
    /// pauses, moves by hand), levelled on the calendar of their options (time off, budgets), or on a generated one when
    /// they have none.
    /// </summary>
    [Property(MaxTest = Generators.Runs, QuietOnSuccess = true)]
    public Property Level_AnyDiaryWithEveryFeature_ATouchPastItsWindowHasNoDayOfItsWindowWithRoom()
    {
        var scenarios =
            from s in AllFeatures.Scenario
            from calendar in LevellingProperties.Calendar(s.Today)
            select (s, s.Options.Calendar ?? calendar);
        return Prop.ForAll(scenarios.ToArbitrary(), x =>
        {
            var (s, calendar) = x;
            var levelled = new Leveller(calendar).Level(new Scheduler(s.Options).Plan(s.Diary, s.Today));
            return NoRoomInTheWindowOfALateTouch(levelled, calendar, s.Today) is not { } problem
                || Fail($"{problem}\n{s}\n  levelled on {calendar}");
        });
    }

    /// <summary>
    /// The properties above are not empty: among generated scenarios, many have a touch past its window, and many a touch
    /// that levelling placed before its due day because it would otherwise have been late.
    /// </summary>
    [Fact]
    public void LevellingScenarios_OneThousand_OftenHaveLateTouchesAndTouchesPlacedBeforeTheirDueDay()
    {
        var scenarios = Scenarios.Sample(Generators.Runs, new Rnd(2026, 25), 50);
        int late = 0, earlier = 0;
        foreach (var s in scenarios)
        {
            var levelled = s.Levelled();
            late += levelled.Touches.Any(t => !t.IsFixed && t.Due > t.NotAfter) ? 1 : 0;
            earlier += levelled.Touches.Any(t => !t.IsFixed && t.Due < t.Planned.Due) ? 1 : 0;
        }

        output.WriteLine($"of {scenarios.Length}: {late} with a touch past its window, {earlier} with a touch placed before its due day");
        Assert.True(late >= scenarios.Length / 20, $"only {late} of {scenarios.Length} scenarios have a touch past its window");
        Assert.True(earlier >= scenarios.Length / 10, $"only {earlier} of {scenarios.Length} scenarios have a touch placed before its due day");
    }

    /// <summary>The first flexible touch past its latest day with a day of its window that has room for it, said; or null.</summary>
    internal static string? NoRoomInTheWindowOfALateTouch(LevelledPlan levelled, OwnerCalendar calendar, LocalDate today)
    {
        var budget = calendar.Budget;
        var onDay = levelled.Touches.GroupBy(t => t.Due).ToDictionary(g => g.Key, g => g.Count());
        var onChannel = levelled.Touches.GroupBy(t => (t.Due, t.Channel)).ToDictionary(g => g.Key, g => g.Count());
        var inWeek = levelled.Touches.GroupBy(t => WeekOf(t.Due)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var touch in levelled.Touches.Where(t => !t.IsFixed && t.Due > t.NotAfter))
        {
            for (var day = touch.NotBefore > today ? touch.NotBefore : today; day <= touch.NotAfter; day = day.PlusDays(1))
            {
                bool room = IsWorkingDay(calendar, day)
                    && onDay.GetValueOrDefault(day) < budget.PerDay
                    && (budget.PerWeek is not { } perWeek || inWeek.GetValueOrDefault(WeekOf(day)) < perWeek)
                    && onChannel.GetValueOrDefault((day, touch.Channel)) < budget.For(touch.Channel)
                    && !OnContactsWeekend(calendar, touch, day);
                if (room)
                {
                    return $"{touch.RelationshipId} ({touch.Channel}) placed on {touch.Due:ddd uuuu-MM-dd}, past its window "
                        + $"{touch.NotBefore:uuuu-MM-dd}..{touch.NotAfter:uuuu-MM-dd} (due {touch.Planned.Due:ddd uuuu-MM-dd}), while "
                        + $"{day:ddd uuuu-MM-dd} has room: {onDay.GetValueOrDefault(day)} touches, {onChannel.GetValueOrDefault((day, touch.Channel))} on its channel, "
                        + $"{inWeek.GetValueOrDefault(WeekOf(day))} that week. Why: {touch.Why}";
                }
            }
        }

        return null;
    }

    private static bool IsWorkingDay(OwnerCalendar calendar, LocalDate day) =>
        calendar.WorkingDays.Contains(day.DayOfWeek)
        && !calendar.Holidays.Contains(day)
        && !calendar.TimeOff.Any(range => range.Start <= day && day <= range.End);

    /// <summary>
    /// Whether a call or meeting with a contact whose zone is known would be on the contact's weekend on the owner's day:
    /// the contact's date of the hours in common, or else of the owner's midday.
    /// </summary>
    private static bool OnContactsWeekend(OwnerCalendar calendar, PlannedTouch touch, LocalDate day)
    {
        if (!touch.Channel.IsLive() || touch.Relationship.TimeZone is not { } zone)
        {
            return false;
        }

        var window = CallWindow.Find(day, calendar.TimeZone, calendar.WorkStart, calendar.WorkEnd, zone, calendar.ContactWorkStart, calendar.ContactWorkEnd);
        LocalDate theirs = window?.ContactStart.Date ?? calendar.TimeZone.AtLeniently(day.At(new LocalTime(12, 0))).WithZone(zone).Date;
        return touch.Relationship.Weekend.Contains(theirs.DayOfWeek);
    }

    private static LocalDate WeekOf(LocalDate day) => day.PlusDays(-((int)day.DayOfWeek - (int)IsoDayOfWeek.Monday));

    private static bool Fail(string message) => throw new InvalidOperationException(message);
}
