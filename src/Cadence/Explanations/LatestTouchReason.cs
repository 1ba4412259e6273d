using Cadence.Internal;

namespace Cadence.Explanations;

/// <summary>The most recent touch, when it is not the one the due date is counted from.</summary>
/// <param name="Touch">The touch.</param>
/// <param name="DaysAgo">Days between it and today.</param>
public sealed record LatestTouchReason(Touch Touch, int DaysAgo) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => Append(text, Touch, DaysAgo);

    internal static void Append(TextBuffer text, Touch touch, int daysAgo) => Describe(text, touch, daysAgo, last: false);
}
