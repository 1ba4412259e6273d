using System;
using System.Collections.Immutable;
using Cadence.Explanations;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// Rule 1, the cadence and its floor (the routine touch): a touch with credit <c>c</c> on day <c>d</c> renews the
/// relationship until <c>d + c·Target</c> (due) and <c>d + c·MaxGap</c> (latest), the furthest counts; a relationship
/// never touched is due today; and no routine touch comes before the floor, the end of the minimum gap after the
/// latest attempt of yours. Every other rule takes over from this one (docs/design.md, "Planning rules").
/// </summary>
internal sealed class RoutineRule : PlanningRule
{
    private RoutineRule()
    {
    }

    /// <summary>The rule.</summary>
    internal static RoutineRule Instance { get; } = new();

    /// <summary>Offers the cadence's candidate, the first one.</summary>
    internal override void Apply(in RelationshipFacts facts, ref Candidate candidate)
    {
        int wanted = facts.Renewal < 0 ? facts.Context.TodayDay : facts.RenewedUntil;
        int waitedFor = -1;
        // The floor holds whether or not it has passed: a touch held to it is due on it, and late only from it.
        if (facts.LastAttempt >= 0 && facts.RoutineFloor > wanted)
        {
            waitedFor = facts.LastAttempt;
            wanted = facts.RoutineFloor;
        }

        var day = PlanningContext.DateOf(wanted);
        LocalDate notAfter;
        if (facts.Renewal < 0)
        {
            // A first touch has no renewal to measure from: allow the slack between target and maximum gap.
            var first = facts.PauseEnd is { } end && end > day ? end : day;
            notAfter = FirstTouchLatest(first, facts.Rule);
        }
        else
        {
            // Spaced out after unanswered attempts in a row, the wait is the plan's choice, not lateness: the window
            // reaches its day.
            notAfter = PlanningContext.DateOf(waitedFor >= 0 && facts.RoutineFloor > facts.Floor ? Math.Max(facts.LatestAllowed, wanted) : facts.LatestAllowed);
        }

        candidate = new Candidate
        {
            Rule = this,
            Day = day,
            NotAfter = notAfter,
            Opens = facts.LastAttempt >= 0 ? PlanningContext.DateOf(facts.RoutineFloor) : null,
            WaitedFor = waitedFor,
        };
    }

    /// <summary>A first touch's latest day, its window starting on <paramref name="first"/>: plus the rule's slack between target and maximum gap.</summary>
    internal static LocalDate FirstTouchLatest(LocalDate first, CadenceRule rule) =>
        first.PlusDays(Period.DaysBetween(first.Plus(rule.Target), first.Plus(rule.MaxGap)));

    /// <summary>
    /// Its reasons when it set the day: a ladder that ended, the touch that renews it (or that none connected yet), the
    /// rule, and the floor when it held the touch.
    /// </summary>
    internal override void Explain(PlannedTouch touch, in Decision decision, ImmutableArray<Reason>.Builder reasons)
    {
        if (decision.Next?.Ended is { } ended)
        {
            reasons.Add(ended);
        }

        AddContext(touch, decision, reasons, firstTouch: true);
        // (A pause that holds the touch past the floor sets its day instead: the pause says why.)
        // Unanswered attempts in a row open its window later and may stretch it (it says so whether or not the wait
        // holds its day).
        if (decision.Learned(touch.Rule)?.Spaced is { } spaced)
        {
            reasons.Add(spaced);
        }
        else if (decision.WaitedFor is { } attempt && decision.WaitedUntil is { } floor && !decision.Paused)
        {
            reasons.Add(new WaitReason(attempt.Date, Period.DaysBetween(attempt.Date, decision.Today), touch.Rule.MinGap, floor));
        }

        AddFollowing(decision, reasons);
    }

    /// <summary>
    /// The wait unanswered attempts in a row put on the routine touch, after the reasons of a rule whose day depended on
    /// it (a promise that pins only when the routine touch is not before it, a date that held the routine touch or came
    /// before it, a campaign that brought it forward).
    /// </summary>
    internal static void AddSpacing(PlannedTouch touch, in Decision decision, ImmutableArray<Reason>.Builder reasons)
    {
        if (decision.Learned(touch.Rule)?.Spaced is { } spaced)
        {
            reasons.Add(spaced);
        }
    }

    /// <summary>The promise that comes after this touch, when one does (a promise later than the cadence allows).</summary>
    internal static void AddFollowing(in Decision decision, ImmutableArray<Reason>.Builder reasons)
    {
        if (decision.Next?.Before is { } before)
        {
            reasons.Add(before);
        }
    }

    /// <summary>
    /// What the cadence says, alone or after another rule's reason: the touches (or, with <paramref name="firstTouch"/>,
    /// that none connected yet) and the rule.
    /// </summary>
    internal static void AddContext(PlannedTouch touch, in Decision decision, ImmutableArray<Reason>.Builder reasons, bool firstTouch, bool latest = true)
    {
        if (decision.Renewal is null)
        {
            if (firstTouch)
            {
                reasons.Add(new FirstTouchReason(decision.Unanswered, decision.Uncredited));
            }

            if (latest && decision.Last is { } last)
            {
                reasons.Add(new LatestTouchReason(last, Period.DaysBetween(last.Date, decision.Today)));
            }
        }
        else
        {
            AddTouches(touch, decision, reasons, latest);
        }

        reasons.Add(new CadenceReason(touch.Relationship.Tier, touch.Rule, touch.Relationship.Rule is not null));
    }

    /// <summary>The touch that renews the relationship, the latest when it is another, and the learned target when there is one.</summary>
    internal static void AddTouches(PlannedTouch touch, in Decision decision, ImmutableArray<Reason>.Builder reasons, bool latest = true)
    {
        if (decision.Renewal is { } renewal)
        {
            reasons.Add(new RenewalReason(renewal, Period.DaysBetween(renewal.Date, decision.Today), decision.RenewalCredit));
        }

        if (latest && !decision.RenewalIsLast && decision.Last is { } last && !last.Equals(decision.Renewal))
        {
            reasons.Add(new LatestTouchReason(last, Period.DaysBetween(last.Date, decision.Today)));
        }

        // The renewing touch's target, when the relationship's own rhythm set it.
        if (decision.Renewal is not null && decision.Learned(touch.Rule)?.Rhythm is { } rhythm)
        {
            reasons.Add(rhythm);
        }
    }
}
