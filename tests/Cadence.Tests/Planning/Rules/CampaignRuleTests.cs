using System.Linq;
using Cadence.Calendars;
using Cadence.Explanations;
using NodaTime;
using static Cadence.Tests.Planning.Rules.RuleFixture;

namespace Cadence.Tests.Planning.Rules;

/// <summary>
/// Rule 8, a reconnect campaign (<see cref="CampaignRule"/>), over the whole plan: the members whose touch is the cadence's,
/// not fixed, and due after the campaign's last day (with its window open by then) are pulled in and spread over its
/// working days inside the budget, fixed, with the window to that day; the others keep their touch and count (issue 25:
/// a campaign never makes anyone later). Past associates are due every 3 months (at least 1, at most 4); the members
/// here met in person (their meetings renew, and set no floor), a few weeks ago, so the cadence has them due after the
/// campaigns' last days.
/// </summary>
public sealed class CampaignRuleTests
{
    private static Relationship Associate(string id) => new(id, "Associate " + id, "past associate");

    private static Touch Met(string id, int daysAgo, Direction direction = Direction.Outbound) => new(id, Day(-daysAgo), Channel.Meeting, direction);

    private static Campaign Reconnect(int lastDay, int startDaysAgo = 0) => Campaign.ForTier("reconnect", "past associate", Day(-startDaysAgo), Day(lastDay));

    /// <summary>An owner in Berlin, Monday to Friday, with a budget.</summary>
    private static SchedulerOptions WithBudget(TouchBudget budget, params LocalDate[] holidays) =>
        SchedulerOptions.Default.WithCalendar(OwnerCalendar.ForZone("Europe/Berlin").WithBudget(budget).WithHolidays(holidays));

    /// <summary>A client (not a member) with a promise: a fixed touch on its day.</summary>
    private static (Relationship, Commitment) Promised(string id, int inDays, Channel? channel = null) =>
        (new Relationship(id, "Client " + id, "client"), new Commitment("p-" + id, id, Day(inDays), "call back", channel));

    private static Plan Plan(Diary diary, SchedulerOptions? options = null) => new Scheduler(options).Plan(diary, Today);

    [Fact]
    public void Plan_AMemberDueAfterTheLastDay_PulledIn_PlacedFixedWithTheWindowToTheLastDay()
    {
        var diary = new Diary([Associate("a")], [Met("a", 20, Direction.Inbound)]).StartCampaign(Reconnect(30));

        var plan = Plan(diary);

        var touch = plan["a"];
        Assert.True(touch.IsCampaignTouch);
        Assert.True(touch.IsFixed);
        Assert.Equal((Today, Today, Day(30), (LocalDate?)Today, 0), (touch.Due, touch.NotBefore, touch.NotAfter, touch.WindowOpens, touch.DaysOverdue));
        Assert.Equal("reconnect", touch.CampaignName);
        Assert.Equal([typeof(CampaignReason), typeof(RenewalReason), typeof(CadenceReason)], Kinds(touch));
        var progress = Assert.Single(plan.Campaigns);
        Assert.Equal((1, 0), (progress.Members, progress.Done));
        Assert.Equal(["a"], progress.Left);
        Assert.Empty(progress.CannotFit);
    }

    [Fact]
    public void Plan_MemberKOfN_AimsAtTheWorkingDayKOverNOfTheWay_MostFadedFirst()
    {
        // 20 working days from Fri 13 Mar to Thu 9 Apr; d is the most faded, a the least.
        var diary = new Diary(
            [Associate("a"), Associate("b"), Associate("c"), Associate("d")],
            [Met("a", 20, Direction.Inbound), Met("b", 25, Direction.Inbound), Met("c", 30, Direction.Inbound), Met("d", 35, Direction.Inbound)]).StartCampaign(Reconnect(27));

        var plan = Plan(diary);

        Assert.Equal([Today, Day(7), Day(14), Day(21)], new[] { "d", "c", "b", "a" }.Select(id => plan[id].Due));
        Assert.Equal(["d", "c", "b", "a"], plan.Campaigns[0].Left);
    }

