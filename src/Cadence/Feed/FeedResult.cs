namespace Cadence.Feed;

/// <summary>The outcome of writing a feed.</summary>
/// <param name="State">The state to pass to the next write.</param>
/// <param name="Components">How many events (or tasks) the feed holds.</param>
/// <param name="Changed">Whether any event was added, changed or removed since the previous state.</param>
public sealed record FeedResult(FeedState State, int Components, bool Changed)
{
    /// <summary>
    /// How many of the events were copied from the previous state's cache instead of rendered again (always 0 unless
    /// <see cref="FeedOptions.CachesEvents"/> is on): what made this write cheap, for logging and tests.
    /// </summary>
    public int Reused { get; init; }
}
