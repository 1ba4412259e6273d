using NodaTime;

namespace Cadence.Explanations;

/// <summary>
/// A new relationship's first touch was set to a day when it was added (<see cref="ManualMove.FirstTouch"/>): spread
/// over a period with the others of an import, or given when it was added, so not everyone new is due at once.
/// </summary>
/// <param name="To">The day set.</param>
/// <param name="SetOn">The day it was set (the relationship was added).</param>
public sealed record FirstTouchSetReason(LocalDate To, LocalDate SetOn) : Reason;
