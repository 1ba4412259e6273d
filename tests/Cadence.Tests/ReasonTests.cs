using System;
using NodaTime;

namespace Cadence.Tests;

public class ReasonTests
{
    private static readonly LocalDate Today = FixedDays.Today;

    private static Touch T(Channel channel, Direction direction = Direction.Outbound, Outcome outcome = Outcome.Connected, string? medium = null) =>
        new("zoe", Today, channel, direction, outcome, medium);

    // ---------------------------------------------------------------- first touch

    [Theory]
    [InlineData(0, "no touch yet: time for a first one")]
    [InlineData(1, "no connection yet after 1 attempt")]
    [InlineData(2, "no connection yet after 2 attempts")]
    public void FirstTouchReason_ToString_SaysHowManyAttemptsWentUnanswered(int attempts, string expected)
    {
        Assert.Equal(expected, new FirstTouchReason(attempts).ToString());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 3)]
    public void FirstTouchReason_ConnectedTouchesThatCountForNothing_SaysSo(int attempts, int uncredited)
    {
        Assert.Equal(
            "no touch so far counts towards the cadence: time for one that does",
            new FirstTouchReason(attempts, uncredited).ToString());
    }

    [Theory]
    [InlineData(0.995, "99%")]
    [InlineData(0.125, "13%")]
    [InlineData(0.005, "1%")]
    public void RenewalReason_PartialCredit_RoundsHalfUpAndNeverShowsAFullTouch(double credit, string shown)
    {
        Assert.Equal($"last wrote 5 days ago, which counts as {shown} of a full touch", new RenewalReason(T(Channel.Note), 5, credit).ToString());
    }

    // ---------------------------------------------------------------- touches: renewal ("last …") and latest

    [Theory]
    [InlineData(Channel.Meeting, "last met 41 days ago")]
    [InlineData(Channel.Call, "last called 41 days ago")]
    [InlineData(Channel.Note, "last wrote 41 days ago")]
    [InlineData(Channel.Social, "last touched base online 41 days ago")]
    public void RenewalReason_OutboundConnected_SaysLastAndTheVerb(Channel channel, string expected)
    {
        Assert.Equal(expected, new RenewalReason(T(channel), 41, 1).ToString());
    }

    [Theory]
    [InlineData(Channel.Meeting, "last met 3 days ago, at their request")]
    [InlineData(Channel.Call, "they last called 3 days ago")]
    [InlineData(Channel.Note, "they last wrote 3 days ago")]
    [InlineData(Channel.Social, "they last reached out online 3 days ago")]
    public void RenewalReason_InboundConnected_SaysTheyStartedIt(Channel channel, string expected)
    {
        Assert.Equal(expected, new RenewalReason(T(channel, Direction.Inbound), 3, 1).ToString());
    }

    [Theory]
    [InlineData(Channel.Meeting, "met 3 days ago")]
    [InlineData(Channel.Call, "called 3 days ago")]
    [InlineData(Channel.Note, "wrote 3 days ago")]
    [InlineData(Channel.Social, "touched base online 3 days ago")]
    public void LatestTouchReason_OutboundConnected_HasNoLastWord(Channel channel, string expected)
    {
        Assert.Equal(expected, new LatestTouchReason(T(channel), 3).ToString());
    }

    [Theory]
    [InlineData(Channel.Meeting, "met 3 days ago, at their request")]
    [InlineData(Channel.Call, "they called 3 days ago")]
    [InlineData(Channel.Note, "they wrote 3 days ago")]
    [InlineData(Channel.Social, "they reached out online 3 days ago")]
    public void LatestTouchReason_InboundConnected_SaysTheyStartedIt(Channel channel, string expected)
    {
        Assert.Equal(expected, new LatestTouchReason(T(channel, Direction.Inbound), 3).ToString());
    }

    [Theory]
    [InlineData(Channel.Meeting, "a meeting 3 days ago fell through")]
    [InlineData(Channel.Call, "called 3 days ago with no answer")]
    [InlineData(Channel.Note, "wrote 3 days ago with no reply")]
    [InlineData(Channel.Social, "reached out online 3 days ago with no reply")]
    public void LatestTouchReason_OutboundNoReply_SaysItWentUnanswered(Channel channel, string expected)
    {
        Assert.Equal(expected, new LatestTouchReason(T(channel, outcome: Outcome.NoReply), 3).ToString());
    }

    [Theory]
    [InlineData(Channel.Meeting, "they tried to meet 3 days ago and did not get through")]
    [InlineData(Channel.Call, "they tried to call 3 days ago and did not get through")]
    [InlineData(Channel.Note, "they tried to write 3 days ago and did not get through")]
    [InlineData(Channel.Social, "they tried to reach you online 3 days ago and did not get through")]
    public void LatestTouchReason_InboundNoReply_SaysTheyDidNotGetThrough(Channel channel, string expected)
    {
        Assert.Equal(expected, new LatestTouchReason(T(channel, Direction.Inbound, Outcome.NoReply), 3).ToString());
    }

    [Fact]
    public void RenewalReason_NoReply_HasNoLastWordEither()
    {
        // An unanswered touch only renews with a custom no-reply credit; it still reads as unanswered.
        Assert.Equal("called 4 days ago with no answer", new RenewalReason(T(Channel.Call, outcome: Outcome.NoReply), 4, 1).ToString());
    }

    [Theory]
    [InlineData(0, "last called today")]
    [InlineData(1, "last called yesterday")]
    [InlineData(2, "last called 2 days ago")]
    [InlineData(365, "last called 365 days ago")]
    public void RenewalReason_DaysAgo_TodayYesterdayOrNDaysAgo(int daysAgo, string expected)
    {
        Assert.Equal(expected, new RenewalReason(T(Channel.Call), daysAgo, 1).ToString());
    }

    [Theory]
    [InlineData(Channel.Meeting, Direction.Outbound, Outcome.Connected, "last met 41 days ago (coffee)")]
    [InlineData(Channel.Meeting, Direction.Inbound, Outcome.Connected, "last met 41 days ago (coffee), at their request")]
    [InlineData(Channel.Call, Direction.Inbound, Outcome.Connected, "they last called 41 days ago (coffee)")]
    [InlineData(Channel.Call, Direction.Outbound, Outcome.NoReply, "called 41 days ago (coffee) with no answer")]
    [InlineData(Channel.Note, Direction.Inbound, Outcome.NoReply, "they tried to write 41 days ago (coffee) and did not get through")]
    public void RenewalReason_WithMedium_PutsItInParenthesesAfterTheDay(Channel channel, Direction direction, Outcome outcome, string expected)
    {
        Assert.Equal(expected, new RenewalReason(T(channel, direction, outcome, "coffee"), 41, 1).ToString());
    }

    [Fact]
    public void LatestTouchReason_WithPaddedMedium_ShowsItTrimmed()
    {
        Assert.Equal("called yesterday (Skype video)", new LatestTouchReason(T(Channel.Call, medium: "  Skype video "), 1).ToString());
    }

    [Theory]
    [InlineData(0.6, "last wrote 5 days ago, which counts as 60% of a full touch")]
    [InlineData(0.25, "last wrote 5 days ago, which counts as 25% of a full touch")]
    [InlineData(0.333, "last wrote 5 days ago, which counts as 33% of a full touch")]
    [InlineData(0.5, "last wrote 5 days ago, which counts as 50% of a full touch")]
    [InlineData(1.0, "last wrote 5 days ago")]
    [InlineData(2.0, "last wrote 5 days ago")]
    public void RenewalReason_Credit_IsShownAsAPercentageOnlyBelowAFullTouch(double credit, string expected)
    {
        Assert.Equal(expected, new RenewalReason(T(Channel.Note), 5, credit).ToString());
    }

    [Fact]
    public void RenewalReason_WithMediumAndPartialCredit_HasBoth()
    {
        Assert.Equal(
            "last touched base online 2 days ago (LinkedIn), which counts as 25% of a full touch",
            new RenewalReason(T(Channel.Social, medium: "LinkedIn"), 2, 0.25).ToString());
    }

    // ---------------------------------------------------------------- cadence

    [Theory]
    [InlineData("client", "clients")]
    [InlineData("prospect", "prospects")]
    [InlineData("referral source", "referral sources")]
    [InlineData("past associate", "past associates")]
    [InlineData("agency", "agencies")]
    [InlineData("key account", "key accounts")]
    [InlineData("key", "keys")]
    [InlineData("boss", "bosses")]
    [InlineData("box", "boxes")]
    [InlineData("coach", "coaches")]
    [InlineData("wish", "wishes")]
    [InlineData("VIP", "VIPs")]
    [InlineData("Client", "Clients")]
    public void CadenceReason_TierRule_UsesThePluralTierName(string tier, string plural)
    {
        var reason = new CadenceReason(tier, CadenceRule.FromDays(14, 30, 45), false);

        Assert.Equal($"{plural} are due every 30 days (at most 45)", reason.ToString());
    }

    [Fact]
    public void CadenceReason_Override_SaysThisRelationship()
    {
        var reason = new CadenceReason("client", CadenceRule.FromWeeks(2, 4, 6), true);

        Assert.Equal("this relationship is due every 4 weeks (at most 6)", reason.ToString());
    }

    public static TheoryData<CadenceRule, string> Rules => new()
    {
        { CadenceRule.FromDays(14, 30, 45), "every 30 days (at most 45)" },
        { CadenceRule.FromWeeks(1, 2, 3), "every 2 weeks (at most 3)" },
        { CadenceRule.FromDays(1, 1, 1), "every 1 day (at most 1)" },
        { new CadenceRule(Period.FromMonths(1), Period.FromMonths(3), Period.FromMonths(4)), "every 3 months (at most 4)" },
        { new CadenceRule(Period.FromMonths(1), Period.FromMonths(1), Period.FromMonths(1)), "every 1 month (at most 1)" },
        { new CadenceRule(Period.FromWeeks(2), Period.FromWeeks(4), Period.FromMonths(2)), "every 4 weeks (at most 2 months)" },
        { new CadenceRule(Period.FromWeeks(2), Period.FromWeeks(6), Period.FromMonths(3)), "every 6 weeks (at most 3 months)" },
        { new CadenceRule(Period.FromDays(7), Period.FromDays(30), Period.FromWeeks(6)), "every 30 days (at most 6 weeks)" },
        { new CadenceRule(Period.FromYears(1), Period.FromYears(1), Period.FromYears(2)), "every 1 year (at most 2)" },
        {
            new CadenceRule(Period.FromWeeks(1), Period.FromMonths(1) + Period.FromWeeks(2), Period.FromMonths(3)),
            "every 1 month and 2 weeks (at most 3 months)"
        },
        {
            new CadenceRule(Period.FromWeeks(1), Period.FromWeeks(1) + Period.FromDays(3), Period.FromWeeks(2)),
            "every 1 week and 3 days (at most 2 weeks)"
        },
        {
            new CadenceRule(Period.FromDays(0), Period.FromYears(1) + Period.FromMonths(2) + Period.FromDays(3), Period.FromYears(2)),
            "every 1 year, 2 months and 3 days (at most 2 years)"
        },
        {
            new CadenceRule(Period.FromDays(0), Period.FromMonths(2), Period.FromMonths(2) + Period.FromWeeks(1)),
            "every 2 months (at most 2 months and 1 week)"
        },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void CadenceReason_Periods_AreRenderedInTheirOwnUnits(CadenceRule rule, string every)
    {
        Assert.Equal($"this relationship is due {every}", new CadenceReason("client", rule, true).ToString());
    }

    // ---------------------------------------------------------------- wait, commitment, pause, overdue

    [Fact]
    public void WaitReason_ToString_SaysTheGapAndTheFirstDay()
    {
        var reason = new WaitReason(Today.PlusDays(-3), 3, Period.FromDays(14), Today.PlusDays(11));

        Assert.Equal("last attempt 3 days ago: leave at least 14 days between attempts, so not before Tue 24 Mar 2026", reason.ToString());
    }

    [Theory]
    [InlineData(0, "last attempt today")]
    [InlineData(1, "last attempt yesterday")]
    public void WaitReason_RecentAttempt_SaysTodayOrYesterday(int daysAgo, string start)
    {
        var reason = new WaitReason(Today.PlusDays(-daysAgo), daysAgo, Period.FromWeeks(1), Today.PlusDays(7 - daysAgo));

        Assert.StartsWith(start + ": leave at least 1 week between attempts, so not before ", reason.ToString());
    }

    [Fact]
    public void WaitReason_MonthGap_IsRenderedInMonths()
    {
        var reason = new WaitReason(Today, 0, Period.FromMonths(1), Today.PlusMonths(1));

        Assert.Equal("last attempt today: leave at least 1 month between attempts, so not before Mon 13 Apr 2026", reason.ToString());
    }

    [Fact]
    public void CommitmentReason_ToString_SaysTheDayAndThePurpose()
    {
        var reason = new CommitmentReason("c1", "chase feedback on the proposal", Today.PlusDays(7));

        Assert.Equal("next step for Fri 20 Mar 2026: chase feedback on the proposal", reason.ToString());
    }

    [Fact]
    public void PausedReason_ToString_SaysTheDayItEnds()
    {
        Assert.Equal("paused until Wed 1 Apr 2026", new PausedReason(new LocalDate(2026, 4, 1)).ToString());
    }

    [Theory]
    [InlineData(1, "1 day overdue (was due Thu 12 Mar 2026)")]
    [InlineData(11, "11 days overdue (was due Mon 2 Mar 2026)")]
    public void OverdueReason_ToString_SaysHowLateAndTheDayItWasDue(int days, string expected)
    {
        Assert.Equal(expected, new OverdueReason(days, Today.PlusDays(-days)).ToString());
    }

    // ---------------------------------------------------------------- channels

    [Theory]
    [InlineData(3, Channel.Call, "the last 3 touches were online: take it offline with a call")]
    [InlineData(4, Channel.Meeting, "the last 4 touches were online: take it offline with a meeting")]
    public void TakeItOfflineReason_ToString_SaysHowManyAndWhichLiveChannel(int touches, Channel channel, string expected)
    {
        Assert.Equal(expected, new TakeItOfflineReason(touches, channel).ToString());
    }

    [Fact]
    public void TakeItOfflineReason_OneTouch_IsGrammatical()
    {
        string text = new TakeItOfflineReason(1, Channel.Call).ToString();

        Assert.Equal("the last touch was online: take it offline with a call", text);
    }

    [Theory]
    [InlineData(Channel.Meeting, "prefers to meet")]
    [InlineData(Channel.Call, "prefers a call")]
    [InlineData(Channel.Note, "prefers a note")]
    [InlineData(Channel.Social, "prefers social media")]
    public void PreferredChannelReason_ToString_NamesTheChannel(Channel channel, string expected)
    {
        Assert.Equal(expected, new PreferredChannelReason(channel).ToString());
    }

    // ---------------------------------------------------------------- sentences

    [Fact]
    public void Sentence_NoReasons_IsEmpty()
    {
        Assert.Equal(string.Empty, Reason.Sentence([]));
    }

    [Fact]
    public void Sentence_OneReason_IsCapitalizedWithAFullStop()
    {
        Assert.Equal("Paused until Wed 1 Apr 2026.", Reason.Sentence([new PausedReason(new LocalDate(2026, 4, 1))]));
    }

    [Fact]
    public void Sentence_SeveralReasons_AreJoinedWithSemicolons()
    {
        var meeting = new Touch("zoe", Today.PlusDays(-41), Channel.Meeting);
        Reason[] reasons =
        [
            new RenewalReason(meeting, 41, 1),
            new CadenceReason("client", CadenceRule.FromDays(14, 30, 45), false),
            new OverdueReason(11, Today.PlusDays(-11)),
            new PreferredChannelReason(Channel.Call),
        ];

        Assert.Equal(
            "Last met 41 days ago; clients are due every 30 days (at most 45); 11 days overdue (was due Mon 2 Mar 2026); prefers a call.",
            Reason.Sentence(reasons));
    }

    [Fact]
    public void Sentence_OnlyTheFirstLetterIsCapitalized()
    {
        Reason[] reasons = [new CadenceReason("client", CadenceRule.FromDays(14, 30, 45), true), new FirstTouchReason(0)];

        Assert.Equal("This relationship is due every 30 days (at most 45); no touch yet: time for a first one.", Reason.Sentence(reasons));
    }

    [Fact]
    public void Sentence_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Reason.Sentence(null!));
    }

    [Fact]
    public void Why_FromAPlan_ReadsAsOneSentence()
    {
        var today = Today;
        var diary = new Diary(
            [new Relationship("zoe", "Zoë Müller", "referral source").WithPreferredChannels(Channel.Meeting)],
            [
                new Touch("zoe", today.PlusDays(-20), Channel.Meeting, medium: "coffee"),
                new Touch("zoe", today.PlusDays(-2), Channel.Call, outcome: Outcome.NoReply),
            ]);

        var planned = new Scheduler().Plan(diary, today)["zoe"];

        // referral source: 3 weeks, 6 weeks, 8 weeks. Met today-20 → due today+22; the voicemail sets the floor today-2+21 = today+19.
        Assert.Equal(today.PlusDays(22), planned.Due);
        Assert.Equal(
            "Last met 20 days ago (coffee); called 2 days ago with no answer; referral sources are due every 6 weeks (at most 8); prefers to meet.",
            planned.Why);
    }

    // ---------------------------------------------------------------- values

    [Fact]
    public void Reasons_WithTheSameValues_AreEqual()
    {
        var touch = new Touch("zoe", Today, Channel.Call);

        Assert.Equal(new RenewalReason(touch, 1, 0.6), new RenewalReason(new Touch("zoe", Today, Channel.Call), 1, 0.6));
        Assert.Equal(new CadenceReason("client", CadenceRule.FromDays(1, 2, 3), false), new CadenceReason("client", CadenceRule.FromDays(1, 2, 3), false));
        Assert.NotEqual(new CadenceReason("client", CadenceRule.FromDays(1, 2, 3), false), new CadenceReason("client", CadenceRule.FromDays(1, 2, 3), true));
        Assert.NotEqual<Reason>(new PausedReason(Today), new OverdueReason(0, Today));
    }
}
