using System;
using Cadence.Internal;

namespace Cadence.Explanations;

/// <summary>The touch that renews the relationship furthest, which the due date is counted from.</summary>
/// <param name="Touch">The touch.</param>
/// <param name="DaysAgo">Days between it and today.</param>
/// <param name="Credit">The share of a full touch it counts for.</param>
public sealed record RenewalReason(Touch Touch, int DaysAgo, double Credit) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => Append(text, Touch, DaysAgo, Credit);

    internal static void Append(TextBuffer text, Touch touch, int daysAgo, double credit)
    {
        Describe(text, touch, daysAgo, last: true);
        if (credit < 1)
        {
            // Below a full touch the share is shown, rounded half up but never shown as 100%.
            double percent = Math.Min(99, Math.Round(credit * 100, MidpointRounding.AwayFromZero));
            text.Append(", which counts as ");
            if (percent is >= 0 and <= 99 && !double.IsNegative(percent))
            {
                // A whole number from 0 to 99 is written as the integer it is.
                text.Append((long)percent);
            }
            else
            {
                text.Append(percent);
            }

            text.Append("% of a full touch");
        }
    }
}
