using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace Cadence.Scheduling;

/// <summary>Options of the <see cref="Leveller"/>. Immutable.</summary>
public sealed record LevellingOptions
{
    /// <summary>The default: overdue touches keep their deadlines and are spread over the coming working days.</summary>
    public static LevellingOptions Default { get; } = new();

    /// <summary>
    /// When set, an overdue touch is rebased on today: its window starts again from today with the slack it had
    /// (its latest day moves by as many days as it is overdue), instead of counting as late from its old deadline.
    /// </summary>
    public bool RebaseOverdue { get; init; }
}

/// <summary>A day (or week) that fixed touches (commitments, moves by hand) put over a budget: reported, not moved.</summary>
/// <param name="Date">The day; for a week, its Monday.</param>
/// <param name="Count">How many fixed touches are on it (for <paramref name="Channel"/> alone when set).</param>
/// <param name="Limit">The budget they exceed.</param>
/// <param name="Channel">For a channel budget, the channel; otherwise <see langword="null"/>.</param>
/// <param name="Week">Whether it is the weekly budget, for the week starting on <paramref name="Date"/>.</param>
public sealed record OverbookedDay(LocalDate Date, int Count, int Limit, Channel? Channel = null, bool Week = false);

/// <summary>A levelled plan, and the days that fixed touches put over budget.</summary>
/// <param name="Plan">The plan, every touch on the day it was placed.</param>
/// <param name="Overbooked">Days over budget because of fixed touches, by day.</param>
public sealed record LevelledPlan(Plan Plan, IReadOnlyList<OverbookedDay> Overbooked);

/// <summary>
/// Places a plan's touches on the owner's calendar. Fixed touches (commitments, moves by hand) keep their days and take
/// budget first; a day they put over budget is reported, not moved. Every other touch is placed on a working day with
/// budget left, no earlier than its due day, earliest deadline (<see cref="PlannedTouch.NotAfter"/>) first, ties by
/// relationship id; calls and meetings avoid the contact's weekend in their time zone. What cannot fit by its
/// deadline goes to the first day possible and is marked late. Every move has a reason. Pure and deterministic.
/// </summary>
/// <remarks>
/// With only a daily budget, the largest lateness is the smallest possible: placing day by day the released touches
/// with the earliest deadlines is optimal for unit tasks with release days. Channel and weekly budgets and the contact's
/// weekend are honoured the same greedy way.
/// </remarks>
public sealed class Leveller
{
    /// <summary>Days in a row without a working day after which levelling gives up (time off of ten years).</summary>
    private const int MaxDaysOff = 3660;

    /// <summary>
    /// Working days a call or meeting waits for a day that is not the contact's weekend; after that it is placed
    /// anyway (an owner who works only on the contact's weekend).
    /// </summary>
    private const int MaxContactWeekendSkips = 7;

    /// <summary>Creates a leveller.</summary>
    /// <param name="calendar">The owner's calendar.</param>
    /// <param name="options">The options; <see cref="LevellingOptions.Default"/> when null.</param>
    public Leveller(OwnerCalendar calendar, LevellingOptions? options = null)
    {
        Calendar = Guard.NotNull(calendar, nameof(calendar));
        Options = options ?? LevellingOptions.Default;
    }

    /// <summary>The owner's calendar.</summary>
    public OwnerCalendar Calendar { get; }

    /// <summary>The options.</summary>
    public LevellingOptions Options { get; }

    /// <summary>Levels a plan.</summary>
    /// <param name="plan">The plan, as the <see cref="Scheduler"/> made it.</param>
    /// <returns>The levelled plan, ordered by day then relationship id, and the overbooked days.</returns>
    public LevelledPlan Level(Plan plan)
    {
        Guard.NotNull(plan, nameof(plan));
        LocalDate today = plan.Today;
        var budget = Calendar.Budget;
        var usage = new Usage(today);
        var windows = new Windows();
        var placed = new List<PlannedTouch>(plan.Touches.Count);

        // Fixed touches first: they keep their days and take the budget.
        var fixedTouches = plan.Touches.Where(t => t.IsFixed).ToList();
        foreach (var touch in fixedTouches)
        {
            usage.Add(touch.Due, touch.Channel);
        }

        var overbooked = new List<OverbookedDay>();
        foreach (var day in fixedTouches.Select(t => t.Due).Distinct().Order())
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
            foreach (var monday in fixedTouches.Select(t => Usage.WeekOf(t.Due)).Distinct().Order())
            {
                if (usage.Week(monday) > perWeek)
                {
                    overbooked.Add(new OverbookedDay(monday, usage.Week(monday), perWeek, Week: true));
                }
            }

            overbooked.Sort((x, y) => x.Date.CompareTo(y.Date) is var c && c != 0 ? c : x.Week.CompareTo(y.Week));
        }