    [Fact]
    public void Plan_ADoneMember_KeepsItsPlaceInTheOrder_IsCountedDone_AndNamesNoCampaign()
    {
        // a was reached (their call) since the start: done. b keeps the aim it had as member 2 of 2.
        var diary = new Diary([Associate("a"), Associate("b")], [Met("b", 20, Direction.Inbound), Met("a", 2, Direction.Inbound)])
            .StartCampaign(Reconnect(27, startDaysAgo: 5));

        var plan = Plan(diary);

        var progress = plan.Campaigns[0];
        Assert.Equal((2, 1), (progress.Members, progress.Done));
        Assert.Equal(["b"], progress.Left);
        Assert.Null(plan["a"].CampaignName);
        Assert.False(plan["a"].IsCampaignTouch);
        Assert.Equal(Day(12), plan["b"].Due); // 24 working days from Sun 8 Mar to Thu 9 Apr: the 13th, Wed 25 Mar
    }

    [Fact]
    public void Plan_AFirstTouch_KeepsItsTouchToday_AndCounts()
    {
        // Due today by the cadence: the campaign would only make it later (issue 25).
        var plan = Plan(new Diary([Associate("a")]).StartCampaign(Reconnect(30)));

        Assert.False(plan["a"].IsCampaignTouch);
        Assert.Equal(Today, plan["a"].Due);
        Assert.Equal("reconnect", plan["a"].CampaignName);
        Assert.Equal([typeof(FirstTouchReason), typeof(CadenceReason), typeof(CampaignReason)], Kinds(plan["a"]));
    }

    [Fact]
    public void Plan_AnOverdueMember_KeepsItsTouchToday_AndCounts()
    {
        // Issue 25: a campaign to 31 Dec put a member 23 days overdue in September; it never makes anyone later.
        var plan = Plan(new Diary([Associate("a")], [Met("a", 400)]).StartCampaign(Reconnect(300)));

        Assert.False(plan["a"].IsCampaignTouch);
        Assert.Equal(Today, plan["a"].Due);
        Assert.True(plan["a"].IsOverdue);
        Assert.Equal("reconnect", plan["a"].CampaignName);
    }

    [Fact]
    public void Plan_ARoutineTouchDueInsideThePeriod_KeepsItsDayAndCounts_OneDueAfterIsSpread()
    {
        // Met 60 days ago: due 3 months after, 12 Apr (in 30 days).
        var diary = new Diary([Associate("a")], [Met("a", 60)]);

        var inside = Plan(diary.StartCampaign(Reconnect(60)))["a"];
        var after = Plan(diary.StartCampaign(Reconnect(20)))["a"];

        Assert.False(inside.IsCampaignTouch);
        Assert.Equal(Day(30), inside.Due);
        Assert.Equal("reconnect", inside.CampaignName);
        Assert.Equal([typeof(RenewalReason), typeof(CadenceReason), typeof(CampaignReason)], Kinds(inside));
        Assert.True(after.IsCampaignTouch);
        Assert.Equal(Today, after.Due);
    }

    [Fact]
    public void Plan_APromisedMember_KeepsThePromiseAndCounts()
    {
        var diary = new Diary([Associate("a")], [Met("a", 20)], [new Commitment("c1", "a", Day(9), "send the article")]).StartCampaign(Reconnect(30));

        var touch = Plan(diary)["a"];

        Assert.False(touch.IsCampaignTouch);
        Assert.True(touch.IsPinned);
        Assert.Equal(Day(9), touch.Due);
        Assert.Equal([typeof(CommitmentReason), typeof(RenewalReason), typeof(CampaignReason)], Kinds(touch));
    }

    [Fact]
    public void Plan_AnOverdueMemberWithAPromiseBeyondTheCadence_KeepsItsTouchToday_ThePromiseFollows()
    {
        // Issue 25: the campaign never makes a member later, and a far promise does not pin.
        var diary = new Diary([Associate("a")], [Met("a", 400)], [new Commitment("c1", "a", Day(9), "send the article")]).StartCampaign(Reconnect(30));

        var touch = Plan(diary)["a"];

        Assert.False(touch.IsCampaignTouch);
        Assert.False(touch.IsPinned);
        Assert.Equal(Today, touch.Due);
        Assert.Equal("c1", touch.PromiseAfter?.Id);
        Assert.Equal("reconnect", touch.CampaignName);
    }

