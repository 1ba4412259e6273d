using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Cadence.Import;

/// <summary>
/// The text of an iCalendar file made ready for Ical.Net: lines unfolded, and a time zone Ical.Net cannot resolve
/// (Outlook's "Customized Time Zone", a retired Windows name) replaced by an IANA zone with the same offsets, read from
/// the file's VTIMEZONE. Ical.Net 5.2.4 ignores VTIMEZONE definitions and throws from deep inside for such a TZID.
/// </summary>
/// <summary>One unfolded line: its text, its first physical line's number, and where it starts and ends in the file.</summary>
internal readonly record struct IcsLine(string Text, int Number, int Start, int End);

internal static class IcsText
{
    /// <summary>Zones tried first for a VTIMEZONE's offsets, so a note names a zone people know.</summary>
    private static readonly string[] WellKnown =
    [
        "Europe/London", "Europe/Berlin", "Europe/Athens", "Europe/Moscow", "America/New_York", "America/Chicago",
        "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu",
        "America/Halifax", "America/Sao_Paulo", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Shanghai",
        "Asia/Tokyo", "Australia/Brisbane", "Australia/Sydney", "Australia/Adelaide", "Australia/Perth",
        "Pacific/Auckland", "Africa/Johannesburg", "Africa/Lagos", "UTC",
    ];

    /// <summary>The file's lines, unfolded (a line that starts with a space or tab continues the one before), each with its first line's number.</summary>
    internal static List<(string Text, int Number)> Unfold(string text) => [.. Lines(text, 0, text.Length, 1).Select(l => (l.Text, l.Number))];

    /// <summary>
    /// The unfolded lines of <paramref name="text"/> from <paramref name="from"/> to <paramref name="to"/> (a line that
    /// starts with a space or tab continues the one before; empty lines dropped), one at a time: each with its first
    /// physical line's number (counted from <paramref name="firstNumber"/>) and where it starts and ends in the text
    /// (after its last line break), so a part of the file can be read again later without keeping its lines.
    /// </summary>
    internal static IEnumerable<IcsLine> Lines(string text, int from, int to, int firstNumber)
    {
        int number = firstNumber - 1;
        int currentStart = -1, currentContentEnd = 0, currentEnd = 0, currentNumber = 0;
        StringBuilder? folded = null;
        int at = from;
        while (at < to)
        {
            int newline = text.IndexOf('\n', at, to - at);
            int next = newline < 0 ? to : newline + 1;
            int contentEnd = newline < 0 ? to : newline;
            if (contentEnd > at && text[contentEnd - 1] == '\r')
            {
                contentEnd--;
            }

            number++;
            if (currentStart >= 0 && contentEnd > at && text[at] is ' ' or '\t')
            {
                folded ??= new StringBuilder().Append(text, currentStart, currentContentEnd - currentStart);
                folded.Append(text, at + 1, contentEnd - at - 1);
                currentEnd = next;
            }
            else
            {
                if (currentStart >= 0)
                {
                    yield return new IcsLine(folded?.ToString() ?? text[currentStart..currentContentEnd], currentNumber, currentStart, currentEnd);
                    folded = null;
                }

                (currentStart, currentContentEnd, currentEnd, currentNumber) = contentEnd > at ? (at, contentEnd, next, number) : (-1, 0, 0, 0);
            }

            at = next;
        }

        if (currentStart >= 0)
        {
            yield return new IcsLine(folded?.ToString() ?? text[currentStart..currentContentEnd], currentNumber, currentStart, currentEnd);
        }
    }

