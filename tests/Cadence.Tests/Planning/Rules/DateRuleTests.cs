using Cadence.Explanations;
using NodaTime;
using static Cadence.Tests.Planning.Rules.RuleFixture;

namespace Cadence.Tests.Planning.Rules;

/// <summary>
/// Rule 6, a date that matters (<see cref="DateRule"/>): its touch on the lead day takes over when it comes first, or when
/// the cadence's touch is due at most <see cref="SchedulerOptions.DateWindowDays"/> before it. Zoë met 20 days ago, so
/// her routine touch is due Mon 23 March (in 10 days).
/// </summary>
public sealed class DateRuleTests
{
    private static ImportantDate Birthday(int month, int day, int lead = 0) => ImportantDate.Yearly("birthday", new AnnualDate(month, day), 1986).WithLeadDays(lead);

    private static Diary Met20DaysAgo(params ImportantDate[] dates) => new([Zoe.WithImportantDates(dates)], [Touch(20)]);

    private static Candidate Dated(Diary diary, SchedulerOptions? options = null, LocalDate? today = null) =>
        Through(DateRule.Instance, Facts(diary, options, today));

    [Fact]
    public void Apply_TheDateComesBeforeTheCadencesDay_TakesOverFixedWithItsWindowToTheDate()
    {
        var diary = Met20DaysAgo(Birthday(3, 20));

        var candidate = Dated(diary);

        Assert.Same(DateRule.Instance, candidate.Rule);
        Assert.True(candidate.IsFixed);
        Assert.Equal((Day(7), Day(7), Day(7)), (candidate.Day, candidate.NotAfter, candidate.Opens));
        Assert.Null(candidate.Note?.HeldFor);
        var planned = Planned(diary);
        Assert.True(planned.IsDateTouch);
        Assert.Equal([typeof(ImportantDateReason), typeof(RenewalReason), typeof(CadenceReason)], Kinds(planned));
    }

    [Fact]
    public void Apply_WithLeadDays_PlannedOnTheLeadDay_TheWindowRunsToTheDate()
    {
        var candidate = Dated(Met20DaysAgo(Birthday(3, 25, lead: 5)));

        Assert.Equal((Day(7), Day(12), Day(7)), (candidate.Day, candidate.NotAfter, candidate.Opens));
    }

    [Fact]
    public void Apply_LeadDayPassed_OverdueFromTheLeadDayUntilTheDate()
    {
        var diary = Met20DaysAgo(Birthday(3, 20, lead: 10));

        Assert.Equal(Day(-3), Dated(diary).Day);
        var planned = Planned(diary);
        Assert.Equal((Today, 3, Day(7)), (planned.Due, planned.DaysOverdue, planned.NotAfter));
    }

    [Fact]
    public void Apply_RoutineTouchDueShortlyBefore_WaitsForTheDate()
    {
        var diary = Met20DaysAgo(Birthday(3, 31));

        var candidate = Dated(diary);

        Assert.Equal(Day(18), candidate.Day);
        Assert.Equal(new HeldForDateReason(Day(10), 14), candidate.Note?.HeldFor);
        Assert.Equal(
            [typeof(ImportantDateReason), typeof(HeldForDateReason), typeof(RenewalReason), typeof(CadenceReason)],
            Kinds(Planned(diary)));
    }

    [Fact]
    public void Apply_DateExactlyTheWindowAfterTheRoutineTouch_Held_OneDayMore_NotHeld()
    {
        Assert.Equal(Day(24), Dated(Met20DaysAgo(Birthday(4, 6))).Day);
        Assert.Same(RoutineRule.Instance, Dated(Met20DaysAgo(Birthday(4, 7))).Rule);
        Assert.Same(RoutineRule.Instance, Dated(Met20DaysAgo(Birthday(3, 31)), SchedulerOptions.Default.WithDateWindowDays(7)).Rule);
    }

    [Fact]
    public void Apply_WindowOfZeroDays_OnlyADateOnTheRoutineDayItselfTakesOver()
    {
        // "0 turns it off" (docs/design.md): a date on the routine touch's own day still becomes the date touch.
        var none = SchedulerOptions.Default.WithDateWindowDays(0);

        Assert.Same(RoutineRule.Instance, Dated(Met20DaysAgo(Birthday(3, 24)), none).Rule);
        var sameDay = Dated(Met20DaysAgo(Birthday(3, 23)), none);
        Assert.Same(DateRule.Instance, sameDay.Rule);
        Assert.Equal(new HeldForDateReason(Day(10), 0), sameDay.Note?.HeldFor);
    }

    [Fact]
    public void Apply_APromiseDueBeforeTheDate_HasNoWindow_ThePromiseStays()
    {
        var diary = new Diary([Zoe.WithImportantDates(Birthday(3, 31))], [Touch(20)], [new Commitment("c1", "zoe", Day(10), "call back")]);

        Assert.Same(PromiseRule.Instance, Dated(diary).Rule);
    }

