namespace Cadence;

/// <summary>How a relationship stands against its own rhythm and its rule's window (see <c>Cadence.Planning.RelationshipHealth</c>).</summary>
public enum HealthLevel
{
    /// <summary>Quiet no longer than its usual gap (or, without a rhythm yet, its rule's target).</summary>
    Strong = 0,

    /// <summary>Quiet longer than that, but inside its window: the rule's maximum gap.</summary>
    Steady = 1,

    /// <summary>Quiet past its window, but not yet eight usual gaps (or targets).</summary>
    Fading = 2,

    /// <summary>Quiet past eight usual gaps (or targets) and its window: likely to decay (Navarro et al. 2017).</summary>
    Dormant = 3,
}
