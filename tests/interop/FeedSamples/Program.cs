// Writes sample iCalendar feeds full of hostile user text, and beside each feed a JSON file of what it is MEANT to
// hold, computed from the plan (PlannedTouch) and the options, never by reading the .ics back. The checkers in
// tests/interop (ical.js, python-icalendar, khal) parse the feeds with independent software and compare.
//
// Usage: dotnet run --project tests/interop/FeedSamples -- OUTPUT_DIRECTORY
//
// Everything is fixed: the day planned for, the instants of the writes and the UID key; no clock is read.

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cadence;
using Cadence.Feed;
using Cadence.Explanations;
using Cadence.Levelling;
using Cadence.Planning;
using Cadence.Testing;
using NodaTime;
using NodaTime.Text;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: FeedSamples OUTPUT_DIRECTORY");
    return 2;
}

string output = Path.GetFullPath(args[0]);
Directory.CreateDirectory(output);
var samples = new Samples(output);
samples.WriteAll();
Console.WriteLine($"FeedSamples: wrote {samples.Written.Count} feeds to {output}: {string.Join(", ", samples.Written)}");
return 0;

/// <summary>User text that tries to break the feed.</summary>
internal static class Hostile
{
    /// <summary>A line break followed by what would end the event and start a forged one.</summary>
    public const string Injection = "x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected";

    /// <summary>Every character TEXT escapes or that means something in a content line, and a backslash before n, ',' and ';'.</summary>
    public const string Punctuation = "Back\\slash; semi, comma: colon \"quote\" ^caret^ \ttab C:\\new\\, a\\;b \\n end\\";

    /// <summary>Lone CR, lone LF, CRLF, and LF then CR.</summary>
    public const string Breaks = "one\rCR two\nLF three\r\nCRLF four\n\rLFCR five";

    /// <summary>Emoji: a skin tone, ZWJ sequences (technologist, family, rainbow flag with VS16).</summary>
    public const string Emoji = "Zoë Müller 👩🏽‍💻 👨‍👩‍👧‍👦 🏳️‍🌈 👍🏿";

    /// <summary>CJK, Hangul and combining marks (decomposed ë, a strike-through, stacked accents).</summary>
    public const string CjkCombining = "李娜 東京都 김민준 Zoe\u0308 Z\u0336a\u0300\u0301\u0302";

    /// <summary>
    /// Tabs and line breaks, the only control characters the library takes in text (it refuses BEL, NUL, DEL, NEL and
    /// ESC where they enter; the writer's own tests cover dropping them).
    /// </summary>
    public const string Controls = "tab\there\tand\r\nred\tend";

    /// <summary>A URL with percent-encoded ',', ';', ':' and '\' (which a TEXT value keeps as they are).</summary>
    public const string Url = "https://example.org/q?a=1%2C2&b=%3B%3A%5C";

    /// <summary>A tier name with the characters CATEGORIES must escape value by value.</summary>
    public const string Tier = "vip; \"gold\", a\\b: c^d";

    /// <summary>More than 300 characters mixing ASCII, escapes and multi-byte characters, to stress folding.</summary>
    public static readonly string Long = string.Concat(Enumerable.Repeat("Ünïcødé 名前 🎉; a,b\\c 👩🏽‍💻 ", 14)) + "END";

    /// <summary>Another long text, for a commitment's purpose.</summary>
    public static readonly string LongPurpose = "send the deck: " + string.Concat(Enumerable.Repeat("étape→次へ ✅, \"ok\"; ", 18)) + Injection;
}

