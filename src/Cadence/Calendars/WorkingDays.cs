using NodaTime;

namespace Cadence.Calendars;

/// <summary>
/// The one working-day rule the planner counts by (follow-up ladders in working days, a campaign's days): the owner's
/// calendar when there is one (its working days, holidays and time off), else Monday to Friday.
/// </summary>
internal static class WorkingDays
{
    /// <summary>Days in a row without a working day after which counting stops (time off of ten years is a calendar error).</summary>
    internal const int MaxDaysOff = 3660;

    /// <summary>Whether a day is a working day on the calendar, or Monday to Friday without one.</summary>
    internal static bool IsWorkingDay(OwnerCalendar? calendar, LocalDate day) =>
        calendar?.IsWorkingDay(day) ?? day.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);

    /// <summary>The day <paramref name="days"/> working days after <paramref name="from"/>.</summary>
    internal static LocalDate Plus(OwnerCalendar? calendar, LocalDate from, int days)
    {
        var day = from;
        for (int looked = 0; days > 0 && looked < MaxDaysOff; looked++)
        {
            day = day.PlusDays(1);
            if (IsWorkingDay(calendar, day))
            {
                days--;
            }
        }

        return day;
    }
}
