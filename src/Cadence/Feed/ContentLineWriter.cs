using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;
using Cadence.Internal;
using NodaTime;

namespace Cadence.Feed;

/// <summary>
/// A streaming writer of iCalendar (RFC 5545) content lines to an <see cref="IBufferWriter{T}"/> of bytes:
/// UTF-8 without a byte order mark, CRLF after every line, lines folded at 75 octets between whole characters
/// (never inside a UTF-8 sequence or a surrogate pair, never between a backslash and what it escapes), and typed
/// encoders that escape every value, so no text can end a line or add a property, parameter or component.
/// </summary>
/// <remarks>
/// A property is written as <see cref="BeginProperty"/>, any <see cref="Parameter(string, string)"/>s, value parts
/// (<see cref="Text"/>, <see cref="ListSeparator"/>, …) and <see cref="EndProperty"/>; the <c>Write…</c> methods do
/// all of that for the common value types. A property's bytes reach the output only when it ends, whole; a method
/// that rejects its argument throws before writing anything, so the writer stays as it was.
/// Control characters other than line breaks and tabs are removed from text; a line break in text becomes
/// <c>\n</c>; unpaired surrogates become U+FFFD.
/// </remarks>
internal sealed class ContentLineWriter
{
    /// <summary>The longest physical line, in octets, excluding its CRLF.</summary>
    public const int MaxLineOctets = 75;

    /// <summary>The characters a parameter value carries as they are: printable ASCII and tab, but not '^' or '"'.</summary>
    private static readonly SearchValues<char> PlainParameter = SearchValues.Create(
        "\t !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]_`abcdefghijklmnopqrstuvwxyz{|}~");

    private readonly IBufferWriter<byte>? _output;
    private readonly Stack<string> _components = new();
    private readonly bool _deferred;
    private int[] _cuts = new int[8];
    private byte[] _line;
    private int _position;
    private int _lineOctets;
    private State _state;

    /// <summary>Creates a writer.</summary>
    /// <param name="output">Where the bytes go.</param>
    public ContentLineWriter(IBufferWriter<byte> output)
    {
        _output = Guard.NotNull(output, nameof(output));
        _line = new byte[256];
    }

    /// <summary>
    /// Creates a writer that keeps whole lines in its buffer (<see cref="Pending"/>) until its owner takes them and
    /// calls <see cref="DiscardPending"/>, so a feed's lines reach the output in large pieces. Its buffer comes from
    /// <see cref="ArrayPool{T}.Shared"/>: <see cref="ReturnBuffer"/> gives it back when the writer is done.
    /// </summary>
    /// <param name="capacity">The room its buffer starts with.</param>
    internal ContentLineWriter(int capacity)
    {
        _deferred = true;
        _line = ArrayPool<byte>.Shared.Rent(capacity);
    }

    private enum State
    {
        BetweenLines,
        InName,
        InValue,
    }

    /// <summary>How many components are open.</summary>
    public int Depth => _components.Count;

    /// <summary>Writes <c>BEGIN:<paramref name="name"/></c>.</summary>
    /// <param name="name">The component name, such as "VCALENDAR" or "VEVENT" (letters, digits and '-').</param>
    public void BeginComponent(string name)
    {
        CheckName(name, nameof(name));
        BeginProperty("BEGIN");
        StartValue();
        Ascii(name);
        EndProperty();
        _components.Push(name);
    }

    /// <summary>Writes <c>END:</c> for the innermost open component.</summary>
    /// <param name="name">The component's name, which must match the one begun.</param>
    /// <exception cref="InvalidOperationException">No component is open, or another one is.</exception>
    public void EndComponent(string name)
    {
        CheckBetweenLines();
        if (_components.Count == 0 || !string.Equals(_components.Peek(), name, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Cannot end the component \"{name}\": the innermost open component is {(_components.Count == 0 ? "none" : $"\"{_components.Peek()}\"")}.");
        }

