using System;
using System.Collections.Generic;
using System.Linq;
using Cadence.Calendars;
using NodaTime;

namespace Cadence.Tests.Levelling;

/// <summary>Small diaries for levelling examples: clients on the default rule (at least 14 days, target 30, at most 45).</summary>
internal static class LevellingDiary
{
    /// <summary>A client called after the id ("dee" → "Dee"), on the default "client" rule.</summary>
    public static Relationship Client(string id) => new(id, char.ToUpperInvariant(id[0]) + id[1..], "client");

    /// <summary>The in-person meeting that makes a client on the default rule due on <paramref name="due"/> (and not after due + 15).</summary>
    public static Touch MetFor(string id, LocalDate due) => new(id, due.PlusDays(-30), Channel.Meeting);

    /// <summary>A diary of clients, each due on the day given.</summary>
    public static Diary Clients(params (string Id, LocalDate Due)[] clients) =>
        new(clients.Select(c => Client(c.Id)), clients.Select(c => MetFor(c.Id, c.Due)));

    public static Diary With(this Diary diary, Relationship relationship, LocalDate due) =>
        diary.Add(relationship).Log(MetFor(relationship.Id, due));

    public static LevelledPlan Level(this Diary diary, LocalDate today, OwnerCalendar calendar, LevellingOptions? options = null) =>
        new Leveller(calendar, options).Level(new Scheduler().Plan(diary, today));

    public static IReadOnlyList<string> On(this Schedule plan, LocalDate day) =>
        plan.Touches.Where(t => t.Due == day).Select(t => t.RelationshipId).ToArray();
}

/// <summary>Levelling by example: spreading, the causes and their sentences, budgets, fixed touches, moves by hand.</summary>
public class LevellerTests
{
    private static readonly LocalDate GoodFriday = new(2026, 4, 3);
    private static readonly LocalDate EasterMonday = new(2026, 4, 6);
    private static readonly LocalDate Tuesday = new(2026, 4, 7);

    private static OwnerCalendar London => OwnerCalendar.ForZone("Europe/London");

    private static OwnerCalendar Easter(int perDay) => London.WithHolidays(GoodFriday, EasterMonday).WithBudget(new TouchBudget(perDay));

    private static LocalDate Apr(int day) => new(2026, 4, day);

    /// <summary>Seven clients who fell due from Thu 2 Apr over the Easter weekend; today is Tue 7 Apr.</summary>
    private static Diary AfterEaster => LevellingDiary.Clients(
        ("ann", Apr(2)), ("bob", Apr(2)), ("cat", Apr(3)), ("dee", Apr(4)), ("eve", Apr(5)), ("fay", Apr(6)), ("gus", Apr(6)));

    // ---------------------------------------------------------------- spreading after a holiday

    [Fact]
    public void Level_OverdueTouchesAfterEaster_SpreadOverTheComingWorkingDaysWithinBudget()
    {
        var unlevelled = new Scheduler().Plan(AfterEaster, Tuesday);
        Assert.Equal(7, unlevelled.On(Tuesday).Count); // without levelling, all of them land on Tuesday

        var levelled = AfterEaster.Level(Tuesday, Easter(3));

        // Earliest deadline (due + 15) first, ties by id.
        Assert.Equal(["ann", "bob", "cat"], levelled.On(Tuesday));
        Assert.Equal(["dee", "eve", "fay"], levelled.On(Apr(8)));
        Assert.Equal(["gus"], levelled.On(Apr(9)));
        Assert.Empty(levelled.Overbooked);
    }

    [Fact]
    public void Level_OverdueTouchesAfterEaster_EachMoveSaysWhyInWords()
    {
        var plan = AfterEaster.Level(Tuesday, Easter(3));

        Assert.Empty(plan["ann"].Reasons.OfType<LevelledReason>());
        // Due on Thursday, a working day: overdue since, and moved from today for the budget.
        var bob = plan["bob"];
        Assert.Equal((Tuesday, 5), (bob.Due, bob.DaysOverdue));
        // Due on a day off with no working day since: not overdue (days off are not lateness), moved from that day.
        var dee = plan["dee"].Reasons.OfType<LevelledReason>().Single();
        Assert.Equal(new LevelledReason(Apr(4), Apr(8), MoveCause.NotAWorkingDay), dee);
        Assert.Equal("moved from Sat 4 Apr 2026: not a working day", dee.ToString());
        Assert.Equal(0, plan["dee"].DaysOverdue);
        Assert.Equal(new LevelledReason(Apr(6), Apr(9), MoveCause.Holiday), plan["gus"].Reasons.OfType<LevelledReason>().Single());
        Assert.Equal(new LevelledReason(Apr(3), Apr(7), MoveCause.Holiday), plan["cat"].Reasons.OfType<LevelledReason>().Single());
        Assert.Equal(
            "Last met 33 days ago; clients are due every 30 days (at most 45); moved from Sat 4 Apr 2026: not a working day.",
            plan["dee"].Why);
    }

