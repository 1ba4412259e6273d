using System;
using System.Collections.Generic;
using Cadence.Planning;

namespace Cadence.Feed;

/// <summary>
/// What a state made with <see cref="FeedOptions.CachesEvents"/> keeps besides its slots: the bytes of each event as
/// written (BEGIN to END), one after another in slot order, and the fingerprint of what each was rendered from
/// (<see cref="EventFingerprint"/>), so the next write can copy an event whose inputs are the same instead of
/// rendering it, and the planned touch each was written from (the plan's own list of touches, not a copy: the event
/// at position k of a write of events or tasks is the plan's k-th touch): a write of the very same (immutable) touch,
/// as when a plan is kept between polls, copies the event without even fingerprinting it. Immutable once built; valid
/// only for the options it was written with. It keeps the plan it was written from alive.
/// </summary>
internal sealed class EventCache
{
    private readonly byte[] _bytes;
    private readonly int[] _ends;
    private readonly UInt128[] _fingerprints;
    private readonly PlannedTouch[]? _touches;
    private readonly int _touchEvents;
    private readonly Dictionary<UInt128, int> _index;

    private EventCache(FeedOptions options, byte[] bytes, int[] ends, UInt128[] fingerprints, PlannedTouch[]? touches, int touchEvents, int count, Dictionary<UInt128, int>? index)
    {
        Options = options;
        _bytes = bytes;
        _ends = ends;
        _fingerprints = fingerprints;
        _touches = touches;
        _touchEvents = touchEvents;
        Count = count;
        if (index is null)
        {
            index = new Dictionary<UInt128, int>(count);
            for (int i = 0; i < count; i++)
            {
                // A fingerprint covers the UID's message, so two events never share one; if they ever did, the first wins.
                index.TryAdd(fingerprints[i], i);
            }
        }

        _index = index;
    }

    /// <summary>The options the events were written with: the cache is used only by a writer with equal options.</summary>
    internal FeedOptions Options { get; }

    /// <summary>How many events it holds (as many as its state's slots).</summary>
    internal int Count { get; }

    /// <summary>How many bytes it keeps.</summary>
    internal int Length => Count == 0 ? 0 : _ends[Count - 1];

    /// <summary>The position of the event rendered from inputs with this fingerprint; -1 when there is none.</summary>
    internal int Find(UInt128 fingerprint) => _index.TryGetValue(fingerprint, out int at) ? at : -1;

