using Cadence.Internal;

namespace Cadence.Explanations;

/// <summary>The working hours of the owner and the contact do not overlap that day.</summary>
/// <param name="Place">Where the contact is.</param>
public sealed record NoCommonHoursReason(string Place) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => text.Append("no working hours in common with ").Append(Place).Append(" that day");
}
