using NodaTime;

namespace Cadence.Explanations;

/// <summary>An open commitment pins the date.</summary>
/// <param name="CommitmentId">The commitment's id.</param>
/// <param name="Purpose">What was promised.</param>
/// <param name="Date">The day it is due.</param>
public sealed record CommitmentReason(string CommitmentId, string Purpose, LocalDate Date) : Reason;
