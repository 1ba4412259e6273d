using System.Collections.Generic;
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
    internal const int MaxDaysOff = 3660;

    /// <summary>
    /// Working days a call or meeting waits for a day that is not the contact's weekend; after that it is placed
    /// anyway (an owner who works only on the contact's weekend).
    /// </summary>
    internal const int MaxContactWeekendSkips = 7;

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
        return new LevellingRun(Calendar, Options, plan.Today).Level(plan);
    }
}
