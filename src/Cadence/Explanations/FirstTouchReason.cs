using Cadence.Internal;

namespace Cadence.Explanations;

/// <summary>
/// No touch has renewed the relationship yet (none happened, every attempt went unanswered, or the channels used
/// count for nothing): a first touch is due.
/// </summary>
/// <param name="UnansweredAttempts">How many outbound attempts went unanswered so far.</param>
/// <param name="UncreditedTouches">How many connected touches there were on channels whose credit is zero.</param>
public sealed record FirstTouchReason(int UnansweredAttempts, int UncreditedTouches = 0) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => Append(text, UnansweredAttempts, UncreditedTouches);

    internal static void Append(TextBuffer text, int unansweredAttempts, int uncreditedTouches)
    {
        if (uncreditedTouches > 0)
        {
            text.Append("no touch so far counts towards the cadence: time for one that does");
        }
        else if (unansweredAttempts > 0)
        {
            text.Append("no connection yet after ").AppendCount(unansweredAttempts, "attempt");
        }
        else
        {
            text.Append("no touch yet: time for a first one");
        }
    }
}
