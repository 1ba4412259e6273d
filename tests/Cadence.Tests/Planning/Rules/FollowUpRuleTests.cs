using System.Linq;
using Cadence.Calendars;
using Cadence.Explanations;
using NodaTime;
using static Cadence.Tests.Planning.Rules.RuleFixture;

namespace Cadence.Tests.Planning.Rules;

/// <summary>Rule 2, a follow-up ladder (<see cref="FollowUpRule"/>): it takes over from the cadence while a ladder has a step left.</summary>
public sealed class FollowUpRuleTests
{
    private static readonly FollowUpLadder Chase = FollowUpLadder.Parse("proposal chase", "3wd:note,5wd:call");

    /// <summary>An email of yours, <paramref name="daysAgo"/> days ago, with no answer yet (a note of yours is never their reply).</summary>
    private static Touch Email(int daysAgo, FollowUpLadder? ladder = null) => Touch(daysAgo, Channel.Note, medium: "email").WithFollowUp(ladder);

    private static Candidate FollowUp(Diary diary, SchedulerOptions? options = null) => Through(FollowUpRule.Instance, Facts(diary, options));

    [Fact]
    public void Apply_LadderOnTheLatestAttempt_TakesOverWithItsFirstStepInWorkingDays()
    {
        // Thu 12 Mar + 3 working days = Tue 17 Mar.
        var diary = new Diary([Zoe], [Email(1, Chase)]);

        var candidate = FollowUp(diary);

        Assert.Same(FollowUpRule.Instance, candidate.Rule);
        Assert.Equal(Day(4), candidate.Day);
        Assert.Equal(Day(4), candidate.Opens);
        Assert.Equal(Day(26), candidate.NotAfter); // the cadence's latest day: 0.6 × 45 = 27 days after the note
        Assert.Equal(Channel.Note, candidate.Channel);
        Assert.False(candidate.IsFixed);
        Assert.Equal(-1, candidate.WaitedFor);

        var planned = Planned(diary);
        Assert.True(planned.IsFollowUp);
        Assert.Equal([typeof(FollowUpReason)], Kinds(planned));
        // Inside the minimum gap (14 days after the note): the user's own pacing, and the reason says so.
        Assert.Equal(Day(13), planned.Reasons.OfType<FollowUpReason>().Single().MinimumGapEnds);
    }

    [Fact]
    public void Apply_CalendarDayLadder_CountsEveryDay()
    {
        var candidate = FollowUp(new Diary([Zoe], [Email(1, FollowUpLadder.Parse("quick", "3d:note"))]));

        Assert.Equal(Day(2), candidate.Day); // Sunday 15 March
    }

    [Fact]
    public void Apply_WorkingDaysOnTheOwnerCalendar_SkipItsHolidays()
    {
        var options = SchedulerOptions.Default.WithCalendar(OwnerCalendar.ForZone("Europe/London").WithHolidays(new LocalDate(2026, 3, 16)));

        var candidate = FollowUp(new Diary([Zoe], [Email(1, Chase)]), options);

        Assert.Equal(Day(5), candidate.Day); // Fri 13, (Mon 16 off), Tue 17, Wed 18
    }

    [Fact]
    public void Apply_ALaterAttemptWithoutALadder_IsAStepTaken_TheNextStepCountsFromIt()
    {
        // Started Mon 2 Mar; Thu 5 Mar was step 1; step 2 is 5 working days after it: Thu 12 Mar, by call.
        var diary = new Diary([Zoe], [Email(11, Chase), Email(8)]);

        var candidate = FollowUp(diary);

        Assert.Equal(Day(-1), candidate.Day);
        Assert.Equal(Channel.Call, candidate.Channel);
        Assert.Equal([typeof(FollowUpReason), typeof(OverdueReason)], Kinds(Planned(diary)));
    }

    [Fact]
    public void Apply_ALaterAttemptWithALadderOfItsOwn_StartsThatLadder()
    {
        var diary = new Diary([Zoe], [Email(10, Chase), Email(3, FollowUpLadder.Parse("nudge", "1d:social"))]);

        var candidate = FollowUp(diary);

        Assert.Equal(Day(-2), candidate.Day);
        Assert.Equal(Channel.Social, candidate.Channel);
    }

    [Fact]
    public void Apply_TheirReplyEndsTheLadder_TheCadencesCandidateStays()
    {
        var diary = new Diary([Zoe], [Email(5, Chase), Touch(2, Channel.Note, Direction.Inbound)]);
        var facts = Facts(diary);
        var routine = Before(FollowUpRule.Instance, facts);

        var candidate = Apply(FollowUpRule.Instance, facts, routine);

        Assert.Same(RoutineRule.Instance, candidate.Rule);
        Assert.Equal(routine.Day, candidate.Day);
        Assert.Null(candidate.Channel);
        Assert.Null(candidate.Note);
    }

    [Fact]
    public void Apply_ACallOfYoursThatConnected_IsAReplyAndEndsIt()
    {
        var candidate = FollowUp(new Diary([Zoe], [Email(5, Chase), Touch(2, Channel.Call)]));

        Assert.Same(RoutineRule.Instance, candidate.Rule);
    }

    [Fact]
    public void Apply_AllStepsTaken_OnlyNotesThatTheLadderEnded()
    {
        var diary = new Diary([Zoe], [Email(10, FollowUpLadder.Parse("once", "2d:call")), Email(6)]);
        var facts = Facts(diary);
        var routine = Before(FollowUpRule.Instance, facts);

        var candidate = Apply(FollowUpRule.Instance, facts, routine);

        Assert.Same(RoutineRule.Instance, candidate.Rule);
        Assert.Equal(routine.Day, candidate.Day);
        Assert.Equal(routine.NotAfter, candidate.NotAfter);
        Assert.Equal("once", candidate.Note?.Ended?.Ladder);
        Assert.Equal(typeof(LadderEndedReason), Kinds(Planned(diary))[0]);
    }

    [Fact]
    public void Apply_TheTiersLadder_RunsWhenTheAttemptSaysNothing_AndNoneOptsOut()
    {
        var options = SchedulerOptions.Default.WithRules(CadenceRules.Default.WithLadder("client", Chase));

        Assert.Same(FollowUpRule.Instance, FollowUp(new Diary([Zoe], [Email(1)]), options).Rule);
        Assert.Same(RoutineRule.Instance, FollowUp(new Diary([Zoe], [Email(1, FollowUpLadder.None)]), options).Rule);
        Assert.Same(RoutineRule.Instance, FollowUp(new Diary([Zoe], [Email(1)])).Rule);
    }

    [Fact]
    public void Apply_NothingRenewed_TheLatestDayIsTheStepsOwn()
    {
        var candidate = FollowUp(new Diary([Zoe], [Touch(1, Channel.Call, outcome: Outcome.NoReply).WithFollowUp(Chase)]));

        Assert.Equal(Day(4), candidate.Day);
        Assert.Equal(Day(4), candidate.NotAfter);
    }

    [Fact]
    public void Apply_TheCadencesLatestDayBeforeTheStep_TheLatestDayIsTheStepsOwn()
    {
        // Met 44 days ago: the cadence's latest day is tomorrow; the step waits 10 days after yesterday's missed call.
        var diary = new Diary([Zoe], [Touch(44), Touch(1, Channel.Call, outcome: Outcome.NoReply).WithFollowUp(FollowUpLadder.Parse("slow", "10d:call"))]);

        var candidate = FollowUp(diary);

        Assert.Equal(Day(9), candidate.Day);
        Assert.Equal(Day(9), candidate.NotAfter);
    }
}
