using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace Cadence.Scheduling;

/// <summary>
/// Plans the next touch of every relationship in a diary: when, inside which window, by which channel, and why.
/// Pure and deterministic: it reads no clock (today, or an <see cref="IClock"/> and a time zone, comes in), and the
/// same input gives an equal plan whatever the order of the diary's lists. Thread-safe.
/// </summary>
/// <remarks>
/// The rules (see DESIGN.md): a touch with credit <c>c</c> on day <c>d</c> renews the relationship until
/// <c>d + c·Target</c> (due) and <c>d + c·MaxGap</c> (latest), and the furthest of these over all touches counts;
/// every outbound attempt, answered or not, keeps the next one from coming before <c>attempt + MinGap</c>; an open
/// commitment pins the date; a move by hand (<see cref="ManualMove"/>) wins over both; a pause holds the touch until it ends; archived relationships are left out; a
/// relationship never touched is due today; a touch due before today is due today, with its lateness.
/// </remarks>
public sealed class Scheduler
{
    /// <summary>Creates a scheduler.</summary>
    /// <param name="options">The options; <see cref="SchedulerOptions.Default"/> when null.</param>
    public Scheduler(SchedulerOptions? options = null)
    {
        Options = options ?? SchedulerOptions.Default;
    }

    /// <summary>The options in use.</summary>
    public SchedulerOptions Options { get; }

    /// <summary>Plans every active or paused relationship for today as given by a clock in a time zone.</summary>
    /// <param name="diary">The diary.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="zone">The owner's time zone, which decides what day it is.</param>
    /// <returns>The plan.</returns>
    public Plan Plan(Diary diary, IClock clock, DateTimeZone zone)
    {
        Guard.NotNull(clock, nameof(clock));
        Guard.NotNull(zone, nameof(zone));
        return Plan(diary, clock.GetCurrentInstant().InZone(zone).Date);
    }

    /// <summary>Plans every active or paused relationship for a day.</summary>
    /// <param name="diary">The diary.</param>
    /// <param name="today">The day to plan from.</param>
    /// <returns>The plan, by due day then relationship id.</returns>
    /// <exception cref="ArgumentException">A touch is after today; the message names it.</exception>
    /// <exception cref="KeyNotFoundException">A relationship's tier has no rule and there is no fallback.</exception>
    public Plan Plan(Diary diary, LocalDate today)
    {
        Guard.NotNull(diary, nameof(diary));
        CheckNoFutureTouches(diary.TouchArray, today);

        var relationships = diary.RelationshipArray;
        var planned = new List<PlannedTouch>(relationships.Length);
        int[] order = diary.OrdinalOrder;
        for (int rank = 0; rank < order.Length; rank++)
        {
            int i = order[rank];
            if (relationships[i].State.Status != RelationshipStatus.Archived)
            {
                planned.Add(PlanOne(diary, i, today, rank));
            }
        }

        return new Plan(today, PlanOrder.ByDueThenId(planned, today));
    }

    /// <summary>Plans one relationship, as <see cref="Plan(Diary, LocalDate)"/> would.</summary>
    /// <param name="diary">The diary.</param>
    /// <param name="relationshipId">The relationship id.</param>
    /// <param name="today">The day to plan from.</param>
    /// <returns>The planned touch, or <see langword="null"/> for an archived relationship.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id.</exception>
    /// <exception cref="ArgumentException">One of its touches is after today.</exception>
    public PlannedTouch? PlanFor(Diary diary, string relationshipId, LocalDate today)
    {
        Guard.NotNull(diary, nameof(diary));
        int index = diary.IndexOf(relationshipId);
        var touches = diary.TouchArray;
        foreach (int t in diary.TouchIndexesOf(index))
        {
            CheckNotFuture(touches[t], today);
        }

        return diary.RelationshipArray[index].State.Status == RelationshipStatus.Archived
            ? null
            : PlanOne(diary, index, today);
    }

    private static void CheckNoFutureTouches(ImmutableArray<Touch> touches, LocalDate today)
    {
        foreach (var touch in touches)
        {
            CheckNotFuture(touch, today);
        }
    }

    private static void CheckNotFuture(Touch touch, LocalDate today)
    {
        if (touch.Date > today)
        {
            throw new ArgumentException(
                $"The {touch.Channel.ToString().ToLowerInvariant()} touch with \"{touch.RelationshipId}\" on {touch.Date:uuuu'-'MM'-'dd} is after today ({today:uuuu'-'MM'-'dd}); log touches once they have happened.",
                "diary");
        }
    }

