using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cadence.Tests.Notations;

/// <summary>The ladder notation <c>3wd:note,5wd:call</c>: read, written, and what it refuses.</summary>
public sealed class FollowUpLadderNotationTests
{
    private static readonly Channel[] Channels = [Channel.Meeting, Channel.Call, Channel.Note, Channel.Social];

    /// <summary>Valid ladders: 1 to 12 steps of 1 to 366 days, any channel, either kind of day.</summary>
    private static Gen<FollowUpLadder> Ladders =>
        from count in Gen.Elements(DayCount.WorkingDays, DayCount.CalendarDays)
        from n in Gen.Choose(1, FollowUpLadder.MaxSteps)
        from steps in Gen.ArrayOf(
            from after in Gen.Frequency((4, Gen.Choose(1, 14)), (1, Gen.Choose(1, FollowUpStep.MaxDays)))
            from channel in Gen.Elements(Channels)
            select new FollowUpStep(after, channel), n)
        from name in Gen.Elements("prospect", "proposal chase", "Zoë's")
        select new FollowUpLadder(name, count, steps);

    [Fact]
    public void Parse_TheReadmeLadder()
    {
        var ladder = FollowUpLadder.Parse("prospect", "3wd:note,5wd:call");

        Assert.Equal(new FollowUpLadder("prospect", DayCount.WorkingDays, new FollowUpStep(3, Channel.Note), new FollowUpStep(5, Channel.Call)), ladder);
        Assert.Equal("3wd:note,5wd:call", ladder.FormatSteps());
        Assert.Equal("2d:call,7d:meeting", FollowUpLadder.Parse("x", " 2D : Phone , ,7d:MEETING ").FormatSteps());
        Assert.Equal("1wd:note,1wd:social", FollowUpLadder.Parse("x", "01wd:e-mail,1wd:linkedin").FormatSteps());
    }

    /// <summary>parse(format(ladder)) is the ladder.</summary>
    [Property(MaxTest = 500, QuietOnSuccess = true)]
    public Property Parse_OfFormatSteps_IsTheLadder() =>
        Prop.ForAll(Ladders.ToArbitrary(), ladder =>
            FollowUpLadder.Parse(ladder.Name, ladder.FormatSteps()).Equals(ladder)
            && FollowUpLadder.TryParse(ladder.Name, ladder.FormatSteps(), out var again) && again.Equals(ladder));

    /// <summary>
    /// format(parse(text)) is the canonical text, for steps written as people write them: any case, blanks around the
    /// parts, leading zeros, channel words for media (email is a note, phone a call), empty entries.
    /// </summary>
    [Property(MaxTest = 500, QuietOnSuccess = true)]
    public Property FormatSteps_OfParse_IsCanonical() =>
        Prop.ForAll(
            (from count in Gen.Elements(DayCount.WorkingDays, DayCount.CalendarDays)
             from n in Gen.Choose(1, FollowUpLadder.MaxSteps)
             from steps in Gen.ArrayOf(Step(count), n)
             from gaps in Gen.ArrayOf(Gen.Elements("", "", ", ", ",  ,"), n)
             select (Text: string.Concat(steps.Zip(gaps, (s, g) => g + s.Text + ",")),
                     Canonical: string.Join(",", steps.Select(s => s.Canonical)))).ToArbitrary(),
            x => FollowUpLadder.Parse("people's", x.Text).FormatSteps() == x.Canonical);

    private static Gen<(string Text, string Canonical)> Step(DayCount count) =>
        from after in Gen.Choose(1, FollowUpStep.MaxDays)
        from zeros in Gen.Elements("", "", "0", "00")
        from unit in Spellings.AnyCase(count == DayCount.WorkingDays ? "wd" : "d")
        from before in Spellings.Blank
        from around in Spellings.Blank
        from word in Gen.Elements(ChannelWordTests.Words)
        from spelled in Spellings.Padded(word.Text)
        select (
            $"{before}{zeros}{after}{unit}{around}:{spelled}",
            $"{after}{(count == DayCount.WorkingDays ? "wd" : "d")}:{word.Channel.ToWord()}");

