using System;
using System.Collections.Generic;
using System.Linq;
using Cadence.Calendars;
using NodaTime;

namespace Cadence.Tests.NextSteps;

/// <summary>
/// The essays' next steps, lived day by day as a user would: a promise, a chase, a follow-up decided when the first
/// email goes out, a reply that closes it. Each test reads the agenda's reason text.
/// </summary>
public class NextStepTests
{
    // Tue 3 Mar 2026: the email goes out.
    private static readonly LocalDate Tue3Mar = new(2026, 3, 3);

    private static readonly Relationship Sam = new("sam", "Sam Okafor", "prospect");

    /// <summary>Prospects: at least 1 week between attempts, every 2 weeks, at most 3.</summary>
    private static readonly FollowUpLadder Prospect = new("prospect", DayCount.WorkingDays, new FollowUpStep(3, Channel.Note), new FollowUpStep(5, Channel.Call));

    private static Diary Start => new([Sam]);

    private static PlannedTouch PlanSam(Diary diary, LocalDate today, SchedulerOptions? options = null) =>
        new Scheduler(options).PlanFor(diary, "sam", today)!;

    private static Touch Email(LocalDate day, FollowUpLadder? ladder = null) =>
        new Touch("sam", day, Channel.Note, medium: "email").WithFollowUp(ladder);

    // ---------------------------------------------------------------- waiting for them

