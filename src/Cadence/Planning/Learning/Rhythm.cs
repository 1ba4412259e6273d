using System;
using Cadence.Internal;

namespace Cadence.Planning;

/// <summary>
/// What one relationship's history says of its rhythm and balance (docs/design.md, "A rhythm that learns"), read in one
/// pass over its touches, earliest first: the exchanges (days with a reply: a touch they started, or a call or meeting of
/// yours that connected), the gaps between the latest of them, who started them, how your attempts were answered and how
/// fast, and how many attempts in a row went unanswered at the end. Deterministic and independent of the order the
/// touches were logged in: it reads them in <see cref="TouchOrder"/>.
/// </summary>
internal readonly struct Rhythm
{
    /// <summary>The fewest gaps between exchanges a rhythm is learned from: with fewer, the rule's target stands exactly.</summary>
    internal const int MinimumGaps = 3;

    /// <summary>The most recent gaps the rhythm is the median of: a relationship's rhythm is its recent one.</summary>
    internal const int RecentGaps = 6;

    /// <summary>
    /// The weight of the owner's rule, counted in gaps: the target moves from the rule's toward the relationship's own by
    /// <c>gaps / (gaps + PriorGaps)</c> (3 gaps: 60%, 6 gaps: 75%).
    /// </summary>
    internal const int PriorGaps = 2;

    /// <summary>The most recent attempts and exchanges the balance counts.</summary>
    internal const int RecentCount = 12;

    /// <summary>Days an attempt is awaited before it counts as unanswered (Kooti et al., WWW 2015: after 48 hours a reply is unlikely).</summary>
    internal const int AwaitDays = 2;

    /// <summary>The day number of the latest exchange, or <see cref="int.MinValue"/> when none.</summary>
    internal int LastExchangeDay { get; init; }

    /// <summary>The day number of the first touch, or <see cref="int.MinValue"/> when none.</summary>
    internal int FirstTouchDay { get; init; }

    /// <summary>Days with an exchange.</summary>
    internal int Exchanges { get; init; }

    /// <summary>How many recent gaps the usual gap is the median of (at most <see cref="RecentGaps"/>).</summary>
    internal int Gaps { get; init; }

    /// <summary>The median of the recent gaps in days, or -1 with fewer than <see cref="MinimumGaps"/>.</summary>
    internal int UsualGap { get; init; }

    /// <summary>Replies counted for the balance (the latest <see cref="RecentCount"/>).</summary>
    internal int RecentReplies { get; init; }

    /// <summary>Of those, the ones they started.</summary>
    internal int TheyStarted { get; init; }

    /// <summary>Your attempts counted for the balance (the latest <see cref="RecentCount"/> no longer awaited).</summary>
    internal int Attempts { get; init; }

    /// <summary>Of those, the ones answered (a reply before your next attempt, or a call or meeting that connected).</summary>
    internal int Answered { get; init; }

    /// <summary>The median days from an answered attempt to its reply, or -1 when none was answered.</summary>
    internal int ReplyDays { get; init; }

    /// <summary>Attempts of yours left unanswered (no reply) since the latest reply: what spaces the next one out.</summary>
    internal int UnansweredInARow { get; init; }

    /// <summary>The day number of the first of those, or <see cref="int.MinValue"/>.</summary>
    internal int FirstUnansweredDay { get; init; }

    /// <summary>Whether the rhythm is known: enough gaps.</summary>
    internal bool IsKnown => UsualGap >= 0;

    /// <summary>Reads the rhythm of a relationship's touches (earliest first) as of a day.</summary>
    internal static Rhythm Of(ReadOnlySpan<TouchFacts> touches, int today)
    {
        Span<int> gaps = stackalloc int[RecentGaps];
        Span<bool> started = stackalloc bool[RecentCount];
        Span<bool> answered = stackalloc bool[RecentCount];
        Span<int> lags = stackalloc int[RecentCount];
        int gapCount = 0, replyCount = 0, attemptCount = 0, lagCount = 0;
        int exchanges = 0, lastExchange = int.MinValue, inARow = 0, firstUnanswered = int.MinValue;
        int pending = int.MinValue;
        for (int k = 0; k < touches.Length; k++)
        {
            var touch = touches[k];
            if (touch.IsOutbound)
            {
                if (pending != int.MinValue)
                {
                    answered[attemptCount++ % RecentCount] = false;
                }

                pending = touch.IsReply ? int.MinValue : touch.Day;
                if (touch.IsReply)
                {
                    answered[attemptCount++ % RecentCount] = true;
                    lags[lagCount++ % RecentCount] = 0;
                }
                else if (touch.IsNoReply)
                {
                    firstUnanswered = inARow == 0 ? touch.Day : firstUnanswered;
                    inARow++;
                }
            }
            else if (touch.IsReply && pending != int.MinValue)
            {
                answered[attemptCount++ % RecentCount] = true;
                lags[lagCount++ % RecentCount] = touch.Day - pending;
                pending = int.MinValue;
            }

            if (!touch.IsReply)
            {
                continue;
            }

            inARow = 0;
            firstUnanswered = int.MinValue;
            started[replyCount++ % RecentCount] = !touch.IsOutbound;
            if (touch.Day != lastExchange)
            {
                if (lastExchange != int.MinValue)
                {
                    gaps[gapCount++ % RecentGaps] = touch.Day - lastExchange;
                }

                lastExchange = touch.Day;
                exchanges++;
            }
        }

        if (pending != int.MinValue && today - pending >= AwaitDays)
        {
            answered[attemptCount++ % RecentCount] = false;
        }

        int theyStarted = 0;
        for (int i = 0; i < Math.Min(replyCount, RecentCount); i++)
        {
            theyStarted += started[i] ? 1 : 0;
        }

        int answeredCount = 0;
        for (int i = 0; i < Math.Min(attemptCount, RecentCount); i++)
        {
            answeredCount += answered[i] ? 1 : 0;
        }

        int recentGaps = Math.Min(gapCount, RecentGaps);
        return new Rhythm
        {
            LastExchangeDay = lastExchange,
            FirstTouchDay = touches.Length > 0 ? touches[0].Day : int.MinValue,
            Exchanges = exchanges,
            Gaps = recentGaps,
            UsualGap = recentGaps >= MinimumGaps ? Median(gaps[..recentGaps]) : -1,
            RecentReplies = Math.Min(replyCount, RecentCount),
            TheyStarted = theyStarted,
            Attempts = Math.Min(attemptCount, RecentCount),
            Answered = answeredCount,
            ReplyDays = lagCount > 0 ? Median(lags[..Math.Min(lagCount, RecentCount)]) : -1,
            UnansweredInARow = inARow,
            FirstUnansweredDay = firstUnanswered,
        };
    }

    /// <summary>
    /// The learned target in days for a rule measured from a day: the rule's target moved toward the usual gap by
    /// <c>gaps / (gaps + PriorGaps)</c>, rounded to the nearest day, and kept inside the rule's minimum and maximum gap
    /// from that day. The rule's own target in days when the rhythm is not known.
    /// </summary>
    internal int TargetDays(CadenceRule rule, int fromDay)
    {
        int target = PeriodMath.Plus(fromDay, rule.Target, rule.TargetDays) - fromDay;
        if (!IsKnown)
        {
            return target;
        }

        int min = PeriodMath.Plus(fromDay, rule.MinGap, rule.MinGapDays) - fromDay;
        int max = PeriodMath.Plus(fromDay, rule.MaxGap, rule.MaxGapDays) - fromDay;
        double weight = Gaps / (double)(Gaps + PriorGaps);
        int learned = (int)Math.Round(target + (weight * (UsualGap - target)), MidpointRounding.AwayFromZero);
        return Math.Clamp(learned, min, max);
    }

    /// <summary>
    /// The days the next attempt waits after the latest one under a rule, with <see cref="UnansweredInARow"/> attempts
    /// unanswered: the minimum gap for one (as without learning), doubled for each further one (a first follow-up helps,
    /// a third hurts: the 11-million-e-mail study), never more than the maximum gap.
    /// </summary>
    internal int SpacingDays(CadenceRule rule, int attemptDay)
    {
        int min = PeriodMath.Plus(attemptDay, rule.MinGap, rule.MinGapDays) - attemptDay;
        if (UnansweredInARow < 2)
        {
            return min;
        }

        int max = PeriodMath.Plus(attemptDay, rule.MaxGap, rule.MaxGapDays) - attemptDay;
        long spaced = (long)Math.Max(min, 1) << Math.Min(UnansweredInARow - 1, 20);
        return (int)Math.Max(min, Math.Min(max, spaced));
    }

    /// <summary>The health these touches make as of a day under a rule.</summary>
    internal RelationshipHealth Health(CadenceRule rule, int today)
    {
        int? quiet = LastExchangeDay != int.MinValue ? today - LastExchangeDay
            : FirstTouchDay != int.MinValue ? today - FirstTouchDay
            : null;
        int from = LastExchangeDay != int.MinValue ? LastExchangeDay : FirstTouchDay != int.MinValue ? FirstTouchDay : today;
        int usual = IsKnown ? UsualGap : PeriodMath.Plus(from, rule.Target, rule.TargetDays) - from;
        int window = PeriodMath.Plus(from, rule.MaxGap, rule.MaxGapDays) - from;
        var level = RelationshipHealth.LevelOf(quiet, usual, window);
        return new RelationshipHealth(
            level,
            LastExchangeDay != int.MinValue ? PlanningContext.DateOf(LastExchangeDay) : null,
            quiet,
            IsKnown ? UsualGap : null,
            IsKnown ? Gaps : 0,
            Exchanges,
            TheyStarted,
            RecentReplies,
            Answered,
            Attempts,
            ReplyDays >= 0 ? ReplyDays : null,
            UnansweredInARow,
            IsKnown && quiet > (long)RelationshipHealth.DecayFactor * UsualGap);
    }

    /// <summary>The median of a few values (the lower of the two middle ones when even: a gap that happened).</summary>
    private static int Median(Span<int> values)
    {
        values.Sort();
        return values[(values.Length - 1) / 2];
    }
}
