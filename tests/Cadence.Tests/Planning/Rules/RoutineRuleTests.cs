using Cadence.Explanations;
using NodaTime;
using static Cadence.Tests.Planning.Rules.RuleFixture;

namespace Cadence.Tests.Planning.Rules;

/// <summary>Rule 1, the cadence and its floor (<see cref="RoutineRule"/>): it always offers the first candidate.</summary>
public sealed class RoutineRuleTests
{
    private static Candidate Routine(Diary diary, SchedulerOptions? options = null) => Apply(RoutineRule.Instance, Facts(diary, options), default);

    [Fact]
    public void Apply_NeverTouched_DueTodayWithTheSlackBetweenTargetAndMaximumGap()
    {
        var candidate = Routine(new Diary([Zoe]));

        Assert.Same(RoutineRule.Instance, candidate.Rule);
        Assert.Equal(Today, candidate.Day);
        Assert.Equal(Day(15), candidate.NotAfter); // 45 - 30 days
        Assert.Null(candidate.Opens);
        Assert.False(candidate.IsFixed);
        Assert.Equal(-1, candidate.WaitedFor);
        Assert.Equal([typeof(FirstTouchReason), typeof(CadenceReason)], Kinds(Planned(new Diary([Zoe]))));
    }

    [Fact]
    public void Apply_MetTwentyDaysAgo_DueAtTheTargetLatestAtTheMaximumGapOpensAtTheFloor()
    {
        var diary = new Diary([Zoe], [Touch(20)]);

        var candidate = Routine(diary);

        Assert.Equal(Day(10), candidate.Day);      // 20 days ago + 30
        Assert.Equal(Day(25), candidate.NotAfter); // + 45
        Assert.Equal(Day(-6), candidate.Opens);    // + 14: the floor, already past
        Assert.Equal(-1, candidate.WaitedFor);
        Assert.False(candidate.IsFixed);
        Assert.Equal([typeof(RenewalReason), typeof(CadenceReason)], Kinds(Planned(diary)));
    }

    [Fact]
    public void Apply_NoteWithCredit_ScalesTargetAndMaximumGap()
    {
        // A note counts 0.6: 0.6 × 30 = 18 days, 0.6 × 45 = 27 days.
        var candidate = Routine(new Diary([Zoe], [Touch(10, Channel.Note)]));

        Assert.Equal(Day(8), candidate.Day);
        Assert.Equal(Day(17), candidate.NotAfter);
    }

    [Fact]
    public void Apply_MonthlyRuleWithCredit_MeasuresTheMonthInDaysThenRoundsDown()
    {
        // From 31 January a month is 28 days (to 28 February); 0.6 × 28 = 16.8, so 16 days: 16 February.
        var zoe = Zoe.WithRule(new CadenceRule(Period.Zero, Period.FromMonths(1), Period.FromMonths(2)));
        var diary = new Diary([zoe], [new Touch("zoe", new LocalDate(2026, 1, 31), Channel.Note)]);

        var candidate = Routine(diary);

        Assert.Equal(new LocalDate(2026, 2, 16), candidate.Day);
        Assert.Equal(new LocalDate(2026, 3, 7), candidate.NotAfter); // to 31 March, 59 days; × 0.6 = 35.4: 35 days
    }

    [Fact]
    public void Apply_AnOlderMeetingRenewsFurtherThanALaterSocialTouch_TheFurthestRenewalCounts()
    {
        var diary = new Diary([Zoe], [Touch(5), Touch(1, Channel.Social)]);

        var candidate = Routine(diary);

        Assert.Equal(Day(25), candidate.Day);
        Assert.Equal(Day(40), candidate.NotAfter);
        Assert.Equal([typeof(RenewalReason), typeof(LatestTouchReason), typeof(CadenceReason)], Kinds(Planned(diary)));
    }

    [Fact]
    public void Apply_OverdueButAnAttemptThreeDaysAgo_TheFloorHoldsItToTheEndOfTheMinimumGap()
    {
        var diary = new Diary([Zoe], [Touch(40), Touch(3, Channel.Call, outcome: Outcome.NoReply)]);
        var facts = Facts(diary);

        var candidate = Apply(RoutineRule.Instance, facts, default);

        Assert.Equal(Day(11), candidate.Day); // 3 days ago + 14
        Assert.Equal(Day(11), candidate.Opens);
        Assert.Equal(Day(5), candidate.NotAfter); // 40 days ago + 45: late
        Assert.Equal(facts.LastAttempt, candidate.WaitedFor);
        Assert.Equal(
            [typeof(RenewalReason), typeof(LatestTouchReason), typeof(CadenceReason), typeof(WaitReason)],
            Kinds(Planned(diary)));
    }

    [Fact]
    public void Apply_FloorBeforeTheDueDay_DoesNotHoldIt()
    {
        var candidate = Routine(new Diary([Zoe], [Touch(2)]));

        Assert.Equal(Day(28), candidate.Day);
        Assert.Equal(Day(12), candidate.Opens);
        Assert.Equal(-1, candidate.WaitedFor);
    }

    [Fact]
    public void Apply_OnlyTheirTouches_NoFloorAndNoWindowOfItsOwn()
    {
        var candidate = Routine(new Diary([Zoe], [Touch(5, Channel.Call, Direction.Inbound)]));

        Assert.Equal(Day(25), candidate.Day);
        Assert.Null(candidate.Opens);
    }

    [Fact]
    public void Apply_OnlyAnUnansweredAttempt_AFirstTouchHeldByTheFloor_ItsLatestDayCountedFromThere()
    {
        var diary = new Diary([Zoe], [Touch(3, Channel.Call, outcome: Outcome.NoReply)]);

        var candidate = Routine(diary);

        Assert.Equal(Day(11), candidate.Day);
        Assert.Equal(Day(26), candidate.NotAfter);
        Assert.Equal(
            [typeof(FirstTouchReason), typeof(LatestTouchReason), typeof(CadenceReason), typeof(WaitReason)],
            Kinds(Planned(diary)));
    }

    [Fact]
    public void Apply_FirstTouchWhilePaused_ItsLatestDayCountsFromThePausesEnd()
    {
        var candidate = Routine(new Diary([Zoe.PauseUntil(Day(10))]));

        Assert.Equal(Today, candidate.Day); // the pause, later in the list, holds it
        Assert.Equal(Day(25), candidate.NotAfter);
    }

    [Fact]
    public void Apply_OwnRule_WinsOverTheTiers()
    {
        var candidate = Routine(new Diary([Zoe.WithRule(CadenceRule.FromDays(1, 7, 10))], [Touch(2)]));

        Assert.Equal(Day(5), candidate.Day);
        Assert.Equal(Day(8), candidate.NotAfter);
        Assert.Equal(Day(-1), candidate.Opens);
    }
}
