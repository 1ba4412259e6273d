using System;
using System.Collections.Generic;
using System.Linq;
using Cadence.Explanations;
using NodaTime;

namespace Cadence.Tests.Planning;

/// <summary>What the reference plans for one relationship: the fields of a <see cref="PlannedTouch"/> it is compared on, and the kinds of its reasons in order.</summary>
internal sealed record ReferenceTouch(
    string RelationshipId,
    LocalDate Due,
    LocalDate NotBefore,
    LocalDate NotAfter,
    LocalDate? WindowOpens,
    int DaysOverdue,
    Channel Channel,
    bool IsFixed,
    string? CommitmentId,
    bool IsFollowUp,
    bool IsDateTouch,
    bool IsCampaignTouch,
    string? CampaignName,
    string? PromiseAfterId,
    IReadOnlyList<Type> Reasons);

/// <summary>Where the reference says a campaign stands.</summary>
internal sealed record ReferenceProgress(string Name, int Members, int Done, IReadOnlyList<string> Left, IReadOnlyList<string> CannotFit);

/// <summary>The reference's plan: its touches by relationship id (ordinal), and its campaigns by name.</summary>
internal sealed record ReferencePlan(IReadOnlyList<ReferenceTouch> Touches, IReadOnlyList<ReferenceProgress> Campaigns);

/// <summary>
/// Planning as docs/design.md says it ("Domain rules", "Planning rules"), in plain code the scheduler must equal
/// (<see cref="ReferenceSchedulerProperties"/>): for each relationship it reads the facts, asks each rule of the
/// precedence list for its candidate, keeps what the list leaves, and then lets the campaigns spread their members
/// over the whole plan. It uses only the domain's public API and NodaTime (no index, no packed facts, no production
/// rule); LINQ and records on purpose: slow and plain. Two things come from the library besides the domain: the order of
/// touches on one day (<see cref="TouchOrder"/>, which the spec names) and, in <see cref="Scaled"/>, how a credit-scaled
/// period is rounded.
/// </summary>
/// <remarks>
/// Where docs/design.md is silent or ambiguous, the reference follows what the scheduler does, and says so where it
/// happens ("Spec silent"). A date's lead day may fall inside a pause (before the pause's end, even before the plan's
/// day): the precedence table puts the date after the pause, so the date touch is due inside the pause, before its own
/// window opens (Due &lt; NotBefore); the reference follows the table, which the scheduler does too.
/// </remarks>
internal static class ReferenceScheduler
{
    private enum Rule
    {
        Routine,
        FollowUp,
        CallBack,
        Promise,
        Date,
        Campaign,
    }

    private enum ChannelWhy
    {
        Default,
        Preferred,
        Offline,
        Promised,
        Ladder,
        Campaign,
    }

    /// <summary>One relationship's facts (docs: "The facts"), its touches earliest first (by day, then <see cref="TouchOrder"/>).</summary>
    private sealed record Facts(
        SchedulerOptions Options,
        Relationship Relationship,
        CadenceRule Rule,
        IReadOnlyList<Touch> Touches,
        LocalDate Today,
        Touch? Renewal,
        LocalDate RenewedUntil,
        LocalDate? CadenceLatest,
        LocalDate? Floor,
        Touch? Unanswered,
        int OnlineStreak,
        LocalDate? PauseEnd,
        ManualMove? Move,
        Commitment? Pinned)
    {
        /// <summary>A learning relationship's own rhythm moved the renewal's target.</summary>
        public bool RhythmAdjusted { get; init; }

        /// <summary>The floor of a routine touch: <see cref="Floor"/>, or later after unanswered attempts in a row when it learns.</summary>
        public LocalDate? RoutineFloor { get; init; }

        /// <summary>Whether <see cref="RoutineFloor"/> is the spaced-out one (later than <see cref="Floor"/>).</summary>
        public bool Spaced { get; init; }

        public Touch? Last => Touches.LastOrDefault();

        public Touch? LastAttempt => Touches.LastOrDefault(t => t.IsOutbound);
    }

