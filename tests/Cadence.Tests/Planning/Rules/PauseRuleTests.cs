using Cadence.Explanations;
using NodaTime;
using static Cadence.Tests.Planning.Rules.RuleFixture;

namespace Cadence.Tests.Planning.Rules;

/// <summary>Rule 5, a pause (<see cref="PauseRule"/>): it holds the candidate to the pause's end, and no window opens before it.</summary>
public sealed class PauseRuleTests
{
    [Fact]
    public void Apply_PauseEndsAfterTheCandidatesDay_HoldsItToTheEnd()
    {
        var diary = new Diary([Zoe.PauseUntil(Day(20))], [Touch(20)]);

        var candidate = Through(PauseRule.Instance, Facts(diary));

        Assert.Same(RoutineRule.Instance, candidate.Rule);
        Assert.True(candidate.Paused);
        Assert.Equal(Day(20), candidate.Day);
        Assert.Equal(Day(25), candidate.NotAfter);
        Assert.Equal(Day(-6), candidate.Opens); // the rule's; the window is clamped after the list
        Assert.False(candidate.IsFixed);

        var planned = Planned(diary);
        Assert.Equal((Day(20), Day(20), Day(20)), (planned.Due, planned.NotBefore, planned.WindowOpens));
        Assert.Equal([typeof(RenewalReason), typeof(CadenceReason), typeof(PausedReason)], Kinds(planned));
    }

    [Fact]
    public void Apply_PauseEndsBeforeTheCandidatesDay_LeavesIt_ButNoWindowOpensBeforeTheEnd()
    {
        var diary = new Diary([Zoe.PauseUntil(Day(5))], [Touch(20)]);

        var candidate = Through(PauseRule.Instance, Facts(diary));

        Assert.False(candidate.Paused);
        Assert.Equal(Day(10), candidate.Day);
        var planned = Planned(diary);
        Assert.Equal((Day(10), Day(5), Day(5)), (planned.Due, planned.NotBefore, planned.WindowOpens));
        Assert.DoesNotContain(typeof(PausedReason), Kinds(planned));
    }

    [Fact]
    public void Apply_PauseThatHasEnded_HoldsNothingBack_LatenessCountsFromItsEnd()
    {
        // Due 10 days ago, paused until today: due today, not 10 days late (issue 25); its window still opens no earlier
        // than the pause's end, as it said while the pause ran.
        var diary = new Diary([Zoe.PauseUntil(Today)], [Touch(40)]);
        var facts = Facts(diary);

        var candidate = Through(PauseRule.Instance, facts);

        Assert.Null(facts.PauseEnd);
        Assert.True(candidate.Paused);
        Assert.Equal(Today, candidate.Day);
        Assert.Equal(Today, PauseRule.WindowOpens(facts, Day(-26)));
        Assert.Equal(Day(3), PauseRule.WindowOpens(facts, Day(3)));
        Assert.Equal(0, Planned(diary).DaysOverdue);
    }

    [Fact]
    public void Apply_APromiseInsideThePause_HeldToTheEnd_StillFixed_AndLate()
    {
        var diary = new Diary([Zoe.PauseUntil(Day(8))], [Touch(20)], [new Commitment("c1", "zoe", Day(3), "call back")]);

        var candidate = Through(PauseRule.Instance, Facts(diary));

        Assert.Same(PromiseRule.Instance, candidate.Rule);
        Assert.True(candidate.IsFixed);
        Assert.Equal(Day(8), candidate.Day);
        Assert.Equal(Day(3), candidate.NotAfter);
        Assert.True(Planned(diary).IsLate);
    }

    [Fact]
    public void Apply_AMoveInsideThePause_HeldToTheEnd()
    {
        var diary = new Diary([Zoe.PauseUntil(Day(8))], [Touch(20)], moves: [new ManualMove("zoe", Day(2), Day(-1))]);

        var candidate = Through(PauseRule.Instance, Facts(diary));

        Assert.Equal(Day(8), candidate.Day);
        Assert.True(candidate.Paused);
        Assert.Equal(
            [typeof(RenewalReason), typeof(CadenceReason), typeof(MovedByHandReason), typeof(PausedReason)],
            Kinds(Planned(diary)));
    }

    [Fact]
    public void WindowOpens_RunningPause_NeverBeforeItsEnd()
    {
        var facts = Facts(new Diary([Zoe.PauseUntil(Day(8))]));

        Assert.Equal(Day(8), PauseRule.WindowOpens(facts, null));
        Assert.Equal(Day(8), PauseRule.WindowOpens(facts, Day(3)));
        Assert.Equal(Day(12), PauseRule.WindowOpens(facts, Day(12)));
    }
}
