using NodaTime;

namespace Cadence.Levelling;

/// <summary>A day (or week) that fixed touches (commitments, moves by hand) put over a budget: reported, not moved.</summary>
/// <param name="Date">The day; for a week, its Monday.</param>
/// <param name="Count">How many fixed touches are on it (for <paramref name="Channel"/> alone when set).</param>
/// <param name="Limit">The budget they exceed.</param>
/// <param name="Channel">For a channel budget, the channel; otherwise <see langword="null"/>.</param>
/// <param name="Week">Whether it is the weekly budget, for the week starting on <paramref name="Date"/>.</param>
public sealed record OverbookedDay(LocalDate Date, int Count, int Limit, Channel? Channel = null, bool Week = false);
