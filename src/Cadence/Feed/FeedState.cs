using System;
using System.Collections.Generic;
using System.Threading;
using Cadence.Internal;
using NodaTime;

namespace Cadence.Feed;

/// <summary>
/// The memory of a feed between two writes: for each event, a hash of its content, its SEQUENCE and when it last
/// changed; and when the feed as a whole last changed. A <see cref="FeedWriter"/> takes the previous state and
/// returns the next, so unchanged data gives byte-identical output. Immutable; store <see cref="Entries"/> and
/// <see cref="LastModified"/> and rebuild it with <see cref="FromEntries"/>.
/// </summary>
/// <remarks>
/// The events are kept as values, not as <see cref="FeedEntry"/> objects: a state costs about 48 bytes per event,
/// and a write that changes nothing returns the previous state (or one sharing its storage). With
/// <see cref="FeedOptions.CachesEvents"/> a state also holds its events' bytes (about the feed's size), in memory only.
/// </remarks>
public sealed class FeedState
{
    private readonly FeedSlot[] _slots;
    private readonly int _count;

    /// <summary>Entries whose UID is not of the form the writer makes (only from <see cref="FromEntries"/>).</summary>
    private readonly Dictionary<string, FeedEntry>? _others;

    /// <summary>Open addressing over <see cref="_slots"/> by key: slot index + 1, 0 for empty; built on first need.</summary>
    private int[]? _index;

    private FeedState(FeedSlot[] slots, int count, int[]? index, Dictionary<string, FeedEntry>? others, Instant? lastModified, EventCache? cache = null)
    {
        Cache = cache;
        _slots = slots;
        _count = count;
        _index = index;
        _others = others;
        LastModified = lastModified;
    }

    /// <summary>The state of a feed never written.</summary>
    public static FeedState Empty { get; } = new([], 0, null, null, null);

    /// <summary>When the feed's bytes last changed (never earlier than before), or <see langword="null"/> if never written.</summary>
    public Instant? LastModified { get; }

