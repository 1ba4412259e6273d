namespace Cadence.Explanations;

/// <summary>The most recent touch, when it is not the one the due date is counted from.</summary>
/// <param name="Touch">The touch.</param>
/// <param name="DaysAgo">Days between it and today.</param>
public sealed record LatestTouchReason(Touch Touch, int DaysAgo) : Reason;
