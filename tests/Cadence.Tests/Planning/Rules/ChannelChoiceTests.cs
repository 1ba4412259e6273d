using Cadence.Explanations;
using NodaTime;
using static Cadence.Tests.Planning.Rules.RuleFixture;

namespace Cadence.Tests.Planning.Rules;

/// <summary>
/// The channel (<see cref="ChannelChoice"/>): the rule's own (a ladder's step), else the promise's, else a live one after
/// <see cref="SchedulerOptions.OfflineAfterOnlineTouches"/> online touches in a row, else the first preferred, else the default.
/// </summary>
public sealed class ChannelChoiceTests
{
    private static readonly Relationship Prefers = Zoe.WithPreferredChannels(Channel.Note, Channel.Call);

    /// <summary>Three online touches in a row: an email, a LinkedIn message, an email.</summary>
    private static readonly Touch[] Online =
        [Touch(9, Channel.Note, medium: "email"), Touch(6, Channel.Social, medium: "LinkedIn"), Touch(3, Channel.Note, medium: "EMAIL")];

    private static (Channel, ChannelWhy) For(Relationship relationship, Touch[] touches, Candidate candidate, SchedulerOptions? options = null) =>
        ChannelChoice.For(Facts(new Diary([relationship], touches), options), candidate);

    [Fact]
    public void For_TheRulesOwnChannel_WinsOverEverythingElse()
    {
        var candidate = new Candidate { Channel = Channel.Social, Commitment = new Commitment("c1", "zoe", Today, "call", Channel.Call) };

        Assert.Equal((Channel.Social, ChannelWhy.Ladder), For(Prefers, Online, candidate));
    }

    [Fact]
    public void For_ThePromisesChannel_WinsOverTheStreakAndThePreference()
    {
        var candidate = new Candidate { Commitment = new Commitment("c1", "zoe", Today, "meet", Channel.Meeting) };

        Assert.Equal((Channel.Meeting, ChannelWhy.Promised), For(Prefers, Online, candidate));
    }

    [Fact]
    public void For_APromiseWithoutAChannel_FallsThroughToTheRest()
    {
        var candidate = new Candidate { Commitment = new Commitment("c1", "zoe", Today, "meet") };

        Assert.Equal((Channel.Note, ChannelWhy.Preferred), For(Prefers, [], candidate));
    }

    [Fact]
    public void For_EnoughOnlineTouchesInARow_TheFirstLivePreferredChannel()
    {
        Assert.Equal((Channel.Call, ChannelWhy.Offline), For(Prefers, Online, default));
    }

    [Fact]
    public void For_EnoughOnlineTouchesAndNoLivePreference_TheDefaultWhenLive_ElseACall()
    {
        var written = Zoe.WithPreferredChannels(Channel.Note, Channel.Social);

        Assert.Equal((Channel.Meeting, ChannelWhy.Offline), For(written, Online, default, SchedulerOptions.Default.WithDefaultChannel(Channel.Meeting)));
        Assert.Equal((Channel.Call, ChannelWhy.Offline), For(written, Online, default, SchedulerOptions.Default.WithDefaultChannel(Channel.Note)));
    }

    [Fact]
    public void For_TheStreakBrokenOrTooShort_ThePreference()
    {
        Touch[] broken = [.. Online, Touch(1, Channel.Note, medium: "handwritten card")];

        Assert.Equal((Channel.Note, ChannelWhy.Preferred), For(Prefers, broken, default));
        Assert.Equal((Channel.Note, ChannelWhy.Preferred), For(Prefers, Online, default, SchedulerOptions.Default.WithOfflineAfterOnlineTouches(4)));
        Assert.Equal((Channel.Call, ChannelWhy.Offline), For(Prefers, Online[1..], default, SchedulerOptions.Default.WithOfflineAfterOnlineTouches(2)));
    }

    [Fact]
    public void For_NoPreference_TheDefault()
    {
        Assert.Equal((Channel.Note, ChannelWhy.Default), For(Zoe, [], default, SchedulerOptions.Default.WithDefaultChannel(Channel.Note)));
    }

    [Fact]
    public void Explain_TheChannelChosenForTheRelationship_SaysWhy_ARulesOrAPromisesDoesNot()
    {
        Assert.IsType<TakeItOfflineReason>(Planned(new Diary([Prefers], Online)).Reasons[^1]);
        Assert.IsType<PreferredChannelReason>(Planned(new Diary([Prefers])).Reasons[^1]);
        Assert.DoesNotContain(Planned(new Diary([Zoe])).Reasons, r => r is PreferredChannelReason or TakeItOfflineReason);
        var promised = Planned(new Diary([Prefers], Online, [new Commitment("c1", "zoe", Day(2), "meet", Channel.Meeting)]));
        Assert.Equal(Channel.Meeting, promised.Channel);
        Assert.DoesNotContain(promised.Reasons, r => r is PreferredChannelReason or TakeItOfflineReason);
    }
}
