using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO.Hashing;
using System.Linq;
using System.Text;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Text;
using static Cadence.Tests.Feed.FeedFixtures;

namespace Cadence.Tests.Feed;

/// <summary>
/// The fast paths of the feed (vectorized TEXT escaping with folding in place, UIDs kept as 160-bit values, reasons
/// rendered without strings, the compact state) give exactly what the plain ways give.
/// </summary>
[Properties(MaxTest = Generators.Runs * 5, QuietOnSuccess = true)]
public class FeedFastPathTests
{
    private static readonly string[] Pieces =
    [
        "Last met 41 days ago (coffee)", ", ", "; ", "\n", "\r\n", "\r", "\\", "\\\\", "é", "中", "😀", "\uD800", "\t", "\u0007",
        "\u0085", "x", "clients are due every 30 days (at most 45)", new string('a', 16), new string('b', 31), new string('c', 75),
    ];

    private static Gen<string> LongText =>
        Gen.OneOf(
            ContentLineWriterProperties.HostileText,
            Gen.Elements(Pieces).ArrayOf().Select(parts => string.Concat(parts)));

    private static Property ForAll<T>(Gen<T> gen, Func<T, bool> property) => Prop.ForAll(gen.ToArbitrary(), property);

    [Property]
    public Property Text_AnyTextAfterAnyPrefix_SameBytesAsWritingOneUnitAtATime()
    {
        var gen =
            from name in Gen.Choose(1, 73)
            from parts in LongText.ArrayOf()
            select (new string('X', name), parts);
        return ForAll(gen, x =>
        {
            var buffer = new ArrayBufferWriter<byte>();
            var writer = new ContentLineWriter(buffer);
            writer.BeginProperty(x.Item1);
            foreach (string part in x.parts)
            {
                writer.Text(part);
            }

            writer.EndProperty();
            return buffer.WrittenSpan.SequenceEqual(OneUnitAtATime(x.Item1, x.parts));
        });
    }

    [Property]
    public Property Text_InDeferredWriter_SameBytesAsWritingOneUnitAtATime()
    {
        return ForAll(LongText.ArrayOf(), parts =>
        {
            var writer = new ContentLineWriter(16);
            writer.BeginKnownProperty("DESCRIPTION");
            foreach (string part in parts)
            {
                writer.Text(part);
            }

            writer.EndProperty();
            return writer.Pending.SequenceEqual(OneUnitAtATime("DESCRIPTION", parts));
        });
    }

    [Fact]
    public void UidKey_ParseAndWrite_RoundTripTheUidText()
    {
        var bytes = Enumerable.Range(0, 20).Select(i => (byte)(i * 37)).ToArray();
        var key = UidKey.FromBytes(bytes);
        string uid = key.ToString();

        Assert.Equal(Base32(bytes) + "@cadence", uid);
        Assert.True(UidKey.TryParse(uid, out var parsed));
        Assert.Equal(key, parsed);
        Assert.False(UidKey.TryParse(uid.ToUpperInvariant(), out _));
        Assert.False(UidKey.TryParse(uid[1..], out _));
        Assert.False(UidKey.TryParse(uid.Replace("@cadence", "@example", StringComparison.Ordinal), out _));
    }

