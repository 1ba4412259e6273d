using System;
using System.Linq;
using NodaTime;

namespace Cadence.Tests.Planning.Rules;

/// <summary>
/// What the tests of each planning rule share: a relationship's facts as the scheduler reads them, a rule applied to a
/// candidate, the candidate the rules before it in the precedence list leave, and the kinds of a planned touch's reasons.
/// </summary>
internal static class RuleFixture
{
    /// <summary>Friday 13 March 2026.</summary>
    public static readonly LocalDate Today = FixedDays.Today;

    /// <summary>The precedence list of docs/design.md, in the order of <c>Scheduler.Precedence</c>.</summary>
    public static readonly PlanningRule[] Precedence =
        [RoutineRule.Instance, FollowUpRule.Instance, CallBackRule.Instance, PromiseRule.Instance, MoveRule.Instance, PauseRule.Instance, DateRule.Instance];

    /// <summary>Zoë, a client (at least 14 days, due every 30, at most 45).</summary>
    public static Relationship Zoe => new("zoe", "Zoë", "client");

    /// <summary>A day relative to <see cref="Today"/>.</summary>
    public static LocalDate Day(int days) => Today.PlusDays(days);

    /// <summary>A touch of Zoë's, <paramref name="daysAgo"/> days before <see cref="Today"/>.</summary>
    public static Touch Touch(int daysAgo, Channel channel = Channel.Meeting, Direction direction = Direction.Outbound, Outcome outcome = Outcome.Connected, string? medium = null) =>
        new Touch("zoe", Day(-daysAgo), channel, direction, outcome, medium).WithId("t" + daysAgo + channel + direction + outcome);

    /// <summary>One relationship's facts, as <see cref="Scheduler"/> reads them for a plan of <paramref name="today"/>.</summary>
    public static RelationshipFacts Facts(Diary diary, SchedulerOptions? options = null, LocalDate? today = null, string id = "zoe") =>
        RelationshipFacts.Of(PlanningContext.Of(diary, today ?? Today, options ?? SchedulerOptions.Default), diary.IndexOf(id));

    /// <summary>A rule applied to a candidate.</summary>
    public static Candidate Apply(PlanningRule rule, in RelationshipFacts facts, Candidate candidate)
    {
        rule.Apply(facts, ref candidate);
        return candidate;
    }

    /// <summary>The candidate the rules before <paramref name="rule"/> in the precedence list leave.</summary>
    public static Candidate Before(PlanningRule rule, in RelationshipFacts facts)
    {
        Candidate candidate = default;
        foreach (var earlier in Precedence.TakeWhile(r => r != rule))
        {
            earlier.Apply(facts, ref candidate);
        }

        return candidate;
    }

    /// <summary>The candidate after <paramref name="rule"/>, given what the rules before it left.</summary>
    public static Candidate Through(PlanningRule rule, in RelationshipFacts facts) => Apply(rule, facts, Before(rule, facts));

    /// <summary>The planned touch of a relationship in the scheduler's plan.</summary>
    public static PlannedTouch Planned(Diary diary, SchedulerOptions? options = null, LocalDate? today = null, string id = "zoe") =>
        new Scheduler(options).Plan(diary, today ?? Today)[id];

    /// <summary>The kinds of a planned touch's reasons, in order.</summary>
    public static Type[] Kinds(PlannedTouch touch) => [.. touch.Reasons.Select(r => r.GetType())];
}
