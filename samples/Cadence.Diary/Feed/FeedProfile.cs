using System.Collections.Immutable;
using System.IO;
using Cadence.Feed;
using Cadence.Sample.Cli;
using Cadence.Sample.Commands;
using Cadence.Sample.Store;
using NodaTime;

namespace Cadence.Sample.Feed;

/// <summary>
/// What kind of feed is written (layout, privacy, horizon). Each kind keeps its own <see cref="FeedState"/> in the
/// data file, under <see cref="Key"/>, so writing an initials-only feed does not bump the SEQUENCE of the full one.
/// </summary>
internal sealed record FeedProfile(FeedLayout Layout, FeedPrivacy Privacy, int HorizonDays, bool YearlyDates = false)
{
    public const string CalendarName = "Cadence: whom to contact";

    /// <summary>"events/full/365", "digest/initials/90", "tasks/channel/365", "events/full/365/dates" with the yearly dates.</summary>
    public string Key => $"{LayoutName}/{PrivacyName}/{HorizonDays}" + (YearlyDates ? "/dates" : string.Empty);

    private string LayoutName => Layout switch
    {
        FeedLayout.DailyDigest => "digest",
        FeedLayout.Tasks => "tasks",
        _ => "events",
    };

    private string PrivacyName => Privacy switch
    {
        FeedPrivacy.Initials => "initials",
        FeedPrivacy.ChannelOnly => "channel",
        _ => "full",
    };

    /// <summary>The profile the options of <c>feed</c> or <c>serve</c> ask for.</summary>
    public static FeedProfile From(Invocation invocation)
    {
        if (invocation.Has("tasks") && invocation.Has("digest"))
        {
            throw new UsageException("--tasks and --digest do not go together: a task feed has one task per touch.");
        }

        var layout = invocation.Has("tasks") ? FeedLayout.Tasks : invocation.Has("digest") ? FeedLayout.DailyDigest : FeedLayout.Events;
        var privacy = invocation.Get("privacy") is { } p
            ? p.Trim().ToLowerInvariant() switch
            {
                "full" => FeedPrivacy.FullNames,
                "initials" => FeedPrivacy.Initials,
                "channel" => FeedPrivacy.ChannelOnly,
                _ => throw new UserException($"Unknown privacy level \"{Text.Printable(p)}\" for --privacy: use full, initials or channel."),
            }
            : FeedPrivacy.FullNames;
        int horizon = invocation.Get("horizon") is { } h ? Text.ParseInt(h, "--horizon", 1, 3660) : 365;
        return new FeedProfile(layout, privacy, horizon, invocation.Has("yearly-dates"));
    }

    public FeedOptions Options(ImmutableArray<byte> uidKey, DateTimeZone zone) =>
        new FeedOptions(CalendarName, [.. uidKey])
            .WithDescription("Whom to contact, when, by which channel and why: the plan of a Cadence diary.")
            .WithLayout(Layout)
            .WithPrivacy(Privacy)
            .WithHorizonDays(HorizonDays)
            .WithYearlyDates(YearlyDates)
            .WithTimeZone(zone);

    /// <summary>
    /// Renders the feed of a diary for a day: the bytes, and the data with the new feed state (and a UID key if it had
    /// none). <paramref name="now"/> is cut to whole seconds, as calendars and HTTP dates see it.
    /// </summary>
    public (byte[] Bytes, FeedResult Result, DiaryData Data) Render(DiaryData data, LocalDate today, Instant now)
    {
        if (data.Feed.UidKey.IsDefaultOrEmpty)
        {
            data = data with { Feed = data.Feed with { UidKey = [.. Secrets.NewUidKey()] } };
        }

        var levelled = DiaryPlanner.Level(data, today);
        var writer = new FeedWriter(Options(data.Feed.UidKey, data.Owner.TimeZone));
        using var bytes = new MemoryStream();
        var result = writer.Write(levelled, data.Feed.StateOf(Key), Instant.FromUnixTimeSeconds(now.ToUnixTimeSeconds()), bytes);
        return (bytes.ToArray(), result, data with { Feed = data.Feed.WithState(Key, result.State) });
    }
}
