using System.Collections.Generic;
using System.Linq;
using NodaTime;
using NodaTime.Testing;

namespace Cadence.Tests;

public class SchedulerTests
{
    private static readonly LocalDate Today = FixedDays.Today;

    /// <summary>The default "client" rule: at least 14 days, target 30, at most 45.</summary>
    private static readonly CadenceRule ClientRule = CadenceRule.FromDays(14, 30, 45);

    private static Relationship Zoe => new("zoe", "Zoë Müller", "client");

    private static Touch Ago(
        int daysAgo,
        Channel channel,
        Direction direction = Direction.Outbound,
        Outcome outcome = Outcome.Connected,
        string? medium = null,
        string id = "zoe") =>
        new(id, Today.PlusDays(-daysAgo), channel, direction, outcome, medium);

    private static PlannedTouch PlanZoe(
        IEnumerable<Touch>? touches = null,
        IEnumerable<Commitment>? commitments = null,
        SchedulerOptions? options = null,
        Relationship? relationship = null)
    {
        var r = relationship ?? Zoe;
        var plan = new Scheduler(options).Plan(new Diary([r], touches, commitments), Today);
        return plan[r.Id];
    }

    // ---------------------------------------------------------------- decided edge cases

    [Fact]
    public void Plan_OnlyConnectedTouchesOnAZeroCreditChannel_FirstTouchSaysNoneCounts()
    {
        var options = SchedulerOptions.Default.WithCredits(ChannelCredits.Default.With(Channel.Social, 0));
        var like = Ago(3, Channel.Social, Direction.Inbound);

        var planned = PlanZoe([like], options: options);

        Assert.Equal(Today, planned.Due);
        Assert.Equal(new FirstTouchReason(0, 1), planned.Reasons[0]);
    }

    [Fact]
    public void Plan_CallAndSocialTouchOnTheSameDayWithoutTimes_TheCallCountsAsLatest()
    {
        // One online touch would be enough to suggest going offline, but a call the same day already did.
        var options = SchedulerOptions.Default.WithOfflineAfterOnlineTouches(1);
        var call = Ago(2, Channel.Call);
        var post = Ago(2, Channel.Social);

        var planned = PlanZoe([post, call], options: options);

        Assert.DoesNotContain(planned.Reasons, r => r is TakeItOfflineReason);
        Assert.Equal(call, planned.LastTouch);
    }

    [Fact]
    public void Plan_SocialTouchAfterACallTheSameDay_TimesDecideTheOrder()
    {
        var options = SchedulerOptions.Default.WithOfflineAfterOnlineTouches(1);
        var call = new Touch("zoe", Today.PlusDays(-2), Channel.Call, time: new LocalTime(9, 0));
        var post = new Touch("zoe", Today.PlusDays(-2), Channel.Social, time: new LocalTime(17, 30));

        var planned = PlanZoe([call, post], options: options);

        Assert.Contains(new TakeItOfflineReason(1, Channel.Call), planned.Reasons);
        Assert.Equal(post, planned.LastTouch);
    }

    // ---------------------------------------------------------------- credits per channel

    [Theory]
    [InlineData(Channel.Meeting, 1.0, 30, 45)]
    [InlineData(Channel.Call, 1.0, 30, 45)]
    [InlineData(Channel.Note, 0.6, 18, 27)] // 30 × 0.6 = 18, 45 × 0.6 = 27
    [InlineData(Channel.Social, 0.25, 7, 11)] // 30 × 0.25 = 7.5 → 7, 45 × 0.25 = 11.25 → 11
    public void Plan_ConnectedTouchOnChannel_RenewsByTheChannelsCredit(Channel channel, double credit, int dueDays, int notAfterDays)
    {
        // Inbound, so that no minimum gap applies.
        var touch = Ago(1, channel, Direction.Inbound);

        var planned = PlanZoe([touch]);

        Assert.Equal(touch.Date.PlusDays(dueDays), planned.Due);
        Assert.Equal(touch.Date.PlusDays(notAfterDays), planned.NotAfter);
        Assert.Equal(Today, planned.NotBefore);
        Assert.Equal(0, planned.DaysOverdue);
        Assert.Equal(
            new Reason[] { new RenewalReason(touch, 1, credit), new CadenceReason("client", ClientRule, false) },
            planned.Reasons);
    }

    [Fact]
    public void Plan_PartialCredit_RoundsDownToWholeDays()
    {
        var rule = CadenceRule.FromDays(0, 31, 47);
        var note = Ago(1, Channel.Note, Direction.Inbound);

        var planned = PlanZoe([note], relationship: Zoe.WithRule(rule));

        Assert.Equal(note.Date.PlusDays(18), planned.Due); // 31 × 0.6 = 18.6 → 18
        Assert.Equal(note.Date.PlusDays(28), planned.NotAfter); // 47 × 0.6 = 28.2 → 28
    }

    [Fact]
    public void Plan_FullCreditWithMonthRule_AddsCalendarMonths()
    {
        // past associate: at least 1 month, target 3 months, at most 4 months.
        var meeting = new Touch("pa", new LocalDate(2026, 1, 31), Channel.Meeting, Direction.Inbound);
        var diary = new Diary([new Relationship("pa", "Pat", "past associate")], [meeting]);

        var planned = new Scheduler().Plan(diary, Today)["pa"];

        Assert.Equal(new LocalDate(2026, 4, 30), planned.Due); // 31 Jan + 3 months, clamped to the month's end
        Assert.Equal(new LocalDate(2026, 5, 31), planned.NotAfter); // 31 Jan + 4 months
    }

    [Fact]
    public void Plan_PartialCreditWithMonthRule_ScalesTheDaysOfThoseMonths()
    {
        var note = new Touch("pa", new LocalDate(2026, 3, 12), Channel.Note, Direction.Inbound);
        var diary = new Diary([new Relationship("pa", "Pat", "past associate")], [note]);

        var planned = new Scheduler().Plan(diary, Today)["pa"];

        // 12 Mar → 12 Jun is 92 days; × 0.6 = 55.2 → 55. 12 Mar → 12 Jul is 122 days; × 0.6 = 73.2 → 73.
        Assert.Equal(new LocalDate(2026, 5, 6), planned.Due);
        Assert.Equal(new LocalDate(2026, 5, 24), planned.NotAfter);
    }

