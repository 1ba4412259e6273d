using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cadence.Tests.Notations;

/// <summary>Channel words: the four channels and the media people name, one by one and as a list.</summary>
public sealed class ChannelWordTests
{
    /// <summary>Every word read, with what it reads as and its canonical spelling.</summary>
    public static readonly (string Text, Channel Channel, string? Medium, string Canonical)[] Words =
    [
        ("meeting", Channel.Meeting, null, "meeting"),
        ("call", Channel.Call, null, "call"),
        ("note", Channel.Note, null, "note"),
        ("social", Channel.Social, null, "social"),
        ("email", Channel.Note, "email", "email"),
        ("e-mail", Channel.Note, "email", "email"),
        ("card", Channel.Note, "card", "card"),
        ("letter", Channel.Note, "letter", "letter"),
        ("phone", Channel.Call, "phone", "phone"),
        ("linkedin", Channel.Social, "LinkedIn", "linkedin"),
    ];

    private static readonly Channel[] Channels = [Channel.Meeting, Channel.Call, Channel.Note, Channel.Social];

    [Theory]
    [InlineData(Channel.Meeting, "meeting")]
    [InlineData(Channel.Call, "call")]
    [InlineData(Channel.Note, "note")]
    [InlineData(Channel.Social, "social")]
    public void ToWord_TheChannelsOwnWord(Channel channel, string word)
    {
        Assert.Equal(word, channel.ToWord());
        Assert.Equal(channel, ChannelWord.Parse(word).Channel);
        Assert.Null(ChannelWord.Parse(word).Medium);
    }

    [Fact]
    public void Media_AreNotesCallsAndSocial_WithTheirMedium()
    {
        Assert.All(Words, w =>
        {
            var word = ChannelWord.Parse(w.Text);
            Assert.Equal((w.Channel, w.Medium), (word.Channel, word.Medium));
        });
        Assert.Equal("LinkedIn", ChannelWord.Parse(" LINKEDIN ").Medium);
        Assert.Equal("email", ChannelWord.Parse("E-Mail").Medium);
    }

    /// <summary>parse(format(word)) is the word, for every word there is.</summary>
    [Property(MaxTest = 200, QuietOnSuccess = true)]
    public Property Parse_OfToString_IsTheWord() =>
        Prop.ForAll(Gen.Elements(Words.Select(w => ChannelWord.Parse(w.Text)).ToArray()).ToArbitrary(), word =>
            ChannelWord.Parse(word.ToString()) == word && ChannelWord.TryParse(word.ToString(), out var again) && again == word);

    /// <summary>format(parse(text)) is the canonical word, whatever the case and blanks around it.</summary>
    [Property(MaxTest = 500, QuietOnSuccess = true)]
    public Property ToString_OfParse_IsCanonical() =>
        Prop.ForAll(
            (from w in Gen.Elements(Words)
             from text in Spellings.Padded(w.Text)
             select (text, w.Canonical)).ToArbitrary(),
            x => ChannelWord.Parse(x.text).ToString() == x.Canonical);

    /// <summary>A list of channels reads back as itself: parse(format(list)) is the list.</summary>
    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property ParseList_OfFormatList_IsTheList() =>
        Prop.ForAll(Gen.Shuffle(Channels).SelectMany(all => Gen.Choose(0, 4).Select(n => all.Take(n).ToArray())).ToArbitrary(), list =>
            ChannelWord.ParseList(ChannelWord.FormatList(list)).SequenceEqual(list));

    /// <summary>
    /// format(parse(text)) of a list written as people write it (any word, case, blanks, repeats, empty entries) is the
    /// channels' own words, each once, in the order first named.
    /// </summary>
    [Property(MaxTest = 500, QuietOnSuccess = true)]
    public Property FormatList_OfParseList_IsCanonical() =>
        Prop.ForAll(
            Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(
                Gen.Frequency(
                    (6, Gen.Elements(Words).SelectMany(w => Spellings.Padded(w.Text).Select(t => (Text: t, Channel: (Channel?)w.Channel)))),
                    (1, Spellings.Blank.Select(b => (Text: b, Channel: (Channel?)null)))),
                n)).ToArbitrary(),
            entries =>
            {
                string text = string.Join(",", entries.Select(e => e.Text));
                string expected = string.Join(",", entries.Where(e => e.Channel is not null).Select(e => e.Channel!.Value).Distinct().Select(c => c.ToWord()));
                return ChannelWord.FormatList(ChannelWord.ParseList(text)) == expected;
            });

    [Theory]
    [InlineData("pigeon", "pigeon")]
    [InlineData(" fax ", " fax ")]
    [InlineData("", "")]
    [InlineData("calls", "calls")]
    public void Parse_NotAWord_NotationExceptionQuotingIt(string text, string value)
    {
        var ex = Assert.Throws<NotationException>(() => ChannelWord.Parse(text));
        Assert.Equal(NotationError.UnknownChannel, ex.Error);
        Assert.Equal(value, ex.Value);
        Assert.Equal($"Unknown channel \"{value}\": use meeting, call, note or social (or email, e-mail, card, letter, phone, linkedin).", ex.Message);
        Assert.IsAssignableFrom<FormatException>(ex);
        Assert.False(ChannelWord.TryParse(text, out var word));
        Assert.Equal(default, word);
    }

    [Fact]
    public void ParseList_ABadWord_NamesThatWord_ALongOneShortened()
    {
        var ex = Assert.Throws<NotationException>(() => ChannelWord.ParseList("call, telepathy ,note"));
        Assert.Equal("telepathy", ex.Value);
        Assert.Contains("\"telepathy\"", ex.Message, StringComparison.Ordinal);

        string longWord = new string('x', 500) + "\u001b";
        var longEx = Assert.Throws<NotationException>(() => ChannelWord.Parse(longWord));
        Assert.Equal(longWord, longEx.Value);
        Assert.Contains($"\"{new string('x', 40)}…\"", longEx.Message, StringComparison.Ordinal);
        Assert.True(longEx.Message.Length < 200);
    }

    [Fact]
    public void EmptyList_IsNoChannels_NullsAndUndefinedChannelsRefused()
    {
        Assert.Empty(ChannelWord.ParseList(""));
        Assert.Empty(ChannelWord.ParseList(" , ,"));
        Assert.Equal(string.Empty, ChannelWord.FormatList([]));
        Assert.Throws<ArgumentNullException>(() => ChannelWord.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => ChannelWord.TryParse(null!, out _));
        Assert.Throws<ArgumentNullException>(() => ChannelWord.ParseList(null!));
        Assert.Throws<ArgumentNullException>(() => ChannelWord.FormatList(null!));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ((Channel)9).ToWord());
        Assert.Contains("9", ex.Message, StringComparison.Ordinal);
    }
}
