using System;
using Cadence.Internal;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// One relationship's facts, as every planning rule reads them: what its touches add up to (read in one pass, earliest
/// first), its cadence rule, its pause, and the plan's day. Made once per relationship and plan, so each fact, the
/// minimum-gap floor above all, is computed in one place.
/// </summary>
internal readonly struct RelationshipFacts
{
    private RelationshipFacts(PlanningContext context, int index, Relationship relationship, CadenceRule rule, int start, int count)
    {
        Context = context;
        Index = index;
        Relationship = relationship;
        Rule = rule;
        Start = start;
        Count = count;
        Renewal = -1;
        LastAttempt = -1;
        UnansweredAttempt = -1;
        LatestAllowed = int.MinValue;
        LastOutboundDay = int.MinValue;
        PauseEnd = relationship.State.PausedUntil is { } end && end > context.Today ? end : null;
    }

    /// <summary>The plan's context.</summary>
    internal PlanningContext Context { get; }

    /// <summary>The relationship's index in the diary.</summary>
    internal int Index { get; }

    /// <summary>The relationship.</summary>
    internal Relationship Relationship { get; }

    /// <summary>The cadence rule that applies: its own, or its tier's.</summary>
    internal CadenceRule Rule { get; }

    /// <summary>Where its touches start in the index's grouped arrays.</summary>
    internal int Start { get; }

    /// <summary>How many touches it has.</summary>
    internal int Count { get; }

    /// <summary>The touch (its position among the relationship's, earliest first) that renews it furthest, or -1.</summary>
    internal int Renewal { get; private init; }

    /// <summary>The renewal's credit.</summary>
    internal double RenewalCredit { get; private init; }

    /// <summary>The day number the renewal makes it due on.</summary>
    internal int RenewedUntil { get; private init; }

    /// <summary>The day number of the cadence's latest day (the furthest renewal at the maximum gap), or <see cref="int.MinValue"/>.</summary>
    internal int LatestAllowed { get; private init; }

    /// <summary>The latest attempt of yours (outbound, answered or not), or -1.</summary>
    internal int LastAttempt { get; private init; }

    /// <summary>
    /// The floor: the day number the minimum gap after <see cref="LastAttempt"/> ends, before which no routine touch is
    /// planned. Meaningless without an attempt.
    /// </summary>
    internal int Floor { get; private init; }

    /// <summary>The latest attempt of yours that went unanswered with no reply after it, or -1.</summary>
    internal int UnansweredAttempt { get; private init; }

    /// <summary>Unanswered attempts that counted for nothing.</summary>
    internal int Unanswered { get; private init; }

    /// <summary>Connected touches that counted for nothing.</summary>
    internal int Uncredited { get; private init; }

    /// <summary>How many online touches came last, in a row.</summary>
    internal int OnlineStreak { get; private init; }

    /// <summary>The day number of the latest touch of yours, or <see cref="int.MinValue"/>.</summary>
    internal int LastOutboundDay { get; private init; }

    /// <summary>
    /// The floor a routine touch waits for: <see cref="Floor"/>, or later when the relationship learns and attempts went
    /// unanswered in a row (<see cref="Rhythm.SpacingDays"/>). Meaningless without an attempt.
    /// </summary>
    internal int RoutineFloor { get; private init; }

    /// <summary>Whether the relationship's own rhythm moved the renewal's target (<see cref="LearnedFacts"/>).</summary>
    internal bool RhythmAdjusted { get; private init; }

    /// <summary>Whether unanswered attempts in a row spaced the routine touch's floor out (<see cref="RoutineFloor"/>).</summary>
    internal bool Spaced { get; private init; }

    /// <summary>The end of a pause still running on the plan's day, or <see langword="null"/>.</summary>
    internal LocalDate? PauseEnd { get; }

    /// <summary>The plan's day.</summary>
    internal LocalDate Today => Context.Today;

    /// <summary>Its touches' facts, earliest first.</summary>
    internal ReadOnlySpan<TouchFacts> Touches => Context.Index.GroupedFacts.AsSpan(Start, Count);

    /// <summary>The latest touch's date, or <see langword="null"/> without touches.</summary>
    internal LocalDate? LastTouchDate => Count > 0 ? PlanningContext.DateOf(Context.Index.GroupedFacts[Start + Count - 1].Day) : null;

    /// <summary>The index in the diary's list of touches of the touch at a position (-1 stays -1).</summary>
    internal int TouchIndex(int position) => position < 0 ? -1 : Context.Index.GroupedTouches[Start + position];

    /// <summary>The day the minimum gap after an attempt on a day ends: the one floor arithmetic.</summary>
    internal int FloorAfter(int dayNumber) => FloorAfter(Rule, dayNumber);

    /// <summary>Reads a relationship's facts: one pass over its touches, earliest first.</summary>
    internal static RelationshipFacts Of(PlanningContext context, int index)
    {
        var relationship = context.Diary.RelationshipArray[index];
        var rule = relationship.Rule ?? context.Options.Rules.For(relationship.Tier);
        var (start, count) = context.Index.TouchRange(index);
        ReadOnlySpan<double> credits = context.Credits;
        ReadOnlySpan<bool> onlineMedia = context.OnlineMedia;
        ReadOnlySpan<TouchFacts> touches = context.Index.GroupedFacts.AsSpan(start, count);

        // The touches come earliest first (TouchOrder), so "the later touch wins a tie" is "the later position wins".
        int renewal = -1, renewedUntil = 0, latestAllowed = int.MinValue, lastAttempt = -1, unansweredAttempt = -1;
        int unanswered = 0, uncredited = 0, onlineStreak = 0;
        double renewalCredit = 0;
        for (int k = 0; k < touches.Length; k++)
        {
            var touch = touches[k];
            if (touch.IsOutbound)
            {
                lastAttempt = k;
            }

            if (touch.IsOutbound && touch.IsNoReply)
            {
                unansweredAttempt = k;
            }
            else if (touch.IsReply)
            {
                unansweredAttempt = -1;
            }

            double credit = credits[touch.Kind];
            if (credit > 0)
            {
                int renews = PeriodMath.PlusScaled(touch.Day, rule.Target, rule.TargetDays, credit);
                if (renewal < 0 || renews >= renewedUntil)
                {
                    renewal = k;
                    renewalCredit = credit;
                    renewedUntil = renews;
                }

                latestAllowed = Math.Max(latestAllowed, PeriodMath.PlusScaled(touch.Day, rule.MaxGap, rule.MaxGapDays, credit));
            }
            else if (touch.IsNoReply)
            {
                unanswered += touch.IsOutbound ? 1 : 0;
            }
            else
            {
                uncredited++;
            }

            onlineStreak = SchedulerOptions.IsOnline(touch.Channel, onlineMedia[touch.Medium]) ? onlineStreak + 1 : 0;
        }

        int floor = lastAttempt >= 0 ? FloorAfter(rule, touches[lastAttempt].Day) : 0;
        int routineFloor = floor;
        bool rhythmAdjusted = false, spaced = false;
        if (count > 0 && context.Options.Rules.Learns(relationship))
        {
            // A rhythm that learns (docs/design.md): the target of every credited touch moves toward the relationship's
            // own rhythm inside the rule's gaps, and unanswered attempts in a row space the next one out.
            var learned = LearnedFacts.Of(touches, credits, rule, context.TodayDay, renewal >= 0, lastAttempt, floor);
            if (learned.Adjusted)
            {
                (renewal, renewedUntil, renewalCredit, rhythmAdjusted) = (learned.Renewal, learned.RenewedUntil, learned.Credit, true);
            }

            if (learned.Spaced)
            {
                (routineFloor, spaced) = (learned.RoutineFloor, true);
            }
        }

        return new RelationshipFacts(context, index, relationship, rule, start, count)
        {
            Renewal = renewal,
            RenewalCredit = renewalCredit,
            RenewedUntil = renewedUntil,
            LatestAllowed = latestAllowed,
            LastAttempt = lastAttempt,
            // The minimum gap after each attempt ends no sooner than after the one before (day arithmetic is monotone), so
            // the floor is the latest attempt's.
            Floor = floor,
            RoutineFloor = routineFloor,
            RhythmAdjusted = rhythmAdjusted,
            Spaced = spaced,
            UnansweredAttempt = unansweredAttempt,
            Unanswered = unanswered,
            Uncredited = uncredited,
            OnlineStreak = onlineStreak,
            LastOutboundDay = lastAttempt >= 0 ? touches[lastAttempt].Day : int.MinValue,
        };
    }

    /// <summary>The end of the minimum gap after an attempt on a day, under a rule: the one floor arithmetic.</summary>
    internal static int FloorAfter(CadenceRule rule, int dayNumber) => PeriodMath.Plus(dayNumber, rule.MinGap, rule.MinGapDays);
}