    [Fact]
    public void Plan_SeveralTouches_TheFurthestRenewalAndTheFurthestMaximumEachWin()
    {
        var meeting = Ago(20, Channel.Meeting); // due today+10, not after today+25, floor today-6
        var note = Ago(5, Channel.Note); // due today-5+18 = today+13, not after today-5+27 = today+22, floor today+9

        var planned = PlanZoe([meeting, note]);

        Assert.Equal(Today.PlusDays(13), planned.Due);
        Assert.Equal(Today.PlusDays(25), planned.NotAfter);
        Assert.Equal(Today.PlusDays(9), planned.NotBefore);
        Assert.Same(note, planned.LastTouch);
        Assert.Equal(
            new Reason[] { new RenewalReason(note, 5, 0.6), new CadenceReason("client", ClientRule, false) },
            planned.Reasons);
    }

    [Fact]
    public void Plan_OlderTouchRenewsFurther_ItCountsAndTheLatestTouchIsMentioned()
    {
        var meeting = Ago(10, Channel.Meeting); // due today+20
        var social = Ago(1, Channel.Social, Direction.Inbound); // due today-1+7 = today+6

        var planned = PlanZoe([social, meeting]);

        Assert.Equal(Today.PlusDays(20), planned.Due);
        Assert.Equal(Today.PlusDays(35), planned.NotAfter);
        Assert.Same(social, planned.LastTouch);
        Assert.Equal(
            new Reason[]
            {
                new RenewalReason(meeting, 10, 1),
                new LatestTouchReason(social, 1),
                new CadenceReason("client", ClientRule, false),
            },
            planned.Reasons);
    }

    [Fact]
    public void Plan_InboundConnectedTouch_Renews()
    {
        var call = Ago(5, Channel.Call, Direction.Inbound);

        var planned = PlanZoe([call]);

        Assert.Equal(Today.PlusDays(25), planned.Due);
        Assert.Equal(Today.PlusDays(40), planned.NotAfter);
        Assert.Equal(Today, planned.NotBefore);
        Assert.Equal(
            new Reason[] { new RenewalReason(call, 5, 1), new CadenceReason("client", ClientRule, false) },
            planned.Reasons);
    }

    // ---------------------------------------------------------------- no reply and the floor

    [Fact]
    public void Plan_UnansweredAttemptAfterARenewal_RenewsNothingButPushesToTheFloor()
    {
        var meeting = Ago(20, Channel.Meeting); // due today+10
        var voicemail = Ago(0, Channel.Call, outcome: Outcome.NoReply); // floor today+14; would renew to today+30 if it counted

        var planned = PlanZoe([meeting, voicemail]);

        Assert.Equal(Today.PlusDays(14), planned.Due);
        Assert.Equal(Today.PlusDays(14), planned.NotBefore);
        Assert.Equal(Today.PlusDays(25), planned.NotAfter);
        Assert.False(planned.IsLate);
        Assert.Equal(
            new Reason[]
            {
                new RenewalReason(meeting, 20, 1),
                new LatestTouchReason(voicemail, 0),
                new CadenceReason("client", ClientRule, false),
                new WaitReason(Today, 0, Period.FromDays(14), Today.PlusDays(14)),
            },
            planned.Reasons);
    }

    [Fact]
    public void Plan_FloorBeforeTheCadenceDate_NoWaitReasonButNotBeforeIsTheFloor()
    {
        var meeting = Ago(10, Channel.Meeting); // due today+20
        var voicemail = Ago(1, Channel.Call, outcome: Outcome.NoReply); // floor today-1+14 = today+13

        var planned = PlanZoe([meeting, voicemail]);

        Assert.Equal(Today.PlusDays(20), planned.Due);
        Assert.Equal(Today.PlusDays(13), planned.NotBefore);
        Assert.DoesNotContain(planned.Reasons, r => r is WaitReason);
    }

    [Fact]
    public void Plan_FloorOnTheCadenceDate_NoWaitReason()
    {
        var meeting = Ago(16, Channel.Meeting, Direction.Inbound); // due today+14
        var voicemail = Ago(0, Channel.Call, outcome: Outcome.NoReply); // floor today+14

        var planned = PlanZoe([meeting, voicemail]);

        Assert.Equal(Today.PlusDays(14), planned.Due);
        Assert.Equal(Today.PlusDays(14), planned.NotBefore);
        Assert.DoesNotContain(planned.Reasons, r => r is WaitReason);
    }

    [Fact]
    public void Plan_FloorAlreadyPassedAndCadenceOverdue_LatenessCountsFromTheFloor()
    {
        // Issue 25: the plan gave the floor's day (today-6), so the touch is late from it, not from the cadence's day.
        var meeting = Ago(60, Channel.Meeting); // due today-30
        var voicemail = Ago(20, Channel.Call, outcome: Outcome.NoReply); // floor today-6: already passed

        var planned = PlanZoe([meeting, voicemail]);

        Assert.Equal(Today, planned.Due);
        Assert.Equal(6, planned.DaysOverdue);
        Assert.Equal(
            new Reason[]
            {
                new RenewalReason(meeting, 60, 1),
                new LatestTouchReason(voicemail, 20),
                new CadenceReason("client", ClientRule, false),
                new WaitReason(voicemail.Date, 20, ClientRule.MinGap, Today.PlusDays(-6)),
                new OverdueReason(6, Today.PlusDays(-6)),
            },
            planned.Reasons);
    }

    [Fact]
    public void Plan_ConnectedOutboundAttempt_AlsoSetsTheFloor()
    {
        var social = Ago(2, Channel.Social); // renews to today-2+7 = today+5, floor today-2+14 = today+12

        var planned = PlanZoe([social]);

        Assert.Equal(Today.PlusDays(12), planned.Due);
        Assert.Equal(Today.PlusDays(12), planned.NotBefore);
        Assert.Equal(Today.PlusDays(9), planned.NotAfter); // today-2 + 11
        Assert.True(planned.IsLate);
        Assert.Contains(new WaitReason(Today.PlusDays(-2), 2, Period.FromDays(14), Today.PlusDays(12)), planned.Reasons);
    }

    [Fact]
    public void Plan_OutboundMeetingToday_NotBeforeIsTheMinimumGapLater()
    {
        var planned = PlanZoe([Ago(0, Channel.Meeting)]);

        Assert.Equal(Today.PlusDays(30), planned.Due);
        Assert.Equal(Today.PlusDays(14), planned.NotBefore);
    }

