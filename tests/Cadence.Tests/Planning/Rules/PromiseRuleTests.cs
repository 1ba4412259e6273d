using System.Linq;
using Cadence.Explanations;
using NodaTime;
using static Cadence.Tests.Planning.Rules.RuleFixture;

namespace Cadence.Tests.Planning.Rules;

/// <summary>Rule 3, a promise (<see cref="PromiseRule"/>): the open commitment that pins the touch takes over, fixed on its day.</summary>
public sealed class PromiseRuleTests
{
    private static Commitment Promise(string id, int inDays, Channel? channel = null, int madeDaysAgo = 3) =>
        new(id, "zoe", Day(inDays), "send the proposal", channel, madeOn: Day(-madeDaysAgo));

    private static Candidate Promised(Diary diary) => Through(PromiseRule.Instance, Facts(diary));

    [Fact]
    public void Apply_AnOpenCommitment_TakesOverFixedOnItsDay()
    {
        var diary = new Diary([Zoe], [Touch(20)], [Promise("c1", 7, Channel.Call)]);

        var candidate = Promised(diary);

        Assert.Same(PromiseRule.Instance, candidate.Rule);
        Assert.True(candidate.IsFixed);
        Assert.Equal(Day(7), candidate.Day);
        Assert.Equal(Day(7), candidate.NotAfter);
        Assert.Equal(Day(7), candidate.Opens);
        Assert.Equal("c1", candidate.Commitment?.Id);
        Assert.Null(candidate.Note);

        var planned = Planned(diary);
        Assert.True(planned.IsPinned);
        Assert.Equal(Channel.Call, planned.Channel);
        Assert.Equal([typeof(CommitmentReason), typeof(RenewalReason)], Kinds(planned));
    }

    [Fact]
    public void Apply_SeveralCommitments_TheEarliestOpenOnePins_TiesById()
    {
        var diary = new Diary([Zoe], [], [Promise("b", 5), Promise("a", 5), Promise("c", 2).MarkDone(Day(-1))]);

        Assert.Equal("a", Promised(diary).Commitment?.Id);
    }

    [Fact]
    public void Apply_InsideTheMinimumGapAfterAnUnansweredAttempt_CarriedToItsEnd()
    {
        // The call three days ago went unanswered: the floor is 14 days after it.
        var diary = new Diary([Zoe], [Touch(20), Touch(3, Channel.Call, outcome: Outcome.NoReply)], [Promise("c1", 4)]);

        var candidate = Promised(diary);

        Assert.Equal(Day(11), candidate.Day);
        Assert.Equal(Day(11), candidate.NotAfter);
        Assert.Equal(Day(11), candidate.Opens);
        Assert.Equal(Day(4), candidate.Note?.Carried?.Promised);
        Assert.Equal(
            [typeof(CommitmentReason), typeof(CarriedToFloorReason), typeof(RenewalReason), typeof(LatestTouchReason)],
            Kinds(Planned(diary)));
    }

    [Fact]
    public void Apply_InsideTheMinimumGapAfterAConversation_TheAgreedDayStands()
    {
        var candidate = Promised(new Diary([Zoe], [Touch(3, Channel.Call)], [Promise("c1", 4)]));

        Assert.Equal(Day(4), candidate.Day);
        Assert.Null(candidate.Note);
    }

    [Fact]
    public void Apply_TheyRepliedSinceTheUnansweredAttempt_TheAgreedDayStands()
    {
        var diary = new Diary([Zoe], [Touch(5, Channel.Call, outcome: Outcome.NoReply), Touch(3, Channel.Note, Direction.Inbound)], [Promise("c1", 4)]);

        Assert.Equal(Day(4), Promised(diary).Day);
    }

    [Fact]
    public void Apply_LaterThanTheCadencesLatestDay_LeavesTheCadencesTouchFirst_AndNamesThePromise()
    {
        // Issue 25: a promise past the cadence's latest day (25 days from now) does not pin; the promise follows.
        var diary = new Diary([Zoe], [Touch(20)], [Promise("c1", 40)]);

        var candidate = Promised(diary);

        Assert.Same(RoutineRule.Instance, candidate.Rule);
        Assert.False(candidate.IsFixed);
        Assert.Null(candidate.Commitment);
        Assert.Equal("c1", candidate.Note?.Following?.Id);
        Assert.Equal(new BeforeNextStepReason(Day(40), "send the proposal"), candidate.Note?.Before);
        var planned = Planned(diary);
        Assert.False(planned.IsPinned);
        Assert.Equal("c1", planned.PromiseAfter?.Id);
        Assert.Equal(typeof(BeforeNextStepReason), Kinds(planned).Last(k => k != typeof(OverdueReason)));
        Assert.DoesNotContain(typeof(CommitmentReason), Kinds(planned));
    }

    [Fact]
    public void Apply_NothingRenewedYet_AFarPromiseStillPins()
    {
        var diary = new Diary([Zoe], [], [Promise("c1", 200)]);

        Assert.Null(Promised(diary).Note);
        Assert.True(Planned(diary).IsPinned);
        Assert.Null(Planned(diary).PromiseAfter);
    }

    [Fact]
    public void Apply_NoOpenCommitment_LeavesTheCandidate()
    {
        var diary = new Diary([Zoe], [Touch(20)], [Promise("c1", 4).Drop(Day(-1))]);
        var facts = Facts(diary);
        var before = Before(PromiseRule.Instance, facts);

        var candidate = Apply(PromiseRule.Instance, facts, before);

        Assert.Same(RoutineRule.Instance, candidate.Rule);
        Assert.Equal(before.Day, candidate.Day);
        Assert.Null(candidate.Commitment);
    }

    [Fact]
    public void Apply_OverAFollowUpStep_ThePromiseWins_WithItsOwnChannel()
    {
        var diary = new Diary(
            [Zoe],
            [Touch(1, Channel.Note, medium: "email").WithFollowUp(FollowUpLadder.Parse("chase", "3wd:call"))],
            [Promise("c1", 20, madeDaysAgo: 1)]);
        var facts = Facts(diary);
        Assert.Same(FollowUpRule.Instance, Before(PromiseRule.Instance, facts).Rule);

        var candidate = Apply(PromiseRule.Instance, facts, Before(PromiseRule.Instance, facts));

        Assert.Same(PromiseRule.Instance, candidate.Rule);
        Assert.Equal(Day(20), candidate.Day);
        Assert.Null(candidate.Channel);
    }
}