/// <summary>Builds the diary, writes the feeds and their expectations.</summary>
internal sealed class Samples
{
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;
    private static readonly LocalDateTimePattern IsoLocal = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");
    private static readonly InstantPattern IsoInstant = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'");
    private static readonly LocalDatePattern DayPattern = LocalDatePattern.Create("ddd d MMM uuuu", CultureInfo.InvariantCulture);

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly string _output;
    private readonly LocalDate _today = FixedDays.Today;
    private readonly Instant _firstWrite = Instant.FromUtc(2026, 3, 13, 8, 0, 0);
    private readonly Instant _secondWrite = Instant.FromUtc(2026, 3, 13, 15, 45, 30);
    private readonly byte[] _uidKey = Convert.FromHexString("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    private readonly DateTimeZone _london = DateTimeZoneProviders.Tzdb["Europe/London"];
    private readonly Scheduler _scheduler = new();
    private readonly List<FeedManifestEntry> _manifest = [];

    public Samples(string output)
    {
        _output = output;
    }

    public List<string> Written { get; } = [];

    private FeedOptions BaseOptions => new FeedOptions("Cadence; \"feed\", ☕ a\\b: c", _uidKey)
        .WithDescription("Whom to contact\r\nand why; \"private\", 🔒");

    public void WriteAll()
    {
        var diary = BuildDiary();

        Write("events", "Default: one all-day VEVENT per planned touch, full names", BaseOptions, diary);
        Write("digest", "Daily digest: one all-day VEVENT per day", BaseOptions.WithLayout(FeedLayout.DailyDigest), diary);
        Write("tasks", "Tasks: one VTODO per planned touch", BaseOptions.WithLayout(FeedLayout.Tasks), diary);
        Write("initials", "Privacy: initials only", BaseOptions.WithPrivacy(FeedPrivacy.Initials), diary);
        Write("channel-only", "Privacy: nothing but the channel", BaseOptions.WithPrivacy(FeedPrivacy.ChannelOnly), diary);
        Write("alarm", "Events with a VALARM at 09:00 of each day", BaseOptions.WithAlarm(Duration.FromHours(9)), diary);

        // Timed commitments, written in UTC from the owner's zone: 10:00 BST is 09:00Z; 00:15 BST is 23:15Z the day before.
        var sam = diary.Commitments.Single(c => c.Id == "sam-1");
        var longOne = diary.Commitments.Single(c => c.Id == "long-1");
        var timedDiary = diary
            .Update(sam.MoveTo(new LocalDate(2026, 4, 2), new LocalTime(10, 0)))
            .Update(longOne.MoveTo(new LocalDate(2026, 4, 5), new LocalTime(0, 15)));
        Write(
            "timed",
            "Timed commitments in Europe/London written in UTC, with an alarm 15 minutes before",
            BaseOptions.WithTimeZone(_london).WithAlarm(Duration.FromMinutes(-15)),
            timedDiary);

        // The moved pair: the same diary written twice, the second time with a commitment moved to another day.
        var first = Write("moved-1", "Before the move (same as events)", BaseOptions, diary);
        var moved = sam.MoveTo(_today.PlusDays(10));
        var movedDiary = diary.Update(moved);
        string movedUid = UidOf(BaseOptions, movedDiary, ["sam"]);
        Write(
            "moved-2",
            $"After moving commitment sam-1 from {IsoDate.Format(sam.Date)} to {IsoDate.Format(moved.Date)}, written with the previous state",
            BaseOptions,
            movedDiary,
            first.State,
            _secondWrite,
            touch => touch.RelationshipId == "sam" ? (1, _secondWrite) : (0, _firstWrite),
            new MovedExpectation("moved-1", movedUid, "sam", IsoDate.Format(sam.Date), IsoDate.Format(moved.Date)));

        File.WriteAllText(Path.Combine(_output, "manifest.json"), JsonSerializer.Serialize(_manifest, Json), new UTF8Encoding(false));
        WriteYearlyDates();
    }

    /// <summary>
    /// yearly-dates.ics (not in the manifest: check_dates.sh reads it): the feed with each date that matters as an event
    /// of its own, and yearly-dates.json, each date's title and the days it falls on from 2026 to 2034 as the engine
    /// counts them (<see cref="ImportantDate.In"/>), which the readers must expand from its RRULE.
    /// </summary>
    private void WriteYearlyDates()
    {
        var dates = new (string Id, string Name, ImportantDate Date)[]
        {
            ("zoe", Hostile.Emoji, ImportantDate.Yearly("birthday", new AnnualDate(2, 29), 1988, LeapDayRule.March1)),
            ("li", Hostile.CjkCombining, ImportantDate.Yearly("leap day", new AnnualDate(2, 29))),
            ("sam", "Sam \"The Hammer\" O'Kafor ^_^ ; , :", ImportantDate.Relative("company day", 9, IsoDayOfWeek.Monday, 3)),
            ("sam", "Sam \"The Hammer\" O'Kafor ^_^ ; , :", ImportantDate.Relative("summer party", 6, IsoDayOfWeek.Friday, -1)),
            ("inj", Hostile.Injection, ImportantDate.Yearly("anniversary; \"wedding\", 1st", new AnnualDate(12, 31), 1970)),
            ("breaks", Hostile.Breaks, ImportantDate.Once("launch", new LocalDate(2026, 5, 4))),
        };
        var relationships = dates.GroupBy(d => d.Id).Select(g => new Relationship(g.Key, g.First().Name, "client").WithImportantDates(g.Select(d => d.Date))).ToList();
        var diary = new Diary(relationships);
        var options = BaseOptions.WithYearlyDates(true);
        using (var stream = File.Create(Path.Combine(_output, "yearly-dates.ics")))
        {
            new FeedWriter(options).Write(_scheduler.Plan(diary, _today), FeedState.Empty, _firstWrite, stream);
        }

        // In the feed's order: by relationship id, then label (ordinal).
        var expected = dates.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Date.Label, StringComparer.Ordinal).Select(d => new
        {
            summary = IcsReader.Expected(d.Name + ": " + d.Date.Label),
            days = Enumerable.Range(2026, 9).Select(y => d.Date.In(y)).OfType<LocalDate>().Select(IsoDate.Format).ToList(),
        }).ToList();
        File.WriteAllText(Path.Combine(_output, "yearly-dates.json"), JsonSerializer.Serialize(expected, Json), new UTF8Encoding(false));
        Written.Add("yearly-dates.ics");
    }

