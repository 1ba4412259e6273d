using System;
using System.Collections.Generic;
using System.Linq;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Cadence.Tests;

/// <summary>The domain rules that live on <see cref="Diary"/>: what logging a touch closes and ends, and how a next touch moves.</summary>
public class DiaryRulesTests
{
    private static readonly LocalDate Today = new(2026, 3, 13);

    private static Diary Sam =>
        new(
            [new Relationship("sam", "Sam Okafor", "prospect")],
            [new Touch("sam", Today.PlusDays(-8), Channel.Note, medium: "email", summary: "Sent the proposal")],
            [
                new Commitment("sam-1", "sam", Today, "chase feedback on the proposal"),
                new Commitment("sam-2", "sam", Today.PlusDays(-2), "send the case study"),
                new Commitment("sam-3", "sam", Today.PlusDays(14), "meet at the trade fair", Channel.Meeting),
            ]);

    // ---------------------------------------------------------------- logging closes the steps it takes

    [Fact]
    public void Log_ConnectedTouch_ClosesOpenCommitmentsDueByItsDate_AndLeavesLaterOnesOpen()
    {
        var call = new Touch("sam", Today, Channel.Call);

        var diary = Sam.Log(call);

        Assert.Equal(["sam-1", "sam-2"], Sam.CommitmentsClosedBy(call).Select(c => c.Id));
        Assert.Equal(CommitmentStatus.Done, Status(diary, "sam-1"));
        Assert.Equal(CommitmentStatus.Done, Status(diary, "sam-2"));
        Assert.Equal(CommitmentStatus.Open, Status(diary, "sam-3"));
        Assert.Equal("sam-3", diary.PinningCommitmentOf("sam")!.Id);
    }

    [Fact]
    public void Log_UnansweredAttempt_TakesTheStepsDueByItsDate_AStepIsTheAttempt()
    {
        var voicemail = new Touch("sam", Today, Channel.Call, Direction.Outbound, Outcome.NoReply);

        var diary = Sam.Log(voicemail);

        Assert.Equal(["sam-1", "sam-2"], Sam.CommitmentsClosedBy(voicemail).Select(c => c.Id));
        Assert.Equal(CommitmentStatus.Done, Status(diary, "sam-1"));
        Assert.Equal(CommitmentStatus.Open, Status(diary, "sam-3"));
        Assert.Equal("sam/2", diary.GetCommitment("sam-1").ClosedBy);
        Assert.Equal(Today, diary.GetCommitment("sam-1").ClosedOn);
    }

    [Fact]
    public void Log_TheirMissedCall_ClosesNothing()
    {
        var missed = new Touch("sam", Today, Channel.Call, Direction.Inbound, Outcome.NoReply);

        var diary = Sam.Log(missed);

        Assert.Empty(Sam.CommitmentsClosedBy(missed));
        Assert.All(diary.Commitments, c => Assert.True(c.IsOpen));
        Assert.Equal(2, diary.TouchesOf("sam").Count);
    }

    [Fact]
    public void Log_InboundConnectedTouch_ClosesTheStepsDueByThen()
    {
        var theyCalled = new Touch("sam", Today.PlusDays(-1), Channel.Call, Direction.Inbound);

        var diary = Sam.Log(theyCalled);

        Assert.Equal(CommitmentStatus.Done, Status(diary, "sam-2"));
        Assert.Equal(CommitmentStatus.Open, Status(diary, "sam-1"));
    }

    [Fact]
    public void Log_WithoutClosingCommitments_KeepsThemOpen_ButStillEndsTheMove()
    {
        var moved = Sam.Move(new ManualMove("sam", Today.PlusDays(3), Today.PlusDays(-1)));

        var diary = moved.Log(new Touch("sam", Today, Channel.Call), closeCommitments: false);

        Assert.All(diary.Commitments, c => Assert.True(c.IsOpen));
        Assert.Null(diary.MoveOf("sam"));
    }

