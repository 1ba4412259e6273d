using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Cadence.Scheduling;
using NodaTime;
using NodaTime.Text;

namespace Cadence.Calendar;

/// <summary>The outcome of writing a feed.</summary>
/// <param name="State">The state to pass to the next write.</param>
/// <param name="Components">How many events (or tasks) the feed holds.</param>
/// <param name="Changed">Whether any event was added, changed or removed since the previous state.</param>
public sealed record FeedResult(FeedState State, int Components, bool Changed);

/// <summary>
/// Writes a <see cref="Plan"/> as an iCalendar feed (RFC 5545 and RFC 7986) that calendar apps can subscribe to:
/// one all-day event per planned touch by default, a daily digest or tasks as options. Pure: it takes the previous
/// <see cref="FeedState"/> and the current instant and returns the next state, so the same data gives
/// byte-identical output and a strong ETag works. UIDs are derived from the options' secret key and stay the same
/// while a touch is rescheduled; SEQUENCE, LAST-MODIFIED and DTSTAMP move only when a touch's date or text
/// changes; touches that were done or dropped leave the feed.
/// </summary>
/// <example>
/// <code>
/// var writer = new FeedWriter(new FeedOptions("Cadence", uidKey));
/// using var file = File.Create("cadence.ics");
/// FeedResult result = writer.Write(plan, previousState, clock.GetCurrentInstant(), file);
/// // keep result.State for the next write
/// </code>
/// </example>
public sealed class FeedWriter
{
    private static readonly LocalDatePattern DayPattern = LocalDatePattern.Create("ddd d MMM uuuu", CultureInfo.InvariantCulture);

    /// <summary>Creates a writer.</summary>
    /// <param name="options">The options (already checked when built).</param>
    public FeedWriter(FeedOptions options)
    {
        Options = Guard.NotNull(options, nameof(options));
    }

    /// <summary>The options in use.</summary>
    public FeedOptions Options { get; }

    /// <summary>Writes the feed to a stream, a buffer at a time, so memory does not grow with the feed.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="previous">The state the previous write returned, or <see cref="FeedState.Empty"/>.</param>
    /// <param name="now">The current instant: when changed events changed.</param>
    /// <param name="output">Where the bytes go.</param>
    /// <returns>The next state.</returns>
    public FeedResult Write(Plan plan, FeedState previous, Instant now, Stream output)
    {
        Guard.NotNull(output, nameof(output));
        using var buffer = new StreamBufferWriter(output);
        var result = Write(plan, previous, now, buffer, buffer.Flush);
        buffer.Flush();
        return result;
    }

    /// <summary>Writes the feed to a buffer writer.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="previous">The state the previous write returned, or <see cref="FeedState.Empty"/>.</param>
    /// <param name="now">The current instant: when changed events changed.</param>
    /// <param name="output">Where the bytes go.</param>
    /// <returns>The next state.</returns>
    public FeedResult Write(Plan plan, FeedState previous, Instant now, IBufferWriter<byte> output) =>
        Write(plan, previous, now, Guard.NotNull(output, nameof(output)), null);

