using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cadence.Calendars;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Cadence.Tests.Levelling;

/// <summary>A generated diary (with contacts' zones and moves by hand), an owner calendar and levelling options.</summary>
public sealed record LevellingScenario(Scenario Base, Diary Diary, OwnerCalendar Calendar, LevellingOptions Options)
{
    public LocalDate Today => Base.Today;

    public SchedulerOptions SchedulerOptions => Base.Options;

    public Plan Unlevelled() => new Scheduler(SchedulerOptions).Plan(Diary, Today);

    public LevelledPlan Levelled() => new Leveller(Calendar, Options).Level(Unlevelled());

    public override string ToString() =>
        Base
        + "\n" + string.Join("\n", Diary.Relationships.Where(r => r.TimeZone is not null).Select(r => $"  {r.Id} in {r.TimeZone!.Id}, weekend {string.Join("+", r.Weekend)}"))
        + "\n" + string.Join("\n", Diary.Moves.Select(m => $"  move {m.RelationshipId} → {m.To:uuuu-MM-dd} made {m.MadeOn:uuuu-MM-dd}"))
        + $"\n  calendar {Calendar.TimeZone.Id}, works {string.Join(",", Calendar.WorkingDays)} {Calendar.WorkStart:HH:mm}–{Calendar.WorkEnd:HH:mm}"
        + $", contacts {Calendar.ContactWorkStart:HH:mm}–{Calendar.ContactWorkEnd:HH:mm}"
        + $"\n  holidays {string.Join(",", Calendar.Holidays.Select(d => d.ToString("uuuu-MM-dd", null)))}"
        + $"\n  time off {string.Join(",", Calendar.TimeOff.Select(i => $"{i.Start:uuuu-MM-dd}..{i.End:uuuu-MM-dd}"))}"
        + $"\n  budget {Calendar.Budget.PerDay}/day, {Calendar.Budget.PerWeek?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}/week, "
        + string.Join(",", Calendar.Budget.PerChannel.Select(p => $"{p.Key}:{p.Value}"))
        + $"\n  rebase overdue: {Options.RebaseOverdue}";
}

/// <summary>
/// Levelling's invariants over <see cref="Generators.Runs"/> generated diaries and owner calendars each. Bounds and
/// budgets are recomputed here from the generated data, independently of the leveller's code.
/// </summary>
[Properties(Arbitrary = new[] { typeof(LevellingProperties) }, MaxTest = Generators.Runs, QuietOnSuccess = true)]
public class LevellingProperties
{
    private static readonly IsoDayOfWeek[] Week =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    private static readonly string[] OwnerZones = ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC"];