    [Fact]
    public void Plan_InboundMeetingToday_SetsNoFloor()
    {
        var planned = PlanZoe([Ago(0, Channel.Meeting, Direction.Inbound)]);

        Assert.Equal(Today.PlusDays(30), planned.Due);
        Assert.Equal(Today, planned.NotBefore);
    }

    [Fact]
    public void Plan_InboundUnansweredTouch_RenewsNothingAndSetsNoFloor()
    {
        var meeting = Ago(20, Channel.Meeting, Direction.Inbound); // due today+10
        // A message of theirs left unanswered (a missed call of theirs plans a call back: CallBackRuleTests).
        var missed = Ago(0, Channel.Social, Direction.Inbound, Outcome.NoReply);

        var planned = PlanZoe([meeting, missed]);

        Assert.Equal(Today.PlusDays(10), planned.Due);
        Assert.Equal(Today, planned.NotBefore);
        Assert.Equal(Today.PlusDays(25), planned.NotAfter);
        Assert.Equal(
            new Reason[]
            {
                new RenewalReason(meeting, 20, 1),
                new LatestTouchReason(missed, 0),
                new CadenceReason("client", ClientRule, false),
            },
            planned.Reasons);
    }

    // ---------------------------------------------------------------- commitments

    [Fact]
    public void Plan_OpenCommitment_PinsTheDateOverTheCadenceAndTheFloor()
    {
        var meeting = Ago(2, Channel.Meeting); // cadence today+28, floor today+12
        var commitment = new Commitment("c1", "zoe", Today.PlusDays(3), "send the proposal");

        var planned = PlanZoe([meeting], [commitment]);

        Assert.Equal(Today.PlusDays(3), planned.Due);
        Assert.Equal(Today.PlusDays(3), planned.NotBefore);
        Assert.Equal(Today.PlusDays(3), planned.NotAfter);
        Assert.True(planned.IsPinned);
        Assert.Equal(commitment, planned.Commitment);
        Assert.Equal(
            new Reason[] { new CommitmentReason("c1", "send the proposal", Today.PlusDays(3)), new RenewalReason(meeting, 2, 1) },
            planned.Reasons);
    }

    [Fact]
    public void Plan_OpenCommitmentAfterAnOverdueCadence_PinsTheLaterDate()
    {
        var meeting = Ago(41, Channel.Meeting); // 11 days overdue by the cadence, latest day today+4
        var commitment = new Commitment("c1", "zoe", Today.PlusDays(3), "lunch after the trade fair");

        var planned = PlanZoe([meeting], [commitment]);

        Assert.Equal(Today.PlusDays(3), planned.Due);
        Assert.Equal(0, planned.DaysOverdue);
        Assert.DoesNotContain(planned.Reasons, r => r is OverdueReason or CadenceReason);
    }

    [Fact]
    public void Plan_OpenCommitmentOnANeverTouchedRelationship_OnlyTheCommitmentExplains()
    {
        var commitment = new Commitment("c1", "zoe", Today.PlusDays(4), "introductory call");

        var planned = PlanZoe(commitments: [commitment]);

        Assert.Equal(Today.PlusDays(4), planned.Due);
        Assert.Equal(new Reason[] { new CommitmentReason("c1", "introductory call", Today.PlusDays(4)) }, planned.Reasons);
    }

    [Fact]
    public void Plan_OpenCommitmentInThePast_IsDueTodayAndOverdue()
    {
        var commitment = new Commitment("c1", "zoe", Today.PlusDays(-2), "chase feedback");

        var planned = PlanZoe([Ago(10, Channel.Meeting)], [commitment]);

        Assert.Equal(Today, planned.Due);
        Assert.Equal(2, planned.DaysOverdue);
        Assert.True(planned.IsOverdue);
        Assert.Equal(Today, planned.NotBefore);
        Assert.Equal(Today.PlusDays(-2), planned.NotAfter);
        Assert.True(planned.IsLate);
        Assert.Equal(new OverdueReason(2, Today.PlusDays(-2)), planned.Reasons[^1]);
    }

    [Fact]
    public void Plan_SeveralOpenCommitments_TheEarliestWins()
    {
        var late = new Commitment("a-late", "zoe", Today.PlusDays(9), "send the contract");
        var early = new Commitment("z-early", "zoe", Today.PlusDays(4), "chase feedback");

        var planned1 = PlanZoe(commitments: [late, early]);
        var planned2 = PlanZoe(commitments: [early, late]);

        Assert.Equal(early, planned1.Commitment);
        Assert.Equal(Today.PlusDays(4), planned1.Due);
        Assert.Equal(early, planned2.Commitment);
        Assert.Equal(Today.PlusDays(4), planned2.Due);
    }

    [Fact]
    public void Plan_OpenCommitmentsOnTheSameDay_TheLowestIdOrdinalWins()
    {
        var b = new Commitment("b", "zoe", Today.PlusDays(4), "second");
        var upperB = new Commitment("B", "zoe", Today.PlusDays(4), "first by ordinal");
        var a = new Commitment("a", "zoe", Today.PlusDays(4), "third");

        var planned = PlanZoe(commitments: [b, a, upperB]);

        Assert.Equal(upperB, planned.Commitment); // 'B' (66) < 'a' (97) < 'b' (98)
    }

    [Theory]
    [InlineData(CommitmentStatus.Done)]
    [InlineData(CommitmentStatus.Dropped)]
    public void Plan_DoneOrDroppedCommitment_PinsNothing(CommitmentStatus status)
    {
        var open = new Commitment("c1", "zoe", Today.PlusDays(3), "chase feedback");
        var closed = status == CommitmentStatus.Done ? open.MarkDone() : open.Drop();

        var planned = PlanZoe([Ago(10, Channel.Meeting)], [closed]);

        Assert.Equal(Today.PlusDays(20), planned.Due);
        Assert.Null(planned.Commitment);
        Assert.False(planned.IsPinned);
        Assert.DoesNotContain(planned.Reasons, r => r is CommitmentReason);
    }

