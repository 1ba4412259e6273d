namespace Cadence.Feed;

/// <summary>What a feed holds: one event per touch, one event per day, or tasks.</summary>
public enum FeedLayout
{
    /// <summary>One all-day VEVENT per planned touch (timed, in UTC, when the touch has a time). The default.</summary>
    Events = 0,

    /// <summary>One all-day VEVENT per day, listing that day's touches.</summary>
    DailyDigest = 1,

    /// <summary>One VTODO per planned touch, for a separate task feed (Google, Apple Calendar and Outlook do not show tasks).</summary>
    Tasks = 2,
}
