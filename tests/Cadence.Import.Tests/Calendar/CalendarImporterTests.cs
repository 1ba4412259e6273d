using System;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;

namespace Cadence.Import.Tests.Calendar;

/// <summary>Touches picked up from calendar exports written to mimic Google, Outlook and Apple, read on Mon 2 Mar 2026 at 18:00 in London.</summary>
public sealed class CalendarImporterTests
{
    [Fact]
    public void Google_WeeklySeriesWithAnExceptionAMoveAndACancellation_OneTouchPerInstanceThatHappened()
    {
        var import = CalendarFixture.Import("google.ics");

        // Mondays at 10:00 from 5 Jan: 2 Feb is an EXDATE, 9 Feb moved to Tue 10 Feb 15:00, 16 Feb cancelled; 9 Mar is after now.
        Assert.Equal(
            [
                "zoe 2026-01-05 10:00 Call Outbound Google Meet | 1:1 with Zoë",
                "zoe 2026-01-12 10:00 Call Outbound Google Meet | 1:1 with Zoë",
                "zoe 2026-01-19 10:00 Call Outbound Google Meet | 1:1 with Zoë",
                "zoe 2026-01-26 10:00 Call Outbound Google Meet | 1:1 with Zoë",
                "zoe 2026-02-10 15:00 Call Outbound Google Meet | 1:1 with Zoë (moved)",
                "zoe 2026-02-12 12:30 Meeting Outbound  | Team lunch",
                "sam 2026-02-20 08:30 Meeting Inbound  | Coffee with Sam",
                "zoe 2026-02-23 10:00 Call Outbound Google Meet | 1:1 with Zoë",
                "zoe 2026-03-02 10:00 Call Outbound Google Meet | 1:1 with Zoë",
            ],
            CalendarFixture.Added(import));
        Assert.Empty(import.TimeOff);
        Assert.Empty(import.Notes);
    }

    [Fact]
    public void Google_ReportSaysWhatWasSkippedAndWhy()
    {
        var lines = CalendarFixture.Import("google.ics").Report.Lines;

        Assert.Contains(new ImportLine(ImportAction.Skipped, "event \"1:1 with Zoë\" on 2026-02-16", null, "was cancelled"), lines);
        Assert.Contains(new ImportLine(ImportAction.Skipped, "event \"Pitch rehearsal\" on 2026-02-24", null, "you declined it"), lines);
        Assert.Contains(new ImportLine(ImportAction.Skipped, "event \"Team lunch\" on 2026-02-12", "li", "li.na@example.cn declined"), lines);
        Assert.Contains(new ImportLine(ImportAction.Skipped, "event \"Dentist\" on 2026-02-26", null, "has no organiser or attendees"), lines);
        Assert.Contains(new ImportLine(ImportAction.Added, "event \"Coffee with Sam\" on 2026-02-20", "sam", "a meeting on 2026-02-20 08:30, they organised it"), lines);
        Assert.Contains(new ImportLine(ImportAction.Skipped, "the file", null, "2 occurrence(s) outside the window (from 2026-01-01 until now) not read"), lines);
        Assert.Equal(9, CalendarFixture.Import("google.ics").Report.Count(ImportAction.Added));
    }

    [Fact]
    public void OutOfOffice_BecomesTimeOffOnlyWhenAsked()
    {
        var import = CalendarFixture.Import("google.ics", CalendarFixture.Options with { ImportTimeOff = true });

        // DTEND of an all-day event is the day after its last.
        Assert.Equal([new DateInterval(new LocalDate(2026, 3, 9), new LocalDate(2026, 3, 13))], import.TimeOff);
        Assert.Contains(new ImportLine(ImportAction.Added, "event \"Out of office\" on 2026-03-09", null, "time off 2026-03-09 to 2026-03-13"), import.Report.Lines);

        // The series is read a year ahead for days off, but its future instances are not touches.
        Assert.Equal(CalendarFixture.Added(CalendarFixture.Import("google.ics")), CalendarFixture.Added(import));
    }