    private Diary BuildDiary()
    {
        var today = _today;
        return new Diary(
            relationships:
            [
                new Relationship("zoe", Hostile.Emoji, "client"),
                new Relationship("li", Hostile.CjkCombining, "referral source").WithPreferredChannels(Channel.Note),
                new Relationship("inj", Hostile.Injection, Hostile.Tier),
                new Relationship("punct", Hostile.Punctuation, "prospect").WithPreferredChannels(Channel.Call),
                new Relationship("breaks", Hostile.Breaks, "client"),
                new Relationship("long", Hostile.Long, "client"),
                new Relationship("sam", "Sam \"The Hammer\" O'Kafor ^_^ ; , :", "prospect"),
            ],
            touches:
            [
                new Touch("zoe", today.PlusDays(-20), Channel.Meeting, medium: Hostile.Punctuation, summary: Hostile.Injection),
                new Touch("li", today.PlusDays(-30), Channel.Social, Direction.Inbound, medium: "WeChat 微信 💬"),
                new Touch("li", today.PlusDays(-25), Channel.Note, medium: Hostile.CjkCombining, summary: Hostile.Emoji),
                new Touch("breaks", today.PlusDays(-40), Channel.Meeting, medium: "tea\r\nand cake", summary: Hostile.Breaks),
                new Touch("breaks", today.PlusDays(-10), Channel.Call, outcome: Outcome.NoReply, medium: Hostile.Controls, summary: Hostile.Controls),
                new Touch("long", today.PlusDays(-5), Channel.Note, medium: "e-mail ✉️", summary: Hostile.Long),
                new Touch("sam", today.PlusDays(-9), Channel.Meeting, medium: "ExpoLondon stand 🏢"),
            ],
            commitments:
            [
                new Commitment("sam-1", "sam", today.PlusDays(3), "chase feedback; \"v2\", ok?\r\nthen call\\back ✅ " + Hostile.Url + " " + Hostile.Injection, Channel.Call),
                new Commitment("long-1", "long", today.PlusDays(5), Hostile.LongPurpose, Channel.Note),
            ]);
    }

    private FeedResult Write(string name, string about, FeedOptions options, Diary diary) =>
        Write(name, about, options, diary, FeedState.Empty, _firstWrite, _ => (0, _firstWrite), null);

