namespace Cadence.Feed;

/// <summary>The outcome of writing a feed.</summary>
/// <param name="State">The state to pass to the next write.</param>
/// <param name="Components">How many events (or tasks) the feed holds.</param>
/// <param name="Changed">Whether any event was added, changed or removed since the previous state.</param>
public sealed record FeedResult(FeedState State, int Components, bool Changed);
