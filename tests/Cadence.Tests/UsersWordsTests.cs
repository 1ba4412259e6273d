using System;
using NodaTime;

namespace Cadence.Tests;

/// <summary>
/// Issue 25, "the user's words quoted, not spliced": a sentence built around what the user typed (a step's purpose, a
/// touch's medium, a tier, a campaign's name) reads as English whatever they typed. The words go in quotes or in
/// brackets, or after a colon; a medium that is one of the notations' channel words is said as that word.
/// </summary>
public class UsersWordsTests
{
    private static readonly LocalDate Tue10Mar = new(2026, 3, 10);

    private static readonly Diary Start = new([new Relationship("sam", "Sam Okafor", "prospect")]);

    /// <summary>Awkward things to type: a clause, a medium with an article, quotes, brackets, a colon, a lone word.</summary>
    public static TheoryData<string> Awkward() => new()
    {
        "she said she would call next week",
        "his office",
        "the \"big\" one",
        "(tbc)",
        "re: pricing",
        "x",
        "Zoë's café",
    };

    [Fact]
    public void TheirReplyBeforeTheStep_QuotesTheStep_AndSaysTheMediumTheNotationsKnow()
    {
        // As reproduced: "No need to she said she would call next week", an inbound email "replied by note".
        var diary = Start
            .Promise(new Commitment("sam-1", "sam", new LocalDate(2026, 3, 13), "she said she would call next week", madeOn: new LocalDate(2026, 3, 6), kind: CommitmentKind.UnlessReply))
            .Log(new Touch("sam", Tue10Mar, Channel.Note, Direction.Inbound, medium: "email"));

        Assert.Equal(
            "No need for \"she said she would call next week\": they replied by email on Tue 10 Mar 2026.",
            Reason.Sentence([diary.WhyClosed("sam-1")!]));
    }

    [Fact]
    public void AStepDoneByATouch_NamesTheTouchByItsChannel_WithAFreeMediumInBrackets()
    {
        // As reproduced: "done by the his office of Tue 10 Mar".
        var diary = Start
            .Promise(new Commitment("sam-1", "sam", Tue10Mar, "book the workshop", madeOn: new LocalDate(2026, 3, 6)))
            .Log(new Touch("sam", Tue10Mar, Channel.Meeting, medium: "his office"));

        Assert.Equal(
            "\"book the workshop\": done by the meeting (his office) of Tue 10 Mar 2026.",
            Reason.Sentence([diary.WhyClosed("sam-1")!]));
    }

    [Theory]
    [InlineData(Channel.Note, "email", "by email", "the email")]
    [InlineData(Channel.Note, "E-mail", "by email", "the email")]
    [InlineData(Channel.Note, "card", "by card", "the card")]
    [InlineData(Channel.Note, "letter", "by letter", "the letter")]
    [InlineData(Channel.Call, "phone", "by phone", "the call")]
    [InlineData(Channel.Social, "LinkedIn", "on LinkedIn", "the LinkedIn touch")]
    [InlineData(Channel.Meeting, null, "in a meeting", "the meeting")]
    [InlineData(Channel.Call, null, "by call", "the call")]
    [InlineData(Channel.Note, null, "in writing", "the note")]
    [InlineData(Channel.Social, null, "online", "the social touch")]
    [InlineData(Channel.Call, "Zoom", "by call (Zoom)", "the call (Zoom)")]
    [InlineData(Channel.Note, "handwritten card", "in writing (handwritten card)", "the note (handwritten card)")]
    [InlineData(Channel.Social, "LinkedIn message", "online (LinkedIn message)", "the social touch (LinkedIn message)")]
    [InlineData(Channel.Meeting, "email", "in a meeting (email)", "the meeting (email)")]
    [InlineData(Channel.Call, "voicemail", "by call (voicemail)", "the call (voicemail)")]
    public void ATouch_IsSaidByTheNotationsWords_OrItsChannelWithTheMediumInBrackets(Channel channel, string? medium, string replied, string attempt)
    {
        var reply = new Touch("sam", Tue10Mar, channel, Direction.Inbound, medium: medium);
        var yours = new Touch("sam", Tue10Mar, channel, medium: medium);

        Assert.Equal(
            $"no need for \"chase\": they replied {replied} on Tue 10 Mar 2026",
            new ClosedReason("c", "chase", CommitmentStatus.Done, Tue10Mar, reply, ByReply: true).ToString());
        Assert.Equal(
            $"\"chase\": done by {attempt} of Tue 10 Mar 2026",
            new ClosedReason("c", "chase", CommitmentStatus.Done, Tue10Mar, yours, ByReply: false).ToString());
        Assert.StartsWith(
            $"first follow-up of 2 after no reply to {attempt} of Tue 10 Mar 2026: ",
            new FollowUpReason(1, 2, "prospect", yours, Tue10Mar, 3, DayCount.WorkingDays, null).ToString(),
            StringComparison.Ordinal);
        Assert.StartsWith(
            $"no reply to {attempt} of Tue 10 Mar 2026 after 2 follow-ups",
            new LadderEndedReason("prospect", 2, yours).ToString(),
            StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Awkward))]
    public void WhateverTheyTyped_ItStaysInQuotesOrBrackets_InAFixedFrame(string words)
    {
        var meeting = new Touch("sam", Tue10Mar, Channel.Meeting, medium: words);
        var theirs = new Touch("sam", Tue10Mar, Channel.Call, Direction.Inbound, medium: words);

        Assert.Equal(
            $"No need for \"{words}\": they replied by call ({words}) on Tue 10 Mar 2026.",
            Reason.Sentence([new ClosedReason("c", words, CommitmentStatus.Done, Tue10Mar, theirs, ByReply: true)]));
        Assert.Equal(
            $"\"{words}\": done by the meeting ({words}) of Tue 10 Mar 2026.",
            Reason.Sentence([new ClosedReason("c", words, CommitmentStatus.Done, Tue10Mar, meeting, ByReply: false)]));
        Assert.Equal(
            $"\"{words}\": dropped on Tue 10 Mar 2026.",
            Reason.Sentence([new ClosedReason("c", words, CommitmentStatus.Dropped, Tue10Mar, null, ByReply: false)]));
        Assert.Equal(
            $"Campaign \"{words}\" to reconnect by Thu 31 Dec 2026: 1 of 4 done.",
            Reason.Sentence([new CampaignReason(words, new LocalDate(2026, 12, 31), 1, 4, null, false)]));
        Assert.Equal(
            $"Last met today ({words}).",
            Reason.Sentence([new RenewalReason(meeting, 0, 1)]));
    }

    [Theory]
    [InlineData("Tier 1", "\"Tier 1\" relationships are due every 30 days (at most 45)")]
    [InlineData("new (2025)", "\"new (2025)\" relationships are due every 30 days (at most 45)")]
    [InlineData("key account", "key accounts are due every 30 days (at most 45)")]
    [InlineData("VIP", "VIPs are due every 30 days (at most 45)")]
    public void ATierWithoutAPlural_IsQuoted_OthersArePlural(string tier, string expected)
    {
        Assert.Equal(expected, new CadenceReason(tier, CadenceRule.FromDays(14, 30, 45), false).ToString());
    }

    [Fact]
    public void AReconnectCampaign_QuotesItsName()
    {
        // As reproduced: `campaign add reconnect …` said "Reconnecting with reconnect by …".
        Assert.Equal(
            "campaign \"reconnect\" to reconnect by Thu 31 Dec 2026: 0 of 3 done",
            new CampaignReason("reconnect", new LocalDate(2026, 12, 31), 0, 3, null, false).ToString());
    }
}
