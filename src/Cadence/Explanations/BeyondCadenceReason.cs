using NodaTime;

namespace Cadence.Explanations;

/// <summary>A commitment is later than the cadence's latest day: keeping it lets the relationship go past its maximum gap.</summary>
/// <param name="Promised">The commitment's day.</param>
/// <param name="Latest">The cadence's latest day.</param>
public sealed record BeyondCadenceReason(LocalDate Promised, LocalDate Latest) : Reason;
