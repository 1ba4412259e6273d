using NodaTime;

namespace Cadence.Explanations;

/// <summary>A step of a follow-up ladder sets the date: "second follow-up of 3 after no reply to the email of Tue 3 Mar 2026".</summary>
/// <param name="Step">Which step, from 1.</param>
/// <param name="Steps">How many steps the ladder has.</param>
/// <param name="Ladder">The ladder's name.</param>
/// <param name="Started">The attempt that started the exchange.</param>
/// <param name="PreviousAttempt">The day of the previous attempt of the exchange, which the step counts from.</param>
/// <param name="Days">The days the step waits.</param>
/// <param name="Count">Whether they are working days or calendar days.</param>
/// <param name="MinimumGapEnds">When the step comes sooner than the cadence's minimum gap allows, the day the gap ends; otherwise <see langword="null"/>.</param>
public sealed record FollowUpReason(
    int Step,
    int Steps,
    string Ladder,
    Touch Started,
    LocalDate PreviousAttempt,
    int Days,
    DayCount Count,
    LocalDate? MinimumGapEnds) : Reason;