    [Fact]
    public void Outlook_CustomisedTimeZoneReadAsTheZoneWithItsOffsets_TeamsMeetingIsACall()
    {
        var import = CalendarFixture.Import("outlook.ics", CalendarFixture.Options with { ImportTimeOff = true });

        // 09:00 and 16:00 in a zone of +01:00 (+02:00 in summer) are 08:00 and 15:00 in London in February.
        Assert.Equal(
            [
                "tom 2026-02-02 15:00 Meeting Outbound  | Sales sync",
                "tom 2026-02-09 15:00 Meeting Outbound  | Sales sync",
                "zoe 2026-02-10 08:00 Call Outbound Teams | Quarterly review",
                "tom 2026-02-16 15:00 Meeting Outbound  | Sales sync",
                "tom 2026-02-23 15:00 Meeting Outbound  | Sales sync",
            ],
            CalendarFixture.Added(import));
        Assert.Equal(["Time zone \"Customized Time Zone\" is not one Ical.Net knows; read as Europe/Berlin (the file gives it +01:00, +02:00 in summer)."], import.Notes);
        Assert.Equal([new DateInterval(new LocalDate(2026, 3, 16), new LocalDate(2026, 3, 20))], import.TimeOff);
        Assert.Contains(
            new ImportLine(ImportAction.Skipped, "event \"Call from nowhere\" on 2026-02-11", null, "its time zone \"Phantom Zone\" is not known, and the file does not define it"),
            import.Report.Lines);
    }

    [Fact]
    public void Apple_ZonedFloatingAllDayAndTwoCalendarsInOneFile()
    {
        var import = CalendarFixture.Import("apple.ics");

        // 12:30 in New York is 17:30 in London; a floating 14:00 is the owner's 14:00; the all-day event has no time.
        Assert.Equal(
            [
                "li 2026-01-15 17:30 Meeting Inbound  | Lunch with Li 🍜",
                "tom 2026-01-27 14:00 Meeting Outbound  | Call Tom about the renewal",
                "zoe 2026-02-14  Meeting Outbound  | Zoë's book launch",
            ],
            CalendarFixture.Added(import));
    }

    [Fact]
    public void VideoMeetingsAsCallsOff_AMeetingStaysAMeeting()
    {
        var import = CalendarFixture.Import("outlook.ics", CalendarFixture.Options with { VideoMeetingsAsCalls = false });
        var review = import.Diary.Touches.Single(t => t.RelationshipId == "zoe");
        Assert.Equal(Channel.Meeting, review.Channel);
        Assert.Null(review.Medium);
    }

    [Fact]
    public void HolidayCalendar_AllDayEventsInTheYearAheadAreHolidays_NoTouches()
    {
        var import = CalendarFixture.Import("holidays.ics", CalendarFixture.Options with { HolidayCalendar = true });

        Assert.Equal([new LocalDate(2026, 4, 3), new LocalDate(2026, 4, 6), new LocalDate(2026, 5, 4)], import.Holidays);
        Assert.Empty(import.Diary.Touches);
        Assert.Contains(new ImportLine(ImportAction.Skipped, "the file", null, "3 occurrence(s) outside the window (meetings from 2026-01-01 until now, days off until 2027-03-02) not read"), import.Report.Lines);
    }

