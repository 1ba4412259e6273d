using NodaTime;

namespace Cadence.Explanations;

/// <summary>
/// Attempts left unanswered in a row space the next one out (docs/design.md, "A rhythm that learns"): the minimum gap
/// doubled for each unanswered attempt after the first, never more than the maximum gap.
/// </summary>
/// <param name="Unanswered">Attempts unanswered since the latest reply.</param>
/// <param name="Since">The day of the first of them.</param>
/// <param name="LastAttempt">The day of the latest attempt.</param>
/// <param name="WaitDays">Days the next attempt waits after it.</param>
/// <param name="NotBefore">The first day of the next attempt.</param>
public sealed record SpacedOutReason(int Unanswered, LocalDate Since, LocalDate LastAttempt, int WaitDays, LocalDate NotBefore) : Reason;
