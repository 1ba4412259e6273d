using System;
using System.Collections.Generic;
using System.Linq;
using Cadence.Calendars;
using Cadence.Explanations;
using Cadence.Levelling;
using Cadence.Planning;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Cadence.Tests.Planning;

/// <summary>Reconnect campaigns: who is in, how they are spread inside the budget, progress, pause and end.</summary>
public sealed class CampaignTests
{
    /// <summary>Friday 13 March 2026.</summary>
    private static readonly LocalDate Today = FixedDays.Today;

    private static readonly LocalDate EndOfYear = new(2026, 12, 31);

    /// <summary>The essay's forty past associates, each last heard from 13 to 52 months ago.</summary>
    private static Diary PastAssociates(int count = 40)
    {
        var relationships = Enumerable.Range(1, count).Select(i => new Relationship($"pa{i:00}", $"Associate {i}", "past associate")).ToList();
        var touches = relationships.Select((r, i) => new Touch(r.Id, Today.PlusMonths(-13 - i), Channel.Meeting)).ToList();
        relationships.Add(new Relationship("zoe", "Zoë", "client"));
        touches.Add(new Touch("zoe", Today.PlusDays(-3), Channel.Meeting));
        return new Diary(relationships, touches);
    }

    /// <summary>Past associates seen a few weeks ago (they came to a meeting): the cadence has them due in two or three months.</summary>
    private static Diary RecentAssociates(int count) =>
        new(
            Enumerable.Range(1, count).Select(i => new Relationship($"pa{i:00}", $"Associate {i}", "past associate")),
            Enumerable.Range(1, count).Select(i => new Touch($"pa{i:00}", Today.PlusDays(-20 - i), Channel.Meeting, Direction.Inbound)));

    private static SchedulerOptions WithBudget(int perDay, int? perWeek = null) =>
        SchedulerOptions.Default.WithCalendar(OwnerCalendar.ForZone("Europe/Berlin").WithBudget(new TouchBudget(perDay).WithPerWeek(perWeek)));

    [Fact]
    public void PastAssociatesThisYear_AllLongOverdue_KeptDueNow_CountedAndLevelledMostOverdueFirst()
    {
        // Issue 25: the essay's forty, 13 to 52 months since they were heard from, are all overdue: a campaign never
        // makes anyone later, so none is put off to later in the year; the owner's budget spreads them from today.
        var diary = PastAssociates().StartCampaign(
            Campaign.ForTier("past associates", "past associate", Today, EndOfYear).WithChannels(Channel.Call, Channel.Note));
        var campaign = diary.GetCampaign("past associates");
        Assert.Equal(40, campaign.Members.Count);
        Assert.DoesNotContain("zoe", campaign.Members);

        var options = WithBudget(2);
        var plan = new Scheduler(options).Plan(diary, Today);

        var touches = campaign.Members.Select(id => plan[id]).ToList();
        Assert.All(touches, t => Assert.False(t.IsCampaignTouch));
        Assert.All(touches, t => Assert.Equal(Today, t.Due));
        Assert.All(touches, t => Assert.EndsWith("campaign \"past associates\" to reconnect by Thu 31 Dec 2026: 0 of 40 done.", t.Why, StringComparison.Ordinal));

        // Levelled two a day, the most overdue first.
        var levelled = new Leveller(options.Calendar!).Level(plan);
        var ordered = Enumerable.Range(1, 40).Reverse().Select(i => levelled[$"pa{i:00}"].Due).ToList();
        Assert.Equal(ordered.Order().ToList(), ordered);
        Assert.Equal(Today, levelled["pa40"].Due);
        Assert.True(levelled["pa01"].Due < new LocalDate(2026, 5, 1), levelled["pa01"].Due.ToString());

        var progress = Assert.Single(plan.Campaigns);
        Assert.Equal((40, 0, 40, 0), (progress.Members, progress.Done, progress.Left.Count, progress.CannotFit.Count));
        Assert.Equal("pa40", progress.Left[0]);

        // Zoë is not a member: her touch is the cadence's.
        Assert.False(plan["zoe"].IsCampaignTouch);
        Assert.Null(plan["zoe"].CampaignName);
    }

