using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using Cadence.Calendars;
using Cadence.Internal;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// Everything the <see cref="Scheduler"/> is configured with: the cadence rules per tier, the channel credits,
/// when to suggest taking a relationship offline, which note media count as online, and the default channel.
/// Immutable: the <c>With…</c> methods return checked copies.
/// </summary>
public sealed class SchedulerOptions
{
    private readonly FrozenSet<string> _onlineLookup;

    private SchedulerOptions(
        CadenceRules rules,
        ChannelCredits credits,
        int offlineAfterOnlineTouches,
        ImmutableSortedSet<string> onlineNoteMedia,
        Channel defaultChannel,
        int? maxDegreeOfParallelism = null,
        OwnerCalendar? calendar = null,
        int dateWindowDays = DefaultDateWindowDays)
    {
        DateWindowDays = dateWindowDays;
        Calendar = calendar;
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
        Rules = rules;
        Credits = credits;
        OfflineAfterOnlineTouches = offlineAfterOnlineTouches;
        OnlineNoteMedia = onlineNoteMedia;
        _onlineLookup = onlineNoteMedia.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        DefaultChannel = defaultChannel;
    }

    /// <summary>
    /// <see cref="CadenceRules.Default"/>, <see cref="ChannelCredits.Default"/>, offline after 3 online touches,
    /// e-mail and messaging notes online, calls by default.
    /// </summary>
    public static SchedulerOptions Default { get; } = new(
        CadenceRules.Default,
        ChannelCredits.Default,
        3,
        ImmutableSortedSet.Create(StringComparer.OrdinalIgnoreCase, "email", "e-mail", "mail merge", "newsletter", "message", "dm", "linkedin", "text", "sms", "whatsapp", "chat"),
        Channel.Call);

    /// <summary>The cadence rule of each tier.</summary>
    public CadenceRules Rules { get; }

    /// <summary>What each channel and outcome counts for.</summary>
    public ChannelCredits Credits { get; }

    /// <summary>After this many online touches in a row, suggest a live channel ("take it offline").</summary>
    public int OfflineAfterOnlineTouches { get; }

    /// <summary>
    /// The media (compared ignoring case and surrounding spaces) that make a <see cref="Channel.Note"/> an online
    /// touch, such as "email". Social touches are always online; meetings and calls never are.
    /// </summary>
    public IReadOnlyCollection<string> OnlineNoteMedia { get; }

    /// <summary>The channel suggested when the contact has no preference and nothing else decides.</summary>
    public Channel DefaultChannel { get; }

    /// <summary>Returns a copy with other cadence rules.</summary>
    /// <param name="rules">The rules.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public SchedulerOptions WithRules(CadenceRules rules) =>
        new(Guard.NotNull(rules, nameof(rules)), Credits, OfflineAfterOnlineTouches, Media, DefaultChannel, MaxDegreeOfParallelism, Calendar, DateWindowDays);

    /// <summary>Returns a copy with other channel credits.</summary>
    /// <param name="credits">The credits.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public SchedulerOptions WithCredits(ChannelCredits credits) =>
        new(Rules, Guard.NotNull(credits, nameof(credits)), OfflineAfterOnlineTouches, Media, DefaultChannel, MaxDegreeOfParallelism, Calendar, DateWindowDays);

