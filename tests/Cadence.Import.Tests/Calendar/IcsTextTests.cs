using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace Cadence.Import.Tests.Calendar;

public sealed class IcsTextTests
{
    [Fact]
    public void Unfold_JoinsContinuationLines_KeepsFirstLineNumbers()
    {
        var lines = IcsText.Unfold("BEGIN:VEVENT\r\nSUMMARY:Zo\r\n ë\r\n\tMüller\nEND:VEVENT\r\n");
        Assert.Equal([("BEGIN:VEVENT", 1), ("SUMMARY:ZoëMüller", 2), ("END:VEVENT", 5)], lines);
    }

    [Fact]
    public void Split_NameAndValueOutsideQuotes()
    {
        Assert.Equal(("DTSTART", 37), IcsText.Split("DTSTART;TZID=\"Customized: Time Zone\":20260210T090000"));
        Assert.Equal(("X NO COLON", -1), IcsText.Split("x no colon"));
    }

    private static List<(string, int)> Zone(string tzid, string standard, string? daylight, string eventLine)
    {
        var lines = new List<(string, int)> { ("BEGIN:VTIMEZONE", 1), ("TZID:" + tzid, 2), ("BEGIN:STANDARD", 3), ("TZOFFSETTO:" + standard, 4), ("END:STANDARD", 5) };
        if (daylight is not null)
        {
            lines.AddRange([("BEGIN:DAYLIGHT", 6), ("TZOFFSETTO:" + daylight, 7), ("END:DAYLIGHT", 8)]);
        }

        lines.AddRange([("END:VTIMEZONE", 9), (eventLine, 10)]);
        return lines;
    }

    private static DateTimeZone? Known(string id) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);

    [Theory]
    [InlineData("+0100", "+0200", "Europe/Berlin")]
    [InlineData("-0500", "-0400", "America/New_York")]
    [InlineData("+1000", "+1100", "Australia/Sydney")]
    [InlineData("+0530", null, "Asia/Kolkata")]
    [InlineData("+0000", null, "UTC")]
    [InlineData("+0545", null, "Asia/Kathmandu")]
    public void FixZones_UnknownZone_ReadAsAZoneWithItsOffsets(string standard, string? daylight, string expected)
    {
        var lines = Zone("Customized Time Zone", standard, daylight, "DTSTART;TZID=\"Customized Time Zone\":20260210T090000");
        var notes = new List<string>();
        IcsText.FixZones(lines, Known, 2026, notes);

        Assert.Equal("TZID:" + expected, lines[1].Item1);
        Assert.Equal($"DTSTART;TZID={expected}:20260210T090000", lines[^1].Item1);
        Assert.Single(notes);
        Assert.Contains(expected, notes[0], System.StringComparison.Ordinal);
    }

    [Fact]
    public void FixZones_KnownZone_Untouched()
    {
        var lines = Zone("Europe/London", "+0000", "+0100", "DTSTART;TZID=Europe/London:20260210T090000");
        var before = new List<(string, int)>(lines);
        var notes = new List<string>();
        IcsText.FixZones(lines, Known, 2026, notes);
        Assert.Equal(before, lines);
        Assert.Empty(notes);
    }

    [Fact]
    public void Lines_SayWhereEachStartsAndEnds_SoAPartCanBeReadAgain()
    {
        const string text = "BEGIN:VEVENT\r\nSUMMARY:Zo\r\n ë\r\n\r\nEND:VEVENT";
        var lines = IcsText.Lines(text, 0, text.Length, 1).ToList();

        Assert.Equal([new IcsLine("BEGIN:VEVENT", 1, 0, 14), new IcsLine("SUMMARY:Zoë", 2, 14, 30), new IcsLine("END:VEVENT", 5, 32, 42)], lines);
        Assert.Equal([new IcsLine("SUMMARY:Zoë", 2, 14, 30)], IcsText.Lines(text, lines[1].Start, lines[1].End, 2));
    }

    [Theory]
    [InlineData("DTSTART;TZID=\"Custom: zone\":20260210T090000", "DTSTART;TZID=Europe/Berlin:20260210T090000")]
    [InlineData("DTSTART;TZID=custom:20260210T090000", "DTSTART;TZID=Europe/Berlin:20260210T090000")]
    [InlineData("EXDATE;VALUE=DATE-TIME;TZID=custom;X-A=1:20260210T090000", "EXDATE;VALUE=DATE-TIME;TZID=Europe/Berlin;X-A=1:20260210T090000")]
    [InlineData("TZID:Custom: zone", "TZID:Europe/Berlin")]
    [InlineData("DTSTART;TZID=Customer:20260210T090000", "DTSTART;TZID=Customer:20260210T090000")]
    [InlineData("SUMMARY:TZID=custom", "SUMMARY:TZID=custom")]
    public void FixZone_ReplacesOnlyAZoneItKnows(string line, string expected)
    {
        var replacements = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase) { ["Custom: zone"] = "Europe/Berlin", ["Custom"] = "Europe/Berlin" };
        Assert.Equal(expected, IcsText.FixZone(line, replacements));
    }
}
