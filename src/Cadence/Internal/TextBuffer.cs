using System;
using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;
using NodaTime.Text;

namespace Cadence.Internal;

/// <summary>
/// A growable buffer of characters that English sentences (reasons, feed descriptions) are rendered into, so they can
/// be written out without a string each. Not thread-safe; reuse one per writer with <see cref="Clear"/>.
/// </summary>
internal sealed class TextBuffer
{
    private static readonly LocalDatePattern DayPattern = LocalDatePattern.Create("ddd d MMM uuuu", CultureInfo.InvariantCulture);

    private char[] _chars;
    private int _length;

    /// <summary>Days already formatted (a feed names the same few often), 16 characters each, by a hash of the day.</summary>
    private LocalDate[]? _days;
    private char[]? _dayText;
    private byte[]? _dayLength;

    private readonly bool _pooled;

    internal TextBuffer(int capacity = 256)
    {
        _chars = new char[Math.Max(capacity, 16)];
    }

    /// <summary>Creates a buffer whose characters come from <see cref="ArrayPool{T}.Shared"/>; <see cref="ReturnBuffer"/> gives them back.</summary>
    private TextBuffer(char[] pooled)
    {
        _chars = pooled;
        _pooled = true;
    }

    /// <summary>A buffer on pooled characters, for a writer that gives them back with <see cref="ReturnBuffer"/> when done.</summary>
    internal static TextBuffer Pooled(int capacity) => new(ArrayPool<char>.Shared.Rent(capacity));