    /// <summary>Returns a copy that suggests a live channel after <paramref name="count"/> online touches in a row.</summary>
    /// <param name="count">At least 1.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The count is below 1.</exception>
    [Pure]
    public SchedulerOptions WithOfflineAfterOnlineTouches(int count)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The number of online touches before taking it offline must be at least 1; got {count}.");
        }

        return new(Rules, Credits, count, Media, DefaultChannel, MaxDegreeOfParallelism, Calendar, DateWindowDays);
    }

    /// <summary>Returns a copy where these media make a note an online touch.</summary>
    /// <param name="media">The media names.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public SchedulerOptions WithOnlineNoteMedia(params IEnumerable<string> media)
    {
        Guard.NotNull(media, nameof(media));
        var set = ImmutableSortedSet.CreateRange(
            StringComparer.OrdinalIgnoreCase,
            media.Select(m => Guard.Name(m, nameof(media)).Trim()));
        return new(Rules, Credits, OfflineAfterOnlineTouches, set, DefaultChannel, MaxDegreeOfParallelism, Calendar, DateWindowDays);
    }

    /// <summary>Returns a copy with another default channel.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public SchedulerOptions WithDefaultChannel(Channel channel) =>
        new(Rules, Credits, OfflineAfterOnlineTouches, Media, Guard.Defined(channel, nameof(channel)), MaxDegreeOfParallelism, Calendar, DateWindowDays);

    /// <summary>
    /// How many threads <see cref="Scheduler.Plan(Diary, NodaTime.LocalDate)"/> may use for a large diary:
    /// <see langword="null"/> (the default) for as many as the machine has, 1 to plan on the calling thread only.
    /// The plan is the same whatever the value; small diaries are always planned on the calling thread.
    /// </summary>
    public int? MaxDegreeOfParallelism { get; }

    /// <summary>Returns a copy that plans a large diary on at most this many threads.</summary>
    /// <param name="max">At least 1; <see langword="null"/> for as many as the machine has.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    [Pure]
    public SchedulerOptions WithMaxDegreeOfParallelism(int? max)
    {
        if (max is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"The maximum degree of parallelism must be at least 1 (or null for every processor); {max} was given.");
        }

        return new(Rules, Credits, OfflineAfterOnlineTouches, Media, DefaultChannel, max, Calendar, DateWindowDays);
    }

    /// <summary>
    /// The owner's calendar, by which follow-up ladders count working days (<see cref="DayCount.WorkingDays"/>): its
    /// working days, holidays and time off. <see langword="null"/> (the default) counts Monday to Friday. Give the
    /// calendar the plan is levelled with.
    /// </summary>
    public OwnerCalendar? Calendar { get; }

    /// <summary>Returns a copy that counts working days on this calendar (or Monday to Friday with <see langword="null"/>).</summary>
    /// <param name="calendar">The owner's calendar.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public SchedulerOptions WithCalendar(OwnerCalendar? calendar) =>
        new(Rules, Credits, OfflineAfterOnlineTouches, Media, DefaultChannel, MaxDegreeOfParallelism, calendar, DateWindowDays);

    /// <summary>The default of <see cref="DateWindowDays"/>: two weeks.</summary>
    public const int DefaultDateWindowDays = 14;

    /// <summary>The most <see cref="DateWindowDays"/> can be.</summary>
    public const int MaxDateWindowDays = 90;

    /// <summary>
    /// The window before a date touch (an <see cref="ImportantDate"/>'s day or reminder day) in which no routine touch is
    /// planned: a routine touch due this many days or fewer before it waits for it, and the date touch is the next touch
    /// (a <see cref="Explanations.HeldForDateReason"/> says so). 14 by default; 0 keeps routine touches where they are.
    /// </summary>
    public int DateWindowDays { get; }

    /// <summary>Returns a copy with another window before date touches (see <see cref="DateWindowDays"/>).</summary>
    /// <param name="days">0 to <see cref="MaxDateWindowDays"/>.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0 to 90; the message names it.</exception>
    [Pure]
    public SchedulerOptions WithDateWindowDays(int days)
    {
        if (days is < 0 or > MaxDateWindowDays)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"The window before a date touch must be 0 to {MaxDateWindowDays} days; {days} was given.");
        }

        return new(Rules, Credits, OfflineAfterOnlineTouches, Media, DefaultChannel, MaxDegreeOfParallelism, Calendar, days);
    }

    /// <summary>Whether a day is a working day: on <see cref="Calendar"/>, or Monday to Friday without one.</summary>
    internal bool IsWorkingDay(LocalDate day) => WorkingDays.IsWorkingDay(Calendar, day);

    /// <summary>Whether a note with this medium (already trimmed) is an online touch.</summary>
    internal bool IsOnlineNoteMedium(string medium) => _onlineLookup.Contains(medium);

    /// <summary>Whether a touch is online: social always; a note when its medium is one of <see cref="OnlineNoteMedia"/>.</summary>
    /// <param name="touch">The touch.</param>
    /// <returns>Whether it is online.</returns>
    internal bool IsOnline(Touch touch)
    {
        Guard.NotNull(touch, nameof(touch));
        return IsOnline(touch.Channel, touch.Medium is { } medium && IsOnlineNoteMedium(medium));
    }

    /// <summary>
    /// The rule the scheduler runs (over the media it looked up once per diary): a touch is online when it is social, or a
    /// note whose medium is online.
    /// </summary>
    /// <param name="channel">The touch's channel.</param>
    /// <param name="onlineMedium">Whether its medium is one of <see cref="OnlineNoteMedia"/>.</param>
    /// <returns>Whether it is online.</returns>
    internal static bool IsOnline(Channel channel, bool onlineMedium) => channel == Channel.Social || (channel == Channel.Note && onlineMedium);

    private ImmutableSortedSet<string> Media => (ImmutableSortedSet<string>)OnlineNoteMedia;
}
