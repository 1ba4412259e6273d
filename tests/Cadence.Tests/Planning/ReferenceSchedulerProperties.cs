using System;
using System.Collections.Generic;
using System.Linq;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit.Abstractions;

namespace Cadence.Tests.Planning;

/// <summary>
/// The composed plan (<see cref="Scheduler"/>, its precedence list of rules and the campaigns over the whole plan) gives
/// exactly what the <see cref="ReferenceScheduler"/> (docs/design.md, "Planning rules", in plain code) gives, touch by
/// touch and reason by reason, on diaries that mix every feature (<see cref="AllFeatures"/>).
/// </summary>
public class ReferenceSchedulerProperties(ITestOutputHelper output)
{
    /// <summary>What share of the generated plans must show each feature, so the property above is not vacuous.</summary>
    private static readonly (string Feature, double AtLeast, Func<FeatureScenario, Plan, bool> Shows)[] Features =
    [
        ("a follow-up step", 0.10, (_, p) => p.Touches.Any(t => t.IsFollowUp)),
        ("a ladder that ended", 0.03, (_, p) => Any<LadderEndedReason>(p)),
        ("a promise", 0.25, (_, p) => p.Touches.Any(t => t.IsPinned)),
        ("a promise carried to the floor", 0.05, (_, p) => Any<CarriedToFloorReason>(p)),
        ("a promise beyond the cadence, after the cadence's touch", 0.05, (_, p) => p.Touches.Any(t => t.PromiseAfter is not null && !t.IsDateTouch)),
        ("a move by hand", 0.10, (_, p) => Any<MovedByHandReason>(p)),
        ("a pause that holds", 0.10, (_, p) => Any<PausedReason>(p)),
        ("a routine touch held by the floor", 0.10, (_, p) => Any<WaitReason>(p)),
        ("a date touch", 0.20, (_, p) => p.Touches.Any(t => t.IsDateTouch)),
        ("a routine touch held for a date", 0.05, (_, p) => Any<HeldForDateReason>(p)),
        ("a promise after a date", 0.03, (_, p) => Any<BeforeNextStepReason>(p)),
        ("a campaign placement", 0.01, (_, p) => p.Touches.Any(t => t.IsCampaignTouch)),
        ("a campaign member keeping its touch", 0.10, (_, p) => p.Touches.Any(t => t.CampaignName is not null && !t.IsCampaignTouch)),
        ("a member that cannot fit", 0.002, (_, p) => p.Campaigns.Any(c => c.CannotFit.Count > 0)),
        ("an overdue touch", 0.30, (_, p) => p.Touches.Any(t => t.IsOverdue)),
        ("a channel taken offline", 0.10, (_, p) => Any<TakeItOfflineReason>(p)),
        ("a diary planned as of a past day", 0.10, (s, _) => !ReferenceEquals(s.Diary.AsOf(s.Today), s.Diary)),
    ];

    private static bool Any<T>(Plan plan) where T : Reason => plan.Touches.Any(t => t.Reasons.OfType<T>().Any());

    [Fact]
    public void AllFeatures_OneThousandDiaries_ShowEveryFeatureOften()
    {
        var scenarios = AllFeatures.Scenario.Sample(Generators.Runs, new Rnd(2026, 3), 50);
        var plans = scenarios.Select(s => (s, new Scheduler(s.Options).Plan(s.Diary, s.Today))).ToList();
        var rare = new List<string>();
        foreach (var (feature, atLeast, shows) in Features)
        {
            double share = plans.Count(x => shows(x.s, x.Item2)) / (double)plans.Count;
            output.WriteLine($"{feature}: {share:P1}");
            if (share < atLeast)
            {
                rare.Add($"{feature}: {share:P1}, at least {atLeast:P0} wanted");
            }
        }

        Assert.True(rare.Count == 0, "Some features are too rare in the generated plans: " + string.Join("; ", rare));
    }

    [Property(MaxTest = Generators.Runs, QuietOnSuccess = true)]
    public Property Plan_AnyDiaryWithEveryFeature_EqualsTheReferenceScheduler() =>
        Prop.ForAll(AllFeatures.Scenarios, s =>
        {
            var expected = ReferenceScheduler.Plan(s.Diary, s.Today, s.Options);
            var actual = new Scheduler(s.Options).Plan(s.Diary, s.Today);
            var differences = Differences(expected, actual).ToList();
            if (differences.Count > 0)
            {
                throw new InvalidOperationException("The scheduler differs from the reference scheduler:\n  " + string.Join("\n  ", differences));
            }

            return true;
        });

    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property Plan_CampaignHeavyDiaries_EqualTheReferenceScheduler() =>
        // Up to 40 members, some due after the campaign's end (pulled in) and some inside it, tight budgets, promises of
        // others in the period: where the all-features diaries rarely place a member (the campaign only brings touches
        // earlier, and those diaries' members mostly have another rule's touch).
        Prop.ForAll(CampaignTests.CampaignScenario.ToArbitrary(), x =>
        {
            var differences = Differences(ReferenceScheduler.Plan(x.Diary, x.Today, x.Options), new Scheduler(x.Options).Plan(x.Diary, x.Today)).ToList();
            if (differences.Count > 0)
            {
                throw new InvalidOperationException("The scheduler differs from the reference scheduler:\n  " + string.Join("\n  ", differences));
            }

            return true;
        });

