using NodaTime;

namespace Cadence.Internal;

/// <summary>The dates Cadence accepts (published as <see cref="SupportedDates"/>), where the checks below the domain can read them.</summary>
internal static class DateRange
{
    /// <summary>1 January 1900.</summary>
    internal static readonly LocalDate Earliest = new(1900, 1, 1);

    /// <summary>31 December 2999.</summary>
    internal static readonly LocalDate Latest = new(2999, 12, 31);

    /// <summary>Whether a date is in the ISO calendar, from <see cref="Earliest"/> to <see cref="Latest"/>.</summary>
    internal static bool Contains(LocalDate date) => date.Calendar == CalendarSystem.Iso && date >= Earliest && date <= Latest;
}