    [Fact]
    public void Plan_ClosedEarlierCommitmentAndOpenLaterOne_TheOpenOneWins()
    {
        var done = new Commitment("c1", "zoe", Today.PlusDays(1), "send the deck").MarkDone();
        var open = new Commitment("c2", "zoe", Today.PlusDays(6), "chase feedback on the deck");

        var planned = PlanZoe(commitments: [done, open]);

        Assert.Equal(open, planned.Commitment);
        Assert.Equal(Today.PlusDays(6), planned.Due);
    }

    [Fact]
    public void Plan_ReopenedCommitment_PinsAgain()
    {
        var dropped = new Commitment("c1", "zoe", Today.PlusDays(3), "chase feedback").Drop();

        var planned = PlanZoe([Ago(10, Channel.Meeting)], [dropped.Reopen()]);

        Assert.Equal(Today.PlusDays(3), planned.Due);
        Assert.True(planned.IsPinned);
    }

    [Theory]
    [InlineData(12)] // forwards
    [InlineData(1)] // backwards
    public void Plan_MovedCommitment_MovesTheDate(int newDay)
    {
        var commitment = new Commitment("c1", "zoe", Today.PlusDays(5), "chase feedback");
        var diary = new Diary([Zoe], [Ago(10, Channel.Meeting)], [commitment]);
        var scheduler = new Scheduler();
        Assert.Equal(Today.PlusDays(5), scheduler.Plan(diary, Today)["zoe"].Due);

        var moved = diary.Update(commitment.MoveTo(Today.PlusDays(newDay)));

        var planned = scheduler.Plan(moved, Today)["zoe"];
        Assert.Equal(Today.PlusDays(newDay), planned.Due);
        Assert.Equal(new CommitmentReason("c1", "chase feedback", Today.PlusDays(newDay)), planned.Reasons[0]);
    }

    [Fact]
    public void Plan_CommitmentWithAChannel_SuggestsThatChannelOverThePreference()
    {
        var commitment = new Commitment("c1", "zoe", Today.PlusDays(3), "lunch", Channel.Meeting);

        var planned = PlanZoe(commitments: [commitment], relationship: Zoe.WithPreferredChannels(Channel.Note));

        Assert.Equal(Channel.Meeting, planned.Channel);
        Assert.DoesNotContain(planned.Reasons, r => r is PreferredChannelReason);
    }

    [Fact]
    public void Plan_CommitmentWithAChannel_SuggestsThatChannelOverTakingItOffline()
    {
        var online = new[] { Ago(20, Channel.Social), Ago(15, Channel.Social), Ago(10, Channel.Social) };
        // Inside the cadence (its latest day is today+1), so the promise pins the day.
        var commitment = new Commitment("c1", "zoe", Today.PlusDays(1), "send the article", Channel.Note);

        var planned = PlanZoe(online, [commitment]);

        Assert.Equal(Channel.Note, planned.Channel);
        Assert.DoesNotContain(planned.Reasons, r => r is TakeItOfflineReason);
    }

    [Fact]
    public void Plan_CommitmentWithoutAChannel_SuggestsThePreferredChannel()
    {
        var commitment = new Commitment("c1", "zoe", Today.PlusDays(3), "send the article");

        var planned = PlanZoe(commitments: [commitment], relationship: Zoe.WithPreferredChannels(Channel.Note));

        Assert.Equal(Channel.Note, planned.Channel);
        Assert.Equal(new PreferredChannelReason(Channel.Note), planned.Reasons[^1]);
    }

    // ---------------------------------------------------------------- paused and archived

    [Fact]
    public void Plan_PausedPastTheDueDate_IsDueWhenThePauseEnds()
    {
        var meeting = Ago(25, Channel.Meeting); // due today+5
        var until = Today.PlusDays(10);

        var planned = PlanZoe([meeting], relationship: Zoe.PauseUntil(until));

        Assert.Equal(until, planned.Due);
        Assert.Equal(until, planned.NotBefore);
        Assert.Equal(Today.PlusDays(20), planned.NotAfter); // today-25+45
        Assert.Equal(
            new Reason[]
            {
                new RenewalReason(meeting, 25, 1),
                new CadenceReason("client", ClientRule, false),
                new PausedReason(until),
            },
            planned.Reasons);
    }

    [Fact]
    public void Plan_PausedAndOverdue_IsDueWhenThePauseEndsAndNotOverdue()
    {
        var until = Today.PlusDays(3);

        var planned = PlanZoe([Ago(60, Channel.Meeting)], relationship: Zoe.PauseUntil(until));

        Assert.Equal(until, planned.Due);
        Assert.Equal(0, planned.DaysOverdue);
        Assert.Equal(Today.PlusDays(-15), planned.NotAfter); // today-60+45
        Assert.True(planned.IsLate);
        Assert.DoesNotContain(planned.Reasons, r => r is OverdueReason);
    }

    [Fact]
    public void Plan_PauseEndingBeforeTheDueDate_DoesNotMoveTheDate()
    {
        var planned = PlanZoe([Ago(10, Channel.Meeting)], relationship: Zoe.PauseUntil(Today.PlusDays(5)));

        Assert.Equal(Today.PlusDays(20), planned.Due);
        Assert.Equal(Today.PlusDays(5), planned.NotBefore); // the pause end, later than the floor today+4
        Assert.DoesNotContain(planned.Reasons, r => r is PausedReason);
    }

    [Fact]
    public void Plan_PauseThatEndedInThePast_ChangesNothing()
    {
        var touches = new[] { Ago(10, Channel.Meeting) };

        var active = PlanZoe(touches);
        var paused = PlanZoe(touches, relationship: Zoe.PauseUntil(Today.PlusDays(-3)));

        Assert.Equal(Today.PlusDays(20), paused.Due);
        Assert.Equal(active.Due, paused.Due);
        Assert.Equal(active.NotBefore, paused.NotBefore);
        Assert.Equal(active.NotAfter, paused.NotAfter);
        Assert.Equal(active.Reasons, paused.Reasons);
    }

    [Fact]
    public void Plan_PauseEndedBetweenTheDueDateAndToday_LatenessCountsFromItsEnd()
    {
        // Due today-10 by the cadence; the pause held it to today-4, the day the plan then gave: late from there (issue 25).
        var meeting = Ago(40, Channel.Meeting);

        var planned = PlanZoe([meeting], relationship: Zoe.PauseUntil(Today.PlusDays(-4)));

        Assert.Equal(Today, planned.Due);
        Assert.Equal(4, planned.DaysOverdue);
        Assert.Equal(
            new Reason[]
            {
                new RenewalReason(meeting, 40, 1),
                new CadenceReason("client", ClientRule, false),
                new PausedReason(Today.PlusDays(-4)),
                new OverdueReason(4, Today.PlusDays(-4)),
            },
            planned.Reasons);
    }

