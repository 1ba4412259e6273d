using System;
using System.Linq;
using System.Text;
using Cadence.Calendars;
using Cadence.Levelling;
using Cadence.Planning;
using Cadence.Testing;
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
    [Property(MaxTest = 200, QuietOnSuccess = true)]
    public Property AnyCalendar_WhatTheImportKeeps_IsBounded_AndTheDiaryStillPlans() =>
        Prop.ForAll(
            (from count in Gen.Choose(1, 12)
             from events in Gen.ArrayOf(HostileCalendars.Event, count)
             from timeOff in Gen.Elements(false, true)
             from holidays in Gen.Elements(false, true)
             select (events, timeOff, holidays)).ToArbitrary(),
            x =>
            {
                var (events, timeOff, holidays) = x;
                string file = HostileCalendars.File(events);
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