    [Fact]
    public void Plan_AWindowThatOpensAfterTheLastDay_KeepsTheCadencesTouch()
    {
        // An unanswered call 3 days ago: nothing before a month after it (10 Apr), after the campaign's last day.
        var diary = new Diary([Associate("a")], [Met("a", 400), new Touch("a", Day(-3), Channel.Call, outcome: Outcome.NoReply)]).StartCampaign(Reconnect(20));

        var touch = Plan(diary)["a"];

        Assert.False(touch.IsCampaignTouch);
        Assert.Equal(new LocalDate(2026, 4, 10), touch.Due);
        Assert.Equal("reconnect", touch.CampaignName);
    }

    [Fact]
    public void Plan_TheAimFull_TheFirstWorkingDayWithRoomFromIt()
    {
        // A client's promise takes today's only place: the member goes to Monday.
        var (z, promise) = Promised("z", 0);
        var diary = new Diary([Associate("a"), z], [Met("a", 20, Direction.Inbound)], [promise]).StartCampaign(Reconnect(30));

        Assert.Equal(Day(3), Plan(diary, WithBudget(new TouchBudget(1)))["a"].Due);
        Assert.Equal(Today, Plan(diary, WithBudget(new TouchBudget(2)))["a"].Due);
    }

    [Fact]
    public void Plan_EveryDayFromTheAimFull_TheLatestDayWithRoomBeforeIt()
    {
        // a is done (most faded, rank 0); b aims at working day 4 of 8 (Thu 19 Mar); the promises fill 19, 20, 23 and 24 Mar.
        var promised = new[] { Promised("w", 6), Promised("x", 7), Promised("y", 10), Promised("z", 11) };
        var diary = new Diary(
            [Associate("a"), Associate("b"), .. promised.Select(p => p.Item1)],
            [Met("b", 20, Direction.Inbound), Met("a", 0, Direction.Inbound)],
            promised.Select(p => p.Item2)).StartCampaign(Reconnect(11));

        Assert.Equal(Day(5), Plan(diary, WithBudget(new TouchBudget(1)))["b"].Due);
        Assert.Equal(Day(6), Plan(diary)["b"].Due);
    }

    [Fact]
    public void Plan_NoRoomBeforeTheLastDay_CannotFit_TheCadencesTouchStaysAndSaysSo()
    {
        var (z, promise) = Promised("z", 0);
        var diary = new Diary([Associate("a"), z], [Met("a", 20, Direction.Inbound)], [promise]).StartCampaign(Reconnect(0));

        var plan = Plan(diary, WithBudget(new TouchBudget(1)));

        var touch = plan["a"];
        Assert.False(touch.IsCampaignTouch);
        Assert.False(touch.IsFixed);
        Assert.Equal(Plan(new Diary([Associate("a")], [Met("a", 20, Direction.Inbound)]))["a"].Due, touch.Due);
        Assert.Equal("reconnect", touch.CampaignName);
        Assert.True(touch.Reasons.OfType<CampaignReason>().Single().CannotFit);
        Assert.Equal([typeof(RenewalReason), typeof(CadenceReason), typeof(CampaignReason)], Kinds(touch));
        Assert.Equal(["a"], plan.Campaigns[0].CannotFit);
    }

