using System;
using System.Collections.Generic;
using System.Linq;
using Cadence.Calendars;
using NodaTime;

namespace Cadence.Tests.Levelling;

/// <summary>
/// The readable earliest-deadline-first leveller the fast one must equal; see <see cref="LevellingRun"/> for the fast
/// one. It is the specification of <see cref="Leveller.Level"/>: <see cref="ReferenceLevellerProperties"/> checks that
/// both give the same levelled plan (days, latest days, call windows, reasons) and the same overbooked days.
/// </summary>
/// <remarks>
/// <para>
/// The rules: fixed touches (commitments, moves by hand) keep their days and take budget first; a day, channel or week
/// they put over budget is reported and each touch on it says so; an overdue one goes to the first working day with room,
/// the most overdue first, and says why. The other touches are placed day by day from their due day: on each working
/// day, the released touches with the earliest deadlines first (an overdue touch by the day it was due; ties by
/// relationship id, ordinal)
/// while the daily and weekly budgets last; a touch whose channel is full that day, or a call or meeting on the contact's
/// weekend (at most <see cref="Leveller.MaxContactWeekendSkips"/> working days; then it goes anyway and says so), waits
/// for the next day. The first day a touch waits gives the cause of its move. When a touch that waited is taken on a day
/// past its deadline, it goes instead to the latest day before that of its window before its due day (from today and its
/// NotBefore, not after its deadline) that is a working day with room for it (the day's, week's and channel's budgets,
/// not the contact's weekend), keeping its cause (issue 25). A touch placed after its deadline is late.
/// </para>
/// <para>
/// This is the leveller of src/Cadence/Scheduling/Leveller.cs at fb3872d (after the fixes the levelling properties
/// found), before the flat-array rewrite, with the one later change of behaviour, from 79d6cc5: a call or meeting placed
/// on the contact's weekend after waiting says so (<see cref="OnContactWeekendReason"/>). One fix since: the overbooked
/// entries of a day keep their order (the day's own budget, then the channels') whether or not a weekly budget is set;
/// the old sort that put the weeks among the days was not stable and could swap them. And issue 25's earlier days of a
/// window, above. Adapted to today's types:
/// a placed touch carries levelling's reasons in a <see cref="LevellingNote"/>, built here as a list of finished
/// reasons (the note adds the call window's reason itself, last, from the window the touch is placed with).
/// Dictionaries, LINQ and string ids on purpose: slow and plain.
/// </para>
/// </remarks>
internal sealed class ReferenceLeveller(OwnerCalendar calendar, LevellingOptions? options = null)
{
    private readonly LevellingOptions _options = options ?? LevellingOptions.Default;

    /// <summary>The plan's day, while levelling.</summary>
    private LocalDate _today;