    private FeedResult Write(
        string name,
        string about,
        FeedOptions options,
        Diary diary,
        FeedState previous,
        Instant now,
        Func<PlannedTouch, (int Sequence, Instant LastModified)> expectedChange,
        MovedExpectation? moved)
    {
        var plan = _scheduler.Plan(diary, _today);
        string file = name + ".ics";
        FeedResult result;
        using (var stream = File.Create(Path.Combine(_output, file)))
        {
            result = new FeedWriter(options).Write(plan, previous, now, stream);
        }

        LocalDate last = _today.PlusDays(options.HorizonDays - 1);
        var touches = plan.Touches.Where(t => t.Due <= last).ToList();
        var components = options.Layout == FeedLayout.DailyDigest
            ? touches.GroupBy(t => t.Due).Select(day => Digest(options, diary, day.Key, day.ToList())).ToList()
            : touches.Select(t => Component(options, diary, t, expectedChange(t))).ToList();

        var expected = new FeedExpectation(
            name,
            file,
            about,
            options.Layout.ToString(),
            options.Privacy.ToString(),
            IsoDate.Format(_today),
            new CalendarExpectation(IcsReader.Expected(options.Name), options.Description is { } d ? IcsReader.Expected(d) : null, "PT4H", options.ProductId),
            result.State.Entries.Select(e => e.Uid).ToList(),
            components,
            moved);

        string json = name + ".json";
        File.WriteAllText(Path.Combine(_output, json), JsonSerializer.Serialize(expected, Json), new UTF8Encoding(false));
        _manifest.Add(new FeedManifestEntry(name, file, json));
        Written.Add(file);
        return result;
    }

    private ComponentExpectation Component(FeedOptions options, Diary diary, PlannedTouch touch, (int Sequence, Instant LastModified) change)
    {
        bool task = options.Layout == FeedLayout.Tasks;
        string summary = Summary(options, touch);
        string? description = Description(options, touch);
        var contains = new List<string>();
        if (description is not null)
        {
            contains.Add(IcsReader.Expected(touch.DatedWhy));
            if (options.Privacy == FeedPrivacy.FullNames && touch.LastTouch?.Summary is { } lastSummary)
            {
                contains.Add(IcsReader.Expected(lastSummary));
            }
        }

        string[] categories = options.Privacy == FeedPrivacy.FullNames
            ? ["Cadence", ChannelName(touch.Channel), touch.Relationship.Tier]
            : ["Cadence", ChannelName(touch.Channel)];

        string uid = UidOf(options, diary, [touch.RelationshipId]);
        string? start = null, end = null, due = null, localStart = null, zone = null;
        bool allDay = true;
        if (task)
        {
            due = IsoDate.Format(touch.Due);
        }
        else if (touch.Time is { } time)
        {
            // What was meant: that local time in the owner's zone; the instant is what the calendar must show.
            var tz = options.TimeZone ?? throw new InvalidOperationException("a timed touch needs a time zone");
            var startInstant = tz.AtStrictly(touch.Due.At(time)).ToInstant();
            allDay = false;
            start = IsoInstant.Format(startInstant);
            end = IsoInstant.Format(startInstant + options.TimedDuration);
            localStart = IsoLocal.Format(touch.Due.At(time));
            zone = tz.Id;
        }
        else
        {
            start = IsoDate.Format(touch.Due);
            end = IsoDate.Format(touch.Due.PlusDays(1));
        }

        AlarmExpectation? alarm = options.Alarm is { } offset && !task
            ? new AlarmExpectation("DISPLAY", DurationText(offset), (long)offset.TotalSeconds, IcsReader.Expected(summary))
            : null;

        return new ComponentExpectation(
            task ? "VTODO" : "VEVENT",
            uid,
            [touch.RelationshipId],
            allDay,
            start,
            end,
            due,
            localStart,
            zone,
            IcsReader.Expected(summary),
            description is null ? null : IcsReader.Expected(description),
            contains,
            categories.Select(IcsReader.Expected).ToList(),
            change.Sequence,
            IsoInstant.Format(change.LastModified),
            task ? null : allDay ? "TRANSPARENT" : "OPAQUE",
            task ? "NEEDS-ACTION" : null,
            "PRIVATE",
            alarm);
    }

