using System;
using System.Linq;
using Cadence.Planning;
using NodaTime;
using Xunit;

namespace Cadence.Import.Tests.Calendar;

/// <summary>Future meetings within the horizon become bookings that later imports follow (issue 28, "Meetings already booked count").</summary>
public sealed class BookedMeetingTests
{
    private static readonly string Google = CalendarFixture.Read("google-booked.ics");

    private static CalendarImportOptions At(int year, int month, int day, int hour) =>
        CalendarFixture.Booking with { Now = Instant.FromUtc(year, month, day, hour, 0) };

    private static string[] Bookings(Diary diary) =>
        [.. diary.Commitments.Where(c => c.IsBooked).OrderBy(c => c.Date).ThenBy(c => c.Time).ThenBy(c => c.RelationshipId, StringComparer.Ordinal)
            .Select(c => $"{c.RelationshipId} {c.Date:uuuu-MM-dd} {c.Time:HH:mm} {c.Channel} {c.Status} | {c.Purpose}")];

    [Fact]
    public void GoogleExport_FutureMeetingsWithinTheHorizon_AreBookedWithTheirTimes()
    {
        var import = CalendarImporter.Import(CalendarFixture.Diary(), Google, CalendarFixture.Booking);

        // The series: 3 and 10 March, the 17th moved to the 18th at 11:00, the 24th cancelled, the 31st an EXDATE, 7 April;
        // Tom's lunch cancelled, Zoë declined the drinks, the summer planning is past the 60 days.
        Assert.Equal(
            [
                "sam 2026-03-03 14:00 Meeting Open | Weekly review with Sam",
                "sam 2026-03-10 14:00 Meeting Open | Weekly review with Sam",
                "li 2026-03-12 10:00 Call Open | Introduction call",
                "sam 2026-03-18 11:00 Meeting Open | Weekly review with Sam (moved)",
                "sam 2026-04-07 14:00 Meeting Open | Weekly review with Sam",
            ],
            Bookings(import.Diary));
        Assert.All(import.Diary.Commitments, c => Assert.Equal(CommitmentKind.Booked, c.Kind));
        Assert.All(import.Diary.Commitments, c => Assert.Equal(new LocalDate(2026, 3, 2), c.MadeOn));

        // The past meetings are touches, as before.
        Assert.Equal(
            ["sam 2026-02-17 14:00 Meeting Outbound  | Weekly review with Sam", "sam 2026-02-24 14:00 Meeting Outbound  | Weekly review with Sam", "tom 2026-02-26 09:00 Meeting Outbound  | Breakfast"],
            CalendarFixture.Added(import).Order(StringComparer.Ordinal));
        Assert.Equal(5, import.Report.Lines.Count(l => l.Action == ImportAction.Added && l.Detail.StartsWith("a meeting booked on", StringComparison.Ordinal)));
        Assert.Contains(import.Report.Lines, l => l.Action == ImportAction.Added && l.Detail == "a meeting booked on 2026-03-18 11:00");
    }