    /// <summary>Levels a plan as <see cref="Leveller.Level"/> must.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The levelled plan, ordered by day then relationship id, and the overbooked days.</returns>
    public LevelledPlan Level(Plan plan)
    {
        LocalDate today = _today = plan.Today;
        var usage = new Usage();
        var placed = new List<LevelledTouch>(plan.Touches.Count);

        // Fixed touches first: they keep their days and take the budget; then the overdue ones, the most overdue first,
        // each on the first working day with room from its day (a day off, then the day's, week's and channel's budgets
        // say why it cannot stay), or the first working day when none has room in a year.
        var fixedTouches = plan.Touches.Where(t => t.IsFixed).ToList();
        var days = new Dictionary<PlannedTouch, (LocalDate Day, (MoveCause Cause, int? Limit)? Moved)>(ReferenceEqualityComparer.Instance);
        foreach (var touch in fixedTouches.Where(t => !t.IsOverdue))
        {
            usage.Add(touch.Due, touch.Channel);
            days[touch] = (touch.Due, null);
        }

        foreach (var touch in fixedTouches.Where(t => t.IsOverdue).OrderByDescending(t => t.DaysOverdue).ThenBy(t => t.RelationshipId, StringComparer.Ordinal))
        {
            var why = WhyNot(touch.Due, touch.Channel, usage);
            var on = touch.Due;
            if (why is not null)
            {
                on = Enumerable.Range(0, Leveller.MaxFixedSearch).Select(d => touch.Due.PlusDays(d)).Where(d => WhyNot(d, touch.Channel, usage) is null).Cast<LocalDate?>().FirstOrDefault()
                    ?? Enumerable.Range(0, Leveller.MaxDaysOff + 1).Select(d => touch.Due.PlusDays(d)).Where(calendar.IsWorkingDay).Cast<LocalDate?>().FirstOrDefault()
                    ?? touch.Due;
            }

            usage.Add(on, touch.Channel);
            days[touch] = (on, on == touch.Due ? null : why);
        }

        var overbooked = Overbooked([.. days.Values.Select(v => v.Day)], usage);
        foreach (var touch in fixedTouches)
        {
            var (on, moved) = days[touch];
            var more = new List<Reason>();
            if (moved is { } m)
            {
                more.Add(new LevelledReason(touch.Due, on, m.Cause, m.Limit, m.Cause == MoveCause.ChannelBudget ? touch.Channel : null, null));
            }
            else if (calendar.DayOffOn(on) is var off && off != DayOff.None)
            {
                more.Add(new FixedOnDayOffReason(on, off));
            }

            foreach (var over in overbooked)
            {
                bool applies = over.Week
                    ? Usage.WeekOf(on) == over.Date
                    : over.Date == on && (over.Channel is null || over.Channel == touch.Channel);
                if (applies)
                {
                    more.Add(new OverbookedReason(over.Date, over.Count, over.Limit, over.Channel, over.Week));
                }
            }

            placed.Add(Finish(touch, on, touch.NotAfter, more));
        }

        // The rest: day by day, the released touches with the earliest deadlines first.
        var pending = plan.Touches
            .Where(t => !t.IsFixed)
            .Select(t => new Job(t, Deadline(t), Priority(t, today)))
            .OrderBy(j => j.Touch.Due)
            .ThenBy(j => j.Priority)
            .ThenBy(j => j.Touch.RelationshipId, StringComparer.Ordinal)
            .ToList();
        var ready = new PriorityQueue<Job, (LocalDate, string)>(new DeadlineThenId());
        int next = 0;
        int daysOff = 0;
        LocalDate day = today;
        while (next < pending.Count || ready.Count > 0)
        {
            if (ready.Count == 0 && pending[next].Touch.Due > day)
            {
                day = pending[next].Touch.Due;
            }

            daysOff = calendar.IsWorkingDay(day) ? 0 : daysOff + 1;
            if (daysOff > Leveller.MaxDaysOff)
            {
                throw new InvalidOperationException(
                    $"The owner calendar has no working day in the {Leveller.MaxDaysOff} days before {day:uuuu'-'MM'-'dd}: check its time off.");
            }

            while (next < pending.Count && pending[next].Touch.Due <= day)
            {
                ready.Enqueue(pending[next], (pending[next].Priority, pending[next].Touch.RelationshipId));
                next++;
            }

            PlaceDay(day, ready, usage, placed);
            day = day.PlusDays(1);
        }

        var ordered = placed.OrderBy(t => t.Due).ThenBy(t => t.RelationshipId, StringComparer.Ordinal).ToArray();
        return new LevelledPlan(plan, ordered, overbooked);
    }

