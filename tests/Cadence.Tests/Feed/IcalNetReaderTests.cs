using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Cadence.Tests.Feed;

/// <summary>
/// Ical.Net 5.2.4, the iCalendar package .NET users reach for, as one more reader of every golden feed: it sees the
/// components, UIDs, dates, texts and categories our strict reader (IcsReader) sees. The interop checks
/// (tests/interop/CheckIcalNet) compare it with what the samples meant, beside ical.js, python-icalendar and khal.
/// </summary>
public sealed class IcalNetReaderTests
{
    public static TheoryData<string> Goldens() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Feed", "Golden"), "*.ics").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Goldens))]
    public void EveryGoldenFeed_ReadByIcalNet_HoldsWhatOurStrictReaderReads(string file)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Feed", "Golden", file));
        var ours = Components(IcsReader.Unfold(bytes));

        var calendar = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(bytes))!;
        var theirs = calendar.Events.Cast<RecurringComponent>().Concat(calendar.Todos).ToList();

        Assert.Equal(ours.Count, theirs.Count);
        Assert.True(ours.Count > 0, file);
        foreach (var component in theirs)
        {
            var mine = Assert.Single(ours, c => c["UID"] == component.Uid);
            Assert.Equal(mine["SUMMARY"], component.Summary);
            Assert.Equal(mine.GetValueOrDefault("DESCRIPTION"), component.Description);
            Assert.Equal(mine.GetValueOrDefault("CATEGORIES"), component.Categories is { Count: > 0 } c ? string.Join('|', c) : null);
            Assert.Equal(int.Parse(mine["SEQUENCE"], System.Globalization.CultureInfo.InvariantCulture), component.Sequence);
            string start = component is Todo todo ? When(todo.Due) : When(component.DtStart);
            Assert.Equal(mine.GetValueOrDefault("DTSTART") ?? mine["DUE"], start);
        }
    }

    /// <summary>Each VEVENT or VTODO as our reader sees it: property name to decoded value (CATEGORIES joined with '|').</summary>
    private static List<Dictionary<string, string>> Components(List<string> lines)
    {
        var components = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        int depth = 0;
        foreach (string line in lines)
        {
            var (name, _, value) = IcsReader.Parse(line);
            if (name == "BEGIN" && value is "VEVENT" or "VTODO")
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                depth = 0;
            }
            else if (current is not null && name == "BEGIN")
            {
                depth++; // a VALARM: its properties are not the component's
            }
            else if (current is not null && name == "END" && depth > 0)
            {
                depth--;
            }
            else if (current is not null && name == "END")
            {
                components.Add(current);
                current = null;
            }
            else if (current is not null && depth == 0)
            {
                current[name] = name switch
                {
                    "SUMMARY" or "DESCRIPTION" => IcsReader.UnescapeText(value).Single(),
                    "CATEGORIES" => string.Join('|', IcsReader.UnescapeText(value, list: true)),
                    _ => value,
                };
            }
        }

        return components;
    }

    /// <summary>A DATE or a UTC DATE-TIME as the feed writes it (20260313, 20260313T093000Z).</summary>
    private static string When(CalDateTime? value) =>
        value is null ? "none"
        : !value.HasTime ? value.Date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)
        : value.IsUtc ? value.Value.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture)
        : "not UTC";
}
