using Cadence.Calendars;
using NodaTime;

namespace Cadence.Explanations;

/// <summary>A fixed touch (a commitment, a move by hand or a date that matters) is on one of the owner's days off, and stays there.</summary>
/// <param name="Date">The day.</param>
/// <param name="DayOff">Why it is a day off.</param>
public sealed record FixedOnDayOffReason(LocalDate Date, DayOff DayOff) : Reason
{
    /// <summary>Whether the touch is a date that matters (its day is the date's, not a promise's).</summary>
    public bool IsDate { get; init; }
}
