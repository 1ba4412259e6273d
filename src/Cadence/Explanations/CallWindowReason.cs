using Cadence.Internal;
using Cadence.Levelling;

namespace Cadence.Explanations;

/// <summary>The hours when both sides are at work, for a call or meeting across time zones.</summary>
/// <param name="Window">The window.</param>
public sealed record CallWindowReason(CallWindow Window) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => text.Append("best time ").Append(Window?.ToString());
}
