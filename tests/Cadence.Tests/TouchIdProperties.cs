using System.Collections.Generic;
using System.Linq;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Cadence.Tests;

/// <summary>
/// Touch ids are never given twice (issue 28): over random sequences of <see cref="Diary.Log(Touch)"/>,
/// <see cref="Diary.LogAll"/>, <see cref="Diary.RemoveTouch"/>, <see cref="Diary.CorrectTouch"/> (to another day or
/// relationship) and a store's round trip (the diary built again from its collections and
/// <see cref="Diary.TouchNumberMarks"/>, as the sample's data file keeps it), no generated id is ever given again.
/// </summary>
public class TouchIdProperties
{
    private static readonly LocalDate Start = new(2026, 1, 5);

    /// <summary>An operation: 0 log, 1 log several, 2 remove, 3 correct, 4 save and load again; a and b choose what.</summary>
    private static Gen<(int Kind, int A, int B)> Operation =>
        from kind in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Constant(1)), (3, Gen.Constant(2)), (2, Gen.Constant(3)), (1, Gen.Constant(4)))
        from a in Gen.Choose(0, 1000)
        from b in Gen.Choose(0, 1000)
        select (kind, a, b);

    private static readonly Gen<(int Relationships, (int Kind, int A, int B)[] Operations)> Scenario =
        from relationships in Gen.Choose(1, 3)
        from count in Gen.Choose(0, 60)
        from operations in Gen.ArrayOf(Operation, count)
        select (relationships, operations);

    [Property(MaxTest = Generators.Runs)]
    public Property ATouchIdIsNeverGivenTwice_AcrossRemovalsCorrectionsAndRoundTrips() =>
        Prop.ForAll(Scenario.ToArbitrary(), scenario =>
        {
            string[] ids = [.. Enumerable.Range(0, scenario.Relationships).Select(i => "r" + i)];
            var diary = new Diary(ids.Select(id => new Relationship(id, id, "client")));
            var given = new HashSet<string>(System.StringComparer.Ordinal);
            int day = 0;

            void Given(IEnumerable<Touch> touches)
            {
                foreach (var touch in touches)
                {
                    Assert.True(given.Add(touch.Id!), $"{touch.Id} was given before");
                }
            }

            foreach (var (kind, a, b) in scenario.Operations)
            {
                day++;
                switch (kind)
                {
                    case 0:
                        diary = diary.Log(new Touch(ids[a % ids.Length], Start.PlusDays(day), Channel.Call));
                        Given([diary.Touches[^1]]);
                        break;
                    case 1:
                        int several = 1 + (b % 4);
                        diary = diary.LogAll(Enumerable.Range(0, several).Select(i => new Touch(ids[(a + i) % ids.Length], Start.PlusDays(day), Channel.Note)));
                        Given(diary.Touches.Skip(diary.Touches.Count - several));
                        break;
                    case 2 when diary.Touches.Count > 0:
                        diary = diary.RemoveTouch(diary.Touches[a % diary.Touches.Count].Id!);
                        break;
                    case 3 when diary.Touches.Count > 0:
                        var touch = diary.Touches[a % diary.Touches.Count];
                        var corrected = new Touch(ids[b % ids.Length], touch.Date.PlusDays(-(b % 3)), Channel.Meeting);
                        diary = diary.CorrectTouch(touch.Id!, corrected);
                        Assert.Equal(touch.Id, diary.GetTouch(touch.Id!).Id);
                        break;
                    case 4:
                        var loaded = new Diary(diary.Relationships, diary.Touches, diary.Commitments, diary.Moves, diary.Campaigns);
                        foreach (var (relationship, number) in diary.TouchNumberMarks)
                        {
                            loaded = loaded.WithTouchNumberMark(relationship, number);
                        }

                        diary = loaded;
                        break;
                }
            }
        });

    [Fact]
    public void AfterRemovingTheLastTouch_TheNextGetsANewNumber_AndTheMarkIsKeptOnlyWhileTheTouchesDoNotSayIt()
    {
        var diary = new Diary([new Relationship("zoe", "Zoë", "client")])
            .Log(new Touch("zoe", Start, Channel.Call))
            .Log(new Touch("zoe", Start.PlusDays(1), Channel.Call))
            .Log(new Touch("zoe", Start.PlusDays(2), Channel.Call));
        Assert.Empty(diary.TouchNumberMarks);

        diary = diary.RemoveTouch("zoe/3");
        Assert.Equal(3, diary.TouchNumberMarks["zoe"]);
        diary = diary.Log(new Touch("zoe", Start.PlusDays(3), Channel.Note));
        Assert.Equal("zoe/4", diary.Touches[^1].Id);
        Assert.Empty(diary.TouchNumberMarks); // zoe/4 says it now

        var loaded = new Diary(diary.Relationships, diary.Touches.Where(t => t.Id != "zoe/4")).WithTouchNumberMark("zoe", 4);
        Assert.Equal("zoe/5", loaded.Log(new Touch("zoe", Start.PlusDays(4), Channel.Note)).Touches[^1].Id);
        Assert.Same(loaded, loaded.WithTouchNumberMark("zoe", 2));
        Assert.Throws<KeyNotFoundException>(() => loaded.WithTouchNumberMark("nobody", 2));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => loaded.WithTouchNumberMark("zoe", 0));
    }

    [Fact]
    public void ACorrectionThatMovesATouchToAnotherRelationship_IsRemembered_AsARemovalIs()
    {
        var diary = new Diary([new Relationship("a", "A", "client"), new Relationship("b", "B", "client")])
            .Log(new Touch("a", Start, Channel.Call))
            .Log(new Touch("a", Start.PlusDays(1), Channel.Call))
            .RemoveTouch("a/1")
            .CorrectTouch("a/2", new Touch("b", Start.PlusDays(1), Channel.Call));

        Assert.Equal(2, diary.TouchNumberMarks["a"]);
        Assert.Equal("a/3", diary.Log(new Touch("a", Start.PlusDays(2), Channel.Call)).Touches[^1].Id);
    }
}
