using System;
using System.Linq;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace Cadence.Tests;

/// <summary><see cref="Diary.LogAll"/> is <see cref="Diary.Log(Touch)"/> in turn, in one step.</summary>
[Properties(Arbitrary = new[] { typeof(Generators) }, MaxTest = 300, QuietOnSuccess = true)]
public sealed class LogAllTests
{
    [Property]
    public Property LogAll_IsLogInTurn(Scenario scenario) =>
        Prop.ForAll(
            Gen.ArrayOf(
                from who in Gen.Choose(0, 7)
                from days in Gen.Choose(-60, 0)
                from channel in Gen.Elements(Enum.GetValues<Channel>())
                from inbound in Gen.Elements(true, false)
                from named in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
                select (who, days, channel, inbound, named)).ToArbitrary(),
            specs =>
            {
                var diary = scenario.Diary;
                var touches = specs
                    .Where(s => s.who < diary.Relationships.Count)
                    .Select((s, i) =>
                    {
                        var t = new Touch(diary.Relationships[s.who].Id, scenario.Today.PlusDays(s.days), s.channel, s.inbound ? Direction.Inbound : Direction.Outbound);
                        return s.named ? t.WithId("imported-" + i) : t;
                    })
                    .ToList();
                var oneByOne = touches.Aggregate(diary, (d, t) => d.Log(t));
                var together = diary.LogAll(touches);
                return together.Touches.SequenceEqual(oneByOne.Touches)
                    && together.Commitments.SequenceEqual(oneByOne.Commitments)
                    && together.Moves.SequenceEqual(oneByOne.Moves);
            });

    [Fact]
    public void LogAll_DuplicateIdOrUnknownRelationship_NothingLogged_NamesIt()
    {
        var diary = new Diary([new Relationship("zoe", "Zoë", "client")]);
        var day = new LocalDate(2026, 3, 2);
        var duplicate = Assert.Throws<ArgumentException>(() => diary.LogAll([new Touch("zoe", day, Channel.Call).WithId("x"), new Touch("zoe", day, Channel.Note).WithId("x")]));
        Assert.Contains("\"x\"", duplicate.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<ArgumentException>(() => diary.LogAll([new Touch("sam", day, Channel.Call)]));
        Assert.Contains("\"sam\"", unknown.Message, StringComparison.Ordinal);
        Assert.Same(diary, diary.LogAll([]));
    }
}