    private static string OneMeeting(string? calendarName, string uid, string start, string email, string status = "CONFIRMED") =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
        + (calendarName is null ? string.Empty : $"X-WR-CALNAME:{calendarName}\r\n")
        + $"BEGIN:VEVENT\r\nDTSTART:{start}\r\nDTEND:{start[..9]}235900Z\r\nUID:{uid}\r\nORGANIZER:mailto:me@example.com\r\n"
        + $"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{email}\r\nSTATUS:{status}\r\nSUMMARY:Meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    /// <summary>
    /// A work and a personal calendar imported in turn keep each other's bookings: an import follows only the bookings
    /// of its own calendar (by its name, or CalendarName), so a meeting missing from the other file is not dropped.
    /// </summary>
    [Fact]
    public void TwoCalendars_EachFollowsOnlyItsOwnBookings()
    {
        string work = OneMeeting("me@work.example", "w1@google.com", "20260310T140000Z", "sam@okafor.co.uk");
        string personal = OneMeeting("Personal", "p1@icloud.com", "20260312T100000Z", "li.na@example.cn");

        var diary = CalendarImporter.Import(CalendarFixture.Diary(), work, CalendarFixture.Booking).Diary;
        diary = CalendarImporter.Import(diary, personal, CalendarFixture.Booking).Diary;
        var again = CalendarImporter.Import(diary, work, CalendarFixture.Booking);

        Assert.Equal(["sam 2026-03-10 14:00 Meeting Open | Meeting", "li 2026-03-12 10:00 Meeting Open | Meeting"], Bookings(again.Diary));
        Assert.Equal(0, again.Report.Count(ImportAction.Dropped));

        // The work meeting cancelled: only it is dropped.
        var cancelled = CalendarImporter.Import(again.Diary, OneMeeting("me@work.example", "w1@google.com", "20260310T140000Z", "sam@okafor.co.uk", "CANCELLED"), CalendarFixture.Booking);
        Assert.Equal(["sam 2026-03-10 14:00 Meeting Dropped | Meeting", "li 2026-03-12 10:00 Meeting Open | Meeting"], Bookings(cancelled.Diary));

        // Two unnamed files are one calendar unless the options name them.
        string unnamed = OneMeeting(null, "u1@example.com", "20260311T090000Z", "sam@okafor.co.uk");
        var named = CalendarImporter.Import(again.Diary, unnamed, CalendarFixture.Booking with { CalendarName = "Shared" });
        var other = CalendarImporter.Import(named.Diary, OneMeeting(null, "u2@example.com", "20260313T090000Z", "li.na@example.cn"), CalendarFixture.Booking);
        Assert.Equal(0, other.Report.Count(ImportAction.Dropped));
        Assert.Equal(4, Bookings(other.Diary).Length);
    }