    [Fact]
    public void Plan_NeverTouchedAndPaused_FirstTouchWhenThePauseEnds()
    {
        var until = Today.PlusDays(10);

        var planned = PlanZoe(relationship: Zoe.PauseUntil(until));

        Assert.Equal(until, planned.Due);
        Assert.Equal(until, planned.NotBefore);
        Assert.Equal(until.PlusDays(15), planned.NotAfter); // the 45 − 30 days of slack after the pause
        Assert.Equal(
            new Reason[] { new FirstTouchReason(0), new CadenceReason("client", ClientRule, false), new PausedReason(until) },
            planned.Reasons);
    }

    [Fact]
    public void Plan_PausedPastAnOpenCommitment_IsDueWhenThePauseEnds()
    {
        var commitment = new Commitment("c1", "zoe", Today.PlusDays(2), "chase feedback");
        var until = Today.PlusDays(7);

        var planned = PlanZoe(commitments: [commitment], relationship: Zoe.PauseUntil(until));

        Assert.Equal(until, planned.Due);
        Assert.Equal(until, planned.NotBefore);
        Assert.Equal(commitment, planned.Commitment);
        Assert.Equal(
            new Reason[] { new CommitmentReason("c1", "chase feedback", Today.PlusDays(2)), new PausedReason(until) },
            planned.Reasons);
    }

    [Fact]
    public void Plan_ArchivedRelationship_IsLeftOut()
    {
        var diary = new Diary(
            [Zoe.Archive(), new Relationship("max", "Max Mustermann", "client")],
            [Ago(41, Channel.Meeting)],
            [new Commitment("c1", "zoe", Today.PlusDays(1), "chase feedback")]);

        var plan = new Scheduler().Plan(diary, Today);

        Assert.Equal(new[] { "max" }, plan.Touches.Select(t => t.RelationshipId));
        Assert.False(plan.TryGet("zoe", out _));
        var ex = Assert.Throws<KeyNotFoundException>(() => plan["zoe"]);
        Assert.Contains("\"zoe\"", ex.Message);
    }

    [Fact]
    public void PlanFor_ArchivedRelationship_ReturnsNull()
    {
        var diary = new Diary([Zoe.Archive()], [Ago(41, Channel.Meeting)]);

        Assert.Null(new Scheduler().PlanFor(diary, "zoe", Today));
    }

    // ---------------------------------------------------------------- first touch

    [Fact]
    public void Plan_NeverTouched_IsDueTodayForAFirstTouch()
    {
        var planned = PlanZoe();

        Assert.Equal(Today, planned.Due);
        Assert.Equal(Today, planned.NotBefore);
        Assert.Equal(Today.PlusDays(15), planned.NotAfter); // the slack between 30 and 45 days
        Assert.Equal(0, planned.DaysOverdue);
        Assert.False(planned.IsLate);
        Assert.Null(planned.LastTouch);
        Assert.Equal(Channel.Call, planned.Channel);
        Assert.Equal(new Reason[] { new FirstTouchReason(0), new CadenceReason("client", ClientRule, false) }, planned.Reasons);
        Assert.Equal("No touch yet: time for a first one; clients are due every 30 days (at most 45).", planned.Why);
    }

    [Fact]
    public void Plan_NeverTouchedWithMonthRule_NotAfterAllowsTheSlackBetweenTargetAndMaximum()
    {
        var diary = new Diary([new Relationship("pa", "Pat", "past associate")]);

        var planned = new Scheduler().Plan(diary, Today)["pa"];

        // 13 Mar + 3 months = 13 Jun, + 4 months = 13 Jul: 30 days of slack.
        Assert.Equal(Today, planned.Due);
        Assert.Equal(Today.PlusDays(30), planned.NotAfter);
    }

    [Fact]
    public void Plan_OnlyOldUnansweredAttempts_FirstTouchDueTodayCountingThem()
    {
        var call = Ago(20, Channel.Call, outcome: Outcome.NoReply); // floor today-6
        var note = Ago(16, Channel.Note, outcome: Outcome.NoReply); // floor today-2

        var planned = PlanZoe([note, call]);

        Assert.Equal(Today, planned.Due);
        Assert.Equal(Today, planned.NotBefore);
        Assert.Equal(Today.PlusDays(15), planned.NotAfter);
        Assert.Same(note, planned.LastTouch);
        Assert.Equal(
            new Reason[] { new FirstTouchReason(2), new LatestTouchReason(note, 16), new CadenceReason("client", ClientRule, false) },
            planned.Reasons);
    }

    [Fact]
    public void Plan_RecentUnansweredAttempt_FirstTouchWaitsForTheMinimumGap()
    {
        var call = Ago(3, Channel.Call, outcome: Outcome.NoReply); // floor today+11

        var planned = PlanZoe([call]);

        Assert.Equal(Today.PlusDays(11), planned.Due);
        Assert.Equal(Today.PlusDays(11), planned.NotBefore);
        Assert.Equal(Today.PlusDays(26), planned.NotAfter); // 15 days of slack after the floor
        Assert.Equal(
            new Reason[]
            {
                new FirstTouchReason(1),
                new LatestTouchReason(call, 3),
                new CadenceReason("client", ClientRule, false),
                new WaitReason(Today.PlusDays(-3), 3, Period.FromDays(14), Today.PlusDays(11)),
            },
            planned.Reasons);
    }

    [Fact]
    public void Plan_InboundUnansweredTouchOnly_IsNotCountedAsAnAttempt()
    {
        // A message of theirs left unanswered (a missed call of theirs plans a call back: CallBackRuleTests).
        var missed = Ago(1, Channel.Social, Direction.Inbound, Outcome.NoReply);

        var planned = PlanZoe([missed]);

        Assert.Equal(Today, planned.Due);
        Assert.Equal(new FirstTouchReason(0), planned.Reasons[0]);
    }

    // ---------------------------------------------------------------- overdue

