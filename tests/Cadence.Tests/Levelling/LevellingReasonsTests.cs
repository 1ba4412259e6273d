using System.Linq;
using Cadence.Calendars;
using Cadence.Tests.Properties;
using FsCheck.Xunit;
using NodaTime;

namespace Cadence.Tests.Levelling;

/// <summary>
/// Levelling's reasons are kept compact and built when read: whichever way they are read (the records, the sentence,
/// the feed's text), they agree and come after the planner's own. (A levelled plan is a <see cref="LevelledPlan"/>, which
/// a leveller does not take: a plan is levelled once, from the scheduler's.)
/// </summary>
[Properties(Arbitrary = new[] { typeof(LevellingProperties) }, MaxTest = Generators.Runs, QuietOnSuccess = true)]
public class LevellingReasonsTests
{
    [Property]
    public bool Level_AnyScenario_RecordsSentenceAndFeedTextAgree(LevellingScenario s)
    {
        var unlevelled = s.Unlevelled();
        var levelled = new Leveller(s.Calendar, s.Options).Level(unlevelled);
        return unlevelled.Touches.All(before => Agree(levelled[before.RelationshipId])
            && LevellingProperties.Lateness(before, s.Calendar, s.Today).Reasons is var planned
            && levelled[before.RelationshipId].Reasons.Take(planned.Count).SequenceEqual(planned));
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
