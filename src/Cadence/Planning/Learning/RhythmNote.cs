using Cadence.Explanations;

namespace Cadence.Planning;

/// <summary>
/// What a relationship's learned rhythm changed in its routine touch (docs/design.md, "A rhythm that learns"): the
/// target its own rhythm set, and the wait unanswered attempts in a row added. Made when the reasons are, from
/// <see cref="LearnedFacts"/>.
/// </summary>
internal sealed class RhythmNote
{
    /// <summary>The learned target, when it differs from the rule's.</summary>
    internal RhythmReason? Rhythm { get; init; }

    /// <summary>The wait after unanswered attempts in a row, when it is longer than the minimum gap.</summary>
    internal SpacedOutReason? Spaced { get; init; }
}
