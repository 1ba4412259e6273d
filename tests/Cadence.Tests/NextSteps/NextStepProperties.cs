using System;
using System.Collections.Generic;
using System.Linq;
using Cadence.Calendars;
using Cadence.Planning;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Cadence.Tests.NextSteps;

/// <summary>
/// Properties of next steps over generated diaries with follow-up ladders (per touch, per tier, none), steps that wait
/// for a reply, moves and an owner calendar: ladders stop at a reply, the floor holds but for a user's own choice,
/// a past morning is the diary as it was lived, and closing, reopening and correcting do not depend on input order.
/// </summary>
public class NextStepProperties
{
    private static readonly string[] Tiers = ["prospect", "client", "partner"];

    private static Gen<FollowUpLadder> Ladder =>
        from name in Gen.Elements("prospect", "proposal chase", "quick")
        from count in Gen.Elements(DayCount.WorkingDays, DayCount.CalendarDays)
        from steps in Gen.Choose(1, 3)
        from days in Gen.ArrayOf(Gen.Choose(1, 8), steps)
        from channels in Gen.ArrayOf(Gen.Elements(Enum.GetValues<Channel>()), steps)
        select new FollowUpLadder(name, count, days.Select((d, i) => new FollowUpStep(d, channels[i])));

    private static Gen<Touch> TouchGen(string[] ids, LocalDate today) =>
        from id in Gen.Elements(ids)
        from back in Gen.Choose(0, 60)
        from channel in Gen.Elements(Enum.GetValues<Channel>())
        from direction in Gen.Frequency((3, Gen.Constant(Direction.Outbound)), (1, Gen.Constant(Direction.Inbound)))
        from outcome in Gen.Frequency((2, Gen.Constant(Outcome.Connected)), (1, Gen.Constant(Outcome.NoReply)))
        from ladderKind in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        from ladder in Ladder
        select WithLadder(new Touch(id, today.PlusDays(-back), channel, direction, outcome, channel == Channel.Note ? "email" : null), ladderKind, ladder);

    private static Touch WithLadder(Touch touch, int kind, FollowUpLadder ladder) =>
        !touch.IsOutbound ? touch : kind switch
        {
            1 => touch.WithFollowUp(ladder),
            2 => touch.WithFollowUp(FollowUpLadder.None),
            _ => touch,
        };

