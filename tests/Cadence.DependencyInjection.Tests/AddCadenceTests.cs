using System;
using System.IO;
using System.Linq;
using System.Text;
using Cadence.Calendars;
using Cadence.Feed;
using Cadence.Levelling;
using Cadence.Planning;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Cadence.DependencyInjection.Tests;

/// <summary><c>services.AddCadence(...)</c> with a real <see cref="ServiceCollection"/> and provider.</summary>
public class AddCadenceTests
{
    private static readonly LocalDate Today = FixedDays.Today;

    private static readonly byte[] UidKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private static Diary SmallDiary() => new(
        relationships:
        [
            new Relationship("zoe", "Zoë Müller", "client"),
            new Relationship("sam", "Sam Okafor", "prospect"),
        ],
        touches:
        [
            new Touch("zoe", Today.PlusDays(-41), Channel.Meeting, medium: "coffee"),
            new Touch("sam", Today.PlusDays(-3), Channel.Call),
        ]);

    private static ServiceProvider Build(Action<CadenceOptions>? configure = null) =>
        new ServiceCollection().AddCadence(configure).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    private static int CountOf<T>(IServiceCollection services) => services.Count(d => d.ServiceType == typeof(T));

    // --- What it registers ------------------------------------------------------------------------------------

    [Fact]
    public void AddCadence_NoConfigure_ResolvesSchedulerWithDefaultOptions()
    {
        using var provider = Build();

        var scheduler = provider.GetRequiredService<Scheduler>();
        var options = provider.GetRequiredService<SchedulerOptions>();

        Assert.Same(options, scheduler.Options);
        Assert.Same(CadenceRules.Default, options.Rules);
        Assert.Equal(ChannelCredits.Default, options.Credits);
        Assert.Equal(SchedulerOptions.Default.OfflineAfterOnlineTouches, options.OfflineAfterOnlineTouches);
        Assert.Equal(SchedulerOptions.Default.OnlineNoteMedia, options.OnlineNoteMedia);
        Assert.Equal(SchedulerOptions.Default.DefaultChannel, options.DefaultChannel);
        Assert.Null(options.MaxDegreeOfParallelism);
        Assert.Equal(new Scheduler().Plan(SmallDiary(), Today), scheduler.Plan(SmallDiary(), Today));
    }

    [Fact]
    public void AddCadence_Configured_SchedulerUsesEveryOption()
    {
        var rules = CadenceRules.Default.With("investor", CadenceRule.FromWeeks(2, 4, 6));
        var credits = ChannelCredits.Default.With(Channel.Note, 0.8).WithNoReply(0.1);

        using var provider = Build(options =>
        {
            options.Scheduler = SchedulerOptions.Default
                .WithRules(rules)
                .WithCredits(credits)
                .WithOfflineAfterOnlineTouches(2)
                .WithOnlineNoteMedia("signal")
                .WithDefaultChannel(Channel.Meeting)
                .WithMaxDegreeOfParallelism(1);
        });

        var options = provider.GetRequiredService<Scheduler>().Options;
        Assert.Equal(1, options.MaxDegreeOfParallelism);
        Assert.Same(rules, options.Rules);
        Assert.Same(credits, options.Credits);
        Assert.Equal(2, options.OfflineAfterOnlineTouches);
        Assert.Equal(["signal"], options.OnlineNoteMedia);
        Assert.Equal(Channel.Meeting, options.DefaultChannel);
    }

