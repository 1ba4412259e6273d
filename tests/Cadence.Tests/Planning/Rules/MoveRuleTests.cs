using Cadence.Explanations;
using NodaTime;
using static Cadence.Tests.Planning.Rules.RuleFixture;

namespace Cadence.Tests.Planning.Rules;

/// <summary>Rule 4, a move by hand (<see cref="MoveRule"/>): it moves whatever rule's candidate to the day chosen, for the next touch only.</summary>
public sealed class MoveRuleTests
{
    private static ManualMove MoveTo(int inDays, int madeDaysAgo = 1) => new("zoe", Day(inDays), Day(-madeDaysAgo));

    [Fact]
    public void Apply_NoTouchSinceTheMove_MovesTheCadencesCandidate_KeepingItsLatestDay()
    {
        var diary = new Diary([Zoe], [Touch(20)], moves: [MoveTo(3)]);

        var candidate = Through(MoveRule.Instance, Facts(diary));

        Assert.Same(RoutineRule.Instance, candidate.Rule);
        Assert.True(candidate.IsFixed);
        Assert.Equal(Day(3), candidate.Day);
        Assert.Equal(Day(3), candidate.Opens);
        Assert.Equal(Day(25), candidate.NotAfter);
        Assert.Equal(Day(10), candidate.MovedFrom);
        Assert.Equal(MoveTo(3), candidate.Move);
        Assert.Equal([typeof(RenewalReason), typeof(CadenceReason), typeof(MovedByHandReason)], Kinds(Planned(diary)));
    }

    [Fact]
    public void Apply_ATouchDatedAfterTheDayTheMoveWasMade_EndsIt()
    {
        var diary = new Diary([Zoe], [Touch(20), Touch(2, Channel.Note, Direction.Inbound)], moves: [MoveTo(3, madeDaysAgo: 5)]);
        var facts = Facts(diary);
        var before = Before(MoveRule.Instance, facts);

        var candidate = Apply(MoveRule.Instance, facts, before);

        Assert.Equal(before.Day, candidate.Day);
        Assert.False(candidate.IsFixed);
        Assert.Null(candidate.Move);
    }

    [Fact]
    public void Apply_ATouchOnTheDayTheMoveWasMade_LeavesItApplying()
    {
        var diary = new Diary([Zoe], [Touch(20), Touch(5, Channel.Note, Direction.Inbound)], moves: [MoveTo(3, madeDaysAgo: 5)]);

        Assert.Equal(Day(3), Through(MoveRule.Instance, Facts(diary)).Day);
    }

    [Fact]
    public void Apply_APromise_MovesItsDayAndKeepsTheCommitmentAndItsLatestDay()
    {
        var diary = new Diary([Zoe], [Touch(20)], [new Commitment("c1", "zoe", Day(7), "call back", madeOn: Day(-2))], [MoveTo(9)]);

        var candidate = Through(MoveRule.Instance, Facts(diary));

        Assert.Same(PromiseRule.Instance, candidate.Rule);
        Assert.Equal("c1", candidate.Commitment?.Id);
        Assert.Equal(Day(9), candidate.Day);
        Assert.Equal(Day(7), candidate.NotAfter);
        Assert.Equal(Day(7), candidate.MovedFrom);
        Assert.Equal([typeof(CommitmentReason), typeof(RenewalReason), typeof(MovedByHandReason)], Kinds(Planned(diary)));
    }

    [Fact]
    public void Apply_AFollowUpStep_MovesItsDayAndKeepsItsChannel()
    {
        var diary = new Diary(
            [Zoe],
            [Touch(1, Channel.Note, medium: "email").WithFollowUp(FollowUpLadder.Parse("chase", "3wd:call"))],
            moves: [MoveTo(8, madeDaysAgo: 0)]);

        var candidate = Through(MoveRule.Instance, Facts(diary));

        Assert.Same(FollowUpRule.Instance, candidate.Rule);
        Assert.Equal(Day(8), candidate.Day);
        Assert.Equal(Channel.Call, candidate.Channel);
        Assert.True(candidate.IsFixed);
    }

    [Fact]
    public void Apply_ToAPastDay_TheTouchIsOverdue()
    {
        var diary = new Diary([Zoe], [Touch(20)], moves: [MoveTo(-4, madeDaysAgo: 10)]);

        Assert.Equal(Day(-4), Through(MoveRule.Instance, Facts(diary)).Day);
        var planned = Planned(diary);
        Assert.Equal((Today, 4), (planned.Due, planned.DaysOverdue));
    }
}
