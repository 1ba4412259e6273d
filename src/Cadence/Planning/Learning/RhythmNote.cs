using Cadence.Explanations;

namespace Cadence.Planning;

/// <summary>
/// What a relationship's learned rhythm changed in its routine touch (docs/design.md, "A rhythm that learns"): the
/// target its own rhythm set, and the wait unanswered attempts in a row added. Made only when learning changed something,
/// so the plans of relationships that do not learn carry one empty reference.
/// </summary>
internal sealed class RhythmNote
{
    /// <summary>The learned target, when it differs from the rule's.</summary>
    internal RhythmReason? Rhythm { get; init; }

    /// <summary>The wait after unanswered attempts in a row, when it is longer than the minimum gap.</summary>
    internal SpacedOutReason? Spaced { get; set; }
}
