using System;
using System.Linq;
using System.Text;
using Cadence.Calendars;
using Cadence.Levelling;
using Cadence.Planning;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Cadence.Import.Tests.Calendar;

/// <summary>
/// Issue 26: whatever the calendar file (dates from 1900 to 9999, series of every frequency with RDATEs and EXDATEs,
/// days off running for centuries), what an import keeps obeys the diary's own rules, bounded: the diary with its
/// days off still plans and levels.
/// </summary>
public sealed class HostileCalendarProperties
{
    private static readonly string[] Frequencies = ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"];

    private static string Stamp(int year, int dayOfYear, bool allDay) =>
        new LocalDate(year, 1, 1).PlusDays(dayOfYear) is var day && allDay ? $"VALUE=DATE:{day:yyyyMMdd}" : $"{day:yyyyMMdd}T100000Z";

    private static Gen<string> Event =>
        from n in Gen.Choose(0, 1_000_000)
        from year in Gen.Frequency((1, Gen.Choose(1900, 2020)), (6, Gen.Choose(2025, 2027)), (1, Gen.Choose(2028, 9998)))
        from day in Gen.Choose(0, 364)
        from allDay in Gen.Elements(false, true)
        from endYear in Gen.Frequency((4, Gen.Constant(year)), (1, Gen.Choose(year, 9999)))
        from endDay in Gen.Choose(day, 364)
        from rule in Gen.Frequency((3, Gen.Constant<string?>(null)), (2, Gen.Elements(Frequencies).Select(f => (string?)f)))
        from rdates in Gen.Choose(0, 4)
        from exdates in Gen.Choose(0, 4)
        from outOfOffice in Gen.Elements(false, true)
        select new StringBuilder()
            .Append($"UID:h{n}@test\r\n")
            .Append($"DTSTART{(allDay ? ";" : ":")}{Stamp(year, day, allDay)}\r\n")
            .Append($"DTEND{(allDay ? ";" : ":")}{Stamp(Math.Max(endYear, year), endYear > year ? endDay : Math.Max(endDay, day + (allDay ? 1 : 0)), allDay)}\r\n")
            .Append(rule is null ? string.Empty : $"RRULE:FREQ={rule}\r\n")
            .Append(string.Concat(Enumerable.Range(1, rdates).Select(k => $"RDATE:{Stamp(year, Math.Min(day + k, 364), false)}\r\n")))
            .Append(string.Concat(Enumerable.Range(1, exdates).Select(k => $"EXDATE:{Stamp(year, Math.Min(day + (2 * k), 364), false)}\r\n")))
            .Append(outOfOffice ? "X-MICROSOFT-CDO-BUSYSTATUS:OOF\r\n" : string.Empty)
            .Append("ATTENDEE:mailto:zoe.mueller@example.com\r\nSUMMARY:Event\r\n")
            .ToString();

    [Property(MaxTest = 200, QuietOnSuccess = true)]
    public Property AnyCalendar_WhatTheImportKeeps_IsBounded_AndTheDiaryStillPlans() =>
        Prop.ForAll(
            (from count in Gen.Choose(1, 12)
             from events in Gen.ArrayOf(Event, count)
             from timeOff in Gen.Elements(false, true)
             from holidays in Gen.Elements(false, true)
             select (events, timeOff, holidays)).ToArbitrary(),
            x =>
            {
                var (events, timeOff, holidays) = x;
                string file = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                    + string.Concat(events.Select(e => "BEGIN:VEVENT\r\n" + e + "END:VEVENT\r\n")) + "END:VCALENDAR\r\n";
                var options = CalendarFixture.Options with { ImportTimeOff = timeOff, HolidayCalendar = holidays };

                var import = CalendarImporter.Import(CalendarFixture.Diary(), file, options);

                var lastRead = options.Today.PlusDays(CalendarImporter.DaysOffAhead - 1);
                Assert.All(import.TimeOff, spell => Assert.True(spell.End <= lastRead && SupportedDates.Contains(spell.Start), spell.ToString()));
                Assert.All(import.Holidays, day => Assert.True(day <= lastRead && SupportedDates.Contains(day), day.ToString()));
                Assert.Equal(import.Holidays.Count, import.Holidays.Distinct().Count());
                Assert.True(import.Holidays.Count <= Period.DaysBetween(options.FirstDay, lastRead) + 1);
                Assert.True(import.Diary.Touches.Count <= CalendarImporter.MaxTouchesPerImport);
                Assert.All(import.Diary.Touches.GroupBy(t => (t.RelationshipId, t.Date)), g => Assert.True(g.Count() <= CalendarImporter.MaxTouchesPerRelationshipADay));

                // The diary, with the owner's days off as imported, plans and levels.
                var calendar = OwnerCalendar.ForZone("Europe/London").WithHolidays(import.Holidays);
                calendar = import.TimeOff.Aggregate(calendar, (c, spell) => c.WithTimeOff(spell.Start, spell.End));
                var plan = new Scheduler(SchedulerOptions.Default.WithCalendar(calendar)).Plan(import.Diary, options.Today);
                var levelled = new Leveller(calendar).Level(plan);
                return levelled.Touches.Count == import.Diary.Relationships.Count;
            });
}
