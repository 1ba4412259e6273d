using System.Diagnostics.Contracts;
using Cadence.Internal;
using NodaTime;

namespace Cadence;

/// <summary>
/// The dates Cadence plans with: 1 January 1900 to 31 December 2999, in the ISO calendar. A date outside them (of a
/// touch, a commitment, a move, a pause, a day off, the day a plan is made for, the time a feed is written) is refused
/// where it enters, with an <see cref="System.ArgumentOutOfRangeException"/> naming the parameter and the value; so
/// every computation from dates in range (a rule's gaps of up to 100 years, a follow-up ladder, levelling's search
/// for a day, a feed's horizon) stays far inside the calendars of NodaTime and .NET, and a far-future date cannot
/// make a diary unusable. Queries take any date: an agenda up to <see cref="LocalDate.MaxIsoValue"/> is every planned
/// touch from its first day.
/// </summary>
public static class SupportedDates
{
    /// <summary>The earliest date Cadence accepts: 1 January 1900.</summary>
    public static LocalDate Earliest => DateRange.Earliest;

    /// <summary>The latest date Cadence accepts: 31 December 2999.</summary>
    public static LocalDate Latest => DateRange.Latest;

    /// <summary>Whether Cadence accepts the date: in the ISO calendar, from <see cref="Earliest"/> to <see cref="Latest"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when the date is accepted.</returns>
    [Pure]
    public static bool Contains(LocalDate date) => DateRange.Contains(date);
}
