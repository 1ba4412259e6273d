using System;
using System.IO.Hashing;
using NodaTime;

namespace Cadence.Feed;

/// <summary>
/// Builds the next <see cref="FeedState"/> as events are written, from the previous one: an event whose body hashes
/// the same (the content hash is <see cref="XxHash64"/>, seed 0, of the body) keeps its entry; a changed one gets
/// SEQUENCE + 1 and the current instant. While every event matches the previous state's entry at the same position,
/// nothing is stored: the previous state's storage is reused.
/// </summary>
internal sealed class FeedStateBuilder
{
    private readonly FeedState _previous;
    private readonly Instant _now;
    private FeedSlot[]? _slots;
    private int _capacity;
    private int _count;
    private int _hint;
    private bool _changed;

    internal FeedStateBuilder(FeedState previous, Instant now)
    {
        _previous = previous;
        _now = now;
    }

    /// <summary>Sets how many events the write has at most.</summary>
    internal void Reserve(int events) => _capacity = events;

    /// <summary>Records an event copied unchanged from the previous state's slot at <paramref name="at"/>.</summary>
    internal void AddKept(int at)
    {
        _hint = at + 1;
        Record(_previous.Slots[at]);
    }

    /// <summary>Records an event and returns its entry.</summary>
    internal FeedSlot Add(UidKey uid, ReadOnlySpan<byte> body)
    {
        var slot = SlotOf(uid, body, ref _hint, out bool changed);
        Add(slot, changed);
        return slot;
    }

    /// <summary>Records an event whose entry <see cref="SlotOf"/> made, in the order of the feed.</summary>
    internal void Add(in FeedSlot slot, bool changed)
    {
        _changed |= changed;
        Record(slot);
    }

    /// <summary>
    /// The entry of an event, from the previous state: the same when its body hashes the same, else SEQUENCE + 1 and
    /// the current instant, or a new entry. Reads only the previous state, so several threads may ask at once, each
    /// with its own <paramref name="hint"/> (where in the previous state the event probably is).
    /// </summary>
    internal FeedSlot SlotOf(UidKey uid, ReadOnlySpan<byte> body, ref int hint, out bool changed)
    {
        ulong hash = XxHash64.HashToUInt64(body);
        var before = _previous.Slots;
        int at = _previous.Find(uid, hint);
        if (at >= 0)
        {
            hint = at + 1;
            var old = before[at];
            if (old.ContentHash == hash)
            {
                changed = false;
                return old;
            }

            // SEQUENCE is an RFC 5545 INTEGER (at most 2,147,483,647): at the limit it stays there, and the event
            // still says it changed by its LAST-MODIFIED, DTSTAMP and content.
            changed = true;
            return new FeedSlot(uid, hash, old.Sequence == int.MaxValue ? int.MaxValue : old.Sequence + 1, _now);
        }

        changed = true;
        return new FeedSlot(uid, hash, 0, _now);
    }

    private void Record(FeedSlot slot)
    {
        var before = _previous.Slots;
        if (_slots is null)
        {
            if (_count < before.Length && before[_count].Equals(slot))
            {
                _count++;
                return;
            }

            _slots = new FeedSlot[Math.Max(_capacity, _count + 1)];
            before[.._count].CopyTo(_slots);
        }
        else if (_count == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
        }

        _slots[_count++] = slot;
    }

    /// <summary>The result: the next state (with the events' bytes when the write kept them), how many events, and whether anything changed.</summary>
    internal FeedResult Finish(EventCache? cache, int reused)
    {
        var previous = _previous;
        bool changed = _changed || previous.Count != _count;
        Instant? lastModified = !changed && previous.LastModified is not null
            ? previous.LastModified
            : previous.LastModified is { } last && last > _now ? last : _now;

        FeedState state;
        if (_slots is null && _count == previous.Slots.Length)
        {
            state = previous.With(lastModified, cache);
        }
        else
        {
            var slots = _slots ?? previous.Slots[.._count].ToArray();
            state = FeedState.Create(slots, _count, lastModified, cache);
        }

        return new FeedResult(state, _count, changed) { Reused = reused };
    }
}