    [Fact]
    public void AddCadence_Services_AreSingletons()
    {
        using var provider = Build(o =>
        {
            o.Calendar = OwnerCalendar.ForZone("Europe/London");
            o.Feed = new FeedOptions("Cadence", UidKey);
        });

        Assert.Same(provider.GetRequiredService<Scheduler>(), provider.GetRequiredService<Scheduler>());
        Assert.Same(provider.GetRequiredService<Leveller>(), provider.GetRequiredService<Leveller>());
        Assert.Same(provider.GetRequiredService<FeedWriter>(), provider.GetRequiredService<FeedWriter>());
        var services = new ServiceCollection().AddCadence(o => o.Calendar = OwnerCalendar.ForZone("Europe/London"));
        Assert.All(services, d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
    }

    [Fact]
    public void AddCadence_NoCalendarOrFeed_RegistersNoLevellerOrFeedWriter()
    {
        var services = new ServiceCollection().AddCadence();

        Assert.Equal(
            new[] { typeof(IClock), typeof(SchedulerOptions), typeof(Scheduler) }.Select(t => t.FullName),
            services.Select(d => d.ServiceType.FullName));
        using var provider = services.BuildServiceProvider();
        Assert.Null(provider.GetService<OwnerCalendar>());
        Assert.Null(provider.GetService<Leveller>());
        Assert.Null(provider.GetService<FeedOptions>());
        Assert.Null(provider.GetService<FeedWriter>());
    }

    [Fact]
    public void AddCadence_WithCalendar_ResolvesLevellerWithCalendarAndLevellingOptions()
    {
        var calendar = OwnerCalendar.ForZone("Europe/London").WithBudget(new TouchBudget(1));
        var levelling = LevellingOptions.Default.WithRebaseOverdue(true);

        using var provider = Build(o =>
        {
            o.Calendar = calendar;
            o.Levelling = levelling;
        });

        var leveller = provider.GetRequiredService<Leveller>();
        Assert.Same(calendar, leveller.Calendar);
        Assert.Same(calendar, provider.GetRequiredService<OwnerCalendar>());
        Assert.Same(levelling, leveller.Options);
        Assert.Same(calendar, provider.GetRequiredService<SchedulerOptions>().Calendar);

        // With one touch a day, the two due touches go on two different working days.
        var plan = provider.GetRequiredService<Scheduler>().Plan(SmallDiary(), Today);
        var levelled = leveller.Level(plan);
        Assert.Equal(2, levelled.Touches.Select(t => t.Due).Distinct().Count());
    }

    [Fact]
    public void AddCadence_WithCalendarOnly_LevellerUsesDefaultLevellingOptions()
    {
        using var provider = Build(o => o.Calendar = OwnerCalendar.ForZone("Europe/London"));

        Assert.Equal(LevellingOptions.Default, provider.GetRequiredService<Leveller>().Options);
    }

    [Fact]
    public void AddCadence_WithFeed_ResolvesFeedWriterThatWritesThePlan()
    {
        var feed = new FeedOptions("Cadence: whom to contact", UidKey).WithHorizonDays(90);
        using var provider = Build(o => o.Feed = feed);

        var writer = provider.GetRequiredService<FeedWriter>();
        Assert.Same(feed, writer.Options);
        Assert.Same(feed, provider.GetRequiredService<FeedOptions>());

        var plan = provider.GetRequiredService<Scheduler>().Plan(SmallDiary(), Today);
        using var stream = new MemoryStream();
        var result = writer.Write(plan, FeedState.Empty, Instant.FromUtc(2026, 3, 13, 8, 0), stream);
        string text = Encoding.UTF8.GetString(stream.ToArray());

        Assert.Equal(2, result.Components);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Zoë Müller", text, StringComparison.Ordinal);
    }

    // --- The scheduler's own options, and one calendar ----------------------------------------------------------

    [Fact]
    public void AddCadence_SchedulerOptionsWithoutCalendar_RegistersThemAsGiven()
    {
        var mine = SchedulerOptions.Default.WithDateWindowDays(30).WithOfflineAfterOnlineTouches(2);

        using var provider = Build(o => o.Scheduler = mine);

        Assert.Same(mine, provider.GetRequiredService<SchedulerOptions>());
        Assert.Same(mine, provider.GetRequiredService<Scheduler>().Options);
    }

    [Fact]
    public void AddCadence_DateWindowDays_ReachesTheScheduler()
    {
        using var provider = Build(o =>
        {
            o.Scheduler = o.Scheduler.WithDateWindowDays(0);
            o.Calendar = OwnerCalendar.ForZone("Europe/London");
        });

        var options = provider.GetRequiredService<Scheduler>().Options;
        Assert.Equal(0, options.DateWindowDays);
        Assert.Same(provider.GetRequiredService<OwnerCalendar>(), options.Calendar);
    }

    [Fact]
    public void AddCadence_BadDateWindowDays_ThrowsNamingTheValue()
    {
        var services = new ServiceCollection();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => services.AddCadence(o => o.Scheduler = o.Scheduler.WithDateWindowDays(91)));

        Assert.Contains("91 was given", ex.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }

    [Fact]
    public void AddCadence_SchedulerCalendarOtherThanCalendar_ThrowsNamingBoth()
    {
        var services = new ServiceCollection();

        var ex = Assert.Throws<ArgumentException>(() => services.AddCadence(o =>
        {
            o.Scheduler = o.Scheduler.WithCalendar(OwnerCalendar.ForZone("Australia/Sydney"));
            o.Calendar = OwnerCalendar.ForZone("Europe/London");
        }));

        Assert.Contains("CadenceOptions.Scheduler.Calendar and CadenceOptions.Calendar are two different calendars", ex.Message, StringComparison.Ordinal);
        Assert.Equal("configure", ex.ParamName);
        Assert.Empty(services);
    }

    [Fact]
    public void AddCadence_SchedulerCalendarEqualToCalendar_UsesTheCalendar()
    {
        var calendar = OwnerCalendar.ForZone("Europe/London").WithBudget(new TouchBudget(3));

        using var provider = Build(o =>
        {
            o.Scheduler = o.Scheduler.WithCalendar(OwnerCalendar.ForZone("Europe/London").WithBudget(new TouchBudget(3)));
            o.Calendar = calendar;
        });

        Assert.Same(calendar, provider.GetRequiredService<SchedulerOptions>().Calendar);
        Assert.Same(calendar, provider.GetRequiredService<Leveller>().Calendar);
    }

    [Fact]
    public void AddCadence_SchedulerCalendarOnly_CountsWorkingDaysOnItWithoutLevelling()
    {
        var calendar = OwnerCalendar.ForZone("Europe/London");

        var services = new ServiceCollection().AddCadence(o => o.Scheduler = o.Scheduler.WithCalendar(calendar));

        Assert.Equal(0, CountOf<OwnerCalendar>(services));
        Assert.Equal(0, CountOf<Leveller>(services));
        using var provider = services.BuildServiceProvider();
        Assert.Same(calendar, provider.GetRequiredService<Scheduler>().Options.Calendar);
    }

    [Fact]
    public void AddCadence_NullScheduler_ThrowsNamingTheOption()
    {
        var services = new ServiceCollection();

        var ex = Assert.Throws<ArgumentNullException>(() => services.AddCadence(o => o.Scheduler = null!));

        Assert.Contains("CadenceOptions.Scheduler is null", ex.Message, StringComparison.Ordinal);
        Assert.Equal("configure", ex.ParamName);
        Assert.Empty(services);
    }

    // --- The clock --------------------------------------------------------------------------------------------

    [Fact]
    public void AddCadence_NoClockRegistered_ClockIsTheSystemClock()
    {
        using var provider = Build();

        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void AddCadence_HostRegisteredClockFirst_KeepsTheHostClock()
    {
        var fake = new FakeClock(Instant.FromUtc(2026, 3, 13, 9, 30));
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(fake);

        services.AddCadence();

        Assert.Equal(1, CountOf<IClock>(services));
        using var provider = services.BuildServiceProvider();
        var clock = provider.GetRequiredService<IClock>();
        Assert.Same(fake, clock);
        var plan = provider.GetRequiredService<Scheduler>().Plan(SmallDiary(), clock, DateTimeZoneProviders.Tzdb["Europe/London"]);
        Assert.Equal(Today, plan.Today);
    }

    [Fact]
    public void AddCadence_HostRegisteredSchedulerOptionsFirst_SchedulerUsesThem()
    {
        var mine = SchedulerOptions.Default.WithDefaultChannel(Channel.Note);
        var services = new ServiceCollection();
        services.AddSingleton(mine);

        services.AddCadence(o => o.Scheduler = SchedulerOptions.Default.WithDefaultChannel(Channel.Meeting));

        using var provider = services.BuildServiceProvider();
        Assert.Same(mine, provider.GetRequiredService<Scheduler>().Options);
    }

    // --- Bad options throw from AddCadence, naming the value, and register nothing ------------------------------

    [Fact]
    public void AddCadence_OfflineAfterZeroTouches_ThrowsNamingTheValue()
    {
        var services = new ServiceCollection();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => services.AddCadence(o => o.Scheduler = o.Scheduler.WithOfflineAfterOnlineTouches(0)));

        Assert.Contains("online touches before taking it offline must be at least 1; got 0", ex.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }

    [Fact]
    public void AddCadence_NoThreads_ThrowsNamingTheValue()
    {
        var services = new ServiceCollection();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => services.AddCadence(o => o.Scheduler = o.Scheduler.WithMaxDegreeOfParallelism(0)));

        Assert.Contains("maximum degree of parallelism must be at least 1 (or null for every processor); 0 was given", ex.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }

    [Fact]
    public void AddCadence_UndefinedDefaultChannel_ThrowsNamingTheValue()
    {
        var services = new ServiceCollection();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => services.AddCadence(o => o.Scheduler = o.Scheduler.WithDefaultChannel((Channel)42)));

        Assert.Contains("42 is not a defined Channel", ex.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }

    [Fact]
    public void AddCadence_NullRules_Throws()
    {
        var services = new ServiceCollection();

        var ex = Assert.Throws<ArgumentNullException>(() => services.AddCadence(o => o.Scheduler = o.Scheduler.WithRules(null!)));

        Assert.Equal("rules", ex.ParamName);
        Assert.Empty(services);
    }

    [Fact]
    public void AddCadence_NullCredits_Throws()
    {
        var services = new ServiceCollection();

        var ex = Assert.Throws<ArgumentNullException>(() => services.AddCadence(o => o.Scheduler = o.Scheduler.WithCredits(null!)));

        Assert.Equal("credits", ex.ParamName);
        Assert.Empty(services);
    }

    [Fact]
    public void AddCadence_BlankOnlineMedium_ThrowsNamingTheValue()
    {
        var services = new ServiceCollection();

        var ex = Assert.Throws<ArgumentException>(() => services.AddCadence(o => o.Scheduler = o.Scheduler.WithOnlineNoteMedia(o.Scheduler.OnlineNoteMedia.Append("  "))));

        Assert.Contains("must not be empty or blank", ex.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }

    [Fact]
    public void AddCadence_RuleWithMinGapOverTarget_ThrowsFromAddCadence()
    {
        var services = new ServiceCollection();

        var ex = Assert.ThrowsAny<ArgumentException>(() => services.AddCadence(
            o => o.Scheduler = o.Scheduler.WithRules(CadenceRules.Default.With("client", CadenceRule.FromDays(30, 14, 45)))));

        Assert.Contains("30", ex.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }

    [Fact]
    public void AddCadence_CreditOutOfRange_ThrowsNamingTheValue()
    {
        var services = new ServiceCollection();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => services.AddCadence(
            o => o.Scheduler = o.Scheduler.WithCredits(ChannelCredits.Default.With(Channel.Note, -1))));

        Assert.Contains("got -1", ex.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }

    [Fact]
    public void AddCadence_LevellingWithoutCalendar_ThrowsNamingBoth()
    {
        var services = new ServiceCollection();

        var ex = Assert.Throws<ArgumentException>(() => services.AddCadence(o => o.Levelling = LevellingOptions.Default));

        Assert.Contains("CadenceOptions.Levelling is set but CadenceOptions.Calendar is not", ex.Message, StringComparison.Ordinal);
        Assert.Equal("configure", ex.ParamName);
        Assert.Empty(services);
    }

    [Fact]
    public void AddCadence_NullServices_ThrowsArgumentNull()
    {
        IServiceCollection services = null!;

        var ex = Assert.Throws<ArgumentNullException>(() => services.AddCadence());

        Assert.Equal("services", ex.ParamName);
    }

    // --- Twice, and the return value ----------------------------------------------------------------------------

    [Fact]
    public void AddCadence_CalledTwice_AddsNoDuplicateRegistrations()
    {
        var services = new ServiceCollection();
        Action<CadenceOptions> configure = o =>
        {
            o.Calendar = OwnerCalendar.ForZone("Europe/London");
            o.Feed = new FeedOptions("Cadence", UidKey);
        };

        services.AddCadence(configure);
        int once = services.Count;
        services.AddCadence(configure);

        Assert.Equal(once, services.Count);
        Assert.Equal(8, once); // IClock, SchedulerOptions, Scheduler, OwnerCalendar, LevellingOptions, Leveller, FeedOptions, FeedWriter
        Assert.All(services.GroupBy(d => d.ServiceType), g => Assert.Single(g));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Assert.Single(provider.GetServices<Scheduler>());
    }

    [Fact]
    public void AddCadence_CalledTwice_FirstConfigurationWins()
    {
        var firstCalendar = OwnerCalendar.ForZone("Europe/London");
        var services = new ServiceCollection();

        services.AddCadence(o =>
        {
            o.Scheduler = o.Scheduler.WithOfflineAfterOnlineTouches(2);
            o.Calendar = firstCalendar;
        });
        services.AddCadence(o =>
        {
            o.Scheduler = o.Scheduler.WithOfflineAfterOnlineTouches(5);
            o.Calendar = OwnerCalendar.ForZone("Australia/Sydney");
        });

        using var provider = services.BuildServiceProvider();
        Assert.Equal(2, provider.GetRequiredService<Scheduler>().Options.OfflineAfterOnlineTouches);
        Assert.Same(firstCalendar, provider.GetRequiredService<Leveller>().Calendar);
    }

    [Fact]
    public void AddCadence_SecondCallWithFeed_AddsOnlyTheFeed()
    {
        var services = new ServiceCollection();

        services.AddCadence(o => o.Scheduler = o.Scheduler.WithOfflineAfterOnlineTouches(2));
        services.AddCadence(o =>
        {
            o.Scheduler = o.Scheduler.WithOfflineAfterOnlineTouches(5);
            o.Feed = new FeedOptions("Cadence", UidKey);
        });

        Assert.Equal(5, services.Count);
        using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetService<FeedWriter>());
        Assert.Equal(2, provider.GetRequiredService<Scheduler>().Options.OfflineAfterOnlineTouches);
    }

    [Fact]
    public void AddCadence_SecondCallWithBadOptions_StillThrows()
    {
        var services = new ServiceCollection().AddCadence();
        int once = services.Count;

        Assert.Throws<ArgumentOutOfRangeException>(() => services.AddCadence(o => o.Scheduler = o.Scheduler.WithOfflineAfterOnlineTouches(-1)));
        Assert.Equal(once, services.Count);
    }

    [Fact]
    public void AddCadence_Always_ReturnsTheSameServices()
    {
        var services = new ServiceCollection();

        Assert.Same(services, services.AddCadence());
        Assert.Same(services, services.AddCadence(o => o.Scheduler = o.Scheduler.WithDefaultChannel(Channel.Note)));
    }

    [Fact]
    public void CadenceOptions_ChangedAfterAddCadence_ChangesNothing()
    {
        CadenceOptions? captured = null;
        var services = new ServiceCollection().AddCadence(o => captured = o);

        captured!.Scheduler = SchedulerOptions.Default.WithOfflineAfterOnlineTouches(1);
        captured.Calendar = OwnerCalendar.ForZone("Europe/London");

        using var provider = services.BuildServiceProvider();
        Assert.Equal(SchedulerOptions.Default.OfflineAfterOnlineTouches, provider.GetRequiredService<Scheduler>().Options.OfflineAfterOnlineTouches);
    }
}
