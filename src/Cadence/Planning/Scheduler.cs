using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using Cadence.Calendars;
using Cadence.Explanations;
using Cadence.Internal;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// Plans the next touch of every relationship in a diary: when, inside which window, by which channel, and why.
/// Pure and deterministic: it reads no clock (today, or an <see cref="IClock"/> and a time zone, comes in), and the
/// same input gives an equal plan whatever the order of the diary's lists. Thread-safe.
/// </summary>
/// <remarks>
/// The rules (see docs/design.md): a touch with credit <c>c</c> on day <c>d</c> renews the relationship until
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
        _hasTierLadders = Options.Rules.HasLadders;
        _credits = new double[16];
        for (int kind = 0; kind < _credits.Length; kind++)
        {
            var outcome = (Outcome)((kind >> 3) & 1);
            _credits[kind] = outcome == Outcome.NoReply ? Options.Credits.NoReply : Options.Credits[(Channel)(kind & 3)];
        }
    }

    /// <summary>Relationships planned together by one thread: large enough to pay for the hand-over, small enough to balance.</summary>
    private const int ChunkSize = 4096;

    /// <summary>The credit of each <see cref="TouchFacts.Kind"/> under <see cref="Options"/>.</summary>
    private readonly double[] _credits;

    /// <summary>Whether any tier has a follow-up ladder: when none has and no touch carries one, ladders cost nothing.</summary>
    private readonly bool _hasTierLadders;

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
        return Plan(diary, Guard.Instant(clock.GetCurrentInstant(), nameof(clock)).InZone(zone).Date);
    }

    /// <summary>Plans every active or paused relationship for a day.</summary>
    /// <param name="diary">The diary.</param>
    /// <param name="today">The day to plan from.</param>
    /// <returns>The plan, by due day then relationship id.</returns>
    /// <remarks>
    /// A diary that dates anything after <paramref name="today"/> (a touch, a commitment or move made or closed) is
    /// planned as it stood that day (<see cref="Diary.AsOf"/>): "what did my agenda say on 31 May?".
    /// </remarks>
    /// <exception cref="KeyNotFoundException">A relationship's tier has no rule and there is no fallback.</exception>
    /// <remarks>
    /// A large diary is planned on several threads (see <see cref="SchedulerOptions.MaxDegreeOfParallelism"/>); the
    /// plan, and the exception when there is one, are the same as on one thread.
    /// </remarks>
    public Plan Plan(Diary diary, LocalDate today)
    {
        Guard.NotNull(diary, nameof(diary));
        Guard.Date(today, nameof(today));
        var index = IndexAsOf(diary, today);

        int[] order = index.OrdinalOrder;
        bool[] onlineMedia = index.OnlineMedia(Options);
        var slots = new PlannedTouch?[order.Length];
        int chunks = (order.Length + ChunkSize - 1) / ChunkSize;
        int threads = Math.Min(chunks, Options.MaxDegreeOfParallelism ?? Environment.ProcessorCount);
        if (threads <= 1)
        {
            PlanChunk(index, today, onlineMedia, slots, 0, order.Length);
        }
        else
        {
            // Each chunk is a run of id ranks, planned in order; the first failure of the earliest chunk is the one
            // a single thread would have met first.
            var failures = new ExceptionDispatchInfo?[chunks];
            Parallel.For(
                0,
                chunks,
                new ParallelOptions { MaxDegreeOfParallelism = threads },
                chunk =>
                {
                    try
                    {
                        PlanChunk(index, today, onlineMedia, slots, chunk * ChunkSize, Math.Min(order.Length, (chunk + 1) * ChunkSize));
                    }
                    catch (Exception e)
                    {
                        failures[chunk] = ExceptionDispatchInfo.Capture(e);
                    }
                });
            foreach (var failure in failures)
            {
                failure?.Throw();
            }
        }

        var campaigns = CampaignPlanner.Apply(index, today, Options, slots);

        // Leave out the archived (their slots are empty), keeping id order.
        int planned = 0;
        for (int i = 0; i < slots.Length; i++)
        {
            if (slots[i] is { } touch)
            {
                slots[planned++] = touch;
            }
        }

        return new Plan(today, PlanOrder.ByDueThenId(slots.AsSpan(0, planned)!, today), campaigns);
    }

    /// <summary>Plans one relationship, as <see cref="Plan(Diary, LocalDate)"/> would.</summary>
    /// <param name="diary">The diary.</param>
    /// <param name="relationshipId">The relationship id.</param>
    /// <param name="today">The day to plan from.</param>
    /// <returns>The planned touch, or <see langword="null"/> for an archived relationship.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id.</exception>
    /// <remarks>A diary that dates anything after <paramref name="today"/> is planned as it stood that day (<see cref="Diary.AsOf"/>).</remarks>
    public PlannedTouch? PlanFor(Diary diary, string relationshipId, LocalDate today)
    {
        Guard.NotNull(diary, nameof(diary));
        Guard.Date(today, nameof(today));
        int relationshipIndex = diary.IndexOf(relationshipId);
        if (diary.Campaigns.Any(c => c.Status != CampaignStatus.Ended && c.Members.Contains(relationshipId, StringComparer.Ordinal)))
        {
            // A campaign places its members among all the touches: plan them all.
            return Plan(diary, today).TryGet(relationshipId, out var touch) ? touch : null;
        }

        var index = IndexAsOf(diary, today);
        diary = index.Diary;
        return diary.RelationshipArray[relationshipIndex].State.Status == RelationshipStatus.Archived
            ? null
            : PlanOne(index, relationshipIndex, today, index.OnlineMedia(Options));
    }

    /// <summary>Plans the relationships with id ranks from <paramref name="from"/> up to <paramref name="to"/>, into their slots.</summary>
    private void PlanChunk(DiaryIndex index, LocalDate today, bool[] onlineMedia, PlannedTouch?[] slots, int from, int to)
    {
        var relationships = index.Diary.RelationshipArray;
        int[] order = index.OrdinalOrder;
        for (int rank = from; rank < to; rank++)
        {
            int i = order[rank];
            if (relationships[i].State.Status != RelationshipStatus.Archived)
            {
                slots[rank] = PlanOne(index, i, today, onlineMedia, rank);
            }
        }
    }

    /// <summary>The index of the diary as it stood on a day: itself, or when it dates something later, the diary cut at that day.</summary>
    private static DiaryIndex IndexAsOf(Diary diary, LocalDate today)
    {
        var index = DiaryIndex.Of(diary);
        return index.LatestEntryDay <= today.ToDateOnly().DayNumber ? index : DiaryIndex.Of(diary.AsOf(today));
    }

    private PlannedTouch PlanOne(DiaryIndex diaryIndex, int index, LocalDate today, ReadOnlySpan<bool> onlineMedia, int idRank = -1)
    {
        var diary = diaryIndex.Diary;
        var relationship = diary.RelationshipArray[index];
        var rule = relationship.Rule ?? Options.Rules.For(relationship.Tier);
        ReadOnlySpan<double> credits = _credits;
        int todayDay = today.ToDateOnly().DayNumber;

        // The touches come earliest first (the diary keeps each relationship's touches in TouchOrder), so "the later
        // touch wins a tie" is "the later position wins", and the latest touch is the last one.
        var (start, count) = diaryIndex.TouchRange(index);
        ReadOnlySpan<TouchFacts> facts = diaryIndex.GroupedFacts.AsSpan(start, count);
        int renewal = -1;
        double renewalCredit = 0;
        int renewedUntil = 0;
        int latestAllowed = int.MinValue;
        int lastAttempt = -1;
        int floor = int.MinValue;
        int latestOffline = -1;
        int unanswered = 0;
        int uncredited = 0;
        int onlineStreak = 0;
        int unansweredAttempt = -1;
        int lastOutboundDay = int.MinValue;
        for (int k = 0; k < facts.Length; k++)
        {
            var touch = facts[k];
            if (touch.IsOutbound)
            {
                lastOutboundDay = touch.Day;
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

            if (touch.IsOutbound)
            {
                int attemptFloor = PeriodMath.Plus(touch.Day, rule.MinGap, rule.MinGapDays);
                if (attemptFloor >= floor)
                {
                    floor = attemptFloor;
                    lastAttempt = k;
                }
            }

            bool online = touch.Channel switch
            {
                Channel.Social => true,
                Channel.Note => onlineMedia[touch.Medium],
                _ => false,
            };
            if (online)
            {
                onlineStreak++;
            }
            else
            {
                latestOffline = k;
                onlineStreak = 0;
            }
        }

        Commitment? pinned = diary.PinningCommitmentAt(index);
        NextStepNote? next = null;
        LadderStep ladderStep = default;
        if (pinned is null && (_hasTierLadders || diaryIndex.HasFollowUps))
        {
            ladderStep = FindLadderStep(diaryIndex, relationship, start, count, ref next);
        }

        // A pause that has ended holds nothing back.
        LocalDate? pauseEnd = relationship.State.PausedUntil is { } end && end > today ? end : null;

        // "wanted" is the day the rules ask for; the floor and a pause can only hold it back to a day after today,
        // and lateness is counted from the day the rules asked for. The reasons are not built here: the planned
        // touch keeps what they are made of and renders them when asked.
        LocalDate wanted;
        LocalDate notAfter;
        int waitedFor = -1;
        if (pinned is not null)
        {
            wanted = pinned.Date;
            notAfter = pinned.Date;
            if (unansweredAttempt >= 0)
            {
                // The floor holds for promises too: no attempt sooner than the minimum gap after one left unanswered.
                int attemptDay = facts[unansweredAttempt].Day;
                var carriedTo = DateOf(PeriodMath.Plus(attemptDay, rule.MinGap, rule.MinGapDays));
                if (pinned.Date < carriedTo)
                {
                    wanted = carriedTo;
                    notAfter = carriedTo;
                    (next ??= new()).Carried = new CarriedToFloorReason(pinned.Date, DateOf(attemptDay), rule.MinGap, carriedTo);
                }
            }

            if (renewal >= 0 && wanted.ToDateOnly().DayNumber > latestAllowed)
            {
                (next ??= new()).Beyond = new BeyondCadenceReason(wanted, DateOf(latestAllowed));
            }
        }
        else if (ladderStep.Day is { } stepDay)
        {
            // A step of the ladder chosen with the attempt: the user's own pacing for this exchange, even inside the gap.
            wanted = stepDay;
            notAfter = renewal < 0 || latestAllowed < stepDay.ToDateOnly().DayNumber ? stepDay : DateOf(latestAllowed);
        }
        else
        {
            int wantedDay = renewal < 0 ? todayDay : renewedUntil;
            if (lastAttempt >= 0 && floor > todayDay && floor > wantedDay)
            {
                waitedFor = lastAttempt;
                wantedDay = floor;
            }

            wanted = DateOf(wantedDay);
            if (renewal < 0)
            {
                // A first touch has no renewal to measure from: allow the slack between target and maximum gap.
                LocalDate first = Max(wanted, pauseEnd ?? wanted);
                notAfter = first.PlusDays(Period.DaysBetween(first.Plus(rule.Target), first.Plus(rule.MaxGap)));
            }
            else
            {
                notAfter = DateOf(latestAllowed);
            }
        }

        LocalDate scheduled = wanted;
        var move = diary.MoveAt(index);
        if (move is not null && !move.AppliesAfter(count > 0 ? DateOf(facts[count - 1].Day) : null))
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

        // A date that matters: its touch is the next touch when it comes first, or shortly after a routine touch
        // (which then waits for it); explicit steps that come sooner keep their day.
        if (relationship.ImportantDates.Count > 0
            && NextDateTouch(relationship, today, pauseEnd, lastOutboundDay) is { } date
            && !(move is not null && move.MadeOn >= date.Reminder))
        {
            bool routine = pinned is null && ladderStep.Day is null && move is null;
            int window = Options.DateWindowDays;
            if (date.Reminder < wanted || (routine && date.Reminder <= wanted.PlusDays(window)))
            {
                var note = new NextStepNote { Date = date.Reason(), Ended = next?.Ended };
                if (routine && date.Reminder >= wanted)
                {
                    note.HeldFor = new HeldForDateReason(wanted, window);
                }

                if (pinned is not null)
                {
                    note.Before = new BeforeNextStepReason(wanted, pinned.Purpose);
                }

                next = note;
                pinned = null;
                ladderStep = default;
                move = null;
                movedFrom = null;
                paused = false;
                waitedFor = -1;
                wanted = date.Reminder;
                scheduled = wanted;
                notAfter = date.Day;
            }
        }

        int daysOverdue = 0;
        LocalDate due = wanted;
        if (wanted < today)
        {
            daysOverdue = Period.DaysBetween(wanted, today);
            due = today;
        }

        // The day the window opens; before the plan's day it is clamped to it. No day of its own: due from today.
        LocalDate? opens = move is not null ? move.To
            : pinned is not null || ladderStep.Day is not null || next?.Date is not null ? scheduled
            : lastAttempt >= 0 ? DateOf(floor)
            : null;
        if (pauseEnd is { } resumes && (opens is null || resumes > opens))
        {
            opens = resumes;
        }

        LocalDate windowStart = Max(today, opens ?? today);

        var (channel, channelWhy) = ladderStep.Day is not null
            ? (ladderStep.Channel, ChannelWhy.Ladder)
            : SuggestChannel(relationship, pinned, onlineStreak);
        int[] grouped = diaryIndex.GroupedTouches;
        var explanation = new Explanation(
            today,
            diary.TouchArray,
            renewal < 0 ? -1 : grouped[start + renewal],
            renewalCredit,
            unanswered,
            uncredited,
            waitedFor < 0 ? -1 : grouped[start + waitedFor],
            movedFrom,
            paused,
            channelWhy,
            onlineStreak,
            count == 0 ? -1 : grouped[start + count - 1],
            next);
        return new PlannedTouch(relationship, due, windowStart, notAfter, daysOverdue, channel, pinned, rule, explanation, move)
        {
            IdRank = idRank,
            WindowOpens = opens,
        };
    }

    /// <summary>
    /// The next date touch of a relationship: of its important dates, the one whose touch (its day, or its lead day)
    /// comes first. An occurrence on or after today counts unless you reached out on a day from its reminder day on
    /// (then it is done, and the next one counts), or it falls before a pause ends. Ties: the earlier date, then the
    /// label (ordinal), so the order of the list does not matter.
    /// </summary>
    private static DateTouch? NextDateTouch(Relationship relationship, LocalDate today, LocalDate? pauseEnd, int lastOutboundDay)
    {
        LocalDate from = pauseEnd is { } end && end > today ? end : today;
        int best = -1;
        LocalDate bestReminder = default, bestDay = default;
        var dates = relationship.ImportantDates;
        for (int i = 0; i < dates.Count; i++)
        {
            var date = dates[i];
            var occurrence = date.Next(from);
            if (occurrence is { } first && first.PlusDays(-date.LeadDays).ToDateOnly().DayNumber <= lastOutboundDay)
            {
                occurrence = date.Next(first.PlusDays(1));
            }

            if (occurrence is not { } day)
            {
                continue;
            }

            var reminder = day.PlusDays(-date.LeadDays);
            if (best >= 0
                && (bestReminder < reminder
                    || (bestReminder == reminder && (bestDay < day || (bestDay == day && string.CompareOrdinal(dates[best].Label, date.Label) < 0)))))
            {
                continue;
            }

            best = i;
            bestReminder = reminder;
            bestDay = day;
        }

        if (best < 0)
        {
            return null;
        }

        var chosen = dates[best];
        return new DateTouch(bestReminder, chosen, bestDay);
    }

    /// <summary>
    /// The follow-up ladder running for a relationship, and its next step: the ladder of the latest attempt of yours
    /// that started one (its own, or the tier's when it says nothing), each later attempt of yours a step taken, and the
    /// ladder gone at their first reply. A ladder whose steps are all taken adds that it ended and plans nothing.
    /// </summary>
    private LadderStep FindLadderStep(DiaryIndex diaryIndex, Relationship relationship, int start, int count, ref NextStepNote? next)
    {
        var touches = diaryIndex.Diary.TouchArray;
        int[] grouped = diaryIndex.GroupedTouches;
        ReadOnlySpan<TouchFacts> facts = diaryIndex.GroupedFacts.AsSpan(start, count);
        var tierLadder = Options.Rules.LadderFor(relationship.Tier);
        FollowUpLadder? ladder = null;
        int started = -1;
        int last = -1;
        int taken = 0;
        for (int k = 0; k < facts.Length; k++)
        {
            if (facts[k].IsReply)
            {
                ladder = null;
                continue;
            }

            if (!facts[k].IsOutbound)
            {
                continue;
            }

            var own = touches[grouped[start + k]].FollowUp;
            if (own is null && ladder is not null && taken < ladder.StepArray.Length)
            {
                taken++;
                last = k;
                continue;
            }

            ladder = own ?? tierLadder;
            if (ladder is { IsNone: true })
            {
                ladder = null;
            }

            started = k;
            last = k;
            taken = 0;
        }

        if (ladder is null)
        {
            return default;
        }

        var startedBy = touches[grouped[start + started]];
        if (taken == ladder.StepArray.Length)
        {
            (next ??= new()).Ended = new LadderEndedReason(ladder.Name, taken, startedBy);
            return default;
        }

        var step = ladder.StepArray[taken];
        var previous = DateOf(facts[last].Day);
        var day = ladder.Count == DayCount.CalendarDays ? previous.PlusDays(step.After) : WorkingDays.Plus(Options.Calendar, previous, step.After);
        var rule = relationship.Rule ?? Options.Rules.For(relationship.Tier);
        var gapEnds = previous.Plus(rule.MinGap);
        (next ??= new()).FollowUp = new FollowUpReason(
            taken + 1,
            ladder.StepArray.Length,
            ladder.Name,
            startedBy,
            previous,
            step.After,
            ladder.Count,
            day < gapEnds ? gapEnds : null);
        return new LadderStep(day, step.Channel);
    }

    private static LocalDate DateOf(int dayNumber) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(dayNumber));

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

    /// <summary>A date touch: the day it is planned on (the date, or its lead day), the date and the day it falls on.</summary>
    private readonly record struct DateTouch(LocalDate Reminder, ImportantDate Date, LocalDate Day)
    {
        /// <summary>The reason, made only for the date touch that wins.</summary>
        public ImportantDateReason Reason() => new(Date.Label, Day, Date.YearsOn(Day), Date.LeadDays);
    }

    /// <summary>The next step of a running follow-up ladder: its day and channel (no day when none is planned).</summary>
    private readonly record struct LadderStep(LocalDate? Day, Channel Channel);
}