    private ComponentExpectation Digest(FeedOptions options, Diary diary, LocalDate day, List<PlannedTouch> touches)
    {
        string count = touches.Count == 1 ? "1 touch" : touches.Count.ToString(CultureInfo.InvariantCulture) + " touches";
        bool channelOnly = options.Privacy == FeedPrivacy.ChannelOnly;
        string summary = channelOnly
            ? "Cadence: " + count
            : "Cadence: " + count + ": " + string.Join(", ", touches.Select(t => Who(options, t)));
        string description = string.Join("\n", touches.Select(t => channelOnly ? "• " + Summary(options, t) : "• " + Summary(options, t) + ": " + t.DatedWhy));
        var categories = new[] { "Cadence" }.Concat(touches.Select(t => ChannelName(t.Channel)).Distinct().Order(StringComparer.Ordinal)).ToList();
        var ids = touches.Select(t => t.RelationshipId).ToList();
        AlarmExpectation? alarm = options.Alarm is { } offset
            ? new AlarmExpectation("DISPLAY", DurationText(offset), (long)offset.TotalSeconds, IcsReader.Expected(summary))
            : null;
        return new ComponentExpectation(
            "VEVENT",
            UidOf(options, diary, ids),
            ids,
            true,
            IsoDate.Format(day),
            IsoDate.Format(day.PlusDays(1)),
            null,
            null,
            null,
            IcsReader.Expected(summary),
            IcsReader.Expected(description),
            touches.Select(t => IcsReader.Expected(t.DatedWhy)).ToList(),
            categories.Select(IcsReader.Expected).ToList(),
            0,
            IsoInstant.Format(_firstWrite),
            "TRANSPARENT",
            null,
            "PRIVATE",
            alarm);
    }

    /// <summary>
    /// The UID the writer gives the event of these relationships, found through the public API alone: the same
    /// options write a plan of a diary holding only them, which has exactly one event. A UID names a planned touch
    /// (or a day, for a digest), so it must not depend on the rest of the diary; the checkers also compare these
    /// UIDs with the full feed's state.
    /// </summary>
    private string UidOf(FeedOptions options, Diary diary, IReadOnlyCollection<string> relationshipIds)
    {
        var ids = relationshipIds.ToHashSet(StringComparer.Ordinal);
        var sub = new Diary(
            diary.Relationships.Where(r => ids.Contains(r.Id)),
            diary.Touches.Where(t => ids.Contains(t.RelationshipId)),
            diary.Commitments.Where(c => ids.Contains(c.RelationshipId)));
        var result = new FeedWriter(options).Write(_scheduler.Plan(sub, _today), FeedState.Empty, _firstWrite, Stream.Null);
        if (result.State.Count != 1)
        {
            throw new InvalidOperationException($"A feed of {string.Join(", ", ids)} alone has {result.State.Count} events, not 1.");
        }

        return result.State.Entries[0].Uid;
    }

    private static string Summary(FeedOptions options, PlannedTouch touch) => options.Privacy switch
    {
        FeedPrivacy.ChannelOnly => touch.Channel switch
        {
            Channel.Meeting => "Meet",
            Channel.Call => "Call",
            Channel.Note => "Write a note",
            _ => "Reach out online",
        },
        _ => Verb(touch.Channel) + " " + Who(options, touch),
    };

    private static string Verb(Channel channel) => channel switch
    {
        Channel.Meeting => "Meet",
        Channel.Call => "Call",
        Channel.Note => "Write to",
        _ => "Reach out online to",
    };

    private static string Who(FeedOptions options, PlannedTouch touch) =>
        options.Privacy == FeedPrivacy.Initials ? Initials(touch.Name) : touch.Name;

