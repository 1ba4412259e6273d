using System;
using System.Collections.Generic;
using Cadence.Calendars;
using Cadence.Feed;
using Cadence.Levelling;
using Cadence.Planning;

namespace Cadence.DependencyInjection;

/// <summary>
/// What a host configures in <c>services.AddCadence(options => ...)</c>: the scheduler's settings, and optionally the
/// owner's calendar for levelling and the iCalendar feed. Mutable, for configuration only: <c>AddCadence</c> turns it
/// into the library's immutable, checked values (<see cref="SchedulerOptions"/>, <see cref="OwnerCalendar"/>,
/// <see cref="LevellingOptions"/>, <see cref="FeedOptions"/>) at once, so a bad value throws from <c>AddCadence</c>
/// and changing this object afterwards has no effect.
/// </summary>
/// <remarks>
/// It lives in the <c>Cadence.DependencyInjection</c> namespace, beside the package's name, while
/// <c>AddCadence</c> itself is in <c>Microsoft.Extensions.DependencyInjection</c>, where hosts look for it.
/// Every property starts at the library's default (<see cref="SchedulerOptions.Default"/>).
/// </remarks>
/// <example>
/// <code>
/// services.AddCadence(options =>
/// {
///     options.Rules = CadenceRules.Default.With("client", CadenceRule.FromDays(14, 28, 42));
///     options.Credits = ChannelCredits.Default.With(Channel.Social, 0.1);
///     options.Calendar = OwnerCalendar.ForZone("Europe/London").WithBudget(new TouchBudget(5));
///     options.Feed = new FeedOptions("Cadence: whom to contact", uidKey).WithHorizonDays(90);
/// });
/// </code>
/// </example>
public sealed class CadenceOptions
{
    /// <summary>The cadence rule of each tier. Starts as <see cref="CadenceRules.Default"/>.</summary>
    /// <example>
    /// <code>options.Rules = CadenceRules.Default.With("investor", CadenceRule.FromWeeks(2, 4, 6));</code>
    /// </example>
    public CadenceRules Rules { get; set; } = SchedulerOptions.Default.Rules;

    /// <summary>What each channel and outcome counts for. Starts as <see cref="ChannelCredits.Default"/>.</summary>
    /// <example>
    /// <code>options.Credits = ChannelCredits.Default.With(Channel.Note, 0.8).WithNoReply(0.1);</code>
    /// </example>
    public ChannelCredits Credits { get; set; } = SchedulerOptions.Default.Credits;

    /// <summary>
    /// After this many online touches in a row, suggest a live channel ("take it offline"). At least 1; starts at 3.
    /// </summary>
    /// <example>
    /// <code>options.OfflineAfterOnlineTouches = 2;</code>
    /// </example>
    public int OfflineAfterOnlineTouches { get; set; } = SchedulerOptions.Default.OfflineAfterOnlineTouches;

    /// <summary>
    /// The media that make a <see cref="Channel.Note"/> an online touch (compared ignoring case). Starts with the
    /// library's list ("email", "linkedin", "sms", …); clear it or add to it.
    /// </summary>
    /// <example>
    /// <code>options.OnlineNoteMedia.Add("signal");</code>
    /// </example>
    public IList<string> OnlineNoteMedia { get; } = new List<string>(SchedulerOptions.Default.OnlineNoteMedia);

    /// <summary>The channel suggested when the contact has no preference and nothing else decides. Starts as <see cref="Channel.Call"/>.</summary>
    /// <example>
    /// <code>options.DefaultChannel = Channel.Meeting;</code>
    /// </example>
    public Channel DefaultChannel { get; set; } = SchedulerOptions.Default.DefaultChannel;

    /// <summary>
    /// How many threads the <see cref="Scheduler"/> may use to plan a large diary; <see langword="null"/> (the default)
    /// for every processor, 1 for the calling thread only. See <see cref="SchedulerOptions.MaxDegreeOfParallelism"/>.
    /// </summary>
    /// <example>
    /// <code>options.MaxDegreeOfParallelism = 1; // a web server planning many small diaries at once</code>
    /// </example>
    public int? MaxDegreeOfParallelism { get; set; }

    /// <summary>
    /// The owner's calendar. When set, <c>AddCadence</c> also registers it and a <see cref="Leveller"/>; when
    /// <see langword="null"/> (the default), neither is registered.
    /// </summary>
    /// <example>
    /// <code>options.Calendar = OwnerCalendar.ForZone("Europe/London").WithBudget(new TouchBudget(5));</code>
    /// </example>
    public OwnerCalendar? Calendar { get; set; }

    /// <summary>
    /// The <see cref="Leveller"/>'s options; <see cref="LevellingOptions.Default"/> when <see langword="null"/>.
    /// Only meaningful with a <see cref="Calendar"/>: setting it without one is an error.
    /// </summary>
    /// <example>
    /// <code>options.Levelling = LevellingOptions.Default.WithRebaseOverdue(true);</code>
    /// </example>
    public LevellingOptions? Levelling { get; set; }

    /// <summary>
    /// The iCalendar feed's options. When set, <c>AddCadence</c> also registers them and a <see cref="FeedWriter"/>;
    /// when <see langword="null"/> (the default), neither is registered.
    /// </summary>
    /// <example>
    /// <code>options.Feed = new FeedOptions("Cadence: whom to contact", uidKey).WithPrivacy(FeedPrivacy.Initials);</code>
    /// </example>
    public FeedOptions? Feed { get; set; }

    /// <summary>
    /// Builds the immutable, checked <see cref="SchedulerOptions"/> from <see cref="Rules"/>, <see cref="Credits"/>,
    /// <see cref="OfflineAfterOnlineTouches"/>, <see cref="OnlineNoteMedia"/>, <see cref="DefaultChannel"/> and
    /// <see cref="MaxDegreeOfParallelism"/>, and the <see cref="Calendar"/> (by which follow-up ladders count working
    /// days, the same calendar levelling uses).
    /// </summary>
    /// <returns>The scheduler options.</returns>
    /// <exception cref="ArgumentNullException"><see cref="Rules"/> or <see cref="Credits"/> is null, or a medium is.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <see cref="OfflineAfterOnlineTouches"/> or <see cref="MaxDegreeOfParallelism"/> is below 1, or
    /// <see cref="DefaultChannel"/> is not a defined channel; the message names the value.
    /// </exception>
    /// <exception cref="ArgumentException">A medium is empty or blank.</exception>
    /// <example>
    /// <code>var scheduler = new Scheduler(new CadenceOptions { OfflineAfterOnlineTouches = 2 }.BuildSchedulerOptions());</code>
    /// </example>
    public SchedulerOptions BuildSchedulerOptions() =>
        SchedulerOptions.Default
            .WithRules(Rules)
            .WithCredits(Credits)
            .WithOfflineAfterOnlineTouches(OfflineAfterOnlineTouches)
            .WithOnlineNoteMedia(OnlineNoteMedia)
            .WithDefaultChannel(DefaultChannel)
            .WithMaxDegreeOfParallelism(MaxDegreeOfParallelism)
            .WithCalendar(Calendar);
}
