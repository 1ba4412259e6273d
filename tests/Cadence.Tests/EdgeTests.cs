using System;
using System.Linq;
using Cadence.Calendars;
using Cadence.Feed;
using Cadence.Levelling;
using Cadence.Planning;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;

namespace Cadence.Tests;

/// <summary>
/// The library's edges: the range of dates it accepts (<see cref="SupportedDates"/>), SEQUENCE at its limit, errors
/// that name the value in a short excerpt, and text with control characters. One regression test per finding of the
/// public API fuzz (issue 13), and properties over the whole accepted range.
/// </summary>
public sealed class EdgeTests
{
    private static readonly LocalDate Far = new(9999, 12, 31);
    private static readonly LocalDate Today = new(2026, 3, 13);
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static Diary OneClient() => new([new Relationship("zoe", "Zoë Müller", "client")], [new Touch("zoe", Today.PlusDays(-20), Channel.Meeting)]);

    /// <summary>The exception names the parameter and quotes the value as a date.</summary>
    private static void RefusedNaming(string param, string value, Func<object> act)
    {
        var e = Assert.ThrowsAny<ArgumentException>(act);
        Assert.Equal(param, e.ParamName);
        Assert.Contains(value, e.Message, StringComparison.Ordinal);
        Assert.Contains("1900-01-01 to 2999-12-31", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFarFutureDate_IsRefusedWhereItEnters_NamingTheParameterAndTheValue()
    {
        // Before, each was accepted and every later plan threw OverflowException from inside the scheduler, the
        // leveller or the call window: one date made the diary unusable.
        RefusedNaming("date", "9999-12-31", () => new Commitment("c1", "zoe", Far, "chase"));
        RefusedNaming("madeOn", "9999-12-31", () => new Commitment("c1", "zoe", Today, "chase", madeOn: Far));
        RefusedNaming("To", "9999-12-31", () => new ManualMove("zoe", Far, Today));
        RefusedNaming("MadeOn", "9999-12-31", () => new ManualMove("zoe", Today, Far));
        RefusedNaming("To", "9999-12-31", () => new ManualMove("zoe", Today, Today) with { To = Far });
        RefusedNaming("until", "9999-12-31", () => new Relationship("zoe", "Zoë", "client").PauseUntil(Far));
        RefusedNaming("date", "9999-12-31", () => new Touch("zoe", Far, Channel.Call));
        RefusedNaming("date", "9999-12-31", () => new Touch("zoe", Today, Channel.Call).WithDate(Far));
        RefusedNaming("date", "9999-12-31", () => new Commitment("c1", "zoe", Today, "chase").MoveTo(Far));
        RefusedNaming("on", "9999-12-31", () => new Commitment("c1", "zoe", Today, "chase").MarkDone(Far));
        RefusedNaming("on", "9999-12-31", () => new Commitment("c1", "zoe", Today, "chase").Drop(Far));
        RefusedNaming("to", "9999-12-31", () => OneClient().MoveNextTouch("zoe", Far, Today));
        RefusedNaming("day", "9999-12-31", () => OneClient().AsOf(Far));
        RefusedNaming("today", "9999-12-31", () => new Scheduler().Plan(OneClient(), Far));
        RefusedNaming("today", "9999-12-31", () => new Scheduler().PlanFor(OneClient(), "zoe", Far)!);
        RefusedNaming("holidays", "9999-12-31", () => new OwnerCalendar(DateTimeZone.Utc).WithHolidays(Far));
        RefusedNaming("end", "9999-12-31", () => new OwnerCalendar(DateTimeZone.Utc).WithTimeOff(Today, Far));
        RefusedNaming("start", "-9998-01-01", () => new OwnerCalendar(DateTimeZone.Utc).WithTimeOff(LocalDate.MinIsoValue, Today));
        RefusedNaming("date", "1899-12-31", () => new Touch("zoe", SupportedDates.Earliest.PlusDays(-1), Channel.Call));
    }

    [Fact]
    public void ADateBeforeYearOne_IsRefusedNamingIt_NotWithADayNumberError()
    {
        // Before: 6,340 fuzz cases got "Day number must be between 0 and DateOnly.MaxValue.DayNumber" from inside,
        // naming neither the parameter nor the date.
        var early = new LocalDate(-5, 6, 1);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Scheduler().Plan(new Diary([new Relationship("zoe", "Zoë", "client")], []), early));

        Assert.Equal("today", e.ParamName);
        Assert.StartsWith("The date -0005-06-01 (today) is outside", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Day number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeOffCoveringAllOfTime_IsRefused_AndTimeOffOverTheWholeRangeIsAClearLevellingError()
    {
        RefusedNaming("start", "-9998-01-01", () => new OwnerCalendar(DateTimeZone.Utc).WithTimeOff(LocalDate.MinIsoValue, LocalDate.MaxIsoValue));

        // Time off over every accepted day: levelling stops at once and says what is wrong.
        var calendar = new OwnerCalendar(DateTimeZone.Utc).WithTimeOff(SupportedDates.Earliest, SupportedDates.Latest);
        var e = Assert.Throws<InvalidOperationException>(() => new Leveller(calendar).Level(new Scheduler().Plan(OneClient(), Today)));

        Assert.Contains("no working day", e.Message, StringComparison.Ordinal);
        Assert.Contains("check its time off", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheClockOrTheFeedTimeFarOutside_IsRefusedNamingIt()
    {
        RefusedNaming("clock", "9999", () => new Scheduler().Plan(OneClient(), new FakeClock(Instant.MaxValue), DateTimeZone.Utc));
        var plan = new Scheduler().Plan(OneClient(), Today);
        RefusedNaming("now", "9999", () => new FeedWriter(new FeedOptions("Cadence", Key)).Write(plan, FeedState.Empty, Instant.MaxValue, out _));
        RefusedNaming("lastModified", "-9998", () => FeedState.FromEntries([], Instant.MinValue));
    }

    [Fact]
    public void DatesInAnotherCalendar_AreRefusedNamingTheCalendar()
    {
        var julian = new LocalDate(2026, 3, 1, CalendarSystem.Julian);

        var e = Assert.Throws<ArgumentException>(() => new Touch("zoe", julian, Channel.Call));
        Assert.Equal("date", e.ParamName);
        Assert.Contains("Julian", e.Message, StringComparison.Ordinal);
        Assert.Equal("from", Assert.Throws<ArgumentException>(() => Agenda.For(new Scheduler().Plan(OneClient(), Today), julian)).ParamName);
    }

    [Fact]
    public void Agenda_UpToLocalDateMaxIsoValue_IsEveryTouchFromItsFirstDay()
    {
        // Before: OverflowException on to.PlusDays(1).
        var plan = new Scheduler().Plan(OneClient(), Today);

        var agenda = Agenda.For(plan, Today, LocalDate.MaxIsoValue);

        Assert.Equal(plan.Touches.Where(t => t.Due >= Today).Select(t => t.RelationshipId), agenda.Touches.Select(t => t.RelationshipId));
        Assert.Equal(plan.Touches.Count, Agenda.For(plan, LocalDate.MinIsoValue, LocalDate.MaxIsoValue).Touches.Count);
    }

    [Fact]
    public void Sequence_AtTheInt32Limit_StaysThere_AndTheStateReadsBack()
    {
        // Before: the next change wrote SEQUENCE:-2147483648 into the feed and the state, which FromEntries refused.
        var writer = new FeedWriter(new FeedOptions("Cadence", Key));
        var first = writer.Write(new Scheduler().Plan(OneClient(), Today), FeedState.Empty, Instant.FromUtc(2026, 3, 13, 8, 0), out _);
        var atLimit = FeedState.FromEntries(first.State.Entries.Select(e => e with { Sequence = int.MaxValue }), first.State.LastModified);
        var renamed = OneClient().Update(OneClient()["zoe"].WithName("Zoë Weber"));

        var next = writer.Write(new Scheduler().Plan(renamed, Today), atLimit, Instant.FromUtc(2026, 3, 13, 9, 0), out string text);

        Assert.True(next.Changed);
        Assert.Contains("SEQUENCE:2147483647\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SEQUENCE:-", text, StringComparison.Ordinal);
        Assert.All(next.State.Entries, e => Assert.Equal(int.MaxValue, e.Sequence));
        Assert.Equal(next.State.Entries, FeedState.FromEntries(next.State.Entries, next.State.LastModified).Entries);
    }

    [Fact]
    public void AHugeBadValue_IsQuotedAsAShortExcerpt()
    {
        // Before: an unknown zone id of 10 MB was copied whole into the exception's message.
        string huge = new('x', 10_000_000);

        var zone = Assert.Throws<ArgumentException>(() => OwnerCalendar.ForZone(huge));
        var name = Assert.Throws<ArgumentException>(() => new Relationship("zoe", huge, "client"));
        var id = Assert.Throws<ArgumentException>(() => new Relationship(new string(' ', 1_000_000), "Zoë", "client"));

        Assert.Equal("zoneId", zone.ParamName);
        Assert.Contains("\"xxxxxxxxxx", zone.Message, StringComparison.Ordinal);
        Assert.All([zone, name, id], e => Assert.True(e.Message.Length < 300, $"{e.Message.Length} characters"));
    }

    [Theory]
    [InlineData("Eve\u001b]0;owned\u0007", "U+001B", 3)]
    [InlineData("Zoë\0", "U+0000", 3)]
    [InlineData("Bob\u007f", "U+007F", 3)]
    [InlineData("Ana\u0085x", "U+0085", 3)]
    public void ControlCharacters_InNamesAndNotes_AreRefusedNamingTheCharacterAndWhere(string text, string character, int at)
    {
        Assert.All(
            new Func<object>[]
            {
                () => new Relationship("zoe", text, "client"),
                () => new Relationship("zoe", "Zoë", "client").WithTags(text),
                () => new Touch("zoe", Today, Channel.Call, summary: text),
                () => new Touch("zoe", Today, Channel.Call, medium: text),
                () => new Commitment("c1", "zoe", Today, text),
                () => new FeedOptions(text, Key),
            },
            act =>
            {
                var e = Assert.Throws<ArgumentException>(act);
                Assert.NotNull(e.ParamName);
                Assert.Contains($"{character} at position {at}", e.Message, StringComparison.Ordinal);
                Assert.DoesNotContain('\u001b', e.Message);
            });
    }

    [Fact]
    public void LineBreaksAndTabs_InNamesAndNotes_AreText_AndTheFeedEscapesThem()
    {
        var diary = new Diary(
            [new Relationship("zoe", "Zoë\tMüller\r\nEND:VEVENT", "client")],
            [new Touch("zoe", Today.PlusDays(-40), Channel.Meeting, summary: "Line one\nline two")]);

        new FeedWriter(new FeedOptions("Cadence", Key)).Write(new Scheduler().Plan(diary, Today), FeedState.Empty, Instant.FromUtc(2026, 3, 13, 8, 0), out string text);

        Assert.Single(text.Split("\r\n"), l => l == "END:VEVENT");
        Assert.Contains("SUMMARY:Call Zoë\tMüller\\nEND:VEVENT\r\n", text.Replace("\r\n ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Line one\\nline two", text.Replace("\r\n ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>Dates drawn over NodaTime's whole ISO range, most of them near the ends of <see cref="SupportedDates"/> and of LocalDate itself.</summary>
    private static Gen<LocalDate> AnyDate =>
        Gen.OneOf(
            Gen.Choose(-400, 400).Select(d => SupportedDates.Earliest.PlusDays(d)),
            Gen.Choose(-400, 400).Select(d => SupportedDates.Latest.PlusDays(d)),
            Gen.Choose(0, 400).Select(d => LocalDate.MaxIsoValue.PlusDays(-d)),
            Gen.Choose(0, 400).Select(d => LocalDate.MinIsoValue.PlusDays(d)),
            Gen.Choose(0, Period.Between(LocalDate.MinIsoValue, LocalDate.MaxIsoValue, PeriodUnits.Days).Days).Select(d => LocalDate.MinIsoValue.PlusDays(d)));

    [Property(MaxTest = 2000)]
    public Property EveryDateEntry_AcceptsExactlyTheSupportedRange_ElseNamesItsParameter()
    {
        var entries = new (string Param, Action<LocalDate> Enter)[]
        {
            ("date", d => _ = new Touch("zoe", d, Channel.Call)),
            ("date", d => _ = new Commitment("c1", "zoe", d, "chase")),
            ("To", d => _ = new ManualMove("zoe", d, SupportedDates.Earliest)),
            ("until", d => _ = RelationshipState.Paused(d)),
            ("start", d => _ = new OwnerCalendar(DateTimeZone.Utc).WithTimeOff(d, SupportedDates.Latest)),
            ("holidays", d => _ = new OwnerCalendar(DateTimeZone.Utc).WithHolidays(d)),
            ("today", d => _ = new Scheduler().Plan(Diary.Empty, d)),
            ("day", d => _ = OneClient().AsOf(d)),
        };
        var gen = from date in AnyDate from entry in Gen.Elements(entries) select (date, entry);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            try
            {
                x.entry.Enter(x.date);
                return SupportedDates.Contains(x.date);
            }
            catch (ArgumentOutOfRangeException e)
            {
                return !SupportedDates.Contains(x.date) && e.ParamName == x.entry.Param
                    && e.Message.Contains(x.date.ToString("uuuu'-'MM'-'dd", null), StringComparison.Ordinal);
            }
        });
    }

    [Property(MaxTest = 300)]
    public Property AtTheEdgesOfTheRange_PlanLevelAgendaAndFeed_Succeed()
    {
        return Prop.ForAll(Generators.AtTheEdges.ToArbitrary(), s =>
        {
            var calendar = new OwnerCalendar(DateTimeZone.Utc)
                .WithTimeOff(s.Today, s.Today == SupportedDates.Latest ? s.Today : s.Today.PlusDays(1))
                .WithHolidays(SupportedDates.Earliest, SupportedDates.Latest);
            var plan = new Scheduler(s.Options.WithCalendar(calendar)).Plan(s.Diary, s.Today);
            var levelled = new Leveller(calendar).Level(plan);
            var agenda = Agenda.For(levelled, s.Today, LocalDate.MaxIsoValue);
            var now = s.Today.AtMidnight().InUtc().ToInstant();
            foreach (var layout in Enum.GetValues<FeedLayout>())
            {
                var options = new FeedOptions("Cadence", Key).WithLayout(layout).WithHorizonDays(3660).WithTimeZone(DateTimeZone.Utc);
                new FeedWriter(options).Write(levelled, FeedState.Empty, now, out string text);
                Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
            }

            return agenda.Touches.Count == levelled.Touches.Count(t => t.Due >= s.Today)
                && plan.Touches.Count == s.Diary.Relationships.Count(r => r.State.Status != RelationshipStatus.Archived);
        });
    }

    /// <summary>One generated value of each kind the public entries take.</summary>
    public sealed record AnyInput(int A, int B, string Text, LocalDate Date, Period Period, double Credit, long Seconds);

    private static Gen<int> AnyInt =>
        Gen.OneOf(
            Gen.Choose(-3, 400),
            Gen.Elements(int.MinValue, int.MaxValue, -1, 0, 1, 12, 13, 366, 367, 1000, 1001, 3660, 3661, 36600, 36601),
            ArbMap.Default.GeneratorFor<int>());

    private static Gen<AnyInput> AnyInputs =>
        from a in AnyInt
        from b in AnyInt
        from text in Gen.OneOf(
            Feed.ContentLineWriterProperties.HostileText,
            Gen.Elements(string.Empty, " ", "zoe", "Europe/London", "client", new string('x', 5000), new string('\u001b', 50)))
        from date in AnyDate
        from years in Gen.OneOf(Gen.Choose(-2, 3), Gen.Choose(99, 101))
        from months in Gen.OneOf(Gen.Choose(-2, 14), AnyInt)
        from weeks in Gen.OneOf(Gen.Choose(-2, 10), AnyInt)
        from days in AnyInt
        from credit in Gen.OneOf(Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.1, 0, 0.5, 1, 1.1), ArbMap.Default.GeneratorFor<double>())
        from seconds in Gen.OneOf(Gen.Choose(-100_000, 100_000).Select(n => (long)n), Gen.Elements(-1_000_000_000_000L, 1_000_000_000_000L, 0L))
        select new AnyInput(a, b, text, date, new PeriodBuilder { Years = years, Months = months, Weeks = weeks, Days = days }.Build(), credit, seconds);

    /// <summary>The public entries that take values, each given one generated input.</summary>
    private static readonly (string What, Func<AnyInput, object> Enter)[] Entries =
    [
        ("Relationship", x => new Relationship(x.Text, x.Text, x.Text)),
        ("Relationship.WithTags", x => new Relationship("zoe", "Zoë", "client").WithTags(x.Text)),
        ("Touch", x => new Touch("zoe", x.Date, (Channel)x.A, (Direction)x.B, Outcome.Connected, x.Text, x.Text)),
        ("Touch.WithOutcome", x => new Touch("zoe", Today, Channel.Call).WithOutcome((Outcome)x.A).WithId(x.Text)),
        ("Commitment", x => new Commitment(x.Text, "zoe", x.Date, x.Text, (Channel)x.A, kind: (CommitmentKind)x.B)),
        ("CadenceRule", x => new CadenceRule(x.Period, Period.FromDays(x.A), Period.FromDays(x.B))),
        ("CadenceRule.WithMaxGap", x => CadenceRule.FromWeeks(1, 2, 3).WithMaxGap(x.Period)),
        ("CadenceRules", x => CadenceRules.Default.With(x.Text, CadenceRule.FromWeeks(1, 2, 3)).For(x.Text)),
        ("FollowUpStep", x => new FollowUpStep(x.A, (Channel)x.B)),
        ("FollowUpLadder", x => new FollowUpLadder(x.Text, (DayCount)x.A, Enumerable.Repeat(new FollowUpStep(1, Channel.Call), Math.Clamp(x.B, 0, 20)))),
        ("TouchBudget", x => new TouchBudget(x.A).WithPerWeek(x.B).WithPerChannel((Channel)x.A, x.B)),
        ("OwnerCalendar.ForZone", x => OwnerCalendar.ForZone(x.Text)),
        ("OwnerCalendar", x => new OwnerCalendar(DateTimeZone.Utc).WithWorkingDays((IsoDayOfWeek)x.A).WithTimeOff(x.Date, x.Date).WithHolidays(x.Date)),
        ("FeedOptions", x => new FeedOptions(x.Text, new byte[Math.Clamp(x.A, 0, 64)]).WithHorizonDays(x.B)),
        ("FeedOptions durations", x => new FeedOptions("Cadence", Key).WithRefreshInterval(Duration.FromSeconds(x.Seconds)).WithAlarm(Duration.FromSeconds(x.Seconds)).WithTimedDuration(Duration.FromSeconds(x.Seconds))),
        ("FeedOptions texts", x => new FeedOptions("Cadence", Key).WithProductId(x.Text).WithDescription(x.Text).WithName(x.Text)),
        ("FeedState", x => FeedState.FromEntries([new FeedEntry(x.Text, 0, x.A, Instant.FromUnixTimeSeconds(x.Seconds))], null)),
        ("ChannelCredits", x => ChannelCredits.Default.With((Channel)x.A, x.Credit).WithNoReply(x.Credit)),
        ("SchedulerOptions", x => SchedulerOptions.Default.WithOfflineAfterOnlineTouches(x.A).WithMaxDegreeOfParallelism(x.B).WithDefaultChannel((Channel)x.A)),
        ("Scheduler.Plan", x => new Scheduler().Plan(OneClient(), x.Date)),
        ("Agenda.For", x => Agenda.For(new Scheduler().Plan(OneClient(), Today), x.Date, LocalDate.MaxIsoValue)),
        ("Diary.Log", x => OneClient().Log(new Touch(x.Text, Today, Channel.Call))),
    ];

    /// <summary>One line, but for the "Actual value was …" line that ArgumentOutOfRangeException adds.</summary>
    private static bool OneLineBesidesActualValue(string message)
    {
        string[] lines = message.Split('\n');
        return lines.Length <= 2 && (lines.Length == 1 || lines[1].StartsWith("Actual value was ", StringComparison.Ordinal))
            && lines.All(line => !line.TrimEnd('\r').Any(char.IsControl));
    }

    [Property(MaxTest = 3000)]
    public Property AnyPublicInput_IsAcceptedOrRefusedWithAnArgumentExceptionNamingItsParameter_InAShortLine()
    {
        var gen = from input in AnyInputs from entry in Gen.Elements(Entries) select (input, entry);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            try
            {
                x.entry.Enter(x.input);
                return true;
            }
            catch (ArgumentException e) when (e.ParamName is { Length: > 0 } && e.Message.Length < 400 && OneLineBesidesActualValue(e.Message))
            {
                return true;
            }
            catch (Exception e)
            {
                // Another exception type (an overflow, a null reference from inside), or an argument error without its
                // parameter, or a long or multi-line message.
                throw new InvalidOperationException($"{x.entry.What}: {e.GetType().Name} (parameter {e.GetType().GetProperty("ParamName")?.GetValue(e) ?? "none"}, {e.Message.Length} characters): {e.Message}", e);
            }
        });
    }
}
