using Cadence.Calendars;
using Cadence.Feed;
using Cadence.Levelling;
using Cadence.Planning;

namespace Cadence.DependencyInjection;

/// <summary>
/// What a host configures in <c>services.AddCadence(options => ...)</c>: the scheduler's options, and optionally the
/// owner's calendar for levelling and the iCalendar feed. Each is the library's own immutable, checked value
/// (<see cref="SchedulerOptions"/>, <see cref="OwnerCalendar"/>, <see cref="LevellingOptions"/>,
/// <see cref="FeedOptions"/>), so every option the library has can be set here, and a bad value throws where it is
/// made, inside <c>AddCadence</c>. This object only carries them into <c>AddCadence</c>, which reads it once:
/// changing it afterwards has no effect.
/// </summary>
/// <remarks>
/// It lives in the <c>Cadence.DependencyInjection</c> namespace, beside the package's name, while
/// <c>AddCadence</c> itself is in <c>Microsoft.Extensions.DependencyInjection</c>, where hosts look for it.
/// <see cref="Scheduler"/> starts at <see cref="SchedulerOptions.Default"/>; the others start unset.
/// </remarks>
/// <example>
/// <code>
/// services.AddCadence(options =>
/// {
///     options.Scheduler = SchedulerOptions.Default
///         .WithRules(CadenceRules.Default.With("client", CadenceRule.FromDays(14, 28, 42)))
///         .WithCredits(ChannelCredits.Default.With(Channel.Social, 0.1));
///     options.Calendar = OwnerCalendar.ForZone("Europe/London").WithBudget(new TouchBudget(5));
///     options.Feed = new FeedOptions("Cadence: whom to contact", uidKey).WithHorizonDays(90);
/// });
/// </code>
/// </example>
public sealed class CadenceOptions
{
    /// <summary>
    /// The <see cref="Planning.Scheduler"/>'s options: the cadence rules, channel credits, when to take it offline,
    /// online note media, default channel, threads, the window before date touches and every option the scheduler
    /// has. Starts as <see cref="SchedulerOptions.Default"/>; must not be <see langword="null"/>. When
    /// <see cref="Calendar"/> is set, the registered options count working days on it
    /// (<see cref="SchedulerOptions.WithCalendar"/>); a different <see cref="SchedulerOptions.Calendar"/> here is then
    /// an error.
    /// </summary>
    /// <example>
    /// <code>
    /// options.Scheduler = SchedulerOptions.Default
    ///     .WithRules(CadenceRules.Default.With("investor", CadenceRule.FromWeeks(2, 4, 6)))
    ///     .WithOfflineAfterOnlineTouches(2)
    ///     .WithMaxDegreeOfParallelism(1); // a web server planning many small diaries at once
    /// </code>
    /// </example>
    public SchedulerOptions Scheduler { get; set; } = SchedulerOptions.Default;

    /// <summary>
    /// The owner's calendar. When set, <c>AddCadence</c> also registers it and a <see cref="Leveller"/>, and the
    /// registered <see cref="SchedulerOptions"/> count working days on it (follow-up ladders, campaigns); when
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
}