    /// <summary>Gives a pooled buffer's characters back; the buffer must not be used after.</summary>
    internal void ReturnBuffer()
    {
        var chars = _chars;
        _chars = [];
        _length = 0;
        if (_pooled && chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>How many characters the buffer holds.</summary>
    internal int Length => _length;

    /// <summary>The characters written so far.</summary>
    internal ReadOnlySpan<char> Span => _chars.AsSpan(0, _length);

    /// <summary>Empties the buffer, keeping its room.</summary>
    internal void Clear() => _length = 0;

    /// <summary>Changes the character at <paramref name="index"/>.</summary>
    internal void Set(int index, char c) => _chars[index] = c;

    /// <summary>The character at <paramref name="index"/>.</summary>
    internal char this[int index] => _chars[index];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal TextBuffer Append(char c)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = c;
        return this;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal TextBuffer Append(string? text) => text is null ? this : Append(text.AsSpan());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal TextBuffer Append(ReadOnlySpan<char> text)
    {
        if (_chars.Length - _length < text.Length)
        {
            Grow(text.Length);
        }

        if (text.Length <= 8)
        {
            // Short pieces are most of a sentence's: copied here rather than by a call.
            var to = _chars.AsSpan(_length, text.Length);
            for (int i = 0; i < to.Length; i++)
            {
                to[i] = text[i];
            }
        }
        else
        {
            text.CopyTo(_chars.AsSpan(_length));
        }

        _length += text.Length;
        return this;
    }

    /// <summary>Appends a whole number as <see cref="long.ToString(IFormatProvider)"/> with the invariant culture would.</summary>
    internal TextBuffer Append(long value)
    {
        if (_chars.Length - _length < 20)
        {
            Grow(20);
        }

        value.TryFormat(_chars.AsSpan(_length), out int written, default, CultureInfo.InvariantCulture);
        _length += written;
        return this;
    }

    /// <summary>Appends a number as <see cref="double.ToString(IFormatProvider)"/> with the invariant culture would.</summary>
    internal TextBuffer Append(double value)
    {
        if (_chars.Length - _length < 32)
        {
            Grow(32);
        }

        if (!value.TryFormat(_chars.AsSpan(_length), out int written, default, CultureInfo.InvariantCulture))
        {
            return Append(value.ToString(CultureInfo.InvariantCulture));
        }

        _length += written;
        return this;
    }

    /// <summary>Appends a day as "ddd d MMM uuuu" in the invariant culture would: "Mon 3 Mar 2025".</summary>
    internal TextBuffer AppendDay(LocalDate date)
    {
        int year = date.Year;
        if (year is < 1 or > 9999 || date.Calendar != CalendarSystem.Iso)
        {
            return Append(DayPattern.Format(date));
        }

        if (_chars.Length - _length < 16)
        {
            Grow(16);
        }

        var span = _chars.AsSpan(_length);
        _days ??= new LocalDate[64];
        _dayText ??= new char[64 * 16];
        _dayLength ??= new byte[64];
        // Fibonacci hashing: the top six bits of the product (a date's own hash has its calendar in the low bits).
        int slot = (int)(((uint)date.GetHashCode() * 2654435769u) >> 26);
        int cached = _dayLength[slot];
        if (cached > 0 && _days[slot] == date)
        {
            _dayText.AsSpan(slot * 16, cached).CopyTo(span);
            _length += cached;
            return this;
        }

        // "Mon", ..., "Sun": IsoDayOfWeek runs from Monday = 1 to Sunday = 7.
        "MonTueWedThuFriSatSun".AsSpan(((int)date.DayOfWeek - 1) * 3, 3).CopyTo(span);
        span[3] = ' ';
        int i = 4;
        int day = date.Day;
        if (day >= 10)
        {
            span[i++] = (char)('0' + (day / 10));
        }

        span[i++] = (char)('0' + (day % 10));
        span[i++] = ' ';
        "JanFebMarAprMayJunJulAugSepOctNovDec".AsSpan((date.Month - 1) * 3, 3).CopyTo(span[i..]);
        i += 3;
        span[i++] = ' ';
        span[i++] = (char)('0' + (year / 1000));
        span[i++] = (char)('0' + (year / 100 % 10));
        span[i++] = (char)('0' + (year / 10 % 10));
        span[i++] = (char)('0' + (year % 10));
        span[..i].CopyTo(_dayText.AsSpan(slot * 16));
        _days[slot] = date;
        _dayLength[slot] = (byte)i;
        _length += i;
        return this;
    }

    /// <summary>Appends "1 day", "2 days": the count and the unit, singular for 1 and -1.</summary>
    internal TextBuffer AppendCount(long n, string unit, string? plural = null)
    {
        Append(n).Append(' ');
        return n == 1 || n == -1 ? Append(unit) : plural is null ? Append(unit).Append('s') : Append(plural);
    }

    /// <summary>Appends a number as string interpolation would (in the current culture), or nothing for <see langword="null"/>.</summary>
    internal TextBuffer AppendFormatted(int? value)
    {
        if (value is not { } number)
        {
            return this;
        }

        if (_chars.Length - _length < 32)
        {
            Grow(32);
        }

        if (!number.TryFormat(_chars.AsSpan(_length), out int written))
        {
            return Append(number.ToString(CultureInfo.CurrentCulture));
        }

        _length += written;
        return this;
    }

    /// <summary>A short English rendering of a period: "30 days", "6 weeks", "2 months", "1 month and 2 weeks".</summary>
    internal TextBuffer AppendPeriod(Period p)
    {
        int parts = (p.Years != 0 ? 1 : 0) + (p.Months != 0 ? 1 : 0) + (p.Weeks != 0 ? 1 : 0) + (p.Days != 0 ? 1 : 0);
        if (parts == 0)
        {
            return Append("0 days");
        }

        int written = 0;
        Part(p.Years, "year");
        Part(p.Months, "month");
        Part(p.Weeks, "week");
        Part(p.Days, "day");
        return this;

        void Part(long n, string unit)
        {
            if (n == 0)
            {
                return;
            }

            // "a, b and c": a comma before every part but the first and the last, " and " before the last.
            if (written > 0)
            {
                Append(written == parts - 1 ? " and " : ", ");
            }

            AppendCount(n, unit);
            written++;
        }
    }

    /// <summary>Appends the text of <paramref name="value"/>, lower-cased as <see cref="string.ToLowerInvariant"/> would.</summary>
    internal TextBuffer AppendLowerInvariant(ReadOnlySpan<char> value)
    {
        if (_chars.Length - _length < value.Length)
        {
            Grow(value.Length);
        }

        int written = value.ToLowerInvariant(_chars.AsSpan(_length));
        _length += written;
        return this;
    }

    public override string ToString() => new(_chars, 0, _length);

    private void Grow(int more)
    {
        int size = Math.Max(_chars.Length * 2, _length + more);
        if (!_pooled)
        {
            Array.Resize(ref _chars, size);
            return;
        }

        var bigger = ArrayPool<char>.Shared.Rent(size);
        _chars.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = bigger;
    }
}