    [Fact]
    public void Plan_FlexibleTouchesTakeNoBudget_TheWeeksAndTheChannelsDo()
    {
        // z's overdue routine touch is flexible: it does not count. z's promise by call today does, in its week and on calls.
        var diary = new Diary([Associate("a"), new Relationship("z", "Z", "client")], [Met("a", 20, Direction.Inbound), Met("z", 100)]).StartCampaign(Reconnect(30));
        Assert.Equal(Today, Plan(diary, WithBudget(new TouchBudget(1)))["a"].Due);

        var (z, promise) = Promised("z", 0, Channel.Call);
        var promised = new Diary([Associate("a"), z], [Met("a", 20, Direction.Inbound)], [promise]);
        Assert.Equal(Day(3), Plan(promised.StartCampaign(Reconnect(30)), WithBudget(new TouchBudget(5).WithPerWeek(1)))["a"].Due);
        var calls = WithBudget(new TouchBudget(5).WithPerChannel(Channel.Call, 1));
        Assert.Equal(Day(3), Plan(promised.StartCampaign(Reconnect(30).WithChannels(Channel.Call)), calls)["a"].Due);
        Assert.Equal(Today, Plan(promised.StartCampaign(Reconnect(30).WithChannels(Channel.Note)), calls)["a"].Due);
    }

    [Fact]
    public void Plan_TheOwnersDaysOff_AreNotWorkingDaysOfTheCampaign()
    {
        var diary = new Diary([Associate("a")], [Met("a", 20, Direction.Inbound)]).StartCampaign(Reconnect(30));

        Assert.Equal(Day(3), Plan(diary, WithBudget(new TouchBudget(1), Today))["a"].Due);
    }

    [Fact]
    public void Plan_TheCampaignsChannel_TheFirstTheMemberPrefers_ElseItsFirst_ElseTheMembersOwn()
    {
        var likesCalls = Associate("a").WithPreferredChannels(Channel.Meeting, Channel.Call);
        var diary = new Diary([likesCalls, Associate("b")], [Met("a", 20, Direction.Inbound), Met("b", 20, Direction.Inbound)]);

        var plan = Plan(diary.StartCampaign(Reconnect(30).WithChannels(Channel.Note, Channel.Call)));
        var without = Plan(diary.StartCampaign(Reconnect(30)));

        Assert.Equal((Channel.Call, Channel.Note), (plan["a"].Channel, plan["b"].Channel));
        Assert.DoesNotContain(typeof(PreferredChannelReason), Kinds(plan["a"]));
        Assert.Equal(Channel.Meeting, without["a"].Channel);
        Assert.Equal(typeof(PreferredChannelReason), Kinds(without["a"])[^1]);
    }

    [Fact]
    public void Plan_PausedEndedOverOrNotStarted_PlansNothing()
    {
        var diary = new Diary([Associate("a")], [Met("a", 40, Direction.Inbound)]);
        var started = diary.StartCampaign(Reconnect(30));

        var paused = Plan(started.UpdateCampaign(started.GetCampaign("reconnect").Pause()));
        var ended = Plan(started.UpdateCampaign(started.GetCampaign("reconnect").End(Today)));
        var over = Plan(diary.StartCampaign(Campaign.ForTier("reconnect", "past associate", Day(-30), Day(-1))));
        var later = Plan(diary.StartCampaign(Campaign.ForTier("reconnect", "past associate", Day(1), Day(30))));

        foreach (var plan in new[] { paused, ended, over })
        {
            Assert.False(plan["a"].IsCampaignTouch);
            Assert.Null(plan["a"].CampaignName);
            Assert.Equal(["a"], Assert.Single(plan.Campaigns).Left);
        }

        Assert.Empty(later.Campaigns);
        Assert.Null(later["a"].CampaignName);
    }

    [Fact]
    public void Plan_AMemberOfTwoCampaigns_TheFirstByNameTakesIt()
    {
        var diary = new Diary([Associate("a").WithTags("alumni")], [Met("a", 20, Direction.Inbound)])
            .StartCampaign(Campaign.ForTag("spring", "alumni", Today, Day(30)))
            .StartCampaign(Campaign.ForTier("autumn", "past associate", Today, Day(60)));

        var plan = Plan(diary);

        Assert.True(plan["a"].IsCampaignTouch);
        Assert.Equal("autumn", plan["a"].CampaignName);
        Assert.Equal(Day(60), plan["a"].NotAfter);
        Assert.Equal(["autumn", "spring"], plan.Campaigns.Select(c => c.Name));
        Assert.All(plan.Campaigns, c => Assert.Equal(["a"], c.Left));
    }
}
