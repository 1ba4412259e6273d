using NodaTime;

namespace Cadence.Explanations;

/// <summary>Levelling moved the touch from the day it was due to a later one.</summary>
/// <param name="From">The day it was due.</param>
/// <param name="To">The day it was placed on.</param>
/// <param name="Cause">Why it left <paramref name="From"/>.</param>
/// <param name="Limit">For a budget, its limit.</param>
/// <param name="Channel">For a channel budget, the channel.</param>
/// <param name="Place">For the contact's weekend, where the contact is ("Sydney").</param>
public sealed record LevelledReason(LocalDate From, LocalDate To, MoveCause Cause, int? Limit = null, Channel? Channel = null, string? Place = null) : Reason;