    /// <summary>A rule's offer (docs: "The candidate"), with the flags its reasons are made of.</summary>
    private sealed record Candidate(Rule Rule, LocalDate Day, LocalDate NotAfter, LocalDate? Opens, bool Fixed)
    {
        public Channel? Channel { get; init; }

        public Commitment? Promise { get; init; }

        public ManualMove? Move { get; init; }

        public bool Paused { get; init; }

        public bool FloorHeld { get; init; }

        public bool LadderEnded { get; init; }

        public bool Carried { get; init; }

        public Commitment? FollowingPromise { get; init; }

        public bool HeldForDate { get; init; }

        public bool PromiseFollows { get; init; }
    }

    /// <summary>A relationship's planned touch as the reference builds it, before and after the campaigns.</summary>
    private sealed record Planned(Facts Facts, Candidate Winner, Rule Rule, LocalDate Due, LocalDate NotBefore, LocalDate NotAfter, LocalDate? WindowOpens, int DaysOverdue, Channel Channel, ChannelWhy Why, bool Fixed)
    {
        public string? CampaignName { get; init; }
    }

    /// <summary>The precedence list of docs/design.md ("The precedence list"), lowest first; the campaign comes after, over the whole plan.</summary>
    private static readonly Func<Facts, Candidate, Candidate>[] Precedence =
    [
        Routine,   // 1
        FollowUp,  // 2
        CallBack,  // 3
        Promise,   // 4
        Move,      // 5
        Pause,     // 6
        Date,      // 7
    ];

    public static ReferencePlan Plan(Diary diary, LocalDate today, SchedulerOptions options)
    {
        // A diary that dates anything after the day is planned as it stood then.
        diary = diary.AsOf(today);
        var plan = new SortedDictionary<string, Planned>(StringComparer.Ordinal);
        foreach (var relationship in diary.Relationships.Where(r => r.State.Status != RelationshipStatus.Archived))
        {
            var facts = FactsOf(diary, relationship, today, options);
            var winner = Precedence.Aggregate((Candidate)null!, (candidate, rule) => rule(facts, candidate));
            plan[relationship.Id] = Finish(facts, winner, options);
        }

        var campaigns = Campaigns(diary, today, options, plan);
        return new ReferencePlan([.. plan.Values.Select(ToTouch)], campaigns);
    }

