using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace Cadence.Tests.Learning;

/// <summary>Each kind of suggestion with its evidence and sentence, and what applying it changes (docs/design.md, "A rhythm that learns", Suggestions).</summary>
public class SuggestionTests
{
    private static readonly LocalDate Today = FixedDays.Today;

    private static Relationship Zoe => new("zoe", "Zoë Müller", "client");

    private static Touch Ago(int daysAgo, Channel channel, Direction direction = Direction.Outbound, Outcome outcome = Outcome.Connected) =>
        new("zoe", Today.PlusDays(-daysAgo), channel, direction, outcome);

    private static IReadOnlyList<Suggestion> Suggest(Diary diary) => new Scheduler().Suggest(diary, Today);

    private static Diary ZoeWith(params Touch[] touches) => new([Zoe], touches);

    [Fact]
    public void Loosen_LastThreeGapsEachAWeekPastTheTarget_SuggestsTheMedianInWholeWeeks()
    {
        // Clients: every 30 days (at most 45). Calls 41, 45 and 50 days apart.
        var diary = ZoeWith(Ago(160, Channel.Call), Ago(119, Channel.Call), Ago(74, Channel.Call), Ago(24, Channel.Call));

        var suggestion = Assert.Single(Suggest(diary));

        Assert.Equal("loosen/zoe", suggestion.Id);
        Assert.Equal(SuggestionKind.LoosenRule, suggestion.Kind);
        Assert.Equal([41, 45, 50], suggestion.GapDays);
        Assert.Equal(3, suggestion.GapsOverTarget);
        Assert.Equal(CadenceRule.FromDays(14, 30, 45), suggestion.CurrentRule);
        // The median (45 days) rounded up to 7 weeks; the maximum gap 15 days past it, as it was.
        Assert.Equal(new CadenceRule(Period.FromDays(14), Period.FromWeeks(7), Period.FromDays(64)), suggestion.Rule);
        Assert.Equal(
            "Your last 4 attempts with Zoë Müller came 41, 45 and 50 days apart, against every 30 days (at most 45): loosen the rule to every 7 weeks (at most 64 days).",
            suggestion.Why);
    }

    [Fact]
    public void Loosen_OneGapWithinAWeekOfTheTarget_NoSuggestion()
    {
        var diary = ZoeWith(Ago(150, Channel.Call), Ago(109, Channel.Call), Ago(64, Channel.Call), Ago(28, Channel.Call));

        Assert.Empty(Suggest(diary));
    }

    [Fact]
    public void Loosen_TwoGapsOverAndTheNextTouchSnoozed_SuggestsAndNamesTheMove()
    {
        // 41, 45 and 20 days apart; the next touch, due 30 days after the last call, snoozed by hand to 40 days from today.
        var diary = ZoeWith(Ago(120, Channel.Call), Ago(79, Channel.Call), Ago(34, Channel.Call), Ago(14, Channel.Call))
            .MoveNextTouch("zoe", Today.PlusDays(40), Today);

        var suggestion = Assert.Single(Suggest(diary));

        Assert.Equal(SuggestionKind.LoosenRule, suggestion.Kind);
        Assert.Equal(2, suggestion.GapsOverTarget);
        Assert.Equal(Today.PlusDays(16), suggestion.MovedFrom);
        Assert.Equal(Today.PlusDays(40), suggestion.MovedTo);
        Assert.Equal(new CadenceRule(Period.FromDays(14), Period.FromWeeks(6), Period.FromDays(57)), suggestion.Rule);
        Assert.Equal(
            $"Your last 4 attempts with Zoë Müller came 41, 45 and 20 days apart, against every 30 days (at most 45), and the next touch is moved by hand from {English.Day(Today.PlusDays(16))} to {English.Day(Today.PlusDays(40))}: loosen the rule to every 6 weeks (at most 57 days).",
            suggestion.Why);
    }

    [Fact]
    public void Loosen_TwoGapsOverWithoutASnooze_NoSuggestion()
    {
        var diary = ZoeWith(Ago(120, Channel.Call), Ago(79, Channel.Call), Ago(34, Channel.Call), Ago(14, Channel.Call));

        Assert.Empty(Suggest(diary));

        // A move that brings the touch forward is not a snooze.
        Assert.Empty(Suggest(diary.MoveNextTouch("zoe", Today.PlusDays(2), Today)));
    }

