using System.Linq;
using NodaTime;

namespace Cadence.Tests;

public class DomainTests
{
    private static readonly LocalDate Today = FixedDays.Today;

    private static Relationship Zoe => new("zoe", "Zoë Müller", "client");

    // ---------------------------------------------------------------- channels

    [Theory]
    [InlineData(Channel.Meeting, true, false)]
    [InlineData(Channel.Call, true, false)]
    [InlineData(Channel.Note, false, true)]
    [InlineData(Channel.Social, false, true)]
    public void ChannelExtensions_IsLiveAndIsWritten_SplitTheChannels(Channel channel, bool live, bool written)
    {
        Assert.Equal(live, channel.IsLive());
        Assert.Equal(written, channel.IsWritten());
    }

    // ---------------------------------------------------------------- relationship

    [Fact]
    public void Relationship_New_IsActiveWithNothingElseSet()
    {
        var zoe = Zoe;

        Assert.Equal("zoe", zoe.Id);
        Assert.Equal("Zoë Müller", zoe.Name);
        Assert.Equal("client", zoe.Tier);
        Assert.Empty(zoe.Tags);
        Assert.Null(zoe.TimeZone);
        Assert.Empty(zoe.PreferredChannels);
        Assert.Equal(RelationshipState.Active, zoe.State);
        Assert.Null(zoe.Rule);
    }

    [Fact]
    public void Relationship_WithMethods_ReturnCopiesAndLeaveTheOriginalUnchanged()
    {
        var original = Zoe;
        var berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var rule = CadenceRule.FromWeeks(2, 4, 6);

        var changed = original
            .WithName("Zoë Meyer")
            .WithTier("prospect")
            .WithTags("met at ExpoLondon", "Atlanta")
            .WithTimeZone(berlin)
            .WithPreferredChannels(Channel.Call, Channel.Meeting)
            .WithRule(rule)
            .PauseUntil(Today.PlusDays(7));

        Assert.Equal(Zoe, original);
        Assert.Equal("Zoë Müller", original.Name);
        Assert.Equal("client", original.Tier);
        Assert.Empty(original.Tags);
        Assert.Null(original.TimeZone);
        Assert.Empty(original.PreferredChannels);
        Assert.Null(original.Rule);
        Assert.Equal(RelationshipState.Active, original.State);

        Assert.Equal("zoe", changed.Id);
        Assert.Equal("Zoë Meyer", changed.Name);
        Assert.Equal("prospect", changed.Tier);
        Assert.Equal(new[] { "met at ExpoLondon", "Atlanta" }, changed.Tags);
        Assert.Same(berlin, changed.TimeZone);
        Assert.Equal(new[] { Channel.Call, Channel.Meeting }, changed.PreferredChannels);
        Assert.Equal(rule, changed.Rule);
        Assert.Equal(RelationshipState.Paused(Today.PlusDays(7)), changed.State);
    }

    [Fact]
    public void Relationship_EachWithMethod_KeepsTheOtherFields()
    {
        var full = Zoe
            .WithTags("a")
            .WithTimeZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"])
            .WithPreferredChannels(Channel.Note)
            .WithRule(CadenceRule.FromDays(1, 2, 3))
            .PauseUntil(Today);

        Assert.Equal(full, full.WithName("Zoë Müller"));
        Assert.Equal(full, full.WithTier("client"));
        Assert.Equal(full, full.WithTags("a"));
        Assert.Equal(full, full.WithTimeZone(full.TimeZone));
        Assert.Equal(full, full.WithPreferredChannels(Channel.Note));
        Assert.Equal(full, full.WithRule(full.Rule));
        Assert.Equal(full, full.WithState(full.State));
        Assert.Equal(full.Archive().Activate().PauseUntil(Today), full);
    }

    [Fact]
    public void Relationship_WithNullRuleOrZone_GoesBackToNone()
    {
        var zoe = Zoe.WithRule(CadenceRule.FromDays(1, 2, 3)).WithTimeZone(DateTimeZone.Utc);

        Assert.Null(zoe.WithRule(null).Rule);
        Assert.Null(zoe.WithTimeZone(null).TimeZone);
    }

    [Fact]
    public void Relationship_TagsAndPreferredChannels_KeepDuplicatesOnceInFirstOrder()
    {
        var zoe = Zoe.WithTags("b", "a", "b").WithPreferredChannels(Channel.Social, Channel.Call, Channel.Social);

        Assert.Equal(new[] { "b", "a" }, zoe.Tags);
        Assert.Equal(new[] { Channel.Social, Channel.Call }, zoe.PreferredChannels);
    }

