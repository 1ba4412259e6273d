using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace Cadence.Calendar;

/// <summary>What a feed remembers of one event between two writes.</summary>
/// <param name="Uid">The event's UID.</param>
/// <param name="ContentHash">A hash of the event's date and text, to see whether it changed.</param>
/// <param name="Sequence">Its SEQUENCE: how many times it changed after it first appeared.</param>
/// <param name="LastModified">When it last changed: its LAST-MODIFIED and DTSTAMP.</param>
public sealed record FeedEntry(string Uid, ulong ContentHash, int Sequence, Instant LastModified);

/// <summary>
/// The memory of a feed between two writes: for each event, a hash of its content, its SEQUENCE and when it last
/// changed; and when the feed as a whole last changed. A <see cref="FeedWriter"/> takes the previous state and
/// returns the next, so unchanged data gives byte-identical output. Immutable; store <see cref="Entries"/> and
/// <see cref="LastModified"/> and rebuild it with <see cref="FromEntries"/>.
/// </summary>
public sealed class FeedState
{
    private readonly ImmutableDictionary<string, FeedEntry> _entries;

    private FeedState(ImmutableDictionary<string, FeedEntry> entries, Instant? lastModified)
    {
        _entries = entries;
        LastModified = lastModified;
    }

    /// <summary>The state of a feed never written.</summary>
    public static FeedState Empty { get; } = new(ImmutableDictionary.Create<string, FeedEntry>(StringComparer.Ordinal), null);

    /// <summary>When the feed's bytes last changed (never earlier than before), or <see langword="null"/> if never written.</summary>
    public Instant? LastModified { get; }

    /// <summary>The events of the last write, by UID (ordinal).</summary>
    public IReadOnlyList<FeedEntry> Entries => _entries.Values.OrderBy(e => e.Uid, StringComparer.Ordinal).ToArray();

    /// <summary>How many events the last write held.</summary>
    public int Count => _entries.Count;

    /// <summary>Rebuilds a stored state.</summary>
    /// <param name="entries">The entries; UIDs must be unique and sequences not negative.</param>
    /// <param name="lastModified">When the feed last changed.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ArgumentException">A duplicate or blank UID, or a negative sequence.</exception>
    public static FeedState FromEntries(IEnumerable<FeedEntry> entries, Instant? lastModified)
    {
        Guard.NotNull(entries, nameof(entries));
        var builder = ImmutableDictionary.CreateBuilder<string, FeedEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            Guard.NotNull(entry, nameof(entries));
            Guard.Id(entry.Uid, nameof(entries));
            if (entry.Sequence < 0)
            {
                throw new ArgumentException($"The feed entry \"{entry.Uid}\" has the negative sequence {entry.Sequence}.", nameof(entries));
            }

            if (!builder.TryAdd(entry.Uid, entry))
            {
                throw new ArgumentException($"Duplicate feed entry UID \"{entry.Uid}\".", nameof(entries));
            }
        }

        return new FeedState(builder.ToImmutable(), lastModified);
    }

    /// <summary>The entry of one UID.</summary>
    /// <param name="uid">The UID.</param>
    /// <param name="entry">The entry found.</param>
    /// <returns>Whether the last write held it.</returns>
    public bool TryGet(string uid, out FeedEntry entry) => _entries.TryGetValue(uid, out entry!);

    internal static FeedState Create(ImmutableDictionary<string, FeedEntry> entries, Instant? lastModified) => new(entries, lastModified);
}
