using System.Collections.Immutable;
using Cadence.Explanations;

namespace Cadence.Planning;

/// <summary>
/// Rule 4, a promise: the earliest open commitment (ties by id; <see cref="Diary.PinningCommitmentOf"/>) pins the day and
/// takes over from a ladder and the cadence, with two limits: the floor holds for promises too (one dated inside the
/// minimum gap after an attempt of yours left unanswered, with no reply since, is carried to the end of the gap), and
/// one later than the cadence's latest day does not take over: the cadence's touch comes first and says the promise
/// follows (docs/design.md, "Commitment"). A meeting booked in the calendar (<see cref="CommitmentKind.Booked"/>) pins
/// the same way but is never carried (the meeting is at its time), and says so with a <see cref="BookedMeetingReason"/>.
/// </summary>
internal sealed class PromiseRule : PlanningRule
{
    private PromiseRule()
    {
    }

    /// <summary>The rule.</summary>
    internal static PromiseRule Instance { get; } = new();

    /// <summary>Takes over with the promise's day when a commitment is open.</summary>
    internal override void Apply(in RelationshipFacts facts, ref Candidate candidate)
    {
        if (facts.Context.Diary.PinningCommitmentAt(facts.Index) is not { } pinned)
        {
            return;
        }

        var day = pinned.Date;
        NextStepNote? note = null;
        if (facts.UnansweredAttempt >= 0 && !pinned.IsBooked)
        {
            // (A meeting booked in the calendar is at its time: the floor does not carry it.)
            int attemptDay = facts.Touches[facts.UnansweredAttempt].Day;
            var carriedTo = PlanningContext.DateOf(facts.FloorAfter(attemptDay));
            if (day < carriedTo)
            {
                day = carriedTo;
                note = new NextStepNote { Carried = new CarriedToFloorReason(pinned.Date, PlanningContext.DateOf(attemptDay), facts.Rule.MinGap, carriedTo) };
            }
        }

        if (facts.Renewal >= 0 && day.ToDateOnly().DayNumber > facts.LatestAllowed && day > candidate.Day)
        {
            // Later than the cadence's latest day (and than the touch chosen so far): the cadence's own touch (or a
            // ladder's step) comes first, so the relationship does not go cold meanwhile, and the promise stays open as
            // the next step after it.
            var notes = candidate.Notes;
            notes.Before = new BeforeNextStepReason(day, pinned.Purpose);
            notes.Following = pinned;
            return;
        }

        candidate = new Candidate
        {
            Rule = this,
            IsFixed = true,
            Day = day,
            NotAfter = day,
            Opens = day,
            WaitedFor = -1,
            Commitment = pinned,
            Note = note,
        };
    }

    /// <summary>
    /// Its reasons when it set the day: the promise, carried if it is, the touches behind the cadence, and the wait after
    /// unanswered attempts when there is one (it decides whether a later promise pins).
    /// </summary>
    internal override void Explain(PlannedTouch touch, in Decision decision, ImmutableArray<Reason>.Builder reasons)
    {
        var pinned = touch.Commitment!;
        reasons.Add(pinned.IsBooked
            ? new BookedMeetingReason(pinned.Id, pinned.Purpose, pinned.Date, pinned.Time)
            : new CommitmentReason(pinned.Id, pinned.Purpose, pinned.Date));
        if (decision.Next?.Carried is { } carried)
        {
            reasons.Add(carried);
        }

        RoutineRule.AddTouches(touch, decision, reasons);
        RoutineRule.AddSpacing(touch, decision, reasons);
    }
}
