using Cadence.Internal;
using NodaTime;

namespace Cadence.Explanations;

/// <summary>The relationship is paused: nothing is due before the pause ends.</summary>
/// <param name="Until">The day it resumes.</param>
public sealed record PausedReason(LocalDate Until) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => Append(text, Until);

    internal static void Append(TextBuffer text, LocalDate until)
    {
        text.Append("paused until ");
        Day(text, until);
    }
}