    [Fact]
    public void Loosen_Applied_IsTheRelationshipsOwnRuleAndNotSuggestedAgain()
    {
        var diary = ZoeWith(Ago(160, Channel.Call), Ago(119, Channel.Call), Ago(74, Channel.Call), Ago(24, Channel.Call));
        var suggestion = Suggest(diary).Single();

        var applied = suggestion.Apply(diary);

        Assert.Equal(suggestion.Rule, applied["zoe"].Rule);
        Assert.Empty(Suggest(applied));
    }

    [Fact]
    public void TryChannel_ThreeNotesUnanswered_SuggestsTheChannelOfTheirLastReply()
    {
        var diary = ZoeWith(
            Ago(90, Channel.Meeting, Direction.Inbound),
            Ago(60, Channel.Note, outcome: Outcome.NoReply),
            Ago(40, Channel.Note, outcome: Outcome.NoReply),
            Ago(20, Channel.Note, outcome: Outcome.NoReply));

        var suggestion = Assert.Single(Suggest(diary));

        Assert.Equal("channel/zoe", suggestion.Id);
        Assert.Equal(SuggestionKind.TryChannel, suggestion.Kind);
        Assert.Equal(Channel.Meeting, suggestion.Channel);
        Assert.Equal(Channel.Note, suggestion.TriedChannel);
        Assert.Equal(3, suggestion.Unanswered);
        Assert.Equal(Today.PlusDays(-60), suggestion.FirstUnanswered);
        Assert.Equal(Today.PlusDays(-90), suggestion.LastReply);
        Assert.Equal(
            $"Your last 3 notes to Zoë Müller went unanswered (since {English.Day(Today.PlusDays(-60))}); their last reply was a meeting on {English.Day(Today.PlusDays(-90))}: try a meeting first.",
            suggestion.Why);
    }

    [Fact]
    public void TryChannel_WrittenAttemptsAndNoOtherReply_SuggestsACall_LiveOnesANote()
    {
        var notes = Suggest(ZoeWith(
            Ago(60, Channel.Social, outcome: Outcome.NoReply),
            Ago(40, Channel.Social, outcome: Outcome.NoReply),
            Ago(20, Channel.Social, outcome: Outcome.NoReply))).Single();
        var calls = Suggest(ZoeWith(
            Ago(70, Channel.Call, Direction.Inbound),
            Ago(60, Channel.Call, outcome: Outcome.NoReply),
            Ago(40, Channel.Call, outcome: Outcome.NoReply),
            Ago(20, Channel.Call, outcome: Outcome.NoReply))).Single();

        Assert.Equal(Channel.Call, notes.Channel);
        Assert.Equal(
            $"Your last 3 social touches to Zoë Müller went unanswered (since {English.Day(Today.PlusDays(-60))}); no reply yet: try a call first.",
            notes.Why);
        Assert.Equal(Channel.Note, calls.Channel);
    }

    [Fact]
    public void TryChannel_ARunBrokenByAnotherChannelOrAReply_NoSuggestion()
    {
        Assert.Empty(Suggest(ZoeWith(
            Ago(60, Channel.Note, outcome: Outcome.NoReply),
            Ago(40, Channel.Call, outcome: Outcome.NoReply),
            Ago(20, Channel.Note, outcome: Outcome.NoReply))));
        Assert.Empty(Suggest(ZoeWith(
            Ago(60, Channel.Note, outcome: Outcome.NoReply),
            Ago(40, Channel.Note, outcome: Outcome.NoReply),
            Ago(30, Channel.Note, Direction.Inbound),
            Ago(20, Channel.Note, outcome: Outcome.NoReply))));
    }

    [Fact]
    public void TryChannel_AlreadyTheFirstPreferredChannel_NoSuggestion_AndApplyPutsItFirst()
    {
        Touch[] touches =
        [
            Ago(60, Channel.Note, outcome: Outcome.NoReply),
            Ago(40, Channel.Note, outcome: Outcome.NoReply),
            Ago(20, Channel.Note, outcome: Outcome.NoReply),
        ];
        Assert.Empty(Suggest(new Diary([Zoe.WithPreferredChannels(Channel.Call)], touches)));
        var diary = new Diary([Zoe.WithPreferredChannels(Channel.Note, Channel.Meeting, Channel.Call)], touches);
        var suggestion = Suggest(diary).Single();

        var applied = suggestion.Apply(diary);

        Assert.Equal([Channel.Call, Channel.Note, Channel.Meeting], applied["zoe"].PreferredChannels);
        Assert.Empty(Suggest(applied));
    }

