using NodaTime;

namespace Cadence.Explanations;

/// <summary>
/// A date touch (or a campaign's reconnection) comes before the next step already planned, which follows once it is
/// logged: "before the next step for Fri 20 Mar 2026: send the proposal".
/// </summary>
/// <param name="Day">The day of the next step.</param>
/// <param name="Step">What it is: a promise's purpose, "follow-up 2 of 3", "the touch moved by hand".</param>
public sealed record BeforeNextStepReason(LocalDate Day, string Step) : Reason;