        foreach (var touch in fixedTouches)
        {
            var more = new List<Reason>();
            if (Calendar.DayOffOn(touch.Due) is var off && off != DayOff.None)
            {
                more.Add(new FixedOnDayOffReason(touch.Due, off));
            }

            foreach (var over in overbooked)
            {
                bool applies = over.Week
                    ? Usage.WeekOf(touch.Due) == over.Date
                    : over.Date == touch.Due && (over.Channel is null || over.Channel == touch.Channel);
                if (applies)
                {
                    more.Add(new OverbookedReason(over.Date, over.Count, over.Limit, over.Channel, over.Week));
                }
            }

            placed.Add(Finish(touch, touch.Due, touch.NotAfter, more, windows));
        }

        // The rest: day by day, the released touches with the earliest deadlines first.
        var pending = new List<Job>(plan.Touches.Count - fixedTouches.Count);
        foreach (var touch in plan.Touches)
        {
            if (!touch.IsFixed)
            {
                pending.Add(new Job(touch, Deadline(touch, today)));
            }
        }

        // By due day, then deadline, then id: the id rank orders like the id itself (ordinal).
        pending.Sort(static (x, y) =>
            x.Touch.Due.CompareTo(y.Touch.Due) is var c && c != 0 ? c
            : x.Deadline.CompareTo(y.Deadline) is var d && d != 0 ? d
            : x.Touch.IdRank.CompareTo(y.Touch.IdRank) is var r && r != 0 ? r
            : string.CompareOrdinal(x.Touch.RelationshipId, y.Touch.RelationshipId));
        var ready = new PriorityQueue<Job, long>();
        int next = 0;
        int daysOff = 0;
        LocalDate dayCursor = today;
        while (next < pending.Count || ready.Count > 0)
        {
            if (ready.Count == 0 && pending[next].Touch.Due > dayCursor)
            {
                dayCursor = pending[next].Touch.Due;
            }

            daysOff = Calendar.IsWorkingDay(dayCursor) ? 0 : daysOff + 1;
            if (daysOff > MaxDaysOff)
            {
                throw new InvalidOperationException(
                    $"The owner calendar has no working day in the {MaxDaysOff} days before {dayCursor:uuuu'-'MM'-'dd}: check its time off.");
            }

            while (next < pending.Count && pending[next].Touch.Due <= dayCursor)
            {
                ready.Enqueue(pending[next], pending[next].Priority);
                next++;
            }

            PlaceDay(dayCursor, ready, usage, placed, windows);
            dayCursor = dayCursor.PlusDays(1);
        }

