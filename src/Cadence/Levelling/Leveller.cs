using Cadence.Calendars;
using Cadence.Internal;
using Cadence.Planning;

namespace Cadence.Levelling;

/// <summary>
/// Places a plan's touches on the owner's calendar. Fixed touches (commitments, moves by hand) keep their days and take
/// budget first; a day they put over budget is reported, not moved; but an overdue one goes to the first working day
/// with room (the most overdue first), with the reason. Every other touch is placed day by day from its due day on a
/// working day with budget left, earliest deadline (<see cref="PlannedTouch.NotAfter"/>) first, except that a touch
/// already overdue counts from the day it was due, so the most overdue goes first; ties by relationship id; calls and
/// meetings avoid the contact's weekend in their time zone. A touch that would go past its deadline goes instead to the
/// latest earlier day of its window (from today and <see cref="PlannedTouch.NotBefore"/>) with room for it; only when
/// none has is it placed on the first day possible and marked late. Every move has a reason. Pure and deterministic.
/// </summary>
/// <remarks>
/// With only a daily budget, the largest lateness is never more than the smallest possible with every touch on or
/// after its due day, counting an overdue touch late from the day it was due: placing day by day the released touches
/// with the earliest such deadlines is optimal for unit tasks with release days, and a touch that goes to an earlier day
/// instead of a late one takes room no later touch could use. Channel and weekly budgets and the contact's weekend are
/// honoured the same greedy way. After levelling, a touch past its window has no day of its window from today left with
/// room for it.
/// </remarks>
public sealed class Leveller
{
    /// <summary>Days in a row without a working day after which levelling gives up (time off of ten years).</summary>
    internal const int MaxDaysOff = WorkingDays.MaxDaysOff;

    /// <summary>
    /// Working days a call or meeting waits for a day that is not the contact's weekend; after that it is placed
    /// anyway (an owner who works only on the contact's weekend).
    /// </summary>
    internal const int MaxContactWeekendSkips = 7;

    /// <summary>How many days from today an overdue fixed touch looks for a working day with room, before it takes the first working day.</summary>
    internal const int MaxFixedSearch = 366;

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
    /// <exception cref="System.InvalidOperationException">The calendar has no working day in the 3,660 days after a touch is due (time off over years): the message says so.</exception>
    public LevelledPlan Level(Plan plan)
    {
        Guard.NotNull(plan, nameof(plan));
        return new LevellingRun(Calendar, Options, plan.Today).Level(plan);
    }
}
