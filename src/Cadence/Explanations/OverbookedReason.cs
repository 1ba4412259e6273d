using NodaTime;

namespace Cadence.Explanations;

/// <summary>A fixed touch (a commitment or a move by hand) is on a day, or in a week, that fixed touches put over budget.</summary>
/// <param name="Date">The day; for a week, its Monday.</param>
/// <param name="Count">How many touches the commitments and moves put on it (of the channel, when set).</param>
/// <param name="Limit">The budget.</param>
/// <param name="Channel">For a channel budget, the channel.</param>
/// <param name="Week">Whether it is the weekly budget.</param>
public sealed record OverbookedReason(LocalDate Date, int Count, int Limit, Channel? Channel = null, bool Week = false) : Reason;
