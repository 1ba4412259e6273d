using NodaTime;

namespace Cadence.Explanations;

/// <summary>Why a commitment is closed (<see cref="DiaryExplanations.WhyClosed"/>): done by a touch, or done or dropped by hand.</summary>
/// <param name="CommitmentId">The commitment's id.</param>
/// <param name="Purpose">What the step was.</param>
/// <param name="Status">Done or dropped.</param>
/// <param name="On">The day it was closed, when known.</param>
/// <param name="By">The logged touch that closed it, or <see langword="null"/> when it was closed by hand.</param>
/// <param name="ByReply">Whether that touch was their reply, before the step was due (so the step was not needed).</param>
public sealed record ClosedReason(string CommitmentId, string Purpose, CommitmentStatus Status, LocalDate? On, Touch? By, bool ByReply) : Reason;
