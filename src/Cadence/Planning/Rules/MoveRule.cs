using System.Collections.Immutable;
using Cadence.Explanations;

namespace Cadence.Planning;

/// <summary>
/// Rule 5, a move by hand: the day the owner chose wins over the cadence, the floor, a ladder and a promise's day (a
/// pause still holds it), for the next touch only: a touch dated after the day it was made ends it
/// (<see cref="ManualMove.AppliesAfter"/>; docs/design.md, "Moving a next touch").
/// </summary>
internal sealed class MoveRule : PlanningRule
{
    private MoveRule()
    {
    }

    /// <summary>The rule.</summary>
    internal static MoveRule Instance { get; } = new();

    /// <summary>Moves the candidate to the day chosen, keeping the rule whose touch it is.</summary>
    internal override void Apply(in RelationshipFacts facts, ref Candidate candidate)
    {
        if (facts.Context.Diary.MoveAt(facts.Index) is not { } move || !move.AppliesAfter(facts.LastTouchDate))
        {
            return;
        }

        if (facts.Renewal < 0 && candidate.Rule == RoutineRule.Instance)
        {
            // A first touch is due from whatever day the plan is made: moved by hand, it was moved from the day the move
            // was made (not from today, another day each morning), and its window starts again from the day moved to.
            // (Or, when it waited after an unanswered attempt, from the end of that wait, if later.)
            var from = move.MadeOn;
            if (facts.LastAttempt >= 0 && PlanningContext.DateOf(facts.Floor) is var floor && floor > from)
            {
                from = floor;
            }

            candidate.MovedFrom = from;
            candidate.NotAfter = RoutineRule.FirstTouchLatest(move.To, facts.Rule);
        }
        else
        {
            candidate.MovedFrom = candidate.Day;
        }

        candidate.Day = move.To;
        candidate.Opens = move.To;
        candidate.Move = move;
        candidate.IsFixed = true;
    }

    /// <summary>Its reason when it moved the day.</summary>
    internal static void ExplainAdjustment(PlannedTouch touch, in Decision decision, ImmutableArray<Reason>.Builder reasons)
    {
        if (decision.MovedFrom is { } from && touch.Move is { } move)
        {
            reasons.Add(move.FirstTouch ? new FirstTouchSetReason(move.To, move.MadeOn) : new MovedByHandReason(from, move.To));
        }
    }
}