    /// <summary>The property's name (upper case) and where its value starts: after the first ':' outside quotes; -1 for none.</summary>
    internal static (string Name, int ValueAt) Split(string line)
    {
        bool quoted = false;
        int nameEnd = -1;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c == ';' || c == ':') && nameEnd < 0)
            {
                nameEnd = i;
            }

            if (!quoted && c == ':')
            {
                return (line[..nameEnd].ToUpperInvariant(), i + 1);
            }
        }

        return (line.ToUpperInvariant(), -1);
    }

    /// <summary>
    /// Replaces every TZID the resolver cannot resolve by a zone with the same offsets as its VTIMEZONE (standard and
    /// daylight, in <paramref name="year"/>), saying so in <paramref name="notes"/>; a TZID with no usable VTIMEZONE is left,
    /// and its events are reported when they are read.
    /// </summary>
    internal static void FixZones(List<(string Text, int Number)> lines, Func<string, DateTimeZone?> resolve, int year, List<string> notes)
    {
        var zones = new TimeZoneReader();
        foreach (var (text, _) in lines)
        {
            zones.Read(text);
        }

        var replacements = ZoneReplacements(zones.Zones, resolve, year, notes);
        for (int i = 0; i < lines.Count; i++)
        {
            lines[i] = (FixZone(lines[i].Text, replacements), lines[i].Number);
        }
    }

    /// <summary>How many zones read by their offsets are named one by one in the notes; the rest are counted.</summary>
    internal const int ZoneNotes = 5;

    /// <summary>
    /// For every TZID of <paramref name="definitions"/> the resolver cannot resolve, a zone with the same offsets as its
    /// VTIMEZONE (standard and daylight, in <paramref name="year"/>), said in <paramref name="notes"/> (the first
    /// <see cref="ZoneNotes"/> by name, the rest counted).
    /// </summary>
    internal static Dictionary<string, string> ZoneReplacements(IReadOnlyDictionary<string, (Offset? Standard, Offset? Daylight)> definitions, Func<string, DateTimeZone?> resolve, int year, List<string> notes)
    {
        var replacements = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var found = new Dictionary<(Offset, Offset), string?>();
        int unnamed = 0;
        foreach (var (tzid, offsets) in definitions)
        {
            if (offsets.Standard is not { } standard || replacements.ContainsKey(tzid) || resolve(tzid) is not null)
            {
                continue;
            }

            var daylight = offsets.Daylight ?? standard;
            if (!found.TryGetValue((standard, daylight), out var zone))
            {
                zone = FindZone(standard, daylight, year);
                found[(standard, daylight)] = zone;
            }

            if (zone is null)
            {
                continue;
            }

            replacements[tzid] = zone;
            if (replacements.Count > ZoneNotes)
            {
                unnamed++;
                continue;
            }

            string given = daylight == standard ? Format(standard) : $"{Format(standard)}, {Format(daylight)} in summer";
            notes.Add($"Time zone \"{tzid}\" is not one Ical.Net knows; read as {zone} (the file gives it {given}).");
        }

        if (unnamed > 0)
        {
            notes.Add($"{unnamed} more time zone(s) Ical.Net does not know were read by their offsets in the same way.");
        }

        return replacements;
    }

    /// <summary>The line with its TZID (a VTIMEZONE's own, or a TZID parameter's) replaced when <paramref name="replacements"/> has it.</summary>
    internal static string FixZone(string line, IReadOnlyDictionary<string, string> replacements)
    {
        if (replacements.Count == 0)
        {
            return line;
        }

        var (name, valueAt) = Split(line);
        if (valueAt < 0)
        {
            return line;
        }

        if (name == "TZID")
        {
            return replacements.TryGetValue(line[valueAt..], out var own) ? "TZID:" + own : line;
        }

        int parameter = line.IndexOf(";TZID=", 0, valueAt - 1, StringComparison.OrdinalIgnoreCase);
        if (parameter < 0)
        {
            return line;
        }

        // The parameter's value: quoted, or up to the next ';' or the ':' before the value.
        int from = parameter + 6;
        int to;
        if (from < valueAt - 1 && line[from] == '"')
        {
            int close = line.IndexOf('"', from + 1);
            if (close < 0 || close >= valueAt)
            {
                return line;
            }

            (from, to) = (from + 1, close);
            if (!replacements.TryGetValue(line[from..to], out var quoted))
            {
                return line;
            }

            return string.Concat(line.AsSpan(0, parameter + 6), quoted, line.AsSpan(close + 1));
        }

        to = line.IndexOfAny([';', ':'], from);
        if (to < 0 || !replacements.TryGetValue(line[from..to], out var bare))
        {
            return line;
        }

        return string.Concat(line.AsSpan(0, from), bare, line.AsSpan(to));
    }

    /// <summary>Reads the VTIMEZONEs from lines given one at a time: TZID, and the TZOFFSETTO of their first STANDARD and DAYLIGHT parts.</summary>
    internal sealed class TimeZoneReader
    {
        private string? _tzid, _part;
        private Offset? _standard, _daylight;
        private bool _inZone;

        /// <summary>The zones read so far, by TZID (the first definition of a TZID counts).</summary>
        internal Dictionary<string, (Offset? Standard, Offset? Daylight)> Zones { get; } = new(StringComparer.Ordinal);

        /// <summary>Reads one unfolded line (any line: those outside a VTIMEZONE are passed over).</summary>
        internal void Read(string text)
        {
            if (!_inZone && !text.StartsWith("BEGIN:VTIMEZONE", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var (name, valueAt) = Split(text);
            string value = valueAt < 0 ? string.Empty : text[valueAt..].Trim();
            switch (name)
            {
                case "BEGIN" when value.Equals("VTIMEZONE", StringComparison.OrdinalIgnoreCase):
                    (_inZone, _tzid, _part, _standard, _daylight) = (true, null, null, null, null);
                    break;
                case "BEGIN" when value.Equals("STANDARD", StringComparison.OrdinalIgnoreCase) || value.Equals("DAYLIGHT", StringComparison.OrdinalIgnoreCase):
                    _part = value.ToUpperInvariant();
                    break;
                case "TZID" when _part is null:
                    _tzid = value;
                    break;
                case "TZOFFSETTO" when ParseOffset(value) is { } offset:
                    if (_part == "STANDARD")
                    {
                        _standard ??= offset;
                    }
                    else if (_part == "DAYLIGHT")
                    {
                        _daylight ??= offset;
                    }

                    break;
                case "END" when value.Equals("STANDARD", StringComparison.OrdinalIgnoreCase) || value.Equals("DAYLIGHT", StringComparison.OrdinalIgnoreCase):
                    _part = null;
                    break;
                case "END" when value.Equals("VTIMEZONE", StringComparison.OrdinalIgnoreCase):
                    if (_tzid is not null)
                    {
                        Zones.TryAdd(_tzid, (_standard, _daylight));
                    }

                    (_inZone, _tzid) = (false, null);
                    break;
            }
        }
    }

    private static string Format(Offset offset) => OffsetPattern.CreateWithInvariantCulture("+HH:mm").Format(offset);

    private static Offset? ParseOffset(string value)
    {
        string pattern = value.Length == 7 ? "+HHmmss" : "+HHmm";
        var parsed = OffsetPattern.CreateWithInvariantCulture(pattern).Parse(value);
        return parsed.Success ? parsed.Value : null;
    }

    /// <summary>A zone whose offsets in mid-January and mid-July of a year are the standard and daylight ones (either way round).</summary>
    private static string? FindZone(Offset standard, Offset daylight, int year)
    {
        var tzdb = DateTimeZoneProviders.Tzdb;
        var january = Instant.FromUtc(year, 1, 15, 12, 0);
        var july = Instant.FromUtc(year, 7, 15, 12, 0);
        bool Fits(DateTimeZone zone)
        {
            var (a, b) = (zone.GetUtcOffset(january), zone.GetUtcOffset(july));
            return (a == standard && b == daylight) || (a == daylight && b == standard);
        }

        foreach (string id in WellKnown.Concat(tzdb.Ids.Where(id => id.Contains('/', StringComparison.Ordinal) && !id.StartsWith("Etc/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)))
        {
            if (tzdb.GetZoneOrNull(id) is { } zone && Fits(zone))
            {
                return id;
            }
        }

        // A fixed offset of whole hours: the Etc zones (whose names have the sign the other way round).
        if (standard == daylight && standard.Seconds % 3600 == 0 && Math.Abs(standard.Seconds / 3600) <= 12)
        {
            int hours = standard.Seconds / 3600;
            return hours == 0 ? "Etc/UTC" : "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.Abs(hours).ToString(CultureInfo.InvariantCulture);
        }

        return null;
    }
}
