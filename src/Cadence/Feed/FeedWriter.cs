using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Cadence.Explanations;
using Cadence.Internal;
using Cadence.Planning;
using NodaTime;

namespace Cadence.Feed;

/// <summary>
/// Writes a <see cref="Plan"/> as an iCalendar feed (RFC 5545 and RFC 7986) that calendar apps can subscribe to:
/// one all-day event per planned touch by default, a daily digest or tasks as options. Pure: it takes the previous
/// <see cref="FeedState"/> and the current instant and returns the next state, so the same data gives
/// byte-identical output and a strong ETag works. UIDs are derived from the options' secret key and stay the same
/// while a touch is rescheduled; SEQUENCE, LAST-MODIFIED and DTSTAMP move only when a touch's date or text
/// changes; touches that were done or dropped leave the feed.
/// </summary>
/// <remarks>
/// Safe to use from several threads at once: a write keeps all it needs in its own buffers. A large feed's events are
/// rendered on every processor (<see cref="FeedOptions.MaxDegreeOfParallelism"/>), with the same bytes and state as on
/// one thread; the output is written from the calling thread only. Memory does not grow
/// with the feed's bytes (they go out a buffer at a time), only with its number of events (the state, about 48
/// bytes each), unless <see cref="FeedOptions.CachesEvents"/> keeps the events' bytes in the state for the next write. How it stays fast, and the references it is checked against: docs/design.md, "Fast paths".
/// </remarks>
/// <example>
/// <code>
/// var writer = new FeedWriter(new FeedOptions("Cadence", uidKey));
/// using var file = File.Create("cadence.ics");
/// FeedResult result = writer.Write(plan, previousState, clock.GetCurrentInstant(), file);
/// // keep result.State for the next write
/// </code>
/// </example>
public sealed partial class FeedWriter
{
    /// <summary>Creates a writer.</summary>
    /// <param name="options">The options (already checked when built).</param>
    public FeedWriter(FeedOptions options)
    {
        Options = Guard.NotNull(options, nameof(options));
    }

    /// <summary>The options in use.</summary>
    public FeedOptions Options { get; }

    /// <summary>Writes the feed to a stream, a buffer at a time, so memory does not grow with the feed.</summary>
    /// <param name="plan">The plan: as the scheduler made it, or levelled.</param>
    /// <param name="previous">The state the previous write returned, or <see cref="FeedState.Empty"/>.</param>
    /// <param name="now">The current instant: when changed events changed.</param>
    /// <param name="output">Where the bytes go.</param>
    /// <returns>The next state.</returns>
    public FeedResult Write(Schedule plan, FeedState previous, Instant now, Stream output) =>
        WriteFeed(plan, previous, now, new Run(null, Guard.NotNull(output, nameof(output)), previous, Guard.Instant(now, nameof(now)), Options));

    /// <summary>Writes the feed to a buffer writer.</summary>
    /// <param name="plan">The plan: as the scheduler made it, or levelled.</param>
    /// <param name="previous">The state the previous write returned, or <see cref="FeedState.Empty"/>.</param>
    /// <param name="now">The current instant: when changed events changed.</param>
    /// <param name="output">Where the bytes go.</param>
    /// <returns>The next state.</returns>
    public FeedResult Write(Schedule plan, FeedState previous, Instant now, IBufferWriter<byte> output) =>
        WriteFeed(plan, previous, now, new Run(Guard.NotNull(output, nameof(output)), null, previous, Guard.Instant(now, nameof(now)), Options));

