using System;
using Cadence.Calendars;
using Cadence;
using Cadence.DependencyInjection;
using Cadence.Feed;
using Cadence.Levelling;
using Cadence.Planning;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers Cadence with an <see cref="IServiceCollection"/>: <see cref="AddCadence"/>.
/// </summary>
/// <example>
/// <code>
/// using Microsoft.Extensions.DependencyInjection;
///
/// var services = new ServiceCollection();
/// services.AddCadence(options => options.Scheduler = SchedulerOptions.Default.WithOfflineAfterOnlineTouches(2));
/// using var provider = services.BuildServiceProvider();
/// var scheduler = provider.GetRequiredService&lt;Scheduler&gt;();
/// var clock = provider.GetRequiredService&lt;IClock&gt;();
/// Plan plan = scheduler.Plan(diary, clock, DateTimeZoneProviders.Tzdb["Europe/London"]);
/// </code>
/// </example>
public static class CadenceServiceCollectionExtensions
{
    /// <summary>
    /// Adds Cadence's services, as singletons (they are immutable and thread-safe): an <see cref="IClock"/>
    /// (<see cref="SystemClock.Instance"/>), the <see cref="SchedulerOptions"/> of <see cref="CadenceOptions.Scheduler"/>
    /// and a <see cref="Scheduler"/> using them; when <see cref="CadenceOptions.Calendar"/> is set, that
    /// <see cref="OwnerCalendar"/>, the <see cref="LevellingOptions"/> and a <see cref="Leveller"/>, and the registered
    /// <see cref="SchedulerOptions"/> count working days on that calendar (<see cref="SchedulerOptions.WithCalendar"/>);
    /// when <see cref="CadenceOptions.Feed"/> is set, those <see cref="FeedOptions"/> and a <see cref="FeedWriter"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options, which start at the library's defaults; none keeps them all.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <remarks>
    /// <para>
    /// The options are built and checked here, at once: a bad value (a rule whose minimum gap exceeds its target,
    /// <see cref="SchedulerOptions.WithOfflineAfterOnlineTouches"/> below 1, an undefined channel, an option set to
    /// <see langword="null"/>, levelling options without a calendar, a <see cref="SchedulerOptions.Calendar"/> other
    /// than <see cref="CadenceOptions.Calendar"/>, …) throws from this call with the library's message naming the
    /// value, not later when a service is first resolved.
    /// </para>
    /// <para>
    /// Every service is added with <c>TryAdd</c>, so a service registered before this call wins: a host or a test
    /// can register its own <see cref="IClock"/> (a fake clock, say) or its own <see cref="SchedulerOptions"/>.
    /// The <see cref="Scheduler"/>, <see cref="Leveller"/> and <see cref="FeedWriter"/> are built from whatever
    /// options, calendar and feed options the container holds.
    /// </para>
    /// <para>
    /// Calling it twice is safe: nothing is registered twice and nothing throws (unless the second configuration is
    /// itself bad: it is always checked). The <b>first</b> registration of each service wins: a later call never
    /// replaces the first call's options, calendar or feed; it only adds what no earlier call registered (for
    /// instance a feed, when the first call configured none). To change options, configure them in one call.
    /// </para>
    /// <para>
    /// The core reads no clock: take the registered <see cref="IClock"/> and call
    /// <see cref="Scheduler.Plan(Diary, IClock, DateTimeZone)"/>, or pass today's date.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null, or an option was set to null.</exception>
    /// <exception cref="ArgumentException">
    /// An option is out of range or inconsistent (levelling options without a calendar, two different calendars); the
    /// message names it.
    /// </exception>
    /// <example>
    /// <code>
    /// builder.Services.AddCadence(options =>
    /// {
    ///     options.Scheduler = SchedulerOptions.Default
    ///         .WithRules(CadenceRules.Default.With("client", CadenceRule.FromDays(14, 28, 42)))
    ///         .WithDateWindowDays(21);
    ///     options.Calendar = OwnerCalendar.ForZone("Europe/London").WithBudget(new TouchBudget(5));
    ///     options.Levelling = LevellingOptions.Default.WithRebaseOverdue(true);
    ///     options.Feed = new FeedOptions("Cadence: whom to contact", uidKey).WithHorizonDays(90);
    /// });
    /// </code>
    /// </example>
    public static IServiceCollection AddCadence(this IServiceCollection services, Action<CadenceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = new CadenceOptions();
        configure?.Invoke(options);
        SchedulerOptions schedulerOptions = options.Scheduler ?? throw new ArgumentNullException(
            nameof(configure),
            $"{nameof(CadenceOptions)}.{nameof(CadenceOptions.Scheduler)} is null: leave it at {nameof(SchedulerOptions)}.{nameof(SchedulerOptions.Default)} or set options built from it.");
        OwnerCalendar? calendar = options.Calendar;
        LevellingOptions? levelling = options.Levelling;
        FeedOptions? feed = options.Feed;
        if (calendar is not null)
        {
            // One calendar: the one levelling uses is the one the scheduler counts working days on.
            if (schedulerOptions.Calendar is { } own && !own.Equals(calendar))
            {
                throw new ArgumentException(
                    $"{nameof(CadenceOptions)}.{nameof(CadenceOptions.Scheduler)}.{nameof(SchedulerOptions.Calendar)} and {nameof(CadenceOptions)}.{nameof(CadenceOptions.Calendar)} are two different calendars: set it once, in {nameof(CadenceOptions)}.{nameof(CadenceOptions.Calendar)} (the scheduler counts working days on it too).",
                    nameof(configure));
            }

            schedulerOptions = schedulerOptions.WithCalendar(calendar);
        }

        if (levelling is not null && calendar is null)
        {
            throw new ArgumentException(
                $"{nameof(CadenceOptions)}.{nameof(CadenceOptions.Levelling)} is set but {nameof(CadenceOptions)}.{nameof(CadenceOptions.Calendar)} is not: levelling needs the owner's calendar.",
                nameof(configure));
        }

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(schedulerOptions);
        services.TryAddSingleton(static provider => new Scheduler(provider.GetRequiredService<SchedulerOptions>()));

        if (calendar is not null)
        {
            services.TryAddSingleton(calendar);
            services.TryAddSingleton(levelling ?? LevellingOptions.Default);
            services.TryAddSingleton(static provider => new Leveller(
                provider.GetRequiredService<OwnerCalendar>(),
                provider.GetService<LevellingOptions>()));
        }

        if (feed is not null)
        {
            services.TryAddSingleton(feed);
            services.TryAddSingleton(static provider => new FeedWriter(provider.GetRequiredService<FeedOptions>()));
        }

        return services;
    }
}
