using NodaTime;

namespace Cadence.Feed;

/// <summary>What a feed remembers of one event between two writes.</summary>
/// <param name="Uid">The event's UID.</param>
/// <param name="ContentHash">A hash of the event's date and text (XXH64, seed 0, of the event's lines between SEQUENCE and its END, as written), to see whether it changed.</param>
/// <param name="Sequence">Its SEQUENCE: how many times it changed after it first appeared.</param>
/// <param name="LastModified">When it last changed: its LAST-MODIFIED and DTSTAMP.</param>
public sealed record FeedEntry(string Uid, ulong ContentHash, int Sequence, Instant LastModified);