    [Fact]
    public void NoReplyToTheProposalByFriday_Chase_ButTheirReplyOnWednesdayClosesIt()
    {
        var diary = Start
            .Log(Email(Tue3Mar) with { })
            .Promise(new Commitment("chase", "sam", new LocalDate(2026, 3, 6), "chase feedback on the proposal", Channel.Call, madeOn: Tue3Mar, kind: CommitmentKind.UnlessReply));

        // Thursday: no word yet, the chase is Friday's step.
        var thursday = PlanSam(diary, new LocalDate(2026, 3, 5));
        Assert.Equal(new LocalDate(2026, 3, 6), thursday.Due);
        Assert.StartsWith("Next step for Fri 6 Mar 2026: chase feedback on the proposal", thursday.Why);

        // They reply on Wednesday, logged on Thursday morning: nothing to chase.
        var replied = diary.Log(new Touch("sam", new LocalDate(2026, 3, 4), Channel.Note, Direction.Inbound, medium: "email"));
        Assert.False(replied.GetCommitment("chase").IsOpen);
        Assert.Equal("No need for \"chase feedback on the proposal\": they replied by email on Wed 4 Mar 2026.", Reason.Sentence([replied.WhyClosed("chase")!]));
        var after = PlanSam(replied, new LocalDate(2026, 3, 5));
        Assert.False(after.IsPinned);
        Assert.DoesNotContain("chase", after.Why, StringComparison.Ordinal);
        Assert.StartsWith("They last wrote yesterday (email)", after.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void TheySaidTheydCallNextWeek_CallThemIfNot()
    {
        var met = new LocalDate(2026, 3, 6);
        var diary = Start
            .Log(new Touch("sam", met, Channel.Meeting, medium: "coffee"))
            .Promise(new Commitment("their-call", "sam", new LocalDate(2026, 3, 13), "call them if they have not called", Channel.Call, madeOn: met, kind: CommitmentKind.UnlessReply));

        // They did not call: on Friday the step is due, and stays the next step until taken.
        var friday = PlanSam(diary, new LocalDate(2026, 3, 13));
        Assert.True(friday.IsPinned);
        Assert.Equal(Channel.Call, friday.Channel);
        Assert.StartsWith("Next step for Fri 13 Mar 2026: call them if they have not called", friday.Why);

        // Had they called on Wednesday, the step would be gone, with the reason.
        var theyCalled = diary.Log(new Touch("sam", new LocalDate(2026, 3, 11), Channel.Call, Direction.Inbound));
        Assert.Equal("No need for \"call them if they have not called\": they replied by call on Wed 11 Mar 2026.", Reason.Sentence([theyCalled.WhyClosed("their-call")!]));
        Assert.False(PlanSam(theyCalled, new LocalDate(2026, 3, 13)).IsPinned);
    }

    [Fact]
    public void AStepOfYours_IsNotClosedByTheirReplyBeforeItsDay_OnlyAStepThatWaitsForAReplyIs()
    {
        var diary = Start.Promise(new Commitment("deck", "sam", new LocalDate(2026, 3, 13), "send the deck", Channel.Note, madeOn: Tue3Mar));

        var theyWrote = diary.Log(new Touch("sam", new LocalDate(2026, 3, 5), Channel.Note, Direction.Inbound));

        Assert.True(theyWrote.GetCommitment("deck").IsOpen);
    }

    [Fact]
    public void AReplyBeforeTheStepWasMade_ClosesNothing()
    {
        var diary = Start
            .Log(new Touch("sam", new LocalDate(2026, 3, 2), Channel.Call, Direction.Inbound))
            .Promise(new Commitment("chase", "sam", new LocalDate(2026, 3, 9), "chase", madeOn: Tue3Mar, kind: CommitmentKind.UnlessReply));

        var corrected = diary.CorrectTouch("sam/1", diary.GetTouch("sam/1").WithSummary("asked for a proposal"));

        Assert.True(corrected.GetCommitment("chase").IsOpen);
    }

    // ---------------------------------------------------------------- follow-up ladders

    [Fact]
    public void Ladder_DecidedWhenTheEmailGoesOut_WriteAgainAfter3WorkingDays_Call5Later_ThenBackToTheCadence()
    {
        var diary = Start.Log(Email(Tue3Mar, Prospect));

        // Wed 4 Mar: the first follow-up is Fri 6 Mar, three working days on, sooner than the week's minimum gap.
        var first = PlanSam(diary, new LocalDate(2026, 3, 4));
        Assert.True(first.IsFollowUp);
        Assert.False(first.IsFixed);
        Assert.Equal(new LocalDate(2026, 3, 6), first.Due);
        Assert.Equal(Channel.Note, first.Channel);
        Assert.Equal(
            "First follow-up of 2 after no reply to the email of Tue 3 Mar 2026: 3 working days after the attempt of Tue 3 Mar 2026 (ladder \"prospect\"), sooner than the minimum gap allows (Tue 10 Mar 2026) because you chose this ladder.",
            first.Why);

        // Fri 6 Mar: written again, no reply. The call is five working days on: Fri 13 Mar.
        diary = diary.Log(Email(new LocalDate(2026, 3, 6)));
        var second = PlanSam(diary, new LocalDate(2026, 3, 9));
        Assert.Equal(new LocalDate(2026, 3, 13), second.Due);
        Assert.Equal(Channel.Call, second.Channel);
        Assert.StartsWith("Second follow-up of 2 after no reply to the email of Tue 3 Mar 2026: 5 working days after the attempt of Fri 6 Mar 2026", second.Why);

        // Fri 13 Mar: the call goes unanswered. The ladder has ended: back to the cadence, which says so.
        diary = diary.Log(new Touch("sam", new LocalDate(2026, 3, 13), Channel.Call, outcome: Outcome.NoReply));
        var back = PlanSam(diary, new LocalDate(2026, 3, 16));
        Assert.False(back.IsFollowUp);
        Assert.StartsWith("No reply to the email of Tue 3 Mar 2026 after 2 follow-ups (ladder \"prospect\"): back to the cadence; ", back.Why);
        Assert.True(back.Due >= new LocalDate(2026, 3, 20), $"the cadence's minimum gap after the call of Fri 13 Mar holds: {back.Due}");
    }

    [Fact]
    public void Ladder_NamesTheAttemptByItsChannel_WithAMediumInTheUsersWordsInBrackets()
    {
        var diary = Start.Log(new Touch("sam", Tue3Mar, Channel.Social, medium: "LinkedIn message").WithFollowUp(Prospect));

        var first = PlanSam(diary, new LocalDate(2026, 3, 4));

        Assert.StartsWith("First follow-up of 2 after no reply to the social touch (LinkedIn message) of Tue 3 Mar 2026", first.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Ladder_StopsAtTheFirstReply()
    {
        var diary = Start
            .Log(Email(Tue3Mar, Prospect))
            .Log(new Touch("sam", new LocalDate(2026, 3, 5), Channel.Note, Direction.Inbound, medium: "email"));

        var planned = PlanSam(diary, new LocalDate(2026, 3, 6));

        Assert.False(planned.IsFollowUp);
        Assert.DoesNotContain("follow-up", planned.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Ladder_ACallThatConnects_IsAReply()
    {
        var diary = Start
            .Log(Email(Tue3Mar, Prospect))
            .Log(new Touch("sam", new LocalDate(2026, 3, 6), Channel.Call));

        Assert.False(PlanSam(diary, new LocalDate(2026, 3, 9)).IsFollowUp);
    }

    [Fact]
    public void Ladder_CountsWorkingDaysOnTheOwnersCalendar_HolidaysAndTimeOffSkipped()
    {
        var calendar = OwnerCalendar.ForZone("Europe/London")
            .WithHolidays(new LocalDate(2026, 3, 5))
            .WithTimeOff(new LocalDate(2026, 3, 9), new LocalDate(2026, 3, 10));
        var options = SchedulerOptions.Default.WithCalendar(calendar);
        var diary = Start.Log(Email(Tue3Mar, Prospect));

        // Working days after Tue 3 Mar: Wed 4, (Thu 5 holiday), Fri 6, (weekend), (Mon 9, Tue 10 off), Wed 11.
        var planned = PlanSam(diary, new LocalDate(2026, 3, 4), options);

        Assert.Equal(new LocalDate(2026, 3, 11), planned.Due);
    }

    [Fact]
    public void Ladder_InCalendarDays_CountsEveryDay()
    {
        var ladder = new FollowUpLadder("quick", DayCount.CalendarDays, new FollowUpStep(4, Channel.Social));
        var diary = Start.Log(Email(Tue3Mar, ladder));

        var planned = PlanSam(diary, Tue3Mar);

        Assert.Equal(new LocalDate(2026, 3, 7), planned.Due);
        Assert.Contains("4 days after the attempt of Tue 3 Mar 2026 (ladder \"quick\")", planned.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Ladder_TheTiersDefault_AppliesToAnEmailThatSaysNothing_AndNoneOverridesIt()
    {
        var options = SchedulerOptions.Default.WithRules(CadenceRules.Default.WithLadder("prospect", Prospect));

        var byDefault = PlanSam(Start.Log(Email(Tue3Mar)), new LocalDate(2026, 3, 4), options);
        var optedOut = PlanSam(Start.Log(Email(Tue3Mar, FollowUpLadder.None)), new LocalDate(2026, 3, 4), options);

        Assert.True(byDefault.IsFollowUp);
        Assert.Equal(new LocalDate(2026, 3, 6), byDefault.Due);
        Assert.False(optedOut.IsFollowUp);
        Assert.Equal(new LocalDate(2026, 3, 11), optedOut.Due);
        Assert.DoesNotContain("follow-up", optedOut.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Ladder_IsNotAllowedOnATouchTheyStarted()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Touch("sam", Tue3Mar, Channel.Note, Direction.Inbound).WithFollowUp(Prospect));

        Assert.Contains("\"prospect\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("inbound", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(367)]
    public void Ladder_StepOutOfRange_IsRejectedNamingTheValue(int days)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FollowUpStep(days, Channel.Note));

        Assert.Contains($"got {days}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ladder_WithoutSteps_OrTooMany_IsRejected()
    {
        var none = Assert.Throws<ArgumentException>(() => new FollowUpLadder("empty", DayCount.WorkingDays));
        var many = Assert.Throws<ArgumentException>(() => new FollowUpLadder("long", DayCount.WorkingDays, Enumerable.Repeat(new FollowUpStep(1, Channel.Note), 13)));
        var count = Assert.Throws<ArgumentOutOfRangeException>(() => new FollowUpLadder("odd", (DayCount)7, new FollowUpStep(1, Channel.Note)));

        Assert.Contains("\"empty\" has no steps", none.Message, StringComparison.Ordinal);
        Assert.Contains("\"long\" has 13 steps", many.Message, StringComparison.Ordinal);
        Assert.Contains("7", count.Message, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- the floor holds for promises

    [Fact]
    public void APromiseInsideTheGapAfterAnUnansweredCall_IsCarriedToTheFloor_AndListedOnce()
    {
        var mon2 = new LocalDate(2026, 3, 2);
        var diary = Start
            .Log(new Touch("sam", mon2, Channel.Call, outcome: Outcome.NoReply))
            .Promise(new Commitment("again", "sam", new LocalDate(2026, 3, 4), "call again", Channel.Call, madeOn: mon2));

        // Every morning from Wednesday to Sunday, the next call is Monday 9, not "overdue" every day.
        for (var day = new LocalDate(2026, 3, 4); day <= new LocalDate(2026, 3, 8); day = day.PlusDays(1))
        {
            var planned = PlanSam(diary, day);
            Assert.Equal(new LocalDate(2026, 3, 9), planned.Due);
            Assert.False(planned.IsOverdue);
            Assert.StartsWith(
                "Next step for Wed 4 Mar 2026: call again; promised for Wed 4 Mar 2026, but the attempt of Mon 2 Mar 2026 is unanswered: leave at least 1 week between attempts, so carried to Mon 9 Mar 2026; ",
                planned.Why,
                StringComparison.Ordinal);
        }

        // Monday's call is unanswered too: it takes the step, and the promise is not listed again.
        diary = diary.Log(new Touch("sam", new LocalDate(2026, 3, 9), Channel.Call, outcome: Outcome.NoReply));
        Assert.False(diary.GetCommitment("again").IsOpen);
        Assert.False(PlanSam(diary, new LocalDate(2026, 3, 10)).IsPinned);
    }

    [Fact]
    public void APromiseAfterAConversation_IsKeptInsideTheGap_ItWasAgreedWithThem()
    {
        var mon2 = new LocalDate(2026, 3, 2);
        var diary = Start
            .Log(new Touch("sam", mon2, Channel.Call))
            .Promise(new Commitment("again", "sam", new LocalDate(2026, 3, 4), "send the figures", Channel.Note, madeOn: mon2));

        var planned = PlanSam(diary, new LocalDate(2026, 3, 3));

        Assert.Equal(new LocalDate(2026, 3, 4), planned.Due);
        Assert.DoesNotContain("carried", planned.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void AMoveByHand_MayComeSoonerThanTheFloor_AndThePlanSaysSo()
    {
        var mon2 = new LocalDate(2026, 3, 2);
        var diary = Start
            .Log(new Touch("sam", mon2, Channel.Call, outcome: Outcome.NoReply))
            .Promise(new Commitment("again", "sam", new LocalDate(2026, 3, 4), "call again", Channel.Call, madeOn: mon2))
            .Move(new ManualMove("sam", new LocalDate(2026, 3, 4), mon2));

        var planned = PlanSam(diary, new LocalDate(2026, 3, 3));

        Assert.Equal(new LocalDate(2026, 3, 4), planned.Due);
        Assert.Contains("brought forward by hand from Mon 9 Mar 2026 to Wed 4 Mar 2026", planned.Why, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- an overdue promise goes on a working day

    private static readonly LocalDate Sat4Apr = new(2026, 4, 4);

    private static PlannedTouch LevelOverdue(OwnerCalendar calendar, params Relationship[] others)
    {
        var diary = new Diary(
            [Sam, .. others],
            [new Touch("sam", new LocalDate(2026, 3, 20), Channel.Meeting), .. others.Select(o => new Touch(o.Id, new LocalDate(2026, 2, 1), Channel.Call))],
            [new Commitment("deck", "sam", new LocalDate(2026, 4, 2), "send the deck", Channel.Note, madeOn: new LocalDate(2026, 3, 20))]);
        var levelled = new Leveller(calendar).Level(new Scheduler().Plan(diary, Sat4Apr));
        return levelled["sam"];
    }

    [Fact]
    public void AnOverduePromise_OnASaturday_GoesToMonday_AheadOfTheCadence()
    {
        var sam = LevelOverdue(OwnerCalendar.ForZone("Europe/London"));

        Assert.Equal(new LocalDate(2026, 4, 6), sam.Due);
        Assert.True(sam.IsFixed);
        Assert.Equal(
            "Next step for Thu 2 Apr 2026: send the deck; last met 15 days ago; 2 days overdue (was due Thu 2 Apr 2026); moved from Sat 4 Apr 2026: not a working day.",
            sam.Why);
    }

    [Fact]
    public void AnOverduePromise_WhenMondayIsAHoliday_GoesToTuesday()
    {
        var sam = LevelOverdue(OwnerCalendar.ForZone("Europe/London").WithHolidays(new LocalDate(2026, 4, 6)));

        Assert.Equal(new LocalDate(2026, 4, 7), sam.Due);
        Assert.EndsWith("moved from Sat 4 Apr 2026: not a working day.", sam.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOverduePromise_DuringTimeOff_GoesToTheFirstDayBack()
    {
        var sam = LevelOverdue(OwnerCalendar.ForZone("Europe/London").WithTimeOff(new LocalDate(2026, 4, 3), new LocalDate(2026, 4, 10)));

        Assert.Equal(new LocalDate(2026, 4, 13), sam.Due);
        Assert.EndsWith("moved from Sat 4 Apr 2026: time off.", sam.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOverduePromise_TakesMondaysRoomBeforeTheCadencesTouches()
    {
        // One touch a day; Monday would otherwise go to the most overdue cadence touch.
        var calendar = OwnerCalendar.ForZone("Europe/London").WithBudget(new TouchBudget(1));
        var max = new Relationship("max", "Max", "client");

        var sam = LevelOverdue(calendar, max);
        var diary = new Diary([Sam, max], [new Touch("sam", new LocalDate(2026, 3, 20), Channel.Meeting), new Touch("max", new LocalDate(2026, 2, 1), Channel.Call)], [new Commitment("deck", "sam", new LocalDate(2026, 4, 2), "send the deck", Channel.Note, madeOn: new LocalDate(2026, 3, 20))]);
        var levelled = new Leveller(calendar).Level(new Scheduler().Plan(diary, Sat4Apr));

        Assert.Equal(new LocalDate(2026, 4, 6), sam.Due);
        Assert.Equal(new LocalDate(2026, 4, 7), levelled["max"].Due);
        Assert.Contains("moved from Sat 4 Apr 2026: not a working day", levelled["max"].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoOverduePromises_WithRoomForOne_TheMoreOverdueFirst_TheOtherSaysTheBudgetIsReached()
    {
        var calendar = OwnerCalendar.ForZone("Europe/London").WithBudget(new TouchBudget(1));
        var zoe = new Relationship("zoe", "Zoë", "client");
        var diary = new Diary(
            [Sam, zoe],
            [],
            [
                new Commitment("deck", "sam", new LocalDate(2026, 4, 2), "send the deck"),
                new Commitment("call", "zoe", new LocalDate(2026, 3, 30), "call back"),
            ]);

        var levelled = new Leveller(calendar).Level(new Scheduler().Plan(diary, new LocalDate(2026, 4, 6)));

        Assert.Equal(new LocalDate(2026, 4, 6), levelled["zoe"].Due);
        Assert.Equal(new LocalDate(2026, 4, 7), levelled["sam"].Due);
        Assert.EndsWith("moved from Mon 6 Apr 2026: budget of 1 a day reached.", levelled["sam"].Why, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- a promise beyond the cadence

    [Fact]
    public void APromiseMonthsAway_KeepsTheCadencesTouchFirst_ThePromiseFollows()
    {
        // Issue 25: a promise months away used to pin the touch to its day and warn every morning, with nothing before.
        var diary = Start
            .Log(new Touch("sam", Tue3Mar, Channel.Meeting, medium: "coffee"))
            .Promise(new Commitment("q3", "sam", new LocalDate(2026, 6, 1), "call after the summer budget", Channel.Call, madeOn: Tue3Mar));

        var planned = PlanSam(diary, new LocalDate(2026, 3, 4));

        Assert.False(planned.IsPinned);
        Assert.Equal("q3", planned.PromiseAfter?.Id);
        Assert.True(planned.Due <= planned.NotAfter && planned.NotAfter < new LocalDate(2026, 6, 1), planned.ToString());
        Assert.EndsWith("before the next step for Mon 1 Jun 2026: call after the summer budget.", planned.Why, StringComparison.Ordinal);

        // Logged, the cadence's touch leaves the promise open; once the promise is inside the cadence, it pins the day.
        var touched = diary.Log(new Touch("sam", planned.Due, Channel.Call));
        Assert.True(touched.GetCommitment("q3").IsOpen);
        var moved = diary.Update(diary.GetCommitment("q3").MoveTo(new LocalDate(2026, 3, 20)));
        Assert.True(PlanSam(moved, new LocalDate(2026, 3, 4)).IsPinned);
        Assert.Null(PlanSam(moved, new LocalDate(2026, 3, 4)).PromiseAfter);
    }

    // ---------------------------------------------------------------- the commitment lifecycle

    [Fact]
    public void Commitment_DoneDroppedAndReopened_ById_WithTheDay()
    {
        var diary = Start.Promise(new Commitment("deck", "sam", new LocalDate(2026, 3, 13), "send the deck", madeOn: Tue3Mar));

        var done = diary.CompleteCommitment("deck", new LocalDate(2026, 3, 5));
        var dropped = diary.DropCommitment("deck", new LocalDate(2026, 3, 6));
        var reopened = done.ReopenCommitment("deck");

        Assert.Equal((CommitmentStatus.Done, (LocalDate?)new LocalDate(2026, 3, 5)), (done.GetCommitment("deck").Status, done.GetCommitment("deck").ClosedOn));
        Assert.Equal("\"send the deck\": marked done on Thu 5 Mar 2026.", Reason.Sentence([done.WhyClosed("deck")!]));
        Assert.Equal("\"send the deck\": dropped on Fri 6 Mar 2026.", Reason.Sentence([dropped.WhyClosed("deck")!]));
        Assert.Equal(diary.GetCommitment("deck"), reopened.GetCommitment("deck"));
        Assert.Null(reopened.WhyClosed("deck"));
        Assert.True(PlanSam(reopened, new LocalDate(2026, 3, 6)).IsPinned);
        Assert.False(PlanSam(done, new LocalDate(2026, 3, 6)).IsPinned);
    }

    [Fact]
    public void Commitment_ContradictoryOrUnknown_ThrowsNamingIt_AndChangesNothing()
    {
        var diary = Start.Promise(new Commitment("deck", "sam", new LocalDate(2026, 3, 13), "send the deck", madeOn: Tue3Mar));
        var done = diary.CompleteCommitment("deck", new LocalDate(2026, 3, 5));

        var unknown = Assert.Throws<KeyNotFoundException>(() => diary.CompleteCommitment("dekc", Tue3Mar));
        var twice = Assert.Throws<InvalidOperationException>(() => done.DropCommitment("deck", new LocalDate(2026, 3, 6)));
        var open = Assert.Throws<InvalidOperationException>(() => diary.ReopenCommitment("deck"));
        var early = Assert.Throws<ArgumentException>(() => diary.CompleteCommitment("deck", new LocalDate(2026, 3, 2)));

        Assert.Contains("\"dekc\"", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("\"deck\" is already done on 2026-03-05", twice.Message, StringComparison.Ordinal);
        Assert.Contains("\"deck\" is already open", open.Message, StringComparison.Ordinal);
        Assert.Contains("2026-03-02", early.Message, StringComparison.Ordinal);
        Assert.Contains("2026-03-03", early.Message, StringComparison.Ordinal);
        Assert.True(diary.GetCommitment("deck").IsOpen);
    }

    [Fact]
    public void Commitment_MadeAfterItsDay_OrWaitingForAReplyWithoutTheDayItWasMade_IsRejected()
    {
        var late = Assert.Throws<ArgumentException>(() => new Commitment("x", "sam", Tue3Mar, "chase", madeOn: Tue3Mar.PlusDays(1)));
        var unknownDay = Assert.Throws<ArgumentException>(() => new Commitment("y", "sam", Tue3Mar, "chase", kind: CommitmentKind.UnlessReply));

        Assert.Contains("\"x\" is made on 2026-03-04", late.Message, StringComparison.Ordinal);
        Assert.Contains("\"y\" waits for a reply", unknownDay.Message, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- corrections

    [Fact]
    public void RemoveTouch_LoggedByMistake_ReopensWhatItClosed()
    {
        var diary = Start
            .Promise(new Commitment("deck", "sam", Tue3Mar, "send the deck", madeOn: Tue3Mar))
            .Log(new Touch("sam", Tue3Mar, Channel.Note, medium: "email"));
        Assert.Equal("\"send the deck\": done by the email of Tue 3 Mar 2026.", Reason.Sentence([diary.WhyClosed("deck")!]));

        var removed = diary.RemoveTouch("sam/1");

        Assert.Empty(removed.Touches);
        Assert.True(removed.GetCommitment("deck").IsOpen);
        Assert.Throws<KeyNotFoundException>(() => removed.GetTouch("sam/1"));
    }

    [Fact]
    public void CorrectTouch_ItWasTheirCallNotMine_ReclosesByTheRule()
    {
        var diary = Start
            .Promise(new Commitment("deck", "sam", new LocalDate(2026, 3, 4), "send the deck", madeOn: Tue3Mar))
            .Log(new Touch("sam", new LocalDate(2026, 3, 4), Channel.Call, outcome: Outcome.NoReply));
        Assert.False(diary.GetCommitment("deck").IsOpen);

        // It was their missed call, not my attempt: the step is not taken.
        var corrected = diary.CorrectTouch("sam/1", new Touch("sam", new LocalDate(2026, 3, 4), Channel.Call, Direction.Inbound, Outcome.NoReply));

        Assert.True(corrected.GetCommitment("deck").IsOpen);
        Assert.Equal("sam/1", corrected.GetTouch("sam/1").Id);
        Assert.Equal(Direction.Inbound, corrected.GetTouch("sam/1").Direction);
    }

    [Fact]
    public void CorrectTouch_ToAnotherIdOrAnUnknownRelationship_ThrowsAndChangesNothing()
    {
        var diary = Start.Log(new Touch("sam", Tue3Mar, Channel.Call));

        var otherId = Assert.Throws<ArgumentException>(() => diary.CorrectTouch("sam/1", diary.GetTouch("sam/1").WithId("sam/9")));
        var unknown = Assert.Throws<ArgumentException>(() => diary.CorrectTouch("sam/1", new Touch("max", Tue3Mar, Channel.Call)));
        var missing = Assert.Throws<KeyNotFoundException>(() => diary.RemoveTouch("sam/2"));

        Assert.Contains("\"sam/9\"", otherId.Message, StringComparison.Ordinal);
        Assert.Contains("\"max\"", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("\"sam/2\"", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_GivesEachTouchAnId_AndADuplicateIdIsRejected()
    {
        var diary = Start.Log(new Touch("sam", Tue3Mar, Channel.Call)).Log(new Touch("sam", Tue3Mar, Channel.Note).WithId("mine"));
        diary = diary.Log(new Touch("sam", Tue3Mar, Channel.Social));

        Assert.Equal(["sam/1", "mine", "sam/3"], diary.Touches.Select(t => t.Id));
        var ex = Assert.Throws<ArgumentException>(() => diary.Log(new Touch("sam", Tue3Mar, Channel.Call).WithId("mine")));
        Assert.Contains("\"mine\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Relationship_UnarchivedResumedAndEdited_ByTheDiary()
    {
        var diary = new Diary([Sam.Archive(), new Relationship("zoe", "Zoë", "client").PauseUntil(new LocalDate(2026, 6, 1))]);

        var unarchived = diary.Unarchive("sam");
        var resumed = diary.Resume("zoe");
        var edited = diary.Update("sam", r => r.WithName("Sam O.").WithTier("client").WithPreferredChannels(Channel.Meeting).WithWeekend(IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday).WithTimeZone(DateTimeZoneProviders.Tzdb["Africa/Lagos"]));

        Assert.Equal(RelationshipState.Active, unarchived["sam"].State);
        Assert.NotNull(new Scheduler().PlanFor(unarchived, "sam", Tue3Mar));
        Assert.Equal(RelationshipState.Active, resumed["zoe"].State);
        Assert.Equal(Tue3Mar, new Scheduler().PlanFor(resumed, "zoe", Tue3Mar)!.Due);
        Assert.Equal(("Sam O.", "client"), (edited["sam"].Name, edited["sam"].Tier));
        Assert.Equal([IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday], edited["sam"].Weekend);
    }

    [Fact]
    public void Relationship_ContradictoryCorrections_ThrowNamingIt()
    {
        var diary = new Diary([Sam]);

        var notArchived = Assert.Throws<InvalidOperationException>(() => diary.Unarchive("sam"));
        var notPaused = Assert.Throws<InvalidOperationException>(() => diary.Resume("sam"));
        var renamedId = Assert.Throws<ArgumentException>(() => diary.Update("sam", _ => new Relationship("samuel", "Sam", "prospect")));

        Assert.Contains("\"sam\" is not archived: it is active", notArchived.Message, StringComparison.Ordinal);
        Assert.Contains("\"sam\" is not paused: it is active", notPaused.Message, StringComparison.Ordinal);
        Assert.Contains("\"samuel\"", renamedId.Message, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- a past morning

    [Fact]
    public void WhatDidMyAgendaSayOn31May_ThePlanOfThatDay_LeavesOutWhatCameAfter()
    {
        var may20 = new LocalDate(2026, 5, 20);
        var may31 = new LocalDate(2026, 5, 31);
        var diary = Start
            .Log(new Touch("sam", may20, Channel.Meeting, medium: "coffee"))
            .Promise(new Commitment("deck", "sam", new LocalDate(2026, 6, 2), "send the deck", madeOn: may20))
            .Log(new Touch("sam", new LocalDate(2026, 6, 2), Channel.Note, medium: "email"))
            .Promise(new Commitment("later", "sam", new LocalDate(2026, 6, 20), "call", madeOn: new LocalDate(2026, 6, 3)));

        var then = new Scheduler().Plan(diary, may31);

        var sam = Assert.Single(then.Touches);
        Assert.Equal(new LocalDate(2026, 6, 2), sam.Due);
        Assert.Equal("deck", sam.Commitment!.Id);
        Assert.True(sam.Commitment.IsOpen);
        Assert.StartsWith("Next step for Tue 2 Jun 2026: send the deck; last met 11 days ago (coffee)", sam.Why);
        Assert.Equal(then, new Scheduler().Plan(diary.AsOf(may31), may31));
        Assert.Equal(sam, new Scheduler().PlanFor(diary, "sam", may31));
    }
}