        _components.Pop();
        BeginProperty("END");
        StartValue();
        Ascii(name);
        EndProperty();
    }

    /// <summary>Starts a property line with its name.</summary>
    /// <param name="name">The property name (letters, digits and '-'), such as "SUMMARY" or "X-WR-CALNAME".</param>
    /// <exception cref="ArgumentException">The name is empty or has other characters.</exception>
    /// <exception cref="InvalidOperationException">A property is already being written.</exception>
    public void BeginProperty(string name)
    {
        CheckName(name, nameof(name));
        CheckBetweenLines();
        _lineOctets = 0;
        Ascii(name);
        _state = State.InName;
    }

    /// <summary>Adds a parameter, its value encoded by RFC 6868 (<c>^^</c>, <c>^n</c>, <c>^'</c>) and quoted when needed.</summary>
    /// <param name="name">The parameter name (letters, digits and '-').</param>
    /// <param name="value">The value; any text.</param>
    /// <exception cref="InvalidOperationException">Not right after <see cref="BeginProperty"/> or another parameter.</exception>
    public void Parameter(string name, string value)
    {
        CheckName(name, nameof(name));
        Guard.NotNull(value, nameof(value));
        if (_state != State.InName)
        {
            throw new InvalidOperationException($"The parameter \"{name}\" must come after the property name and before its value.");
        }

        Unit(";"u8);
        Ascii(name);
        Unit("="u8);
        bool quote = value.AsSpan().IndexOfAny(":;,") >= 0;
        if (quote)
        {
            Unit("\""u8);
        }

        Span<byte> scalar = stackalloc byte[4];
        var text = value.AsSpan();
        for (int i = 0; i < text.Length;)
        {
            // Runs of plain ASCII in bulk: one octet per character, so folding between any two of them is fine.
            int plain = text[i..].IndexOfAnyExcept(PlainParameter);
            if (plain != 0)
            {
                plain = plain < 0 ? text.Length - i : plain;
                AsciiRun(text.Slice(i, plain));
                i += plain;
                continue;
            }

            Rune.DecodeFromUtf16(text[i..], out Rune rune, out int used);
            i += used;
            int c = rune.Value;
            if (c == '\r')
            {
                if (i < text.Length && text[i] == '\n')
                {
                    i++;
                }

                Unit("^n"u8);
            }
            else if (c == '\n')
            {
                Unit("^n"u8);
            }
            else if (c == '^')
            {
                Unit("^^"u8);
            }
            else if (c == '"')
            {
                Unit("^'"u8);
            }
            else if (!IsRemovedControl(c))
            {
                Unit(scalar[..rune.EncodeToUtf8(scalar)]);
            }
        }

        if (quote)
        {
            Unit("\""u8);
        }
    }

    /// <summary>Appends TEXT to the value: <c>\</c>, <c>;</c>, <c>,</c> and line breaks escaped, other controls removed.</summary>
    /// <param name="text">The text; may be appended in several parts.</param>
    public void Text(ReadOnlySpan<char> text)
    {
        StartValue();
        if (text.IsEmpty)
        {
            return;
        }

        // Escaped first, at most 3 octets per character, then folded in place: at most one fold per 74 octets.
        int most = text.Length * 3;
        Reserve(most + (3 * ((most / 74) + 2)) + 16);
        int start = _position;
        _position += Escape(text, _line.AsSpan(start));
        FoldSince(start);
    }

    /// <summary>Appends the ',' that separates the values of a list (such as CATEGORIES), unescaped.</summary>
    public void ListSeparator()
    {
        if (_state != State.InValue)
        {
            throw new InvalidOperationException("A list separator must follow a first value.");
        }

        Unit(","u8);
    }

    /// <summary>Appends a DATE value: <c>yyyyMMdd</c>.</summary>
    /// <param name="date">The date; its year must be from 1 to 9999.</param>
    public void Date(LocalDate date)
    {
        CheckDate(date, nameof(date));
        StartValue();
        Span<byte> digits = stackalloc byte[8];
        FormatDate(date, digits);
        Ascii(digits);
    }

    /// <summary>Appends a UTC DATE-TIME value: <c>yyyyMMdd'T'HHmmss'Z'</c> (fractions of a second dropped).</summary>
    /// <param name="instant">The instant.</param>
    public void DateTimeUtc(Instant instant)
    {
        Span<byte> digits = stackalloc byte[16];
        FormatDateTimeUtc(instant, digits);
        StartValue();
        Ascii(digits);
    }

    /// <summary>Appends a DURATION value such as <c>PT4H</c>, <c>P1D</c>, <c>P2W</c> or <c>-PT15M</c> (whole seconds).</summary>
    /// <param name="duration">The duration, within about 292 years either way.</param>
    public void DurationValue(Duration duration)
    {
        if (duration > Duration.FromDays(106_000) || duration < -Duration.FromDays(106_000))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"The duration {duration} is too long for an iCalendar value.");
        }

        StartValue();
        // Whole seconds by integer division (towards zero): a double would round long durations up.
        long seconds = duration.ToInt64Nanoseconds() / 1_000_000_000L;
        var builder = new StringBuilder(16);
        if (seconds < 0)
        {
            builder.Append('-');
            seconds = -seconds;
        }

        builder.Append('P');
        if (seconds == 0)
        {
            builder.Append("T0S");
        }
        else if (seconds % 604800 == 0)
        {
            builder.Append(seconds / 604800).Append('W');
        }
        else
        {
            long days = seconds / 86400, hours = seconds / 3600 % 24, minutes = seconds / 60 % 60, secs = seconds % 60;
            if (days > 0)
            {
                builder.Append(days).Append('D');
            }

            if (hours > 0 || minutes > 0 || secs > 0)
            {
                builder.Append('T');
                if (hours > 0)
                {
                    builder.Append(hours).Append('H');
                }

                if (minutes > 0 || (hours > 0 && secs > 0))
                {
                    builder.Append(minutes).Append('M');
                }

                if (secs > 0)
                {
                    builder.Append(secs).Append('S');
                }
            }
        }

        Ascii(builder.ToString());
    }

    /// <summary>Appends an INTEGER value.</summary>
    /// <param name="value">The value.</param>
    public void Integer(int value)
    {
        StartValue();
        Span<byte> digits = stackalloc byte[11];
        value.TryFormat(digits, out int written, default, System.Globalization.CultureInfo.InvariantCulture);
        Ascii(digits[..written]);
    }

    /// <summary>
    /// Appends a URI value, which iCalendar does not escape: an absolute URI in ASCII, its host in punycode and any
    /// other character outside printable ASCII percent-encoded as UTF-8 (RFC 3986).
    /// </summary>
    /// <param name="uri">The URI.</param>
    /// <exception cref="ArgumentException">The URI is relative.</exception>
    public void UriValue(Uri uri)
    {
        string ascii = AsciiUri(uri);
        StartValue();
        Ascii(ascii);
    }

    /// <summary>Appends a value made of ASCII letters, digits and the punctuation of iCalendar's own tokens (such as "2.0" or "PUBLIC").</summary>
    /// <param name="token">The token.</param>
    /// <exception cref="ArgumentException">The token has a character outside printable ASCII, or one of ';', ',', '\', '"'.</exception>
    public void Token(string token)
    {
        CheckToken(token);
        StartValue();
        Ascii(token);
    }

    /// <summary>Ends the property line with CRLF and hands its bytes to the output.</summary>
    public void EndProperty()
    {
        if (_state == State.BetweenLines)
        {
            throw new InvalidOperationException("No property is being written.");
        }

        StartValue();
        Raw("\r\n"u8);
        _lineOctets = 0;
        _state = State.BetweenLines;
        if (!_deferred)
        {
            Commit();
        }
    }

    /// <summary>Writes a TEXT property.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="text">The text.</param>
    public void WriteText(string name, string text)
    {
        Guard.NotNull(text, nameof(text));
        BeginProperty(name);
        Text(text);
        EndProperty();
    }

    /// <summary>Writes a property whose value is a list of TEXT values (such as CATEGORIES), each escaped on its own.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="values">The values; at least one.</param>
    public void WriteTextList(string name, IEnumerable<string> values)
    {
        var list = Guard.NotNull(values, nameof(values)) as IReadOnlyList<string> ?? [.. values];
        if (list.Count == 0)
        {
            throw new ArgumentException($"The list property \"{name}\" needs at least one value.", nameof(values));
        }

        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentNullException(nameof(values), $"Value {i} of the list property \"{name}\" is null.");
            }
        }

        BeginProperty(name);
        for (int i = 0; i < list.Count; i++)
        {
            if (i > 0)
            {
                ListSeparator();
            }

            Text(list[i]);
        }

        EndProperty();
    }

    /// <summary>Writes a DATE property: <c>NAME;VALUE=DATE:yyyyMMdd</c>.</summary>
    /// <param name="name">The property name, such as "DTSTART".</param>
    /// <param name="date">The date.</param>
    public void WriteDate(string name, LocalDate date)
    {
        CheckDate(date, nameof(date));
        BeginProperty(name);
        Parameter("VALUE", "DATE");
        Date(date);
        EndProperty();
    }

    /// <summary>Writes a UTC DATE-TIME property: <c>NAME:yyyyMMdd'T'HHmmss'Z'</c>.</summary>
    /// <param name="name">The property name, such as "DTSTAMP".</param>
    /// <param name="instant">The instant.</param>
    public void WriteDateTimeUtc(string name, Instant instant)
    {
        CheckDate(instant.InUtc().Date, nameof(instant));
        BeginProperty(name);
        DateTimeUtc(instant);
        EndProperty();
    }

    /// <summary>Writes a DURATION property, with <c>VALUE=DURATION</c> when asked (as REFRESH-INTERVAL needs).</summary>
    /// <param name="name">The property name.</param>
    /// <param name="duration">The duration.</param>
    /// <param name="withValueType">Whether to add <c>;VALUE=DURATION</c>.</param>
    public void WriteDuration(string name, Duration duration, bool withValueType = false)
    {
        if (duration > Duration.FromDays(106_000) || duration < -Duration.FromDays(106_000))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"The duration {duration} is too long for an iCalendar value.");
        }

        BeginProperty(name);
        if (withValueType)
        {
            Parameter("VALUE", "DURATION");
        }

        DurationValue(duration);
        EndProperty();
    }

    /// <summary>Writes an INTEGER property.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public void WriteInteger(string name, int value)
    {
        BeginProperty(name);
        Integer(value);
        EndProperty();
    }

    /// <summary>Writes a URI property.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="uri">The URI.</param>
    public void WriteUri(string name, Uri uri)
    {
        string ascii = AsciiUri(uri);
        BeginProperty(name);
        StartValue();
        Ascii(ascii);
        EndProperty();
    }

    /// <summary>Writes a property whose value is a token (such as <c>VERSION:2.0</c> or <c>TRANSP:TRANSPARENT</c>).</summary>
    /// <param name="name">The property name.</param>
    /// <param name="token">The token.</param>
    public void WriteToken(string name, string token)
    {
        CheckToken(token);
        BeginProperty(name);
        Token(token);
        EndProperty();
    }

    /// <summary>The whole lines a deferred writer holds.</summary>
    internal ReadOnlySpan<byte> Pending
    {
        get
        {
            Debug.Assert(_deferred && _state == State.BetweenLines, "Only whole lines of a deferred writer are pending.");
            return _line.AsSpan(0, _position);
        }
    }

    /// <summary>The array that holds the whole lines of a deferred writer, from its start: <see cref="Pending"/> as an array.</summary>
    internal ArraySegment<byte> PendingSegment
    {
        get
        {
            Debug.Assert(_deferred && _state == State.BetweenLines, "Only whole lines of a deferred writer are pending.");
            return new ArraySegment<byte>(_line, 0, _position);
        }
    }

    /// <summary>Gives a deferred writer's buffer back to the pool; the writer must not be used after.</summary>
    internal void ReturnBuffer()
    {
        Debug.Assert(_deferred, "Only a deferred writer's buffer is pooled.");
        var line = _line;
        _line = [];
        _position = 0;
        if (line.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(line);
        }
    }

    /// <summary>Drops the whole lines a deferred writer holds.</summary>
    internal void DiscardPending()
    {
        Debug.Assert(_deferred && _state == State.BetweenLines, "Only whole lines of a deferred writer are discarded.");
        _position = 0;
    }

    /// <summary>Room for whole lines that the caller encodes itself, of at least <paramref name="length"/> octets; then <see cref="AdvanceLines"/>.</summary>
    internal Span<byte> LinesRoom(int length)
    {
        Debug.Assert(_deferred && _state == State.BetweenLines, "Lines go between lines.");
        return Reserve(length);
    }

    /// <summary>Keeps <paramref name="count"/> octets of whole lines written to <see cref="LinesRoom"/>.</summary>
    internal void AdvanceLines(int count) => _position += count;

    /// <summary><see cref="BeginProperty"/> for a name known to be valid.</summary>
    internal void BeginKnownProperty(string name)
    {
        Debug.Assert(IsName(name), "A valid name.");
        CheckBetweenLines();
        _lineOctets = 0;
        Ascii(name);
        _state = State.InName;
    }

    /// <summary>Writes a whole property line of printable ASCII known to be valid (name, parameters, ':' and value), folded as needed.</summary>
    /// <param name="line">The line without its CRLF, such as <c>TRANSP:TRANSPARENT</c>.</param>
    internal void WriteKnownLine(ReadOnlySpan<byte> line)
    {
        CheckBetweenLines();
        _lineOctets = 0;
        Ascii(line);
        _state = State.InValue;
        EndProperty();
    }

    /// <summary>Writes <c>prefix</c> (such as <c>DTSTART;VALUE=DATE:</c>) and a DATE value, as <see cref="WriteDate"/> does.</summary>
    internal void WriteKnownDateLine(ReadOnlySpan<byte> prefix, LocalDate date)
    {
        CheckDate(date, nameof(date));
        Span<byte> line = stackalloc byte[prefix.Length + 8];
        prefix.CopyTo(line);
        FormatDate(date, line[prefix.Length..]);
        WriteKnownLine(line);
    }

    /// <summary>Appends a value already made of safe ASCII octets (a token, a UID, a formatted date), without checking it.</summary>
    /// <param name="ascii">The octets: printable ASCII without ';', ',', '\' or '"'.</param>
    internal void AsciiValue(ReadOnlySpan<byte> ascii)
    {
        StartValue();
        Ascii(ascii);
    }

    /// <summary>Formats a UTC DATE-TIME value as <see cref="DateTimeUtc"/> writes it, checking its year.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="digits">16 octets: <c>yyyyMMdd'T'HHmmss'Z'</c>.</param>
    internal static void FormatDateTimeUtc(Instant instant, Span<byte> digits)
    {
        var utc = instant.InUtc().LocalDateTime;
        CheckDate(utc.Date, nameof(instant));
        FormatDate(utc.Date, digits);
        digits[8] = (byte)'T';
        Two(utc.Hour, digits[9..]);
        Two(utc.Minute, digits[11..]);
        Two(utc.Second, digits[13..]);
        digits[15] = (byte)'Z';
    }

    /// <summary>Whether a scalar value is a control character that text may not carry (all but tab, CR and LF).</summary>
    internal static bool IsRemovedControl(int c) =>
        (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);

    private static bool IsName(string name)
    {
        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return name.Length > 0;
    }

    private static void CheckName(string name, string paramName)
    {
        Guard.NotNull(name, paramName);
        if (name.Length == 0)
        {
            throw new ArgumentException("An iCalendar name must not be empty.", paramName);
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                throw new ArgumentException(
                    $"The iCalendar name \"{Guard.Shorten(name)}\" has the character U+{(int)c:X4}; names are letters, digits and '-'.",
                    paramName);
            }
        }
    }

    internal static void CheckDate(LocalDate date, string paramName)
    {
        if (date.Year is < 1 or > 9999 || date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentOutOfRangeException(paramName, date, $"The date {date} cannot be written in iCalendar: the year must be from 1 to 9999 in the ISO calendar.");
        }
    }

    private static void CheckToken(string token)
    {
        Guard.NotNull(token, nameof(token));
        foreach (char c in token)
        {
            if (c is < ' ' or > '~' or ';' or ',' or '\\' or '"')
            {
                throw new ArgumentException($"The token \"{Guard.Shorten(token)}\" has the character U+{(int)c:X4}, which a token may not have.", nameof(token));
            }
        }
    }

    /// <summary>The URI in printable ASCII: punycode host, anything else outside ASCII percent-encoded.</summary>
    private static string AsciiUri(Uri uri)
    {
        Guard.NotNull(uri, nameof(uri));
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException($"The URI \"{Guard.Shorten(uri.OriginalString)}\" is not absolute.", nameof(uri));
        }

        string text = uri.AbsoluteUri;
        if (uri.HostNameType == UriHostNameType.Dns && uri.Host.Length > 0 && !string.Equals(uri.Host, uri.IdnHost, StringComparison.Ordinal))
        {
            int at = text.IndexOf(uri.Host, StringComparison.Ordinal);
            if (at >= 0)
            {
                text = string.Concat(text.AsSpan(0, at), uri.IdnHost, text.AsSpan(at + uri.Host.Length));
            }
        }

        var builder = new StringBuilder(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out Rune rune, out int used);
            i += used;
            if (rune.Value is > ' ' and <= '~')
            {
                builder.Append((char)rune.Value);
            }
            else
            {
                foreach (byte b in utf8[..rune.EncodeToUtf8(utf8)])
                {
                    builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return builder.ToString();
    }

    internal static void FormatDate(LocalDate date, Span<byte> digits)
    {
        int year = date.Year;
        digits[0] = (byte)('0' + (year / 1000));
        digits[1] = (byte)('0' + (year / 100 % 10));
        digits[2] = (byte)('0' + (year / 10 % 10));
        digits[3] = (byte)('0' + (year % 10));
        Two(date.Month, digits[4..]);
        Two(date.Day, digits[6..]);
    }

    private static void Two(int value, Span<byte> digits)
    {
        digits[0] = (byte)('0' + (value / 10));
        digits[1] = (byte)('0' + (value % 10));
    }

    private void CheckBetweenLines()
    {
        if (_state != State.BetweenLines)
        {
            throw new InvalidOperationException("A property is still being written: call EndProperty first.");
        }
    }

    private void StartValue()
    {
        switch (_state)
        {
            case State.InName:
                Unit(":"u8);
                _state = State.InValue;
                break;
            case State.BetweenLines:
                throw new InvalidOperationException("A value must follow BeginProperty.");
        }
    }

    private void Ascii(string ascii) => AsciiRun(ascii.AsSpan());

    /// <summary>Octets that may each be folded before, as <see cref="Byte"/> one at a time would.</summary>
    private void Ascii(ReadOnlySpan<byte> ascii)
    {
        while (!ascii.IsEmpty)
        {
            if (_lineOctets == MaxLineOctets)
            {
                Fold();
            }

            int count = Math.Min(ascii.Length, MaxLineOctets - _lineOctets);
            Raw(ascii[..count]);
            _lineOctets += count;
            ascii = ascii[count..];
        }
    }

    /// <summary>
    /// Writes TEXT escaped as UTF-8, not folded: '\\', ';', ',' and line breaks (LF, CR or CRLF) escaped, other
    /// controls removed, unpaired surrogates as U+FFFD. Returns the octets written; <paramref name="to"/> has room
    /// for three per character.
    /// </summary>
    private static int Escape(ReadOnlySpan<char> text, Span<byte> to)
    {
        int i = 0, o = 0;
        if (Avx512BW.IsSupported && Vector512.IsHardwareAccelerated && text.Length >= 32 && to.Length >= (text.Length * 3) + 32)
        {
            // Thirty-two characters at a time, narrowed with saturation (so none above U+007F looks plain).
            ref ushort chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            ref byte octets = ref MemoryMarshal.GetReference(to);
            while (text.Length - i >= 32)
            {
                var narrow = Avx512BW.ConvertToVector256ByteWithSaturation(Vector512.LoadUnsafe(ref chars, (nuint)i));
                narrow.StoreUnsafe(ref octets, (nuint)o);
                uint special = NotPlain(narrow);
                if (special == 0)
                {
                    i += 32;
                    o += 32;
                    continue;
                }

                int plain = BitOperations.TrailingZeroCount(special);
                i += plain;
                o += plain;
                switch (text[i])
                {
                    // The escapes most text has, here; the rest (controls, CR, non-ASCII) by EscapeOne.
                    case ',':
                    case ';':
                        Unsafe.Add(ref octets, o) = (byte)'\\';
                        Unsafe.Add(ref octets, o + 1) = (byte)text[i];
                        o += 2;
                        i++;
                        break;
                    case '\n':
                        Unsafe.Add(ref octets, o) = (byte)'\\';
                        Unsafe.Add(ref octets, o + 1) = (byte)'n';
                        o += 2;
                        i++;
                        break;
                    default:
                        i = EscapeOne(text, i, to, ref o);
                        break;
                }
            }
        }

        if (Vector128.IsHardwareAccelerated && text.Length - i >= 16 && to.Length - o >= ((text.Length - i) * 3) + 16)
        {
            // Sixteen characters at a time: written narrowed, kept up to the first that is not plain.
            ref ushort chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            ref byte octets = ref MemoryMarshal.GetReference(to);
            while (text.Length - i >= 16)
            {
                var low = Vector128.LoadUnsafe(ref chars, (nuint)i);
                var high = Vector128.LoadUnsafe(ref chars, (nuint)(i + 8));
                Vector128.Narrow(low, high).StoreUnsafe(ref octets, (nuint)o);
                uint special = NotPlain(low) | (NotPlain(high) << 8);
                if (special == 0)
                {
                    i += 16;
                    o += 16;
                    continue;
                }

                int plain = BitOperations.TrailingZeroCount(special);
                i += plain;
                o += plain;
                i = EscapeOne(text, i, to, ref o);
            }
        }

        while (i < text.Length)
        {
            char c = text[i];
            if (c is >= ' ' and < '\x7F' and not (',' or ';' or '\\'))
            {
                to[o++] = (byte)c;
                i++;
            }
            else
            {
                i = EscapeOne(text, i, to, ref o);
            }
        }

        return o;
    }

    /// <summary>Writes the character of TEXT at <paramref name="i"/> that is not plain (or its surrogate pair, or CRLF); returns the index after it.</summary>
    private static int EscapeOne(ReadOnlySpan<char> text, int i, Span<byte> to, ref int o)
    {
        char c = text[i];
        if (c < 0x80)
        {
            i++;
            byte escaped;
            switch (c)
            {
                case '\\':
                case ';':
                case ',':
                    escaped = (byte)c;
                    break;
                case '\n':
                    escaped = (byte)'n';
                    break;
                case '\r':
                    if (i < text.Length && text[i] == '\n')
                    {
                        i++;
                    }

                    escaped = (byte)'n';
                    break;
                default:
                    if (!IsRemovedControl(c))
                    {
                        to[o++] = (byte)c;
                    }

                    return i;
            }

            to[o] = (byte)'\\';
            to[o + 1] = escaped;
            o += 2;
            return i;
        }

        Rune.DecodeFromUtf16(text[i..], out Rune rune, out int used);
        if (!IsRemovedControl(rune.Value))
        {
            o += rune.EncodeToUtf8(to[o..]);
        }

        return i + used;
    }

    /// <summary>
    /// Folds the octets of TEXT written since <paramref name="start"/>, in place, as writing them one unit at a time
    /// would: a line ends before the unit (a character's UTF-8 sequence, or an escape) that would take it past
    /// <see cref="MaxLineOctets"/>. Room for the folds was reserved.
    /// </summary>
    private void FoldSince(int start)
    {
        int end = _position;
        int room = MaxLineOctets - _lineOctets;
        if (end - start <= room)
        {
            _lineOctets += end - start;
            return;
        }

        // Where the lines end, first to last.
        var cuts = _cuts;
        int count = 0;
        int line = start;
        while (end - line > room)
        {
            int cut = line + room;
            while (cut > line && !IsUnitStart(start, cut))
            {
                cut--;
            }

            if (count == cuts.Length)
            {
                Array.Resize(ref _cuts, cuts.Length * 2);
                cuts = _cuts;
            }

            cuts[count++] = cut;
            line = cut;
            room = MaxLineOctets - 1;
        }

        // Move the lines up, last first, and put a CRLF and a space before each but the first.
        var bytes = _line.AsSpan();
        int shift = 3 * count;
        int to = end + shift;
        int from = end;
        for (int k = count - 1; k >= 0; k--)
        {
            int cut = cuts[k];
            int length = from - cut;
            bytes.Slice(cut, length).CopyTo(bytes[(to - length)..]);
            to -= length + 3;
            bytes[to] = (byte)'\r';
            bytes[to + 1] = (byte)'\n';
            bytes[to + 2] = (byte)' ';
            from = cut;
        }

        _position = end + shift;
        _lineOctets = 1 + (end - cuts[count - 1]);
    }

    /// <summary>Whether a unit of the TEXT written since <paramref name="start"/> starts at <paramref name="at"/> (not inside a UTF-8 sequence or an escape).</summary>
    private bool IsUnitStart(int start, int at)
    {
        if ((_line[at] & 0xC0) == 0x80)
        {
            return false;
        }

        // A backslash starts an escape when an odd number of them end just before: "\\\\" is two escapes.
        int backslashes = 0;
        for (int k = at - 1; k >= start && _line[k] == (byte)'\\'; k--)
        {
            backslashes++;
        }

        return backslashes % 2 == 0;
    }

    /// <summary>One bit per octet (of 32) that is not plain ASCII text: a control, DEL and above, ',', ';' or '\'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint NotPlain(Vector256<byte> octets)
    {
        // Signed, the controls and everything from U+0080 (saturated to 0x80-0xFF) are below 0x20.
        var outside = Vector256.LessThan(octets.AsSByte(), Vector256.Create((sbyte)0x20)).AsByte()
            | Vector256.Equals(octets, Vector256.Create((byte)0x7F));
        var escaped = Vector256.Equals(octets, Vector256.Create((byte)','))
            | Vector256.Equals(octets, Vector256.Create((byte)';'))
            | Vector256.Equals(octets, Vector256.Create((byte)'\\'));
        return (outside | escaped).ExtractMostSignificantBits();
    }

    /// <summary>One bit per character (of eight) that is not plain ASCII text: a control, DEL and above, ',', ';' or '\'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint NotPlain(Vector128<ushort> chars)
    {
        var outside = Vector128.GreaterThan(chars - Vector128.Create((ushort)0x20), Vector128.Create((ushort)0x5E));
        var escaped = Vector128.Equals(chars, Vector128.Create((ushort)','))
            | Vector128.Equals(chars, Vector128.Create((ushort)';'))
            | Vector128.Equals(chars, Vector128.Create((ushort)'\\'));
        return (outside | escaped).ExtractMostSignificantBits();
    }

    /// <summary>Characters below U+0080, one octet each, that may each be folded before, as <see cref="Byte"/> one at a time would.</summary>
    private void AsciiRun(ReadOnlySpan<char> ascii)
    {
        while (!ascii.IsEmpty)
        {
            if (_lineOctets == MaxLineOctets)
            {
                Fold();
            }

            int count = Math.Min(ascii.Length, MaxLineOctets - _lineOctets);
            System.Text.Ascii.FromUtf16(ascii[..count], Reserve(count), out _);
            _position += count;
            _lineOctets += count;
            ascii = ascii[count..];
        }
    }

    /// <summary>One octet that may be folded before.</summary>
    private void Byte(byte b)
    {
        if (_lineOctets == MaxLineOctets)
        {
            Fold();
        }

        Reserve(1)[0] = b;
        _position++;
        _lineOctets++;
    }

    /// <summary>Octets that stay on one physical line: a UTF-8 sequence or an escape.</summary>
    private void Unit(ReadOnlySpan<byte> unit)
    {
        if (_lineOctets + unit.Length > MaxLineOctets)
        {
            Fold();
        }

        Raw(unit);
        _lineOctets += unit.Length;
    }

    /// <summary>A backslash and the octet it escapes, on one physical line.</summary>
    private void Escape(byte escaped)
    {
        if (_lineOctets + 2 > MaxLineOctets)
        {
            Fold();
        }

        var span = Reserve(2);
        span[0] = (byte)'\\';
        span[1] = escaped;
        _position += 2;
        _lineOctets += 2;
    }

    /// <summary>Ends the physical line and starts the next with the space of a continuation.</summary>
    private void Fold()
    {
        var span = Reserve(3);
        span[0] = (byte)'\r';
        span[1] = (byte)'\n';
        span[2] = (byte)' ';
        _position += 3;
        _lineOctets = 1;
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _position += bytes.Length;
    }

    private Span<byte> Reserve(int length)
    {
        if (_line.Length - _position < length)
        {
            Grow(length);
        }

        return _line.AsSpan(_position);
    }

    private void Grow(int length)
    {
        int size = Math.Max(_line.Length * 2, _position + length);
        if (!_deferred)
        {
            Array.Resize(ref _line, size);
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(size);
        _line.AsSpan(0, _position).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_line);
        _line = bigger;
    }

    /// <summary>Hands the finished property line to the output.</summary>
    private void Commit()
    {
        _output!.Write(_line.AsSpan(0, _position));
        _position = 0;
    }
}