    /// <summary>
    /// "Zoë Müller" → "Z. M.": in each whitespace-separated word, the first grapheme cluster that starts with a letter
    /// or digit, upper-cased; words without one (an emoji) are skipped; "?" when no word has one.
    /// </summary>
    private static string Initials(string name)
    {
        var initials = new List<string>();
        foreach (string word in name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            for (int i = 0; i < word.Length;)
            {
                string element = StringInfo.GetNextTextElement(word, i);
                if (char.IsLetterOrDigit(word, i))
                {
                    initials.Add(element.ToUpperInvariant() + ".");
                    break;
                }

                i += element.Length;
            }
        }

        return initials.Count > 0 ? string.Join(" ", initials) : "?";
    }

    private static string? Description(FeedOptions options, PlannedTouch touch)
    {
        if (options.Privacy == FeedPrivacy.ChannelOnly)
        {
            return null;
        }

        var text = new StringBuilder(touch.DatedWhy);
        text.Append("\nSuggested channel: ").Append(ChannelName(touch.Channel).ToLowerInvariant()).Append('.');
        text.Append(
            touch.NotAfter < touch.NotBefore || touch.Due > touch.NotAfter ? "\nLatest day was " + DayPattern.Format(touch.NotAfter) + "."
            : touch.WindowOpens is not { } opens ? string.Empty
            : touch.Reasons.OfType<FirstTouchReason>().Any() ? "\nFrom " + DayPattern.Format(opens) + "."
            : opens == touch.NotAfter ? "\nOnly on " + DayPattern.Format(touch.NotAfter) + "."
            : "\nWindow: " + DayPattern.Format(opens) + " to " + DayPattern.Format(touch.NotAfter) + ".");
        if (options.Privacy == FeedPrivacy.FullNames && touch.LastTouch is { } last)
        {
            text.Append("\nLast touch: ").Append(DayPattern.Format(last.Date)).Append(", ");
            if (last.Direction == Direction.Inbound)
            {
                text.Append("inbound ");
            }

            text.Append(ChannelName(last.Channel).ToLowerInvariant());
            if (last.Medium is { } medium)
            {
                text.Append(" (").Append(medium).Append(')');
            }

            if (last.Outcome == Outcome.NoReply)
            {
                text.Append(", no reply");
            }

            if (last.Summary is { } summary)
            {
                text.Append(": ").Append(summary);
            }

            text.Append('.');
        }

        return text.ToString();
    }

    private static string ChannelName(Channel channel) => channel switch
    {
        Channel.Meeting => "Meeting",
        Channel.Call => "Call",
        Channel.Note => "Note",
        _ => "Social",
    };

    private static string DurationText(Duration duration)
    {
        // Only the offsets used here: whole hours or minutes, either sign.
        long seconds = (long)duration.TotalSeconds;
        string sign = seconds < 0 ? "-" : string.Empty;
        seconds = Math.Abs(seconds);
        return seconds % 3600 == 0
            ? $"{sign}PT{seconds / 3600}H"
            : $"{sign}PT{seconds / 60}M";
    }
}

internal sealed record FeedManifestEntry(string Name, string Ics, string Json);

internal sealed record FeedExpectation(
    string Name,
    string File,
    string About,
    string Layout,
    string Privacy,
    string Today,
    CalendarExpectation Calendar,
    IReadOnlyList<string> StateUids,
    IReadOnlyList<ComponentExpectation> Components,
    MovedExpectation? Moved);

internal sealed record CalendarExpectation(string Name, string? Description, string RefreshInterval, string ProductId);

internal sealed record ComponentExpectation(
    string Kind,
    string Uid,
    IReadOnlyList<string> RelationshipIds,
    bool AllDay,
    string? Start,
    string? End,
    string? Due,
    string? LocalStart,
    string? TimeZone,
    string Summary,
    string? Description,
    IReadOnlyList<string> DescriptionContains,
    IReadOnlyList<string> Categories,
    int Sequence,
    string LastModified,
    string? Transp,
    string? Status,
    string Class,
    AlarmExpectation? Alarm);

internal sealed record AlarmExpectation(string Action, string Trigger, long TriggerSeconds, string Description);

internal sealed record MovedExpectation(string PreviousFeed, string Uid, string RelationshipId, string FromDate, string ToDate);
