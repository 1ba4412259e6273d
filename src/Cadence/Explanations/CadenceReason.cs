namespace Cadence.Explanations;

/// <summary>The cadence rule that applies: the tier's or the relationship's own.</summary>
/// <param name="Tier">The relationship's tier.</param>
/// <param name="Rule">The rule.</param>
/// <param name="IsOverride">Whether the rule is the relationship's own rather than its tier's.</param>
public sealed record CadenceReason(string Tier, CadenceRule Rule, bool IsOverride) : Reason;
