using System;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Cadence.Import;
using Ical.Net;
using Ical.Net.DataTypes;
using NodaTime;

namespace Cadence.Benchmarks;

/// <summary>
/// A busy person's calendar export of <see cref="Megabytes"/> MB (about 2,000 events a year, as many years back as the
/// size takes; a tenth of them weekly series, a few with an exception or a moved instance, in London time, UTC and all
/// day) imported into a diary of 200 relationships, half of whose addresses the events carry, with a window of the last
/// year; beside Ical.Net's own load of the same file and expansion of that year.
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    /// <summary>About how many events a year the calendar has: eight meetings a working day.</summary>
    public const int EventsAYear = 2000;

    /// <summary>The instant of the import: the end of the year the window covers.</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 18, 0);

    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private string _ics = string.Empty;
    private Diary _diary = null!;
    private CalendarImportOptions _options = null!;

    /// <summary>How large the file is, in megabytes (10^6 bytes), about.</summary>
    [Params(1, 10, 60)]
    public int Megabytes { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        _ics = File(Megabytes);
        _diary = MakeDiary();
        _options = Options();
        var import = ImportCalendar();
        if (import.Diary.Touches.Count < EventsAYear / 2)
        {
            throw new InvalidOperationException($"The import added only {import.Diary.Touches.Count} touches: {import.Report}.");
        }
    }

    /// <summary>The file imported: loaded, series expanded in the window, attendees matched, touches logged.</summary>
    [Benchmark(Baseline = true, Description = "CalendarImporter.Import (window: the last year)")]
    public CalendarImport ImportCalendar() => CalendarImporter.Import(_diary, _ics, _options);

    /// <summary>Ical.Net alone: load the file and expand every event over the same year, as a reader of the calendar would.</summary>
    [Benchmark(Description = "Ical.Net 5.2.4: load and expand the year")]
    public int IcalNetLoadAndExpand()
    {
        var calendars = CalendarCollection.Load(_ics);
        var start = new CalDateTime(2025, 12, 1, 0, 0, 0, CalDateTime.UtcTzId);
        var end = new CalDateTime(2026, 12, 1, 18, 0, 0, CalDateTime.UtcTzId);
        return calendars.GetOccurrences(start).TakeWhileBefore(end).Count();
    }

    /// <summary>The 200 relationships, contact0 to contact199.</summary>
    public static Diary MakeDiary() =>
        new(Enumerable.Range(0, 200).Select(i => new Relationship($"r{i:000}", $"Contact {i}", i % 3 == 0 ? "client" : "prospect").WithEmails($"contact{i}@example.com")));

    /// <summary>The import's options: London, the last year, the owner's address.</summary>
    public static CalendarImportOptions Options() =>
        new(Now, London) { Since = new LocalDate(2025, 12, 1), OwnerEmails = ["me@example.com"] };

    /// <summary>The calendar of about that many megabytes: as many events as take it there, <see cref="EventsAYear"/> a year back from <see cref="Now"/>.</summary>
    public static string File(int megabytes)
    {
        // The size of an event, from a sample of the same calendar.
        double bytesAnEvent = BusyCalendar(1000, years: 1, seed: 2026).Length / 1000.0;
        int events = (int)(megabytes * 1_000_000 / bytesAnEvent);
        return BusyCalendar(events, years: Math.Max(1, (events + EventsAYear - 1) / EventsAYear), seed: 2026);
    }

    /// <summary>A deterministic busy calendar over the <paramref name="years"/> before <see cref="Now"/>: mostly single meetings with one to three attendees, a tenth weekly series (open-ended or counted), some all day.</summary>
    public static string BusyCalendar(int events, int years, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\n");
        text.Append("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nDTSTART:19700329T010000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n");
        text.Append("BEGIN:STANDARD\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nDTSTART:19701025T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n");
        var first = new LocalDateTime(2025 - (years - 1), 12, 1, 8, 0);
        for (int i = 0; i < events; i++)
        {
            var start = first.PlusDays(random.Next(365 * years)).PlusMinutes(30 * random.Next(20));
            bool series = i % 10 == 0;
            bool allDay = !series && i % 17 == 0;
            string uid = $"{i:x8}-busy@example.com";
            text.Append("BEGIN:VEVENT\r\n").Append("UID:").Append(uid).Append("\r\nDTSTAMP:20261201T080000Z\r\n");
            if (allDay)
            {
                text.Append(CultureInfo.InvariantCulture, $"DTSTART;VALUE=DATE:{start:yyyyMMdd}\r\nDTEND;VALUE=DATE:{start.PlusDays(1):yyyyMMdd}\r\n");
            }
            else if (i % 3 == 0)
            {
                var utc = start.InZoneLeniently(London).ToInstant().InUtc().LocalDateTime;
                text.Append(CultureInfo.InvariantCulture, $"DTSTART:{utc:yyyyMMdd'T'HHmmss}Z\r\nDTEND:{utc.PlusMinutes(30):yyyyMMdd'T'HHmmss}Z\r\n");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"DTSTART;TZID=Europe/London:{start:yyyyMMdd'T'HHmmss}\r\nDTEND;TZID=Europe/London:{start.PlusMinutes(45):yyyyMMdd'T'HHmmss}\r\n");
            }

            if (series)
            {
                text.Append(i % 20 == 0 ? "RRULE:FREQ=WEEKLY\r\n" : $"RRULE:FREQ=WEEKLY;COUNT={4 + random.Next(20)}\r\n");
                if (i % 30 == 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"EXDATE;TZID=Europe/London:{start.PlusWeeks(2):yyyyMMdd'T'HHmmss}\r\n");
                }
            }

            text.Append("ORGANIZER;CN=Me:mailto:me@example.com\r\n");
            int attendees = 1 + random.Next(3);
            for (int a = 0; a < attendees; a++)
            {
                // Half the addresses are the diary's (contact0 to contact199), half strangers'.
                int who = random.Next(400);
                string status = random.Next(20) == 0 ? "DECLINED" : "ACCEPTED";
                text.Append(CultureInfo.InvariantCulture, $"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={status};CN=Contact {who}:mailto:contact{who}@example.com\r\n");
            }

            if (i % 4 == 0)
            {
                text.Append("LOCATION:https://us02web.zoom.us/j/1234567890\r\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"SUMMARY:Meeting {i}\r\nSTATUS:CONFIRMED\r\nEND:VEVENT\r\n");
            if (series && i % 30 == 10)
            {
                // A moved instance of the series: a week later, at 15:00.
                var original = start.PlusWeeks(1);
                text.Append("BEGIN:VEVENT\r\nUID:").Append(uid).Append("\r\nDTSTAMP:20261201T080000Z\r\n");
                text.Append(CultureInfo.InvariantCulture, $"RECURRENCE-ID;TZID=Europe/London:{original:yyyyMMdd'T'HHmmss}\r\n");
                text.Append(CultureInfo.InvariantCulture, $"DTSTART;TZID=Europe/London:{original.Date.At(new LocalTime(15, 0)):yyyyMMdd'T'HHmmss}\r\n");
                text.Append("ATTENDEE;PARTSTAT=ACCEPTED:mailto:contact1@example.com\r\nSUMMARY:Moved\r\nEND:VEVENT\r\n");
            }
        }

        return text.Append("END:VCALENDAR\r\n").ToString();
    }
}