    private static Gen<Commitment> CommitmentGen(string commitmentId, string[] ids, LocalDate today) =>
        from id in Gen.Elements(ids)
        from date in Generators.Day(today.PlusDays(-20), 60)
        from madeBack in Gen.Choose(0, 30)
        from kind in Gen.Elements(CommitmentKind.Step, CommitmentKind.UnlessReply)
        from channel in Gen.Elements<Channel?>(null, Channel.Call, Channel.Note)
        from status in Gen.Frequency((5, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)))
        let commitment = new Commitment(commitmentId, id, date, "chase", channel, madeOn: date.PlusDays(-madeBack), kind: kind)
        select status switch
        {
            1 => commitment.MarkDone(date),
            2 => commitment.Drop(date),
            _ => commitment,
        };

    private static Gen<SchedulerOptions> OptionsGen =>
        from tierLadder in Gen.Elements(true, false)
        from ladder in Ladder
        from calendar in Gen.Elements(true, false)
        from holiday in Gen.Choose(0, 40)
        select SchedulerOptions.Default
            .WithRules(tierLadder ? CadenceRules.Default.WithLadder("prospect", ladder) : CadenceRules.Default)
            .WithCalendar(calendar ? OwnerCalendar.ForZone("Europe/London").WithHolidays(new LocalDate(2026, 3, 2).PlusDays(holiday)) : null);

    /// <summary>Diaries of one to five relationships with ladders, steps that wait for a reply and moves, planned between 2026 and 2027.</summary>
    internal static Gen<Scenario> Scenario =>
        from today in Generators.Day(new LocalDate(2026, 1, 1), 400)
        from count in Gen.Choose(1, 5)
        let ids = Enumerable.Range(0, count).Select(i => "r" + i).ToArray()
        from tiers in Gen.ArrayOf(Gen.Elements(Tiers), count)
        from touchCount in Gen.Choose(0, 20)
        from touches in Gen.ArrayOf(TouchGen(ids, today), touchCount)
        from commitmentCount in Gen.Choose(0, 4)
        from commitments in Gen.CollectToArray(Enumerable.Range(0, commitmentCount), i => CommitmentGen("c" + i, ids, today))
        from moved in Gen.Elements(-1, 0, 1)
        from moveTo in Generators.Day(today.PlusDays(-5), 20)
        from options in OptionsGen
        select new Scenario(
            new Diary(
                ids.Select((id, i) => new Relationship(id, id, tiers[i])),
                touches.Select((t, i) => t.WithId("t" + i)),
                commitments,
                moved >= 0 && moved < ids.Length ? [new ManualMove(ids[moved], moveTo, today.PlusDays(-3))] : []),
            today,
            options);

    private static IEnumerable<(PlannedTouch Planned, Relationship Relationship)> Planned(Scenario s) =>
        new Scheduler(s.Options).Plan(s.Diary, s.Today).Touches.Select(p => (p, s.Diary[p.RelationshipId]));

    [Property(MaxTest = Generators.Runs)]
    public Property Ladder_NeverPlansAStepAfterAReply() =>
        Prop.ForAll(Scenario.ToArbitrary(), s =>
        {
            foreach (var (planned, relationship) in Planned(s))
            {
                if (planned.Reasons.OfType<FollowUpReason>().SingleOrDefault() is not { } step)
                {
                    Assert.False(planned.IsFollowUp);
                    continue;
                }

                Assert.True(planned.IsFollowUp);
                Assert.True(step.Started.IsOutbound && !Diary.IsReply(step.Started), $"the ladder started with a reply: {step.Started}");
                var replies = s.Diary.TouchesOf(relationship.Id)
                    .Where(t => Diary.IsReply(t) && TouchOrder.Instance.Compare(t, step.Started) > 0);
                Assert.Empty(replies);
                Assert.InRange(step.Step, 1, step.Steps);
            }
        });

    [Property(MaxTest = Generators.Runs)]
    public Property Floor_NoAttemptPlannedInsideTheGapAfterAnUnansweredOne_ButAMoveOrAChosenLadderStep_WhichSaySo() =>
        Prop.ForAll(Scenario.ToArbitrary(), s =>
        {
            foreach (var (planned, relationship) in Planned(s))
            {
                if (Oracle.UnansweredFloor(s.Diary, s.Options, relationship) is not { } floor || planned.Due >= floor)
                {
                    continue;
                }

                // Sooner than the floor: only by the user's own choice, and the plan says so.
                if (planned.Move is { } move)
                {
                    Assert.Equal(move.To < s.Today ? s.Today : move.To, planned.Due);
                    Assert.Single(planned.Reasons.OfType<MovedByHandReason>());
                }
                else
                {
                    Assert.True(planned.IsFollowUp, $"{planned.RelationshipId} planned on {planned.Due}, inside the gap ending {floor}: {planned.Why}");
                    Assert.NotNull(planned.Reasons.OfType<FollowUpReason>().Single().MinimumGapEnds);
                }
            }
        });

    [Property(MaxTest = Generators.Runs)]
    public Property APromiseBeyondTheCadence_NeverPins_TheCadencesTouchComesFirstAndNamesIt() =>
        Prop.ForAll(Scenario.ToArbitrary(), s =>
        {
            foreach (var (planned, _) in Planned(s))
            {
                var pinning = s.Diary.AsOf(s.Today).PinningCommitmentOf(planned.RelationshipId);
                var before = planned.Reasons.OfType<BeforeNextStepReason>().SingleOrDefault();
                Assert.True((before is not null) == (planned.PromiseAfter is not null), planned.ToString());
                if (planned.PromiseAfter is { } after)
                {
                    // The open promise follows: it is the one that would pin the touch, not pinning it, and later.
                    Assert.False(planned.IsPinned, planned.ToString());
                    Assert.Equal(pinning, after);
                    Assert.Equal(after.Purpose, before!.Step);
                    Assert.True(before.Day >= planned.Due || planned.IsOverdue || planned.Move is not null, planned.ToString());
                }
                else if (pinning is not null && !planned.IsDateTouch)
                {
                    Assert.True(planned.IsPinned, planned.ToString());
                }
            }
        });

    /// <summary>What a user does to a diary, by ids: the same operations on diaries given in another order must agree.</summary>
    private sealed record Op(int Kind, string Id, LocalDate Day, Outcome Outcome)
    {
        public Diary Apply(Diary diary) => Kind switch
        {
            0 => diary.CompleteCommitment(Id, Day),
            1 => diary.DropCommitment(Id, Day),
            2 => diary.ReopenCommitment(Id),
            3 => diary.RemoveTouch(Id),
            _ => diary.CorrectTouch(Id, diary.GetTouch(Id).WithOutcome(Outcome).WithDate(Day)),
        };
    }

    private static Gen<Op> OpGen(LocalDate today) =>
        from kind in Gen.Choose(0, 4)
        from n in Gen.Choose(0, 5)
        from back in Gen.Choose(0, 40)
        from outcome in Gen.Elements(Outcome.Connected, Outcome.NoReply)
        select new Op(kind, (kind <= 2 ? "c" : "t") + n, today.PlusDays(-back), outcome);

    [Property(MaxTest = Generators.Runs)]
    public Property ClosingReopeningAndCorrecting_AreDeterministic_AndIndependentOfInputOrder()
    {
        var gen =
            from s in Scenario
            from opCount in Gen.Choose(0, 6)
            from ops in Gen.ArrayOf(OpGen(s.Today), opCount)
            from touches in Gen.Shuffle(s.Diary.Touches.ToArray())
            from commitments in Gen.Shuffle(s.Diary.Commitments.ToArray())
            from relationships in Gen.Shuffle(s.Diary.Relationships.ToArray())
            select (s, ops, Shuffled: new Diary(relationships, touches, commitments, s.Diary.Moves));
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var (a, b) = (x.s.Diary, x.Shuffled);
            foreach (var op in x.ops)
            {
                var (nextA, errorA) = Try(() => op.Apply(a));
                var (nextB, errorB) = Try(() => op.Apply(b));
                Assert.Equal(errorA?.GetType(), errorB?.GetType());
                Assert.Equal(errorA?.Message, errorB?.Message);
                if (errorA is not null)
                {
                    continue;
                }

                // Deterministic: the same operation on the same diary gives an equal diary.
                var again = op.Apply(a);
                Assert.Equal(nextA!.Touches, again.Touches);
                Assert.Equal(nextA.Commitments, again.Commitments);
                (a, b) = (nextA, nextB!);
            }

            Assert.Equal(a.Touches.OrderBy(t => t.Id, StringComparer.Ordinal), b.Touches.OrderBy(t => t.Id, StringComparer.Ordinal));
            Assert.Equal(a.Commitments.OrderBy(c => c.Id, StringComparer.Ordinal), b.Commitments.OrderBy(c => c.Id, StringComparer.Ordinal));
            Assert.Equal(new Scheduler(x.s.Options).Plan(a, x.s.Today), new Scheduler(x.s.Options).Plan(b, x.s.Today));
        });
    }

    private static (Diary? Diary, Exception? Error) Try(Func<Diary> change)
    {
        try
        {
            return (change(), null);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            return (null, e);
        }
    }

    /// <summary>One day of a user's life with the diary: touches logged, steps promised, steps done or dropped.</summary>
    private sealed record DayOfUse(Touch[] Touches, (int Days, CommitmentKind Kind)[] Promises, (int Which, bool Done)[] Closings);

    private static Gen<DayOfUse> DayGen(string[] ids, LocalDate day) =>
        from touchCount in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        from touches in Gen.ArrayOf(TouchGen(ids, day).Select(t => t.WithDate(day)), touchCount)
        from promiseCount in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Constant(1)))
        from promises in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 20), Gen.Elements(CommitmentKind.Step, CommitmentKind.UnlessReply)), promiseCount)
        from closingCount in Gen.Frequency((5, Gen.Constant(0)), (1, Gen.Constant(1)))
        from closings in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 9), Gen.Elements(true, false)), closingCount)
        select new DayOfUse(touches, promises, closings);

    /// <summary>
    /// The plan of a past morning equals the plan the diary gave that morning: a diary lived day by day for two months
    /// (touches, promises, steps done and dropped, replies closing them), then planned on any day of it, gives the plan
    /// of the diary as it stood at the end of that day.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property APastMorning_IsTheDiaryAsItWasLivedThatDay()
    {
        var start = new LocalDate(2026, 3, 2);
        string[] ids = ["sam", "zoe", "max"];
        var gen =
            from days in Gen.CollectToArray(Enumerable.Range(0, 60), d => DayGen(ids, start.PlusDays(d)))
            from asked in Gen.Choose(0, 59)
            from options in OptionsGen
            select (days, asked, options);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var diary = new Diary(ids.Select(id => new Relationship(id, id, id == "sam" ? "prospect" : "client")));
            var lived = new List<Diary>();
            int made = 0;
            for (int d = 0; d < x.days.Length; d++)
            {
                var day = start.PlusDays(d);
                var use = x.days[d];
                foreach (var touch in use.Touches)
                {
                    diary = diary.Log(touch);
                }

                foreach (var (days, kind) in use.Promises)
                {
                    diary = diary.Promise(new Commitment("c" + made, ids[made % ids.Length], day.PlusDays(days), "next step", madeOn: day, kind: kind));
                    made++;
                }

                foreach (var (which, done) in use.Closings)
                {
                    var open = diary.Commitments.Where(c => c.IsOpen).ToArray();
                    if (open.Length > 0)
                    {
                        var c = open[which % open.Length];
                        diary = done ? diary.CompleteCommitment(c.Id, day) : diary.DropCommitment(c.Id, day);
                    }
                }

                lived.Add(diary);
            }

            var asked = start.PlusDays(x.asked);
            var scheduler = new Scheduler(x.options);
            Assert.Equal(scheduler.Plan(lived[x.asked], asked), scheduler.Plan(diary, asked));
            Assert.Equal(scheduler.PlanFor(lived[x.asked], "sam", asked), scheduler.PlanFor(diary, "sam", asked));
        });
    }
}
