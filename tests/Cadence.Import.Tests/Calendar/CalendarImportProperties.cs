using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Cadence.Import.Tests.Calendar;

/// <summary>Importing is idempotent and does not depend on the order of the events in the file.</summary>
public sealed class CalendarImportProperties
{
    private static readonly string[] Addresses = ["zoe.mueller@example.com", "SAM@okafor.co.uk", "li.na@example.cn", "tom@ashworth.example", "stranger@example.org", "me@example.com"];

    /// <summary>An event: start (minutes from 1 Dec 2025, UTC), who, whether declined, weekly count (1 = single), all-day.</summary>
    public sealed record Event(int Minutes, int[] Who, bool Declined, int Weekly, bool AllDay, bool Video);

    private static Gen<Event[]> Events =>
        Gen.ArrayOf(
            from minutes in Gen.Choose(0, 110 * 24 * 60)
            from who in Gen.ArrayOf(Gen.Choose(0, Addresses.Length - 1), 3)
            from declined in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
            from weekly in Gen.Frequency((4, Gen.Constant(1)), (1, Gen.Choose(2, 12)))
            from allDay in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
            from video in Gen.Elements(false, true)
            select new Event(minutes, who, declined, weekly, allDay, video));

    internal static string Ics(IEnumerable<Event> events)
    {
        var text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Cadence//Generated//EN\r\n");
        int n = 0;
        foreach (var e in events)
        {
            var start = Instant.FromUtc(2025, 12, 1, 0, 0).Plus(Duration.FromMinutes(e.Minutes)).InUtc().LocalDateTime;
            text.Append("BEGIN:VEVENT\r\n").Append($"UID:event-{n++}@example.com\r\n");
            text.Append(e.AllDay ? $"DTSTART;VALUE=DATE:{start:yyyyMMdd}\r\n" : $"DTSTART:{start:yyyyMMdd'T'HHmmss}Z\r\n");
            if (e.Weekly > 1)
            {
                text.Append($"RRULE:FREQ=WEEKLY;COUNT={e.Weekly}\r\n");
            }

            text.Append("ORGANIZER:mailto:me@example.com\r\n");
            foreach (int who in e.Who.Distinct())
            {
                text.Append($"ATTENDEE;PARTSTAT={(e.Declined && who == e.Who[0] ? "DECLINED" : "ACCEPTED")}:mailto:{Addresses[who]}\r\n");
            }

            if (e.Video)
            {
                text.Append("LOCATION:https://us02web.zoom.us/j/123456789\r\n");
            }

            text.Append($"SUMMARY:Meeting {n}\r\nEND:VEVENT\r\n");
        }

        return text.Append("END:VCALENDAR\r\n").ToString();
    }

    [Property(MaxTest = 200, QuietOnSuccess = true)]
    public Property AnyCalendar_ImportedTwiceOrShuffled_SameDiary() =>
        Prop.ForAll(Events.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (events, seed) =>
        {
            var shuffled = Shuffling.Shuffle(events, seed);
            // With the default horizon: the later events of the generated months are bookings.
            var options = CalendarFixture.Booking;
            var once = CalendarImporter.Import(CalendarFixture.Diary(), Ics(events), options);
            var again = CalendarImporter.Import(once.Diary, Ics(events), options);
            var other = CalendarImporter.Import(CalendarFixture.Diary(), Ics(shuffled), options);

            // Shuffling renumbers the UIDs, so compare what the touches say, not their ids.
            static string[] Said(Diary d) =>
            [
                .. d.Touches.Select(t => $"{t.RelationshipId} {t.Date} {t.Time} {t.Channel} {t.Direction} {t.Medium}")
                    .Concat(d.Commitments.Select(c => $"{c.RelationshipId} {c.Date} {c.Time} {c.Channel} {c.Kind} {c.Status}"))
                    .Order(StringComparer.Ordinal),
            ];
            return once.Diary.Touches.SequenceEqual(again.Diary.Touches)
                && once.Diary.Commitments.SequenceEqual(again.Diary.Commitments)
                && again.Report.Count(ImportAction.Updated) == 0 && again.Report.Count(ImportAction.Dropped) == 0
                // Bookings within the horizon, open, or done by a touch the import logged that day (an all-day meeting today
                // logged without a time closes a booking later that day: a touch without a time may be after it).
                && once.Diary.Commitments.All(c => c.IsBooked && c.Date >= options.Today && c.Date <= options.LastBookedDay && c.RelationshipId != "stranger"
                    && (c.IsOpen || (c.ClosedBy is { } by && once.Diary.GetTouch(by) is { Time: null } closer && closer.Date == c.Date)))
                && again.Report.Count(ImportAction.Added) == 0
                && again.Report.Count(ImportAction.AlreadyImported) == once.Report.Count(ImportAction.Added)
                && Said(once.Diary).SequenceEqual(Said(other.Diary))
                && once.Diary.Touches.All(t => t.Date <= options.Today && t.Date >= options.FirstDay && t.RelationshipId != "stranger");
        });

    [Fact]
    public void SameEventsSameUidsShuffled_IdenticalTouches()
    {
        string text = Ics(Enumerable.Range(0, 30).Select(i => new Event(i * 2017 % (90 * 24 * 60), [i % 4, (i + 1) % 6], i % 7 == 0, i % 5 == 0 ? 4 : 1, i % 9 == 0, i % 2 == 0)));
        var forward = CalendarImporter.Import(CalendarFixture.Diary(), text, CalendarFixture.Options);
        var backward = CalendarImporter.Import(CalendarFixture.Diary(), CalendarImporterTests.ReverseEvents(text), CalendarFixture.Options);
        Assert.True(forward.Diary.Touches.Count > 20);
        Assert.Equal(forward.Diary.Touches, backward.Diary.Touches);
    }

}