        return new LevelledPlan(new Plan(today, PlanOrder.ByDueThenId(placed, today, inIdOrderAlready: false)), overbooked);
    }

    private LocalDate Deadline(PlannedTouch touch, LocalDate today)
    {
        if (Options.RebaseOverdue && touch.IsOverdue)
        {
            return touch.NotAfter.PlusDays(touch.DaysOverdue);
        }

        return touch.NotAfter;
    }

    private void PlaceDay(LocalDate day, PriorityQueue<Job, long> ready, Usage usage, List<PlannedTouch> placed, Windows windows)
    {
        var budget = Calendar.Budget;
        var dayOff = Calendar.DayOffOn(day);
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

                if (ContactWeekend(job.Touch, day, windows) is { } place)
                {
                    if (job.ContactWeekendSkips < MaxContactWeekendSkips)
                    {
                        job.Cause ??= (MoveCause.ContactWeekend, null, null, place);
                        job.ContactWeekendSkips++;
                        passedOver.Add(job);
                        continue;
                    }

                    job.OnContactWeekend = place;
                }

                usage.Add(day, job.Touch.Channel);
                placed.Add(Place(job, day, windows));
            }
        }

        foreach (var job in passedOver)
        {
            ready.Enqueue(job, job.Priority);
        }

        if (ready.Count == 0)
        {
            return;
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

    private bool WeekFull(LocalDate day, Usage usage) =>
        Calendar.Budget.PerWeek is { } perWeek && usage.Week(day) >= perWeek;

    /// <summary>Where the contact is when <paramref name="day"/> is their weekend, for a call or meeting; otherwise null.</summary>
    private string? ContactWeekend(PlannedTouch touch, LocalDate day, Windows windows)
    {
        if (!touch.Channel.IsLive() || touch.Relationship.TimeZone is not { } zone)
        {
            return null;
        }

        return touch.Relationship.Weekend.Contains(ContactDate(touch, day, zone, windows).DayOfWeek) ? CallWindow.Place(zone) : null;
    }

    /// <summary>The contact's own date of a touch on the owner's day: that of the common hours, else of the owner's midday.</summary>
    private LocalDate ContactDate(PlannedTouch touch, LocalDate day, DateTimeZone zone, Windows windows) =>
        Window(day, zone, windows)?.ContactStart.Date
        ?? Calendar.TimeZone.AtLeniently(day.At(new LocalTime(12, 0))).WithZone(zone).Date;

    private CallWindow? Window(LocalDate day, DateTimeZone zone, Windows windows)
    {
        if (!windows.TryGetValue((day, zone), out var window))
        {
            window = CallWindow.Find(day, Calendar.TimeZone, Calendar.WorkStart, Calendar.WorkEnd, zone, Calendar.ContactWorkStart, Calendar.ContactWorkEnd);
            windows[(day, zone)] = window;
        }

        return window;
    }

    private PlannedTouch Place(Job job, LocalDate day, Windows windows)
    {
        var more = day > job.Touch.Due || day > job.Deadline || job.OnContactWeekend is not null ? new List<Reason>(3) : null;
        if (day > job.Touch.Due && job.Cause is { } cause)
        {
            more!.Add(new LevelledReason(job.Touch.Due, day, cause.Cause, cause.Limit, cause.Channel, cause.Place));
        }

        if (job.OnContactWeekend is { } where)
        {
            more!.Add(new OnContactWeekendReason(where));
        }

        if (day > job.Deadline)
        {
            more!.Add(new LateReason(job.Deadline, Period.DaysBetween(job.Deadline, day), NothingFit: day > job.Touch.Due));
        }

        return Finish(job.Touch, day, job.Deadline, more, windows);
    }

    private PlannedTouch Finish(PlannedTouch touch, LocalDate day, LocalDate notAfter, List<Reason>? more, Windows windows)
    {
        CallWindow? window = null;
        if (touch.Channel.IsLive() && touch.Relationship.TimeZone is { } zone)
        {
            window = Window(day, zone, windows);
            (more ??= []).Add(window is null ? new NoCommonHoursReason(CallWindow.Place(zone)) : new CallWindowReason(window));
        }

        // Placed where it was planned, with nothing to add: the plan's own touch will do.
        if (day == touch.Due && notAfter == touch.NotAfter && (more is null || more.Count == 0))
        {
            return touch;
        }

        return touch.Placed(day, notAfter, more ?? [], window);
    }

    /// <summary>Call windows found during one levelling, by owner's day and contact's zone.</summary>
    private sealed class Windows : Dictionary<(LocalDate, DateTimeZone), CallWindow?>
    {
    }

    private sealed class Job(PlannedTouch touch, LocalDate deadline)
    {
        public PlannedTouch Touch { get; } = touch;

        public LocalDate Deadline { get; } = deadline;

        /// <summary>Earliest deadline first, then id (its rank in the diary).</summary>
        public long Priority { get; } = ((long)deadline.ToDateOnly().DayNumber << 32) | (uint)touch.IdRank;

        public (MoveCause Cause, int? Limit, Channel? Channel, string? Place)? Cause { get; set; }

        public int ContactWeekendSkips { get; set; }

        public string? OnContactWeekend { get; set; }
    }

    /// <summary>Touches placed per day, per channel and per week, in arrays indexed from the plan's day.</summary>
    private sealed class Usage(LocalDate today)
    {
        private const int Channels = 4;
        private readonly int _origin = today.ToDateOnly().DayNumber;
        private readonly int _monday = WeekOf(today).ToDateOnly().DayNumber;
        private int[] _days = new int[64];
        private int[] _channels = new int[64 * Channels];
        private int[] _weeks = new int[16];

        public void Add(LocalDate day, Channel channel)
        {
            int d = Offset(day);
            int w = WeekIndex(day);
            Grow(ref _days, d + 1);
            Grow(ref _channels, (d + 1) * Channels);
            Grow(ref _weeks, w + 1);
            _days[d]++;
            _channels[(d * Channels) + (int)channel]++;
            _weeks[w]++;
        }

        public int Day(LocalDate day) => Offset(day) is var d && d < _days.Length ? _days[d] : 0;

        public int Channel(LocalDate day, Channel channel) =>
            (Offset(day) * Channels) + (int)channel is var i && i < _channels.Length ? _channels[i] : 0;

        public int Week(LocalDate day) => WeekIndex(day) is var w && w < _weeks.Length ? _weeks[w] : 0;

        /// <summary>The Monday of the week of a day.</summary>
        public static LocalDate WeekOf(LocalDate day) => day.PlusDays(-((int)day.DayOfWeek - 1));

        private static void Grow(ref int[] array, int length)
        {
            if (array.Length < length)
            {
                Array.Resize(ref array, Math.Max(length, array.Length * 2));
            }
        }

        private int Offset(LocalDate day)
        {
            int d = day.ToDateOnly().DayNumber - _origin;
            return d >= 0 ? d : throw new InvalidOperationException($"Levelling counted a touch on {day:uuuu'-'MM'-'dd}, before the plan's day; this is a bug in Cadence.");
        }

        private int WeekIndex(LocalDate day) => (day.ToDateOnly().DayNumber - _monday) / 7;
    }
}