    [Fact]
    public void Plan_TouchDueBeforeToday_IsDueTodayWithItsLateness()
    {
        var meeting = Ago(41, Channel.Meeting);

        var planned = PlanZoe([meeting]);

        Assert.Equal(Today, planned.Due);
        Assert.Equal(11, planned.DaysOverdue);
        Assert.True(planned.IsOverdue);
        Assert.Equal(Today, planned.NotBefore);
        Assert.Equal(Today.PlusDays(4), planned.NotAfter); // today-41+45
        Assert.False(planned.IsLate);
        Assert.Equal(
            new Reason[]
            {
                new RenewalReason(meeting, 41, 1),
                new CadenceReason("client", ClientRule, false),
                new OverdueReason(11, Today.PlusDays(-11)),
            },
            planned.Reasons);
    }

    [Fact]
    public void Plan_OverduePastTheMaximumGap_IsLate()
    {
        var planned = PlanZoe([Ago(50, Channel.Meeting)]);

        Assert.Equal(Today, planned.Due);
        Assert.Equal(20, planned.DaysOverdue);
        Assert.Equal(Today.PlusDays(-5), planned.NotAfter);
        Assert.True(planned.IsLate);
    }

    [Fact]
    public void Plan_DueExactlyToday_IsNotOverdue()
    {
        var planned = PlanZoe([Ago(30, Channel.Meeting)]);

        Assert.Equal(Today, planned.Due);
        Assert.Equal(0, planned.DaysOverdue);
        Assert.False(planned.IsOverdue);
        Assert.DoesNotContain(planned.Reasons, r => r is OverdueReason);
    }

    // ---------------------------------------------------------------- options, overrides, tiers

    [Fact]
    public void Plan_CustomChannelCredit_IsUsed()
    {
        var options = SchedulerOptions.Default.WithCredits(ChannelCredits.Default.With(Channel.Social, 1));
        var social = Ago(10, Channel.Social, Direction.Inbound);

        var planned = PlanZoe([social], options: options);

        Assert.Equal(Today.PlusDays(20), planned.Due);
        Assert.Equal(Today.PlusDays(35), planned.NotAfter);
        Assert.Equal(new RenewalReason(social, 10, 1), planned.Reasons[0]);
    }

    [Fact]
    public void Plan_CustomNoReplyCredit_MakesUnansweredTouchesRenew()
    {
        var options = SchedulerOptions.Default.WithCredits(ChannelCredits.Default.WithNoReply(0.5));
        var voicemail = Ago(4, Channel.Call, outcome: Outcome.NoReply);

        var planned = PlanZoe([voicemail], options: options);

        Assert.Equal(Today.PlusDays(11), planned.Due); // today-4 + 15
        Assert.Equal(Today.PlusDays(18), planned.NotAfter); // today-4 + 22 (22.5 rounded down)
        Assert.Equal(Today.PlusDays(10), planned.NotBefore); // today-4 + 14
        Assert.Equal(
            new Reason[] { new RenewalReason(voicemail, 4, 0.5), new CadenceReason("client", ClientRule, false) },
            planned.Reasons);
    }

    [Fact]
    public void Plan_RelationshipWithItsOwnRule_UsesItAndSaysItIsAnOverride()
    {
        var rule = CadenceRule.FromWeeks(1, 4, 6);
        var meeting = Ago(3, Channel.Meeting);

        var planned = PlanZoe([meeting], relationship: Zoe.WithRule(rule));

        Assert.Equal(Today.PlusDays(25), planned.Due); // today-3 + 28
        Assert.Equal(Today.PlusDays(39), planned.NotAfter); // today-3 + 42
        Assert.Equal(Today.PlusDays(4), planned.NotBefore); // today-3 + 7
        Assert.Equal(rule, planned.Rule);
        Assert.Equal(new Reason[] { new RenewalReason(meeting, 3, 1), new CadenceReason("client", rule, true) }, planned.Reasons);
        Assert.Equal("Last met 3 days ago; this relationship is due every 4 weeks (at most 6).", planned.Why);
    }

    [Fact]
    public void Plan_UnknownTier_UsesTheFallbackRule()
    {
        var fallback = CadenceRule.FromDays(3, 10, 20);
        var options = SchedulerOptions.Default.WithRules(CadenceRules.Empty.With("client", ClientRule).WithFallback(fallback));
        var vendor = new Relationship("v", "Vera", "vendor");
        var call = Ago(2, Channel.Call, id: "v");

        var planned = PlanZoe([call], options: options, relationship: vendor);

        Assert.Equal(Today.PlusDays(8), planned.Due);
        Assert.Equal(Today.PlusDays(18), planned.NotAfter);
        Assert.Equal(fallback, planned.Rule);
        Assert.Equal(new CadenceReason("vendor", fallback, false), planned.Reasons[1]);
    }

    [Fact]
    public void Plan_UnknownTierWithDefaultRules_UsesTheDefaultFallback()
    {
        var vendor = new Relationship("v", "Vera", "vendor");

        var planned = PlanZoe(relationship: vendor);

        var fallback = new CadenceRule(Period.FromWeeks(2), Period.FromWeeks(6), Period.FromMonths(3));
        Assert.Equal(fallback, planned.Rule);
        // 13 Mar + 6 weeks = 24 Apr; 13 Mar + 3 months = 13 Jun; 50 days of slack.
        Assert.Equal(new LocalDate(2026, 5, 2), planned.NotAfter);
    }

    [Fact]
    public void Plan_TierInAnotherCase_FindsTheTiersRule()
    {
        var relationship = new Relationship("zoe", "Zoë Müller", "CLIENT");

        var planned = PlanZoe([Ago(10, Channel.Meeting)], relationship: relationship);

        Assert.Equal(ClientRule, planned.Rule);
        Assert.Equal(Today.PlusDays(20), planned.Due);
        Assert.Equal(new CadenceReason("CLIENT", ClientRule, false), planned.Reasons[1]);
    }

    // ---------------------------------------------------------------- channel suggestion

    [Fact]
    public void Plan_PreferredChannels_TheFirstIsSuggested()
    {
        var planned = PlanZoe(relationship: Zoe.WithPreferredChannels(Channel.Meeting, Channel.Call));

        Assert.Equal(Channel.Meeting, planned.Channel);
        Assert.Equal(new PreferredChannelReason(Channel.Meeting), planned.Reasons[^1]);
    }

