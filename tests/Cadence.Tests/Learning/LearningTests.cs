using System.Linq;
using Cadence.Explanations;
using Cadence.Planning;
using NodaTime;
using static Cadence.Tests.Planning.Rules.RuleFixture;

namespace Cadence.Tests.Learning;

/// <summary>
/// A rhythm that learns (issue 29; docs/design.md, "A rhythm that learns"), by example: Zoë is a client (at least 14
/// days, due every 30, at most 45) and today is Friday 13 March 2026.
/// </summary>
public sealed class LearningTests
{
    private static readonly SchedulerOptions Learning = SchedulerOptions.Default.WithRules(CadenceRules.Default.WithLearning("client"));

    /// <summary>Meetings of Zoë's that connected, <paramref name="daysAgo"/> days before today.</summary>
    private static Diary Met(params int[] daysAgo) => new([Zoe], daysAgo.Select(d => Touch(d)));

    [Fact]
    public void FourExchanges40DaysApart_TheTargetMoves60PercentOfTheWay_To36Days_AndSaysSo()
    {
        var diary = Met(130, 90, 50, 10);

        var touch = Planned(diary, Learning);

        // 30 + 3/(3+2)·(40 − 30) = 36 days after the last meeting; the latest day stays the rule's 45.
        Assert.Equal((Day(26), Day(35)), (touch.Due, touch.NotAfter));
        Assert.True(touch.IsLearned);
        Assert.Equal(new RhythmReason(36, 40, 3), touch.Reasons.OfType<RhythmReason>().Single());
        Assert.Equal(
            [typeof(RenewalReason), typeof(RhythmReason), typeof(CadenceReason)],
            Kinds(touch));
        Assert.Contains("; aiming every 36 days: their own rhythm, every 40 days over the last 4 exchanges; clients are due every 30 days (at most 45)", touch.Why, System.StringComparison.Ordinal);
        Assert.Equal(Day(20), Planned(diary).Due);
    }

    [Fact]
    public void ThreeExchanges_TooLittleHistory_ThePlanOfTheRule()
    {
        var diary = Met(90, 50, 10);

        var touch = Planned(diary, Learning);

        Assert.False(touch.IsLearned);
        Assert.Equal(Planned(diary), touch);
        Assert.Equal(Day(20), touch.Due);
    }

    [Theory]
    [InlineData(new[] { 28, 24, 20, 16, 12, 8, 4 }, 14)] // every 4 days: held at the minimum gap
    [InlineData(new[] { 310, 210, 110, 10 }, 45)]         // every 100 days: held at the maximum gap
    [InlineData(new[] { 70, 50, 30, 10 }, 24)]            // every 20 days: 30 − 0.6·10
    public void TheLearnedTarget_NeverLeavesTheRulesGaps(int[] daysAgo, int target)
    {
        var touch = Planned(Met(daysAgo), Learning);

        Assert.Equal(Day(-daysAgo[^1] + target), touch.Due);
        Assert.Equal(target, touch.Reasons.OfType<RhythmReason>().Single().TargetDays);
    }

    [Fact]
    public void Pinned_InATierThatLearns_KeepsItsRule_AndLearn_InATierThatDoesNot_Learns()
    {
        var touches = new[] { 130, 90, 50, 10 }.Select(d => Touch(d)).ToArray();

        var pinned = Planned(new Diary([Zoe.WithPacing(Pacing.Pinned)], touches), Learning);
        var learning = Planned(new Diary([Zoe.WithPacing(Pacing.Learn)], touches));

        Assert.Equal((Day(20), false), (pinned.Due, pinned.IsLearned));
        Assert.Equal((Day(26), true), (learning.Due, learning.IsLearned));
        Assert.True(CadenceRules.Default.WithLearning("Client").Learns(Zoe));
        Assert.False(CadenceRules.Default.WithLearning("client").WithLearning("CLIENT", false).Learns("client"));
    }