    [Fact]
    public void Log_TouchOnTheDayOfTheMove_EndsIt_ButABackdatedTouchKeepsIt()
    {
        var moved = Sam.Move(new ManualMove("sam", Today.PlusDays(3), Today));

        Assert.Null(moved.Log(new Touch("sam", Today, Channel.Social)).MoveOf("sam"));
        Assert.Equal(moved.MoveOf("sam"), moved.Log(new Touch("sam", Today.PlusDays(-1), Channel.Social)).MoveOf("sam"));
    }

    [Fact]
    public void Log_LeavesOtherRelationshipsAlone()
    {
        var diary = Sam.Add(new Relationship("zoe", "Zoë Müller", "client"))
            .Promise(new Commitment("zoe-1", "zoe", Today.PlusDays(-1), "send the invoice"))
            .Move(new ManualMove("zoe", Today.PlusDays(2), Today.PlusDays(-1)));

        var logged = diary.Log(new Touch("sam", Today, Channel.Meeting));

        Assert.Equal(CommitmentStatus.Open, Status(logged, "zoe-1"));
        Assert.NotNull(logged.MoveOf("zoe"));
    }

    [Fact]
    public void Log_UnknownRelationship_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => Sam.Log(new Touch("ghost", Today, Channel.Call)));

        Assert.Contains("\"ghost\"", e.Message, StringComparison.Ordinal);
        Assert.Equal("touch", e.ParamName);
    }

    // ---------------------------------------------------------------- moving the next touch

    [Fact]
    public void MoveNextTouch_PinnedByACommitment_MovesTheCommitment_KeepingItsTime()
    {
        var diary = new Diary(
            [new Relationship("zoe", "Zoë Müller", "client")],
            commitments: [new Commitment("zoe-1", "zoe", Today.PlusDays(2), "call about the renewal", Channel.Call, new LocalTime(10, 0))]);

        var moved = diary.MoveNextTouch("zoe", Today.PlusDays(9), Today);

        var commitment = Assert.Single(moved.Commitments);
        Assert.Equal(Today.PlusDays(9), commitment.Date);
        Assert.Equal(new LocalTime(10, 0), commitment.Time);
        Assert.Null(moved.MoveOf("zoe"));
        Assert.Equal(Today.PlusDays(9), new Scheduler().Plan(moved, Today)["zoe"].Due);
    }

    [Fact]
    public void MoveNextTouch_NotPinned_MovesItByHand()
    {
        var diary = new Diary([new Relationship("zoe", "Zoë Müller", "client")]);

        var moved = diary.MoveNextTouch("zoe", Today.PlusDays(5), Today);

        Assert.Equal(new ManualMove("zoe", Today.PlusDays(5), Today), moved.MoveOf("zoe"));
        Assert.Equal(Today.PlusDays(5), new Scheduler().Plan(moved, Today)["zoe"].Due);
    }

    [Fact]
    public void MoveNextTouch_WhileAMoveByHandApplies_ReplacesTheMove_AndLeavesTheCommitment()
    {
        var diary = Sam.Move(new ManualMove("sam", Today.PlusDays(1), Today.PlusDays(-1)));

        var moved = diary.MoveNextTouch("sam", Today.PlusDays(4), Today);

        Assert.Equal(new ManualMove("sam", Today.PlusDays(4), Today), moved.MoveOf("sam"));
        Assert.Equal(Sam.Commitments, moved.Commitments);
    }

    [Fact]
    public void MoveNextTouch_AfterTheMoveNoLongerApplies_MovesThePinningCommitment()
    {
        // The move was made before the latest touch, so it no longer applies: the commitment pins the next touch.
        var diary = Sam.Move(new ManualMove("sam", Today.PlusDays(1), Today.PlusDays(-9)));

        var moved = diary.MoveNextTouch("sam", Today.PlusDays(6), Today);

        Assert.Equal(Today.PlusDays(6), moved.Commitments.Single(c => c.Id == "sam-2").Date);
    }

    [Fact]
    public void ClearMove_RemovesTheMove_AndWithoutOneReturnsTheSameDiary()
    {
        var diary = Sam.Move(new ManualMove("sam", Today.PlusDays(1), Today));

        Assert.Null(diary.ClearMove("sam").MoveOf("sam"));
        Assert.Empty(diary.ClearMove("sam").Moves);
        var plain = Sam;
        Assert.Same(plain, plain.ClearMove("sam"));
        Assert.Throws<KeyNotFoundException>(() => diary.ClearMove("ghost"));
    }

    // ---------------------------------------------------------------- one rule, read the same everywhere

    [Property(MaxTest = Generators.Runs, QuietOnSuccess = true)]
    public Property PinningCommitmentOf_IsTheCommitmentThePlanIsPinnedBy_OnGeneratedDiaries()
    {
        return Prop.ForAll(Generators.Scenarios, s =>
        {
            var plan = new Scheduler(s.Options).Plan(s.Diary, s.Today);
            foreach (var planned in plan.Touches)
            {
                // The pinning commitment pins the plan, or (later than the cadence allows) follows its touch.
                Assert.Equal(s.Diary.PinningCommitmentOf(planned.RelationshipId), planned.Commitment ?? planned.PromiseAfter);
                Assert.False(planned.Commitment is not null && planned.PromiseAfter is not null);
            }
        });
    }

    [Property(MaxTest = Generators.Runs, QuietOnSuccess = true)]
    public Property Log_ClosesExactlyTheCommitmentsClosedBy_AndChangesNothingElse_OnGeneratedDiaries()
    {
        var gen =
            from s in Generators.Scenarios.Generator
            where s.Diary.Relationships.Count > 0
            from r in Gen.Elements(s.Diary.Relationships.ToArray())
            from back in Gen.Choose(0, 30)
            from channel in Gen.Elements(Channel.Meeting, Channel.Call, Channel.Note, Channel.Social)
            from outcome in Gen.Elements(Outcome.Connected, Outcome.NoReply)
            select (s.Diary, Touch: new Touch(r.Id, s.Today.PlusDays(-back), channel, Direction.Outbound, outcome));
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var closed = x.Diary.CommitmentsClosedBy(x.Touch).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            var logged = x.Diary.Log(x.Touch);

            Assert.Equal(x.Diary.Touches, logged.Touches.Take(x.Diary.Touches.Count));
            Assert.True(x.Touch.SameAs(logged.Touches[^1]));
            Assert.NotNull(logged.Touches[^1].Id);
            Assert.Equal(x.Diary.Commitments.Count, logged.Commitments.Count);
            for (int i = 0; i < logged.Commitments.Count; i++)
            {
                var before = x.Diary.Commitments[i];
                var after = logged.Commitments[i];
                if (closed.Contains(before.Id))
                {
                    // Closed by the touch: done on its day, by its id, and nothing else changed.
                    Assert.Equal(CommitmentStatus.Done, after.Status);
                    Assert.Equal(x.Touch.Date, after.ClosedOn);
                    Assert.Equal(logged.Touches[^1].Id, after.ClosedBy);
                    Assert.Equal(before, after.Reopen());
                }
                else
                {
                    Assert.Equal(before, after);
                }
            }

            // The generated touches are outbound: an attempt closes the steps due by its date, and only a reply closes one due later.
            Assert.All(closed, id =>
            {
                var c = x.Diary.Commitments.Single(c => c.Id == id);
                Assert.True(c.Date <= x.Touch.Date || (c.WaitsForReply && x.Touch.Outcome == Outcome.Connected && x.Touch.Channel.IsLive()));
            });
        });
    }

    private static CommitmentStatus Status(Diary diary, string id) => diary.Commitments.Single(c => c.Id == id).Status;
}
