using NodaTime;

namespace Cadence.Explanations;

/// <summary>The touch was due before today: it is due today, this many days late.</summary>
/// <param name="Days">Days late.</param>
/// <param name="WasDue">The day it was due.</param>
public sealed record OverdueReason(int Days, LocalDate WasDue) : Reason;