    private static Facts FactsOf(Diary diary, Relationship r, LocalDate today, SchedulerOptions options)
    {
        var rule = r.Rule ?? options.Rules.For(r.Tier);
        var touches = diary.TouchesOf(r.Id).OrderBy(t => t.Date).ThenBy(t => t, TouchOrder.Instance).ToList();

        // The renewal: the touch that renews furthest at d + c·Target (ties: the later touch); the cadence's latest day,
        // the furthest d + c·MaxGap.
        Touch? renewal = null;
        LocalDate renewedUntil = default;
        LocalDate? latest = null;
        foreach (var touch in touches.Where(t => options.Credits.For(t) > 0))
        {
            double credit = options.Credits.For(touch);
            var renews = Scaled(touch.Date, rule.Target, credit);
            if (renewal is null || renews >= renewedUntil)
            {
                (renewal, renewedUntil) = (touch, renews);
            }

            var until = Scaled(touch.Date, rule.MaxGap, credit);
            latest = latest is { } l && l >= until ? l : until;
        }

        // The floor: the end of the minimum gap after an attempt of yours, the latest of them.
        var floor = touches.Where(t => t.IsOutbound).Select(t => (LocalDate?)t.Date.Plus(rule.MinGap)).Max();

        // The latest attempt of yours left unanswered with no reply after it.
        Touch? unanswered = null;
        foreach (var touch in touches)
        {
            if (touch.IsOutbound && touch.Outcome == Outcome.NoReply)
            {
                unanswered = touch;
            }
            else if (IsReply(touch))
            {
                unanswered = null;
            }
        }

        int streak = touches.AsEnumerable().Reverse().TakeWhile(t => IsOnline(t, options)).Count();
        var pauseEnd = r.State.PausedUntil is { } end && end > today ? end : (LocalDate?)null;

        // A rhythm that learns (docs: "A rhythm that learns"), told plainly.
        bool learns = r.Pacing == Pacing.Learn || (r.Pacing == Pacing.ByTier && options.Rules.Learns(r.Tier));
        bool adjusted = false, spaced = false;
        var routineFloor = floor;
        if (learns)
        {
            var exchangeDays = touches.Where(IsReply).Select(t => t.Date).Distinct().ToList();
            var gaps = exchangeDays.Zip(exchangeDays.Skip(1), (a, b) => Period.DaysBetween(a, b)).TakeLast(6).ToList();
            if (gaps.Count >= 3 && renewal is not null)
            {
                int usual = gaps.Order().ElementAt((gaps.Count - 1) / 2);
                int LearnedTarget(LocalDate day)
                {
                    int target = Period.DaysBetween(day, day.Plus(rule.Target));
                    double moved = target + (gaps.Count / (gaps.Count + 2.0) * (usual - target));
                    return Math.Clamp((int)Math.Round(moved, MidpointRounding.AwayFromZero), Period.DaysBetween(day, day.Plus(rule.MinGap)), Period.DaysBetween(day, day.Plus(rule.MaxGap)));
                }

                Touch? learned = null;
                LocalDate learnedUntil = default;
                foreach (var touch in touches.Where(t => options.Credits.For(t) > 0))
                {
                    var renews = touch.Date.PlusDays((int)Math.Floor(LearnedTarget(touch.Date) * options.Credits.For(touch)));
                    if (learned is null || renews >= learnedUntil)
                    {
                        (learned, learnedUntil) = (touch, renews);
                    }
                }

                if (LearnedTarget(learned!.Date) != Period.DaysBetween(learned.Date, learned.Date.Plus(rule.Target)))
                {
                    (renewal, renewedUntil, adjusted) = (learned, learnedUntil, true);
                }
            }

            // Unanswered attempts since the latest reply: from the second on, the wait doubles, up to the maximum gap.
            int inARow = touches.AsEnumerable().Reverse().TakeWhile(t => !IsReply(t)).Count(t => t.IsOutbound && t.Outcome == Outcome.NoReply);
            if (inARow >= 2 && touches.LastOrDefault(t => t.IsOutbound) is { } lastAttempt)
            {
                var day = lastAttempt.Date;
                int min = Period.DaysBetween(day, day.Plus(rule.MinGap));
                int max = Period.DaysBetween(day, day.Plus(rule.MaxGap));
                var wait = day.PlusDays((int)Math.Max(min, Math.Min(max, Math.Max(min, 1) * Math.Pow(2, inARow - 1))));
                if (wait > floor)
                {
                    (routineFloor, spaced) = (wait, true);
                }
            }
        }

        return new Facts(options, r, rule, touches, today, renewal, renewedUntil, latest, floor, unanswered, streak, pauseEnd, diary.MoveOf(r.Id), diary.PinningCommitmentOf(r.Id))
        {
            RhythmAdjusted = adjusted,
            RoutineFloor = routineFloor,
            Spaced = spaced,
        };
    }

    /// <summary>
    /// <c>day + credit × period</c> in whole days, rounded down. The one detail mirrored from the production code
    /// (PeriodMath.PlusScaled): the period is first measured in days from that day, then scaled and floored.
    /// </summary>
    private static LocalDate Scaled(LocalDate day, Period period, double credit) =>
        day.PlusDays((int)Math.Floor(Period.DaysBetween(day, day.Plus(period)) * credit));

    /// <summary>Their reply: a touch they started, or a call or meeting of yours that connected.</summary>
    private static bool IsReply(Touch t) => t.Direction == Direction.Inbound || (t.Outcome == Outcome.Connected && IsLive(t.Channel));

    private static bool IsLive(Channel channel) => channel is Channel.Meeting or Channel.Call;

    private static bool IsOnline(Touch t, SchedulerOptions options) =>
        t.Channel == Channel.Social
        || (t.Channel == Channel.Note && t.Medium is { } medium && options.OnlineNoteMedia.Contains(medium, StringComparer.OrdinalIgnoreCase));