    [Fact]
    public void ImportedTwice_NothingAddedTwice()
    {
        var once = CalendarFixture.Import("google.ics");
        var twice = CalendarImporter.Import(once.Diary, CalendarFixture.Read("google.ics"), CalendarFixture.Options);

        Assert.Equal(once.Diary.Touches, twice.Diary.Touches);
        Assert.Equal(0, twice.Report.Count(ImportAction.Added));
        Assert.Equal(9, twice.Report.Count(ImportAction.AlreadyImported));
        Assert.All(once.Diary.Touches, t => Assert.StartsWith("cal-", t.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void EventsInAnotherOrder_SameDiary()
    {
        string text = CalendarFixture.Read("google.ics");
        string reversed = ReverseEvents(text);
        Assert.NotEqual(text, reversed);

        Assert.Equal(CalendarFixture.Import("google.ics").Diary.Touches, CalendarImporter.Import(CalendarFixture.Diary(), reversed, CalendarFixture.Options).Diary.Touches);
    }

    [Fact]
    public void Broken_GoodEventsImported_EveryBadOneReported()
    {
        var import = CalendarFixture.Import("broken.ics");

        Assert.Equal(["sam 2026-02-18 10:00 Meeting Outbound  | Good meeting"], CalendarFixture.Added(import));
        Assert.Contains(import.Report.Lines, l => l is { Action: ImportAction.Skipped, Source: "the event at line 17" } && l.Detail.StartsWith("could not be read: BYHOUR value 25", StringComparison.Ordinal));
        Assert.Contains(new ImportLine(ImportAction.Skipped, "the event at line 24", null, "has no END:VEVENT"), import.Report.Lines);
        Assert.Contains(new ImportLine(ImportAction.Skipped, "event \"Bad date\"", null, "has no start (DTSTART)"), import.Report.Lines);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Subject,Start Date\nLunch,2026-02-01\n")]
    [InlineData("BEGIN:VCARD\r\nFN:Zoë\r\nEND:VCARD\r\n")]
    public void NotACalendar_OneLineSaysSo(string text)
    {
        var import = CalendarImporter.Import(CalendarFixture.Diary(), text, CalendarFixture.Options);
        Assert.Equal([new ImportLine(ImportAction.Skipped, "the file", null, "is not an iCalendar file (no BEGIN:VCALENDAR)")], import.Report.Lines);
        Assert.Empty(import.Diary.Touches);
    }

    [Fact]
    public void SinceAfterToday_RefusedNamingIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CalendarFixture.Import("google.ics", CalendarFixture.Options with { Since = new LocalDate(2026, 3, 3) }));
        Assert.Equal("Since", e.ParamName);
        Assert.Contains("2026-03-03", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultWindow_NinetyDaysBackUntilNow()
    {
        var options = new CalendarImportOptions(CalendarFixture.Now, CalendarFixture.London) { OwnerEmails = ["ME@EXAMPLE.COM"] };
        Assert.Equal(new LocalDate(2025, 12, 2), options.FirstDay);
        Assert.Equal(CalendarFixture.Added(CalendarFixture.Import("google.ics")), CalendarFixture.Added(CalendarImporter.Import(CalendarFixture.Diary(), CalendarFixture.Read("google.ics"), options)));
    }

    [Fact]
    public void ATouchCloses_TheNextStepItSatisfies()
    {
        var diary = CalendarFixture.Diary().Promise(new Commitment("sam-1", "sam", new LocalDate(2026, 2, 20), "meet to go through the proposal", Channel.Meeting));
        var import = CalendarImporter.Import(diary, CalendarFixture.Read("google.ics"), CalendarFixture.Options);
        Assert.False(import.Diary.GetCommitment("sam-1").IsOpen);
    }

    /// <summary>The same file with its VEVENTs in the opposite order.</summary>
    internal static string ReverseEvents(string text)
    {
        int first = text.IndexOf("BEGIN:VEVENT", StringComparison.Ordinal);
        int end = text.LastIndexOf("END:VEVENT\r\n", StringComparison.Ordinal) + "END:VEVENT\r\n".Length;
        var events = text[first..end].Split("END:VEVENT\r\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e + "END:VEVENT\r\n").Reverse();
        return text[..first] + string.Concat(events) + text[end..];
    }
    /// <summary>One all-day event from 9 Mar 2026 to the day before <paramref name="end"/> (DTEND, exclusive).</summary>
    private static string AllDay(string summary, string end, string extra = "") =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:far@test\r\nDTSTART;VALUE=DATE:20260309\r\n"
        + $"DTEND;VALUE=DATE:{end}\r\n{extra}SUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    [Fact]
    public void TimeOffToTheYear9999_IsCutAtTheYearAhead_AndSaysSo()
    {
        // Issue 26: it was saved to 9999-12-30, and no command opened the diary afterwards.
        var options = CalendarFixture.Options with { ImportTimeOff = true };
        var import = CalendarImporter.Import(CalendarFixture.Diary(), AllDay("Out of office", "99991231"), options);

        var lastRead = options.Today.PlusDays(CalendarImporter.DaysOffAhead - 1);
        Assert.Equal([new DateInterval(new LocalDate(2026, 3, 9), lastRead)], import.TimeOff);
        var line = Assert.Single(import.Report.Lines, l => l.Action == ImportAction.Added);
        Assert.Equal($"time off 2026-03-09 to {lastRead:uuuu-MM-dd} (cut at {lastRead:uuuu-MM-dd}: days off are read for the year ahead; import again later for the rest)", line.Detail);
        Assert.True(SupportedDates.Contains(import.TimeOff[0].End));
    }

    [Fact]
    public void AHolidayCalendarTo2999_AddsAtMostTheYearAhead()
    {
        // Issue 26: one event to 2999 added 355,686 holidays (18 KB to 6.8 MB), and every plan failed afterwards.
        var options = CalendarFixture.Options with { HolidayCalendar = true };
        var import = CalendarImporter.Import(CalendarFixture.Diary(), AllDay("Bank holidays", "29991231"), options);

        var lastRead = options.Today.PlusDays(CalendarImporter.DaysOffAhead - 1);
        Assert.Equal(Enumerable.Range(0, Period.DaysBetween(new LocalDate(2026, 3, 9), lastRead) + 1).Select(new LocalDate(2026, 3, 9).PlusDays), import.Holidays);
        Assert.True(import.Holidays.Count <= CalendarImporter.DaysOffAhead);
    }
    /// <summary>A calendar of the given events (their lines between BEGIN:VEVENT and END:VEVENT).</summary>
    private static string Events(params string[] events) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        + string.Concat(events.Select(e => "BEGIN:VEVENT\r\n" + e + "END:VEVENT\r\n"))
        + "END:VCALENDAR\r\n";

    [Theory]
    [InlineData("SECONDLY", "second")]
    [InlineData("MINUTELY", "minute")]
    [InlineData("HOURLY", "hour")]
    public void ASeriesMoreOftenThanDaily_IsSkippedWithANote_NotExpanded(string frequency, string every)
    {
        // Issue 26: a 1 KB SECONDLY series from 1900 was not read in 180 s; 200 MINUTELY ones added 1,000,000 touches.
        var series = Enumerable.Range(0, 200).Select(n =>
            $"UID:s{n}@test\r\nDTSTART:19000101T090000Z\r\nRRULE:FREQ={frequency}\r\nATTENDEE:mailto:zoe.mueller@example.com\r\nSUMMARY:Stand-up {n}\r\n");

        var import = CalendarImporter.Import(CalendarFixture.Diary(), Events([.. series]), CalendarFixture.Options);

        Assert.Empty(import.Diary.Touches);
        Assert.Equal(200, import.Report.Lines.Count(l => l.Action == ImportAction.Skipped && l.Detail == $"repeats every {every}: more often than daily is not a meeting with a person"));
    }

    [Fact]
    public void MoreThanThreeMeetingsWithOnePersonOnADay_TheRestSkippedWithTheirReason()
    {
        var meetings = Enumerable.Range(0, 5).Select(n =>
            $"UID:m{n}@test\r\nDTSTART:20260210T{9 + n:00}0000Z\r\nDTEND:20260210T{9 + n:00}3000Z\r\nATTENDEE:mailto:zoe.mueller@example.com\r\nSUMMARY:Meeting {n}\r\n");

        var import = CalendarImporter.Import(CalendarFixture.Diary(), Events([.. meetings]), CalendarFixture.Options);

        Assert.Equal(CalendarImporter.MaxTouchesPerRelationshipADay, import.Diary.Touches.Count);
        Assert.Equal(2, import.Report.Lines.Count(l => l.Detail == "more than 3 meetings with them on 2026-02-10"));
    }

    [Fact]
    public void OneImport_AddsAtMostItsBound_AndSaysHowManyMoreItDidNotRead()
    {
        // A daily meeting since 1 January with 350 people of the diary: 61 days x 350 = 21,350 touches.
        var people = Enumerable.Range(0, 350).Select(n => new Relationship($"p{n}", $"Person {n}", "client").WithEmails($"p{n}@example.com")).ToList();
        var attendees = string.Concat(people.Select(p => $"ATTENDEE:mailto:{p.Emails[0]}\r\n"));
        string file = Events($"UID:daily@test\r\nDTSTART:20251201T090000Z\r\nDTEND:20251201T093000Z\r\nRRULE:FREQ=DAILY\r\n{attendees}SUMMARY:Daily\r\n");

        var import = CalendarImporter.Import(new Diary(people), file, CalendarFixture.Options);

        Assert.Equal(CalendarImporter.MaxTouchesPerImport, import.Diary.Touches.Count);
        Assert.Contains(import.Report.Lines, l => l.Detail == $"{(61 * 350) - CalendarImporter.MaxTouchesPerImport} more meeting(s) not read: one import adds at most 20000 touches");
    }
    [Theory]
    [InlineData("RDATE:20260203T100000Z\r\nRDATE:20260204T100000Z\r\nRDATE:20260205T100000Z\r\nRDATE:20260206T100000Z\r\n")]
    [InlineData("RDATE:20260203T100000Z,20260204T100000Z,20260205T100000Z,20260206T100000Z\r\n")]
    [InlineData("RDATE:20260203T100000Z,20260204T100000Z\r\nRDATE:20260205T100000Z,20260206T100000Z,20260206T100000Z\r\n")]
    public void RecurrenceDates_EveryOccurrenceOnce(string rdates)
    {
        // Issue 26: an event with 4 RDATEs imported 1 touch instead of 5.
        string file = Events($"UID:r@test\r\nDTSTART:20260202T100000Z\r\nDTEND:20260202T110000Z\r\n{rdates}ATTENDEE:mailto:zoe.mueller@example.com\r\nSUMMARY:Workshop\r\n");

        var import = CalendarImporter.Import(CalendarFixture.Diary(), file, CalendarFixture.Options);

        Assert.Equal(
            ["2026-02-02", "2026-02-03", "2026-02-04", "2026-02-05", "2026-02-06"],
            import.Diary.Touches.Select(t => t.Date.ToString("uuuu-MM-dd", null)));
    }

    [Fact]
    public void ExceptionDates_TakeOutEveryOccurrenceTheyName()
    {
        string file = Events("UID:x@test\r\nDTSTART:20260202T100000Z\r\nDTEND:20260202T110000Z\r\nRRULE:FREQ=DAILY;COUNT=5\r\nEXDATE:20260203T100000Z,20260205T100000Z\r\nEXDATE:20260206T100000Z\r\nATTENDEE:mailto:zoe.mueller@example.com\r\nSUMMARY:Daily\r\n");

        var import = CalendarImporter.Import(CalendarFixture.Diary(), file, CalendarFixture.Options);

        Assert.Equal(["2026-02-02", "2026-02-04"], import.Diary.Touches.Select(t => t.Date.ToString("uuuu-MM-dd", null)));
    }

    [Fact]
    public void TwentyThousandCustomZones_EachReadByItsOffsets_TheNotesCountTheRest()
    {
        // Issue 26: 20,000 VTIMEZONEs took 45 s (every zone's name replaced on every line).
        var file = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
        for (int n = 0; n < 20_000; n++)
        {
            file.Append(CultureInfo.InvariantCulture, $"BEGIN:VTIMEZONE\r\nTZID:Custom zone {n}\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n")
                .Append("BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n");
        }

        foreach (int n in new[] { 0, 19_999 })
        {
            file.Append(CultureInfo.InvariantCulture, $"BEGIN:VEVENT\r\nUID:z{n}@test\r\nDTSTART;TZID=\"Custom zone {n}\":2026021{n % 9}T100000\r\nATTENDEE:mailto:zoe.mueller@example.com\r\nSUMMARY:In zone {n}\r\nEND:VEVENT\r\n");
        }

        var import = CalendarImporter.Import(CalendarFixture.Diary(), file.Append("END:VCALENDAR\r\n").ToString(), CalendarFixture.Options);

        // 10:00 in Berlin's winter is 09:00 in London.
        Assert.Equal(["zoe 2026-02-10 09:00 Meeting Outbound  | In zone 0", "zoe 2026-02-11 09:00 Meeting Outbound  | In zone 19999"], CalendarFixture.Added(import));
        Assert.Equal(IcsText.ZoneNotes + 1, import.Notes.Count);
        Assert.Equal($"{20_000 - IcsText.ZoneNotes} more time zone(s) Ical.Net does not know were read by their offsets in the same way.", import.Notes[^1]);
    }

    [Fact]
    public void AnEventCutOffByTheEndOfItsCalendar_IsReported_TheNextCalendarIsRead()
    {
        string file = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:cut@test\r\nDTSTART:20260210T100000Z\r\nEND:VCALENDAR\r\n"
            + "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:ok@test\r\nDTSTART:20260211T100000Z\r\nATTENDEE:mailto:sam@okafor.co.uk\r\nSUMMARY:Fine\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        var import = CalendarImporter.Import(CalendarFixture.Diary(), file, CalendarFixture.Options);

        Assert.Equal(["sam 2026-02-11 10:00 Meeting Outbound  | Fine"], CalendarFixture.Added(import));
        Assert.Contains(new ImportLine(ImportAction.Skipped, "the event at line 3", null, "has no END:VEVENT"), import.Report.Lines);
    }

    [Fact]
    public void YearsOfOldMeetings_AreCountedOutsideTheWindow_WithoutBeingRead()
    {
        // 500 single meetings of 2019 (one in a zone nobody knows, which a read would report) and one in the window:
        // only the window's is read.
        var old = Enumerable.Range(0, 500).Select(n =>
            $"UID:old{n}@test\r\nDTSTART;TZID={(n == 7 ? "Mars/Olympus" : "Europe/London")}:2019{1 + (n % 12):00}10T100000\r\nATTENDEE:mailto:zoe.mueller@example.com\r\nSUMMARY:Old {n}\r\n");
        string file = Events([.. old, "UID:new@test\r\nDTSTART:20260210T100000Z\r\nATTENDEE:mailto:zoe.mueller@example.com\r\nSUMMARY:New\r\n"]);

        var import = CalendarImporter.Import(CalendarFixture.Diary(), file, CalendarFixture.Options);

        Assert.Equal(["zoe 2026-02-10 10:00 Meeting Outbound  | New"], CalendarFixture.Added(import));
        Assert.Equal(
            [new ImportLine(ImportAction.Skipped, "the file", null, "500 occurrence(s) outside the window (from 2026-01-01 until now) not read")],
            import.Report.Skipped);
    }

    [Fact]
    public void Progress_CountsTheEventsRead_UpToAllOfThem()
    {
        string text = CalendarFixture.Read("google.ics");
        var seen = new Recorder();

        var import = CalendarImporter.Import(CalendarFixture.Diary(), text, CalendarFixture.Options with { Progress = seen });

        int events = text.Split("BEGIN:VEVENT").Length - 1;
        Assert.Equal(new ImportProgress(events, events), seen.Reports[^1]);
        Assert.Equal(Enumerable.Range(1, events), seen.Reports.Select(p => p.Done));
        Assert.Equal(CalendarFixture.Import("google.ics").Diary.Touches, import.Diary.Touches);
    }

    /// <summary>Keeps what is reported, on the thread that reports it.</summary>
    internal sealed class Recorder : IProgress<ImportProgress>
    {
        public System.Collections.Generic.List<ImportProgress> Reports { get; } = [];

        public void Report(ImportProgress value) => Reports.Add(value);
    }
}
