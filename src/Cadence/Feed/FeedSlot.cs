using System;
using NodaTime;

namespace Cadence.Feed;

/// <summary>What a <see cref="FeedState"/> keeps of one event: a <see cref="FeedEntry"/> as a value of 48 bytes.</summary>
internal readonly struct FeedSlot : IEquatable<FeedSlot>
{
    // In this order, with no padding: 8 + 8 + 8 + 4 + 4 + 16 bytes.
    private readonly ulong _high;
    private readonly ulong _middle;
    private readonly ulong _contentHash;
    private readonly uint _low;
    private readonly int _sequence;
    private readonly Instant _lastModified;

    internal FeedSlot(UidKey key, ulong contentHash, int sequence, Instant lastModified)
    {
        _high = key.High;
        _middle = key.Middle;
        _low = key.Low;
        _contentHash = contentHash;
        _sequence = sequence;
        _lastModified = lastModified;
    }

    internal UidKey Key => new(_high, _middle, _low);

    internal ulong ContentHash => _contentHash;

    internal int Sequence => _sequence;

    internal Instant LastModified => _lastModified;

    /// <summary>Whether the slot is for the event of <paramref name="key"/>.</summary>
    internal bool Is(in UidKey key) => _high == key.High && _middle == key.Middle && _low == key.Low;

    public bool Equals(FeedSlot other) =>
        _high == other._high && _middle == other._middle && _low == other._low
        && _contentHash == other._contentHash && _sequence == other._sequence && _lastModified == other._lastModified;

    public override bool Equals(object? obj) => obj is FeedSlot other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_high, _middle, _low, _contentHash, _sequence, _lastModified);
}
