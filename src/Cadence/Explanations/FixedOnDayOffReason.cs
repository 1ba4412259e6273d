using Cadence.Levelling;
using NodaTime;

namespace Cadence.Explanations;

/// <summary>A fixed touch (a commitment or a move by hand) is on one of the owner's days off, and stays there.</summary>
/// <param name="Date">The day.</param>
/// <param name="DayOff">Why it is a day off.</param>
public sealed record FixedOnDayOffReason(LocalDate Date, DayOff DayOff) : Reason;
