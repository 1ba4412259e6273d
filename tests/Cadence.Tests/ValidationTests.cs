using System;
using System.Collections.Generic;
using NodaTime;

namespace Cadence.Tests;

public class ValidationTests
{
    private static readonly LocalDate Today = FixedDays.Today;

    private static Relationship Zoe => new("zoe", "Zoë Müller", "client");

    // ---------------------------------------------------------------- cadence rules

    [Fact]
    public void CadenceRule_MinGapLongerThanTarget_IsRejectedNamingBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => CadenceRule.FromDays(20, 10, 30));

        Assert.Equal("minGap", ex.ParamName);
        Assert.Contains("20 days", ex.Message);
        Assert.Contains("10 days", ex.Message);
    }

    [Fact]
    public void CadenceRule_TargetLongerThanMaxGap_IsRejectedNamingBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => CadenceRule.FromWeeks(1, 8, 6));

        Assert.Equal("maxGap", ex.ParamName);
        Assert.Contains("8 weeks", ex.Message);
        Assert.Contains("6 weeks", ex.Message);
    }

    [Theory]
    [InlineData(-1, 10, 20, "minGap", "P-1D")]
    [InlineData(1, -10, 20, "target", "P-10D")]
    [InlineData(1, 10, -20, "maxGap", "P-20D")]
    public void CadenceRule_NegativePeriod_IsRejectedNamingIt(int min, int target, int max, string param, string value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CadenceRule.FromDays(min, target, max));

        Assert.Equal(param, ex.ParamName);
        Assert.Contains(value, ex.Message);
        Assert.Contains("negative", ex.Message);
    }

    [Fact]
    public void CadenceRule_NegativeMonthsInAMixedPeriod_IsRejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => new CadenceRule(Period.FromDays(1), Period.FromMonths(-1) + Period.FromDays(40), Period.FromDays(60)));

        Assert.Equal("target", ex.ParamName);
        Assert.Contains("P-1M40D", ex.Message);
    }

    [Fact]
    public void CadenceRule_PeriodWithATimePart_IsRejectedNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(
            () => new CadenceRule(Period.FromDays(1), Period.FromDays(10) + Period.FromHours(12), Period.FromDays(20)));

        Assert.Equal("target", ex.ParamName);
        Assert.Contains("P10DT12H", ex.Message);
        Assert.Contains("time part", ex.Message);
    }

    [Fact]
    public void CadenceRule_ZeroTarget_IsRejectedNamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CadenceRule.FromDays(0, 0, 10));

        Assert.Equal("target", ex.ParamName);
        Assert.Contains("P0D", ex.Message);
    }

    [Fact]
    public void CadenceRule_NullPeriod_IsRejectedNamingIt()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new CadenceRule(Period.FromDays(1), null!, Period.FromDays(3)));

        Assert.Equal("target", ex.ParamName);
    }

    [Fact]
    public void CadenceRule_LongerThanAHundredYears_IsRejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => new CadenceRule(Period.FromDays(1), Period.FromDays(2), Period.FromYears(101)));

        Assert.Equal("maxGap", ex.ParamName);
        Assert.Contains("P101Y", ex.Message);
    }

    [Fact]
    public void CadenceRule_YearPlusHugeMonthCount_IsRejectedNamingIt()
    {
        var huge = Period.FromYears(1) + Period.FromMonths(int.MaxValue);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new CadenceRule(Period.FromDays(1), Period.FromDays(2), huge));

        Assert.Equal("maxGap", ex.ParamName);
        Assert.Contains("100 years", ex.Message);
    }

    [Fact]
    public void CadenceRule_HugeMonthCountAlone_IsRejectedNamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => new CadenceRule(Period.FromDays(1), Period.FromDays(2), Period.FromMonths(1201)));

        Assert.Equal("maxGap", ex.ParamName);
        Assert.Contains("P1201M", ex.Message);
    }

    [Fact]
    public void CadenceRule_OneMonthMinGapAndThirtyDayTarget_IsRejectedBecauseSomeMonthsHave31Days()
    {
        var ex = Assert.Throws<ArgumentException>(
            () => new CadenceRule(Period.FromMonths(1), Period.FromDays(30), Period.FromDays(45)));

        Assert.Equal("minGap", ex.ParamName);
        Assert.Contains("1 month", ex.Message);
        Assert.Contains("30 days", ex.Message);
    }

    [Fact]
    public void CadenceRule_FourWeekMinGapAndOneMonthTarget_IsAcceptedBecauseNoMonthIsShorter()
    {
        var rule = new CadenceRule(Period.FromWeeks(4), Period.FromMonths(1), Period.FromMonths(2));

        Assert.Equal(Period.FromWeeks(4), rule.MinGap);
    }

    [Fact]
    public void CadenceRule_ThirtyDayTargetAndOneMonthMax_IsRejectedBecauseOfFebruary()
    {
        var ex = Assert.Throws<ArgumentException>(
            () => new CadenceRule(Period.FromDays(7), Period.FromDays(30), Period.FromMonths(1)));

        Assert.Equal("maxGap", ex.ParamName);
        Assert.Contains("30 days", ex.Message);
        Assert.Contains("1 month", ex.Message);
    }

    [Theory]
    [InlineData(28)]
    [InlineData(27)]
    public void CadenceRule_TargetOfAtMost28DaysAndOneMonthMax_IsAccepted(int days)
    {
        var rule = new CadenceRule(Period.FromDays(7), Period.FromDays(days), Period.FromMonths(1));

        Assert.Equal(Period.FromMonths(1), rule.MaxGap);
    }

    [Fact]
    public void CadenceRule_OneMonthTargetAnd31DayMax_IsAccepted()
    {
        var rule = new CadenceRule(Period.FromDays(7), Period.FromMonths(1), Period.FromDays(31));

        Assert.Equal(Period.FromDays(31), rule.MaxGap);
    }

    [Fact]
    public void CadenceRule_OneMonthTargetAndFourWeekMax_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(
            () => new CadenceRule(Period.FromDays(7), Period.FromMonths(1), Period.FromWeeks(4)));

        Assert.Equal("maxGap", ex.ParamName);
        Assert.Contains("4 weeks", ex.Message);
    }

    [Fact]
    public void CadenceRule_365DaysAgainstOneYear_IsAcceptedBut366IsNot()
    {
        var rule = new CadenceRule(Period.FromDays(365), Period.FromYears(1), Period.FromYears(1));
        var ex = Assert.Throws<ArgumentException>(
            () => new CadenceRule(Period.FromDays(366), Period.FromYears(1), Period.FromYears(1)));

        Assert.Equal(Period.FromDays(365), rule.MinGap);
        Assert.Contains("366 days", ex.Message);
    }

    [Fact]
    public void CadenceRule_WithMethods_CheckTheNewRule()
    {
        var rule = CadenceRule.FromDays(14, 30, 45);

        Assert.Throws<ArgumentException>(() => rule.WithTarget(Period.FromDays(50)));
        Assert.Throws<ArgumentException>(() => rule.WithMinGap(Period.FromDays(31)));
        Assert.Throws<ArgumentException>(() => rule.WithMaxGap(Period.FromDays(29)));
        Assert.Throws<ArgumentOutOfRangeException>(() => rule.WithTarget(Period.Zero));
    }

    [Fact]
    public void CadenceRules_BlankTier_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => CadenceRules.Empty.With("  ", CadenceRule.FromDays(1, 2, 3)));

        Assert.Equal("tier", ex.ParamName);
    }

    [Fact]
    public void CadenceRules_UnknownTierWithoutFallback_ThrowsNamingTheTier()
    {
        var rules = CadenceRules.Empty.With("client", CadenceRule.FromDays(14, 30, 45));

        var ex = Assert.Throws<KeyNotFoundException>(() => rules.For("vendor"));

        Assert.Contains("\"vendor\"", ex.Message);
        Assert.Contains("\"client\"", ex.Message);
    }

    // ---------------------------------------------------------------- ids, names and enums

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t")]
    public void Relationship_BlankId_IsRejectedShowingIt(string id)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Relationship(id, "Zoë", "client"));

        Assert.Equal("id", ex.ParamName);
        Assert.Contains("blank", ex.Message);
    }

    [Fact]
    public void Relationship_BlankIdWithSpaces_ShowsTheValueInTheMessage()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Relationship("   ", "Zoë", "client"));

        Assert.Contains("\"   \"", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Relationship_BlankName_IsRejected(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Relationship("zoe", name, "client"));

        Assert.Equal("name", ex.ParamName);
        Assert.Contains($"\"{name}\"", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Relationship_BlankTier_IsRejected(string tier)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Relationship("zoe", "Zoë", tier));

        Assert.Equal("tier", ex.ParamName);
    }

    [Fact]
    public void Relationship_NullId_IsRejected()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new Relationship(null!, "Zoë", "client"));

        Assert.Equal("id", ex.ParamName);
    }

    [Fact]
    public void Relationship_IdWithAControlCharacter_IsRejectedNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Relationship("zo\ne", "Zoë", "client"));

        Assert.Contains("U+000A", ex.Message);
        Assert.Contains("zo\\u000Ae", ex.Message);
        Assert.DoesNotContain("\n", ex.Message);
    }

    [Fact]
    public void Relationship_TooLongId_IsRejectedWithItsLength()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Relationship(new string('z', 201), "Zoë", "client"));

        Assert.Contains("201 characters", ex.Message);
    }

    [Fact]
    public void Relationship_BlankValuesInWithMethods_AreRejected()
    {
        var zoe = Zoe;

        Assert.Equal("name", Assert.Throws<ArgumentException>(() => zoe.WithName(" ")).ParamName);
        Assert.Equal("tier", Assert.Throws<ArgumentException>(() => zoe.WithTier("")).ParamName);
        Assert.Equal("tags", Assert.Throws<ArgumentException>(() => zoe.WithTags("ok", " ")).ParamName);
        Assert.Throws<ArgumentNullException>(() => zoe.WithState(null!));
    }

    [Fact]
    public void Relationship_UndefinedPreferredChannel_IsRejectedNamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Zoe.WithPreferredChannels(Channel.Call, (Channel)7));

        Assert.Contains("7", ex.Message);
        Assert.Contains("Channel", ex.Message);
    }

    [Fact]
    public void Touch_BlankRelationshipId_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Touch(" ", Today, Channel.Call));

        Assert.Equal("relationshipId", ex.ParamName);
    }

    [Fact]
    public void Touch_UndefinedChannel_IsRejectedNamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Touch("zoe", Today, (Channel)99));

        Assert.Equal("channel", ex.ParamName);
        Assert.Contains("The channel 99 is not a defined Channel.", ex.Message);
    }

    [Fact]
    public void Touch_UndefinedDirection_IsRejectedNamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Touch("zoe", Today, Channel.Call, (Direction)5));

        Assert.Equal("direction", ex.ParamName);
        Assert.Contains("The direction 5 is not a defined Direction.", ex.Message);
    }

    [Fact]
    public void Touch_UndefinedOutcome_IsRejectedNamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Touch("zoe", Today, Channel.Call, outcome: (Outcome)(-1)));

        Assert.Equal("outcome", ex.ParamName);
        Assert.Contains("The outcome -1 is not a defined Outcome.", ex.Message);
    }

    [Fact]
    public void Touch_TooLongMedium_IsRejectedWithItsLength()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Touch("zoe", Today, Channel.Note, medium: new string('m', 4001)));

        Assert.Equal("medium", ex.ParamName);
        Assert.Contains("4001 characters", ex.Message);
    }

    [Fact]
    public void Commitment_BlankValues_AreRejected()
    {
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new Commitment(" ", "zoe", Today, "chase")).ParamName);
        Assert.Equal("relationshipId", Assert.Throws<ArgumentException>(() => new Commitment("c1", "", Today, "chase")).ParamName);
        Assert.Equal("purpose", Assert.Throws<ArgumentException>(() => new Commitment("c1", "zoe", Today, "  ")).ParamName);
    }

    [Fact]
    public void Commitment_UndefinedChannel_IsRejectedNamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Commitment("c1", "zoe", Today, "chase", (Channel)4));

        Assert.Equal("channel", ex.ParamName);
        Assert.Contains("The channel 4 is not a defined Channel.", ex.Message);
    }

    // ---------------------------------------------------------------- channel credits and options

    [Theory]
    [InlineData(-0.1, "got -0.1")]
    [InlineData(10.5, "got 10.5")]
    [InlineData(double.NaN, "got NaN")]
    [InlineData(double.PositiveInfinity, "got Infinity")]
    public void ChannelCredits_CreditOutOfRange_IsRejectedNamingIt(double credit, string got)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ChannelCredits.Default.With(Channel.Note, credit));

        Assert.Equal("credit", ex.ParamName);
        Assert.Contains("Note", ex.Message);
        Assert.Contains(got, ex.Message);
    }

    [Theory]
    [InlineData(-1, "got -1")]
    [InlineData(11, "got 11")]
    [InlineData(double.NaN, "got NaN")]
    public void ChannelCredits_NoReplyCreditOutOfRange_IsRejectedNamingIt(double credit, string got)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ChannelCredits.Default.WithNoReply(credit));

        Assert.Contains("no reply", ex.Message);
        Assert.Contains(got, ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ChannelCredits.MaxCredit)]
    public void ChannelCredits_CreditAtTheBounds_IsAccepted(double credit)
    {
        Assert.Equal(credit, ChannelCredits.Default.With(Channel.Social, credit).Social);
        Assert.Equal(credit, ChannelCredits.Default.WithNoReply(credit).NoReply);
    }

    [Fact]
    public void ChannelCredits_UndefinedChannel_IsRejectedNamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ChannelCredits.Default.With((Channel)9, 0.5));

        Assert.Contains("9", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ChannelCredits.Default[(Channel)9]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void SchedulerOptions_OfflineAfterFewerThanOneTouch_IsRejectedNamingTheCount(int count)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SchedulerOptions.Default.WithOfflineAfterOnlineTouches(count));

        Assert.Equal("count", ex.ParamName);
        Assert.Contains($"got {count}", ex.Message);
    }

    [Fact]
    public void SchedulerOptions_OfflineAfterOneTouch_IsAccepted()
    {
        Assert.Equal(1, SchedulerOptions.Default.WithOfflineAfterOnlineTouches(1).OfflineAfterOnlineTouches);
    }

    [Fact]
    public void SchedulerOptions_BadValues_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SchedulerOptions.Default.WithDefaultChannel((Channel)8));
        Assert.Throws<ArgumentException>(() => SchedulerOptions.Default.WithOnlineNoteMedia("email", " "));
        Assert.Throws<ArgumentNullException>(() => SchedulerOptions.Default.WithRules(null!));
        Assert.Throws<ArgumentNullException>(() => SchedulerOptions.Default.WithCredits(null!));
    }

    // ---------------------------------------------------------------- diary

    [Fact]
    public void Diary_DuplicateRelationshipIds_AreRejectedNamingTheId()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Diary([Zoe, new Relationship("zoe", "Another Zoë", "prospect")]));

        Assert.Equal("relationships", ex.ParamName);
        Assert.Contains("\"zoe\"", ex.Message);
    }

    [Fact]
    public void Diary_IdsDifferingOnlyInCase_AreDistinct()
    {
        var diary = new Diary([Zoe, new Relationship("Zoe", "Another Zoë", "prospect")]);

        Assert.Equal(2, diary.Relationships.Count);
    }

    [Fact]
    public void Diary_DuplicateCommitmentIds_AreRejectedNamingTheId()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Diary(
            [Zoe, new Relationship("max", "Max", "client")],
            commitments: [new Commitment("c1", "zoe", Today, "chase"), new Commitment("c1", "max", Today, "call")]));

        Assert.Equal("commitments", ex.ParamName);
        Assert.Contains("\"c1\"", ex.Message);
    }

    [Fact]
    public void Diary_TouchNamingAnUnknownRelationship_IsRejectedNamingTheId()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Diary([Zoe], [new Touch("ghost", Today, Channel.Call)]));

        Assert.Equal("touches", ex.ParamName);
        Assert.Contains("\"ghost\"", ex.Message);
    }

    [Fact]
    public void Diary_CommitmentNamingAnUnknownRelationship_IsRejectedNamingTheId()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Diary([Zoe], commitments: [new Commitment("c1", "ghost", Today, "chase")]));

        Assert.Equal("commitments", ex.ParamName);
        Assert.Contains("\"ghost\"", ex.Message);
    }

    [Fact]
    public void Diary_AddWithADuplicateId_ThrowsAndLeavesTheDiaryUnchanged()
    {
        var diary = new Diary([Zoe]);

        var ex = Assert.Throws<ArgumentException>(() => diary.Add(new Relationship("zoe", "Other", "client")));

        Assert.Contains("\"zoe\"", ex.Message);
        Assert.Single(diary.Relationships);
        Assert.Equal("Zoë Müller", diary["zoe"].Name);
    }

    [Fact]
    public void Diary_LogForAnUnknownRelationship_ThrowsAndLeavesTheDiaryUnchanged()
    {
        var diary = new Diary([Zoe], [new Touch("zoe", Today, Channel.Call)]);

        var ex = Assert.Throws<ArgumentException>(() => diary.Log(new Touch("ghost", Today, Channel.Call)));

        Assert.Contains("\"ghost\"", ex.Message);
        Assert.Single(diary.Touches);
        Assert.Single(diary.TouchesOf("zoe"));
    }

    [Fact]
    public void Diary_PromiseWithADuplicateId_ThrowsAndLeavesTheDiaryUnchanged()
    {
        var first = new Commitment("c1", "zoe", Today, "chase");
        var diary = new Diary([Zoe], commitments: [first]);

        var ex = Assert.Throws<ArgumentException>(() => diary.Promise(new Commitment("c1", "zoe", Today.PlusDays(1), "again")));

        Assert.Contains("\"c1\"", ex.Message);
        Assert.Equal(new[] { first }, diary.Commitments);
    }

    [Fact]
    public void Diary_PromiseForAnUnknownRelationship_ThrowsAndLeavesTheDiaryUnchanged()
    {
        var diary = new Diary([Zoe]);

        var ex = Assert.Throws<ArgumentException>(() => diary.Promise(new Commitment("c1", "ghost", Today, "chase")));

        Assert.Contains("\"ghost\"", ex.Message);
        Assert.Empty(diary.Commitments);
        Assert.Empty(diary.CommitmentsOf("zoe"));
    }

    [Fact]
    public void Diary_UpdateOfUnknownIds_ThrowsNamingThem()
    {
        var diary = new Diary([Zoe]);

        Assert.Contains("\"ghost\"", Assert.Throws<KeyNotFoundException>(() => diary.Update(new Relationship("ghost", "G", "client"))).Message);
        Assert.Contains("\"c9\"", Assert.Throws<KeyNotFoundException>(() => diary.Update(new Commitment("c9", "zoe", Today, "chase"))).Message);
    }

    [Fact]
    public void Diary_LookupOfAnUnknownId_ThrowsNamingIt()
    {
        var diary = new Diary([Zoe]);

        Assert.Contains("\"ghost\"", Assert.Throws<KeyNotFoundException>(() => diary["ghost"]).Message);
        Assert.Throws<KeyNotFoundException>(() => diary.TouchesOf("ghost"));
        Assert.Throws<KeyNotFoundException>(() => diary.CommitmentsOf("ghost"));
        Assert.False(diary.TryGet("ghost", out _));
        Assert.False(diary.Contains("ghost"));
    }

    // ---------------------------------------------------------------- scheduler and agenda

    [Fact]
    public void PlanFor_UnknownRelationship_ThrowsNamingIt()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => new Scheduler().PlanFor(new Diary([Zoe]), "ghost", Today));

        Assert.Contains("\"ghost\"", ex.Message);
    }

    [Fact]
    public void Plan_UnknownTierWithoutFallback_ThrowsNamingTheTier()
    {
        var options = SchedulerOptions.Default.WithRules(CadenceRules.Default.WithFallback(null));
        var diary = new Diary([new Relationship("v", "Vera", "vendor")]);

        var ex = Assert.Throws<KeyNotFoundException>(() => new Scheduler(options).Plan(diary, Today));

        Assert.Contains("\"vendor\"", ex.Message);
    }

    [Fact]
    public void Plan_UnknownTierWithoutFallbackButWithAnOverride_UsesTheOverride()
    {
        var options = SchedulerOptions.Default.WithRules(CadenceRules.Empty);
        var rule = CadenceRule.FromDays(1, 5, 10);
        var diary = new Diary([new Relationship("v", "Vera", "vendor").WithRule(rule)]);

        var planned = new Scheduler(options).Plan(diary, Today)["v"];

        Assert.Equal(rule, planned.Rule);
    }

    [Fact]
    public void Agenda_RangeEndingBeforeItStarts_IsRejectedNamingBothDays()
    {
        var plan = new Scheduler().Plan(new Diary([Zoe]), Today);

        var ex = Assert.Throws<ArgumentException>(() => Agenda.For(plan, Today, Today.PlusDays(-1)));

        Assert.Equal("to", ex.ParamName);
        Assert.Contains("2026-03-12", ex.Message);
        Assert.Contains("2026-03-13", ex.Message);
    }

    [Fact]
    public void Agenda_NullPlan_IsRejected()
    {
        Assert.Throws<ArgumentNullException>(() => Agenda.For(null!, Today));
    }
}