    /// <summary>All the events' bytes, one after another.</summary>
    internal ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, Length);

    /// <summary>The bytes of the event at a position.</summary>
    internal ReadOnlySpan<byte> Event(int at)
    {
        var (start, length) = Range(at);
        return _bytes.AsSpan(start, length);
    }

    /// <summary>Where the event at a position is in <see cref="Bytes"/>.</summary>
    internal (int Start, int Length) Range(int at)
    {
        int start = at == 0 ? 0 : _ends[at - 1];
        return (start, _ends[at] - start);
    }

    /// <summary>The fingerprint of the event at a position.</summary>
    internal UInt128 Fingerprint(int at) => _fingerprints[at];

    /// <summary>Whether the events were written from this very list of touches: a plan kept between writes.</summary>
    internal bool IsFrom(PlannedTouch[] touches) => ReferenceEquals(_touches, touches);

    /// <summary>Whether the event at a position was written from this very touch (so it is the same event); false past the end.</summary>
    internal bool IsFrom(int at, PlannedTouch touch) => _touches is { } touches && (uint)at < (uint)_touchEvents && ReferenceEquals(touches[at], touch);

    /// <summary>
    /// Collects the next cache during a write. While every event is the previous cache's event at the same position,
    /// nothing is copied, and a write where nothing moved returns the previous cache itself.
    /// </summary>
    internal sealed class Builder
    {
        private readonly FeedOptions _options;
        private readonly EventCache? _previous;
        private readonly PlannedTouch[]? _touches;
        private readonly int _touchEvents;
        private byte[]? _bytes;

        // Ends and fingerprints of the events so far; null while they are the previous cache's, event for event (its
        // arrays are read, never written, so a cache of the same events shares them).
        private int[]? _ends;
        private UInt128[]? _fingerprints;
        private int _capacity;
        private int _count;
        private int _length;

        /// <summary>Starts a cache of at most <paramref name="events"/> events.</summary>
        /// <param name="options">The write's options.</param>
        /// <param name="previous">The previous write's cache, when it may be used.</param>
        /// <param name="events">How many events the write has at most.</param>
        /// <param name="touches">
        /// The plan's touches when the first <paramref name="events"/> events are written from them, event k from touch k
        /// (the horizon of a plan, written as events or tasks; the events after them, a date's, are from no touch);
        /// <see langword="null"/> when events are not one per touch (a digest).
        /// </param>
        internal Builder(FeedOptions options, EventCache? previous, int events, PlannedTouch[]? touches)
        {
            _options = options;
            _previous = previous;
            _capacity = Math.Max(events, 1);
            _touches = touches;
            _touchEvents = touches is null ? 0 : events;
        }

        /// <summary>Records the next event as copied from the previous cache's position <paramref name="at"/>.</summary>
        internal void AddKept(int at)
        {
            var previous = _previous!;
            if (_bytes is null && _ends is null && at == _count)
            {
                // Still the previous cache, event for event: nothing to copy yet.
                Grow();
                _length = previous._ends[at];
                _count++;
                return;
            }

            Add(previous.Fingerprint(at), previous.Event(at));
        }

        /// <summary>Records the next event, rendered afresh.</summary>
        internal void Add(UInt128 fingerprint, ReadOnlySpan<byte> bytes)
        {
            if (_bytes is null)
            {
                // The first event that is not the previous one at its position: copy what was shared so far.
                int shared = _length;
                _bytes = new byte[Math.Max(shared + bytes.Length, Math.Max(_previous?.Length ?? 0, 1024))];
                _previous?._bytes.AsSpan(0, shared).CopyTo(_bytes);
            }

            if (_length + bytes.Length > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + bytes.Length));
            }

            Grow();
            var (ends, fingerprints) = Own();
            bytes.CopyTo(_bytes.AsSpan(_length));
            _length += bytes.Length;
            fingerprints[_count] = fingerprint;
            ends[_count] = _length;
            _count++;
        }

        /// <summary>The cache of this write: the previous one when every event was its event at the same position, from the same touches.</summary>
        internal EventCache Finish()
        {
            if (_bytes is null && _ends is null && _previous is not null && _count == _previous.Count)
            {
                // The same events in the same places: the same bytes and fingerprints, perhaps from other touch objects.
                return ReferenceEquals(_touches, _previous._touches) && _touchEvents == _previous._touchEvents
                    ? _previous
                    : new EventCache(_options, _previous._bytes, _previous._ends, _previous._fingerprints, _touches, _touchEvents, _count, _previous._index);
            }

            var (ends, fingerprints) = Own();
            var bytes = _bytes ?? (_previous is null ? [] : _previous._bytes.AsSpan(0, _length).ToArray());
            if (bytes.Length > _length + (_length / 4) + 4096)
            {
                // Do not keep much more than the feed: a cache lives as long as its state.
                bytes = bytes.AsSpan(0, _length).ToArray();
            }

            return new EventCache(_options, bytes, ends, fingerprints, _touches, _touchEvents, _count, null);
        }

        /// <summary>This cache's own ends and fingerprints, those shared with the previous cache so far copied in.</summary>
        private (int[] Ends, UInt128[] Fingerprints) Own()
        {
            if (_ends is null || _fingerprints is null)
            {
                _ends = new int[_capacity];
                _fingerprints = new UInt128[_capacity];
                if (_count > 0)
                {
                    _previous!._ends.AsSpan(0, _count).CopyTo(_ends);
                    _previous._fingerprints.AsSpan(0, _count).CopyTo(_fingerprints);
                }
            }

            return (_ends, _fingerprints);
        }

        private void Grow()
        {
            if (_count == _capacity)
            {
                _capacity *= 2;
                if (_ends is not null && _fingerprints is not null)
                {
                    Array.Resize(ref _ends, _capacity);
                    Array.Resize(ref _fingerprints, _capacity);
                }
            }
        }
    }
}
