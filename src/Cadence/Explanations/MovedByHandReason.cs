using NodaTime;

namespace Cadence.Explanations;

/// <summary>The next touch was moved by hand: snoozed or brought forward.</summary>
/// <param name="From">The day the rules asked for.</param>
/// <param name="To">The day it was moved to.</param>
public sealed record MovedByHandReason(LocalDate From, LocalDate To) : Reason;