    /// <summary>The events of the last write, by UID (ordinal).</summary>
    public IReadOnlyList<FeedEntry> Entries
    {
        get
        {
            var entries = new FeedEntry[Count];
            for (int i = 0; i < _count; i++)
            {
                ref readonly var slot = ref _slots[i];
                entries[i] = new FeedEntry(slot.Key.ToString(), slot.ContentHash, slot.Sequence, slot.LastModified);
            }

            if (_others is not null)
            {
                _others.Values.CopyTo(entries, _count);
            }

            Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Uid, b.Uid));
            return entries;
        }
    }

    /// <summary>How many events the last write held.</summary>
    public int Count => _count + (_others?.Count ?? 0);

    /// <summary>The events in the order they were written (or given), without the ones of another UID form.</summary>
    internal ReadOnlySpan<FeedSlot> Slots => _slots.AsSpan(0, _count);

    /// <summary>The bytes of the events as written, slot for slot, when the writer's options cache them; never from <see cref="FromEntries"/>.</summary>
    internal EventCache? Cache { get; }

    /// <summary>Rebuilds a stored state.</summary>
    /// <param name="entries">The entries; UIDs must be unique and sequences not negative.</param>
    /// <param name="lastModified">When the feed last changed.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ArgumentException">A duplicate or blank UID, or a negative sequence.</exception>
    public static FeedState FromEntries(IEnumerable<FeedEntry> entries, Instant? lastModified)
    {
        Guard.NotNull(entries, nameof(entries));
        if (lastModified is { } feedModified)
        {
            Guard.Instant(feedModified, nameof(lastModified));
        }

        var slots = new List<FeedSlot>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Dictionary<string, FeedEntry>? others = null;
        foreach (var entry in entries)
        {
            Guard.NotNull(entry, nameof(entries));
            Guard.Id(entry.Uid, nameof(entries));
            if (entry.Sequence < 0)
            {
                throw new ArgumentException($"The feed entry \"{entry.Uid}\" has the negative sequence {entry.Sequence}.", nameof(entries));
            }

            if (!Guard.IsSupported(entry.LastModified))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(entries), entry.LastModified, $"The feed entry \"{entry.Uid}\" was last modified at {entry.LastModified}, outside the dates Cadence plans with (1900-01-01 to 2999-12-31, UTC).");
            }

            if (!seen.Add(entry.Uid))
            {
                throw new ArgumentException($"Duplicate feed entry UID \"{entry.Uid}\".", nameof(entries));
            }

            if (UidKey.TryParse(entry.Uid, out var key))
            {
                slots.Add(new FeedSlot(key, entry.ContentHash, entry.Sequence, entry.LastModified));
            }
            else
            {
                (others ??= new Dictionary<string, FeedEntry>(StringComparer.Ordinal)).Add(entry.Uid, entry);
            }
        }

        var array = slots.ToArray();
        return new FeedState(array, array.Length, BuildIndex(array, array.Length), others, lastModified);
    }

    /// <summary>The entry of one UID.</summary>
    /// <param name="uid">The UID.</param>
    /// <param name="entry">The entry found.</param>
    /// <returns>Whether the last write held it.</returns>
    public bool TryGet(string uid, out FeedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(uid);
        if (UidKey.TryParse(uid, out var key))
        {
            int at = Find(key, -1);
            if (at >= 0)
            {
                ref readonly var slot = ref _slots[at];
                entry = new FeedEntry(uid, slot.ContentHash, slot.Sequence, slot.LastModified);
                return true;
            }
        }
        else if (_others is not null && _others.TryGetValue(uid, out var other))
        {
            entry = other;
            return true;
        }

        entry = null!;
        return false;
    }

    /// <summary>A state of <paramref name="count"/> slots the writer made; throws if two have the same key.</summary>
    internal static FeedState Create(FeedSlot[] slots, int count, Instant? lastModified, EventCache? cache) =>
        new(slots, count, BuildIndex(slots, count), null, lastModified, cache);

    /// <summary>This state's events (not those of another UID form) with another <see cref="LastModified"/> and cache, sharing their storage.</summary>
    internal FeedState With(Instant? lastModified, EventCache? cache) =>
        _others is null && lastModified == LastModified && cache == Cache ? this : new(_slots, _count, _index, null, lastModified, cache);

    /// <summary>The position of the slot with a key, trying <paramref name="hint"/> first; -1 when there is none.</summary>
    internal int Find(in UidKey key, int hint)
    {
        if ((uint)hint < (uint)_count && _slots[hint].Is(key))
        {
            return hint;
        }

        if (_count == 0)
        {
            return -1;
        }

        var index = _index;
        if (index is null)
        {
            // Only states made by FromEntries or Create exist, and both build the index; kept for safety.
            index = BuildIndex(_slots, _count);
            Interlocked.CompareExchange(ref _index, index, null);
        }

        int mask = index.Length - 1;
        for (int i = key.GetHashCode() & mask; ; i = (i + 1) & mask)
        {
            int at = index[i] - 1;
            if (at < 0)
            {
                return -1;
            }

            if (_slots[at].Is(key))
            {
                return at;
            }
        }
    }

    private static int[] BuildIndex(FeedSlot[] slots, int count)
    {
        int size = 16;
        while (size < count * 2)
        {
            size *= 2;
        }

        var index = new int[size];
        int mask = size - 1;
        for (int s = 0; s < count; s++)
        {
            var key = slots[s].Key;
            int i = key.GetHashCode() & mask;
            while (index[i] != 0)
            {
                if (slots[index[i] - 1].Key == key)
                {
                    throw new InvalidOperationException($"Two touches of the plan map to the same feed event (UID {key}); this is a bug in Cadence.");
                }

                i = (i + 1) & mask;
            }

            index[i] = s + 1;
        }

        return index;
    }
}