    /// <summary>The days, channels and weeks the fixed touches alone put over budget: by day, a week after its Monday's day.</summary>
    private List<OverbookedDay> Overbooked(List<LocalDate> fixedDays, Usage usage)
    {
        var budget = calendar.Budget;
        var overbooked = new List<OverbookedDay>();
        foreach (var day in fixedDays.Distinct().Order())
        {
            int count = usage.Day(day);
            if (count > budget.PerDay)
            {
                overbooked.Add(new OverbookedDay(day, count, budget.PerDay));
            }

            foreach (var (channel, max) in budget.PerChannel.OrderBy(p => p.Key))
            {
                int onChannel = usage.Channel(day, channel);
                if (onChannel > max)
                {
                    overbooked.Add(new OverbookedDay(day, onChannel, max, channel));
                }
            }
        }

        if (budget.PerWeek is { } perWeek)
        {
            foreach (var monday in fixedDays.Select(Usage.WeekOf).Distinct().Order())
            {
                if (usage.Week(monday) > perWeek)
                {
                    overbooked.Add(new OverbookedDay(monday, usage.Week(monday), perWeek, Week: true));
                }
            }
        }

        // By day; on a day, its own budget, then each channel's in order (null first), then a week starting that day.
        return [.. overbooked.OrderBy(o => o.Date).ThenBy(o => o.Week).ThenBy(o => o.Channel)];
    }

    private LocalDate Deadline(PlannedTouch touch) =>
        _options.RebaseOverdue && Lateness(touch) is var late && late > 0 ? touch.NotAfter.PlusDays(late) : touch.NotAfter;

    /// <summary>Days off are not lateness (the contact's weekend for a call or meeting too): counted from the first working day on or after the day it was due.</summary>
    private int Lateness(PlannedTouch touch)
    {
        if (touch.DaysOverdue == 0 || touch.IsFixed)
        {
            return touch.DaysOverdue;
        }

        var wasDue = _today.PlusDays(-touch.DaysOverdue);
        var first = Enumerable.Range(0, touch.DaysOverdue).Select(wasDue.PlusDays).FirstOrDefault(d => Held(touch, d) is null, _today);
        return Period.DaysBetween(first, _today);
    }

    private MoveCause? Held(PlannedTouch touch, LocalDate d) => calendar.DayOffOn(d) switch
    {
        DayOff.Holiday => MoveCause.Holiday,
        DayOff.TimeOff => MoveCause.TimeOff,
        DayOff.Weekend => MoveCause.NotAWorkingDay,
        _ => ContactWeekend(touch, d) is not null ? MoveCause.ContactWeekend : null,
    };

    /// <summary>What the queue orders by: the deadline, but for a touch already overdue the day it was due (the most overdue first), unless rebased.</summary>
    private LocalDate Priority(PlannedTouch touch, LocalDate today) =>
        touch.IsOverdue && !_options.RebaseOverdue ? today.PlusDays(-touch.DaysOverdue) : Deadline(touch);

    /// <summary>Why a fixed touch cannot stay on a day, or null: a day off, then the day's, the week's and the channel's budget.</summary>
    private (MoveCause Cause, int? Limit)? WhyNot(LocalDate day, Channel channel, Usage usage)
    {
        var budget = calendar.Budget;
        return calendar.DayOffOn(day) switch
        {
            DayOff.Weekend => (MoveCause.NotAWorkingDay, null),
            DayOff.Holiday => (MoveCause.Holiday, null),
            DayOff.TimeOff => (MoveCause.TimeOff, null),
            _ => usage.Day(day) >= budget.PerDay ? (MoveCause.DailyBudget, budget.PerDay)
                : WeekFull(day, usage) ? (MoveCause.WeeklyBudget, budget.PerWeek)
                : usage.Channel(day, channel) >= budget.For(channel) ? (MoveCause.ChannelBudget, budget.For(channel))
                : null,
        };
    }