    [Fact]
    public void TwoAttemptsUnansweredInARow_TheNextWaitsTwiceTheMinimumGap_AndSaysSo()
    {
        var diary = new Diary([Zoe], [Touch(60), Touch(30, Channel.Note, outcome: Outcome.NoReply), Touch(15, Channel.Note, outcome: Outcome.NoReply)]);

        var touch = Planned(diary, Learning);

        // Without learning the next attempt comes 14 days after the last one (yesterday: due today); learning waits 28.
        Assert.Equal(Today, Planned(diary).Due);
        Assert.Equal((Day(13), Day(13)), (touch.Due, touch.NotBefore));

        // The cadence's latest day was 45 days after the meeting, long past: the wait is the plan's choice, not lateness.
        Assert.Equal((Day(13), false), (touch.NotAfter, touch.IsLate));
        Assert.True(Planned(diary).IsLate);
        Assert.Equal(new SpacedOutReason(2, Day(-30), Day(-15), 28, Day(13)), touch.Reasons.OfType<SpacedOutReason>().Single());
        Assert.DoesNotContain(touch.Reasons, r => r is WaitReason);
        Assert.Contains("2 attempts unanswered since Wed 11 Feb 2026: the next waits 4 weeks after the last, so not before Thu 26 Mar 2026", touch.Why, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ThreeAttemptsUnanswered_FourTimesTheMinimumGap_ButNeverPastTheMaximumGap()
    {
        var diary = new Diary([Zoe], [Touch(90), .. new[] { 45, 30, 15 }.Select(d => Touch(d, Channel.Note, outcome: Outcome.NoReply))]);

        var touch = Planned(diary, Learning);

        // 14 · 4 = 56 days, held at 45.
        Assert.Equal(Day(30), touch.Due);
        Assert.Equal(45, touch.Reasons.OfType<SpacedOutReason>().Single().WaitDays);
    }

    [Fact]
    public void OneAttemptUnanswered_TheMinimumGap_AsWithoutLearning()
    {
        var diary = new Diary([Zoe], [Touch(60), Touch(3, Channel.Note, outcome: Outcome.NoReply)]);

        var touch = Planned(diary, Learning);

        Assert.Equal(Planned(diary), touch);
        Assert.Equal(Day(11), touch.Due);
        Assert.Contains(touch.Reasons, r => r is WaitReason);
    }

    [Fact]
    public void AReplyEndsTheRun_TheNextAttemptWaitsTheMinimumGapAgain()
    {
        var diary = new Diary(
            [Zoe],
            [Touch(60), Touch(40, Channel.Note, outcome: Outcome.NoReply), Touch(30, Channel.Note, outcome: Outcome.NoReply), Touch(20, Channel.Note, Direction.Inbound), Touch(5, Channel.Note, outcome: Outcome.NoReply)]);

        Assert.DoesNotContain(Planned(diary, Learning).Reasons, r => r is SpacedOutReason);
    }

    [Fact]
    public void Health_ByTheSilenceAgainstItsOwnRhythmAndWindow()
    {
        // Usually every 40 days; the window (the rule's maximum gap) is 45 days.
        Assert.Equal(HealthLevel.Strong, Planned(Met(130, 90, 50, 10), Learning).Health.Level);
        Assert.Equal(HealthLevel.Steady, Planned(Met(164, 124, 84, 44)).Health.Level);
        Assert.Equal(HealthLevel.Fading, Planned(Met(170, 130, 90, 50)).Health.Level);

        // Usually every 20 days, quiet for 200: past eight usual gaps, likely to decay.
        var dormant = Planned(Met(260, 240, 220, 200)).Health;
        Assert.Equal((HealthLevel.Dormant, true, 200, 20), (dormant.Level, dormant.DecayWarning, dormant.QuietDays, dormant.UsualGapDays));
        Assert.StartsWith("dormant: quiet 200 days, usually every 20 days (quiet over 8 times that: likely to fade away)", dormant.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Health_WithoutARhythmYet_AgainstTheRulesTarget_AndNeverTouched_Steady()
    {
        var health = Planned(Met(20)).Health;
        Assert.Equal((HealthLevel.Strong, (int?)null, false), (health.Level, health.UsualGapDays, health.DecayWarning));
        Assert.Equal(HealthLevel.Fading, Planned(Met(60)).Health.Level);

        var never = Planned(new Diary([Zoe], [])).Health;
        Assert.Equal((HealthLevel.Steady, (int?)null), (never.Level, never.QuietDays));
        Assert.Equal("steady: no touch yet", never.ToString());
    }

    [Fact]
    public void Health_TheBalance_WhoStartedAndWhatWasAnswered_AndHowFast()
    {
        var diary = new Diary(
            [Zoe],
            [
                Touch(60, Channel.Note, Direction.Inbound),         // they started
                Touch(40, Channel.Note),                            // answered two days later
                Touch(38, Channel.Note, Direction.Inbound),
                Touch(20, Channel.Call),                            // a call that connected answers itself
                Touch(10, Channel.Note, outcome: Outcome.NoReply),  // unanswered
                Touch(5, Channel.Note, outcome: Outcome.NoReply),   // unanswered
            ]);

        var health = Planned(diary).Health;

        Assert.Equal((2, 3), (health.TheyStarted, health.Replies));
        Assert.Equal((2, 4), (health.Answered, health.Attempts));
        Assert.Equal((0, 2), (health.ReplyDays, health.UnansweredInARow));
        Assert.Equal(0.5, health.AnsweredShare);
        Assert.Equal("strong: quiet 20 days; they started 2 of the last 3 exchanges; answered 2 of 4 attempts, usually the same day; 2 unanswered in a row", health.ToString());
    }

    [Fact]
    public void Health_OfAnArchivedRelationship_FromTheScheduler()
    {
        var diary = new Diary([Zoe.Archive()], [Touch(260), Touch(240), Touch(220), Touch(200)]);

        var health = new Scheduler().Health(diary, "zoe", Today);

        Assert.Equal(HealthLevel.Dormant, health.Level);
        Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => new Scheduler().Health(diary, "nobody", Today));
    }
}