    [Fact]
    public void Level_OverdueWithinTheirWindow_NotLate()
    {
        var plan = AfterEaster.Level(Tuesday, Easter(3));

        Assert.All(plan.Touches, t => Assert.Empty(t.Reasons.OfType<LateReason>()));
        Assert.All(plan.Touches, t => Assert.False(t.IsLate));
    }

    [Fact]
    public void AgendaFor_LevelledPlan_ShowsTheMovesInWhy()
    {
        var plan = AfterEaster.Level(Tuesday, Easter(3));

        var agenda = Agenda.For(plan, Apr(8));

        Assert.Equal(["dee", "eve", "fay"], agenda.Touches.Select(t => t.RelationshipId));
        Assert.Equal(
            ["; moved from Sat 4 Apr 2026: not a working day.", "; moved from Sun 5 Apr 2026: not a working day.", "; moved from Mon 6 Apr 2026: a holiday."],
            agenda.Touches.Select(t => t.Why[t.Why.LastIndexOf(';')..]));
        Assert.StartsWith(
            "Wed 8 Apr  Call Dee: Last met 33 days ago; clients are due every 30 days (at most 45); moved from Sat 4 Apr 2026: not a working day.\n",
            agenda.ToString(),
            StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- rebasing overdue touches

    /// <summary>Four touches due Thu 2 Apr with two days' slack (not after Sat 4 Apr), and one due Mon 13 Apr; today Tue 7 Apr.</summary>
    private static Diary Tight
    {
        get
        {
            var rule = CadenceRule.FromDays(0, 10, 12);
            string[] ids = ["ann", "bob", "cat", "dee"];
            return new Diary(
                ids.Select(id => LevellingDiary.Client(id).WithRule(rule)).Append(LevellingDiary.Client("eve").WithRule(rule)),
                ids.Select(id => new Touch(id, Apr(2).PlusDays(-10), Channel.Meeting)).Append(new Touch("eve", Apr(3), Channel.Meeting)));
        }
    }

    [Fact]
    public void Level_OverdueAndPastTheirLatestDay_LateFromTheOldDeadline()
    {
        var plan = Tight.Level(Tuesday, Easter(1));

        Assert.Equal([Apr(7), Apr(8), Apr(9), Apr(10)], new[] { "ann", "bob", "cat", "dee" }.Select(id => plan[id].Due));
        // ann is placed on the day she is due (today), already past her latest day; dee had to wait for room.
        Assert.Equal(new LateReason(Apr(4), 3, NothingFit: false), plan["ann"].Reasons.OfType<LateReason>().Single());
        Assert.Equal("3 days past its latest day, Sat 4 Apr 2026", plan["ann"].Reasons.OfType<LateReason>().Single().ToString());
        Assert.Equal(new LateReason(Apr(4), 6), plan["dee"].Reasons.OfType<LateReason>().Single());
        Assert.Equal("6 days late: nothing fit by Sat 4 Apr 2026", plan["dee"].Reasons.OfType<LateReason>().Single().ToString());
        Assert.Equal(Apr(4), plan["dee"].NotAfter);
        Assert.True(plan["dee"].IsLate);
        Assert.Equal(Apr(13), plan["eve"].Due);
        Assert.Empty(plan["eve"].Reasons.OfType<LateReason>());
    }

    [Fact]
    public void Level_RebaseOverdue_DeadlineMovesByTheDaysOverdueSoNoLongerLate()
    {
        var options = LevellingOptions.Default.WithRebaseOverdue(true);

        var plan = Tight.Level(Tuesday, Easter(1), options);

        // 5 days overdue with 2 days of slack: the window starts again today, not after Thu 9 Apr.
        Assert.Equal([Apr(7), Apr(8), Apr(9), Apr(10)], new[] { "ann", "bob", "cat", "dee" }.Select(id => plan[id].Due));
        foreach (var id in new[] { "ann", "bob", "cat" })
        {
            Assert.Equal(Apr(9), plan[id].NotAfter);
            Assert.False(plan[id].IsLate);
            Assert.Empty(plan[id].Reasons.OfType<LateReason>());
        }

        Assert.Equal(new LateReason(Apr(9), 1), plan["dee"].Reasons.OfType<LateReason>().Single());
        Assert.Equal("1 day late: nothing fit by Thu 9 Apr 2026", plan["dee"].Reasons.OfType<LateReason>().Single().ToString());

        // A touch that was not overdue keeps its deadline.
        Assert.Equal(Apr(15), plan["eve"].NotAfter);
        Assert.Equal(Apr(13), plan["eve"].Due);
    }

    [Fact]
    public void Level_RebaseOverdue_StillSpreadWithinBudget()
    {
        var plan = AfterEaster.Level(Tuesday, Easter(3), LevellingOptions.Default.WithRebaseOverdue(true));

        Assert.Equal(3, plan.On(Tuesday).Count);
        Assert.Equal(3, plan.On(Apr(8)).Count);
        Assert.Single(plan.On(Apr(9)));
    }

    // ---------------------------------------------------------------- the causes of a move

    [Fact]
    public void Level_DueOnASaturday_MovedToMondayNotAWorkingDay()
    {
        var diary = LevellingDiary.Clients(("ann", Apr(11)));

        var ann = diary.Level(Apr(9), London)["ann"];

        Assert.Equal(Apr(13), ann.Due);
        var moved = ann.Reasons.OfType<LevelledReason>().Single();
        Assert.Equal(new LevelledReason(Apr(11), Apr(13), MoveCause.NotAWorkingDay), moved);
        Assert.Equal("moved from Sat 11 Apr 2026: not a working day", moved.ToString());
    }

    [Fact]
    public void Level_DueOnGoodFriday_MovedPastTheLongWeekendForAHoliday()
    {
        var diary = LevellingDiary.Clients(("ann", GoodFriday));

        var ann = diary.Level(Apr(2), Easter(5))["ann"];

        // Fri holiday, Sat and Sun weekend, Mon holiday: Tuesday. The cause is the first day's.
        Assert.Equal(Tuesday, ann.Due);
        var moved = ann.Reasons.OfType<LevelledReason>().Single();
        Assert.Equal(new LevelledReason(GoodFriday, Tuesday, MoveCause.Holiday), moved);
        Assert.Equal("moved from Fri 3 Apr 2026: a holiday", moved.ToString());
    }

    [Fact]
    public void Level_DueInTimeOff_MovedToTheFirstDayBackForTimeOff()
    {
        var calendar = London.WithTimeOff(new LocalDate(2026, 8, 3), new LocalDate(2026, 8, 14));
        var due = new LocalDate(2026, 8, 5);
        var diary = LevellingDiary.Clients(("ann", due));

        var ann = diary.Level(new LocalDate(2026, 7, 31), calendar)["ann"];

        Assert.Equal(new LocalDate(2026, 8, 17), ann.Due);
        var moved = ann.Reasons.OfType<LevelledReason>().Single();
        Assert.Equal(new LevelledReason(due, new LocalDate(2026, 8, 17), MoveCause.TimeOff), moved);
        Assert.Equal("moved from Wed 5 Aug 2026: time off", moved.ToString());
    }

    [Fact]
    public void Level_DueOnAWorkingDayWithRoom_NotMovedAndNoLevellingReason()
    {
        var diary = LevellingDiary.Clients(("ann", Apr(8)));
        var unlevelled = new Scheduler().Plan(diary, Tuesday)["ann"];

        var ann = diary.Level(Tuesday, London)["ann"];

        Assert.Equal(Apr(8), ann.Due);
        Assert.Equal(unlevelled.Reasons, ann.Reasons);
        Assert.Equal(unlevelled.Why, ann.Why);
    }

    [Fact]
    public void Level_ThreeMeetingsWithABudgetOfTwoMeetings_ThirdMovedForTheChannelBudget()
    {
        var meeting = (string id) => LevellingDiary.Client(id).WithPreferredChannels(Channel.Meeting);
        var diary = Diary.Empty
            .With(meeting("mia"), Apr(8))
            .With(meeting("max"), Apr(8))
            .With(meeting("moe"), Apr(8))
            .With(LevellingDiary.Client("cal"), Apr(8));
        var calendar = London.WithBudget(new TouchBudget(5).WithPerChannel(Channel.Meeting, 2));

        var plan = diary.Level(Tuesday, calendar);

        Assert.Equal(["cal", "max", "mia"], plan.On(Apr(8)));
        Assert.Equal(Apr(9), plan["moe"].Due);
        var moved = plan["moe"].Reasons.OfType<LevelledReason>().Single();
        Assert.Equal(new LevelledReason(Apr(8), Apr(9), MoveCause.ChannelBudget, 2, Channel.Meeting), moved);
        Assert.Equal("moved from Wed 8 Apr 2026: budget of 2 meetings a day reached", moved.ToString());
    }

    [Fact]
    public void Level_TwoCallsWithABudgetOfOneCall_SingularInTheSentence()
    {
        var diary = LevellingDiary.Clients(("ann", Apr(8)), ("bob", Apr(8)));
        var calendar = London.WithBudget(new TouchBudget(5).WithPerChannel(Channel.Call, 1));

        var bob = diary.Level(Tuesday, calendar)["bob"];

        Assert.Equal(Apr(9), bob.Due);
        Assert.Equal("moved from Wed 8 Apr 2026: budget of 1 call a day reached", bob.Reasons.OfType<LevelledReason>().Single().ToString());
    }

    [Fact]
    public void Level_SixTouchesWithABudgetOfFourAWeek_TwoMovedToNextWeek()
    {
        var monday = Apr(13);
        var diary = LevellingDiary.Clients(("ann", monday), ("bob", monday), ("cat", monday), ("dee", monday), ("eve", monday), ("fay", monday));
        var calendar = London.WithBudget(new TouchBudget(10).WithPerWeek(4));

        var plan = diary.Level(monday, calendar);

        Assert.Equal(["ann", "bob", "cat", "dee"], plan.On(monday));
        Assert.Equal(["eve", "fay"], plan.On(Apr(20)));
        var moved = plan["eve"].Reasons.OfType<LevelledReason>().Single();
        Assert.Equal(new LevelledReason(monday, Apr(20), MoveCause.WeeklyBudget, 4), moved);
        Assert.Equal("moved from Mon 13 Apr 2026: budget of 4 a week reached", moved.ToString());
    }

    // ---------------------------------------------------------------- fixed touches

    [Fact]
    public void Level_ThreeCommitmentsOnADayWithABudgetOfTwo_KeptAndReportedOverbooked()
    {
        var diary = LevellingDiary.Clients(("pam", Apr(20)), ("pat", Apr(20)), ("pia", Apr(20)), ("fin", Apr(8)))
            .Promise(new Commitment("c1", "pam", Apr(8), "send the proposal"))
            .Promise(new Commitment("c2", "pat", Apr(8), "send the proposal"))
            .Promise(new Commitment("c3", "pia", Apr(8), "send the proposal"));

        var levelled = diary.Level(Tuesday, London.WithBudget(new TouchBudget(2)));

        Assert.Equal([new OverbookedDay(Apr(8), 3, 2)], levelled.Overbooked);
        Assert.Equal(["pam", "pat", "pia"], levelled.On(Apr(8)));
        foreach (var id in new[] { "pam", "pat", "pia" })
        {
            var touch = levelled[id];
            Assert.True(touch.IsFixed);
            Assert.Equal(new OverbookedReason(Apr(8), 3, 2), touch.Reasons.OfType<OverbookedReason>().Single());
            Assert.Empty(touch.Reasons.OfType<LevelledReason>());
        }

        Assert.Equal("Wed 8 Apr 2026 is over budget with fixed touches (3 for a budget of 2)", new OverbookedReason(Apr(8), 3, 2).ToString());
        Assert.EndsWith("; Wed 8 Apr 2026 is over budget with fixed touches (3 for a budget of 2).", levelled["pam"].Why, StringComparison.Ordinal);

        // The flexible touch due that day gives way.
        Assert.Equal(Apr(9), levelled["fin"].Due);
        Assert.Equal(new LevelledReason(Apr(8), Apr(9), MoveCause.DailyBudget, 2), levelled["fin"].Reasons.OfType<LevelledReason>().Single());
    }

    [Fact]
    public void Level_TwoMeetingCommitmentsWithABudgetOfOneMeeting_ChannelReportedOverbooked()
    {
        var diary = LevellingDiary.Clients(("pam", Apr(20)), ("pat", Apr(20)))
            .With(LevellingDiary.Client("mo").WithPreferredChannels(Channel.Meeting), Apr(8))
            .Promise(new Commitment("c1", "pam", Apr(8), "lunch", Channel.Meeting))
            .Promise(new Commitment("c2", "pat", Apr(8), "site visit", Channel.Meeting));

        var levelled = diary.Level(Tuesday, London.WithBudget(new TouchBudget(5).WithPerChannel(Channel.Meeting, 1)));

        Assert.Equal([new OverbookedDay(Apr(8), 2, 1, Channel.Meeting)], levelled.Overbooked);
        Assert.Equal(Apr(8), levelled["pam"].Due);
        Assert.Equal(Apr(8), levelled["pat"].Due);
        Assert.Equal(Apr(9), levelled["mo"].Due);
        Assert.Equal(MoveCause.ChannelBudget, levelled["mo"].Reasons.OfType<LevelledReason>().Single().Cause);
    }

    [Fact]
    public void Level_ThreeCommitmentsInAWeekWithABudgetOfTwoAWeek_ReportedOverbooked()
    {
        // Mon 13 Apr 2026, 5 a day but 2 a week; commitments on Mon 13, Tue 14 and Wed 15 Apr: 3 fixed touches that week.
        var monday = Apr(13);
        var diary = LevellingDiary.Clients(("pam", Apr(30)), ("pat", Apr(30)), ("pia", Apr(30)))
            .Promise(new Commitment("c1", "pam", monday, "send the proposal"))
            .Promise(new Commitment("c2", "pat", Apr(14), "send the proposal"))
            .Promise(new Commitment("c3", "pia", Apr(15), "send the proposal"));

        var levelled = diary.Level(monday, London.WithBudget(new TouchBudget(5).WithPerWeek(2)));

        Assert.Equal([monday, Apr(14), Apr(15)], new[] { "pam", "pat", "pia" }.Select(id => levelled[id].Due));
        Assert.Equal([new OverbookedDay(monday, 3, 2, Week: true)], levelled.Overbooked);
        Assert.All(new[] { "pam", "pat", "pia" }, id => Assert.Equal(
            new OverbookedReason(monday, 3, 2, Week: true),
            levelled[id].Reasons.OfType<OverbookedReason>().Single()));
        Assert.Equal(
            "the week of Mon 13 Apr 2026 is over budget with fixed touches (3 for a budget of 2 a week)",
            new OverbookedReason(monday, 3, 2, Week: true).ToString());
    }

    [Fact]
    public void Level_FixedCallsOverTheDailyCallAndWeeklyBudgets_ReportedByDayThenDayCallAndWeek()
    {
        // Two calls promised for Wed 15 Apr 2026, for 1 a day, 1 call a day and 1 a week: the week (on its Monday) comes
        // first, then the day's own budget and the call budget, in that order with or without the weekly budget (the sort
        // that put the weeks in place once swapped a day's entries).
        var monday = Apr(13);
        var diary = LevellingDiary.Clients(("pam", Apr(30)), ("pat", Apr(30)))
            .Promise(new Commitment("c1", "pam", Apr(15), "call back", Channel.Call))
            .Promise(new Commitment("c2", "pat", Apr(15), "call back", Channel.Call));
        var budget = new TouchBudget(1).WithPerChannel(Channel.Call, 1);

        var weekly = diary.Level(monday, London.WithBudget(budget.WithPerWeek(1)));
        var daily = diary.Level(monday, London.WithBudget(budget));

        OverbookedDay[] days = [new(Apr(15), 2, 1), new(Apr(15), 2, 1, Channel.Call)];
        Assert.Equal([new OverbookedDay(monday, 2, 1, Week: true), .. days], weekly.Overbooked);
        Assert.Equal(days, daily.Overbooked);
        Assert.All(new[] { "pam", "pat" }, id => Assert.Equal(
            weekly.Overbooked.Select(o => new OverbookedReason(o.Date, o.Count, o.Limit, o.Channel, o.Week)),
            weekly[id].Reasons.OfType<OverbookedReason>()));
    }

    [Fact]
    public void Level_CommitmentOnAHoliday_KeptOnTheHoliday()
    {
        var diary = LevellingDiary.Clients(("pam", Apr(20)))
            .Promise(new Commitment("c1", "pam", EasterMonday, "call back as promised"));

        var levelled = diary.Level(Apr(2), Easter(3));

        Assert.Equal(EasterMonday, levelled["pam"].Due);
        Assert.Empty(levelled["pam"].Reasons.OfType<LevelledReason>());
        Assert.Empty(levelled.Overbooked);
    }

    // ---------------------------------------------------------------- moves by hand

    [Fact]
    public void Plan_SnoozedByHand_DueOnTheNewDayWithTheReason()
    {
        // Due Thu 9 Apr by the cadence; snoozed on Tue 7 Apr to Tue 14 Apr.
        var diary = LevellingDiary.Clients(("zoe", Apr(9))).Move(new ManualMove("zoe", Apr(14), Tuesday));

        var zoe = new Scheduler().Plan(diary, Tuesday)["zoe"];

        Assert.Equal(Apr(14), zoe.Due);
        Assert.True(zoe.IsFixed);
        Assert.Equal(new ManualMove("zoe", Apr(14), Tuesday), zoe.Move);
        var reason = zoe.Reasons.OfType<MovedByHandReason>().Single();
        Assert.Equal(new MovedByHandReason(Apr(9), Apr(14)), reason);
        Assert.Equal("snoozed by hand from Thu 9 Apr 2026 to Tue 14 Apr 2026", reason.ToString());
    }

    [Fact]
    public void Plan_BroughtForwardByHand_DueOnTheNewDayWithTheReason()
    {
        var diary = LevellingDiary.Clients(("zoe", Apr(20))).Move(new ManualMove("zoe", Apr(8), Tuesday));

        var zoe = new Scheduler().Plan(diary, Tuesday)["zoe"];

        Assert.Equal(Apr(8), zoe.Due);
        Assert.True(zoe.IsFixed);
        var reason = zoe.Reasons.OfType<MovedByHandReason>().Single();
        Assert.Equal("brought forward by hand from Mon 20 Apr 2026 to Wed 8 Apr 2026", reason.ToString());
        Assert.Contains("brought forward by hand from Mon 20 Apr 2026 to Wed 8 Apr 2026", zoe.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MovedByHandOverACommitment_MoveWinsFromTheCommitmentsDay()
    {
        var diary = LevellingDiary.Clients(("zoe", Apr(20)))
            .Promise(new Commitment("c1", "zoe", Apr(9), "chase feedback on the proposal"))
            .Move(new ManualMove("zoe", Apr(14), Tuesday));

        var zoe = new Scheduler().Plan(diary, Tuesday)["zoe"];

        Assert.Equal(Apr(14), zoe.Due);
        Assert.Equal(new MovedByHandReason(Apr(9), Apr(14)), zoe.Reasons.OfType<MovedByHandReason>().Single());
    }

    [Fact]
    public void Level_SnoozedOntoAFullDay_KeptWhileTheFlexibleTouchGivesWay()
    {
        var diary = LevellingDiary.Clients(("ann", Apr(14)), ("zoe", Apr(9))).Move(new ManualMove("zoe", Apr(14), Tuesday));

        var levelled = diary.Level(Tuesday, London.WithBudget(new TouchBudget(1)));

        Assert.Equal(Apr(14), levelled["zoe"].Due);
        Assert.Empty(levelled["zoe"].Reasons.OfType<LevelledReason>());
        Assert.Contains("snoozed by hand from Thu 9 Apr 2026 to Tue 14 Apr 2026", levelled["zoe"].Why, StringComparison.Ordinal);
        Assert.Equal(Apr(15), levelled["ann"].Due);
        Assert.Equal("moved from Tue 14 Apr 2026: budget of 1 a day reached", levelled["ann"].Reasons.OfType<LevelledReason>().Single().ToString());
        Assert.Empty(levelled.Overbooked);
    }

    [Fact]
    public void Level_SnoozedToASaturday_KeptOnTheSaturday()
    {
        var diary = LevellingDiary.Clients(("zoe", Apr(9))).Move(new ManualMove("zoe", Apr(11), Tuesday));

        var zoe = diary.Level(Tuesday, London)["zoe"];

        Assert.Equal(Apr(11), zoe.Due);
        Assert.Empty(zoe.Reasons.OfType<LevelledReason>());
    }

    [Fact]
    public void Level_TwoMovesOntoADayWithABudgetOfOne_ReportedOverbooked()
    {
        var diary = LevellingDiary.Clients(("ann", Apr(20)), ("zoe", Apr(9)))
            .Move(new ManualMove("zoe", Apr(14), Tuesday))
            .Move(new ManualMove("ann", Apr(14), Tuesday));

        var levelled = diary.Level(Tuesday, London.WithBudget(new TouchBudget(1)));

        Assert.Equal([new OverbookedDay(Apr(14), 2, 1)], levelled.Overbooked);
        Assert.Equal(["ann", "zoe"], levelled.On(Apr(14)));
        Assert.Equal(new OverbookedReason(Apr(14), 2, 1), levelled["ann"].Reasons.OfType<OverbookedReason>().Single());
    }

    [Fact]
    public void Plan_TouchLoggedAfterTheMove_MoveNoLongerApplies()
    {
        // Snoozed on Tue 7 Apr to Tue 14 Apr; a call on Thu 9 Apr is the touch it was for.
        var diary = LevellingDiary.Clients(("zoe", Apr(9)))
            .Move(new ManualMove("zoe", Apr(14), Tuesday))
            .Log(new Touch("zoe", Apr(9), Channel.Call));

        var zoe = new Scheduler().Plan(diary, Apr(10))["zoe"];

        Assert.Null(zoe.Move);
        Assert.False(zoe.IsFixed);
        Assert.Empty(zoe.Reasons.OfType<MovedByHandReason>());
        Assert.Equal(Apr(9).PlusDays(30), zoe.Due);

        // Sat 9 May is a weekend day: levelling moves the touch, as any other, to Mon 11 May.
        Assert.Equal(new LocalDate(2026, 5, 11), diary.Level(Apr(10), London)["zoe"].Due);
    }

    [Fact]
    public void Plan_TouchLoggedOnTheDayOfTheMove_MoveStillApplies()
    {
        // The touch was logged that morning, before the move was made: the move is for the touch after it.
        var diary = LevellingDiary.Clients(("zoe", Apr(9)))
            .Log(new Touch("zoe", Tuesday, Channel.Social, Direction.Inbound))
            .Move(new ManualMove("zoe", Apr(14), Tuesday));

        var zoe = new Scheduler().Plan(diary, Apr(10))["zoe"];

        Assert.NotNull(zoe.Move);
        Assert.True(zoe.IsFixed);
        Assert.Equal(Apr(14), zoe.Due);
    }

    [Fact]
    public void Level_SameDiaryTwice_EqualLevelledPlansAndOverbookedDays()
    {
        var diary = AfterEaster
            .Promise(new Commitment("c1", "ann", Apr(8), "send the proposal"))
            .Move(new ManualMove("bob", Apr(8), Tuesday));

        var first = diary.Level(Tuesday, Easter(1));
        var second = diary.Level(Tuesday, Easter(1));

        Assert.Equal(first, second);
        Assert.Equal(first.Overbooked, second.Overbooked);
        Assert.Equal([new OverbookedDay(Apr(8), 2, 1)], first.Overbooked);
    }

    [Fact]
    public void Level_BacklogLongerThanTenYearsAtTheBudget_PlacedLateInsteadOfThrowing()
    {
        // 2,628 first touches due today, 1 a day Monday to Friday: only about 2,615 working days fit in the 3,660 days scanned.
        var monday = Apr(13);
        var diary = new Diary(Enumerable.Range(0, 2628).Select(i => new Relationship("r" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), "R", "client")));

        var levelled = diary.Level(monday, London.WithBudget(new TouchBudget(1)));

        Assert.Equal(2628, levelled.Touches.Count);
        Assert.Equal(2628, levelled.Touches.Select(t => t.Due).Distinct().Count());
    }

    [Fact]
    public void Level_NullPlan_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new Leveller(London).Level(null!));
    }

    [Fact]
    public void Leveller_NullCalendar_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new Leveller(null!));
    }
}
