using System;
using System.Buffers;
using System.Linq;
using System.Text;
using NodaTime;

namespace Cadence.Tests.Feed;

/// <summary>
/// Example tests that pin the writer's exact bytes to RFC 5545 (content lines 3.1, DATE 3.3.4, DATE-TIME 3.3.5,
/// DURATION 3.3.6, TEXT 3.3.11) and RFC 6868 (parameter values), plus the design's extra rules: folding between
/// whole characters and whole escapes, controls removed, no BOM.
/// </summary>
public class ContentLineWriterTests
{
    private const string Crlf = "\r\n";
    private const string Fold = "\r\n ";

    private static byte[] WriteBytes(Action<ContentLineWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new ContentLineWriter(buffer));
        return buffer.WrittenSpan.ToArray();
    }

    private static string Write(Action<ContentLineWriter> write) => Encoding.UTF8.GetString(WriteBytes(write));

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static string A(int count) => new('a', count);

    // ---------------------------------------------------------------- TEXT escaping (RFC 5545 3.3.11)

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("a;b", "a\\;b")]
    [InlineData("a,b", "a\\,b")]
    [InlineData("a\nb", "a\\nb")]
    [InlineData("a\rb", "a\\nb")]
    [InlineData("a\r\nb", "a\\nb")]
    [InlineData("a\n\rb", "a\\n\\nb")]
    [InlineData("a\r\n\r\nb", "a\\n\\nb")]
    [InlineData("\\n", "\\\\n")]
    [InlineData("\\;,", "\\\\\\;\\,")]
    public void WriteText_SpecialCharacter_EscapedByRfc5545(string text, string expectedValue)
    {
        Assert.Equal("SUMMARY:" + expectedValue + Crlf, Write(w => w.WriteText("SUMMARY", text)));
    }

    [Fact]
    public void WriteText_ColonAndDoubleQuote_NotEscaped()
    {
        Assert.Equal("SUMMARY:a:b\"c\"\r\n", Write(w => w.WriteText("SUMMARY", "a:b\"c\"")));
    }

    [Fact]
    public void WriteText_Tab_Kept()
    {
        Assert.Equal("SUMMARY:a\tb\r\n", Write(w => w.WriteText("SUMMARY", "a\tb")));
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u0007")]
    [InlineData("\u000B")]
    [InlineData("\u000C")]
    [InlineData("\u001B")]
    [InlineData("\u007F")]
    [InlineData("\u0085")]
    [InlineData("\u009F")]
    public void WriteText_ControlCharacter_Removed(string control)
    {
        Assert.Equal("SUMMARY:ab\r\n", Write(w => w.WriteText("SUMMARY", "a" + control + "b")));
    }

    [Fact]
    public void WriteText_SeveralControlCharacters_AllRemovedOthersKept()
    {
        Assert.Equal("SUMMARY:abcdef\r\n", Write(w => w.WriteText("SUMMARY", "a\0b\u0007c\u001Bd\u007Fe\u0085f")));
    }

    [Fact]
    public void WriteText_UnpairedHighSurrogate_BecomesReplacementCharacter()
    {
        byte[] bytes = WriteBytes(w => w.WriteText("SUMMARY", "a\uD800b"));

        Assert.Equal(Concat(Ascii("SUMMARY:a"), [0xEF, 0xBF, 0xBD], Ascii("b\r\n")), bytes);
    }

    [Fact]
    public void WriteText_UnpairedLowSurrogate_BecomesReplacementCharacter()
    {
        byte[] bytes = WriteBytes(w => w.WriteText("SUMMARY", "a\uDC00b"));

        Assert.Equal(Concat(Ascii("SUMMARY:a"), [0xEF, 0xBF, 0xBD], Ascii("b\r\n")), bytes);
    }

    [Fact]
    public void WriteText_HighSurrogateAtEnd_BecomesReplacementCharacter()
    {
        byte[] bytes = WriteBytes(w => w.WriteText("SUMMARY", "a\uD83D"));

        Assert.Equal(Concat(Ascii("SUMMARY:a"), [0xEF, 0xBF, 0xBD], Ascii("\r\n")), bytes);
    }

    [Fact]
    public void WriteText_SurrogatesInWrongOrder_EachBecomesReplacementCharacter()
    {
        byte[] bytes = WriteBytes(w => w.WriteText("SUMMARY", "\uDE00\uD83D"));

        Assert.Equal(Concat(Ascii("SUMMARY:"), [0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD], Ascii("\r\n")), bytes);
    }

    [Fact]
    public void WriteText_Emoji_KeptAsFourUtf8Bytes()
    {
        byte[] bytes = WriteBytes(w => w.WriteText("SUMMARY", "😀"));

        Assert.Equal(Concat(Ascii("SUMMARY:"), [0xF0, 0x9F, 0x98, 0x80], Ascii("\r\n")), bytes);
    }

    [Fact]
    public void WriteText_NonAsciiLetters_WrittenAsUtf8()
    {
        byte[] bytes = WriteBytes(w => w.WriteText("SUMMARY", "Call Zoë Müller"));

        Assert.Equal(Encoding.UTF8.GetBytes("SUMMARY:Call Zoë Müller\r\n"), bytes);
        Assert.Equal(Concat(Ascii("SUMMARY:Call Zo"), [0xC3, 0xAB], Ascii(" M"), [0xC3, 0xBC], Ascii("ller\r\n")), bytes);
    }

    [Fact]
    public void WriteText_EmptyText_WritesNameAndColon()
    {
        Assert.Equal("SUMMARY:\r\n", Write(w => w.WriteText("SUMMARY", string.Empty)));
    }

    [Fact]
    public void Text_InSeveralParts_EscapedAsOneValue()
    {
        string written = Write(w =>
        {
            w.BeginProperty("DESCRIPTION");
            w.Text("a");
            w.Text(";b,");
            w.Text("\r\nc");
            w.EndProperty();
        });

        Assert.Equal("DESCRIPTION:a\\;b\\,\\nc\r\n", written);
    }

    // ---------------------------------------------------------------- folding (RFC 5545 3.1)

    [Fact]
    public void WriteText_LineOf75Octets_NotFolded()
    {
        // "SUMMARY:" is 8 octets; 8 + 67 = 75.
        Assert.Equal("SUMMARY:" + A(67) + Crlf, Write(w => w.WriteText("SUMMARY", A(67))));
    }

    [Fact]
    public void WriteText_LineOf76Octets_FoldedAfter75()
    {
        Assert.Equal("SUMMARY:" + A(67) + Fold + "a" + Crlf, Write(w => w.WriteText("SUMMARY", A(68))));
    }

    [Fact]
    public void WriteText_LongLine_ContinuationLinesHold74OctetsAfterTheSpace()
    {
        string written = Write(w => w.WriteText("SUMMARY", A(67 + 74 + 74 + 5)));

        Assert.Equal("SUMMARY:" + A(67) + Fold + A(74) + Fold + A(74) + Fold + A(5) + Crlf, written);
    }

    [Fact]
    public void WriteText_ContinuationLineOfExactly75Octets_NotFoldedAgain()
    {
        string written = Write(w => w.WriteText("SUMMARY", A(67 + 74)));

        Assert.Equal("SUMMARY:" + A(67) + Fold + A(74) + Crlf, written);
    }

    [Theory]
    [InlineData("é", 66, new byte[] { 0xC3, 0xA9 })] // would take octets 75-76
    [InlineData("中", 65, new byte[] { 0xE4, 0xB8, 0xAD })] // would take octets 74-76
    [InlineData("中", 66, new byte[] { 0xE4, 0xB8, 0xAD })] // would take octets 75-77
    [InlineData("😀", 64, new byte[] { 0xF0, 0x9F, 0x98, 0x80 })] // would take octets 73-76
    [InlineData("😀", 66, new byte[] { 0xF0, 0x9F, 0x98, 0x80 })] // would take octets 75-78
    public void WriteText_MultiByteCharacterAcrossOctet75_MovesWholeToNextLine(string character, int prefix, byte[] utf8)
    {
        byte[] bytes = WriteBytes(w => w.WriteText("SUMMARY", A(prefix) + character));

        Assert.Equal(Concat(Ascii("SUMMARY:" + A(prefix) + Fold), utf8, Ascii(Crlf)), bytes);
    }

    [Theory]
    [InlineData("é", 65, new byte[] { 0xC3, 0xA9 })] // octets 74-75
    [InlineData("中", 64, new byte[] { 0xE4, 0xB8, 0xAD })] // octets 73-75
    [InlineData("😀", 63, new byte[] { 0xF0, 0x9F, 0x98, 0x80 })] // octets 72-75
    public void WriteText_MultiByteCharacterEndingAtOctet75_NotFolded(string character, int prefix, byte[] utf8)
    {
        byte[] bytes = WriteBytes(w => w.WriteText("SUMMARY", A(prefix) + character));

        Assert.Equal(Concat(Ascii("SUMMARY:" + A(prefix)), utf8, Ascii(Crlf)), bytes);
    }

    [Theory]
    [InlineData(";", "\\;")]
    [InlineData(",", "\\,")]
    [InlineData("\\", "\\\\")]
    [InlineData("\n", "\\n")]
    [InlineData("\r\n", "\\n")]
    public void WriteText_EscapeAcrossOctet75_BackslashAndEscapedCharacterStayTogether(string character, string escape)
    {
        // 8 + 66 = 74 octets: the escape would take octets 75-76.
        string written = Write(w => w.WriteText("SUMMARY", A(66) + character + "b"));

        Assert.Equal("SUMMARY:" + A(66) + Fold + escape + "b" + Crlf, written);
    }

    [Fact]
    public void WriteText_EscapeEndingAtOctet75_NotFolded()
    {
        Assert.Equal("SUMMARY:" + A(65) + "\\;" + Crlf, Write(w => w.WriteText("SUMMARY", A(65) + ";")));
    }

    [Fact]
    public void WriteText_LongLineOfEmoji_FoldedBetweenWholeCharacters()
    {
        string text = string.Concat(Enumerable.Repeat("😀", 100));
        byte[] bytes = WriteBytes(w => w.WriteText("SUMMARY", text));

        var lines = IcsReader.PhysicalLines(bytes);
        Assert.All(lines, line => Assert.InRange(line.Length, 1, ContentLineWriter.MaxLineOctets));
        Assert.All(lines.Skip(1), line =>
        {
            Assert.Equal((byte)' ', line[0]);
            Assert.False(line[1] is >= 0x80 and <= 0xBF, $"A continuation line starts with the UTF-8 continuation byte 0x{line[1]:X2}.");
        });

        // 8 + 16 × 4 = 72 (a 17th would make 76); then 1 + 18 × 4 = 73 per continuation line.
        Assert.Equal(72, lines[0].Length);
        Assert.All(lines.Skip(1).SkipLast(1), line => Assert.Equal(73, line.Length));
        Assert.Equal("SUMMARY:" + text, Assert.Single(IcsReader.Unfold(bytes)));
    }

    [Fact]
    public void Parameter_LongValue_FoldedLikeTheRestOfTheLine()
    {
        // "ATTACH;FMTTYPE=" is 15 octets; 15 + 60 = 75.
        string written = Write(w =>
        {
            w.BeginProperty("ATTACH");
            w.Parameter("FMTTYPE", new string('x', 70));
            w.Text("v");
            w.EndProperty();
        });

        Assert.Equal("ATTACH;FMTTYPE=" + new string('x', 60) + Fold + new string('x', 10) + ":v" + Crlf, written);
    }

    [Fact]
    public void Parameter_CaretEscapeAcrossOctet75_StaysTogether()
    {
        string written = Write(w =>
        {
            w.BeginProperty("ATTACH");
            w.Parameter("FMTTYPE", new string('x', 59) + "^");
            w.Text("v");
            w.EndProperty();
        });

        Assert.Equal("ATTACH;FMTTYPE=" + new string('x', 59) + Fold + "^^:v" + Crlf, written);
    }

    // ---------------------------------------------------------------- the stream as a whole

    [Fact]
    public void Output_AnyFeed_StartsWithoutBomAndEndsWithCrlf()
    {
        byte[] bytes = WriteBytes(w =>
        {
            w.BeginComponent("VCALENDAR");
            w.WriteToken("VERSION", "2.0");
            w.WriteText("NAME", "Zoë");
            w.EndComponent("VCALENDAR");
        });

        Assert.Equal(Ascii("BEGIN:VCALENDAR"), bytes[..15]);
        Assert.Equal(Ascii(Crlf), bytes[^2..]);
        Assert.Equal("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nNAME:Zoë\r\nEND:VCALENDAR\r\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Output_TextStartingWithByteOrderMarkCharacter_OutputStillStartsWithTheName()
    {
        byte[] bytes = WriteBytes(w => w.WriteText("SUMMARY", "\uFEFFx"));

        Assert.Equal(Concat(Ascii("SUMMARY:"), [0xEF, 0xBB, 0xBF], Ascii("x\r\n")), bytes);
    }

    // ---------------------------------------------------------------- lists (CATEGORIES)

    [Fact]
    public void WriteTextList_SpecialCharacters_EachValueEscapedAndJoinedByBareCommas()
    {
        string written = Write(w => w.WriteTextList("CATEGORIES", ["a,b", "c;d", "e\\f", "g\nh"]));

        Assert.Equal("CATEGORIES:a\\,b,c\\;d,e\\\\f,g\\nh\r\n", written);
    }

    [Fact]
    public void WriteTextList_OneValue_NoSeparator()
    {
        Assert.Equal("CATEGORIES:Family\r\n", Write(w => w.WriteTextList("CATEGORIES", ["Family"])));
    }

    [Fact]
    public void WriteTextList_Empty_ThrowsArgumentException()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new ContentLineWriter(buffer);

        var ex = Assert.Throws<ArgumentException>(() => writer.WriteTextList("CATEGORIES", []));

        Assert.Equal("values", ex.ParamName);
        Assert.Contains("CATEGORIES", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, buffer.WrittenCount);
    }

    [Fact]
    public void ListSeparator_BeforeAnyValue_ThrowsInvalidOperationException()
    {
        var writer = new ContentLineWriter(new ArrayBufferWriter<byte>());
        writer.BeginProperty("CATEGORIES");

        Assert.Throws<InvalidOperationException>(writer.ListSeparator);
    }

    // ---------------------------------------------------------------- DATE (RFC 5545 3.3.4)

    [Fact]
    public void WriteDate_Date_WritesValueDateAndEightDigits()
    {
        Assert.Equal("DTSTART;VALUE=DATE:20260313\r\n", Write(w => w.WriteDate("DTSTART", new LocalDate(2026, 3, 13))));
    }

    [Theory]
    [InlineData(1, 1, 1, "00010101")]
    [InlineData(999, 12, 31, "09991231")]
    [InlineData(9999, 12, 31, "99991231")]
    public void WriteDate_ExtremeYears_FourDigitsWithLeadingZeros(int year, int month, int day, string expected)
    {
        Assert.Equal($"DTEND;VALUE=DATE:{expected}\r\n", Write(w => w.WriteDate("DTEND", new LocalDate(year, month, day))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-9998)]
    public void WriteDate_YearBeforeOne_ThrowsArgumentOutOfRangeNamingTheDate(int year)
    {
        var date = new LocalDate(year, 1, 1);
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new ContentLineWriter(buffer);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteDate("DTSTART", date));

        Assert.Equal("date", ex.ParamName);
        Assert.Equal(date, ex.ActualValue);
        Assert.Contains(date.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, buffer.WrittenCount);
    }

    [Fact]
    public void WriteDate_NonIsoCalendar_ThrowsArgumentOutOfRange()
    {
        var date = new LocalDate(2026, 3, 1, CalendarSystem.Julian);
        var writer = new ContentLineWriter(new ArrayBufferWriter<byte>());

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteDate("DTSTART", date));

        Assert.Equal("date", ex.ParamName);
    }

    // ---------------------------------------------------------------- DATE-TIME (RFC 5545 3.3.5, form #2)

    [Fact]
    public void WriteDateTimeUtc_Instant_WritesUtcFormWithZ()
    {
        var instant = Instant.FromUtc(2026, 3, 13, 9, 5, 2);

        Assert.Equal("DTSTAMP:20260313T090502Z\r\n", Write(w => w.WriteDateTimeUtc("DTSTAMP", instant)));
    }

    [Fact]
    public void WriteDateTimeUtc_FractionOfASecond_Dropped()
    {
        var instant = Instant.FromUtc(2026, 3, 13, 9, 5, 2).PlusNanoseconds(999_999_999);

        Assert.Equal("DTSTAMP:20260313T090502Z\r\n", Write(w => w.WriteDateTimeUtc("DTSTAMP", instant)));
    }

    [Fact]
    public void WriteDateTimeUtc_FractionBefore1970_DroppedNotRoundedUp()
    {
        var instant = Instant.FromUtc(1969, 12, 31, 23, 59, 59).PlusNanoseconds(500_000_000);

        Assert.Equal("DTSTAMP:19691231T235959Z\r\n", Write(w => w.WriteDateTimeUtc("DTSTAMP", instant)));
    }

    [Fact]
    public void WriteDateTimeUtc_Midnight_WritesZeros()
    {
        var instant = Instant.FromUtc(2026, 1, 1, 0, 0, 0);

        Assert.Equal("LAST-MODIFIED:20260101T000000Z\r\n", Write(w => w.WriteDateTimeUtc("LAST-MODIFIED", instant)));
    }

    [Fact]
    public void WriteDateTimeUtc_YearBeforeOne_ThrowsArgumentOutOfRange()
    {
        var writer = new ContentLineWriter(new ArrayBufferWriter<byte>());

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteDateTimeUtc("DTSTAMP", Instant.FromUtc(0, 12, 31, 23, 59)));
    }

    // ---------------------------------------------------------------- DURATION (RFC 5545 3.3.6)

    [Theory]
    [InlineData(4 * 3600L, "PT4H")]
    [InlineData(86400L, "P1D")]
    [InlineData(14 * 86400L, "P2W")]
    [InlineData(49 * 86400L, "P7W")]
    [InlineData(8 * 86400L, "P8D")]
    [InlineData(15 * 60L, "PT15M")]
    [InlineData(-15 * 60L, "-PT15M")]
    [InlineData(-14 * 86400L, "-P2W")]
    [InlineData(0L, "PT0S")]
    [InlineData(45L, "PT45S")]
    [InlineData(86400L + (2 * 3600) + (3 * 60) + 4, "P1DT2H3M4S")]
    [InlineData(3600L + 5, "PT1H0M5S")] // dur-hour = 1*DIGIT "H" [dur-minute]: seconds need the minutes
    [InlineData((15 * 86400L) + (5 * 3600) + 20, "P15DT5H0M20S")] // the RFC's own example
    [InlineData(86400L + 5, "P1DT5S")]
    [InlineData(86400L + (3 * 60), "P1DT3M")]
    [InlineData(86400L + (2 * 3600), "P1DT2H")]
    [InlineData((2 * 3600L) + (30 * 60), "PT2H30M")]
    [InlineData((7 * 86400L) + 1, "P7DT1S")]
    public void WriteDuration_Duration_WritesRfc5545Form(long seconds, string expected)
    {
        Assert.Equal($"TRIGGER:{expected}\r\n", Write(w => w.WriteDuration("TRIGGER", Duration.FromSeconds(seconds))));
    }

    [Fact]
    public void WriteDuration_FractionOfASecond_Dropped()
    {
        var duration = Duration.FromSeconds(90) + Duration.FromMilliseconds(999);

        Assert.Equal("TRIGGER:PT1M30S\r\n", Write(w => w.WriteDuration("TRIGGER", duration)));
    }

    [Fact]
    public void WriteDuration_NegativeFractionOfASecond_DroppedTowardZero()
    {
        var duration = -(Duration.FromSeconds(90) + Duration.FromMilliseconds(999));

        Assert.Equal("TRIGGER:-PT1M30S\r\n", Write(w => w.WriteDuration("TRIGGER", duration)));
    }

    [Fact]
    public void WriteDuration_LongDurationJustUnderAWholeSecond_FractionDroppedNotRoundedUp()
    {
        // 200 days less one nanosecond: whole seconds are 199 days 23:59:59.
        var duration = Duration.FromDays(200) - Duration.Epsilon;

        Assert.Equal("TRIGGER:P199DT23H59M59S\r\n", Write(w => w.WriteDuration("TRIGGER", duration)));
    }

    [Fact]
    public void WriteDuration_LessThanOneSecond_WritesZero()
    {
        Assert.Equal("TRIGGER:PT0S\r\n", Write(w => w.WriteDuration("TRIGGER", Duration.FromMilliseconds(-500))));
    }

    [Fact]
    public void WriteDuration_WithValueType_AddsValueDuration()
    {
        string written = Write(w => w.WriteDuration("REFRESH-INTERVAL", Duration.FromHours(12), withValueType: true));

        Assert.Equal("REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n", written);
    }

    // ---------------------------------------------------------------- INTEGER, tokens, URIs

    [Theory]
    [InlineData(0, "0")]
    [InlineData(3, "3")]
    [InlineData(-7, "-7")]
    [InlineData(int.MaxValue, "2147483647")]
    [InlineData(int.MinValue, "-2147483648")]
    public void WriteInteger_Value_WritesDecimalDigits(int value, string expected)
    {
        Assert.Equal($"SEQUENCE:{expected}\r\n", Write(w => w.WriteInteger("SEQUENCE", value)));
    }

    [Theory]
    [InlineData("VERSION", "2.0")]
    [InlineData("TRANSP", "TRANSPARENT")]
    [InlineData("PRODID", "-//Cadence//EN")]
    [InlineData("CLASS", "PUBLIC")]
    public void WriteToken_Token_WrittenAsIs(string name, string token)
    {
        Assert.Equal($"{name}:{token}\r\n", Write(w => w.WriteToken(name, token)));
    }

    [Theory]
    [InlineData("2;0", "2;0")]
    [InlineData("2,0", "2,0")]
    [InlineData("2\\0", "2\\0")]
    [InlineData("2\"0", "2\"0")]
    [InlineData("2\r0", "2\\u000D0")]
    [InlineData("2\n0", "2\\u000A0")]
    [InlineData("2\r\nEND:VCALENDAR", "2\\u000D\\u000AEND:VCALENDAR")]
    [InlineData("Zoë", "Zoë")]
    [InlineData("2\u00000", "2\\u00000")]
    public void WriteToken_ForbiddenCharacter_ThrowsArgumentExceptionNamingIt(string token, string shown)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new ContentLineWriter(buffer);

        var ex = Assert.Throws<ArgumentException>(() => writer.WriteToken("VERSION", token));

        Assert.Equal("token", ex.ParamName);
        Assert.Contains($"\"{shown}\"", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, buffer.WrittenCount);
    }

    [Fact]
    public void WriteUri_AbsoluteUri_WritesAbsoluteUri()
    {
        var uri = new Uri("https://example.com/feed.ics?a=1&b=2#top");

        Assert.Equal("URL:https://example.com/feed.ics?a=1&b=2#top\r\n", Write(w => w.WriteUri("URL", uri)));
    }

    [Fact]
    public void WriteUri_Mailto_WrittenWithoutEscaping()
    {
        Assert.Equal("URL:mailto:zoe@example.com\r\n", Write(w => w.WriteUri("URL", new Uri("mailto:zoe@example.com"))));
    }

    [Fact]
    public void WriteUri_RelativeUri_ThrowsArgumentExceptionNamingIt()
    {
        var writer = new ContentLineWriter(new ArrayBufferWriter<byte>());

        var ex = Assert.Throws<ArgumentException>(() => writer.WriteUri("URL", new Uri("feed/zoe.ics", UriKind.Relative)));

        Assert.Equal("uri", ex.ParamName);
        Assert.Contains("feed/zoe.ics", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteUri_Space_PercentEncoded()
    {
        Assert.Equal("URL:https://example.com/a%20b\r\n", Write(w => w.WriteUri("URL", new Uri("https://example.com/a b"))));
    }

    [Fact]
    public void WriteUri_NewlineInText_PercentEncodedOnOneLine()
    {
        byte[] bytes = WriteBytes(w => w.WriteUri("URL", new Uri("https://example.com/a\r\nEND:VEVENT")));

        Assert.Equal("URL:https://example.com/a%0D%0AEND:VEVENT\r\n", Encoding.UTF8.GetString(bytes));
        Assert.Single(IcsReader.Unfold(bytes));
    }

    [Fact]
    public void WriteUri_NonAsciiPathQueryAndUserInfo_PercentEncodedAsUtf8()
    {
        string written = Write(w => w.WriteUri("URL", new Uri("https://ü@example.com/zoë?q=ü#ü")));

        Assert.Equal("URL:https://%C3%BC@example.com/zo%C3%AB?q=%C3%BC#%C3%BC\r\n", written);
    }

    // RFC 5545 3.3.13: a URI value is an RFC 3986 URI, which is ASCII; an internationalized host goes out in its
    // IDNA (punycode) form. (A bug once wrote Uri.AbsoluteUri's Unicode host char by char, cut to bytes.)
    [Fact]
    public void WriteUri_NonAsciiHost_WrittenInPunycode()
    {
        byte[] bytes = WriteBytes(w => w.WriteUri("URL", new Uri("https://bücher.example/feed")));

        Assert.Equal(Ascii("URL:https://xn--bcher-kva.example/feed\r\n"), bytes);
    }

    [Fact]
    public void WriteUri_HostWithCCaron_NoBareCarriageReturn()
    {
        byte[] bytes = WriteBytes(w => w.WriteUri("URL", new Uri("https://č.example/")));

        Assert.Equal(Ascii("URL:https://xn--bea.example/\r\n"), bytes);
    }

    [Fact]
    public void WriteUri_HostWhoseCharsTruncateToCrLf_StaysOneLine()
    {
        // U+010D and U+0D0A truncate to 0x0D 0x0A.
        byte[] bytes = WriteBytes(w => w.WriteUri("URL", new Uri("https://x\u010D\u0D0Aend.example/a")));

        Assert.Equal(Ascii("URL:https://xn--xend-gua825p.example/a\r\n"), bytes);
        Assert.Single(IcsReader.Unfold(bytes));
    }

    [Fact]
    public void WriteUri_LongUri_FoldedAt75Octets()
    {
        var uri = new Uri("https://example.com/" + new string('p', 80));

        string written = Write(w => w.WriteUri("URL", uri));

        // "URL:https://example.com/" is 24 octets; 24 + 51 = 75.
        Assert.Equal("URL:https://example.com/" + new string('p', 51) + Fold + new string('p', 29) + Crlf, written);
    }

    // ---------------------------------------------------------------- parameters (RFC 5545 3.2, RFC 6868)

    private static string WithParameter(string value) => Write(w =>
    {
        w.BeginProperty("X-A");
        w.Parameter("X-P", value);
        w.Text("v");
        w.EndProperty();
    });

    [Theory]
    [InlineData("plain", "X-P=plain")]
    [InlineData("a:b", "X-P=\"a:b\"")]
    [InlineData("a;b", "X-P=\"a;b\"")]
    [InlineData("a,b", "X-P=\"a,b\"")]
    [InlineData("mailto:zoe@example.com", "X-P=\"mailto:zoe@example.com\"")]
    [InlineData("Zoë Müller", "X-P=Zoë Müller")]
    [InlineData("", "X-P=")]
    public void Parameter_Value_QuotedOnlyWhenItHasColonSemicolonOrComma(string value, string expected)
    {
        Assert.Equal($"X-A;{expected}:v\r\n", WithParameter(value));
    }

    [Theory]
    [InlineData("a^b", "a^^b")]
    [InlineData("a\"b", "a^'b")]
    [InlineData("a\nb", "a^nb")]
    [InlineData("a\rb", "a^nb")]
    [InlineData("a\r\nb", "a^nb")]
    [InlineData("^n", "^^n")]
    [InlineData("^'", "^^'")]
    [InlineData("a\tb", "a\tb")]
    public void Parameter_SpecialCharacter_EncodedByRfc6868(string value, string expected)
    {
        Assert.Equal($"X-A;X-P={expected}:v\r\n", WithParameter(value));
    }

    [Fact]
    public void Parameter_Rfc6868Example_EncodedAsInTheRfc()
    {
        // The address in RFC 6868's iCalendar example (3.1): line breaks as ^n, quoted for its comma.
        string written = WithParameter("Pittsburgh Pirates\n115 Federal St\nPittsburgh, PA 15212");

        Assert.Equal("X-A;X-P=\"Pittsburgh Pirates^n115 Federal St^nPittsburgh, PA 15212\":v\r\n", written);
    }

    [Fact]
    public void Parameter_QuotesColonAndLineBreak_AllEncodedInsideOneQuotedValue()
    {
        Assert.Equal("X-A;X-P=\"say ^'hi^'^^^nbye: now\":v\r\n", WithParameter("say \"hi\"^\r\nbye: now"));
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u0007")]
    [InlineData("\u001B")]
    [InlineData("\u007F")]
    [InlineData("\u0085")]
    public void Parameter_ControlCharacter_Removed(string control)
    {
        Assert.Equal("X-A;X-P=ab:v\r\n", WithParameter("a" + control + "b"));
    }

    [Fact]
    public void Parameter_UnpairedSurrogate_BecomesReplacementCharacter()
    {
        byte[] bytes = WriteBytes(w =>
        {
            w.BeginProperty("X-A");
            w.Parameter("X-P", "a\uD800");
            w.Text("v");
            w.EndProperty();
        });

        Assert.Equal(Concat(Ascii("X-A;X-P=a"), [0xEF, 0xBF, 0xBD], Ascii(":v\r\n")), bytes);
    }

    [Fact]
    public void Parameter_Several_WrittenInOrder()
    {
        string written = Write(w =>
        {
            w.BeginProperty("ATTACH");
            w.Parameter("FMTTYPE", "text/plain");
            w.Parameter("X-LABEL", "a,b");
            w.Text("body");
            w.EndProperty();
        });

        Assert.Equal("ATTACH;FMTTYPE=text/plain;X-LABEL=\"a,b\":body\r\n", written);
    }

    [Fact]
    public void Parameter_AfterTheValueStarted_ThrowsInvalidOperationException()
    {
        var writer = new ContentLineWriter(new ArrayBufferWriter<byte>());
        writer.BeginProperty("X-A");
        writer.Text("v");

        var ex = Assert.Throws<InvalidOperationException>(() => writer.Parameter("X-P", "p"));

        Assert.Contains("X-P", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameter_WithoutProperty_ThrowsInvalidOperationException()
    {
        var writer = new ContentLineWriter(new ArrayBufferWriter<byte>());

        Assert.Throws<InvalidOperationException>(() => writer.Parameter("X-P", "p"));
    }

    [Theory]
    [InlineData("X P", "X P")]
    [InlineData("X:P", "X:P")]
    [InlineData("X;P", "X;P")]
    [InlineData("X=P", "X=P")]
    [InlineData("X\"P", "X\"P")]
    [InlineData("XÄ", "XÄ")]
    [InlineData("X\nP", "X\\u000AP")]
    public void Parameter_InvalidName_ThrowsArgumentExceptionNamingIt(string name, string shown)
    {
        var writer = new ContentLineWriter(new ArrayBufferWriter<byte>());
        writer.BeginProperty("X-A");

        var ex = Assert.Throws<ArgumentException>(() => writer.Parameter(name, "p"));

        Assert.Equal("name", ex.ParamName);
        Assert.Contains($"\"{shown}\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameter_EmptyName_ThrowsArgumentException()
    {
        var writer = new ContentLineWriter(new ArrayBufferWriter<byte>());
        writer.BeginProperty("X-A");

        var ex = Assert.Throws<ArgumentException>(() => writer.Parameter(string.Empty, "p"));

        Assert.Equal("name", ex.ParamName);
    }

    [Theory]
    [InlineData("SUM MARY")]
    [InlineData("SUMMARY:")]
    [InlineData("SUMMARY;X=1")]
    [InlineData("SÜMMARY")]
    [InlineData("")]
    public void BeginProperty_InvalidName_ThrowsArgumentException(string name)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new ContentLineWriter(buffer);

        var ex = Assert.Throws<ArgumentException>(() => writer.BeginProperty(name));

        Assert.Equal("name", ex.ParamName);
        Assert.Equal(0, buffer.WrittenCount);
    }

    // ---------------------------------------------------------------- components and the property life cycle

    [Fact]
    public void BeginComponentEndComponent_Nested_WritesBeginEndAndTracksDepth()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new ContentLineWriter(buffer);

        Assert.Equal(0, writer.Depth);
        writer.BeginComponent("VCALENDAR");
        Assert.Equal(1, writer.Depth);
        writer.BeginComponent("VEVENT");
        Assert.Equal(2, writer.Depth);
        writer.WriteText("SUMMARY", "Call Zoë");
        writer.EndComponent("VEVENT");
        Assert.Equal(1, writer.Depth);
        writer.EndComponent("VCALENDAR");
        Assert.Equal(0, writer.Depth);

        Assert.Equal(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Call Zoë\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void EndComponent_NotTheInnermost_ThrowsInvalidOperationExceptionAndWritesNothing()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new ContentLineWriter(buffer);
        writer.BeginComponent("VCALENDAR");
        writer.BeginComponent("VEVENT");
        int before = buffer.WrittenCount;

        var ex = Assert.Throws<InvalidOperationException>(() => writer.EndComponent("VCALENDAR"));

        Assert.Contains("VCALENDAR", ex.Message, StringComparison.Ordinal);
        Assert.Contains("VEVENT", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, writer.Depth);
        Assert.Equal(before, buffer.WrittenCount);
    }

    [Fact]
    public void EndComponent_NoneOpen_ThrowsInvalidOperationException()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new ContentLineWriter(buffer);

        Assert.Throws<InvalidOperationException>(() => writer.EndComponent("VEVENT"));
        Assert.Equal(0, buffer.WrittenCount);
    }

    [Fact]
    public void EndComponent_AlreadyEnded_ThrowsInvalidOperationException()
    {
        var writer = new ContentLineWriter(new ArrayBufferWriter<byte>());
        writer.BeginComponent("VEVENT");
        writer.EndComponent("VEVENT");

        Assert.Throws<InvalidOperationException>(() => writer.EndComponent("VEVENT"));
    }

    [Fact]
    public void BeginComponent_InvalidName_ThrowsArgumentException()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new ContentLineWriter(buffer);

        var ex = Assert.Throws<ArgumentException>(() => writer.BeginComponent("VEVENT\r\nX"));

        Assert.Equal("name", ex.ParamName);
        Assert.Equal(0, writer.Depth);
        Assert.Equal(0, buffer.WrittenCount);
    }

    [Fact]
    public void BeginComponent_WhilePropertyOpen_ThrowsInvalidOperationException()
    {
        var writer = new ContentLineWriter(new ArrayBufferWriter<byte>());
        writer.BeginProperty("SUMMARY");

        Assert.Throws<InvalidOperationException>(() => writer.BeginComponent("VEVENT"));
        Assert.Equal(0, writer.Depth);
    }

    [Fact]
    public void EndComponent_WhilePropertyOpen_ThrowsInvalidOperationException()
    {
        var writer = new ContentLineWriter(new ArrayBufferWriter<byte>());
        writer.BeginComponent("VEVENT");
        writer.BeginProperty("SUMMARY");

        Assert.Throws<InvalidOperationException>(() => writer.EndComponent("VEVENT"));
        Assert.Equal(1, writer.Depth);
    }

    [Fact]
    public void BeginProperty_WhilePropertyOpen_ThrowsInvalidOperationException()
    {
        var writer = new ContentLineWriter(new ArrayBufferWriter<byte>());
        writer.BeginProperty("SUMMARY");

        Assert.Throws<InvalidOperationException>(() => writer.BeginProperty("DESCRIPTION"));
    }

    [Fact]
    public void EndProperty_NoneOpen_ThrowsInvalidOperationException()
    {
        var writer = new ContentLineWriter(new ArrayBufferWriter<byte>());

        Assert.Throws<InvalidOperationException>(writer.EndProperty);
    }

    [Fact]
    public void EndProperty_Twice_ThrowsInvalidOperationException()
    {
        var writer = new ContentLineWriter(new ArrayBufferWriter<byte>());
        writer.BeginProperty("SUMMARY");
        writer.Text("x");
        writer.EndProperty();

        Assert.Throws<InvalidOperationException>(writer.EndProperty);
    }

    [Fact]
    public void Text_WithoutProperty_ThrowsInvalidOperationException()
    {
        var writer = new ContentLineWriter(new ArrayBufferWriter<byte>());

        Assert.Throws<InvalidOperationException>(() => writer.Text("x"));
    }

    [Fact]
    public void EndProperty_WithoutValue_WritesEmptyValue()
    {
        string written = Write(w =>
        {
            w.BeginProperty("X-EMPTY");
            w.EndProperty();
        });

        Assert.Equal("X-EMPTY:\r\n", written);
    }

    [Fact]
    public void EndProperty_PropertyDone_BytesReachTheOutput()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new ContentLineWriter(buffer);

        writer.WriteToken("VERSION", "2.0");

        Assert.Equal("VERSION:2.0\r\n", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void WriteToken_RejectedToken_WriterStillWritesTheNextProperty()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new ContentLineWriter(buffer);
        Assert.Throws<ArgumentException>(() => writer.WriteToken("VERSION", "2;0"));

        writer.WriteToken("VERSION", "2.0");

        Assert.Equal("VERSION:2.0\r\n", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void WriteTextList_NullAfterLongValue_NothingOfTheLineReachesTheOutput()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new ContentLineWriter(buffer);

        Assert.Throws<ArgumentNullException>(() => writer.WriteTextList("CATEGORIES", [A(600), null!]));

        Assert.Equal(0, buffer.WrittenCount);
    }

    // ---------------------------------------------------------------- injection

    [Fact]
    public void WriteText_LineBreaksAndComponentLines_StayOneLogicalLine()
    {
        const string text = "x\r\nEND:VEVENT\r\nBEGIN:VEVENT";
        byte[] bytes = WriteBytes(w =>
        {
            w.BeginComponent("VEVENT");
            w.WriteText("SUMMARY", text);
            w.EndComponent("VEVENT");
        });

        Assert.Equal("BEGIN:VEVENT\r\nSUMMARY:x\\nEND:VEVENT\\nBEGIN:VEVENT\r\nEND:VEVENT\r\n", Encoding.UTF8.GetString(bytes));
        var lines = IcsReader.Unfold(bytes);
        Assert.Equal(["BEGIN:VEVENT", "SUMMARY:x\\nEND:VEVENT\\nBEGIN:VEVENT", "END:VEVENT"], lines);
        var (name, parameters, value) = IcsReader.Parse(lines[1]);
        Assert.Equal("SUMMARY", name);
        Assert.Empty(parameters);
        Assert.Equal("x\nEND:VEVENT\nBEGIN:VEVENT", Assert.Single(IcsReader.UnescapeText(value)));
    }

    [Fact]
    public void WriteText_BareCarriageReturnsAndLineFeeds_StayOneLogicalLine()
    {
        byte[] bytes = WriteBytes(w => w.WriteText("SUMMARY", "a\rEND:VEVENT\nBEGIN:VTODO\r"));

        Assert.Equal("SUMMARY:a\\nEND:VEVENT\\nBEGIN:VTODO\\n\r\n", Encoding.UTF8.GetString(bytes));
        Assert.Single(IcsReader.Unfold(bytes));
    }

    [Fact]
    public void Parameter_QuoteColonAndLineBreak_CannotEndTheParameterOrTheLine()
    {
        byte[] bytes = WriteBytes(w =>
        {
            w.BeginProperty("ATTACH");
            w.Parameter("X-LABEL", "a\";X-EVIL=1:\r\nEND:VEVENT");
            w.Text("body");
            w.EndProperty();
        });

        Assert.Equal("ATTACH;X-LABEL=\"a^';X-EVIL=1:^nEND:VEVENT\":body\r\n", Encoding.UTF8.GetString(bytes));
        var (_, parameters, value) = IcsReader.Parse(Assert.Single(IcsReader.Unfold(bytes)));
        var parameter = Assert.Single(parameters);
        Assert.Equal("a\";X-EVIL=1:\nEND:VEVENT", IcsReader.UnescapeParameter(parameter.Value));
        Assert.Equal("body", value);
    }

    [Fact]
    public void WriteTextList_ValueWithComma_StaysOneValue()
    {
        byte[] bytes = WriteBytes(w => w.WriteTextList("CATEGORIES", ["Family, close", "Work"]));

        var values = IcsReader.UnescapeText(IcsReader.Parse(Assert.Single(IcsReader.Unfold(bytes))).Value, list: true);
        Assert.Equal(["Family, close", "Work"], values);
    }

    /// <summary>
    /// CI runs the feed tests again with DOTNET_EnableAVX512=0, DOTNET_EnableAVX2=0 and DOTNET_EnableHWIntrinsic=0
    /// (.ci/run), so the 128-bit and the scalar paths of the text escaping are tested wherever wider ones exist: those
    /// runs are only worth something if the switches really turn the paths off.
    /// </summary>
    [Fact]
    public void TheVectorWidthsCiForcesOff_AreOffInThisProcess()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_EnableHWIntrinsic") == "0")
        {
            Assert.False(System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated);
        }

        if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX2") == "0")
        {
            Assert.False(System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated);
        }

        // .NET 10 turns AVX-512 off with DOTNET_EnableAVX512 (DOTNET_EnableAVX512F alone no longer does; CI sets both).
        if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX512") == "0")
        {
            Assert.False(System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated);
        }

        // A text long enough for every path (32 characters and more), with what TEXT escapes: it reads back as written.
        string text = string.Concat(Enumerable.Repeat("é,;\\ab\n plain ASCII words 0123456789 ", 40));
        var buffer = new ArrayBufferWriter<byte>();
        new ContentLineWriter(buffer).WriteText("DESCRIPTION", text);

        Assert.Equal(text, IcsReader.UnescapeText(IcsReader.Parse(Assert.Single(IcsReader.Unfold(buffer.WrittenSpan.ToArray()))).Value).Single());
    }
}
