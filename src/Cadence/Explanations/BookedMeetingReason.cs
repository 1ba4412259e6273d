using NodaTime;

namespace Cadence.Explanations;

/// <summary>
/// A meeting booked in the owner's calendar pins the date (<see cref="CommitmentKind.Booked"/>): "meeting booked Tue 10 Mar
/// 2026 14:00, from your calendar".
/// </summary>
/// <param name="CommitmentId">The booking's id.</param>
/// <param name="Purpose">The meeting's summary.</param>
/// <param name="Date">The day of the meeting.</param>
/// <param name="Time">Its time in the owner's zone, or <see langword="null"/> for an all-day one.</param>
public sealed record BookedMeetingReason(string CommitmentId, string Purpose, LocalDate Date, LocalTime? Time) : Reason;
