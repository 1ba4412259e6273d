using Cadence.Internal;
using NodaTime;

namespace Cadence.Explanations;

/// <summary>The next touch was moved by hand: snoozed or brought forward.</summary>
/// <param name="From">The day the rules asked for.</param>
/// <param name="To">The day it was moved to.</param>
public sealed record MovedByHandReason(LocalDate From, LocalDate To) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => Append(text, From, To);

    internal static void Append(TextBuffer text, LocalDate from, LocalDate to)
    {
        if (to == from)
        {
            text.Append("set by hand to ");
            Day(text, to);
            return;
        }

        text.Append(to > from ? "snoozed by hand from " : "brought forward by hand from ");
        Day(text, from);
        text.Append(" to ");
        Day(text, to);
    }
}
