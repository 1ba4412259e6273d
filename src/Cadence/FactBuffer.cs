using System;
using System.Buffers;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NodaTime;

namespace Cadence;

/// <summary>
/// Facts laid end to end as bytes, to be hashed as one (XXH128): numbers, days, strings whole, touches by their
/// fields, records by their record hash, cadence rules by a record hash kept for the last few. What the feed's event
/// fingerprint is made of; the planner's types add their own facts to it (<c>Decision.AddFacts</c>), next to the code
/// that reads them. Record hashes are randomised per process, so a hash of these facts is never stored. Not
/// thread-safe: one per write.
/// </summary>
internal sealed class FactBuffer : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1024);
    private int _length;
    private readonly CadenceRule?[] _rules = new CadenceRule?[8];
    private readonly int[] _ruleHashes = new int[8];
    private int _nextRule;

    /// <summary>Starts again from nothing (the rules' hashes are kept).</summary>
    internal void Clear() => _length = 0;

    /// <summary>The 128-bit hash of the facts added since <see cref="Clear"/>.</summary>
    internal UInt128 Hash() => XxHash128.HashToUInt128(_buffer.AsSpan(0, _length));

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

    /// <summary>A day as one number: every date the library takes is ISO, years 1900 to 2999.</summary>
    internal static int Day(LocalDate date) => (date.Year << 9) | (date.Month << 5) | date.Day;

    internal void Add(LocalDate date) => Add(Day(date));

    /// <summary>A day, or -1 for none.</summary>
    internal void Add(LocalDate? date) => Add(date is { } day ? Day(day) : -1);

    /// <summary>A time of day, or -1 for none.</summary>
    internal void Add(LocalTime? time) => Add(time is { } at ? at.NanosecondOfDay : -1);

    internal void Add(bool value) => Add(value ? 1 : 0);

    internal void Add(long value)
    {
        if (_length > _buffer.Length - sizeof(long))
        {
            Room(sizeof(long));
        }

        // In bounds: checked just above.
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), _length), value);
        _length += sizeof(long);
    }

    internal void Add(int value)
    {
        if (_length > _buffer.Length - sizeof(int))
        {
            Room(sizeof(int));
        }

        // In bounds: checked just above.
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), _length), value);
        _length += sizeof(int);
    }

    /// <summary>A string as its length (-1 for none) and its UTF-16 code units.</summary>
    internal void Add(string? text)
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

    /// <summary>
    /// A touch by the fields any text of it is made of (-1 for none): not its id, its follow-up ladder or its
    /// relationship's id, which no reason or event renders (<c>EventCacheTests</c> lists the fields this knows).
    /// </summary>
    internal void Add(Touch? touch)
    {
        if (touch is null)
        {
            Add(-1);
            return;
        }

        Add(touch.Date);
        Add(touch.Time);
        Add((int)touch.Direction);
        Add((int)touch.Channel);
        Add((int)touch.Outcome);
        Add(touch.Medium);
        Add(touch.Summary);
    }

    /// <summary>A record (or any value with value equality) by its hash; 0 for none.</summary>
    internal void AddRecord(object? value) => Add(value?.GetHashCode() ?? 0);

    /// <summary>A cadence rule by its record hash; a diary's touches share a few rules (a tier's), so the last few are kept.</summary>
    internal void Add(CadenceRule rule)
    {
        var rules = _rules;
        for (int i = 0; i < rules.Length; i++)
        {
            if (ReferenceEquals(rules[i], rule))
            {
                Add(_ruleHashes[i]);
                return;
            }
        }

        int slot = _nextRule;
        _nextRule = (slot + 1) % rules.Length;
        rules[slot] = rule;
        Add(_ruleHashes[slot] = rule.GetHashCode());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
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