    [Theory]
    [InlineData("", "ef46db3751d8e999")]
    [InlineData("a", "d24ec4f1a98c6e5b")]
    [InlineData("abc", "44bc2cf5ad770999")]
    [InlineData("Cadence", "40adb9654cd6a631")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "60dd0d01083b99f0")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "e2df261fc2ec30eb")]
    [InlineData("yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy", "f27d5a84556caef4")]
    [InlineData("DTSTART;VALUE=DATE:20260313\r\nDTEND;VALUE=DATE:20260314\r\nTRANSP:TRANSPARENT\r\nSUMMARY:Call Zoë Müller\r\n", "2d798592abab0d5b")]
    public void XxHash64_KnownInputs_TheReferenceXxh64ThatStoredStatesHold(string input, string expected) =>
        Assert.Equal(expected, XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(input)).ToString("x16", CultureInfo.InvariantCulture));

    [Fact]
    public void Write_Unchanged_ReturnsTheSameStateStorage()
    {
        var plan = Plan();
        var (_, first) = Write(Options, plan);
        var (_, second) = Write(Options, plan, first.State, Now.Plus(Duration.FromDays(1)));

        Assert.Same(first.State, second.State);
    }

    [Fact]
    public void Write_OneWriterFromSeveralThreads_SameBytesAndStates()
    {
        var relationships = Enumerable.Range(0, 500).Select(i => new Relationship("r" + i, "Person " + i + (i % 7 == 0 ? " Zoë; \"Z\"" : string.Empty), "client"));
        var touches = Enumerable.Range(0, 500).Select(i => new Touch("r" + i, Today.PlusDays(-(i % 90)), (Channel)(i % 4), medium: i % 3 == 0 ? "coffee, then a walk" : null));
        var plan = new Scheduler().Plan(new Diary(relationships, touches), Today);
        var writer = new FeedWriter(Options);
        var (expected, first) = Write(Options, plan);

        var results = new (string Text, FeedResult Result)[16];
        System.Threading.Tasks.Parallel.For(0, results.Length, i =>
        {
            var result = writer.Write(plan, i % 2 == 0 ? FeedState.Empty : first.State, Now, out string text);
            results[i] = (text, result);
        });

        Assert.All(results, r => Assert.Equal(expected, r.Text));
        Assert.All(results, r => Assert.Equal(first.State.Entries, r.Result.State.Entries));
    }

    [Fact]
    public void FeedState_FromEntriesOfAnyUid_RoundTripsAndFinds()
    {
        var now = Instant.FromUtc(2026, 3, 13, 7, 30);
        string canonical = UidKey.FromBytes(new byte[20]).ToString();
        var entries = new[]
        {
            new FeedEntry("z-legacy@example.com", 1, 2, now),
            new FeedEntry(canonical, 3, 4, now.Plus(Duration.FromSeconds(1))),
            new FeedEntry("A", 5, 0, now),
        };
        var state = FeedState.FromEntries(entries, now);

        Assert.Equal(3, state.Count);
        Assert.Equal(entries.OrderBy(e => e.Uid, StringComparer.Ordinal), state.Entries);
        foreach (var entry in entries)
        {
            Assert.True(state.TryGet(entry.Uid, out var found));
            Assert.Equal(entry, found);
        }

        Assert.False(state.TryGet(UidKey.FromBytes(Enumerable.Repeat((byte)1, 20).ToArray()).ToString(), out _));
        Assert.False(state.TryGet("missing", out _));
    }

    [Fact]
    public void AppendDay_EveryDayOfFourHundredYearsAndTheEnds_AsThePattern()
    {
        var pattern = LocalDatePattern.Create("ddd d MMM uuuu", CultureInfo.InvariantCulture);
        var text = new TextBuffer();
        var days = Enumerable.Range(0, 146097).Select(i => new LocalDate(1800, 1, 1).PlusDays(i))
            .Concat([new LocalDate(1, 1, 1), new LocalDate(9999, 12, 31), new LocalDate(0, 6, 1), new LocalDate(-5, 2, 3), new LocalDate(10, 3, 4)]);
        foreach (var day in days)
        {
            text.Clear();
            text.AppendDay(day);
            Assert.Equal(pattern.Format(day), text.ToString());
        }
    }

    [Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = Generators.Runs)]
    public bool AppendWhy_AnyScenario_SameAsWhy(Scenario scenario)
    {
        var plan = new Scheduler(scenario.Options).Plan(scenario.Diary, scenario.Today);
        var text = new TextBuffer();
        var scratch = new ReasonScratch();
        foreach (var touch in plan.Touches)
        {
            // The feed's path first, while the touch has not made its reasons: made in the scratch, not kept.
            text.Clear();
            bool firstTouch = touch.AppendDatedWhy(text, scratch);
            if (touch.ReasonsMade || text.ToString() != touch.DatedWhy || firstTouch != touch.Reasons.Any(r => r is FirstTouchReason))
            {
                return false;
            }

            text.Clear();
            touch.AppendWhy(text);
            if (text.ToString() != touch.Why || touch.Why != Reason.Sentence(touch.Reasons))
            {
                return false;
            }

            // And once they are made, read back.
            text.Clear();
            touch.AppendDatedWhy(text, scratch);
            if (text.ToString() != touch.DatedWhy)
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void Reasons_WithOddValues_SameTextAsInterpolation()
    {
        var day = new LocalDate(2026, 3, 2);
        var touch = new Touch("r", day, Channel.Call, Direction.Inbound, Outcome.NoReply, "phone", "s");
        Assert.Equal("they tried to call 3 days ago (phone) and did not get through", new LatestTouchReason(touch, 3).ToString());
        Assert.Equal("they tried to call -1 day ago (phone) and did not get through, which counts as -0% of a full touch", new RenewalReason(touch, -1, -0.001).ToString());
        Assert.Equal("they tried to call yesterday (phone) and did not get through, which counts as 99% of a full touch", new RenewalReason(touch, 1, 0.999).ToString());
        Assert.Equal("they tried to call today (phone) and did not get through", new RenewalReason(touch, 0, double.NaN).ToString());
        Assert.Equal($"moved from Mon 2 Mar 2026: budget of {3} a day reached", new LevelledReason(day, day, MoveCause.DailyBudget, 3).ToString());
        Assert.Equal("moved from Mon 2 Mar 2026: budget of  a week reached", new LevelledReason(day, day, MoveCause.WeeklyBudget).ToString());
        Assert.Equal("the last 2 touches were online: take it offline with a meeting", new TakeItOfflineReason(2, Channel.Meeting).ToString());
        Assert.Equal("the last touch was online: take it offline with a 7", new TakeItOfflineReason(1, (Channel)7).ToString());
        Assert.Equal("Mon 2 Mar 2026 is over its call budget with fixed touches (5 for a budget of 4)", new OverbookedReason(day, 5, 4, Channel.Call).ToString());
        Assert.Equal("agencies are due every 2 weeks (at most 3)", new CadenceReason("agency", CadenceRule.FromWeeks(1, 2, 3), false).ToString());
        Assert.Equal("this relationship is due every 1 month and 2 weeks (at most 1 year, 2 months, 1 week and 3 days)",
            new CadenceReason("x", new CadenceRule(Period.FromDays(1), Period.FromMonths(1) + Period.FromWeeks(2), Period.FromYears(1) + Period.FromMonths(2) + Period.FromWeeks(1) + Period.FromDays(3)), true).ToString());
    }

    [Theory]
    [InlineData("client")]
    [InlineData("bus")]
    [InlineData("BOX")]
    [InlineData("church")]
    [InlineData("wiSH")]
    [InlineData("agency")]
    [InlineData("day")]
    [InlineData("VIPY")]
    [InlineData("y")]
    [InlineData("\u017F")]
    [InlineData("ma\u00DF")]
    [InlineData("x\uD83D\uDE00")]
    [InlineData("\u00E9y")]
    public void CadenceReason_AnyTier_PluralAsEndsWithIgnoringCase(string tier)
    {
        string plural =
            !char.IsLetter(tier[^1]) ? "\"" + tier + "\" relationships"
            : tier.EndsWith("s", StringComparison.OrdinalIgnoreCase) || tier.EndsWith("x", StringComparison.OrdinalIgnoreCase)
            || tier.EndsWith("ch", StringComparison.OrdinalIgnoreCase) || tier.EndsWith("sh", StringComparison.OrdinalIgnoreCase) ? tier + "es"
            : tier.Length > 1 && tier[^1] == 'y' && "aeiou".IndexOf(char.ToLowerInvariant(tier[^2])) < 0 ? tier[..^1] + "ies"
            : tier + "s";

        Assert.Equal(plural + " are due every 2 weeks (at most 3)", new CadenceReason(tier, CadenceRule.FromWeeks(1, 2, 3), false).ToString());
    }

    /// <summary>The writer as it was: every character written on its own, as an octet or a unit that is never split.</summary>
    private static byte[] OneUnitAtATime(string name, IEnumerable<string> parts)
    {
        var bytes = new List<byte>();
        int line = 0;
        void Byte(byte b)
        {
            if (line == ContentLineWriter.MaxLineOctets)
            {
                bytes.AddRange("\r\n "u8.ToArray());
                line = 1;
            }

            bytes.Add(b);
            line++;
        }

        void Unit(ReadOnlySpan<byte> unit)
        {
            if (line + unit.Length > ContentLineWriter.MaxLineOctets)
            {
                bytes.AddRange("\r\n "u8.ToArray());
                line = 1;
            }

            bytes.AddRange(unit.ToArray());
            line += unit.Length;
        }

        foreach (char c in name)
        {
            Byte((byte)c);
        }

        Unit(":"u8);
        Span<byte> scalar = stackalloc byte[4];
        foreach (string text in parts)
        {
            for (int i = 0; i < text.Length;)
            {
                char ch = text[i];
                if (ch < 0x80)
                {
                    i++;
                    switch (ch)
                    {
                        case '\\':
                            Unit("\\\\"u8);
                            break;
                        case ';':
                            Unit("\\;"u8);
                            break;
                        case ',':
                            Unit("\\,"u8);
                            break;
                        case '\n':
                            Unit("\\n"u8);
                            break;
                        case '\r':
                            if (i < text.Length && text[i] == '\n')
                            {
                                i++;
                            }

                            Unit("\\n"u8);
                            break;
                        default:
                            if (!ContentLineWriter.IsRemovedControl(ch))
                            {
                                Byte((byte)ch);
                            }

                            break;
                    }

                    continue;
                }

                Rune.DecodeFromUtf16(text.AsSpan(i), out Rune rune, out int used);
                i += used;
                if (!ContentLineWriter.IsRemovedControl(rune.Value))
                {
                    Unit(scalar[..rune.EncodeToUtf8(scalar)]);
                }
            }
        }

        bytes.AddRange("\r\n"u8.ToArray());
        return [.. bytes];
    }
}