    [Fact]
    public void Relationship_StateShortcuts_SetTheState()
    {
        Assert.Equal(RelationshipState.Archived, Zoe.Archive().State);
        Assert.Equal(RelationshipState.Active, Zoe.Archive().Activate().State);
        Assert.Equal(RelationshipStatus.Paused, Zoe.PauseUntil(Today).State.Status);
        Assert.Equal(Today, Zoe.PauseUntil(Today).State.PausedUntil);
    }

    [Fact]
    public void Relationship_SameValues_AreEqualWithEqualHashCodes()
    {
        var a = Zoe.WithTags("x", "y").WithPreferredChannels(Channel.Call).WithRule(CadenceRule.FromDays(1, 2, 3)).PauseUntil(Today);
        var b = new Relationship("zoe", "Zoë Müller", "client").WithTags("x", "y").WithPreferredChannels(Channel.Call).WithRule(CadenceRule.FromDays(1, 2, 3)).PauseUntil(Today);

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Relationship_AnyDifferentValue_IsNotEqual()
    {
        var zoe = Zoe;

        Assert.NotEqual(zoe, new Relationship("Zoe", "Zoë Müller", "client"));
        Assert.NotEqual(zoe, zoe.WithName("Zoe Muller"));
        Assert.NotEqual(zoe, zoe.WithTier("prospect"));
        Assert.NotEqual(zoe, zoe.WithTags("x"));
        Assert.NotEqual(zoe.WithTags("x", "y"), zoe.WithTags("y", "x"));
        Assert.NotEqual(zoe, zoe.WithTimeZone(DateTimeZone.Utc));
        Assert.NotEqual(zoe.WithPreferredChannels(Channel.Call, Channel.Note), zoe.WithPreferredChannels(Channel.Note, Channel.Call));
        Assert.NotEqual(zoe, zoe.Archive());
        Assert.NotEqual(zoe, zoe.WithRule(CadenceRule.FromDays(14, 30, 45)));
        Assert.False(zoe.Equals(null));
    }

    // ---------------------------------------------------------------- relationship state

    [Fact]
    public void RelationshipState_ActiveAndArchived_HaveNoPauseDate()
    {
        Assert.Equal(RelationshipStatus.Active, RelationshipState.Active.Status);
        Assert.Null(RelationshipState.Active.PausedUntil);
        Assert.Equal(RelationshipStatus.Archived, RelationshipState.Archived.Status);
        Assert.Null(RelationshipState.Archived.PausedUntil);
    }

    [Fact]
    public void RelationshipState_Paused_HasItsDateAndValueEquality()
    {
        var paused = RelationshipState.Paused(new LocalDate(2026, 4, 1));

        Assert.Equal(RelationshipStatus.Paused, paused.Status);
        Assert.Equal(new LocalDate(2026, 4, 1), paused.PausedUntil);
        Assert.Equal(RelationshipState.Paused(new LocalDate(2026, 4, 1)), paused);
        Assert.NotEqual(RelationshipState.Paused(new LocalDate(2026, 4, 2)), paused);
        Assert.NotEqual(RelationshipState.Active, paused);
        Assert.NotEqual(RelationshipState.Active, RelationshipState.Archived);
    }

    [Fact]
    public void RelationshipState_ToString_ReadsInEnglish()
    {
        Assert.Equal("active", RelationshipState.Active.ToString());
        Assert.Equal("archived", RelationshipState.Archived.ToString());
        Assert.Equal("paused until 2026-04-01", RelationshipState.Paused(new LocalDate(2026, 4, 1)).ToString());
    }

    // ---------------------------------------------------------------- touch

    [Fact]
    public void Touch_Defaults_AreOutboundConnectedWithoutExtras()
    {
        var touch = new Touch("zoe", Today, Channel.Call);

        Assert.Equal(Direction.Outbound, touch.Direction);
        Assert.Equal(Outcome.Connected, touch.Outcome);
        Assert.True(touch.IsOutbound);
        Assert.Null(touch.Medium);
        Assert.Null(touch.Summary);
        Assert.Null(touch.Time);
    }

    [Fact]
    public void Touch_Medium_IsTrimmedAndBlankBecomesNull()
    {
        Assert.Equal("coffee", new Touch("zoe", Today, Channel.Meeting, medium: "  coffee ").Medium);
        Assert.Null(new Touch("zoe", Today, Channel.Meeting, medium: "   ").Medium);
        Assert.Null(new Touch("zoe", Today, Channel.Meeting, summary: " ").Summary);
        Assert.False(new Touch("zoe", Today, Channel.Meeting, Direction.Inbound).IsOutbound);
    }

    [Fact]
    public void Touch_WithMethods_ReturnCopiesAndLeaveTheOriginalUnchanged()
    {
        var time = new LocalTime(9, 30);
        var original = new Touch("zoe", Today, Channel.Call, Direction.Inbound, Outcome.Connected, "Skype", "pricing", time);

        var moved = original.WithDate(Today.PlusDays(-1));
        var missed = original.WithOutcome(Outcome.NoReply);
        var summarized = original.WithSummary("renewal");

        Assert.Equal(new Touch("zoe", Today, Channel.Call, Direction.Inbound, Outcome.Connected, "Skype", "pricing", time), original);
        Assert.Equal(new Touch("zoe", Today.PlusDays(-1), Channel.Call, Direction.Inbound, Outcome.Connected, "Skype", "pricing", time), moved);
        Assert.Equal(new Touch("zoe", Today, Channel.Call, Direction.Inbound, Outcome.NoReply, "Skype", "pricing", time), missed);
        Assert.Equal(new Touch("zoe", Today, Channel.Call, Direction.Inbound, Outcome.Connected, "Skype", "renewal", time), summarized);
        Assert.Null(original.WithSummary(null).Summary);
    }

    [Fact]
    public void Touch_ValueEquality_ComparesEveryField()
    {
        var touch = new Touch("zoe", Today, Channel.Call);

        Assert.Equal(new Touch("zoe", Today, Channel.Call), touch);
        Assert.Equal(new Touch("zoe", Today, Channel.Call).GetHashCode(), touch.GetHashCode());
        Assert.NotEqual(new Touch("max", Today, Channel.Call), touch);
        Assert.NotEqual(new Touch("zoe", Today, Channel.Meeting), touch);
        Assert.NotEqual(new Touch("zoe", Today, Channel.Call, time: new LocalTime(9, 0)), touch);
    }

    // ---------------------------------------------------------------- commitment

    [Fact]
    public void Commitment_New_IsOpen()
    {
        var commitment = new Commitment("c1", "zoe", Today, "chase feedback on the proposal", Channel.Call);

        Assert.Equal(CommitmentStatus.Open, commitment.Status);
        Assert.True(commitment.IsOpen);
        Assert.Equal("c1", commitment.Id);
        Assert.Equal("zoe", commitment.RelationshipId);
        Assert.Equal(Today, commitment.Date);
        Assert.Equal("chase feedback on the proposal", commitment.Purpose);
        Assert.Equal(Channel.Call, commitment.Channel);
        Assert.Null(new Commitment("c2", "zoe", Today, "x").Channel);
    }

    [Theory]
    [InlineData(7)] // forwards
    [InlineData(-7)] // backwards
    public void Commitment_MoveTo_ChangesOnlyTheDate(int days)
    {
        var original = new Commitment("c1", "zoe", Today, "chase", Channel.Note);

        var moved = original.MoveTo(Today.PlusDays(days));

        Assert.Equal(Today.PlusDays(days), moved.Date);
        Assert.Equal(Today, original.Date);
        Assert.Equal(new Commitment("c1", "zoe", Today.PlusDays(days), "chase", Channel.Note), moved);
    }

    [Fact]
    public void Commitment_MarkDoneDropAndReopen_ChangeOnlyTheStatus()
    {
        var open = new Commitment("c1", "zoe", Today, "chase", Channel.Note);

        var done = open.MarkDone();
        var dropped = open.Drop();
        var reopened = dropped.Reopen();

        Assert.True(open.IsOpen);
        Assert.Equal(CommitmentStatus.Done, done.Status);
        Assert.False(done.IsOpen);
        Assert.Equal(CommitmentStatus.Dropped, dropped.Status);
        Assert.False(dropped.IsOpen);
        Assert.Equal(open, reopened);
        Assert.Equal(open, done.Reopen());
        Assert.Equal(Today, done.Date);
        Assert.Equal("chase", dropped.Purpose);
        Assert.Equal(Channel.Note, done.Channel);
    }

    [Fact]
    public void Commitment_MoveToWhenDone_StaysDone()
    {
        var done = new Commitment("c1", "zoe", Today, "chase").MarkDone();

        Assert.Equal(CommitmentStatus.Done, done.MoveTo(Today.PlusDays(3)).Status);
    }

    [Fact]
    public void Commitment_ValueEquality_IncludesTheStatus()
    {
        var open = new Commitment("c1", "zoe", Today, "chase");

        Assert.Equal(new Commitment("c1", "zoe", Today, "chase"), open);
        Assert.NotEqual(open.MarkDone(), open);
        Assert.NotEqual(open.MarkDone(), open.Drop());
        Assert.NotEqual(new Commitment("c1", "zoe", Today, "chase", Channel.Call), open);
    }

    // ---------------------------------------------------------------- rules and credits

    [Fact]
    public void CadenceRule_Properties_AndValueEquality()
    {
        var rule = CadenceRule.FromDays(14, 30, 45);

        Assert.Equal(Period.FromDays(14), rule.MinGap);
        Assert.Equal(Period.FromDays(30), rule.Target);
        Assert.Equal(Period.FromDays(45), rule.MaxGap);
        Assert.Equal(new CadenceRule(Period.FromDays(14), Period.FromDays(30), Period.FromDays(45)), rule);
        Assert.Equal(CadenceRule.FromDays(14, 30, 45).GetHashCode(), rule.GetHashCode());
        Assert.NotEqual(CadenceRule.FromDays(14, 30, 46), rule);
        Assert.Equal(CadenceRule.FromWeeks(1, 2, 3), new CadenceRule(Period.FromWeeks(1), Period.FromWeeks(2), Period.FromWeeks(3)));
    }

    [Fact]
    public void CadenceRule_WithMethods_ReturnCopiesAndLeaveTheOriginalUnchanged()
    {
        var rule = CadenceRule.FromDays(14, 30, 45);

        Assert.Equal(CadenceRule.FromDays(14, 40, 45), rule.WithTarget(Period.FromDays(40)));
        Assert.Equal(CadenceRule.FromDays(7, 30, 45), rule.WithMinGap(Period.FromDays(7)));
        Assert.Equal(CadenceRule.FromDays(14, 30, 60), rule.WithMaxGap(Period.FromDays(60)));
        Assert.Equal(CadenceRule.FromDays(14, 30, 45), rule);
    }

    [Fact]
    public void CadenceRule_ToString_ReadsInEnglish()
    {
        Assert.Equal("at least 14 days, target 30 days, at most 45 days", CadenceRule.FromDays(14, 30, 45).ToString());
        Assert.Equal(
            "at least 2 weeks, target 6 weeks, at most 3 months",
            new CadenceRule(Period.FromWeeks(2), Period.FromWeeks(6), Period.FromMonths(3)).ToString());
    }

    [Fact]
    public void CadenceRules_Default_HasTheDocumentedTiersAndFallback()
    {
        var rules = CadenceRules.Default;

        Assert.Equal(CadenceRule.FromDays(14, 30, 45), rules.For("client"));
        Assert.Equal(CadenceRule.FromWeeks(1, 2, 3), rules.For("prospect"));
        Assert.Equal(CadenceRule.FromWeeks(3, 6, 8), rules.For("referral source"));
        Assert.Equal(new CadenceRule(Period.FromMonths(1), Period.FromMonths(3), Period.FromMonths(4)), rules.For("past associate"));
        Assert.Equal(new CadenceRule(Period.FromWeeks(2), Period.FromWeeks(6), Period.FromMonths(3)), rules.Fallback);
        Assert.Equal(new[] { "client", "past associate", "prospect", "referral source" }, rules.Tiers);
    }

    [Fact]
    public void CadenceRules_TierNames_IgnoreCase()
    {
        Assert.Equal(CadenceRule.FromDays(14, 30, 45), CadenceRules.Default.For("Client"));
        Assert.True(CadenceRules.Default.TryGet("PROSPECT", out var rule));
        Assert.Equal(CadenceRule.FromWeeks(1, 2, 3), rule);
    }

    [Fact]
    public void CadenceRules_WithWithoutAndFallback_ReturnCopies()
    {
        var rule = CadenceRule.FromDays(1, 2, 3);
        var original = CadenceRules.Empty;

        var one = original.With("vendor", rule);
        var none = one.Without("VENDOR");

        Assert.Empty(original.Tiers);
        Assert.False(original.TryGet("vendor", out _));
        Assert.Equal(rule, one.For("vendor"));
        Assert.False(none.TryGet("vendor", out _));
        Assert.Null(none.Fallback);
        Assert.Equal(rule, none.WithFallback(rule).For("anything"));
        Assert.Null(CadenceRules.Default.WithFallback(null).Fallback);
        Assert.NotNull(CadenceRules.Default.Fallback);
    }

    [Fact]
    public void CadenceRules_ForRelationship_PrefersItsOwnRule()
    {
        var own = CadenceRule.FromDays(1, 2, 3);

        Assert.Equal(own, CadenceRules.Default.For(Zoe.WithRule(own)));
        Assert.Equal(CadenceRule.FromDays(14, 30, 45), CadenceRules.Default.For(Zoe));
    }

    [Fact]
    public void ChannelCredits_Default_AreTheDocumentedShares()
    {
        var credits = ChannelCredits.Default;

        Assert.Equal(1, credits.Meeting);
        Assert.Equal(1, credits.Call);
        Assert.Equal(0.6, credits.Note);
        Assert.Equal(0.25, credits.Social);
        Assert.Equal(0, credits.NoReply);
        Assert.Equal(0.6, credits[Channel.Note]);
    }

    [Fact]
    public void ChannelCredits_For_UsesNoReplyForUnansweredTouches()
    {
        var credits = ChannelCredits.Default;

        Assert.Equal(1, credits.For(new Touch("zoe", Today, Channel.Meeting)));
        Assert.Equal(0.25, credits.For(new Touch("zoe", Today, Channel.Social, Direction.Inbound)));
        Assert.Equal(0, credits.For(new Touch("zoe", Today, Channel.Meeting, outcome: Outcome.NoReply)));
    }

    [Fact]
    public void ChannelCredits_With_ReturnsACopyChangingOnlyThatChannel()
    {
        var original = ChannelCredits.Default;

        var changed = original.With(Channel.Note, 0.8).With(Channel.Meeting, 1.5).With(Channel.Call, 0.9).With(Channel.Social, 0.1).WithNoReply(0.2);

        Assert.Equal(ChannelCredits.Default, original);
        Assert.Equal(0.6, original.Note);
        Assert.Equal(1.5, changed.Meeting);
        Assert.Equal(0.9, changed.Call);
        Assert.Equal(0.8, changed.Note);
        Assert.Equal(0.1, changed.Social);
        Assert.Equal(0.2, changed.NoReply);
        Assert.Equal(ChannelCredits.Default.With(Channel.Note, 0.8), original.With(Channel.Note, 0.8));
        Assert.NotEqual(ChannelCredits.Default, original.With(Channel.Note, 0.8));
    }

    // ---------------------------------------------------------------- scheduler options

    [Fact]
    public void SchedulerOptions_Default_AreTheDocumentedOnes()
    {
        var options = SchedulerOptions.Default;

        Assert.Same(CadenceRules.Default, options.Rules);
        Assert.Equal(ChannelCredits.Default, options.Credits);
        Assert.Equal(3, options.OfflineAfterOnlineTouches);
        Assert.Equal(Channel.Call, options.DefaultChannel);
        Assert.Contains("email", options.OnlineNoteMedia);
    }

    [Theory]
    [InlineData(Channel.Social, null, true)]
    [InlineData(Channel.Note, "email", true)]
    [InlineData(Channel.Note, "E-Mail", true)]
    [InlineData(Channel.Note, "LinkedIn", true)]
    [InlineData(Channel.Note, "handwritten card", false)]
    [InlineData(Channel.Note, null, false)]
    [InlineData(Channel.Call, "whatsapp", false)]
    [InlineData(Channel.Meeting, "Skype video", false)]
    public void SchedulerOptions_IsOnline_SocialAndOnlineMediaNotes(Channel channel, string? medium, bool online)
    {
        Assert.Equal(online, SchedulerOptions.Default.IsOnline(new Touch("zoe", Today, channel, medium: medium)));
    }

    [Fact]
    public void SchedulerOptions_WithOnlineNoteMedia_ReplacesTheList()
    {
        var options = SchedulerOptions.Default.WithOnlineNoteMedia(" Postcard ");

        Assert.True(options.IsOnline(new Touch("zoe", Today, Channel.Note, medium: "postcard")));
        Assert.False(options.IsOnline(new Touch("zoe", Today, Channel.Note, medium: "email")));
        Assert.True(SchedulerOptions.Default.IsOnline(new Touch("zoe", Today, Channel.Note, medium: "email")));
    }

    [Fact]
    public void SchedulerOptions_WithMethods_ReturnCopiesAndLeaveTheOriginalUnchanged()
    {
        var original = SchedulerOptions.Default;
        var rules = CadenceRules.Empty.WithFallback(CadenceRule.FromDays(1, 2, 3));
        var credits = ChannelCredits.Default.WithNoReply(0.1);

        var changed = original.WithRules(rules).WithCredits(credits).WithOfflineAfterOnlineTouches(5).WithDefaultChannel(Channel.Meeting);

        Assert.Same(rules, changed.Rules);
        Assert.Equal(credits, changed.Credits);
        Assert.Equal(5, changed.OfflineAfterOnlineTouches);
        Assert.Equal(Channel.Meeting, changed.DefaultChannel);
        Assert.Equal(original.OnlineNoteMedia, changed.OnlineNoteMedia);
        Assert.Same(CadenceRules.Default, original.Rules);
        Assert.Equal(ChannelCredits.Default, original.Credits);
        Assert.Equal(3, original.OfflineAfterOnlineTouches);
        Assert.Equal(Channel.Call, original.DefaultChannel);
    }

    // ---------------------------------------------------------------- diary

    [Fact]
    public void Diary_AddLogPromiseAndUpdate_ReturnCopiesAndLeaveTheOriginalUnchanged()
    {
        var original = new Diary([Zoe]);
        var touch = new Touch("zoe", Today, Channel.Call);
        var commitment = new Commitment("c1", "zoe", Today.PlusDays(3), "chase");
        var max = new Relationship("max", "Max", "prospect");

        var added = original.Add(max);
        var logged = original.Log(touch);
        var promised = original.Promise(commitment);
        var renamed = original.Update(Zoe.WithName("Zoë Meyer"));
        var moved = promised.Update(commitment.MoveTo(Today.PlusDays(5)));

        Assert.Single(original.Relationships);
        Assert.Empty(original.Touches);
        Assert.Empty(original.Commitments);
        Assert.Equal("Zoë Müller", original["zoe"].Name);

        Assert.Equal(new[] { Zoe, max }, added.Relationships);
        Assert.Equal(new[] { touch.WithId("zoe/1") }, logged.TouchesOf("zoe"));
        Assert.Equal(new[] { commitment }, promised.CommitmentsOf("zoe"));
        Assert.Equal("Zoë Meyer", renamed["zoe"].Name);
        Assert.Equal(Today.PlusDays(5), moved.Commitments.Single().Date);
        Assert.Equal(Today.PlusDays(3), promised.Commitments.Single().Date);
    }

    [Fact]
    public void Diary_TouchesOfAndCommitmentsOf_AreGroupedInTheOrderGiven()
    {
        var t1 = new Touch("zoe", Today.PlusDays(-1), Channel.Call);
        var t2 = new Touch("max", Today, Channel.Note);
        var t3 = new Touch("zoe", Today.PlusDays(-9), Channel.Meeting);
        var c1 = new Commitment("c1", "max", Today, "demo");
        var diary = new Diary([Zoe, new Relationship("max", "Max", "prospect")], [t1, t2, t3], [c1]);

        Assert.Equal(new[] { t1, t3 }, diary.TouchesOf("zoe"));
        Assert.Equal(new[] { t2 }, diary.TouchesOf("max"));
        Assert.Equal(new[] { c1 }, diary.CommitmentsOf("max"));
        Assert.Empty(diary.CommitmentsOf("zoe"));
        Assert.Equal(new[] { t1, t2, t3 }, diary.Touches);
        Assert.True(diary.Contains("max"));
        Assert.True(diary.TryGet("max", out var found));
        Assert.Equal("Max", found.Name);
    }

    [Fact]
    public void Diary_Empty_HasNothing()
    {
        Assert.Empty(Diary.Empty.Relationships);
        Assert.Empty(Diary.Empty.Touches);
        Assert.Empty(Diary.Empty.Commitments);
    }

    // ---------------------------------------------------------------- planned touch values

    [Fact]
    public void PlannedTouch_FromEqualInputs_AreEqualWithEqualHashCodes()
    {
        var diary = new Diary([Zoe], [new Touch("zoe", Today.PlusDays(-10), Channel.Meeting)]);

        var a = new Scheduler().PlanFor(diary, "zoe", Today);
        var b = new Scheduler().PlanFor(diary, "zoe", Today);

        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.Equal(a, b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new Scheduler().PlanFor(diary, "zoe", Today.PlusDays(1)));
        Assert.False(a.Equals(null));
    }
}