    [Fact]
    public void Plan_NoPreference_SuggestsACallWithoutAChannelReason()
    {
        var planned = PlanZoe([Ago(10, Channel.Note)]);

        Assert.Equal(Channel.Call, planned.Channel);
        Assert.DoesNotContain(planned.Reasons, r => r is PreferredChannelReason or TakeItOfflineReason);
    }

    [Fact]
    public void Plan_DefaultChannelOption_IsSuggestedWithoutPreference()
    {
        var planned = PlanZoe(options: SchedulerOptions.Default.WithDefaultChannel(Channel.Note));

        Assert.Equal(Channel.Note, planned.Channel);
    }

    [Fact]
    public void Plan_ThreeOnlineTouchesInARow_SuggestsTakingItOfflineWithACall()
    {
        var touches = new[]
        {
            Ago(30, Channel.Call),
            Ago(20, Channel.Social),
            Ago(15, Channel.Note, medium: "email"),
            Ago(10, Channel.Social, Direction.Inbound),
        };

        var planned = PlanZoe(touches);

        Assert.Equal(Channel.Call, planned.Channel);
        Assert.Equal(new TakeItOfflineReason(3, Channel.Call), planned.Reasons[^1]);
    }

    [Fact]
    public void Plan_FourOnlineTouchesInARow_CountsThemAll()
    {
        var touches = new[] { Ago(20, Channel.Social), Ago(15, Channel.Social), Ago(10, Channel.Social), Ago(5, Channel.Social) };

        var planned = PlanZoe(touches);

        Assert.Equal(new TakeItOfflineReason(4, Channel.Call), planned.Reasons[^1]);
    }

    [Fact]
    public void Plan_TakeItOffline_SuggestsTheFirstLivePreferredChannel()
    {
        var touches = new[] { Ago(20, Channel.Social), Ago(15, Channel.Social), Ago(10, Channel.Social) };
        var relationship = Zoe.WithPreferredChannels(Channel.Social, Channel.Note, Channel.Meeting, Channel.Call);

        var planned = PlanZoe(touches, relationship: relationship);

        Assert.Equal(Channel.Meeting, planned.Channel);
        Assert.Equal(new TakeItOfflineReason(3, Channel.Meeting), planned.Reasons[^1]);
        Assert.DoesNotContain(planned.Reasons, r => r is PreferredChannelReason);
    }

    [Fact]
    public void Plan_TakeItOfflineWithoutLivePreference_SuggestsACall()
    {
        var touches = new[] { Ago(20, Channel.Social), Ago(15, Channel.Social), Ago(10, Channel.Social) };

        var planned = PlanZoe(touches, relationship: Zoe.WithPreferredChannels(Channel.Note, Channel.Social));

        Assert.Equal(Channel.Call, planned.Channel);
        Assert.Equal(new TakeItOfflineReason(3, Channel.Call), planned.Reasons[^1]);
    }

    [Theory]
    [InlineData(Channel.Meeting, Channel.Meeting)]
    [InlineData(Channel.Note, Channel.Call)]
    [InlineData(Channel.Social, Channel.Call)]
    public void Plan_TakeItOfflineWithoutPreference_UsesTheDefaultChannelOnlyIfLive(Channel defaultChannel, Channel expected)
    {
        var touches = new[] { Ago(20, Channel.Social), Ago(15, Channel.Social), Ago(10, Channel.Social) };

        var planned = PlanZoe(touches, options: SchedulerOptions.Default.WithDefaultChannel(defaultChannel));

        Assert.Equal(expected, planned.Channel);
        Assert.Equal(new TakeItOfflineReason(3, expected), planned.Reasons[^1]);
    }

    [Fact]
    public void Plan_TwoOnlineTouchesInARow_KeepsThePreferredChannel()
    {
        var touches = new[] { Ago(20, Channel.Call), Ago(15, Channel.Social), Ago(10, Channel.Social) };

        var planned = PlanZoe(touches, relationship: Zoe.WithPreferredChannels(Channel.Note));

        Assert.Equal(Channel.Note, planned.Channel);
        Assert.DoesNotContain(planned.Reasons, r => r is TakeItOfflineReason);
    }

    [Fact]
    public void Plan_OfflineTouchInTheMiddle_BreaksTheStreak()
    {
        var touches = new[]
        {
            Ago(25, Channel.Social),
            Ago(22, Channel.Social),
            Ago(20, Channel.Social),
            Ago(15, Channel.Meeting),
            Ago(10, Channel.Social),
            Ago(5, Channel.Social),
        };

        var planned = PlanZoe(touches);

        Assert.DoesNotContain(planned.Reasons, r => r is TakeItOfflineReason);
    }

    [Fact]
    public void Plan_HandwrittenNote_IsOfflineAndBreaksTheStreak()
    {
        var touches = new[]
        {
            Ago(25, Channel.Social),
            Ago(22, Channel.Social),
            Ago(20, Channel.Social),
            Ago(15, Channel.Note, medium: "handwritten card"),
            Ago(10, Channel.Social),
            Ago(5, Channel.Note, medium: "email"),
        };

        var planned = PlanZoe(touches);

        Assert.DoesNotContain(planned.Reasons, r => r is TakeItOfflineReason);
    }

    [Fact]
    public void Plan_OnlineNoteMedia_AreMatchedIgnoringCaseAndSpaces()
    {
        var touches = new[]
        {
            Ago(20, Channel.Note, medium: "EMAIL"),
            Ago(15, Channel.Note, medium: " LinkedIn "),
            Ago(10, Channel.Note, medium: "WhatsApp"),
        };

        var planned = PlanZoe(touches);

        Assert.Equal(new TakeItOfflineReason(3, Channel.Call), planned.Reasons[^1]);
    }

    [Fact]
    public void Plan_OfflineAfterOnlineTouchesOption_IsConfigurable()
    {
        var two = new[] { Ago(15, Channel.Social), Ago(10, Channel.Social) };
        var four = new[] { Ago(20, Channel.Social), Ago(15, Channel.Social), Ago(10, Channel.Social), Ago(5, Channel.Social) };

        var afterTwo = PlanZoe(two, options: SchedulerOptions.Default.WithOfflineAfterOnlineTouches(2));
        var afterFive = PlanZoe(four, options: SchedulerOptions.Default.WithOfflineAfterOnlineTouches(5));

        Assert.Equal(new TakeItOfflineReason(2, Channel.Call), afterTwo.Reasons[^1]);
        Assert.DoesNotContain(afterFive.Reasons, r => r is TakeItOfflineReason);
    }

