using System;
using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Cadence.Explanations;
using Cadence.Levelling;
using Cadence.Planning;
using NodaTime;

namespace Cadence.Feed;

/// <summary>
/// A 128-bit fingerprint (XXH128) of everything an event is rendered from, computed without rendering it: the plan's
/// day, the touch's days, channel, time, the names and ids its text and UID are made of, its last touch, and a hash of
/// each reason. Two touches with the same fingerprint, written with equal options, give the same bytes, so an
/// <see cref="EventCache"/> can copy the event instead of rendering it. Strings and days go in whole; a reason goes in
/// by its record hash (every field, 32 bits, randomised per process, which is why fingerprints are never stored), or,
/// for the renewal, latest-touch and cadence reasons, by its fields, the touch and tier they name being in the
/// fingerprint already: a change that left all of them equal is missed with a chance of one in four billion, and only
/// until the plan's day changes, since the day is part of every fingerprint. Not thread-safe: one per write.
/// </summary>
internal sealed class EventFingerprint : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1024);
    private int _length;
    private readonly CadenceRule?[] _rules = new CadenceRule?[8];
    private readonly int[] _ruleHashes = new int[8];
    private int _nextRule;

    /// <summary>What the event is: it is part of the fingerprint, so an event never matches a task.</summary>
    internal enum Kind : byte
    {
        Event = 1,
        Task = 2,
        DigestTouch = 3,
        Digest = 4,
    }

    /// <summary>The fingerprint of a touch rendered as <paramref name="kind"/>.</summary>
    internal UInt128 Of(PlannedTouch touch, Kind kind)
    {
        _length = 0;
        Add((int)kind);
        Add(touch.PlanDay);
        Add(touch.Due);
        Add(touch.NotBefore);
        Add(touch.NotAfter);
        Add(touch.WindowOpens is { } opens ? Day(opens) : -1);
        Add(touch.Time is { } time ? time.NanosecondOfDay : -1);
        Add(touch.DaysOverdue);
        Add((int)touch.Channel);
        Add(touch.RelationshipId);
        Add(touch.Name);
        Add(touch.Relationship.Tier);
        if (touch.Commitment is { } commitment)
        {
            Add(commitment.Id);
            Add(commitment.GetHashCode());
        }
        else
        {
            Add(-1);
        }

        if (touch.LastTouch is { } last)
        {
            Add(last.Date);
            Add(last.Time is { } at ? at.NanosecondOfDay : -1);
            Add((int)last.Direction);
            Add((int)last.Channel);
            Add((int)last.Outcome);
            Add(last.Medium);
            Add(last.Summary);
        }
        else
        {
            Add(-1);
        }

        var reasons = touch.ReasonSpan;
        Add(reasons.Length);
        foreach (var reason in reasons)
        {
            Add(reason, touch);
        }

        Add((touch as LevelledTouch)?.CallWindow?.GetHashCode() ?? 0);
        Add(touch.Move?.GetHashCode() ?? 0);
        return XxHash128.HashToUInt128(_buffer.AsSpan(0, _length));
    }

    /// <summary>The fingerprint of a day's digest: the day and the fingerprints of its touches, in order.</summary>
    internal static UInt128 OfDigest(LocalDate day, ReadOnlySpan<UInt128> touches)
    {
        Span<byte> head = stackalloc byte[12];
        BitConverter.TryWriteBytes(head, (int)Kind.Digest);
        BitConverter.TryWriteBytes(head[4..], (long)Day(day));
        var hash = new XxHash128();
        hash.Append(head);
        hash.Append(MemoryMarshal.AsBytes(touches));
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>Gives the buffer back to the pool.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A reason, after a tag that says how: most by their record hash (every field); the three every routine touch
    /// has by their own fields instead, where a field is an object the fingerprint already covers whole (the last
    /// touch, the relationship's tier) or the same for many touches (the cadence rule, its hash kept for the write),
    /// which saves hashing the last touch's strings once more. <c>EventCacheTests</c> lists the fields this knows.
    /// </summary>
    private void Add(Reason reason, PlannedTouch touch)
    {
        switch (reason)
        {
            case RenewalReason r when ReferenceEquals(r.Touch, touch.LastTouch):
                Add(1);
                Add(r.DaysAgo);
                Add(BitConverter.DoubleToInt64Bits(r.Credit));
                break;
            case LatestTouchReason r when ReferenceEquals(r.Touch, touch.LastTouch):
                Add(2);
                Add(r.DaysAgo);
                break;
            case CadenceReason r when ReferenceEquals(r.Tier, touch.Relationship.Tier):
                Add(3);
                Add(RuleHash(r.Rule));
                Add(r.IsOverride ? 1 : 0);
                break;
            default:
                Add(0);
                Add(reason.GetHashCode());
                break;
        }
    }

    /// <summary>A cadence rule's record hash; a diary's touches share a few rules (a tier's), so the last few are kept.</summary>
    private int RuleHash(CadenceRule rule)
    {
        var rules = _rules;
        for (int i = 0; i < rules.Length; i++)
        {
            if (ReferenceEquals(rules[i], rule))
            {
                return _ruleHashes[i];
            }
        }

        int slot = _nextRule;
        _nextRule = (slot + 1) % rules.Length;
        rules[slot] = rule;
        return _ruleHashes[slot] = rule.GetHashCode();
    }

    /// <summary>A day as one number: every date the library takes is ISO, years 1900 to 2999.</summary>
    private static int Day(LocalDate date) => (date.Year << 9) | (date.Month << 5) | date.Day;

    private void Add(LocalDate date) => Add(Day(date));

    private void Add(long value)
    {
        Room(8);
        BitConverter.TryWriteBytes(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    private void Add(int value)
    {
        Room(4);
        BitConverter.TryWriteBytes(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    /// <summary>A string as its length (-1 for none) and its UTF-16 code units.</summary>
    private void Add(string? text)
    {
        if (text is null)
        {
            Add(-1);
            return;
        }

        Add(text.Length);
        var bytes = MemoryMarshal.AsBytes(text.AsSpan());
        Room(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Room(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + bytes));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
    }
}
