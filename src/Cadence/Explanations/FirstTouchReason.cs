namespace Cadence.Explanations;

/// <summary>
/// No touch has renewed the relationship yet (none happened, every attempt went unanswered, or the channels used
/// count for nothing): a first touch is due.
/// </summary>
/// <param name="UnansweredAttempts">How many outbound attempts went unanswered so far.</param>
/// <param name="UncreditedTouches">How many connected touches there were on channels whose credit is zero.</param>
public sealed record FirstTouchReason(int UnansweredAttempts, int UncreditedTouches = 0) : Reason;
