namespace Cadence.Explanations;

/// <summary>The touch that renews the relationship furthest, which the due date is counted from.</summary>
/// <param name="Touch">The touch.</param>
/// <param name="DaysAgo">Days between it and today.</param>
/// <param name="Credit">The share of a full touch it counts for.</param>
public sealed record RenewalReason(Touch Touch, int DaysAgo, double Credit) : Reason;
