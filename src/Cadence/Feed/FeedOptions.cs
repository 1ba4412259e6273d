using System;
using System.Diagnostics.Contracts;
using Cadence.Internal;
using NodaTime;

namespace Cadence.Feed;

/// <summary>
/// How a <see cref="FeedWriter"/> writes a plan as an iCalendar feed: its name and description, how often calendars
/// should refresh it, how far ahead it looks, what it reveals, its layout, an optional alarm, the secret key UIDs are
/// derived with, and the owner's time zone for timed touches. Immutable and checked: the <c>With…</c> methods
/// return checked copies.
/// </summary>
/// <example>
/// <code>
/// var options = new FeedOptions("Cadence: whom to contact", uidKey)
///     .WithHorizonDays(90)
///     .WithPrivacy(FeedPrivacy.Initials);
/// </code>
/// </example>
public sealed record FeedOptions
{
    /// <summary>The fewest bytes a UID key may have (128 bits).</summary>
    public const int MinUidKeyBytes = 16;

    private readonly byte[] _uidKey;

    /// <summary>Creates options with the defaults: a 365-day horizon, full names, one event per touch, refresh every 4 hours.</summary>
    /// <param name="name">The calendar's name as calendar apps show it.</param>
    /// <param name="uidKey">A secret of at least 16 bytes that UIDs are derived from; keep it with the diary and never change it, or every event is replaced.</param>
    /// <exception cref="ArgumentException">The name is blank, or the key is missing or shorter than 16 bytes.</exception>
    public FeedOptions(string name, byte[] uidKey)
    {
        Name = CheckName(name);
        _uidKey = CheckKey(uidKey);
    }

    /// <summary>
    /// Whether the state a write returns keeps the bytes of every event it wrote (about the feed's size in memory), so
    /// that the next write copies an event whose touch is unchanged instead of rendering it again: a calendar polling an
    /// unchanged diary costs a few times a byte copy of the feed. Off by default: then a write's memory does not grow
    /// with the feed's bytes. The output is the same either way.
    /// </summary>
    public bool CachesEvents { get; private init; }

    /// <summary>The calendar's name (NAME and X-WR-CALNAME).</summary>
    public string Name { get; private init; }

    /// <summary>The calendar's description (DESCRIPTION and X-WR-CALDESC), or <see langword="null"/>.</summary>
    public string? Description { get; private init; }

    /// <summary>How often calendars should fetch the feed again (REFRESH-INTERVAL and X-PUBLISHED-TTL). Default 4 hours.</summary>
    public Duration RefreshInterval { get; private init; } = Duration.FromHours(4);

    /// <summary>How many days ahead the feed looks, today included: touches due later are left out. Default 365.</summary>
    public int HorizonDays { get; private init; } = 365;

    /// <summary>What the feed reveals of each contact. Default <see cref="FeedPrivacy.FullNames"/>.</summary>
    public FeedPrivacy Privacy { get; private init; }

    /// <summary>Events per touch, a daily digest, or tasks. Default <see cref="FeedLayout.Events"/>.</summary>
    public FeedLayout Layout { get; private init; }

    /// <summary>
    /// When set, each event gets a VALARM at this offset from its start (for all-day events, from midnight: 9 hours
    /// is 09:00 that day). Google and Outlook ignore alarms in subscribed feeds.
    /// </summary>
    public Duration? Alarm { get; private init; }

    /// <summary>The owner's time zone, needed to write touches that have a time of day (in UTC); or <see langword="null"/>.</summary>
    public DateTimeZone? TimeZone { get; private init; }

    /// <summary>How long a timed touch lasts in the calendar. Default 30 minutes.</summary>
    public Duration TimedDuration { get; private init; } = Duration.FromMinutes(30);

    /// <summary>The PRODID of the feed.</summary>
    public string ProductId { get; private init; } = "-//Cadence//Cadence relationship cadence feed//EN";

    /// <summary>A copy of the UID key.</summary>
    public byte[] UidKey => (byte[])_uidKey.Clone();

    internal ReadOnlySpan<byte> UidKeySpan => _uidKey;