    [Fact]
    public void BookedMeeting_PinsTheNextTouch_AndSaysSo()
    {
        var diary = CalendarImporter.Import(CalendarFixture.Diary(), Google, CalendarFixture.Booking).Diary;
        var plan = new Scheduler().Plan(diary, new LocalDate(2026, 3, 2));

        // Li has never been touched: without the booking she would be due today; the call booked on the 12th is her next touch.
        var li = plan.Touches.Single(t => t.RelationshipId == "li");
        Assert.Equal(new LocalDate(2026, 3, 12), li.Due);
        Assert.Equal(Channel.Call, li.Channel);
        Assert.Equal(new LocalTime(10, 0), li.Time);
        Assert.Equal("Meeting booked Thu 12 Mar 2026 10:00, from your calendar.", li.Why);

        var sam = plan.Touches.Single(t => t.RelationshipId == "sam");
        Assert.Equal(new LocalDate(2026, 3, 3), sam.Due);
        Assert.StartsWith("Meeting booked Tue 3 Mar 2026 14:00, from your calendar", sam.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportedTwice_ChangesNothing()
    {
        var once = CalendarImporter.Import(CalendarFixture.Diary(), Google, CalendarFixture.Booking);
        var again = CalendarImporter.Import(once.Diary, Google, CalendarFixture.Booking);

        Assert.Equal(once.Diary.Commitments, again.Diary.Commitments);
        Assert.Equal(once.Diary.Touches, again.Diary.Touches);
        Assert.Equal(0, again.Report.Count(ImportAction.Added));
        Assert.Equal(0, again.Report.Count(ImportAction.Updated));
        Assert.Equal(0, again.Report.Count(ImportAction.Dropped));
    }

    [Fact]
    public void Reimport_MeetingsMoved_MoveTheirBookings_KeepingTheirIds()
    {
        var once = CalendarImporter.Import(CalendarFixture.Diary(), Google, CalendarFixture.Booking);

        // The single call moved to the 13th; the series' 10 March instance moved to the 11th at 09:00 by a new override.
        string moved = Google
            .Replace("DTSTART:20260312T100000Z", "DTSTART:20260313T150000Z", StringComparison.Ordinal)
            .Replace("END:VCALENDAR", "BEGIN:VEVENT\r\nDTSTART;TZID=Europe/London:20260311T090000\r\nUID:0sam7weekly3review@google.com\r\nRECURRENCE-ID;TZID=Europe/London:20260310T140000\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:sam@okafor.co.uk\r\nSTATUS:CONFIRMED\r\nSUMMARY:Weekly review with Sam\r\nEND:VEVENT\r\nEND:VCALENDAR", StringComparison.Ordinal);
        var after = CalendarImporter.Import(once.Diary, moved, CalendarFixture.Booking);

        Assert.Equal(
            [
                "sam 2026-03-03 14:00 Meeting Open | Weekly review with Sam",
                "sam 2026-03-11 09:00 Meeting Open | Weekly review with Sam",
                "li 2026-03-13 15:00 Call Open | Introduction call",
                "sam 2026-03-18 11:00 Meeting Open | Weekly review with Sam (moved)",
                "sam 2026-04-07 14:00 Meeting Open | Weekly review with Sam",
            ],
            Bookings(after.Diary));
        Assert.Equal(once.Diary.Commitments.Select(c => c.Id).Order(StringComparer.Ordinal), after.Diary.Commitments.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Contains(after.Report.Lines, l => l is { Action: ImportAction.Updated, RelationshipId: "li", Detail: "the meeting booked on 2026-03-12 10:00 moved to 2026-03-13 15:00" });
        Assert.Equal(2, after.Report.Count(ImportAction.Updated));
    }

    [Fact]
    public void Reimport_MeetingsCancelledOrGone_DropTheirBookings()
    {
        var once = CalendarImporter.Import(CalendarFixture.Diary(), Google, CalendarFixture.Booking);

        // The call cancelled (STATUS), the 3 March instance cancelled by an EXDATE, the 18th's override gone from the
        // file with its series' 17th excluded too.
        string cancelled = Google
            .Replace("STATUS:CONFIRMED\r\nSUMMARY:Introduction call", "STATUS:CANCELLED\r\nSUMMARY:Introduction call", StringComparison.Ordinal)
            .Replace("EXDATE;TZID=Europe/London:20260331T140000", "EXDATE;TZID=Europe/London:20260331T140000,20260303T140000,20260317T140000", StringComparison.Ordinal);
        int moved = cancelled.IndexOf("RECURRENCE-ID;TZID=Europe/London:20260317T140000", StringComparison.Ordinal);
        int begin = cancelled.LastIndexOf("BEGIN:VEVENT", moved, StringComparison.Ordinal);
        int end = cancelled.IndexOf("END:VEVENT\r\n", moved, StringComparison.Ordinal) + "END:VEVENT\r\n".Length;
        cancelled = cancelled.Remove(begin, end - begin);
        var after = CalendarImporter.Import(once.Diary, cancelled, CalendarFixture.Booking);

        Assert.Equal(
            [
                "sam 2026-03-03 14:00 Meeting Dropped | Weekly review with Sam",
                "sam 2026-03-10 14:00 Meeting Open | Weekly review with Sam",
                "li 2026-03-12 10:00 Call Dropped | Introduction call",
                "sam 2026-03-18 11:00 Meeting Dropped | Weekly review with Sam (moved)",
                "sam 2026-04-07 14:00 Meeting Open | Weekly review with Sam",
            ],
            Bookings(after.Diary));
        Assert.Equal(3, after.Report.Count(ImportAction.Dropped));
        Assert.All(after.Diary.Commitments.Where(c => !c.IsOpen), c => Assert.Equal(new LocalDate(2026, 3, 2), c.ClosedOn));

        // Li's plan no longer waits for the call: she is due today again.
        Assert.Equal(new LocalDate(2026, 3, 2), new Scheduler().PlanFor(after.Diary, "li", new LocalDate(2026, 3, 2))!.Due);

        // And a third import changes nothing more.
        var third = CalendarImporter.Import(after.Diary, cancelled, CalendarFixture.Booking);
        Assert.Equal(after.Diary.Commitments, third.Diary.Commitments);
        Assert.Equal(0, third.Report.Count(ImportAction.Dropped));
    }

    [Fact]
    public void OnceThePast_ImportLogsTheMeeting_AndTheTouchClosesTheBooking()
    {
        var booked = CalendarImporter.Import(CalendarFixture.Diary(), Google, CalendarFixture.Booking);
        string bookingId = booked.Diary.Commitments.Single(c => c.RelationshipId == "sam" && c.Date == new LocalDate(2026, 3, 3)).Id;

        // The evening after Tuesday's meeting.
        var after = CalendarImporter.Import(booked.Diary, Google, At(2026, 3, 3, 19));

        var touch = after.Diary.Touches.Single(t => t.RelationshipId == "sam" && t.Date == new LocalDate(2026, 3, 3));
        Assert.Equal(new LocalTime(14, 0), touch.Time);
        var booking = after.Diary.GetCommitment(bookingId);
        Assert.Equal(CommitmentStatus.Done, booking.Status);
        Assert.Equal(touch.Id, booking.ClosedBy);
        Assert.Equal(0, after.Report.Count(ImportAction.Dropped));

        // The next one pins the plan now.
        Assert.Equal(new LocalDate(2026, 3, 10), new Scheduler().PlanFor(after.Diary, "sam", new LocalDate(2026, 3, 4))!.Due);
    }

    [Fact]
    public void MovedEarlier_ThenPast_TheTouchStillClosesTheBooking()
    {
        var booked = CalendarImporter.Import(CalendarFixture.Diary(), Google, CalendarFixture.Booking);
        string bookingId = booked.Diary.Commitments.Single(c => c.RelationshipId == "li").Id;

        // The call moved from Thursday 12th to Tuesday 10th, and not imported again until the evening of the 10th.
        string earlier = Google.Replace("DTSTART:20260312T100000Z", "DTSTART:20260310T100000Z", StringComparison.Ordinal);
        var after = CalendarImporter.Import(booked.Diary, earlier, At(2026, 3, 10, 19));

        var touch = after.Diary.Touches.Single(t => t.RelationshipId == "li");
        var booking = after.Diary.GetCommitment(bookingId);
        Assert.Equal(new LocalDate(2026, 3, 10), touch.Date);
        Assert.Equal(CommitmentStatus.Done, booking.Status);
        Assert.Equal(touch.Id, booking.ClosedBy);
        Assert.Equal(new LocalDate(2026, 3, 10), booking.Date);
    }

    [Fact]
    public void NoHorizon_ReadsNoFutureMeeting_AndLeavesBookingsAsTheyAre()
    {
        var booked = CalendarImporter.Import(CalendarFixture.Diary(), Google, CalendarFixture.Booking);
        var none = CalendarImporter.Import(booked.Diary, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", CalendarFixture.Booking with { Horizon = 0 });

        Assert.Empty(CalendarImporter.Import(CalendarFixture.Diary(), Google, CalendarFixture.Options).Diary.Commitments);
        Assert.Same(booked.Diary, none.Diary);
    }

    [Fact]
    public void ShorterHorizon_BooksOnlyWithinIt()
    {
        var import = CalendarImporter.Import(CalendarFixture.Diary(), Google, CalendarFixture.Booking with { Horizon = 8 });

        Assert.Equal(["sam 2026-03-03 14:00 Meeting Open | Weekly review with Sam", "sam 2026-03-10 14:00 Meeting Open | Weekly review with Sam"], Bookings(import.Diary));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(367)]
    public void HorizonOutOfRange_Throws_NamingIt(int days)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CalendarImporter.Import(CalendarFixture.Diary(), Google, CalendarFixture.Booking with { Horizon = days }));
        Assert.Equal("Horizon", ex.ParamName);
    }

    [Fact]
    public void HolidayCalendar_BooksNothing()
    {
        var import = CalendarImporter.Import(CalendarFixture.Diary(), Google, CalendarFixture.Booking with { HolidayCalendar = true });

        Assert.Empty(import.Diary.Commitments);
    }
}