    // ---------------------------------------------------------------- the plan as a whole

    [Fact]
    public void Plan_Touches_AreOrderedByDueDayThenIdOrdinal()
    {
        var diary = new Diary(
            [
                new Relationship("b", "Bea", "client"),
                new Relationship("c", "Cem", "client"),
                new Relationship("B", "Bob", "client"),
                new Relationship("a", "Ana", "client"),
                new Relationship("d", "Dan", "client"),
            ],
            [
                Ago(5, Channel.Meeting, id: "b"), // due today+25
                Ago(41, Channel.Meeting, id: "c"), // overdue: due today
                Ago(5, Channel.Meeting, id: "B"), // due today+25
                Ago(20, Channel.Meeting, id: "d"), // due today+10
            ]); // a: never touched, due today

        var plan = new Scheduler().Plan(diary, Today);

        Assert.Equal(new[] { "a", "c", "d", "B", "b" }, plan.Touches.Select(t => t.RelationshipId));
        Assert.Equal(
            new[] { Today, Today, Today.PlusDays(10), Today.PlusDays(25), Today.PlusDays(25) },
            plan.Touches.Select(t => t.Due));
    }

    [Fact]
    public void Plan_Today_IsTheDayGiven()
    {
        var plan = new Scheduler().Plan(Diary.Empty, Today);

        Assert.Equal(Today, plan.Today);
        Assert.Empty(plan.Touches);
    }

    [Theory]
    [InlineData("Europe/Berlin", 14)] // 23:30 UTC is 00:30 the next day in Berlin (UTC+1)
    [InlineData("America/New_York", 13)] // and 19:30 the same day in New York (UTC-4)
    public void Plan_WithClockAndZone_UsesTheDateInThatZone(string zoneId, int day)
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 13, 23, 30));
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var diary = new Diary([Zoe], [Ago(10, Channel.Meeting)]);
        var expectedToday = new LocalDate(2026, 3, day);

        var plan = new Scheduler().Plan(diary, clock, zone);

        Assert.Equal(expectedToday, plan.Today);
        Assert.Equal(new Scheduler().Plan(diary, expectedToday), plan);
    }

    [Fact]
    public void PlanFor_EachRelationship_EqualsItsEntryInThePlan()
    {
        var diary = new Diary(
            [Zoe.WithPreferredChannels(Channel.Meeting), new Relationship("max", "Max", "prospect"), new Relationship("pat", "Pat", "vendor").PauseUntil(Today.PlusDays(3))],
            [Ago(10, Channel.Meeting), Ago(3, Channel.Call, outcome: Outcome.NoReply, id: "max")],
            [new Commitment("c1", "zoe", Today.PlusDays(2), "chase feedback")]);
        var scheduler = new Scheduler();

        var plan = scheduler.Plan(diary, Today);

        Assert.Equal(3, plan.Touches.Count);
        foreach (var relationship in diary.Relationships)
        {
            Assert.Equal(plan[relationship.Id], scheduler.PlanFor(diary, relationship.Id, Today));
        }
    }

    [Fact]
    public void Plan_SameInputInAnotherOrder_GivesAnEqualPlan()
    {
        Relationship[] relationships = [Zoe, new Relationship("max", "Max", "prospect")];
        Touch[] touches = [Ago(10, Channel.Meeting), Ago(10, Channel.Call, Direction.Inbound), Ago(3, Channel.Social, id: "max"), Ago(2, Channel.Note, id: "max")];
        Commitment[] commitments = [new Commitment("c1", "max", Today.PlusDays(4), "demo"), new Commitment("c2", "max", Today.PlusDays(4), "demo again")];

        var plan1 = new Scheduler().Plan(new Diary(relationships, touches, commitments), Today);
        var plan2 = new Scheduler().Plan(
            new Diary(Enumerable.Reverse(relationships), Enumerable.Reverse(touches), Enumerable.Reverse(commitments)),
            Today);

        Assert.Equal(plan1, plan2);
        Assert.True(plan1.Equals((object)plan2));
        Assert.Equal(plan1.GetHashCode(), plan2.GetHashCode());
        Assert.Equal(plan1.ToString(), plan2.ToString());
    }

    [Fact]
    public void Plan_OtherDayOrOtherInput_IsNotEqual()
    {
        var diary = new Diary([Zoe], [Ago(10, Channel.Meeting)]);
        var scheduler = new Scheduler();
        var plan = scheduler.Plan(diary, Today);

        Assert.NotEqual(plan, scheduler.Plan(diary, Today.PlusDays(1)));
        Assert.NotEqual(plan, scheduler.Plan(diary.Log(Ago(1, Channel.Call)), Today));
        Assert.False(plan.Equals(null));
        Assert.False(plan.Equals("a plan"));
    }

    [Fact]
    public void Plan_TwoTouchesRenewingToTheSameDay_PickTheSameOneWhateverTheOrder()
    {
        var outbound = Ago(10, Channel.Call);
        var inbound = Ago(10, Channel.Call, Direction.Inbound);

        var planned1 = PlanZoe([outbound, inbound]);
        var planned2 = PlanZoe([inbound, outbound]);

        Assert.Equal(planned1, planned2);
        Assert.Equal(Today.PlusDays(20), planned1.Due);
    }

    [Fact]
    public void Plan_ToString_OneLinePerPlannedTouch()
    {
        var diary = new Diary([Zoe, new Relationship("max", "Max Mustermann", "client").WithPreferredChannels(Channel.Note)], [Ago(41, Channel.Meeting)]);

        var plan = new Scheduler().Plan(diary, Today);

        Assert.Equal(
            "2026-03-13 Write to Max Mustermann: No touch yet: time for a first one; clients are due every 30 days (at most 45); prefers a note."
            + System.Environment.NewLine
            + "2026-03-13 Call Zoë Müller: Last met 41 days ago; clients are due every 30 days (at most 45); 11 days overdue (was due Mon 2 Mar 2026).",
            plan.ToString());
    }

    [Fact]
    public void Scheduler_WithoutOptions_UsesTheDefaults()
    {
        Assert.Same(SchedulerOptions.Default, new Scheduler().Options);
        Assert.Same(SchedulerOptions.Default, new Scheduler(null).Options);
    }
}
