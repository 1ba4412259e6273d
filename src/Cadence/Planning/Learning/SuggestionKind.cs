namespace Cadence.Planning;

/// <summary>What a <see cref="Suggestion"/> proposes (docs/design.md, "A rhythm that learns", Suggestions).</summary>
public enum SuggestionKind
{
    /// <summary>Loosen the relationship's rule: the owner keeps leaving it overdue or snoozing it.</summary>
    LoosenRule = 0,

    /// <summary>Try another channel first: attempts by one channel keep going unanswered.</summary>
    TryChannel = 1,

    /// <summary>Archive the relationship: no reply for months, and attempts unanswered.</summary>
    Archive = 2,
}