    private static readonly string[] ContactZones =
        ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Riyadh", "Asia/Kathmandu", "Pacific/Chatham", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Los_Angeles"];

    // ---------------------------------------------------------------- generators

    public static Gen<TouchBudget> Budget => BudgetWith();

    /// <summary>Budgets as <see cref="Budget"/>; with <paramref name="channelBudgets"/>, always some channels' own.</summary>
    public static Gen<TouchBudget> BudgetWith(bool channelBudgets = false) =>
        from hasChannels in channelBudgets ? Gen.Constant(true) : Gen.Elements(false, true)
        from perDay in hasChannels ? Gen.Choose(2, 5) : Gen.Frequency((3, Gen.Choose(1, 2)), (2, Gen.Choose(3, 5)))
        from channels in Gen.SubListOf(Enum.GetValues<Channel>())
        from limits in Gen.ArrayOf(Gen.Frequency((3, Gen.Choose(1, 2)), (1, Gen.Choose(3, 5))), 4)
        from perWeek in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 10).Select(w => (int?)w)))
        select MakeBudget(perDay, hasChannels ? channels.ToArray() : [], limits, perWeek);

    private static TouchBudget MakeBudget(int perDay, Channel[] channels, int[] limits, int? perWeek)
    {
        var budget = new TouchBudget(perDay).WithPerWeek(perWeek);
        foreach (var channel in channels)
        {
            budget = budget.WithPerChannel(channel, limits[(int)channel % limits.Length]);
        }

        return budget;
    }

    /// <summary>
    /// Owner calendars: some working days (never none), holidays and time off near today, a budget. With
    /// <paramref name="weekendWork"/>, one in three owners works only a day or two of Friday, Saturday and Sunday.
    /// </summary>
    public static Gen<OwnerCalendar> Calendar(LocalDate today, bool weekendWork = false, bool channelBudgets = false) =>
        from zone in Gen.Elements(OwnerZones)
        from weekdays in Gen.Frequency(
            (2, Gen.Constant(Week[..5])),
            (3, Gen.SubListOf(Week).Select(l => l.ToArray())),
            (weekendWork ? 3 : 0, Gen.Elements(Week[4..6], Week[5..], Week[5..6], Week[6..])))
        from oneDay in Gen.Elements(Week)
        from holidayCount in Gen.Choose(0, 6)
        from holidays in Gen.ArrayOf(Generators.Day(today.PlusDays(-10), 45), holidayCount)
        from offCount in Gen.Choose(0, 2)
        from offStarts in Gen.ArrayOf(Generators.Day(today.PlusDays(-10), 40), offCount)
        from offLengths in Gen.ArrayOf(Gen.Choose(0, 14), offCount)
        from budget in BudgetWith(channelBudgets)
        from hours in Gen.Elements((8, 18), (8, 18), (9, 17), (7, 20), (10, 14))
        from contactHours in Gen.Elements((8, 18), (8, 18), (9, 17), (7, 21))
        select MakeCalendar(zone, weekdays.Length > 0 ? weekdays : [oneDay], holidays, offStarts.Zip(offLengths), budget, hours, contactHours);

    private static OwnerCalendar MakeCalendar(
        string zone,
        IsoDayOfWeek[] weekdays,
        LocalDate[] holidays,
        IEnumerable<(LocalDate Start, int Length)> timeOff,
        TouchBudget budget,
        (int Start, int End) hours,
        (int Start, int End) contactHours)
    {
        var calendar = OwnerCalendar.ForZone(zone)
            .WithWorkingDays(weekdays)
            .WithHolidays(holidays)
            .WithBudget(budget)
            .WithWorkingHours(new LocalTime(hours.Start, 0), new LocalTime(hours.End, 0))
            .WithContactHours(new LocalTime(contactHours.Start, 0), new LocalTime(contactHours.End, 0));
        foreach (var (start, length) in timeOff)
        {
            calendar = calendar.WithTimeOff(start, start.PlusDays(length));
        }

        return calendar;
    }

    /// <summary>
    /// A contact's zone and weekend. Only when the owner works on Wednesdays: a Wednesday is a weekday for every contact,
    /// whatever the zones, so calls can always be placed somewhere.
    /// </summary>
    private static Gen<Relationship> ContactSide(Relationship relationship, bool zonesAllowed) =>
        !zonesAllowed
            ? Gen.Constant(relationship)
            : from hasZone in Gen.Elements(false, true)
              from zone in Gen.Elements(ContactZones)
              from fridaySaturday in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
              select !hasZone ? relationship
                  : fridaySaturday ? relationship.WithTimeZone(OwnerCalendar.Zone(zone)).WithWeekend(IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday)
                  : relationship.WithTimeZone(OwnerCalendar.Zone(zone));

    /// <summary>
    /// No move, a move made on or after the relationship's latest touch (it applies), or now and then one made before it
    /// (it no longer applies).
    /// </summary>
    private static Gen<ManualMove?> MoveOf(Diary diary, string id, LocalDate today)
    {
        LocalDate? latest = diary.TouchesOf(id).Select(t => (LocalDate?)t.Date).Max();
        LocalDate earliest = latest ?? today.PlusDays(-30);

        // Half the moves go to the next few days, so that they crowd days and put them over budget.
        var day = Gen.OneOf(Generators.Day(today.PlusDays(-10), 50), Generators.Day(today, 3));
        var fresh =
            from to in day
            from madeOn in Generators.Day(earliest, Period.DaysBetween(earliest, today))
            select (ManualMove?)new ManualMove(id, to, madeOn);
        var stale = latest is not { } last
            ? fresh
            : from to in day
              from back in Gen.Choose(1, 30)
              select (ManualMove?)new ManualMove(id, to, last.PlusDays(-back));
        return Gen.Frequency((12, Gen.Constant<ManualMove?>(null)), (3, fresh), (1, stale));
    }

    /// <summary>
    /// Up to <paramref name="crowd"/> more clients, each met once so as to fall due within five days of today, some with a
    /// commitment today or tomorrow: a crowd that puts pressure on the budgets, which the base diaries (spread over
    /// months) seldom do.
    /// </summary>
    private static Gen<Scenario> Crowded(Scenario s, int crowd = 8) =>
        from count in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, crowd)))
        from dues in Gen.ArrayOf(Gen.Choose(-5, 5), count)
        from channels in Gen.ArrayOf(Gen.Elements(Channel.Call, Channel.Call, Channel.Meeting, Channel.Meeting, Channel.Note, Channel.Social), count)
        from promised in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(-1)), (1, Gen.Choose(0, 1))), count)
        from promisedChannels in Gen.ArrayOf(Gen.Elements<Channel?>(null, Channel.Call, Channel.Meeting), count)
        select new Scenario(
            new Diary(
                s.Diary.Relationships.Concat(Enumerable.Range(0, count).Select(i => new Relationship("x" + i, "Crowd " + i, "client").WithPreferredChannels(channels[i]))),
                s.Diary.Touches.Concat(Enumerable.Range(0, count).Select(i => new Touch("x" + i, s.Today.PlusDays(dues[i] - 30), Channel.Meeting))),
                s.Diary.Commitments.Concat(Enumerable.Range(0, count).Where(i => promised[i] >= 0).Select(i =>
                    new Commitment("xc" + i, "x" + i, s.Today.PlusDays(promised[i]), "call back as promised", promisedChannels[i])))),
            s.Today,
            s.Options);

    public static Gen<LevellingScenario> Scenarios => ScenariosWith();

    /// <summary>The scenarios of <see cref="Scenarios"/>, or harsher ones.</summary>
    /// <param name="weekendWork">
    /// Also owners who work only on weekend days, and contacts' zones whatever the owner's working days: calls and
    /// meetings that wait a week for a day off the contact's weekend, then go anyway.
    /// </param>
    /// <param name="crowd">The most clients added to crowd the days around today (see <see cref="Crowded"/>).</param>
    /// <param name="channelBudgets">Whether every owner's budget limits some channels.</param>
    public static Gen<LevellingScenario> ScenariosWith(bool weekendWork = false, int crowd = 8, bool channelBudgets = false) =>
        from original in Generators.Scenario
        from s in Crowded(original, crowd)
        from calendar in Calendar(s.Today, weekendWork, channelBudgets)
        from relationships in Gen.CollectToArray(s.Diary.Relationships, r => ContactSide(r, weekendWork || calendar.WorkingDays.Contains(IsoDayOfWeek.Wednesday)))
        from moves in Gen.CollectToArray(s.Diary.Relationships, r => MoveOf(s.Diary, r.Id, s.Today))
        from rebase in Gen.Elements(false, true)
        select new LevellingScenario(
            s,
            new Diary(relationships, s.Diary.Touches, s.Diary.Commitments, moves.OfType<ManualMove>()),
            calendar,
            LevellingOptions.Default.WithRebaseOverdue(rebase));

    /// <summary>
    /// Scenarios where a touch often has days with room before its due day and none after it, inside its window (issue
    /// 25): the scenarios of <paramref name="scenarios"/> with one to six more clients on narrow rules of their own (a
    /// window from 0 to 10 days before the due day to 0 to 4 days after it), due 1 to 12 days from today, some with the
    /// contact's zone, and time off from one of those due days for 2 to 12 days.
    /// </summary>
    public static Gen<LevellingScenario> WindowScenarios(Gen<LevellingScenario> scenarios) =>
        from s in scenarios
        from count in Gen.Choose(1, 6)
        from dues in Gen.ArrayOf(Gen.Choose(1, 12), count)
        from before in Gen.ArrayOf(Gen.Choose(0, 10), count)
        from after in Gen.ArrayOf(Gen.Choose(0, 4), count)
        from channels in Gen.ArrayOf(Gen.Elements(Channel.Call, Channel.Meeting, Channel.Note, Channel.Social), count)
        from zones in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant<string?>(null)), (1, Gen.Elements(ContactZones).Select(z => (string?)z))), count)
        from offAt in Gen.Choose(0, count - 1)
        from offLength in Gen.Choose(1, 11)
        select WithNarrowWindows(s, dues, before, after, channels, zones, s.Today.PlusDays(dues[offAt]), offLength);

    private static LevellingScenario WithNarrowWindows(
        LevellingScenario s, int[] dues, int[] before, int[] after, Channel[] channels, string?[] zones, LocalDate offFrom, int offLength)
    {
        const int Since = 20;
        var relationships = dues.Select((due, i) =>
        {
            var relationship = new Relationship("w" + i, "Window " + i, "client")
                .WithRule(CadenceRule.FromDays(Since + due - before[i], Since + due, Since + due + after[i]))
                .WithPreferredChannels(channels[i]);
            return zones[i] is { } zone ? relationship.WithTimeZone(OwnerCalendar.Zone(zone)) : relationship;
        });
        var diary = new Diary(
            s.Diary.Relationships.Concat(relationships),
            s.Diary.Touches.Concat(dues.Select((_, i) => new Touch("w" + i, s.Today.PlusDays(-Since), Channel.Meeting))),
            s.Diary.Commitments,
            s.Diary.Moves);
        return s with { Diary = diary, Calendar = s.Calendar.WithTimeOff(offFrom, offFrom.PlusDays(offLength)) };
    }

    /// <summary>The properties' arbitrary: a <see cref="LevellingScenario"/> parameter gets one of <see cref="Scenarios"/>.</summary>
    public static Arbitrary<LevellingScenario> LevellingScenarios => Scenarios.ToArbitrary();

    // ---------------------------------------------------------------- helpers, recomputed from the generated data

    /// <summary>Each levelled touch with its unlevelled self.</summary>
    private static IEnumerable<(PlannedTouch Before, LevelledTouch After)> Pairs(Plan unlevelled, LevelledPlan levelled) =>
        unlevelled.Touches.Select(t => (t, levelled[t.RelationshipId]));

    /// <summary>
    /// What levelling keeps of a touch's planned lateness: days off are not lateness, so an overdue flexible touch counts
    /// from the first working day on or after the day it was due; while none has come it is not overdue, and it is
    /// "moved from" that day (<c>HeldFrom</c>). Its planner's reasons are the planned ones with the lateness restated.
    /// </summary>
    internal static (int DaysOverdue, LocalDate? HeldFrom, IReadOnlyList<Reason> Reasons) Lateness(PlannedTouch before, OwnerCalendar calendar, LocalDate today)
    {
        if (before.IsFixed || before.DaysOverdue == 0)
        {
            return (before.DaysOverdue, null, before.Reasons);
        }

        // (For a call or meeting with a contact whose zone is known, the contact's weekend is a day off too.)
        bool ContactWeekend(LocalDate day) =>
            before.Channel.IsLive() && before.Relationship.TimeZone is { } zone
            && before.Relationship.Weekend.Contains((CallWindow.Find(day, calendar.TimeZone, calendar.WorkStart, calendar.WorkEnd, zone, calendar.ContactWorkStart, calendar.ContactWorkEnd)?.ContactStart.Date
                ?? calendar.TimeZone.AtLeniently(day.At(new LocalTime(12, 0))).WithZone(zone).Date).DayOfWeek);
        var wasDue = today.PlusDays(-before.DaysOverdue);
        var first = wasDue;
        while (first < today && (calendar.DayOffOn(first) != DayOff.None || ContactWeekend(first)))
        {
            first = first.PlusDays(1);
        }

        int days = Period.DaysBetween(first, today);
        var reasons = before.Reasons
            .Select(r => r is OverdueReason ? (days == 0 ? null : new OverdueReason(days, first)) : r)
            .OfType<Reason>()
            .ToList();
        return (days, days == 0 ? wasDue : null, reasons);
    }

    private static bool IsDayOff(LevellingScenario s, LocalDate day) =>
        !s.Calendar.WorkingDays.Contains(day.DayOfWeek)
        || s.Calendar.Holidays.Contains(day)
        || s.Calendar.TimeOff.Any(range => range.Start <= day && day <= range.End);

    private static LocalDate WeekOf(LocalDate day) => day.PlusDays(-((int)day.DayOfWeek - (int)IsoDayOfWeek.Monday));

    private static LocalDate? Floor(LevellingScenario s, Relationship r) => Properties.Oracle.Floor(s.Diary, s.SchedulerOptions, r);

    private static LocalDate Max(params LocalDate[] days) => days.Max();

    private static LocalDate Deadline(LevellingScenario s, PlannedTouch before) =>
        s.Options.RebaseOverdue && Lateness(before, s.Calendar, s.Today).DaysOverdue is var late && late > 0 ? before.NotAfter.PlusDays(late) : before.NotAfter;

    private static bool Fail(string message) => throw new InvalidOperationException(message);

    // ---------------------------------------------------------------- the calendar

    [Property]
    public bool Level_AnyDiaryAndCalendar_FlexibleTouchesOnlyOnWorkingDays(LevellingScenario s)
    {
        return s.Levelled().Touches.Where(t => !t.IsFixed).All(t =>
            s.Calendar.DayOffOn(t.Due) == DayOff.None && !IsDayOff(s, t.Due)
                || Fail($"{t.RelationshipId} placed on {t.Due:uuuu-MM-dd}, a {s.Calendar.DayOffOn(t.Due)}"));
    }

    /// <summary>
    /// A flexible touch is never placed before its window opens, today, the floor or the end of a pause; before its due
    /// day only when it left its due day (a <see cref="LevelledReason"/> from it) and is then within its latest day.
    /// </summary>
    [Property]
    public bool Level_AnyDiaryAndCalendar_FlexibleTouchNeverBeforeItsWindowTodayFloorOrPause(LevellingScenario s)
    {
        var unlevelled = s.Unlevelled();
        var levelled = new Leveller(s.Calendar, s.Options).Level(unlevelled);
        return Pairs(unlevelled, levelled).Where(p => !p.Before.IsFixed).All(p =>
        {
            var relationship = s.Diary[p.Before.RelationshipId];
            // (A call back after their missed call may come before the floor: they called.)
            bool callBack = p.Before.Reasons.OfType<CallBackReason>().Any();
            LocalDate floor = Max(p.Before.NotBefore, s.Today, callBack ? s.Today : Floor(s, relationship) ?? s.Today, relationship.State.PausedUntil ?? s.Today);
            if (p.After.Due < floor)
            {
                return Fail($"{p.After.RelationshipId} placed on {p.After.Due:uuuu-MM-dd}, before {floor:uuuu-MM-dd}");
            }

            return p.After.Due >= p.Before.Due
                || (p.After.Reasons.OfType<LevelledReason>().SingleOrDefault() is { } move && move.From == p.Before.Due && p.After.Due <= p.After.NotAfter)
                || Fail($"{p.After.RelationshipId} placed on {p.After.Due:uuuu-MM-dd}, before its due day {p.Before.Due:uuuu-MM-dd}, with [{string.Join("; ", p.After.Reasons)}]");
        });
    }

    [Property]
    public bool Level_AnyDiaryAndCalendar_FixedTouchesKeepTheirDayAndWindow_UnlessOverdue(LevellingScenario s)
    {
        var unlevelled = s.Unlevelled();
        var levelled = new Leveller(s.Calendar, s.Options).Level(unlevelled);
        return Pairs(unlevelled, levelled).Where(p => p.Before.IsFixed && !p.Before.IsOverdue).All(p =>
            p.After.IsFixed
            && p.After.Due == p.Before.Due
            && p.After.NotAfter == p.Before.NotAfter
            && !p.After.Reasons.Any(r => r is LevelledReason or LateReason));
    }

    /// <summary>
    /// An overdue commitment or move goes to the first working day with room: never on a day off, and every day it
    /// skipped was a day off or full of fixed touches (the day's, the week's or its channel's budget); it says why.
    /// </summary>
    [Property]
    public bool Level_AnyDiaryAndCalendar_OverdueFixedTouchOnTheFirstWorkingDayWithRoom(LevellingScenario s)
    {
        var unlevelled = s.Unlevelled();
        var levelled = new Leveller(s.Calendar, s.Options).Level(unlevelled);
        var budget = s.Calendar.Budget;
        var fixedOn = levelled.Touches.Where(t => t.IsFixed).ToLookup(t => t.Due);
        bool Full(LocalDate day, Channel channel) =>
            fixedOn[day].Count() >= budget.PerDay
            || fixedOn[day].Count(t => t.Channel == channel) >= budget.For(channel)
            || (budget.PerWeek is { } perWeek && levelled.Touches.Count(t => t.IsFixed && WeekOf(t.Due) == WeekOf(day)) >= perWeek);
        return Pairs(unlevelled, levelled).Where(p => p.Before.IsFixed && p.Before.IsOverdue).All(p =>
        {
            var skipped = Enumerable.Range(0, Period.DaysBetween(p.Before.Due, p.After.Due)).Select(d => p.Before.Due.PlusDays(d));
            var moves = p.After.Reasons.OfType<LevelledReason>().ToArray();
            return p.After.IsFixed
                && p.After.NotAfter == p.Before.NotAfter
                && p.After.Due >= p.Before.Due
                && s.Calendar.IsWorkingDay(p.After.Due)
                && skipped.All(d => !s.Calendar.IsWorkingDay(d) || Full(d, p.Before.Channel))
                && (p.After.Due == p.Before.Due ? moves.Length == 0 : moves.Length == 1 && moves[0].From == p.Before.Due && moves[0].To == p.After.Due);
        });
    }

    /// <summary>
    /// Among flexible touches already overdue, the more overdue is placed no later than the less overdue, unless a
    /// channel's budget holds it back (two touches on different channels, when the calendar has channel budgets) or the
    /// contact's weekend does (a call or meeting with a contact whose zone is known). Rebasing overdue touches restarts
    /// their windows, so it is left out.
    /// </summary>
    [Property]
    public bool Level_AnyDiaryAndCalendar_TheMoreOverdueIsPlacedNoLaterThanTheLessOverdue(LevellingScenario s)
    {
        if (s.Options.RebaseOverdue)
        {
            return true;
        }

        var levelled = new Leveller(s.Calendar, s.Options).Level(s.Unlevelled());
        bool channelBudgets = s.Calendar.Budget.PerChannel.Count > 0;
        var overdue = levelled.Touches
            .Where(t => !t.IsFixed && t.IsOverdue && !(t.Channel.IsLive() && t.Relationship.TimeZone is not null))
            .ToArray();
        return overdue.All(a => overdue.All(b => a.DaysOverdue <= b.DaysOverdue || a.Due <= b.Due
            || (channelBudgets && a.Channel != b.Channel)
            || Fail($"{a.RelationshipId} ({a.DaysOverdue} days overdue) placed {a.Due}, after {b.RelationshipId} ({b.DaysOverdue}) on {b.Due}: {s}")));
    }

    // ---------------------------------------------------------------- budgets

    [Property]
    public bool Level_AnyDiaryAndCalendar_DailyBudgetExceededOnlyByFixedTouchesAndReported(LevellingScenario s)
    {
        var levelled = s.Levelled();
        int perDay = s.Calendar.Budget.PerDay;
        var expectedOverbooked = new List<OverbookedDay>();
        foreach (var day in levelled.Touches.GroupBy(t => t.Due))
        {
            int fixedCount = day.Count(t => t.IsFixed);
            int flexible = day.Count(t => !t.IsFixed);
            if (flexible > Math.Max(0, perDay - fixedCount))
            {
                return Fail($"{day.Key:uuuu-MM-dd}: {fixedCount} fixed and {flexible} flexible touches for a budget of {perDay}");
            }

            if (fixedCount > perDay)
            {
                expectedOverbooked.Add(new OverbookedDay(day.Key, fixedCount, perDay));
            }

            foreach (var touch in day.Where(t => t.IsFixed))
            {
                var reasons = touch.Reasons.OfType<OverbookedReason>().Where(r => r.Channel is null && !r.Week).ToArray();
                bool right = fixedCount > perDay
                    ? reasons.SequenceEqual([new OverbookedReason(day.Key, fixedCount, perDay)])
                    : reasons.Length == 0;
                if (!right)
                {
                    return Fail($"{touch.RelationshipId} on {day.Key:uuuu-MM-dd}: overbooked reasons [{string.Join("; ", reasons.AsEnumerable())}]");
                }
            }
        }

        var reported = levelled.Overbooked.Where(o => o.Channel is null && !o.Week).ToArray();
        return reported.SequenceEqual(expectedOverbooked.OrderBy(o => o.Date))
            && levelled.Overbooked.Select(o => o.Date).SequenceEqual(levelled.Overbooked.Select(o => o.Date).Order());
    }

    [Property]
    public bool Level_AnyDiaryAndCalendar_ChannelBudgetExceededOnlyByFixedTouchesAndReported(LevellingScenario s)
    {
        var levelled = s.Levelled();
        var budget = s.Calendar.Budget;
        var expected = new HashSet<OverbookedDay>();
        foreach (var group in levelled.Touches.GroupBy(t => (t.Due, t.Channel)))
        {
            int limit = budget.PerChannel.TryGetValue(group.Key.Channel, out int own) ? Math.Min(own, budget.PerDay) : budget.PerDay;
            int fixedCount = group.Count(t => t.IsFixed);
            int flexible = group.Count(t => !t.IsFixed);
            if (flexible > Math.Max(0, limit - fixedCount))
            {
                return Fail($"{group.Key.Due:uuuu-MM-dd} {group.Key.Channel}: {fixedCount} fixed and {flexible} flexible for a limit of {limit}");
            }

            if (budget.PerChannel.TryGetValue(group.Key.Channel, out int max) && fixedCount > max)
            {
                expected.Add(new OverbookedDay(group.Key.Due, fixedCount, max, group.Key.Channel));
            }
        }

        var reported = levelled.Overbooked.Where(o => o.Channel is not null).ToArray();
        return reported.Length == expected.Count && expected.SetEquals(reported);
    }

    [Property]
    public bool Level_AnyDiaryAndCalendar_WeeklyBudgetExceededOnlyByFixedTouches(LevellingScenario s)
    {
        if (s.Calendar.Budget.PerWeek is not { } perWeek)
        {
            return true;
        }

        return s.Levelled().Touches.GroupBy(t => WeekOf(t.Due)).All(week =>
        {
            int fixedCount = week.Count(t => t.IsFixed);
            int flexible = week.Count(t => !t.IsFixed);
            return flexible <= Math.Max(0, perWeek - fixedCount)
                || Fail($"week of {week.Key:uuuu-MM-dd}: {fixedCount} fixed and {flexible} flexible for {perWeek} a week");
        });
    }

    // ---------------------------------------------------------------- reasons

    [Property]
    public bool Level_AnyDiaryAndCalendar_EveryMoveHasALevelledReasonFromTheOriginalDay(LevellingScenario s)
    {
        var unlevelled = s.Unlevelled();
        var levelled = new Leveller(s.Calendar, s.Options).Level(unlevelled);
        return Pairs(unlevelled, levelled).All(p =>
        {
            var moves = p.After.Reasons.OfType<LevelledReason>().ToArray();
            // An overdue touch held by days off since it was due is moved from that day (and not overdue).
            var from = Lateness(p.Before, s.Calendar, s.Today).HeldFrom ?? p.Before.Due;
            if (p.After.Due == from)
            {
                return moves.Length == 0 || Fail($"{p.After.RelationshipId} not moved but says {moves[0]}");
            }

            if (moves.Length != 1 || moves[0].From != from || moves[0].To != p.After.Due)
            {
                return Fail($"{p.After.RelationshipId} moved {p.Before.Due:uuuu-MM-dd} → {p.After.Due:uuuu-MM-dd} with [{string.Join("; ", moves.AsEnumerable())}]");
            }

            return CauseFits(s, p.After, moves[0]) || Fail($"{p.After.RelationshipId}: {moves[0]} ({moves[0].Cause}, {moves[0].Limit}, {moves[0].Channel}) does not fit {s.Calendar.DayOffOn(moves[0].From)}");
        });
    }

    /// <summary>The cause names what the original day was: the kind of day off, or else a budget or the contact's weekend.</summary>
    private static bool CauseFits(LevellingScenario s, PlannedTouch touch, LevelledReason move)
    {
        var budget = s.Calendar.Budget;
        return (s.Calendar.DayOffOn(move.From), move.Cause) switch
        {
            (DayOff.Weekend, MoveCause.NotAWorkingDay) => true,
            (DayOff.Holiday, MoveCause.Holiday) => true,
            (DayOff.TimeOff, MoveCause.TimeOff) => true,
            (DayOff.None, MoveCause.DailyBudget) => move.Limit == budget.PerDay,
            (DayOff.None, MoveCause.WeeklyBudget) => move.Limit == budget.PerWeek,
            (DayOff.None, MoveCause.ChannelBudget) => move.Channel == touch.Channel && move.Limit == budget.For(touch.Channel),
            (DayOff.None, MoveCause.ContactWeekend) => touch.Channel.IsLive()
                && touch.Relationship.TimeZone is { } zone
                && move.Place == CallWindow.Place(zone),
            _ => false,
        };
    }

    [Property]
    public bool Level_AnyDiaryAndCalendar_LateExactlyWhenPastTheDeadlineAndSaysSo(LevellingScenario s)
    {
        var unlevelled = s.Unlevelled();
        var levelled = new Leveller(s.Calendar, s.Options).Level(unlevelled);
        return Pairs(unlevelled, levelled).Where(p => !p.Before.IsFixed).All(p =>
        {
            LocalDate deadline = Deadline(s, p.Before);
            var late = p.After.Reasons.OfType<LateReason>().ToArray();
            bool right = p.After.NotAfter == deadline
                && (p.After.Due > deadline
                    ? late.SequenceEqual([new LateReason(deadline, Period.DaysBetween(deadline, p.After.Due), NothingFit: p.After.Due > p.Before.Due)])
                    : late.Length == 0);
            return right || Fail($"{p.After.RelationshipId} on {p.After.Due:uuuu-MM-dd}, deadline {deadline:uuuu-MM-dd}, NotAfter {p.After.NotAfter:uuuu-MM-dd}, late [{string.Join("; ", late.AsEnumerable())}]");
        });
    }

    [Property]
    public bool Level_AnyDiaryAndCalendar_KeepsEveryReasonAndAddsOnlyLevellingOnes(LevellingScenario s)
    {
        var unlevelled = s.Unlevelled();
        var levelled = new Leveller(s.Calendar, s.Options).Level(unlevelled);
        return Pairs(unlevelled, levelled).All(p =>
            Lateness(p.Before, s.Calendar, s.Today) is var (daysOverdue, _, planned)
            && p.After.Reasons.Take(planned.Count).SequenceEqual(planned)
            && p.After.Reasons.Skip(planned.Count).All(r => r is LevelledReason or LateReason or OverbookedReason or CallWindowReason or NoCommonHoursReason or FixedOnDayOffReason or OnContactWeekendReason)
            && p.After.Relationship.Equals(p.Before.Relationship)
            && p.After.Channel == p.Before.Channel
            && p.After.NotBefore == p.Before.NotBefore
            && p.After.DaysOverdue == daysOverdue
            && Equals(p.After.Commitment, p.Before.Commitment)
            && Equals(p.After.Move, p.Before.Move)
            && p.After.Why.EndsWith('.'));
    }

    // ---------------------------------------------------------------- the contact's side

    [Property]
    public bool Level_AnyDiaryAndCalendar_CallsAndMeetingsGetTheWindowOfTheirDay(LevellingScenario s)
    {
        return s.Levelled().Touches.All(t =>
        {
            if (!t.Channel.IsLive() || t.Relationship.TimeZone is not { } zone)
            {
                return t.CallWindow is null && !t.Reasons.Any(r => r is CallWindowReason or NoCommonHoursReason);
            }

            var expected = CallWindow.Find(t.Due, s.Calendar.TimeZone, s.Calendar.WorkStart, s.Calendar.WorkEnd, zone, s.Calendar.ContactWorkStart, s.Calendar.ContactWorkEnd);
            Reason reason = expected is null ? new NoCommonHoursReason(CallWindow.Place(zone)) : new CallWindowReason(expected);
            return (Equals(t.CallWindow, expected) && t.Reasons[^1].Equals(reason))
                || Fail($"{t.RelationshipId} on {t.Due:uuuu-MM-dd}: window {t.CallWindow}, expected {expected}");
        });
    }

    [Property]
    public bool Level_AnyDiaryAndCalendar_FlexibleCallsAndMeetingsAvoidTheContactsWeekend(LevellingScenario s)
    {
        return s.Levelled().Touches.Where(t => !t.IsFixed && t.Channel.IsLive() && t.Relationship.TimeZone is not null).All(t =>
        {
            var zone = t.Relationship.TimeZone!;
            // The contact's day: that of the common hours, or else the owner's midday seen from the contact's zone.
            LocalDate theirs = t.CallWindow?.ContactStart.Date
                ?? s.Calendar.TimeZone.AtLeniently(t.Due.At(new LocalTime(12, 0))).WithZone(zone).Date;
            // The one exception: after a week of working days that were all the contact's weekend, it goes anyway, and says so.
            return !t.Relationship.Weekend.Contains(theirs.DayOfWeek)
                || t.Reasons.OfType<OnContactWeekendReason>().Any()
                || Fail($"{t.RelationshipId} on {t.Due:uuuu-MM-dd}, {theirs:dddd uuuu-MM-dd} in {zone.Id}");
        });
    }

    [Property]
    public bool Level_AnyCallWindow_InsideBothSidesWorkingHours(LevellingScenario s)
    {
        return s.Levelled().Touches.Where(t => t.CallWindow is not null).All(t =>
        {
            var w = t.CallWindow!;
            return w.OwnerStart.Date == t.Due
                && w.OwnerStart.TimeOfDay >= s.Calendar.WorkStart
                && w.OwnerEnd.Date == t.Due && w.OwnerEnd.TimeOfDay <= s.Calendar.WorkEnd
                && w.ContactStart.TimeOfDay >= s.Calendar.ContactWorkStart
                && w.ContactEnd.Date == w.ContactStart.Date && w.ContactEnd.TimeOfDay <= s.Calendar.ContactWorkEnd
                && w.OwnerStart.ToInstant() == w.ContactStart.ToInstant()
                && w.OwnerEnd.ToInstant() == w.ContactEnd.ToInstant()
                && w.Length > Duration.Zero
                && w.OwnerStart.Zone.Equals(s.Calendar.TimeZone)
                && w.ContactStart.Zone.Equals(t.Relationship.TimeZone);
        });
    }

    // ---------------------------------------------------------------- moves by hand

    [Property]
    public bool Plan_AnyMove_FixedExactlyWhenMadeOnOrAfterTheLatestTouch(LevellingScenario s)
    {
        return s.Unlevelled().Touches.All(t =>
        {
            var move = s.Diary.MoveOf(t.RelationshipId);
            LocalDate? latest = s.Diary.TouchesOf(t.RelationshipId).Select(x => (LocalDate?)x.Date).Max();
            bool applies = move is not null && (latest is null || latest <= move.MadeOn);
            bool pinned = s.Diary.CommitmentsOf(t.RelationshipId).Any(c => c.IsOpen);
            if (!applies)
            {
                // Fixed exactly when an open commitment pins it (one later than the cadence allows follows instead).
                return t.Move is null && t.IsFixed == t.IsPinned && (t.IsPinned == pinned || t.PromiseAfter is not null)
                    && !t.Reasons.OfType<MovedByHandReason>().Any();
            }

            LocalDate pause = t.Relationship.State.PausedUntil ?? s.Today;
            return t.Move == move
                && t.IsFixed
                && t.Due == Max(move!.To, s.Today, pause)
                && t.Reasons.OfType<MovedByHandReason>().Single().To == move.To;
        });
    }

    // ---------------------------------------------------------------- determinism

    [Property]
    public bool Level_SameInputTwice_EqualPlans(LevellingScenario s)
    {
        var plan = s.Unlevelled();
        var first = new Leveller(s.Calendar, s.Options).Level(plan);
        var second = new Leveller(s.Calendar, s.Options).Level(s.Unlevelled());
        return first.Equals(second)
            && first.ToString() == second.ToString()
            && first.Overbooked.SequenceEqual(second.Overbooked)
            && !ReferenceEquals(first, second);
    }

    [Property]
    public Property Level_ShuffledDiaryLists_EqualLevelledPlan()
    {
        var gen =
            from s in Scenarios
            from relationships in Gen.Shuffle(s.Diary.Relationships.ToArray())
            from touches in Gen.Shuffle(s.Diary.Touches.ToArray())
            from commitments in Gen.Shuffle(s.Diary.Commitments.ToArray())
            from moves in Gen.Shuffle(s.Diary.Moves.ToArray())
            select (s, new Diary(relationships, touches, commitments, moves));

        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var (s, shuffled) = x;
            var original = s.Levelled();
            var other = new Leveller(s.Calendar, s.Options).Level(new Scheduler(s.SchedulerOptions).Plan(shuffled, s.Today));
            return original.Equals(other)
                && original.ToString() == other.ToString()
                && original.Overbooked.SequenceEqual(other.Overbooked);
        });
    }

    /// <summary>Scenarios, each with an order of its relationships (see <see cref="Reordered"/>).</summary>
    internal static Gen<(LevellingScenario Scenario, int[] Order)> WithShuffledOrder(Gen<LevellingScenario> scenarios) =>
        from s in scenarios
        from order in Gen.Shuffle(Enumerable.Range(0, s.Diary.Relationships.Count).ToArray())
        select (s, order);

    /// <summary>A plan's touches in another order than plan order: the leveller then ranks them itself.</summary>
    internal static Plan Reordered(Plan plan, int[] order) =>
        new(plan.Today, order.Where(i => i < plan.Touches.Count).Select(i => plan.Touches[i]).ToImmutableArray());

    [Property]
    public Property Level_ShuffledPlanOrder_EqualLevelledPlan()
    {
        return Prop.ForAll(WithShuffledOrder(Scenarios).ToArbitrary(), x =>
        {
            var (s, order) = x;
            var plan = s.Unlevelled();
            var shuffled = Reordered(plan, order);
            var leveller = new Leveller(s.Calendar, s.Options);
            var original = leveller.Level(plan);
            var other = leveller.Level(shuffled);
            return original.Equals(other) && original.Overbooked.SequenceEqual(other.Overbooked);
        });
    }

    [Property]
    public bool Level_AnyDiaryAndCalendar_SameRelationshipsOrderedByDayThenId(LevellingScenario s)
    {
        var unlevelled = s.Unlevelled();
        var levelled = new Leveller(s.Calendar, s.Options).Level(unlevelled);
        var ordered = levelled.Touches.OrderBy(t => t.Due).ThenBy(t => t.RelationshipId, StringComparer.Ordinal);
        return levelled.Today == unlevelled.Today
            && levelled.Touches.Count == unlevelled.Touches.Count
            && levelled.Touches.Select(t => t.RelationshipId).ToHashSet(StringComparer.Ordinal).SetEquals(unlevelled.Touches.Select(t => t.RelationshipId))
            && levelled.Touches.SequenceEqual(ordered);
    }
}