    /// <summary>Returns a copy that keeps (or does not keep) the bytes of the events it writes; see <see cref="CachesEvents"/>.</summary>
    /// <param name="enabled">Whether to keep them.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public FeedOptions WithEventCache(bool enabled) => this with { CachesEvents = enabled };

    /// <summary>Returns a copy with another name.</summary>
    /// <param name="name">The name; not blank.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public FeedOptions WithName(string name) => this with { Name = CheckName(name) };

    /// <summary>Returns a copy with a description (or none).</summary>
    /// <param name="description">The description, or <see langword="null"/>.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public FeedOptions WithDescription(string? description) =>
        this with { Description = string.IsNullOrWhiteSpace(description) ? null : Guard.Text(description, nameof(description)) };

    /// <summary>Returns a copy with another refresh interval.</summary>
    /// <param name="interval">From 1 minute to 7 days.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The interval is outside 1 minute to 7 days.</exception>
    [Pure]
    public FeedOptions WithRefreshInterval(Duration interval)
    {
        if (interval < Duration.FromMinutes(1) || interval > Duration.FromDays(7))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, $"The refresh interval must be from 1 minute to 7 days; got {interval}.");
        }

        return this with { RefreshInterval = interval };
    }

    /// <summary>Returns a copy that looks <paramref name="days"/> days ahead, today included.</summary>
    /// <param name="days">From 1 to 3,660 (ten years).</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The number of days is below 1 or above 3,660.</exception>
    [Pure]
    public FeedOptions WithHorizonDays(int days)
    {
        if (days is < 1 or > 3660)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"The feed's horizon must be from 1 to 3660 days; got {days}.");
        }

        return this with { HorizonDays = days };
    }

    /// <summary>Returns a copy with another privacy level.</summary>
    /// <param name="privacy">The privacy level.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public FeedOptions WithPrivacy(FeedPrivacy privacy) => this with { Privacy = Guard.Defined(privacy, nameof(privacy)) };

    /// <summary>Returns a copy with another layout.</summary>
    /// <param name="layout">The layout.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public FeedOptions WithLayout(FeedLayout layout) => this with { Layout = Guard.Defined(layout, nameof(layout)) };

    /// <summary>Returns a copy with an alarm at an offset from each event's start, or none.</summary>
    /// <param name="offset">The offset (for all-day events, from midnight; may be negative), within 7 days; or <see langword="null"/>.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The offset is more than 7 days either way.</exception>
    [Pure]
    public FeedOptions WithAlarm(Duration? offset)
    {
        if (offset is { } o && (o > Duration.FromDays(7) || o < -Duration.FromDays(7)))
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"The alarm offset must be within 7 days of the event's start; got {o}.");
        }

        return this with { Alarm = offset };
    }

    /// <summary>Returns a copy with the owner's time zone, for touches with a time of day.</summary>
    /// <param name="timeZone">The time zone, or <see langword="null"/>.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public FeedOptions WithTimeZone(DateTimeZone? timeZone) => this with { TimeZone = timeZone };

    /// <summary>Returns a copy where timed touches last <paramref name="duration"/>.</summary>
    /// <param name="duration">From 1 minute to 1 day.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The duration is outside 1 minute to 1 day.</exception>
    [Pure]
    public FeedOptions WithTimedDuration(Duration duration)
    {
        if (duration < Duration.FromMinutes(1) || duration > Duration.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"A timed touch must last from 1 minute to 1 day; got {duration}.");
        }

        return this with { TimedDuration = duration };
    }

    /// <summary>Returns a copy with another PRODID.</summary>
    /// <param name="productId">The product id, printable ASCII such as "-//Example//Diary 1.0//EN".</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">The id is blank or not printable ASCII.</exception>
    [Pure]
    public FeedOptions WithProductId(string productId)
    {
        Guard.Name(productId, nameof(productId));
        foreach (char c in productId)
        {
            if (c is < ' ' or > '~')
            {
                throw new ArgumentException($"The product id \"{Guard.Shorten(productId)}\" has the character U+{(int)c:X4}; use printable ASCII.", nameof(productId));
            }
        }

        return this with { ProductId = productId };
    }

    /// <summary>
    /// Whether the feed also writes each relationship's dates that matter (<see cref="Relationship.ImportantDates"/>) as
    /// all-day events of their own: yearly ones repeat every year (RRULE), one-off ones once, within the horizon. Off by
    /// default: a birthday is written as a yearly event only when asked for. The privacy level applies to their titles.
    /// </summary>
    public bool YearlyDates { get; private init; }

    /// <summary>Returns a copy that writes the dates that matter as events of their own, or not (see <see cref="YearlyDates"/>).</summary>
    /// <param name="enabled">Whether to write them.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public FeedOptions WithYearlyDates(bool enabled) => this with { YearlyDates = enabled };

    /// <summary>
    /// Whether the feed also writes the touches that are meetings already booked in the owner's calendar (a next touch
    /// pinned, on its day, by a <see cref="CommitmentKind.Booked"/> commitment). Off by default: they are in the
    /// calendar already, and a second event for the same meeting is noise.
    /// </summary>
    public bool BookedMeetings { get; private init; }

    /// <summary>Returns a copy that writes the meetings already booked in the owner's calendar, or not (see <see cref="BookedMeetings"/>).</summary>
    /// <param name="enabled">Whether to write them.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public FeedOptions WithBookedMeetings(bool enabled) => this with { BookedMeetings = enabled };

    /// <summary>
    /// How many threads a <see cref="FeedWriter"/> may render a large feed's events on: <see langword="null"/> (the
    /// default) for as many as the machine has, 1 to write on the calling thread only. The bytes and the state are the
    /// same whatever the value; a small feed, a daily digest, and a write with <see cref="CachesEvents"/> are written on
    /// the calling thread, and the output is only ever written from the calling thread.
    /// </summary>
    public int? MaxDegreeOfParallelism { get; private init; }

    /// <summary>Returns a copy that renders a large feed's events on at most this many threads (see <see cref="MaxDegreeOfParallelism"/>).</summary>
    /// <param name="max">At least 1; <see langword="null"/> for as many as the machine has.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    [Pure]
    public FeedOptions WithMaxDegreeOfParallelism(int? max)
    {
        if (max is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"The maximum degree of parallelism must be at least 1 (or null for every processor); {max} was given.");
        }

        return this with { MaxDegreeOfParallelism = max };
    }

    /// <inheritdoc/>
    public bool Equals(FeedOptions? other) =>
        WritesSameBytesAs(other) && MaxDegreeOfParallelism == other.MaxDegreeOfParallelism;

    /// <summary>Whether a writer with <paramref name="other"/> writes the same bytes: every option but how many threads it uses.</summary>
    internal bool WritesSameBytesAs([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] FeedOptions? other) =>
        other is not null
        && Name == other.Name
        && Description == other.Description
        && RefreshInterval == other.RefreshInterval
        && HorizonDays == other.HorizonDays
        && Privacy == other.Privacy
        && Layout == other.Layout
        && Alarm == other.Alarm
        && Equals(TimeZone, other.TimeZone)
        && TimedDuration == other.TimedDuration
        && ProductId == other.ProductId
        && CachesEvents == other.CachesEvents
        && YearlyDates == other.YearlyDates
        && BookedMeetings == other.BookedMeetings
        && _uidKey.AsSpan().SequenceEqual(other._uidKey);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, HorizonDays, Privacy, Layout);

    /// <inheritdoc/>
    public override string ToString() => $"feed \"{Name}\" ({Layout}, {Privacy}, {HorizonDays} days)";

    private static string CheckName(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name), "The feed name must not be null.");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"The feed name must not be empty or blank; got \"{Guard.Shorten(name)}\".", nameof(name));
        }

        return Guard.Name(name, nameof(name));
    }

    private static byte[] CheckKey(byte[] uidKey)
    {
        if (uidKey is null)
        {
            throw new ArgumentNullException(nameof(uidKey), "A UID key is needed: UIDs are derived from it so they reveal no name or id. Use at least 16 random bytes and keep them.");
        }

        if (uidKey.Length < MinUidKeyBytes)
        {
            throw new ArgumentException($"The UID key has {uidKey.Length} bytes; at least {MinUidKeyBytes} (128 bits) are needed.", nameof(uidKey));
        }

        return (byte[])uidKey.Clone();
    }
}
