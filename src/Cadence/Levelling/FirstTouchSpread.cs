using System;
using System.Collections.Generic;
using Cadence.Calendars;
using Cadence.Internal;
using Cadence.Planning;
using NodaTime;

namespace Cadence.Levelling;

/// <summary>
/// Days for the first touches of new relationships (a contacts import, a batch of adds), spread over a period inside
/// the owner's budget, instead of every one due the morning they were added. The days are evenly spaced over the
/// working days of the period (the owner calendar's working days, not its holidays or time off); a day or week the
/// plan already fills to the budget is passed over for the next working day with room, and when the period has too
/// little room the rest go to the working days after it that have room. Pure and deterministic: the same plan, ids,
/// period and calendar give the same days.
/// </summary>
/// <example>
/// <code>
/// var days = FirstTouchSpread.Days(plan, addedIds, today, today.PlusWeeks(6), calendar);
/// for (int i = 0; i &lt; addedIds.Count; i++)
/// {
///     diary = diary.Move(new ManualMove(addedIds[i], days[i], today));
/// }
/// </code>
/// </example>
public static class FirstTouchSpread
{
    /// <summary>How far past the period the rest may go, at most: a year.</summary>
    private const int MaxDaysPast = 366;

    /// <summary>A day for each relationship's first touch, in the order of <paramref name="relationshipIds"/>.</summary>
    /// <param name="plan">The plan of the diary (levelled or not): what each day already holds. Touches of the relationships being spread are not counted.</param>
    /// <param name="relationshipIds">The relationships to spread, in the order they are to be placed (the first on the earliest day).</param>
    /// <param name="from">The first day of the period (today, or later).</param>
    /// <param name="through">The last day of the period, on or after <paramref name="from"/>.</param>
    /// <param name="calendar">The owner's calendar: its working days, holidays, time off and budget (per day and per week).</param>
    /// <returns>The days, one per id, each a working day with room in the budget.</returns>
    /// <exception cref="ArgumentException">A null argument or id, a duplicate id, <paramref name="through"/> before <paramref name="from"/>, or a period with no working day; or no room within a year after it.</exception>
    public static IReadOnlyList<LocalDate> Days(Schedule plan, IReadOnlyList<string> relationshipIds, LocalDate from, LocalDate through, OwnerCalendar calendar)
    {
        Guard.NotNull(plan, nameof(plan));
        Guard.NotNull(relationshipIds, nameof(relationshipIds));
        Guard.NotNull(calendar, nameof(calendar));
        Guard.Date(from, nameof(from));
        Guard.Date(through, nameof(through));
        if (through < from)
        {
            throw new ArgumentException($"The spread ends on {through:uuuu'-'MM'-'dd}, before it starts on {from:uuuu'-'MM'-'dd}.", nameof(through));
        }

        var spread = new HashSet<string>(StringComparer.Ordinal);
        foreach (string id in relationshipIds)
        {
            if (!spread.Add(Guard.Id(id, nameof(relationshipIds))))
            {
                throw new ArgumentException($"The relationship \"{id}\" is given twice to spread.", nameof(relationshipIds));
            }
        }

        var days = new List<LocalDate>();
        for (var day = from; day <= through; day = day.PlusDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                days.Add(day);
            }
        }

        if (days.Count == 0)
        {
            throw new ArgumentException($"There is no working day from {from:uuuu'-'MM'-'dd} to {through:uuuu'-'MM'-'dd} to spread first touches over.", nameof(through));
        }

        // What the plan already puts on each day and in each week (Monday to Sunday), the spread ones left out, counted
        // as levelling counts the budget; from the Monday of the first day's week, the earliest day a limit looks at.
        var origin = from.PlusDays(-((int)from.DayOfWeek - 1));
        var budget = new BudgetCounter(calendar.Budget, origin);
        foreach (var touch in plan.Touches)
        {
            if (!spread.Contains(touch.RelationshipId) && touch.Due >= origin)
            {
                budget.Add(Offset(touch.Due), touch.Channel);
            }
        }

        int Offset(LocalDate day) => Period.DaysBetween(origin, day);
        bool HasRoom(LocalDate day) => !budget.IsDayFull(Offset(day)) && !budget.IsWeekFull(budget.WeekOf(Offset(day)));

        var placed = new LocalDate[relationshipIds.Count];
        for (int k = 0; k < placed.Length; k++)
        {
            // Evenly spaced over the period's working days; from there, the next working day with room.
            int at = (int)((long)k * days.Count / placed.Length);
            LocalDate? chosen = null;
            for (int i = at; i < days.Count && chosen is null; i++)
            {
                chosen = HasRoom(days[i]) ? days[i] : null;
            }

            for (int i = 0; i < at && chosen is null; i++)
            {
                chosen = HasRoom(days[i]) ? days[i] : null;
            }

            for (var day = through.PlusDays(1); chosen is null && day <= through.PlusDays(MaxDaysPast); day = day.PlusDays(1))
            {
                chosen = calendar.IsWorkingDay(day) && HasRoom(day) ? day : null;
            }

            var found = chosen ?? throw new ArgumentException(
                $"The owner's budget ({calendar.Budget.PerDay} a day) has no room for {placed.Length - k} more first touches from {from:uuuu'-'MM'-'dd} to a year after {through:uuuu'-'MM'-'dd}.", nameof(relationshipIds));
            placed[k] = found;

            // A first touch's channel is the plan's to choose: only the day's and the week's limits are looked at.
            budget.Add(Offset(found), Channel.Call);
        }

        return placed;
    }

}