    private static bool IsWorkingDay(SchedulerOptions options, LocalDate day) =>
        options.Calendar?.IsWorkingDay(day) ?? day.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);

    /// <summary>1. The cadence and its floor: the renewal's due day (today for a first touch), or the floor when later than both.</summary>
    private static Candidate Routine(Facts f, Candidate _)
    {
        var day = f.Renewal is null ? f.Today : f.RenewedUntil;
        bool held = f.RoutineFloor is { } floor && floor > day;
        if (held)
        {
            day = f.RoutineFloor!.Value;
        }

        LocalDate notAfter;
        if (f.CadenceLatest is { } latest)
        {
            // Spaced out after unanswered attempts, the wait is not lateness: the window reaches the day it holds.
            notAfter = held && f.Spaced && day > latest ? day : latest;
        }
        else
        {
            // A first touch: its day (or the pause's end, if later) plus the slack between target and maximum gap.
            var first = f.PauseEnd is { } end && end > day ? end : day;
            notAfter = first.PlusDays(Period.DaysBetween(first.Plus(f.Rule.Target), first.Plus(f.Rule.MaxGap)));
        }

        return new Candidate(Rule.Routine, day, notAfter, f.RoutineFloor, Fixed: false) { FloorHeld = held };
    }

    /// <summary>2. A follow-up ladder's next step, or a note on the cadence's candidate that the ladder ended.</summary>
    private static Candidate FollowUp(Facts f, Candidate candidate)
    {
        // The ladder runs from the latest attempt that started one (its own, else its tier's; None opts out): each later
        // attempt of yours without a ladder of its own is a step taken, while steps are left; the first reply ends it.
        // Spec silent: an attempt that carries a ladder of its own starts it even while another runs, and once all the
        // steps are taken the next attempt starts a ladder again (its own, or its tier's).
        FollowUpLadder? ladder = null;
        int taken = 0;
        LocalDate previous = default;
        foreach (var touch in f.Touches)
        {
            if (IsReply(touch))
            {
                ladder = null;
            }
            else if (touch.FollowUp is null && ladder is not null && taken < ladder.Steps.Count)
            {
                taken++;
                previous = touch.Date;
            }
            else
            {
                // Every touch that is not a reply is an attempt of yours.
                ladder = touch.FollowUp ?? f.Options.Rules.LadderFor(f.Relationship.Tier);
                ladder = ladder is { IsNone: true } ? null : ladder;
                taken = 0;
                previous = touch.Date;
            }
        }

        if (ladder is null)
        {
            return candidate;
        }

        if (taken == ladder.Steps.Count)
        {
            return candidate with { LadderEnded = true };
        }

        var step = ladder.Steps[taken];
        var day = previous;
        for (int left = step.After; left > 0;)
        {
            day = day.PlusDays(1);
            left -= ladder.Count == DayCount.CalendarDays || IsWorkingDay(f.Options, day) ? 1 : 0;
        }

        var notAfter = f.Renewal is null || f.CadenceLatest < day ? day : f.CadenceLatest!.Value;
        return new Candidate(Rule.FollowUp, day, notAfter, day, Fixed: false) { Channel = step.Channel };
    }

    /// <summary>3. A call back: their last touch is a call nobody answered; call back the next working day, within three.</summary>
    private static Candidate CallBack(Facts f, Candidate candidate)
    {
        if (f.Last is not { Direction: Direction.Inbound, Outcome: Outcome.NoReply, Channel: Channel.Call } missed)
        {
            return candidate;
        }

        LocalDate WorkingDaysAfter(int n)
        {
            var day = missed.Date;
            while (n > 0)
            {
                day = day.PlusDays(1);
                n -= IsWorkingDay(f.Options, day) ? 1 : 0;
            }

            return day;
        }

        return new Candidate(Rule.CallBack, WorkingDaysAfter(1), WorkingDaysAfter(3), WorkingDaysAfter(1), Fixed: false) { Channel = Channel.Call };
    }

    /// <summary>
    /// 4. A promise: its date, carried to the end of the minimum gap after an attempt left unanswered; one later than the
    /// cadence's latest day does not take over: the candidate stays, and says the promise follows.
    /// </summary>
    private static Candidate Promise(Facts f, Candidate candidate)
    {
        if (f.Pinned is not { } pinned)
        {
            return candidate;
        }

        var day = pinned.Date;
        // A meeting booked in the calendar is at its time: never carried.
        bool carried = !pinned.IsBooked && f.Unanswered is { } attempt && attempt.Date.Plus(f.Rule.MinGap) > day;
        if (carried)
        {
            day = f.Unanswered!.Date.Plus(f.Rule.MinGap);
        }

        if (f.Renewal is not null && day > f.CadenceLatest && day > candidate.Day)
        {
            return candidate with { PromiseFollows = true, FollowingPromise = pinned };
        }

        return new Candidate(Rule.Promise, day, day, day, Fixed: true) { Promise = pinned, Carried = carried };
    }

    /// <summary>5. A move by hand, while no touch is dated after the day it was made: its day, whatever rule's candidate it moves.</summary>
    private static Candidate Move(Facts f, Candidate candidate) =>
        f.Move is { } move && move.AppliesAfter(f.Last?.Date)
            ? f.Renewal is null && candidate.Rule == Rule.Routine
                // A first touch moved by hand: its window starts again from the day moved to.
                ? candidate with { Day = move.To, NotAfter = move.To.PlusDays(Period.DaysBetween(move.To.Plus(f.Rule.Target), move.To.Plus(f.Rule.MaxGap))), Opens = move.To, Fixed = true, Move = move }
                : candidate with { Day = move.To, Opens = move.To, Fixed = true, Move = move }
            : candidate;

    /// <summary>6. A pause that ends after the candidate's day holds it to the pause's end, whether or not the pause has passed.</summary>
    private static Candidate Pause(Facts f, Candidate candidate) =>
        f.Relationship.State.PausedUntil is { } end && end > candidate.Day ? candidate with { Day = end, Paused = true } : candidate;

    /// <summary>7. A date that matters: its lead day, when it comes first or at most DateWindowDays after the cadence's day.</summary>
    private static Candidate Date(Facts f, Candidate candidate)
    {
        // Of the dates, the one whose lead day comes first (spec silent on ties: the earlier date, then the label, ordinal);
        // an occurrence is done once you reached out on a day from its lead day on; one inside a pause is left out.
        var lastAttempt = f.LastAttempt?.Date;
        var next = f.Relationship.ImportantDates
            .Select(date =>
            {
                var occurrence = date.Next(f.PauseEnd ?? f.Today);
                // (Or on the day a move by hand was made: you moved the touch knowing of it.)
                while (occurrence is { } o && (o.PlusDays(-date.LeadDays) <= lastAttempt || (candidate.Move is { } move && o.PlusDays(-date.LeadDays) <= move.MadeOn)))
                {
                    occurrence = date.Next(o.PlusDays(1));
                }

                return (Date: date, Day: occurrence);
            })
            .Where(x => x.Day is not null)
            .Select(x => (x.Date, Day: x.Day!.Value, LeadDay: x.Day!.Value.PlusDays(-x.Date.LeadDays)))
            .OrderBy(x => x.LeadDay).ThenBy(x => x.Day).ThenBy(x => x.Date.Label, StringComparer.Ordinal)
            .FirstOrDefault();
        if (next.Date is null)
        {
            return candidate;
        }

        // Ambiguous: "0 turns it off", yet a routine touch due on the lead day itself is due "at most 0 days before" it,
        // and the date touch takes over (the scheduler's reading).
        bool routine = candidate.Rule == Rule.Routine && candidate.Move is null;
        int window = f.Options.DateWindowDays;
        if (!(next.LeadDay < candidate.Day || (routine && next.LeadDay <= candidate.Day.PlusDays(window))))
        {
            return candidate;
        }

        // A lead day inside a pause waits for the pause's end (late from it, once it has passed).
        bool paused = f.Relationship.State.PausedUntil is { } end && end > next.LeadDay;
        var day = paused ? f.Relationship.State.PausedUntil!.Value : next.LeadDay;
        return new Candidate(Rule.Date, day, next.Day, day, Fixed: true)
        {
            Paused = paused,
            HeldForDate = routine && next.LeadDay >= candidate.Day,
            PromiseFollows = candidate.Promise is not null || candidate.PromiseFollows,
            FollowingPromise = candidate.Promise ?? candidate.FollowingPromise,
        };
    }

    /// <summary>Then, for every relationship: lateness, the window (never before a pause ends, nor before today) and the channel.</summary>
    private static Planned Finish(Facts f, Candidate winner, SchedulerOptions options)
    {
        int overdue = winner.Day < f.Today ? Period.DaysBetween(winner.Day, f.Today) : 0;
        var opens = winner.Opens is null ? f.PauseEnd
            : f.Relationship.State.PausedUntil is { } end && end > winner.Opens ? end : winner.Opens;
        var (channel, why) = ChannelOf(f, winner, options);
        return new Planned(
            f,
            winner,
            winner.Rule,
            overdue > 0 ? f.Today : winner.Day,
            opens > f.Today ? opens.Value : f.Today,
            winner.NotAfter,
            opens,
            overdue,
            channel,
            why,
            winner.Fixed);
    }

    /// <summary>The rule's own channel, else the promise's, else a live one after an online streak, else the first preferred, else the default.</summary>
    private static (Channel, ChannelWhy) ChannelOf(Facts f, Candidate winner, SchedulerOptions options)
    {
        if (winner.Channel is { } own)
        {
            return (own, ChannelWhy.Ladder);
        }

        if (winner.Promise?.Channel is { } promised)
        {
            return (promised, ChannelWhy.Promised);
        }

        var preferred = f.Relationship.PreferredChannels;
        if (f.OnlineStreak >= options.OfflineAfterOnlineTouches)
        {
            var live = preferred.Where(IsLive).Select(c => (Channel?)c).FirstOrDefault();
            return (live ?? (IsLive(options.DefaultChannel) ? options.DefaultChannel : Channel.Call), ChannelWhy.Offline);
        }

        return preferred.Count > 0 ? (preferred[0], ChannelWhy.Preferred) : (options.DefaultChannel, ChannelWhy.Default);
    }

    /// <summary>8. The campaigns, by name, over the whole plan (docs: "Reconnect campaigns").</summary>
    private static List<ReferenceProgress> Campaigns(Diary diary, LocalDate today, SchedulerOptions options, SortedDictionary<string, Planned> plan)
    {
        var progress = new List<ReferenceProgress>();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var campaign in diary.Campaigns.Where(c => c.Start <= today).OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            // Members not archived, most faded first (no connected touch before the start first), then by id; done at a
            // connected touch from the start on. Ambiguous ("yours that connected, or theirs"): a touch of theirs counts only
            // when it connected (their missed call does not), as in the scheduler.
            var members = campaign.Members.Where(plan.ContainsKey).ToList();
            bool Connected(Touch t) => t.Outcome == Outcome.Connected;
            var order = members
                .OrderBy(id => diary.TouchesOf(id).Where(t => Connected(t) && t.Date < campaign.Start).Select(t => (LocalDate?)t.Date).Max() ?? LocalDate.MinIsoValue)
                .ThenBy(id => id, StringComparer.Ordinal)
                .ToList();
            var left = order.Where(id => !diary.TouchesOf(id).Any(t => Connected(t) && t.Date >= campaign.Start)).ToList();
            var cannotFit = new List<string>();
            if (campaign.Status == CampaignStatus.Active && campaign.By >= today)
            {
                Spread(campaign, today, options, plan, claimed, order, left, cannotFit);
            }

            progress.Add(new ReferenceProgress(campaign.Name, members.Count, members.Count - left.Count, left, cannotFit));
        }

        return progress;
    }

    private static void Spread(Campaign campaign, LocalDate today, SchedulerOptions options, SortedDictionary<string, Planned> plan, HashSet<string> claimed, List<string> order, List<string> left, List<string> cannotFit)
    {
        // Of the members left (and not claimed by an earlier campaign), it pulls in those the cadence would leave until
        // after By: a routine touch, not fixed, due after By, whose window opens by By. The others keep their touch and
        // count: a campaign never makes anyone later. Spec silent ("a relationship by the first one it is in"): only a running campaign
        // claims its members left, so one of a paused, ended or finished campaign, or done in it, goes to the next by name.
        var spread = new List<string>();
        foreach (var id in left.Where(claimed.Add))
        {
            var t = plan[id];
            if (t.Rule == Rule.Routine && !t.Fixed && t.Due > campaign.By && t.NotBefore <= campaign.By)
            {
                spread.Add(id);
            }
            else
            {
                plan[id] = t with { CampaignName = campaign.Name };
            }
        }

        // The budget: a plain count of the fixed touches (not those spread) on each day, channel and week.
        var load = plan.Where(p => p.Value.Fixed && !spread.Contains(p.Key)).Select(p => (Day: p.Value.Due, p.Value.Channel)).ToList();
        var budget = options.Calendar?.Budget;
        bool HasRoom(LocalDate day, Channel channel) =>
            budget is null
            || (load.Count(l => l.Day == day) < budget.PerDay
                && load.Count(l => l.Day == day && l.Channel == channel) < budget.For(channel)
                && (budget.PerWeek is not { } perWeek || load.Count(l => MondayOf(l.Day) == MondayOf(day)) < perWeek));

        // Member k of n aims at the working day k/n of the way through the period; an aim already past is today. It takes
        // the first working day from its aim, not before its window opens, with room; else the latest such day before its
        // aim; else it cannot fit. Ambiguous: k and n count all the members (not archived), done ones too, so an aim
        // stays put as others are done; and without a calendar (no budget) a member still cannot fit when no working day
        // is left from its window's opening to By.
        var working = new List<LocalDate>();
        for (var day = campaign.Start; day <= campaign.By; day = day.PlusDays(1))
        {
            if (IsWorkingDay(options, day))
            {
                working.Add(day);
            }
        }

        foreach (var id in spread)
        {
            var t = plan[id];
            var campaignChannel = t.Facts.Relationship.PreferredChannels.Where(campaign.Channels.Contains).Select(c => (Channel?)c).FirstOrDefault()
                ?? campaign.Channels.Select(c => (Channel?)c).FirstOrDefault();
            var channel = campaignChannel ?? t.Channel;
            var aim = working.Count == 0 ? today : working[order.IndexOf(id) * working.Count / order.Count];
            aim = aim < today ? today : aim;
            bool Fits(LocalDate day) => day >= today && day >= t.NotBefore && HasRoom(day, channel);
            var on = working.Where(d => d >= aim && Fits(d)).Select(d => (LocalDate?)d).FirstOrDefault()
                ?? working.Where(d => d < aim && Fits(d)).Select(d => (LocalDate?)d).LastOrDefault();
            if (on is not { } placed)
            {
                cannotFit.Add(id);
                plan[id] = t with { CampaignName = campaign.Name };
                continue;
            }

            plan[id] = t with
            {
                Rule = Rule.Campaign,
                Due = placed,
                NotBefore = placed,
                NotAfter = campaign.By,
                WindowOpens = placed,
                DaysOverdue = 0,
                Channel = channel,
                Why = campaignChannel is null ? t.Why : ChannelWhy.Campaign,
                Fixed = true,
                CampaignName = campaign.Name,
            };
            load.Add((placed, channel));
        }
    }

    private static LocalDate MondayOf(LocalDate day) => day.PlusDays(1 - (int)day.DayOfWeek);

    private static ReferenceTouch ToTouch(Planned p) => new(
        p.Facts.Relationship.Id,
        p.Due,
        p.NotBefore,
        p.NotAfter,
        p.WindowOpens,
        p.DaysOverdue,
        p.Channel,
        p.Fixed,
        p.Rule == Rule.Campaign ? null : p.Winner.Promise?.Id,
        p.Rule == Rule.FollowUp,
        p.Rule == Rule.Date,
        p.Rule == Rule.Campaign,
        p.CampaignName,
        p.Winner.FollowingPromise?.Id,
        Reasons(p));

    /// <summary>
    /// The kinds of the reasons, in the order of docs/design.md ("The reasons"): the winning rule's own, then a move by
    /// hand, a pause, lateness, the channel, and the campaign the touch counts for (unless the winner's named it).
    /// </summary>
    private static List<Type> Reasons(Planned p)
    {
        var f = p.Facts;
        var reasons = new List<Type>();

        void Touches(bool latest = true)
        {
            if (f.Renewal is not null)
            {
                reasons.Add(typeof(RenewalReason));
            }

            if (latest && f.Last is { } last && !last.Equals(f.Renewal))
            {
                reasons.Add(typeof(LatestTouchReason));
            }

            // A learned target is said where the renewing touch is.
            AddIf(f.RhythmAdjusted, typeof(RhythmReason));
        }

        void Cadence(bool firstTouch, bool latest = true)
        {
            if (f.Renewal is null && firstTouch)
            {
                reasons.Add(typeof(FirstTouchReason));
            }

            Touches(latest);
            reasons.Add(typeof(CadenceReason));
        }

        var w = p.Winner;
        switch (p.Rule)
        {
            case Rule.Routine:
                AddIf(w.LadderEnded, typeof(LadderEndedReason));
                Cadence(firstTouch: true);
                AddIf(f.Spaced, typeof(SpacedOutReason));
                AddIf(!f.Spaced && w.FloorHeld && !w.Paused, typeof(WaitReason));
                AddIf(w.PromiseFollows, typeof(BeforeNextStepReason));
                break;
            case Rule.FollowUp:
                reasons.Add(typeof(FollowUpReason));
                AddIf(w.PromiseFollows, typeof(BeforeNextStepReason));
                break;
            case Rule.CallBack:
                // Their missed call is the latest touch: the call back's own reason says it.
                reasons.Add(typeof(CallBackReason));
                Cadence(firstTouch: false, latest: false);
                AddIf(w.PromiseFollows, typeof(BeforeNextStepReason));
                break;
            case Rule.Promise:
                reasons.Add(w.Promise!.IsBooked ? typeof(BookedMeetingReason) : typeof(CommitmentReason));
                AddIf(w.Carried, typeof(CarriedToFloorReason));
                Touches();
                AddIf(f.Spaced, typeof(SpacedOutReason));
                break;
            case Rule.Date:
                reasons.Add(typeof(ImportantDateReason));
                AddIf(w.HeldForDate, typeof(HeldForDateReason));
                AddIf(w.PromiseFollows, typeof(BeforeNextStepReason));
                AddIf(p.CampaignName is not null, typeof(CampaignReason));
                Cadence(firstTouch: false);
                AddIf(f.Spaced, typeof(SpacedOutReason));
                break;
            case Rule.Campaign:
                reasons.Add(typeof(CampaignReason));
                AddIf(w.PromiseFollows, typeof(BeforeNextStepReason));
                Cadence(firstTouch: true);
                AddIf(f.Spaced, typeof(SpacedOutReason));
                break;
        }

        AddIf(w.Move is not null, typeof(MovedByHandReason));
        AddIf(w.Paused, typeof(PausedReason));
        AddIf(p.DaysOverdue > 0, typeof(OverdueReason));
        AddIf(p.Why == ChannelWhy.Offline, typeof(TakeItOfflineReason));
        AddIf(p.Why == ChannelWhy.Preferred, typeof(PreferredChannelReason));
        AddIf(p.CampaignName is not null && p.Rule is not (Rule.Date or Rule.Campaign), typeof(CampaignReason));
        return reasons;

        void AddIf(bool condition, Type reason)
        {
            if (condition)
            {
                reasons.Add(reason);
            }
        }
    }
}
