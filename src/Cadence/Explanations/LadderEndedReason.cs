namespace Cadence.Explanations;

/// <summary>A follow-up ladder ended with no reply, and handed the relationship back to its cadence.</summary>
/// <param name="Ladder">The ladder's name.</param>
/// <param name="Steps">How many follow-ups were made.</param>
/// <param name="Started">The attempt that started the exchange.</param>
public sealed record LadderEndedReason(string Ladder, int Steps, Touch Started) : Reason;