    [Property(MaxTest = Generators.Runs, QuietOnSuccess = true)]
    public Property Plan_TheUsualDiariesAndThoseAtTheEdgesOfTheSupportedDates_EqualTheReferenceScheduler() =>
        Prop.ForAll(Gen.OneOf(Generators.Scenario, Generators.AtTheEdges, NextSteps.NextStepProperties.Scenario).ToArbitrary(), s =>
        {
            var differences = Differences(ReferenceScheduler.Plan(s.Diary, s.Today, s.Options), new Scheduler(s.Options).Plan(s.Diary, s.Today)).ToList();
            if (differences.Count > 0)
            {
                throw new InvalidOperationException("The scheduler differs from the reference scheduler:\n  " + string.Join("\n  ", differences));
            }

            return true;
        });

    /// <summary>Each difference between the reference's plan and the scheduler's: relationship, field, reference vs scheduler.</summary>
    internal static IEnumerable<string> Differences(ReferencePlan expected, Plan actual)
    {
        var actualIds = actual.Touches.Select(t => t.RelationshipId).Order(StringComparer.Ordinal).ToList();
        var expectedIds = expected.Touches.Select(t => t.RelationshipId).ToList();
        if (!expectedIds.SequenceEqual(actualIds))
        {
            yield return $"planned: reference [{string.Join(", ", expectedIds)}], scheduler [{string.Join(", ", actualIds)}]";
        }

        foreach (var want in expected.Touches)
        {
            if (!actual.TryGet(want.RelationshipId, out var got))
            {
                continue;
            }

            foreach (var (field, reference, scheduler) in Fields(want, got).Where(f => f.Reference != f.Scheduler))
            {
                yield return $"{want.RelationshipId}: {field}: reference {reference}, scheduler {scheduler}";
            }
        }

        var campaigns = actual.Campaigns.Select(c => new ReferenceProgress(c.Name, c.Members, c.Done, c.Left, c.CannotFit)).ToList();
        foreach (var name in expected.Campaigns.Select(c => c.Name).Union(campaigns.Select(c => c.Name)))
        {
            string Of(IEnumerable<ReferenceProgress> list) =>
                list.FirstOrDefault(c => c.Name == name) is { } c
                    ? $"{c.Members} members, {c.Done} done, left [{string.Join(", ", c.Left)}], cannot fit [{string.Join(", ", c.CannotFit)}]"
                    : "none";
            if (Of(expected.Campaigns) != Of(campaigns))
            {
                yield return $"campaign {name}: reference {Of(expected.Campaigns)}, scheduler {Of(campaigns)}";
            }
        }

        if (!expected.Campaigns.Select(c => c.Name).SequenceEqual(campaigns.Select(c => c.Name)))
        {
            yield return $"campaigns' order: reference [{string.Join(", ", expected.Campaigns.Select(c => c.Name))}], scheduler [{string.Join(", ", campaigns.Select(c => c.Name))}]";
        }
    }

    private static IEnumerable<(string Field, string Reference, string Scheduler)> Fields(ReferenceTouch want, PlannedTouch got)
    {
        static string Day(NodaTime.LocalDate? day) => day?.ToString("uuuu-MM-dd", null) ?? "none";
        yield return ("Due", Day(want.Due), Day(got.Due));
        yield return ("NotBefore", Day(want.NotBefore), Day(got.NotBefore));
        yield return ("NotAfter", Day(want.NotAfter), Day(got.NotAfter));
        yield return ("WindowOpens", Day(want.WindowOpens), Day(got.WindowOpens));
        yield return ("DaysOverdue", want.DaysOverdue.ToString(), got.DaysOverdue.ToString());
        yield return ("Channel", want.Channel.ToString(), got.Channel.ToString());
        yield return ("IsFixed", want.IsFixed.ToString(), got.IsFixed.ToString());
        yield return ("IsPinned (commitment)", want.CommitmentId ?? "none", got.Commitment?.Id ?? "none");
        yield return ("IsFollowUp", want.IsFollowUp.ToString(), got.IsFollowUp.ToString());
        yield return ("IsDateTouch", want.IsDateTouch.ToString(), got.IsDateTouch.ToString());
        yield return ("IsCampaignTouch", want.IsCampaignTouch.ToString(), got.IsCampaignTouch.ToString());
        yield return ("CampaignName", want.CampaignName ?? "none", got.CampaignName ?? "none");
        yield return ("PromiseAfter", want.PromiseAfterId ?? "none", got.PromiseAfter?.Id ?? "none");
        yield return ("Reasons", string.Join(", ", want.Reasons.Select(r => r.Name)), string.Join(", ", got.Reasons.Select(r => r.GetType().Name)));
    }
}