    /// <summary>Places what fits on one day; whatever still waits remembers why, if this is the first day it waits.</summary>
    private void PlaceDay(LocalDate day, PriorityQueue<Job, (LocalDate, string)> ready, Usage usage, List<LevelledTouch> placed)
    {
        var budget = calendar.Budget;
        var dayOff = calendar.DayOffOn(day);
        var passedOver = new List<Job>();
        if (dayOff == DayOff.None)
        {
            while (ready.Count > 0 && usage.Day(day) < budget.PerDay && !WeekFull(day, usage))
            {
                var job = ready.Dequeue();
                if (usage.Channel(day, job.Touch.Channel) >= budget.For(job.Touch.Channel))
                {
                    job.Cause ??= (MoveCause.ChannelBudget, budget.For(job.Touch.Channel), job.Touch.Channel, null);
                    passedOver.Add(job);
                    continue;
                }

                // Past its latest day here, a touch that left its due day goes to the nearest earlier day of its
                // window with room, if one has.
                if (day > job.Deadline && job.Cause is not null && DayBefore(job, day, usage) is { } before)
                {
                    usage.Add(before, job.Touch.Channel);
                    placed.Add(Place(job, before));
                    continue;
                }

                if (ContactWeekend(job.Touch, day) is { } place)
                {
                    if (job.ContactWeekendSkips < Leveller.MaxContactWeekendSkips)
                    {
                        job.Cause ??= (MoveCause.ContactWeekend, null, null, place);
                        job.ContactWeekendSkips++;
                        passedOver.Add(job);
                        continue;
                    }

                    job.OnContactWeekend = place;
                }

                usage.Add(day, job.Touch.Channel);
                placed.Add(Place(job, day));
            }
        }

        foreach (var job in passedOver)
        {
            ready.Enqueue(job, (job.Priority, job.Touch.RelationshipId));
        }

        // Whatever is still waiting was passed over today: remember why, for its first day only.
        (MoveCause, int?, Channel?, string?) cause = dayOff switch
        {
            DayOff.Weekend => (MoveCause.NotAWorkingDay, null, null, null),
            DayOff.Holiday => (MoveCause.Holiday, null, null, null),
            DayOff.TimeOff => (MoveCause.TimeOff, null, null, null),
            _ => WeekFull(day, usage) && usage.Day(day) < budget.PerDay
                ? (MoveCause.WeeklyBudget, budget.PerWeek, null, null)
                : (MoveCause.DailyBudget, budget.PerDay, null, null),
        };
        foreach (var (job, _) in ready.UnorderedItems)
        {
            job.Cause ??= cause;
        }
    }

    /// <summary>
    /// The latest day of a touch's window before its due day (from today and its NotBefore, not after its latest day,
    /// before <paramref name="day"/>) that is a working day with room for it: the day's, the week's and its channel's
    /// budgets, and not the contact's weekend for a call or meeting; or null.
    /// </summary>
    private LocalDate? DayBefore(Job job, LocalDate day, Usage usage)
    {
        var budget = calendar.Budget;
        var touch = job.Touch;
        LocalDate from = new[] { touch.NotBefore, _today }.Max();
        LocalDate to = new[] { touch.Due.PlusDays(-1), job.Deadline, day.PlusDays(-1) }.Min();
        for (var d = to; d >= from; d = d.PlusDays(-1))
        {
            if (calendar.DayOffOn(d) == DayOff.None
                && usage.Day(d) < budget.PerDay
                && !WeekFull(d, usage)
                && usage.Channel(d, touch.Channel) < budget.For(touch.Channel)
                && ContactWeekend(touch, d) is null)
            {
                return d;
            }
        }

        return null;
    }

    private bool WeekFull(LocalDate day, Usage usage) =>
        calendar.Budget.PerWeek is { } perWeek && usage.Week(day) >= perWeek;

    /// <summary>Where the contact is when <paramref name="day"/> is their weekend, for a call or meeting; otherwise null.</summary>
    private string? ContactWeekend(PlannedTouch touch, LocalDate day)
    {
        if (!touch.Channel.IsLive() || touch.Relationship.TimeZone is not { } zone)
        {
            return null;
        }

        return touch.Relationship.Weekend.Contains(ContactDate(day, zone).DayOfWeek) ? CallWindow.Place(zone) : null;
    }

    /// <summary>The contact's own date of a touch on the owner's day: that of the common hours, else of the owner's midday.</summary>
    private LocalDate ContactDate(LocalDate day, DateTimeZone zone) =>
        Window(day, zone)?.ContactStart.Date
        ?? calendar.TimeZone.AtLeniently(day.At(new LocalTime(12, 0))).WithZone(zone).Date;