    /// <summary>Writes the feed to a string (UTF-8 decoded), for convenience and tests.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="previous">The state the previous write returned, or <see cref="FeedState.Empty"/>.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="text">The feed's text.</param>
    /// <returns>The next state.</returns>
    public FeedResult Write(Plan plan, FeedState previous, Instant now, out string text)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var result = Write(plan, previous, now, buffer);
        text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return result;
    }

    private FeedResult Write(Plan plan, FeedState previous, Instant now, IBufferWriter<byte> output, Action? flush)
    {
        Guard.NotNull(plan, nameof(plan));
        Guard.NotNull(previous, nameof(previous));

        var items = Items(plan);
        var writer = new ICalendarWriter(output);
        WriteCalendarStart(writer);

        var scratch = new ArrayBufferWriter<byte>(1024);
        var entries = ImmutableDictionary.CreateBuilder<string, FeedEntry>(StringComparer.Ordinal);
        bool changed = false;
        foreach (var item in items)
        {
            scratch.ResetWrittenCount();
            WriteBody(new ICalendarWriter(scratch), item);
            ulong hash = Fnv1a(scratch.WrittenSpan);

            FeedEntry entry;
            if (previous.TryGet(item.Uid, out var before) && before.ContentHash == hash)
            {
                entry = before;
            }
            else
            {
                entry = new FeedEntry(item.Uid, hash, before is null ? 0 : before.Sequence + 1, now);
                changed = true;
            }

            if (!entries.TryAdd(item.Uid, entry))
            {
                throw new InvalidOperationException($"Two touches of the plan map to the same feed event (UID {item.Uid}); this is a bug in Cadence.");
            }

            writer.BeginComponent(item.Component);
            writer.WriteToken("UID", item.Uid);
            writer.WriteDateTimeUtc("DTSTAMP", entry.LastModified);
            writer.WriteDateTimeUtc("LAST-MODIFIED", entry.LastModified);
            writer.WriteInteger("SEQUENCE", entry.Sequence);
            output.Write(scratch.WrittenSpan);
            writer.EndComponent(item.Component);
            flush?.Invoke();
        }

        writer.EndComponent("VCALENDAR");

        changed |= previous.Count != entries.Count;
        Instant? lastModified = !changed && previous.LastModified is not null
            ? previous.LastModified
            : previous.LastModified is { } last && last > now ? last : now;
        return new FeedResult(FeedState.Create(entries.ToImmutable(), lastModified), entries.Count, changed);
    }

    private void WriteCalendarStart(ICalendarWriter writer)
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

    /// <summary>Everything of an event but its UID, DTSTAMP, LAST-MODIFIED and SEQUENCE: what its hash covers.</summary>
    private void WriteBody(ICalendarWriter writer, Item item)
    {
        if (item.Component == "VTODO")
        {
            writer.WriteDate("DUE", item.Date);
            writer.WriteToken("STATUS", "NEEDS-ACTION");
        }
        else if (item.Start is { } start)
        {
            writer.WriteDateTimeUtc("DTSTART", start);
            writer.WriteDateTimeUtc("DTEND", start + Options.TimedDuration);
            writer.WriteToken("TRANSP", "OPAQUE");
        }
        else
        {
            writer.WriteDate("DTSTART", item.Date);
            writer.WriteDate("DTEND", item.Date.PlusDays(1));
            writer.WriteToken("TRANSP", "TRANSPARENT");
        }

        writer.WriteText("SUMMARY", item.Summary);
        if (item.Description is { } description)
        {
            writer.WriteText("DESCRIPTION", description);
        }

        writer.WriteTextList("CATEGORIES", item.Categories);
        writer.WriteToken("CLASS", "PRIVATE");

        if (Options.Alarm is { } alarm && item.Component == "VEVENT")
        {
            writer.BeginComponent("VALARM");
            writer.WriteToken("ACTION", "DISPLAY");
            writer.WriteText("DESCRIPTION", item.Summary);
            writer.WriteDuration("TRIGGER", alarm);
            writer.EndComponent("VALARM");
        }
    }

    private List<Item> Items(Plan plan)
    {
        LocalDate last = plan.Today.PlusDays(Options.HorizonDays - 1);
        var touches = plan.Touches.Where(t => t.Due <= last);
        return Options.Layout switch
        {
            FeedLayout.DailyDigest => touches.GroupBy(t => t.Due).Select(Digest).ToList(),
            FeedLayout.Tasks => touches.Select(t => Touch(t, "VTODO")).ToList(),
            _ => touches.Select(t => Touch(t, "VEVENT")).ToList(),
        };
    }

    private Item Touch(PlannedTouch touch, string component)
    {
        // The UID names the planned touch, not its date: a commitment by its id, a cadence touch by the touch it
        // follows. Rescheduling keeps it; doing the touch (a new last touch) or the commitment replaces it.
        string anchor = touch.Commitment is { } pinned
            ? "commitment\n" + touch.RelationshipId + "\n" + pinned.Id
            : "cadence\n" + touch.RelationshipId + "\n" + (touch.LastTouch is { } lastTouch
                ? lastTouch.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) + (lastTouch.Time is { } t ? "T" + t.ToString("HH:mm:ss", CultureInfo.InvariantCulture) : string.Empty)
                : "first");
        string uid = Uid(component + "\n" + anchor);

        Instant? start = null;
        if (component == "VEVENT" && touch.Time is { } time)
        {
            var zone = Options.TimeZone ?? throw new InvalidOperationException(
                $"The touch with \"{touch.RelationshipId}\" on {touch.Due:uuuu'-'MM'-'dd} is at {time:HH':'mm}, but the feed options have no time zone to place it in: use FeedOptions.WithTimeZone.");
            start = zone.AtLeniently(touch.Due.At(time)).ToInstant();
        }

        return new Item(component, uid, touch.Due, start, Summary(touch), Description(touch), Categories(touch));
    }

    private Item Digest(IGrouping<LocalDate, PlannedTouch> day)
    {
        var touches = day.ToList();
        string count = touches.Count == 1 ? "1 touch" : touches.Count.ToString(CultureInfo.InvariantCulture) + " touches";
        string summary = Options.Privacy == FeedPrivacy.ChannelOnly
            ? "Cadence: " + count
            : "Cadence: " + count + ": " + string.Join(", ", touches.Select(t => Who(t)));
        string description = string.Join("\n", touches.Select(t =>
            Options.Privacy == FeedPrivacy.ChannelOnly ? "• " + Summary(t) : "• " + Summary(t) + ": " + t.Why));
        var categories = new[] { "Cadence" }.Concat(touches.Select(t => ChannelName(t.Channel)).Distinct().Order(StringComparer.Ordinal)).ToArray();
        string uid = Uid("digest\n" + day.Key.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
        return new Item("VEVENT", uid, day.Key, null, summary, description, categories);
    }

    private string Summary(PlannedTouch touch) => Options.Privacy switch
    {
        FeedPrivacy.ChannelOnly => touch.Channel switch
        {
            Channel.Meeting => "Meet",
            Channel.Call => "Call",
            Channel.Note => "Write a note",
            _ => "Reach out online",
        },
        _ => PlannedTouch.Verb(touch.Channel) + " " + Who(touch),
    };

    private string Who(PlannedTouch touch) => Options.Privacy == FeedPrivacy.Initials ? Initials(touch.Name) : touch.Name;

    private string? Description(PlannedTouch touch)
    {
        if (Options.Privacy == FeedPrivacy.ChannelOnly)
        {
            return null;
        }

        var text = new StringBuilder(touch.Why);
        text.Append('\n').Append("Suggested channel: ").Append(ChannelName(touch.Channel).ToLowerInvariant()).Append('.');
        if (touch.NotAfter == touch.NotBefore)
        {
            text.Append('\n').Append("Only on ").Append(DayPattern.Format(touch.NotAfter)).Append('.');
        }
        else if (touch.NotAfter < touch.NotBefore)
        {
            text.Append('\n').Append("Latest day was ").Append(DayPattern.Format(touch.NotAfter)).Append('.');
        }
        else
        {
            text.Append('\n').Append("Window: ").Append(DayPattern.Format(touch.NotBefore)).Append(" to ").Append(DayPattern.Format(touch.NotAfter)).Append('.');
        }
        if (Options.Privacy == FeedPrivacy.FullNames && touch.LastTouch is { } last)
        {
            text.Append('\n').Append("Last touch: ").Append(DayPattern.Format(last.Date)).Append(", ")
                .Append(last.Direction == Direction.Inbound ? "inbound " : string.Empty)
                .Append(ChannelName(last.Channel).ToLowerInvariant());
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

    private string[] Categories(PlannedTouch touch) =>
        Options.Privacy == FeedPrivacy.FullNames
            ? ["Cadence", ChannelName(touch.Channel), touch.Relationship.Tier]
            : ["Cadence", ChannelName(touch.Channel)];

    private static string ChannelName(Channel channel) => channel switch
    {
        Channel.Meeting => "Meeting",
        Channel.Call => "Call",
        Channel.Note => "Note",
        _ => "Social",
    };

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

    private string Uid(string material)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(Options.UidKeySpan, Encoding.UTF8.GetBytes(material), hash);
        return Base32(hash[..20]) + "@cadence";
    }

    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var chars = new char[bytes.Length * 8 / 5];
        int bits = 0, value = 0, index = 0;
        foreach (byte b in bytes)
        {
            value = (value << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[index++] = alphabet[(value >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        return new string(chars, 0, index);
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    private sealed record Item(string Component, string Uid, LocalDate Date, Instant? Start, string Summary, string? Description, string[] Categories);
}
