using System.Linq;
using Cadence.Calendars;
using Cadence.Tests.Properties;
using FsCheck.Xunit;
using NodaTime;

namespace Cadence.Tests.Levelling;

/// <summary>
/// Levelling's reasons are kept compact and built when read: whichever way they are read (the records, the sentence,
/// the feed's text), they agree, come after the planner's own, and a plan levelled again keeps the first levelling's.
/// </summary>
[Properties(Arbitrary = new[] { typeof(LevellingProperties) }, MaxTest = Generators.Runs, QuietOnSuccess = true)]
public class LevellingReasonsTests
{
    [Property]
    public bool Level_AnyScenario_RecordsSentenceAndFeedTextAgree(LevellingScenario s)
    {
        var unlevelled = s.Unlevelled();
        var levelled = new Leveller(s.Calendar, s.Options).Level(unlevelled).Plan;
        return unlevelled.Touches.All(before => Agree(levelled[before.RelationshipId])
            && levelled[before.RelationshipId].Reasons.Take(before.Reasons.Count).SequenceEqual(before.Reasons));
    }

    [Property]
    public bool Level_LevelledPlanLevelledAgain_FirstLevellingsReasonsComeFirst(LevellingScenario s)
    {
        var once = s.Levelled().Plan;
        var tight = s.Calendar.WithBudget(new TouchBudget(1));
        var twice = new Leveller(tight, s.Options).Level(once).Plan;
        return once.Touches.All(first => Agree(twice[first.RelationshipId])
            && twice[first.RelationshipId].Reasons.Take(first.Reasons.Count).SequenceEqual(first.Reasons));
    }

    [Fact]
    public void Level_TouchMovedTwice_BothMovesInOrder()
    {
        var today = new LocalDate(2026, 4, 7);
        var diary = LevellingDiary.Clients(("ann", today), ("bob", today), ("cat", today));
        var once = diary.Level(today, OwnerCalendar.ForZone("Europe/London").WithBudget(new TouchBudget(2))).Plan;
        var twice = new Leveller(OwnerCalendar.ForZone("Europe/London").WithBudget(new TouchBudget(1))).Level(once).Plan;

        Assert.Equal(
            [new LevelledReason(today, today.PlusDays(1), MoveCause.DailyBudget, 2)],
            once["cat"].Reasons.OfType<LevelledReason>());
        Assert.Equal(
            [
                new LevelledReason(today, today.PlusDays(1), MoveCause.DailyBudget, 2),
                new LevelledReason(today.PlusDays(1), today.PlusDays(2), MoveCause.DailyBudget, 1),
            ],
            twice["cat"].Reasons.OfType<LevelledReason>());
        Assert.EndsWith(
            "moved from Tue 7 Apr 2026: budget of 2 a day reached; moved from Wed 8 Apr 2026: budget of 1 a day reached.",
            twice["cat"].Why);
        Assert.True(Agree(twice["cat"]));
    }

    /// <summary>The reasons read twice, the sentence and the feed's text of one touch agree.</summary>
    private static bool Agree(PlannedTouch touch)
    {
        var text = new TextBuffer();
        touch.AppendWhy(text);
        return touch.Reasons.SequenceEqual(touch.Reasons)
            && touch.Why == Reason.Sentence(touch.Reasons)
            && text.ToString() == touch.Why;
    }
}