    private CallWindow? Window(LocalDate day, DateTimeZone zone) =>
        CallWindow.Find(day, calendar.TimeZone, calendar.WorkStart, calendar.WorkEnd, zone, calendar.ContactWorkStart, calendar.ContactWorkEnd);

    private LevelledTouch Place(Job job, LocalDate day)
    {
        var more = new List<Reason>();
        var touch = job.Touch;
        int daysOverdue = Lateness(touch);
        if (touch.IsOverdue && daysOverdue == 0)
        {
            // Overdue only by days off: moved from the day it was due, for the day off it was.
            var wasDue = _today.PlusDays(-touch.DaysOverdue);
            var cause = Held(touch, wasDue)!.Value;
            more.Add(new LevelledReason(wasDue, day, cause, null, null, cause == MoveCause.ContactWeekend ? ContactWeekend(touch, wasDue) : null));
        }

        if (more.Count == 0 && day != job.Touch.Due && job.Cause is { } cause2)
        {
            more.Add(new LevelledReason(job.Touch.Due, day, cause2.Cause, cause2.Limit, cause2.Channel, cause2.Place));
        }

        if (job.OnContactWeekend is { } where)
        {
            more.Add(new OnContactWeekendReason(where));
        }

        if (day > job.Deadline)
        {
            more.Add(new LateReason(job.Deadline, Period.DaysBetween(job.Deadline, day), NothingFit: day > job.Touch.Due));
        }

        return Finish(job.Touch, day, job.Deadline, more, daysOverdue);
    }

    /// <summary>
    /// The touch placed on <paramref name="day"/> with <paramref name="more"/> reasons; a call or meeting with a contact's
    /// zone gets the day's call window, and its note then ends with a <see cref="CallWindowReason"/> or
    /// <see cref="NoCommonHoursReason"/>.
    /// </summary>
    private LevelledTouch Finish(PlannedTouch touch, LocalDate day, LocalDate notAfter, List<Reason> more, int? daysOverdue = null)
    {
        CallWindow? window = touch.Channel.IsLive() && touch.Relationship.TimeZone is { } zone ? Window(day, zone) : null;
        return new LevelledTouch(touch, day, notAfter, daysOverdue ?? touch.DaysOverdue, new LevellingNote([.. more]), window);
    }

    private sealed class Job(PlannedTouch touch, LocalDate deadline, LocalDate priority)
    {
        public PlannedTouch Touch { get; } = touch;

        public LocalDate Deadline { get; } = deadline;

        public LocalDate Priority { get; } = priority;

        public (MoveCause Cause, int? Limit, Channel? Channel, string? Place)? Cause { get; set; }

        public int ContactWeekendSkips { get; set; }

        public string? OnContactWeekend { get; set; }
    }

    private sealed class DeadlineThenId : IComparer<(LocalDate, string)>
    {
        public int Compare((LocalDate, string) x, (LocalDate, string) y)
        {
            int c = x.Item1.CompareTo(y.Item1);
            return c != 0 ? c : string.CompareOrdinal(x.Item2, y.Item2);
        }
    }

    /// <summary>Touches placed per day, per channel and per week.</summary>
    private sealed class Usage
    {
        private readonly Dictionary<LocalDate, int> _days = [];
        private readonly Dictionary<(LocalDate, Channel), int> _channels = [];
        private readonly Dictionary<LocalDate, int> _weeks = [];

        public void Add(LocalDate day, Channel channel)
        {
            _days[day] = Day(day) + 1;
            _channels[(day, channel)] = Channel(day, channel) + 1;
            _weeks[WeekOf(day)] = Week(day) + 1;
        }

        public int Day(LocalDate day) => _days.GetValueOrDefault(day);

        public int Channel(LocalDate day, Channel channel) => _channels.GetValueOrDefault((day, channel));

        public int Week(LocalDate day) => _weeks.GetValueOrDefault(WeekOf(day));

        /// <summary>The Monday of the week of a day.</summary>
        public static LocalDate WeekOf(LocalDate day) => day.PlusDays(-((int)day.DayOfWeek - 1));
    }
}