    [Fact]
    public void RecentAssociatesByTheEndOfApril_PulledInAndSpreadMostFadedFirst_WithProgressInTheReason()
    {
        // Seen 21 to 40 days ago: due in June by the cadence; a campaign to 30 April brings each forward, spread over its
        // working days, the most faded first, by call.
        var by = new LocalDate(2026, 4, 30);
        var diary = RecentAssociates(20).StartCampaign(Campaign.ForTier("past associates", "past associate", Today, by).WithChannels(Channel.Call, Channel.Note));
        var plan = new Scheduler(WithBudget(2)).Plan(diary, Today);

        var touches = diary.Campaigns[0].Members.Select(id => plan[id]).ToList();
        Assert.All(touches, t => Assert.True(t.IsCampaignTouch));
        Assert.All(touches, t => Assert.InRange(t.Due, Today, by));
        Assert.All(touches, t => Assert.Equal(Channel.Call, t.Channel));
        Assert.Equal(Today, plan["pa20"].Due);
        var ordered = Enumerable.Range(1, 20).Reverse().Select(i => plan[$"pa{i:00}"].Due).ToList();
        Assert.Equal(ordered.Order().ToList(), ordered);
        Assert.True(plan["pa01"].Due > new LocalDate(2026, 4, 20), plan["pa01"].Due.ToString());
        Assert.StartsWith(
            "Campaign \"past associates\" to reconnect by Thu 30 Apr 2026: 0 of 20 done (brought forward: the cadence had it due ",
            plan["pa01"].Why,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AReplyOrAConnectedTouch_CompletesAMember_AndTheProgressCountsIt()
    {
        var diary = PastAssociates().StartCampaign(Campaign.ForTier("past associates", "past associate", Today, EndOfYear));
        var later = Today.PlusDays(10);
        diary = diary
            .Log(new Touch("pa01", later, Channel.Note, Direction.Inbound))
            .Log(new Touch("pa02", later, Channel.Call))
            .Log(new Touch("pa03", later, Channel.Call, outcome: Outcome.NoReply));

        var plan = new Scheduler(WithBudget(2)).Plan(diary, later);

        var progress = Assert.Single(plan.Campaigns);
        Assert.Equal(2, progress.Done);
        Assert.DoesNotContain("pa01", progress.Left);
        Assert.Contains("pa03", progress.Left);
        Assert.Null(plan["pa01"].CampaignName);
        Assert.Contains("2 of 40 done", plan["pa05"].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void PausedOrEnded_NotPlanned_ProgressKept()
    {
        var diary = PastAssociates(5).StartCampaign(Campaign.ForTier("past associates", "past associate", Today, EndOfYear));
        var paused = diary.UpdateCampaign(diary.GetCampaign("past associates").Pause());
        var ended = diary.UpdateCampaign(diary.GetCampaign("PAST ASSOCIATES").End(Today));

        foreach (var d in new[] { paused, ended })
        {
            var plan = new Scheduler().Plan(d, Today);
            Assert.All(d.Campaigns[0].Members, id => Assert.False(plan[id].IsCampaignTouch));
            Assert.Equal(5, Assert.Single(plan.Campaigns).Left.Count);
        }

        Assert.Throws<InvalidOperationException>(() => ended.Campaigns[0].Resume());
        Assert.Equal("past associates", new Scheduler().Plan(paused.UpdateCampaign(paused.Campaigns[0].Resume()), Today)["pa01"].CampaignName);
    }

    [Fact]
    public void PlanFor_AMember_IsItsTouchInTheWholePlan_ACampaignNotStartedYetIsNotThere()
    {
        var diary = PastAssociates(6).StartCampaign(Campaign.ForTier("pa", "past associate", Today, EndOfYear));
        var plan = new Scheduler(WithBudget(1)).Plan(diary, Today);

        foreach (var id in diary.Campaigns[0].Members)
        {
            Assert.Equal(plan[id], new Scheduler(WithBudget(1)).PlanFor(diary, id, Today));
        }

        var tomorrow = PastAssociates(6).StartCampaign(Campaign.ForTier("pa", "past associate", Today.PlusDays(1), EndOfYear));
        var before = new Scheduler().Plan(tomorrow, Today);
        Assert.Empty(before.Campaigns);
        Assert.DoesNotContain(before.Touches, t => t.CampaignName is not null);
        Assert.Single(new Scheduler().Plan(tomorrow, Today.PlusDays(1)).Campaigns);
    }

    [Fact]
    public void AReconnectionDueNow_IsOnTodaysAgenda_EvenWhenOverdueRoutineTouchesFillToday()
    {
        // Lived with the demo diary: ten overdue routine touches sat on today, so the most faded member was pushed to
        // tomorrow, and the next morning again to tomorrow: never on the agenda. Fixed touches take the budget first;
        // the overdue flexible ones are levelled around them.
        var others = Enumerable.Range(1, 6).Select(i => new Relationship($"c{i}", $"Client {i}", "client")).ToList();
        var diary = new Diary(
                [.. others, new Relationship("pa", "Associate", "past associate")],
                [.. others.Select(r => new Touch(r.Id, Today.PlusDays(-60), Channel.Meeting)), new Touch("pa", Today.PlusMonths(-20), Channel.Meeting)])
            .StartCampaign(Campaign.ForTier("pa", "past associate", Today.PlusDays(-20), EndOfYear));
        var options = WithBudget(2);

        foreach (var day in new[] { Today, Today.PlusDays(3) })
        {
            var levelled = new Leveller(options.Calendar!).Level(new Scheduler(options).Plan(diary, day));
            Assert.Equal(day, levelled["pa"].Due);
            Assert.Contains(levelled.Touches, t => t.RelationshipId.StartsWith('c') && t.Due == day);
            Assert.True(Agenda.For(levelled, day).Touches.Count <= 2);
        }
    }

    [Fact]
    public void FadedAndTagGroups_ChooseTheirMembersOnTheStartDay()
    {
        var diary = new Diary(
            [
                new Relationship("old", "Old", "client").WithTags("alumni"),
                new Relationship("recent", "Recent", "client").WithTags("alumni"),
                new Relationship("never", "Never", "prospect"),
                new Relationship("unanswered", "Unanswered", "prospect"),
                new Relationship("gone", "Gone", "client").WithTags("alumni").Archive(),
            ],
            [
                new Touch("old", Today.PlusMonths(-7), Channel.Call),
                new Touch("recent", Today.PlusMonths(-2), Channel.Call),
                new Touch("unanswered", Today.PlusDays(-5), Channel.Call, outcome: Outcome.NoReply),
            ]);

        Assert.Equal(["never", "old", "unanswered"], diary.StartCampaign(Campaign.ForFaded("faded", 6, Today, EndOfYear)).Campaigns[0].Members);
        Assert.Equal(["old", "recent"], diary.StartCampaign(Campaign.ForTag("alumni", "alumni", Today, EndOfYear)).Campaigns[0].Members);
    }

    [Fact]
    public void BadCampaigns_RefusedNamingTheValue()
    {
        var diary = PastAssociates(2).StartCampaign(Campaign.ForTier("pa", "past associate", Today, EndOfYear));

        Assert.Contains("2026-01-01", Assert.Throws<ArgumentOutOfRangeException>(() => Campaign.ForTier("x", "client", Today, new LocalDate(2026, 1, 1))).Message, StringComparison.Ordinal);
        Assert.Contains("0 was given", Assert.Throws<ArgumentOutOfRangeException>(() => Campaign.ForFaded("x", 0, Today, EndOfYear)).Message, StringComparison.Ordinal);
        Assert.Contains("already named \"pa\"", Assert.Throws<ArgumentException>(() => diary.StartCampaign(Campaign.ForTier("PA", "client", Today, EndOfYear))).Message, StringComparison.Ordinal);
        Assert.Contains("\"nobody\"", Assert.Throws<ArgumentException>(() => diary.StartCampaign(Campaign.ForTier("y", "client", Today, EndOfYear).WithMembers("nobody"))).Message, StringComparison.Ordinal);
        Assert.Contains("\"nothing\"", Assert.Throws<KeyNotFoundException>(() => diary.GetCampaign("nothing")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BudgetTooSmall_SaysWhoCannotFit_AndTheirCadenceTouchStays()
    {
        // Ten members, two weeks, one touch a day, Zoë's routine touch already takes... nothing here; 10 working days fit 10.
        var by = Today.PlusDays(6); // Fri 13 to Thu 19 Mar: five working days.
        var diary = RecentAssociates(10).StartCampaign(Campaign.ForTier("pa", "past associate", Today, by));

        var plan = new Scheduler(WithBudget(1)).Plan(diary, Today);

        var progress = Assert.Single(plan.Campaigns);
        Assert.Equal(5, progress.CannotFit.Count);
        Assert.Equal(progress.Left.Skip(5), progress.CannotFit);
        var left = plan[progress.CannotFit[0]];
        Assert.False(left.IsCampaignTouch);
        Assert.Contains("campaign \"pa\" to reconnect by Thu 19 Mar 2026: 0 of 10 done (no room left in the budget before then)", left.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void AMemberWithAPromiseOrARoutineTouchInThePeriod_KeepsIt_AndItCounts()
    {
        var diary = new Diary(
                [new Relationship("a", "A", "client"), new Relationship("b", "B", "client")],
                [new Touch("a", Today.PlusDays(-20), Channel.Meeting), new Touch("b", Today.PlusDays(-40), Channel.Meeting)],
                [new Commitment("c1", "b", Today.PlusDays(4), "send the deck")])
            .StartCampaign(Campaign.ForTier("clients", "client", Today, EndOfYear));

        var plan = new Scheduler().Plan(diary, Today);

        Assert.Equal(Today.PlusDays(10), plan["a"].Due);
        Assert.False(plan["a"].IsCampaignTouch);
        Assert.EndsWith("campaign \"clients\" to reconnect by Thu 31 Dec 2026: 0 of 2 done.", plan["a"].Why, StringComparison.Ordinal);
        Assert.Equal("c1", plan["b"].Commitment?.Id);
        Assert.Equal("clients", plan["b"].CampaignName);
    }

    /// <summary>A diary of members and others, a campaign over some of them, a budget, and a day.</summary>
    internal static Gen<(Diary Diary, SchedulerOptions Options, LocalDate Today, int PerDay, int? PerWeek)> CampaignScenario =>
        from members in Gen.Choose(1, 40)
        from others in Gen.Choose(0, 30)
        from ages in Gen.ArrayOf(Gen.Choose(0, 800), members + others)
        from neverTouched in Gen.ArrayOf(Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true))), members + others)
        from perDay in Gen.Choose(1, 4)
        from perWeek in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(3, 12).Select(w => (int?)w)))
        from span in Gen.Choose(0, 90)
        from startBack in Gen.Choose(0, 20)
        from today in Generators.Day(new LocalDate(2025, 1, 1), 700)
        select Build(members, others, ages, neverTouched, perDay, perWeek, span, startBack, today);

    private static (Diary, SchedulerOptions, LocalDate, int, int?) Build(int members, int others, int[] ages, bool[] never, int perDay, int? perWeek, int span, int startBack, LocalDate today)
    {
        var relationships = new List<Relationship>();
        var touches = new List<Touch>();
        for (int i = 0; i < members + others; i++)
        {
            string id = (i < members ? "m" : "o") + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            relationships.Add(new Relationship(id, id, i < members ? "past associate" : "client"));
            if (!never[i])
            {
                // Members last met one to three months ago: over a month (the past associates' minimum gap), so each one's
                // window is open, and due 9 to 59 days from now, so some fall after the campaign's end (it pulls them in)
                // and some inside it (they keep their day).
                touches.Add(new Touch(id, today.PlusDays(i < members ? -31 - (ages[i] % 50) : -startBack - ages[i]), Channel.Meeting));
            }
        }

        // Promises of some of the others, inside the period: fixed touches the campaign must leave room for.
        var commitments = Enumerable.Range(members, others).Where(i => i % 2 == 0)
            .Select(i => new Commitment("c" + i, "o" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), today.PlusDays(ages[i] % (span + 1)), "promise"))
            .ToList();
        var diary = new Diary(relationships, touches, commitments)
            .StartCampaign(Campaign.ForTier("pa", "past associate", today.PlusDays(-startBack), today.PlusDays(span)).WithChannels(Channel.Call, Channel.Note));
        var options = SchedulerOptions.Default.WithCalendar(OwnerCalendar.ForZone("Europe/Berlin").WithBudget(new TouchBudget(perDay).WithPerWeek(perWeek)));
        return (diary, options, today, perDay, perWeek);
    }

    [Property(MaxTest = 200)]
    public Property Campaign_NeverExceedsTheBudget_PlacesEveryoneWhenItAllows_SaysWhoCannotFit()
    {
        return Prop.ForAll(CampaignScenario.ToArbitrary(), x =>
        {
            var (diary, options, today, perDay, perWeek) = x;
            var raw = new Scheduler(options).Plan(diary, today);
            var plan = new Leveller(options.Calendar!).Level(raw);
            var campaign = diary.Campaigns[0];
            var progress = plan.Campaigns[0];
            var placed = plan.Touches.Where(t => t.IsCampaignTouch).ToList();
            var calendar = options.Calendar!;

            // Never over budget: once levelled, a day (and a week) with a campaign touch has no more touches than the
            // budget allows (campaign touches are fixed: they take the budget before the flexible ones).
            bool withinBudget = placed.All(p =>
                calendar.IsWorkingDay(p.Due)
                && plan.Touches.Count(t => t.Due == p.Due) <= perDay
                && (perWeek is not { } w || plan.Touches.Count(t => WeekOf(t.Due) == WeekOf(p.Due)) <= w));

            // Inside the period, never before today.
            bool inPeriod = placed.All(p => p.Due >= today && p.Due <= campaign.By);

            // Everyone placed when the budget allows: the room the other fixed touches leave, counted day by day (and
            // week by week), is at least the members the campaign spreads; otherwise exactly the shortfall is named.
            int spreadCount = placed.Count + progress.CannotFit.Count;
            int room = Room(raw.Touches.Where(t => t.IsFixed && !t.IsCampaignTouch), calendar, today, campaign.By, perDay, perWeek);
            bool allWhenRoom = room >= spreadCount ? progress.CannotFit.Count == 0 : progress.CannotFit.Count == spreadCount - room;

            // The ones left out are the least faded of those spread.
            bool leastFadedLeftOut = progress.CannotFit.SequenceEqual(progress.Left.Where(id => progress.CannotFit.Contains(id) || plan[id].IsCampaignTouch).TakeLast(progress.CannotFit.Count));

            return (withinBudget && inPeriod && allWhenRoom && (perWeek is not null || leastFadedLeftOut))
                .Label($"budget {withinBudget} period {inPeriod} all {allWhenRoom} (room {room}, spread {spreadCount}, cannot {progress.CannotFit.Count}) faded {leastFadedLeftOut}");
        });
    }

    /// <summary>The room the fixed touches not placed by the campaign leave in the period, day by day inside the weekly limit.</summary>
    private static int Room(IEnumerable<PlannedTouch> counted, OwnerCalendar calendar, LocalDate today, LocalDate by, int perDay, int? perWeek)
    {
        var others = counted.Where(t => !t.IsCampaignTouch).ToList();
        var weekUsed = others.GroupBy(t => WeekOf(t.Due)).ToDictionary(g => g.Key, g => g.Count());
        int room = 0;
        for (var day = today; day <= by; day = day.PlusDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            int free = Math.Max(0, perDay - others.Count(t => t.Due == day));
            if (perWeek is { } w)
            {
                int week = WeekOf(day);
                int left = Math.Max(0, w - weekUsed.GetValueOrDefault(week));
                free = Math.Min(free, left);
                weekUsed[week] = weekUsed.GetValueOrDefault(week) + free;
            }

            room += free;
        }

        return room;
    }

    private static int WeekOf(LocalDate day) => day.ToDateOnly().DayNumber - ((int)day.DayOfWeek - 1);

    [Property(MaxTest = 100)]
    public Property Campaign_DeterministicAndOrderIndependent()
    {
        var gen =
            from s in CampaignScenario
            from relationships in Gen.Shuffle(s.Diary.Relationships.ToArray())
            from touches in Gen.Shuffle(s.Diary.Touches.ToArray())
            from commitments in Gen.Shuffle(s.Diary.Commitments.ToArray())
            select (s, new Diary(relationships, touches, commitments, campaigns: [s.Diary.Campaigns[0].WithMembers(s.Diary.Campaigns[0].Members.Reverse())]));

        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var scheduler = new Scheduler(x.s.Options);
            return scheduler.Plan(x.s.Diary, x.s.Today).Equals(scheduler.Plan(x.Item2, x.s.Today))
                && scheduler.Plan(x.s.Diary, x.s.Today).Equals(scheduler.Plan(x.s.Diary, x.s.Today));
        });
    }
}
