namespace Cadence.Explanations;

/// <summary>
/// The relationship's own rhythm moved its target inside the rule's gaps (docs/design.md, "A rhythm that learns"):
/// "aiming every 5 weeks: their own rhythm, every 6 weeks over the last 4 exchanges".
/// </summary>
/// <param name="TargetDays">The learned target, in days.</param>
/// <param name="UsualGapDays">Their usual gap: the median of the latest gaps between exchanges, in days.</param>
/// <param name="Gaps">How many gaps it is the median of.</param>
public sealed record RhythmReason(int TargetDays, int UsualGapDays, int Gaps) : Reason;
