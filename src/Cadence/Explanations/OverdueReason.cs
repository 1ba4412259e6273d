using Cadence.Internal;
using NodaTime;

namespace Cadence.Explanations;

/// <summary>The touch was due before today: it is due today, this many days late.</summary>
/// <param name="Days">Days late.</param>
/// <param name="WasDue">The day it was due.</param>
public sealed record OverdueReason(int Days, LocalDate WasDue) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => Append(text, Days, WasDue);

    internal static void Append(TextBuffer text, int days, LocalDate wasDue)
    {
        text.AppendCount(days, "day").Append(" overdue (was due ");
        Day(text, wasDue);
        text.Append(')');
    }
}
