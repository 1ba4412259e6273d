using System.Collections.Immutable;
using Cadence.Calendars;
using Cadence.Explanations;

namespace Cadence.Planning;

/// <summary>
/// Rule 2, a follow-up ladder: the ladder chosen with the latest attempt of yours that started one (its own, or its
/// tier's when it says nothing) runs until their first reply; each later attempt of yours is a step taken, and its next
/// step is the day that many days after the previous attempt, working days counted on the owner's calendar. It takes
/// over from the cadence, even inside the minimum gap (the user chose this pacing for the exchange). A ladder whose
/// steps are all taken hands back to the cadence and says so (docs/design.md, "Follow-up ladders").
/// </summary>
internal sealed class FollowUpRule : PlanningRule
{
    private FollowUpRule()
    {
    }

    /// <summary>The rule.</summary>
    internal static FollowUpRule Instance { get; } = new();

    /// <summary>Takes over with the ladder's next step, or notes on the cadence's candidate that the ladder ended.</summary>
    internal override void Apply(in RelationshipFacts facts, ref Candidate candidate)
    {
        if (!facts.Context.HasLadders)
        {
            return;
        }

        var touches = facts.Context.Diary.TouchArray;
        var tierLadder = facts.Context.Options.Rules.LadderFor(facts.Relationship.Tier);
        var steps = facts.Touches;
        FollowUpLadder? ladder = null;
        int started = -1, taken = 0;
        for (int k = 0; k < steps.Length; k++)
        {
            if (steps[k].IsReply)
            {
                ladder = null;
                continue;
            }

            if (!steps[k].IsOutbound)
            {
                continue;
            }

            var own = touches[facts.TouchIndex(k)].FollowUp;
            if (own is null && ladder is not null && taken < ladder.StepArray.Length)
            {
                taken++;
                continue;
            }

            ladder = own ?? tierLadder;
            if (ladder is { IsNone: true })
            {
                ladder = null;
            }

            started = k;
            taken = 0;
        }

        if (ladder is null)
        {
            return;
        }

        var startedBy = touches[facts.TouchIndex(started)];
        if (taken == ladder.StepArray.Length)
        {
            candidate.Notes.Ended = new LadderEndedReason(ladder.Name, taken, startedBy);
            return;
        }

        // Every attempt of yours is a step or starts a ladder: the previous attempt is the latest, and its floor the floor.
        var step = ladder.StepArray[taken];
        var previous = PlanningContext.DateOf(steps[facts.LastAttempt].Day);
        var day = ladder.Count == DayCount.CalendarDays ? previous.PlusDays(step.After) : WorkingDays.Plus(facts.Context.Options.Calendar, previous, step.After);
        var gapEnds = PlanningContext.DateOf(facts.Floor);
        candidate = new Candidate
        {
            Rule = this,
            Day = day,
            NotAfter = facts.Renewal < 0 || facts.LatestAllowed < day.ToDateOnly().DayNumber ? day : PlanningContext.DateOf(facts.LatestAllowed),
            Opens = day,
            WaitedFor = -1,
            Channel = step.Channel,
            Note = new NextStepNote
            {
                FollowUp = new FollowUpReason(taken + 1, ladder.StepArray.Length, ladder.Name, startedBy, previous, step.After, ladder.Count, day < gapEnds ? gapEnds : null),
            },
        };
    }

    /// <summary>Its reason when it set the day: which step of which ladder, after which attempt.</summary>
    internal override void Explain(PlannedTouch touch, in Decision decision, ImmutableArray<Reason>.Builder reasons)
    {
        reasons.Add(decision.Next!.FollowUp!);
        RoutineRule.AddFollowing(decision, reasons);
    }
}
