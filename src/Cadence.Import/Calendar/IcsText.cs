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
    internal static List<(string Text, int Number)> Unfold(string text)
    {
        var lines = new List<(string, int)>();
        var current = new StringBuilder();
        int start = 0, number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            string line = raw.EndsWith('\r') ? raw[..^1] : raw;
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && current.Length > 0)
            {
                current.Append(line, 1, line.Length - 1);
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add((current.ToString(), start));
            }

            current.Clear().Append(line);
            start = number;
        }

        if (current.Length > 0)
        {
            lines.Add((current.ToString(), start));
        }

        return lines;
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
        var definitions = ReadTimeZones(lines);
        var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (tzid, offsets) in definitions)
        {
            if (resolve(tzid) is not null || offsets.Standard is not { } standard)
            {
                continue;
            }

            var daylight = offsets.Daylight ?? standard;
            if (FindZone(standard, daylight, year) is { } zone)
            {
                replacements[tzid] = zone;
                string given = daylight == standard ? Format(standard) : $"{Format(standard)}, {Format(daylight)} in summer";
                notes.Add($"Time zone \"{tzid}\" is not one Ical.Net knows; read as {zone} (the file gives it {given}).");
            }
        }

        if (replacements.Count == 0)
        {
            return;
        }

        for (int i = 0; i < lines.Count; i++)
        {
            var (text, number) = lines[i];
            var (name, valueAt) = Split(text);
            if (valueAt < 0)
            {
                continue;
            }

            if (name == "TZID" && replacements.TryGetValue(text[valueAt..], out var own))
            {
                lines[i] = ("TZID:" + own, number);
                continue;
            }

            string parameters = text[..(valueAt - 1)];
            if (!parameters.Contains("TZID=", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var (from, to) in replacements)
            {
                parameters = parameters.Replace("TZID=\"" + from + "\"", "TZID=" + to, StringComparison.OrdinalIgnoreCase)
                    .Replace("TZID=" + from, "TZID=" + to, StringComparison.OrdinalIgnoreCase);
            }

            lines[i] = (parameters + text[(valueAt - 1)..], number);
        }
    }

    /// <summary>The file's VTIMEZONEs: TZID, and the TZOFFSETTO of their first STANDARD and DAYLIGHT parts.</summary>
    private static Dictionary<string, (Offset? Standard, Offset? Daylight)> ReadTimeZones(List<(string Text, int Number)> lines)
    {
        var zones = new Dictionary<string, (Offset?, Offset?)>(StringComparer.Ordinal);
        string? tzid = null, part = null;
        Offset? standard = null, daylight = null;
        foreach (var (text, _) in lines)
        {
            var (name, valueAt) = Split(text);
            string value = valueAt < 0 ? string.Empty : text[valueAt..].Trim();
            switch (name)
            {
                case "BEGIN" when value.Equals("VTIMEZONE", StringComparison.OrdinalIgnoreCase):
                    (tzid, part, standard, daylight) = (null, null, null, null);
                    break;
                case "BEGIN" when value.Equals("STANDARD", StringComparison.OrdinalIgnoreCase) || value.Equals("DAYLIGHT", StringComparison.OrdinalIgnoreCase):
                    part = value.ToUpperInvariant();
                    break;
                case "TZID" when part is null:
                    tzid = value;
                    break;
                case "TZOFFSETTO" when ParseOffset(value) is { } offset:
                    if (part == "STANDARD")
                    {
                        standard ??= offset;
                    }
                    else if (part == "DAYLIGHT")
                    {
                        daylight ??= offset;
                    }

                    break;
                case "END" when value.Equals("STANDARD", StringComparison.OrdinalIgnoreCase) || value.Equals("DAYLIGHT", StringComparison.OrdinalIgnoreCase):
                    part = null;
                    break;
                case "END" when value.Equals("VTIMEZONE", StringComparison.OrdinalIgnoreCase):
                    if (tzid is not null)
                    {
                        zones.TryAdd(tzid, (standard, daylight));
                    }

                    tzid = null;
                    break;
            }
        }

        return zones;
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
