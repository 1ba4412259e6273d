using System;
using System.Linq;
using Cadence.Calendars;
using Cadence.Explanations;
using Cadence.Levelling;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Cadence.Tests.Planning;

/// <summary>
/// Where two features meet (issue 25), over diaries that mix them all (<see cref="AllFeatures"/>) and campaign-heavy ones
/// (<see cref="CampaignTests.CampaignScenario"/>): a campaign only brings touches earlier and touches nobody else; and a
/// touch is never overdue on the first day the plan gave it.
/// </summary>
public class CombinationProperties
{
    /// <summary>The same diary without its campaigns.</summary>
    private static Diary WithoutCampaigns(Diary diary) => new(diary.Relationships, diary.Touches, diary.Commitments, diary.Moves);

    [Property(MaxTest = Generators.Runs, QuietOnSuccess = true)]
    public Property Campaign_NeverMakesAMemberLater_AndChangesNobodyElse() =>
        Prop.ForAll(
            Gen.OneOf(
                AllFeatures.Scenario.Select(s => (s.Diary, s.Options, s.Today)),
                CampaignTests.CampaignScenario.Select(x => (x.Diary, x.Options, x.Today))).ToArbitrary(),
            x =>
            {
                var (diary, options, today) = x;
                var scheduler = new Scheduler(options);
                var with = scheduler.Plan(diary, today);
                var without = scheduler.Plan(WithoutCampaigns(diary), today);
                var members = diary.AsOf(today).Campaigns.SelectMany(c => c.Members).ToHashSet(StringComparer.Ordinal);
                foreach (var touch in without.Touches)
                {
                    var campaigned = with[touch.RelationshipId];
                    if (!members.Contains(touch.RelationshipId))
                    {
                        Assert.True(touch.Equals(campaigned), $"not a member, but changed: {touch} / {campaigned}");
                    }
                    else
                    {
                        Assert.True(campaigned.Due <= touch.Due, $"a member made later: {touch} / {campaigned}");
                        Assert.True(campaigned.IsCampaignTouch || campaigned.Due == touch.Due, $"a member moved without being placed: {touch} / {campaigned}");
                    }
                }

                return true;
            });

    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property Levelled_NoTouchIsOverdueOnTheDayTheLevelledPlanGaveIt_UnlessABudgetMovedIt() =>
        Prop.ForAll(
            (from s in AllFeatures.Scenario from later in Gen.Choose(1, 40) select (s, later)).ToArbitrary(),
            x =>
            {
                // Days off are not lateness: a touch the levelled plan put on a later day (for the weekend, a holiday,
                // time off, the contact's weekend) is not overdue that morning. (A full budget is the known exception:
                // levelling does not remember yesterday's plan, docs/design.md "Levelling".)
                var (s, later) = x;
                var diary = s.Diary.AsOf(s.Today);
                var scheduler = new Scheduler(s.Options);
                var calendar = s.Options.Calendar ?? new OwnerCalendar(DateTimeZone.Utc);
                var leveller = new Leveller(calendar);
                var plan = leveller.Level(scheduler.Plan(diary, s.Today));
                bool Budget(Reason r) => r is LevelledReason { Cause: MoveCause.DailyBudget or MoveCause.WeeklyBudget or MoveCause.ChannelBudget };

                // A touch the budget may have kept from a working day before its own (a day it names as a day off may
                // be one, and the working days after it full).
                bool MaybeBudget(LevelledTouch t) =>
                    t.Reasons.Any(Budget)
                    || Enumerable.Range(0, Period.DaysBetween(s.Today, t.Due)).Any(d => calendar.DayOffOn(s.Today.PlusDays(d)) == DayOff.None);
                foreach (var touch in plan.Touches.Where(t => !t.IsFixed && t.DaysOverdue == 0 && t.Due > s.Today && t.Due <= s.Today.PlusDays(later) && !MaybeBudget(t)))
                {
                    var then = leveller.Level(scheduler.Plan(diary, touch.Due))[touch.RelationshipId];
                    Assert.True(
                        then.DaysOverdue == 0 || then.Due > touch.Due || then.IsFixed,
                        $"{s}\nplaced on {touch.Due:uuuu-MM-dd} on {s.Today:uuuu-MM-dd}: {touch.Why}\nthat morning: {then.Why}");
                }

                return true;
            });

    [Property(MaxTest = Generators.Runs, QuietOnSuccess = true)]
    public Property Plan_NoTouchIsOverdueOnTheFirstDayThePlanGaveIt() =>
        Prop.ForAll(
            (from s in AllFeatures.Scenario from later in Gen.Choose(1, 60) select (s, later)).ToArbitrary(),
            x =>
            {
                // Nothing is logged after the plan's day: the diary as it stood then, planned again on each touch's day.
                var (s, later) = x;
                var diary = s.Diary.AsOf(s.Today);
                var scheduler = new Scheduler(s.Options);
                var plan = scheduler.Plan(diary, s.Today);
                foreach (var touch in plan.Touches.Where(t => t.Due > s.Today && t.Due <= s.Today.PlusDays(later)))
                {
                    var then = scheduler.PlanFor(diary, touch.RelationshipId, touch.Due)!;
                    Assert.True(
                        then.DaysOverdue == 0 || then.Due > touch.Due,
                        $"planned for {touch.Due:uuuu-MM-dd} on {s.Today:uuuu-MM-dd}: {touch.Why}\nthat morning: {then.Why}");
                }

                return true;
            });
}
