using System;
using System.Linq;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Cadence.Tests.Learning;

/// <summary>
/// Suggestions over generated diaries (<see cref="AllFeatures"/>, and <see cref="Targeted"/> ones made to meet their
/// evidence): pure and order-independent, only for relationships that exist and are not archived, applying one changes
/// only its relationship, and once applied it is not made again that day.
/// </summary>
public class SuggestionProperties
{
    private const int Runs = 300;

    /// <summary>
    /// Diaries whose relationships keep being left overdue, snoozed or unanswered: touches walked back from today at gaps of
    /// 5 to 90 days, mostly attempts of yours, often unanswered, mostly by one channel; some moves by hand.
    /// </summary>
    public static Gen<(Diary Diary, LocalDate Today)> Targeted =>
        from today in Generators.Day(new LocalDate(2024, 1, 1), 365 * 3)
        from count in Gen.Choose(1, 4)
        from relationships in Gen.CollectToArray(Enumerable.Range(0, count), i => RelationshipGen("r" + i))
        from touches in Gen.CollectToArray(Enumerable.Range(0, count), i => TouchesGen("r" + i, today))
        from moved in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true))), count)
        from moveTo in Gen.ArrayOf(Gen.Choose(1, 90), count)
        from moveMade in Gen.ArrayOf(Gen.Choose(0, 10), count)
        select (new Diary(
            relationships,
            touches.SelectMany(t => t).Select((t, i) => t.WithId("t" + i)),
            moves: Enumerable.Range(0, count).Where(i => moved[i]).Select(i => new ManualMove("r" + i, today.PlusDays(moveTo[i]), today.PlusDays(-moveMade[i])))), today);

    private static Gen<Relationship> RelationshipGen(string id) =>
        from tier in Gen.Elements("client", "prospect", "partner", "past associate")
        from rule in Generators.Rule
        from hasRule in Gen.Elements(false, false, true)
        from preferred in Gen.SubListOf(Enum.GetValues<Channel>())
        from shuffled in Gen.Shuffle(preferred.ToArray())
        from state in Gen.Frequency((8, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)))
        let r = new Relationship(id, "Name of " + id, tier).WithRule(hasRule ? rule : null).WithPreferredChannels(shuffled)
        select state switch
        {
            1 => r.Archive(),
            2 => r.PauseUntil(new LocalDate(2030, 1, 1)),
            _ => r,
        };

    private static Gen<Touch[]> TouchesGen(string id, LocalDate today) =>
        from n in Gen.Choose(0, 10)
        from gaps in Gen.ArrayOf(Gen.Frequency((3, Gen.Choose(5, 40)), (3, Gen.Choose(35, 90))), n)
        from main in Gen.Elements(Enum.GetValues<Channel>())
        from channels in Gen.ArrayOf(Gen.Frequency((4, Gen.Constant(main)), (1, Gen.Elements(Enum.GetValues<Channel>()))), n)
        from inbound in Gen.ArrayOf(Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true))), n)
        from noReply in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(false)), (3, Gen.Constant(true))), n)
        select Enumerable.Range(0, n).Select(i => new Touch(
            id,
            today.PlusDays(-gaps.Skip(i).Sum()),
            channels[i],
            inbound[i] ? Direction.Inbound : Direction.Outbound,
            noReply[i] ? Outcome.NoReply : Outcome.Connected)).ToArray();

    private static Gen<(Diary Diary, LocalDate Today, SchedulerOptions Options)> Diaries =>
        Gen.Frequency(
            (1, AllFeatures.Scenario.Select(s => (s.Diary, s.Today, s.Options))),
            (2, Targeted.Select(x => (x.Diary, x.Today, SchedulerOptions.Default))));

    [Property(MaxTest = Runs, QuietOnSuccess = true)]
    public Property Suggest_ShuffledLists_SameSuggestions()
    {
        var gen =
            from x in Diaries
            from relationships in Gen.Shuffle(x.Diary.Relationships.ToArray())
            from touches in Gen.Shuffle(x.Diary.Touches.ToArray())
            from commitments in Gen.Shuffle(x.Diary.Commitments.ToArray())
            from moves in Gen.Shuffle(x.Diary.Moves.ToArray())
            select (x, Shuffled: new Diary(relationships, touches, commitments, moves, x.Diary.Campaigns));
        return Prop.ForAll(gen.ToArbitrary(), y =>
        {
            var scheduler = new Scheduler(y.x.Options);
            var first = scheduler.Suggest(y.x.Diary, y.x.Today);
            var again = scheduler.Suggest(y.x.Diary, y.x.Today);
            var shuffled = new Scheduler(y.x.Options).Suggest(y.Shuffled, y.x.Today);
            return first.SequenceEqual(again) && first.SequenceEqual(shuffled);
        });
    }

    [Property(MaxTest = Runs, QuietOnSuccess = true)]
    public Property Suggest_OnlyForRelationshipsNotArchived_OrderedByIdThenKind() =>
        Prop.ForAll(Diaries.ToArbitrary(), x =>
        {
            var suggestions = new Scheduler(x.Options).Suggest(x.Diary, x.Today);
            var ordered = suggestions.OrderBy(s => s.RelationshipId, StringComparer.Ordinal).ThenBy(s => s.Kind);
            return suggestions.All(s => x.Diary.Contains(s.RelationshipId) && x.Diary[s.RelationshipId].State.Status != RelationshipStatus.Archived)
                && suggestions.SequenceEqual(ordered)
                && suggestions.Select(s => s.Id).Distinct().Count() == suggestions.Count;
        });

    [Property(MaxTest = Runs, QuietOnSuccess = true)]
    public Property Apply_ChangesOnlyItsRelationship_AndIsNotSuggestedAgainThatDay() =>
        Prop.ForAll(Diaries.ToArbitrary(), x =>
        {
            var scheduler = new Scheduler(x.Options);
            foreach (var suggestion in scheduler.Suggest(x.Diary, x.Today))
            {
                var applied = suggestion.Apply(x.Diary);
                var before = x.Diary[suggestion.RelationshipId];
                var expected = suggestion.Kind switch
                {
                    SuggestionKind.LoosenRule => before.WithRule(suggestion.Rule),
                    SuggestionKind.TryChannel => before.WithPreferredChannels([suggestion.Channel!.Value, .. before.PreferredChannels.Where(c => c != suggestion.Channel)]),
                    _ => before.Archive(),
                };
                bool othersKept = x.Diary.Relationships.Zip(applied.Relationships)
                    .All(p => p.First.Id == suggestion.RelationshipId ? p.Second.Equals(expected) && !p.Second.Equals(before) : p.Second.Equals(p.First));
                bool restKept = applied.Touches.SequenceEqual(x.Diary.Touches)
                    && applied.Commitments.SequenceEqual(x.Diary.Commitments)
                    && applied.Moves.SequenceEqual(x.Diary.Moves)
                    && applied.Campaigns.SequenceEqual(x.Diary.Campaigns);
                bool notAgain = scheduler.Suggest(applied, x.Today).All(s => s.Id != suggestion.Id);
                if (!othersKept || !restKept || !notAgain)
                {
                    return false.Label($"{suggestion}: others kept {othersKept}, rest kept {restKept}, not again {notAgain}");
                }
            }

            return true.ToProperty();
        });

    /// <summary>The targeted diaries do meet the evidence: each kind is suggested often, a loosening both ways.</summary>
    [Fact]
    public void Targeted_MakesEveryKind()
    {
        var samples = Targeted.Sample(400, new Rnd(2026, 29), 20);
        var suggestions = samples.SelectMany(x => new Scheduler().Suggest(x.Diary, x.Today)).ToList();
        Assert.All(Enum.GetValues<SuggestionKind>(), kind => Assert.True(suggestions.Count(s => s.Kind == kind) >= 10, $"{kind}: {suggestions.Count(s => s.Kind == kind)}"));
        // Both ways to a loosening: three gaps over, and two with a snooze.
        Assert.Contains(suggestions, s => s.Kind == SuggestionKind.LoosenRule && s.MovedFrom is null);
        Assert.Contains(suggestions, s => s.Kind == SuggestionKind.LoosenRule && s.MovedFrom is not null && s.GapsOverTarget == 2);
    }
}