    [Fact]
    public void Archive_NoReplyForHalfAYearAndThreeAttemptsUnanswered_SuggestsArchiving()
    {
        var diary = ZoeWith(
            Ago(200, Channel.Call),
            Ago(180, Channel.Note, outcome: Outcome.NoReply),
            Ago(170, Channel.Call, outcome: Outcome.NoReply),
            Ago(40, Channel.Note, outcome: Outcome.NoReply));

        var suggestion = Assert.Single(Suggest(diary));

        Assert.Equal("archive/zoe", suggestion.Id);
        Assert.Equal(SuggestionKind.Archive, suggestion.Kind);
        Assert.Equal(200, suggestion.QuietDays);
        Assert.Equal(3, suggestion.Unanswered);
        Assert.Equal(
            $"No reply from Zoë Müller for 200 days (since {English.Day(Today.PlusDays(-200))}) and 3 attempts unanswered since: archive the relationship?",
            suggestion.Why);

        var applied = suggestion.Apply(diary);
        Assert.Equal(RelationshipStatus.Archived, applied["zoe"].State.Status);
        Assert.Empty(Suggest(applied));
    }

    [Fact]
    public void Archive_NeverAReply_CountsFromTheFirstTouch()
    {
        var diary = ZoeWith(
            Ago(190, Channel.Note, outcome: Outcome.NoReply),
            Ago(120, Channel.Call, outcome: Outcome.NoReply),
            Ago(60, Channel.Note, outcome: Outcome.NoReply));

        var suggestion = Assert.Single(Suggest(diary));

        Assert.Equal(
            $"No reply from Zoë Müller ever, in 190 days (since {English.Day(Today.PlusDays(-190))}, the first touch) and 3 attempts unanswered: archive the relationship?",
            suggestion.Why);
    }

    [Fact]
    public void Archive_ShorterSilenceOrFewerAttempts_NoSuggestion()
    {
        Assert.Empty(Suggest(ZoeWith(
            Ago(170, Channel.Call),
            Ago(150, Channel.Note, outcome: Outcome.NoReply),
            Ago(100, Channel.Call, outcome: Outcome.NoReply),
            Ago(50, Channel.Note, outcome: Outcome.NoReply))));
        Assert.Empty(Suggest(ZoeWith(
            Ago(300, Channel.Call),
            Ago(100, Channel.Call, outcome: Outcome.NoReply),
            Ago(50, Channel.Note, outcome: Outcome.NoReply))));
    }

    [Fact]
    public void Suggest_ArchivedRelationship_Never_AndOrderedByIdThenKind()
    {
        Touch[] Silent(string id) =>
        [
            new(id, Today.PlusDays(-200), Channel.Note, Direction.Outbound, Outcome.NoReply),
            new(id, Today.PlusDays(-100), Channel.Note, Direction.Outbound, Outcome.NoReply),
            new(id, Today.PlusDays(-50), Channel.Note, Direction.Outbound, Outcome.NoReply),
        ];
        var diary = new Diary(
            [new Relationship("b", "B", "client"), new Relationship("a", "A", "client"), new Relationship("c", "C", "client").Archive()],
            [.. Silent("b"), .. Silent("c"), .. Silent("a")]);

        var ids = Suggest(diary).Select(s => s.Id);

        Assert.Equal(["channel/a", "archive/a", "channel/b", "archive/b"], ids);
    }

    [Fact]
    public void Suggest_EntriesAfterToday_ReadAsTheDiaryStoodThen()
    {
        var diary = ZoeWith(
            Ago(60, Channel.Note, outcome: Outcome.NoReply),
            Ago(40, Channel.Note, outcome: Outcome.NoReply),
            Ago(20, Channel.Note, outcome: Outcome.NoReply),
            Ago(-5, Channel.Call, Direction.Inbound));

        Assert.Single(Suggest(diary));
        Assert.Empty(new Scheduler().Suggest(diary, Today.PlusDays(5)));
    }
}