    /// <summary>Writes the feed to a string (UTF-8 decoded), for convenience and tests.</summary>
    /// <param name="plan">The plan: as the scheduler made it, or levelled.</param>
    /// <param name="previous">The state the previous write returned, or <see cref="FeedState.Empty"/>.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="text">The feed's text.</param>
    /// <returns>The next state.</returns>
    public FeedResult Write(Schedule plan, FeedState previous, Instant now, out string text)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var result = Write(plan, previous, now, buffer);
        text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return result;
    }

    private FeedResult WriteFeed(Schedule plan, FeedState previous, Instant now, Run run)
    {
        try
        {
            return WriteFeedCore(plan, previous, now, run);
        }
        finally
        {
            run.ReturnBuffers();
        }
    }

    private FeedResult WriteFeedCore(Schedule plan, FeedState previous, Instant now, Run run)
    {
        Guard.NotNull(plan, nameof(plan));
        Guard.NotNull(previous, nameof(previous));

        IReadOnlyList<PlannedTouch> touches = plan.Touches;
        var array = plan.TouchArray;
        if (!Options.BookedMeetings && plan.MayHaveBookings)
        {
            // Meetings already booked in the owner's calendar are there already (FeedOptions.BookedMeetings).
            array = array.RemoveAll(IsBookedMeeting);
            touches = array;
        }

        var ordered = array.AsSpan();
        LocalDate last = plan.Today.PlusDays(Options.HorizonDays - 1);
        string component = Options.Layout == FeedLayout.Tasks ? "VTODO" : "VEVENT";

        // A schedule is in due-day order: the touches in the horizon come first.
        int inHorizon = CountDueBy(ordered, last);

        // Everything that can be refused is refused before a byte is written: a touch at a time of day needs a zone
        // to place it in. A plan of a diary with no commitment at a time has none (it says so); a touch the previous
        // write wrote, with equal options, at the same position was checked then (its time cannot have changed), so
        // only its reference is compared, not its objects read.
        if (Options.Layout == FeedLayout.Events && Options.TimeZone is null && plan.MayHaveTimes)
        {
            for (int i = 0; i < inHorizon; i++)
            {
                var touch = ordered[i];
                if (!run.WroteAt(i, touch) && touch.Time is { } time)
                {
                    throw new InvalidOperationException(
                        $"The touch with \"{touch.RelationshipId}\" on {touch.Due:uuuu'-'MM'-'dd} is at {time:HH':'mm}, but the feed options have no time zone to place it in: use FeedOptions.WithTimeZone.");
                }
            }
        }

        WriteCalendarStart(run.Out);
        if (Options.Layout == FeedLayout.DailyDigest)
        {
            WriteDigests(run, touches, last);
        }
        else
        {
            run.State.Reserve(inHorizon);
            var all = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(array)!;
            run.StartCache(inHorizon, all);
            int threads = RenderThreads(run, inHorizon);
            if (threads > 1)
            {
                WriteTouchesInParallel(run, all, inHorizon, component, threads);
            }
            else
            {
                WriteTouches(run, all, inHorizon, component);
            }
        }

        if (Options.YearlyDates)
        {
            WriteDates(run, plan.Touches, plan.Today, last);
        }

        run.Out.EndComponent("VCALENDAR");
        run.Flush();
        return run.Finish();
    }

    /// <summary>
    /// The dates that matter of the planned relationships as events of their own (<see cref="FeedOptions.YearlyDates"/>),
    /// by relationship id then label: a yearly date repeats from its year (or 2000, a leap year, without one), a
    /// relative one by weekday of its month, a one-off date once when it falls inside the horizon.
    /// </summary>
    private void WriteDates(Run run, IReadOnlyList<PlannedTouch> touches, LocalDate today, LocalDate last)
    {
        var relationships = new Relationship[touches.Count];
        for (int i = 0; i < touches.Count; i++)
        {
            relationships[i] = touches[i].Relationship;
        }

        Array.Sort(relationships, (a, b) => string.CompareOrdinal(a.Id, b.Id));
        var rule = new StringBuilder(64);
        foreach (var relationship in relationships)
        {
            if (relationship.ImportantDates.Count == 0)
            {
                continue;
            }

            foreach (var date in relationship.ImportantDates.OrderBy(d => d.Label, StringComparer.Ordinal))
            {
                rule.Clear();
                LocalDate start;
                switch (date.Recurrence)
                {
                    case DateRecurrence.Once:
                        start = date.On!.Value;
                        if (start < today || start > last)
                        {
                            continue;
                        }

                        break;
                    case DateRecurrence.Relative:
                        start = date.In(2000)!.Value;
                        rule.Append("RRULE:FREQ=YEARLY;BYMONTH=").Append(date.Month.ToString(CultureInfo.InvariantCulture))
                            .Append(";BYDAY=").Append(date.Week.ToString(CultureInfo.InvariantCulture)).Append(WeekdayCode(date.Weekday));
                        break;
                    default:
                        var day = date.Day!.Value;
                        start = day.InYear(date.Year is { } y && day.IsValidYear(y) ? y : 2000);
                        rule.Append(day.Month == 2 && day.Day == 29
                            ? date.LeapDay == LeapDayRule.March1 ? "RRULE:FREQ=YEARLY;BYYEARDAY=60" : "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
                            : "RRULE:FREQ=YEARLY");
                        break;
                }

                WriteDate(run, relationship, date, start, rule.ToString());
            }
        }
    }

    /// <summary>One date as an all-day event of its own.</summary>
    /// <param name="run">The write.</param>
    /// <param name="relationship">Whose date it is.</param>
    /// <param name="date">The date.</param>
    /// <param name="start">Its first day (DTSTART).</param>
    /// <param name="rule">The RRULE line, or empty for a one-off date.</param>
    private void WriteDate(Run run, Relationship relationship, ImportantDate date, LocalDate start, string rule)
    {
        // The UID's message: "date", the relationship id and the label, each after a line feed.
        var uids = run.Render.Uids;
        var room = uids.Room(6 + Encoding.UTF8.GetMaxByteCount(relationship.Id.Length) + Encoding.UTF8.GetMaxByteCount(date.Label.Length));
        "date\n"u8.CopyTo(room);
        int n = 5;
        n += Encoding.UTF8.GetBytes(relationship.Id, room[n..]);
        room[n++] = (byte)'\n';
        n += Encoding.UTF8.GetBytes(date.Label, room[n..]);

        // With the cache, the fingerprint is the UID's message and the body, as a touch's covers what its UID is made of.
        var fingerprint = run.Fingerprints is null ? null : new System.IO.Hashing.XxHash128();
        fingerprint?.Append(room[..n]);
        var uid = uids.Compute(room[..n]);

        var summary = run.Render.Summary;
        summary.Clear();
        switch (Options.Privacy)
        {
            case FeedPrivacy.ChannelOnly:
                summary.Append(English.DateWithoutName);
                break;
            default:
                summary.Append(English.DateTitle(Options.Privacy == FeedPrivacy.Initials ? Initials(relationship.Name) : relationship.Name, date.Label));
                break;
        }

        var body = run.Render.StartBody();
        WriteWhen(body, start, null);
        if (rule.Length > 0)
        {
            body.WriteKnownLine(Encoding.ASCII.GetBytes(rule));
        }

        body.BeginKnownProperty("SUMMARY");
        body.Text(summary.Span);
        body.EndProperty();
        body.WriteKnownLine("CATEGORIES:Cadence,Date"u8);
        FinishBody(body, summary, isEvent: true);
        fingerprint?.Append(body.Pending);
        run.WriteComponent("VEVENT", uid, fingerprint?.GetCurrentHashAsUInt128() ?? default);
    }

    /// <summary>RFC 5545's two-letter weekday.</summary>
    private static string WeekdayCode(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => "MO",
        IsoDayOfWeek.Tuesday => "TU",
        IsoDayOfWeek.Wednesday => "WE",
        IsoDayOfWeek.Thursday => "TH",
        IsoDayOfWeek.Friday => "FR",
        IsoDayOfWeek.Saturday => "SA",
        _ => "SU",
    };

    private void WriteCalendarStart(ContentLineWriter writer)
    {
        writer.BeginComponent("VCALENDAR");
        writer.WriteToken("VERSION", "2.0");
        writer.WriteText("PRODID", Options.ProductId);
        writer.WriteToken("CALSCALE", "GREGORIAN");
        writer.WriteText("NAME", Options.Name);
        writer.WriteText("X-WR-CALNAME", Options.Name);
        if (Options.Description is { } description)
        {
            writer.WriteText("DESCRIPTION", description);
            writer.WriteText("X-WR-CALDESC", description);
        }

        writer.WriteDuration("REFRESH-INTERVAL", Options.RefreshInterval, withValueType: true);
        writer.WriteDuration("X-PUBLISHED-TTL", Options.RefreshInterval);
    }

    /// <summary>How many touches ahead <see cref="PlannedTouch.ReadAhead"/> reads at a time.</summary>
    private const int ReadAheadCount = 32;

    /// <summary>Whether a planned touch is a meeting booked in the owner's calendar, on its day.</summary>
    private static bool IsBookedMeeting(PlannedTouch touch) => touch.Commitment is { IsBooked: true } booked && booked.Date == touch.Due;

    /// <summary>How many touches are due by <paramref name="last"/>: those of a schedule are in due-day order.</summary>
    private static int CountDueBy(ReadOnlySpan<PlannedTouch> touches, LocalDate last)
    {
        int low = 0, high = touches.Length;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            if (touches[middle].Due <= last)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>One event (or task) per touch, in plan order: the touches of the horizon.</summary>
    private void WriteTouches(Run run, PlannedTouch[] all, int count, string component)
    {
        var fingerprints = run.Fingerprints;
        var kind = component == "VTODO" ? EventFingerprint.Kind.Task : EventFingerprint.Kind.Event;

        // With the cache, a large plan's fingerprints are made on several threads first.
        using var prints = fingerprints is null ? null : ParallelPrints.Make(this, run, all, count, kind);
        var touches = new ReadOnlySpan<PlannedTouch>(all, 0, count);
        int readTo = prints is null ? 0 : int.MaxValue;
        long read = 0;
        for (int i = 0; i < touches.Length; i++)
        {
            var touch = touches[i];

            // The very touch written last time, with the same options: the same bytes, so copy them.
            if (fingerprints is not null && run.TryWriteSame(touch))
            {
                continue;
            }

            if (i >= readTo)
            {
                // The objects of the next few events, read in one short loop: their cache misses overlap instead of
                // coming one after another as each event is written. A touch the cache will copy as the very touch
                // written last time needs none of them.
                readTo = Math.Min(touches.Length, i + ReadAheadCount);
                for (int k = i; k < readTo; k++)
                {
                    if (!run.WroteAt(run.Next + k - i, touches[k]))
                    {
                        read += touches[k].ReadAhead(reasons: fingerprints is null);
                    }
                }
            }

            UInt128 fingerprint = default;
            if (fingerprints is not null)
            {
                // One made from the same inputs, with the same options: the same bytes too.
                if (prints is null || !prints.TryGet(i, out fingerprint))
                {
                    fingerprint = fingerprints.Of(touch, kind);
                }

                if (run.TryWriteKept(fingerprint))
                {
                    continue;
                }
            }

            WriteTouch(run, touch, TouchUid(run.Render.Uids, touch, component), component, fingerprint);
        }

        run.ReadSum = read;
    }

    private void WriteTouch(Run run, PlannedTouch touch, UidKey uid, string component, UInt128 fingerprint)
    {
        RenderTouch(run.Render, touch, component);
        run.WriteComponent(component, uid, fingerprint);
    }

    /// <summary>A touch's event (or task) body, all but the lines <see cref="Renderer.WriteComponent"/> adds, in <see cref="Renderer.Body"/>.</summary>
    private void RenderTouch(Renderer render, PlannedTouch touch, string component)
    {
        Instant? start = null;
        if (component == "VEVENT" && touch.Time is { } time)
        {
            // Checked before writing: the zone is set.
            start = Options.TimeZone!.AtLeniently(touch.Due.At(time)).ToInstant();
        }

        var summary = render.Summary;
        summary.Clear();
        AppendSummary(summary, touch);
        var description = render.Description;
        description.Clear();
        bool hasDescription = AppendDescription(description, touch, render.Reasons);

        var body = render.StartBody();
        if (component == "VTODO")
        {
            body.WriteKnownDateLine("DUE;VALUE=DATE:"u8, touch.Due);
            body.WriteKnownLine("STATUS:NEEDS-ACTION"u8);
        }
        else
        {
            WriteWhen(body, touch.Due, start);
        }

        body.BeginKnownProperty("SUMMARY");
        body.Text(summary.Span);
        body.EndProperty();
        if (hasDescription)
        {
            body.BeginKnownProperty("DESCRIPTION");
            body.Text(description.Span);
            body.EndProperty();
        }

        // "Cadence" and the channel's name are plain ASCII: as TEXT and list separators they are these octets.
        body.BeginKnownProperty("CATEGORIES");
        body.AsciiValue(English.CategoriesUtf8(touch.Channel));
        if (Options.Privacy == FeedPrivacy.FullNames)
        {
            body.ListSeparator();
            body.Text(touch.Relationship.Tier);
        }

        body.EndProperty();
        FinishBody(body, summary, component == "VEVENT");
    }

    private void WriteWhen(ContentLineWriter body, LocalDate date, Instant? start)
    {
        if (start is { } at)
        {
            body.WriteDateTimeUtc("DTSTART", at);
            body.WriteDateTimeUtc("DTEND", at + Options.TimedDuration);
            body.WriteToken("TRANSP", "OPAQUE");
        }
        else
        {
            // DTSTART, DTEND and TRANSP of an all-day event: short lines of ASCII, none of them folded.
            var end = date.PlusDays(1);
            ContentLineWriter.CheckDate(date, nameof(date));
            ContentLineWriter.CheckDate(end, nameof(date));
            var lines = body.LinesRoom(96);
            "DTSTART;VALUE=DATE:"u8.CopyTo(lines);
            ContentLineWriter.FormatDate(date, lines[19..]);
            "\r\nDTEND;VALUE=DATE:"u8.CopyTo(lines[27..]);
            ContentLineWriter.FormatDate(end, lines[46..]);
            "\r\nTRANSP:TRANSPARENT\r\n"u8.CopyTo(lines[54..]);
            body.AdvanceLines(54 + 22);
        }
    }

    /// <summary>CLASS and the optional alarm: the end of every event's body.</summary>
    private void FinishBody(ContentLineWriter body, TextBuffer summary, bool isEvent)
    {
        body.WriteKnownLine("CLASS:PRIVATE"u8);
        if (Options.Alarm is { } alarm && isEvent)
        {
            body.BeginComponent("VALARM");
            body.WriteToken("ACTION", "DISPLAY");
            body.BeginProperty("DESCRIPTION");
            body.Text(summary.Span);
            body.EndProperty();
            body.WriteDuration("TRIGGER", alarm);
            body.EndComponent("VALARM");
        }
    }

    /// <summary>One event per day, listing that day's touches in plan order; days in the order they first appear.</summary>
    private void WriteDigests(Run run, IReadOnlyList<PlannedTouch> touches, LocalDate last)
    {
        var days = new List<LocalDate>();
        var byDay = new Dictionary<LocalDate, List<PlannedTouch>>();
        for (int i = 0; i < touches.Count; i++)
        {
            var touch = touches[i];
            if (touch.Due > last)
            {
                continue;
            }

            if (!byDay.TryGetValue(touch.Due, out var list))
            {
                byDay.Add(touch.Due, list = []);
                days.Add(touch.Due);
            }

            list.Add(touch);
        }

        run.State.Reserve(days.Count);
        run.StartCache(days.Count, null);
        var uids = run.Render.Uids;
        var fingerprints = run.Fingerprints;
        var dayPrints = new List<UInt128>();
        foreach (var day in days)
        {
            var list = byDay[day];
            UInt128 fingerprint = default;
            if (fingerprints is not null)
            {
                dayPrints.Clear();
                foreach (var touch in list)
                {
                    dayPrints.Add(fingerprints.Of(touch, EventFingerprint.Kind.DigestTouch));
                }

                fingerprint = EventFingerprint.OfDigest(day, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(dayPrints));
                if (run.TryWriteKept(fingerprint))
                {
                    continue;
                }
            }

            // The UID's message: "digest", a line feed and the day.
            var room = uids.Room(7 + 64);
            "digest\n"u8.CopyTo(room);
            var uid = uids.Compute(room[..(7 + WriteIsoDate(room[7..], day))]);
            WriteDigest(run, day, list, uid, fingerprint);
        }
    }

    private void WriteDigest(Run run, LocalDate day, List<PlannedTouch> touches, UidKey uid, UInt128 fingerprint)
    {
        var summary = run.Render.Summary;
        summary.Clear();
        English.AppendDigestTitle(summary, touches.Count);

        var description = run.Render.Description;
        description.Clear();
        var channels = new List<string>(4);
        for (int i = 0; i < touches.Count; i++)
        {
            var touch = touches[i];
            if (Options.Privacy != FeedPrivacy.ChannelOnly)
            {
                summary.Append(i == 0 ? ": " : ", ");
                AppendWho(summary, touch);
            }

            if (i > 0)
            {
                description.Append('\n');
            }

            description.Append("• ");
            AppendSummary(description, touch);
            if (Options.Privacy != FeedPrivacy.ChannelOnly)
            {
                description.Append(": ");
                touch.AppendDatedWhy(description, run.Render.Reasons);
            }

            string channel = English.Category(touch.Channel);
            if (!channels.Contains(channel))
            {
                channels.Add(channel);
            }
        }

        channels.Sort(StringComparer.Ordinal);

        var body = run.Render.StartBody();
        WriteWhen(body, day, null);
        body.BeginKnownProperty("SUMMARY");
        body.Text(summary.Span);
        body.EndProperty();
        body.BeginKnownProperty("DESCRIPTION");
        body.Text(description.Span);
        body.EndProperty();
        body.BeginKnownProperty("CATEGORIES");
        body.Text("Cadence");
        foreach (string channel in channels)
        {
            body.ListSeparator();
            body.Text(channel);
        }

        body.EndProperty();
        FinishBody(body, summary, isEvent: true);
        run.WriteComponent("VEVENT", uid, fingerprint);
    }

    /// <summary>"Call Zoë Müller", "Call Z. M.", or just "Call".</summary>
    private void AppendSummary(TextBuffer text, PlannedTouch touch)
    {
        if (Options.Privacy == FeedPrivacy.ChannelOnly)
        {
            text.Append(English.TitleWithoutName(touch.Channel));
            return;
        }

        text.Append(English.TitleVerb(touch.Channel)).Append(' ');
        AppendWho(text, touch);
    }

    private void AppendWho(TextBuffer text, PlannedTouch touch) =>
        text.Append(Options.Privacy == FeedPrivacy.Initials ? Initials(touch.Name) : touch.Name);

    /// <summary>The reasons, the suggested channel, the window and (with full names) the last touch; false for none.</summary>
    private bool AppendDescription(TextBuffer text, PlannedTouch touch, ReasonScratch reasons)
    {
        if (Options.Privacy == FeedPrivacy.ChannelOnly)
        {
            return false;
        }

        bool firstTouch = touch.AppendDatedWhy(text, reasons);
        English.AppendSuggestedChannel(text, touch.Channel);
        // The window as the rules set it, not clamped to the plan's day (which is another day tomorrow), so an event's
        // text stays the same from one morning to the next. A first touch (no connection yet) is due from the plan's
        // day with a latest day counted from it: only the day it opens is written, or nothing without one. An overdue
        // touch says since when it is due; its latest day may be rebased on the plan's day, so no window is written.
        if (!touch.IsOverdue)
        {
            English.AppendWindow(text, touch.WindowOpens, touch.NotBefore, touch.NotAfter, touch.Due, firstTouch);
        }
        if (Options.Privacy == FeedPrivacy.FullNames && touch.LastTouch is { } last)
        {
            English.AppendLastTouch(text, last);
        }

        return true;
    }

    /// <summary>
    /// "Zoë Müller" → "Z. M.": the first letter or digit of each word (a whole grapheme, upper-cased); words
    /// without one (an emoji, a dash) are skipped.
    /// </summary>
    internal static string Initials(string name)
    {
        var initials = new List<string>();
        foreach (string word in name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var elements = StringInfo.GetTextElementEnumerator(word);
            while (elements.MoveNext())
            {
                if (char.IsLetterOrDigit(word, elements.ElementIndex))
                {
                    initials.Add(elements.GetTextElement().ToUpperInvariant() + ".");
                    break;
                }
            }
        }

        return initials.Count > 0 ? string.Join(" ", initials) : "?";
    }

    /// <summary>
    /// A touch's UID: the keyed hash of a message in UTF-8: the component, then a commitment by its id or a cadence
    /// touch by the touch it follows, so rescheduling keeps the UID and doing the touch replaces it.
    /// </summary>
    private static UidKey TouchUid(UidHash uids, PlannedTouch touch, string component)
    {
        string id = touch.RelationshipId;
        var commitment = touch.Commitment;
        int most = component.Length + 12 + Encoding.UTF8.GetMaxByteCount(id.Length)
            + (commitment is null ? 64 : Encoding.UTF8.GetMaxByteCount(commitment.Id.Length));
        var room = uids.Room(most);
        int n = Encoding.UTF8.GetBytes(component, room);
        if (commitment is not null)
        {
            n += Ascii("\ncommitment\n"u8, room[n..]);
            n += Encoding.UTF8.GetBytes(id, room[n..]);
            room[n++] = (byte)'\n';
            n += Encoding.UTF8.GetBytes(commitment.Id, room[n..]);
        }
        else
        {
            n += Ascii("\ncadence\n"u8, room[n..]);
            n += Encoding.UTF8.GetBytes(id, room[n..]);
            room[n++] = (byte)'\n';
            if (touch.LastTouch is { } lastTouch)
            {
                n += WriteIsoDate(room[n..], lastTouch.Date);
                if (lastTouch.Time is { } t)
                {
                    room[n++] = (byte)'T';
                    n += Two(room[n..], t.Hour);
                    room[n++] = (byte)':';
                    n += Two(room[n..], t.Minute);
                    room[n++] = (byte)':';
                    n += Two(room[n..], t.Second);
                }
            }
            else
            {
                n += Ascii("first"u8, room[n..]);
            }
        }

        return uids.Compute(room[..n]);

        static int Ascii(ReadOnlySpan<byte> ascii, Span<byte> to)
        {
            ascii.CopyTo(to);
            return ascii.Length;
        }

        static int Two(Span<byte> to, int value)
        {
            to[0] = (byte)('0' + (value / 10));
            to[1] = (byte)('0' + (value % 10));
            return 2;
        }
    }

    /// <summary>A date as <c>date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)</c> gives it, in UTF-8; at most 64 bytes.</summary>
    private static int WriteIsoDate(Span<byte> to, LocalDate date)
    {
        int year = date.Year;
        if (year is < 1 or > 9999 || date.Calendar != CalendarSystem.Iso)
        {
            return Encoding.UTF8.GetBytes(date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), to);
        }

        to[0] = (byte)('0' + (year / 1000));
        to[1] = (byte)('0' + (year / 100 % 10));
        to[2] = (byte)('0' + (year / 10 % 10));
        to[3] = (byte)('0' + (year % 10));
        to[4] = (byte)'-';
        to[5] = (byte)('0' + (date.Month / 10));
        to[6] = (byte)('0' + (date.Month % 10));
        to[7] = (byte)'-';
        to[8] = (byte)('0' + (date.Day / 10));
        to[9] = (byte)('0' + (date.Day % 10));
        return 10;
    }
}
