namespace Cadence.Explanations;

/// <summary>They called and nobody answered: call them back the next working day ("they called on Tue 3 Mar 2026 and you missed it: call back").</summary>
/// <param name="Missed">Their call that went unanswered.</param>
public sealed record CallBackReason(Touch Missed) : Reason;
