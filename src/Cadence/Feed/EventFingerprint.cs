using System;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Cadence.Levelling;
using Cadence.Planning;
using NodaTime;

namespace Cadence.Feed;

/// <summary>
/// A 128-bit fingerprint (XXH128) of everything an event is rendered from, computed without rendering it or making
/// its reasons: the plan's day, the touch's days, channel, time, the names and ids its text and UID are made of, its
/// commitment, move, call window and last touch, and the facts its reasons are made of (<c>Decision.AddFacts</c> and
/// levelling's, kept beside the code that makes the reasons). Two touches with the same fingerprint, written with
/// equal options, give the same bytes, so an <see cref="EventCache"/> can copy the event instead of rendering it, and
/// a plan made afresh for each poll never makes the reasons of an event that did not change. Strings and days go in
/// whole; records (a commitment, a move, the rarer rules' reasons) by their record hash (every field, 32 bits,
/// randomised per process, which is why fingerprints are never stored): a change that left such a hash equal is
/// missed with a chance of one in four billion, and only until the plan's day changes, since the day is part of every
/// fingerprint. Not thread-safe: one per write.
/// </summary>
internal sealed class EventFingerprint : IDisposable
{
    private readonly FactBuffer _facts = new();

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
        var facts = _facts;
        facts.Clear();
        facts.Add((int)kind);
        facts.Add(touch.PlanDay);
        facts.Add(touch.Due);
        facts.Add(touch.NotBefore);
        facts.Add(touch.NotAfter);
        facts.Add(touch.WindowOpens);
        facts.Add(touch.Time);
        facts.Add(touch.DaysOverdue);
        facts.Add((int)touch.Channel);
        facts.Add(touch.RelationshipId);
        facts.Add(touch.Name);
        facts.Add(touch.Relationship.Tier);
        if (touch.Commitment is { } commitment)
        {
            facts.Add(commitment.Id);
            facts.AddRecord(commitment);
        }
        else
        {
            facts.Add(-1);
        }

        facts.Add(touch.LastTouch);
        facts.AddRecord((touch as LevelledTouch)?.CallWindow);
        facts.AddRecord(touch.Move);
        touch.AddReasonFacts(facts);
        return facts.Hash();
    }

    /// <summary>The fingerprint of a day's digest: the day and the fingerprints of its touches, in order.</summary>
    internal static UInt128 OfDigest(LocalDate day, ReadOnlySpan<UInt128> touches)
    {
        Span<byte> head = stackalloc byte[12];
        BitConverter.TryWriteBytes(head, (int)Kind.Digest);
        BitConverter.TryWriteBytes(head[4..], (long)FactBuffer.Day(day));
        var hash = new XxHash128();
        hash.Append(head);
        hash.Append(MemoryMarshal.AsBytes(touches));
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>Gives the buffer back to the pool.</summary>
    public void Dispose() => _facts.Dispose();
}