    [Fact]
    public void Apply_APromiseDueAfterTheDate_FollowsTheDateTouch()
    {
        var diary = new Diary([Zoe.WithImportantDates(Birthday(3, 20))], [Touch(20)], [new Commitment("c1", "zoe", Day(20), "call back")]);

        var candidate = Dated(diary);

        Assert.Same(DateRule.Instance, candidate.Rule);
        Assert.Null(candidate.Commitment);
        Assert.Equal(new BeforeNextStepReason(Day(20), "call back"), candidate.Note?.Before);
        var planned = Planned(diary);
        Assert.False(planned.IsPinned);
        Assert.Equal(
            [typeof(ImportantDateReason), typeof(BeforeNextStepReason), typeof(RenewalReason), typeof(CadenceReason)],
            Kinds(planned));
    }

    [Fact]
    public void Apply_AMoveMadeBeforeTheLeadDay_TheDateComingFirstWins()
    {
        var diary = new Diary([Zoe.WithImportantDates(Birthday(3, 20))], [Touch(20)], moves: [new ManualMove("zoe", Day(12), Day(-1))]);

        var candidate = Dated(diary);

        Assert.Same(DateRule.Instance, candidate.Rule);
        Assert.Null(candidate.Move);
        Assert.DoesNotContain(typeof(MovedByHandReason), Kinds(Planned(diary)));
    }

    [Fact]
    public void Apply_AMoveMadeOnTheLeadDay_TheOwnerSawTheDate_TheMoveWins()
    {
        // Lead day: today (five days before the 18th).
        var diary = new Diary([Zoe.WithImportantDates(Birthday(3, 18, lead: 5))], [Touch(20)], moves: [new ManualMove("zoe", Day(12), Today)]);

        var candidate = Dated(diary);

        Assert.Same(RoutineRule.Instance, candidate.Rule);
        Assert.Equal(Day(12), candidate.Day);
    }

    [Fact]
    public void Apply_AMovedRoutineTouch_HasNoWindow()
    {
        var diary = new Diary([Zoe.WithImportantDates(Birthday(3, 31))], [Touch(20)], moves: [new ManualMove("zoe", Day(10), Day(-1))]);

        Assert.Equal((Day(10), (ManualMove?)new ManualMove("zoe", Day(10), Day(-1))), (Dated(diary).Day, Dated(diary).Move));
    }

    [Fact]
    public void Apply_YouReachedOutSinceTheLeadDay_TheOccurrenceIsDone_TheNextOneCounts()
    {
        // Lead day Tue 10 Mar; a note of yours on Wed 11 Mar did it. Their call would not have.
        var done = new Diary([Zoe.WithImportantDates(Birthday(3, 20, lead: 10))], [Touch(20), Touch(2, Channel.Note)]);
        var theirs = new Diary([Zoe.WithImportantDates(Birthday(3, 20, lead: 10))], [Touch(20), Touch(2, Channel.Call, Direction.Inbound)]);

        Assert.Same(RoutineRule.Instance, Dated(done).Rule);
        Assert.Same(DateRule.Instance, Dated(theirs).Rule);
    }

    [Fact]
    public void Apply_ADateInsideAPause_IsLeftOut()
    {
        var diary = new Diary([Zoe.WithImportantDates(Birthday(3, 20)).PauseUntil(Day(10))], [Touch(20)]);

        var candidate = Dated(diary);

        Assert.Same(RoutineRule.Instance, candidate.Rule);
        Assert.Equal(Day(10), candidate.Day);
    }

    [Fact]
    public void Apply_SeveralDates_TheOneWhoseLeadDayComesFirstCounts()
    {
        // The anniversary (5 Apr, ten days' lead: 26 Mar) comes before the birthday (1 Apr).
        var anniversary = ImportantDate.Yearly("anniversary", new AnnualDate(4, 5)).WithLeadDays(10);

        var candidate = Dated(Met20DaysAgo(Birthday(4, 1), anniversary));

        Assert.Equal(Day(13), candidate.Day);
        Assert.Equal("anniversary", candidate.Note?.Date?.Label);
    }

    [Theory]
    [InlineData(LeapDayRule.February28, 2)]
    [InlineData(LeapDayRule.March1, 3)]
    public void Apply_TwentyNinthOfFebruaryInACommonYear_FallsAsItsRuleSays(LeapDayRule rule, int month)
    {
        var today = new LocalDate(2027, 2, 20);
        var diary = new Diary([Zoe.WithImportantDates(ImportantDate.Yearly("birthday", new AnnualDate(2, 29), 1988, rule))]);

        var candidate = Dated(diary, today: today);

        Assert.Same(DateRule.Instance, candidate.Rule);
        Assert.Equal(month == 2 ? new LocalDate(2027, 2, 28) : new LocalDate(2027, 3, 1), candidate.Day);
    }

    [Fact]
    public void Apply_RelativeAndOnceDates()
    {
        var thirdMonday = ImportantDate.Relative("board meeting", 3, IsoDayOfWeek.Monday, 3);
        Assert.Equal(new LocalDate(2026, 3, 16), Dated(Met20DaysAgo(thirdMonday)).Day);

        Assert.Equal(Day(5), Dated(Met20DaysAgo(ImportantDate.Once("launch", Day(5)))).Day);
        Assert.Same(RoutineRule.Instance, Dated(Met20DaysAgo(ImportantDate.Once("launch", Day(-1)))).Rule);
    }
}