    private PlannedTouch PlanOne(Diary diary, int index, LocalDate today, int idRank = -1)
    {
        var relationship = diary.RelationshipArray[index];
        var rule = relationship.Rule ?? Options.Rules.For(relationship.Tier);
        var credits = Options.Credits;
        var touches = diary.TouchArray;

        Touch? renewal = null;
        double renewalCredit = 0;
        LocalDate renewedUntil = default;
        LocalDate? latestAllowed = null;
        Touch? lastAttempt = null;
        LocalDate? floor = null;
        Touch? latest = null;
        Touch? latestOffline = null;
        int unanswered = 0;
        int uncredited = 0;

        int[] touchIndexes = diary.TouchIndexesOf(index);
        Span<bool> online = touchIndexes.Length <= 128 ? stackalloc bool[touchIndexes.Length] : new bool[touchIndexes.Length];
        for (int k = 0; k < touchIndexes.Length; k++)
        {
            var touch = touches[touchIndexes[k]];
            double credit = credits.For(touch);
            if (credit > 0)
            {
                LocalDate renews = PeriodMath.PlusScaled(touch.Date, rule.Target, credit);
                if (renewal is null || renews > renewedUntil || (renews == renewedUntil && TouchOrder.Instance.Compare(touch, renewal) > 0))
                {
                    renewal = touch;
                    renewalCredit = credit;
                    renewedUntil = renews;
                }

                LocalDate until = PeriodMath.PlusScaled(touch.Date, rule.MaxGap, credit);
                if (latestAllowed is null || until > latestAllowed)
                {
                    latestAllowed = until;
                }
            }
            else if (touch.Outcome == Outcome.NoReply)
            {
                unanswered += touch.IsOutbound ? 1 : 0;
            }
            else
            {
                uncredited++;
            }

            if (touch.IsOutbound)
            {
                LocalDate attemptFloor = PeriodMath.Plus(touch.Date, rule.MinGap);
                if (floor is null || attemptFloor > floor || (attemptFloor == floor && TouchOrder.Instance.Compare(touch, lastAttempt!) > 0))
                {
                    floor = attemptFloor;
                    lastAttempt = touch;
                }
            }

            if (latest is null || TouchOrder.Instance.Compare(touch, latest) > 0)
            {
                latest = touch;
            }

            online[k] = Options.IsOnline(touch);
            if (!online[k] && (latestOffline is null || TouchOrder.Instance.Compare(touch, latestOffline) > 0))
            {
                latestOffline = touch;
            }
        }

        // The online touches after the latest offline one, in a second pass (the touches are not in date order).
        int onlineStreak = 0;
        for (int k = 0; k < touchIndexes.Length; k++)
        {
            if (online[k] && (latestOffline is null || TouchOrder.Instance.Compare(touches[touchIndexes[k]], latestOffline) > 0))
            {
                onlineStreak++;
            }
        }

        Commitment? pinned = null;
        var commitments = diary.CommitmentArray;
        foreach (int ci in diary.CommitmentIndexesOf(index))
        {
            var commitment = commitments[ci];
            if (commitment.IsOpen
                && (pinned is null
                    || commitment.Date < pinned.Date
                    || (commitment.Date == pinned.Date && string.CompareOrdinal(commitment.Id, pinned.Id) < 0)))
            {
                pinned = commitment;
            }
        }

        // A pause that has ended holds nothing back.
        LocalDate? pauseEnd = relationship.State.PausedUntil is { } end && end > today ? end : null;

        // "wanted" is the day the rules ask for; the floor and a pause can only hold it back to a day after today,
        // and lateness is counted from the day the rules asked for. The reasons are not built here: the planned
        // touch keeps what they are made of and renders them when asked.
        LocalDate wanted;
        LocalDate notAfter;
        Touch? waitedFor = null;
        if (pinned is not null)
        {
            wanted = pinned.Date;
            notAfter = pinned.Date;
        }
        else
        {
            wanted = renewal is null ? today : renewedUntil;
            if (floor is { } f && f > today && f > wanted)
            {
                waitedFor = lastAttempt;
                wanted = f;
            }

            if (renewal is null)
            {
                // A first touch has no renewal to measure from: allow the slack between target and maximum gap.
                LocalDate start = Max(wanted, pauseEnd ?? wanted);
                notAfter = start.PlusDays(Period.DaysBetween(start.Plus(rule.Target), start.Plus(rule.MaxGap)));
            }
            else
            {
                notAfter = latestAllowed!.Value;
            }
        }

        var move = diary.MoveAt(index);
        if (move is not null && !move.AppliesAfter(latest?.Date))
        {
            move = null;
        }

        LocalDate? movedFrom = null;
        if (move is not null)
        {
            movedFrom = wanted;
            wanted = move.To;
        }

        bool paused = false;
        if (pauseEnd is { } resume && resume > wanted)
        {
            paused = true;
            wanted = resume;
        }

        int daysOverdue = 0;
        LocalDate due = wanted;
        if (wanted < today)
        {
            daysOverdue = Period.DaysBetween(wanted, today);
            due = today;
        }

        LocalDate windowStart = Max(today, move is not null ? move.To : pinned is not null ? pinned.Date : floor ?? today);
        windowStart = Max(windowStart, pauseEnd ?? today);

        var (channel, channelWhy) = SuggestChannel(relationship, pinned, onlineStreak);
        var explanation = new Explanation(today, renewal, renewalCredit, unanswered, uncredited, waitedFor, movedFrom, paused, channelWhy, onlineStreak);
        return new PlannedTouch(relationship, due, windowStart, notAfter, daysOverdue, channel, pinned, latest, rule, explanation, move)
        {
            IdRank = idRank,
        };
    }

    private (Channel Channel, ChannelWhy Why) SuggestChannel(Relationship relationship, Commitment? pinned, int onlineStreak)
    {
        if (pinned?.Channel is { } promised)
        {
            return (promised, ChannelWhy.Promised);
        }

        var preferred = relationship.PreferredChannels;
        if (onlineStreak >= Options.OfflineAfterOnlineTouches)
        {
            for (int i = 0; i < preferred.Count; i++)
            {
                if (preferred[i].IsLive())
                {
                    return (preferred[i], ChannelWhy.Offline);
                }
            }

            return (Options.DefaultChannel.IsLive() ? Options.DefaultChannel : Channel.Call, ChannelWhy.Offline);
        }

        if (preferred.Count > 0)
        {
            return (preferred[0], ChannelWhy.Preferred);
        }

        return (Options.DefaultChannel, ChannelWhy.Default);
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a >= b ? a : b;
}
