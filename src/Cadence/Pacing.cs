namespace Cadence;

/// <summary>
/// Whether a relationship's pacing learns from its own history (docs/design.md, "A rhythm that learns"): its tier's
/// choice (<see cref="CadenceRules.WithLearning"/>), on, or pinned to its rule.
/// </summary>
public enum Pacing
{
    /// <summary>As its tier says: learning when <see cref="CadenceRules.Learns(string)"/> is true for its tier (the default).</summary>
    ByTier = 0,

    /// <summary>Learning, whatever its tier says.</summary>
    Learn = 1,

    /// <summary>Pinned by the owner: exactly its rule, whatever its tier says.</summary>
    Pinned = 2,
}