    [Theory]
    [InlineData("3:note", NotationError.BadStep, "3:note")]
    [InlineData("0wd:note", NotationError.BadStep, "0wd:note")]
    [InlineData("400d:call", NotationError.BadStep, "400d:call")]
    [InlineData("3wd note", NotationError.BadStep, "3wd note")]
    [InlineData("3wd:note, -2d:call", NotationError.BadStep, "-2d:call")]
    [InlineData("three wd:note", NotationError.BadStep, "three wd:note")]
    [InlineData("3wd:pigeon", NotationError.UnknownChannel, "pigeon")]
    [InlineData("3wd: pigeon ,5wd:call", NotationError.UnknownChannel, " pigeon")]
    [InlineData("3wd:note,5d:call", NotationError.MixedDayCounts, "3wd:note,5d:call")]
    [InlineData("", NotationError.StepCount, "")]
    [InlineData(" , ", NotationError.StepCount, " , ")]
    [InlineData("1d:call,1d:call,1d:call,1d:call,1d:call,1d:call,1d:call,1d:call,1d:call,1d:call,1d:call,1d:call,1d:call", NotationError.StepCount, "1d:call,1d:call,1d:call,1d:call,1d:call,1d:call,1d:call,1d:call,1d:call,1d:call,1d:call,1d:call,1d:call")]
    public void Parse_BadSteps_NotationExceptionNamingTheValue(string steps, NotationError error, string value)
    {
        var ex = Assert.Throws<NotationException>(() => FollowUpLadder.Parse("prospect", steps));

        Assert.Equal(error, ex.Error);
        Assert.Equal(value, ex.Value);
        Assert.Contains($"\"{Guard.Shorten(value)}\"", ex.Message, StringComparison.Ordinal);
        Assert.False(FollowUpLadder.TryParse("prospect", steps, out var ladder));
        Assert.Null(ladder);
    }

    [Fact]
    public void Parse_Messages_SayWhatIsExpected()
    {
        Assert.Equal(
            "Bad follow-up step \"0wd:note\": write days (1 to 366) then wd for working days or d for calendar days, a colon and a channel, e.g. 3wd:note,5wd:call.",
            Assert.Throws<NotationException>(() => FollowUpLadder.Parse("p", "0wd:note")).Message);
        Assert.Equal(
            "The follow-up ladder \"3wd:note,5d:call\" mixes working days (wd) and calendar days (d); use one kind.",
            Assert.Throws<NotationException>(() => FollowUpLadder.Parse("p", "3wd:note,5d:call")).Message);
        Assert.Equal(
            "The follow-up ladder \" \" has 0 steps; give 1 to 12, e.g. 3wd:note,5wd:call.",
            Assert.Throws<NotationException>(() => FollowUpLadder.Parse("p", " ")).Message);

        string longSteps = string.Join(",", Enumerable.Repeat("1d:call", 30));
        var ex = Assert.Throws<NotationException>(() => FollowUpLadder.Parse("p", longSteps));
        Assert.Equal($"The follow-up ladder \"{longSteps[..40]}…\" has 30 steps; give 1 to 12, e.g. 3wd:note,5wd:call.", ex.Message);
    }

    [Fact]
    public void Parse_BadName_ArgumentException_NoneHasNoSteps()
    {
        var ex = Assert.Throws<ArgumentException>(() => FollowUpLadder.Parse(" ", "3wd:note"));
        Assert.Equal("name", ex.ParamName);
        Assert.Throws<ArgumentException>(() => FollowUpLadder.TryParse(" ", "3wd:note", out _));
        Assert.Throws<ArgumentNullException>(() => FollowUpLadder.Parse("p", null!));
        Assert.Throws<InvalidOperationException>(() => FollowUpLadder.None.FormatSteps());
    }
}
