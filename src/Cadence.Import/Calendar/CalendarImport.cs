using System.Collections.Generic;
using NodaTime;

namespace Cadence.Import;

/// <summary>
/// The outcome of importing a calendar: the diary with the touches added, the owner's days off the file gave (when
/// asked for), notes about how the file was read, and a report of every occurrence read. A dry run is keeping the
/// old diary and showing the report.
/// </summary>
/// <param name="Diary">The diary after the import (the same diary when nothing was added).</param>
/// <param name="TimeOff">The owner's time off read from all-day out-of-office events, in order (empty unless <see cref="CalendarImportOptions.ImportTimeOff"/>).</param>
/// <param name="Holidays">The owner's holidays read from a holiday calendar, in order (empty unless <see cref="CalendarImportOptions.HolidayCalendar"/>).</param>
/// <param name="Notes">How the file was read where it needed help: a time zone read as another, a part that could not be read.</param>
/// <param name="Report">A line per occurrence read in the window, and per day off.</param>
public sealed record CalendarImport(Diary Diary, IReadOnlyList<DateInterval> TimeOff, IReadOnlyList<LocalDate> Holidays, IReadOnlyList<string> Notes, ImportReport Report);
