using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Ical.Net;
using Calendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using NodaTime;
using NodaTime.TimeZones;
using NodaPeriod = NodaTime.Period;

namespace Cadence.Import;

/// <summary>
/// Picks touches up from the owner's calendar: meetings in a window (by default the last 90 days, and none after now)
/// whose organiser or attendees have a relationship's e-mail address become touches with it. Reads an export or a
/// downloaded subscription (Google, Outlook, Apple) with Ical.Net 5.2.4: recurring series are expanded in the window,
/// moved instances (RECURRENCE-ID) replace the slot they came from, and cancelled events, cancelled instances and
/// declined invitations add nothing. A touch's id comes from the event's UID, the instance's original start and the
/// relationship, so importing the same file again adds nothing twice.
/// </summary>
/// <remarks>
/// <para>
/// The rule for a touch: a meeting (<see cref="Channel.Meeting"/>), or a call (<see cref="Channel.Call"/>) when the
/// event has a video link and <see cref="CalendarImportOptions.VideoMeetingsAsCalls"/> is on (the service, "Zoom",
/// is its medium); on the day and at the time it started in the owner's zone (no time for an all-day event); inbound
/// when the relationship organised it, outbound otherwise; connected; the event's summary as its note. A touch is
/// logged as <see cref="Diary.Log(Touch)"/> logs it, so it closes the open next steps it satisfies.
/// </para>
/// <para>
/// Time zones are resolved as Ical.Net resolves them (<c>TimeZoneResolvers.TimeZoneResolver</c>, which this class
/// reads and never sets). A TZID it cannot resolve is read as an IANA zone with the offsets of the file's VTIMEZONE
/// (a note says which); an event in a zone that has neither is skipped, with the reason. A file that does not load
/// as a whole is read event by event, and what could not be read is reported. Nothing here throws for a bad file.
/// </para>
/// </remarks>
public static class CalendarImporter
{
    /// <summary>How many instances of one series are read at most: a runaway rule stops there.</summary>
    private const int MaxInstancesPerSeries = 5000;

    /// <summary>The most touches one import adds: more is not a person's calendar of meetings.</summary>
    internal const int MaxTouchesPerImport = 20_000;

    /// <summary>The most touches one import adds for one relationship on one day.</summary>
    internal const int MaxTouchesPerRelationshipADay = 3;

    /// <summary>Imports a calendar file's text.</summary>
    /// <param name="diary">The diary to add the touches to.</param>
    /// <param name="ics">The iCalendar text (one or several VCALENDARs).</param>
    /// <param name="options">How to read it.</param>
    /// <returns>The diary with the touches, what else the file gave, and the report.</returns>
    /// <exception cref="ArgumentException">An argument is null, or an option is out of range (naming it).</exception>
    public static CalendarImport Import(Diary diary, string ics, CalendarImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(diary);
        ArgumentNullException.ThrowIfNull(ics);
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        return new Run(diary, options).Import(ics);
    }

    /// <summary>Imports a calendar from a reader (read to its end).</summary>
    /// <param name="diary">The diary to add the touches to.</param>
    /// <param name="reader">The iCalendar text.</param>
    /// <param name="options">How to read it.</param>
    /// <returns>The diary with the touches, what else the file gave, and the report.</returns>
    /// <exception cref="ArgumentException">An argument is null, or an option is out of range (naming it).</exception>
    public static CalendarImport Import(Diary diary, TextReader reader, CalendarImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Import(diary, reader.ReadToEnd(), options);
    }

    /// <summary>How many days ahead days off are read (from today, today included): a year and a day.</summary>
    internal const int DaysOffAhead = 366;

    /// <summary>One import: the options, the diary's addresses, and what was found so far.</summary>
    private sealed class Run
    {
        private readonly Diary _diary;
        private readonly CalendarImportOptions _options;
        private readonly DateTimeZone _zone;
        private readonly Dictionary<string, string?> _relationshipByEmail = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _owner = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, DateTimeZone?> _zones = new(StringComparer.Ordinal);
        private readonly List<ImportLine> _lines = [];
        private readonly List<string> _notes = [];
        private readonly List<Touch> _touches = [];

        /// <summary>For each touch read, the index of its line in the report.</summary>
        private readonly List<int> _touchLines = [];
        private readonly HashSet<string> _touchIds = new(StringComparer.Ordinal);
        private readonly SortedSet<LocalDate> _holidays = [];
        private readonly List<DateInterval> _timeOff = [];
        private readonly Instant _from;
        private readonly Instant _until;

        /// <summary>Whether future meetings are read as bookings (a horizon, and not a holiday calendar).</summary>
        private readonly bool _books;

        /// <summary>The start of the ids of this calendar's bookings (<see cref="BookingPrefix"/>).</summary>
        private string _bookingPrefix = "booked-";

        /// <summary>The diary's bookings from the calendar, by id.</summary>
        private readonly Dictionary<string, Commitment> _booked = new(StringComparer.Ordinal);

        /// <summary>The bookings the file names (a future meeting, or a past one whose touch closes it), by id: none of these is dropped.</summary>
        private readonly HashSet<string> _seenBookings = new(StringComparer.Ordinal);

        /// <summary>The future meetings read, by booking id: the earliest of the same id.</summary>
        private readonly SortedDictionary<string, Commitment> _bookings = new(StringComparer.Ordinal);

        /// <summary>For each touch read whose meeting was booked, the booking's id.</summary>
        private readonly Dictionary<string, string> _bookingOfTouch = new(StringComparer.Ordinal);
        private int _outside;

        internal Run(Diary diary, CalendarImportOptions options)
        {
            _diary = diary;
            _options = options;
            _zone = options.Zone;
            _from = options.FirstDay.AtStartOfDayInZone(_zone).ToInstant();
            _until = options.HolidayCalendar || options.ImportTimeOff
                ? options.Today.PlusDays(DaysOffAhead).AtStartOfDayInZone(_zone).ToInstant()
                : options.Now;
            _books = options.Horizon > 0 && !options.HolidayCalendar;
            if (_books)
            {
                var horizonEnd = options.LastBookedDay.PlusDays(1).AtStartOfDayInZone(_zone).ToInstant();
                _until = horizonEnd > _until ? horizonEnd : _until;
                foreach (var commitment in diary.Commitments)
                {
                    if (commitment.IsBooked)
                    {
                        _booked[commitment.Id] = commitment;
                    }
                }
            }

            foreach (string email in options.OwnerEmails)
            {
                if (Address(email) is { } owner)
                {
                    _owner.Add(owner);
                }
            }

            foreach (var relationship in diary.Relationships)
            {
                foreach (string email in relationship.Emails)
                {
                    // An address two relationships share names neither: it is reported when met.
                    _relationshipByEmail[email] = _relationshipByEmail.TryGetValue(email, out var other) && other != relationship.Id ? null : relationship.Id;
                }
            }
        }

        internal CalendarImport Import(string ics)
        {
            // A calendar's bookings are its own: another calendar's import neither finds nor drops them.
            _bookingPrefix = BookingPrefix(_options.CalendarName ?? CalendarName(ics));

            // The file is read one event at a time: a whole-file object model took 50 times the file's size in memory.
            var file = Scan(ics);
            if (!file.IsCalendar)
            {
                _lines.Add(new ImportLine(ImportAction.Skipped, "the file", null, "is not an iCalendar file (no BEGIN:VCALENDAR)"));
                return new CalendarImport(_diary, [], [], _notes, new ImportReport(_lines));
            }

            var zones = IcsText.ZoneReplacements(file.Zones, Resolve, _options.Today.Year, _notes);
            foreach (int unclosed in file.Unclosed)
            {
                _lines.Add(new ImportLine(ImportAction.Skipped, $"the event at line {unclosed}", null, "has no END:VEVENT"));
            }

            // Moved or cancelled instances, by series and the start they replace: read first, since they may come
            // anywhere in the file.
            var overrides = new HashSet<(string, string)>();
            foreach (var block in file.Events.Where(b => b.IsOverride))
            {
                foreach (var e in Load(ics, block, zones, report: false))
                {
                    if (e.RecurrenceIdentifier?.StartTime is { } recurrenceId && Key(recurrenceId) is { } key)
                    {
                        overrides.Add((e.Uid ?? string.Empty, key));
                    }
                }
            }

            var progress = new ProgressCounter(_options.Progress, file.Events.Count);
            // A single event that starts two days or more outside the window (in any zone) is outside it: counted
            // without loading it (most of a calendar of many years is such events).
            var (firstSure, lastSure) = (_options.FirstDay.PlusDays(-2), _until.InZone(_zone).Date.PlusDays(2));
            foreach (var block in file.Events)
            {
                progress.Tick();
                if (!block.IsOverride && block.SingleDay is { } day && (day < firstSure || day > lastSure))
                {
                    _outside++;
                    continue;
                }

                foreach (var e in Load(ics, block, zones, report: true))
                {
                    try
                    {
                        ReadEvent(e, overrides);
                    }
                    catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or EvaluationException or FormatException or OverflowException)
                    {
                        _lines.Add(new ImportLine(ImportAction.Skipped, Describe(e, e.DtStart), null, $"could not be read: {Shorten(ex.Message)}"));
                    }
                }
            }

            progress.Finish();
            if (_outside > 0)
            {
                string meetings = _books ? $"meetings from {_options.FirstDay:uuuu-MM-dd} to {_options.LastBookedDay:uuuu-MM-dd}" : $"meetings from {_options.FirstDay:uuuu-MM-dd} until now";
                string window = _options.HolidayCalendar || _options.ImportTimeOff
                    ? $"{meetings}, days off until {_options.Today.PlusDays(365):uuuu-MM-dd}"
                    : _books ? meetings : $"from {_options.FirstDay:uuuu-MM-dd} until now";
                _lines.Add(new ImportLine(ImportAction.Skipped, "the file", null, $"{_outside} occurrence(s) outside the window ({window}) not read"));
            }

            var touches = Bounded();
            var diary = _books ? Book(touches) : _diary;
            diary = diary.LogAll(touches);

            var timeOff = _timeOff.Distinct().OrderBy(d => d.Start).ThenBy(d => d.End).ToList();
            return new CalendarImport(diary, timeOff, [.. _holidays], _notes, new ImportReport(_lines));
        }

        /// <summary>
        /// The touches read, earliest first (then by id, so whatever the order of the file), within the bounds: at
        /// most <see cref="MaxTouchesPerRelationshipADay"/> for one relationship on a day and
        /// <see cref="MaxTouchesPerImport"/> in all; the report says what was left out.
        /// </summary>
        private List<Touch> Bounded()
        {
            // Ordered by what the touches say before their ids (which follow the file's UIDs), so the same meetings in
            // any order, or under other UIDs, keep the same ones.
            var order = Enumerable.Range(0, _touches.Count)
                .OrderBy(i => _touches[i].Date).ThenBy(i => _touches[i].Time ?? LocalTime.Midnight)
                .ThenBy(i => _touches[i].RelationshipId, StringComparer.Ordinal).ThenBy(i => _touches[i].Channel).ThenBy(i => _touches[i].Direction)
                .ThenBy(i => _touches[i].Medium, StringComparer.Ordinal).ThenBy(i => _touches[i].Summary, StringComparer.Ordinal)
                .ThenBy(i => _touches[i].Id, StringComparer.Ordinal);
            var perDay = new Dictionary<(string Id, LocalDate Day), int>();
            var kept = new List<Touch>(Math.Min(_touches.Count, MaxTouchesPerImport));
            var dropped = new HashSet<int>();
            int over = 0;
            foreach (int i in order)
            {
                var touch = _touches[i];
                int line = _touchLines[i];
                // The diary's own touches that day count too, so importing again adds nothing more.
                ref int thatDay = ref CollectionsMarshal.GetValueRefOrAddDefault(perDay, (touch.RelationshipId, touch.Date), out bool seen);
                if (!seen)
                {
                    thatDay = _diary.TouchesOf(touch.RelationshipId).Count(t => t.Date == touch.Date);
                }

                if (thatDay++ >= MaxTouchesPerRelationshipADay)
                {
                    _lines[line] = new ImportLine(ImportAction.Skipped, _lines[line].Source, touch.RelationshipId, $"more than {MaxTouchesPerRelationshipADay} meetings with them on {touch.Date:uuuu-MM-dd}");
                }
                else if (kept.Count >= MaxTouchesPerImport)
                {
                    over++;
                    dropped.Add(line);
                }
                else
                {
                    kept.Add(touch);
                }
            }

            if (over > 0)
            {
                // Counted, not listed: the report stays a few lines whatever the file.
                var lines = _lines.Where((_, i) => !dropped.Contains(i)).ToList();
                _lines.Clear();
                _lines.AddRange(lines);
                _lines.Add(new ImportLine(ImportAction.Skipped, "the file", null, $"{over} more meeting(s) not read: one import adds at most {MaxTouchesPerImport} touches"));
            }

            return kept;
        }

        /// <summary>What one pass over the file finds: whether it is a calendar, its time zones, where its events are, and the first lines of events cut off before their END.</summary>
        private sealed record ScannedFile(bool IsCalendar, Dictionary<string, (Offset? Standard, Offset? Daylight)> Zones, List<EventBlock> Events, List<int> Unclosed);

        /// <summary>
        /// A VEVENT's place in the file (from its BEGIN line to after its END line), its first line's number, whether it
        /// is a moved or cancelled instance, and the day of its DTSTART as written when it is a single event (no RRULE
        /// or RDATE) whose start can be read from the text.
        /// </summary>
        private readonly record struct EventBlock(int Start, int End, int Line, bool IsOverride, LocalDate? SingleDay);

        /// <summary>One pass over the unfolded lines, keeping only the time zones and where each event is.</summary>
        private static ScannedFile Scan(string ics)
        {
            bool isCalendar = false;
            var zones = new IcsText.TimeZoneReader();
            var events = new List<EventBlock>();
            var unclosed = new List<int>();
            int depth = 0, start = 0, line = 0;
            bool isOverride = false, repeats = false;
            LocalDate? startDay = null;
            foreach (var l in IcsText.Lines(ics, 0, ics.Length, 1))
            {
                string text = l.Text;
                zones.Read(text);
                if (text.StartsWith("BEGIN:", StringComparison.OrdinalIgnoreCase))
                {
                    if (depth > 0)
                    {
                        depth++;
                    }
                    else if (text.Equals("BEGIN:VEVENT", StringComparison.OrdinalIgnoreCase))
                    {
                        (depth, start, line, isOverride, repeats, startDay) = (1, l.Start, l.Number, false, false, null);
                    }
                    else if (text.Equals("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
                    {
                        isCalendar = true;
                    }
                }
                else if (depth > 0 && text.StartsWith("END:", StringComparison.OrdinalIgnoreCase))
                {
                    if (depth == 1 && !text.Equals("END:VEVENT", StringComparison.OrdinalIgnoreCase))
                    {
                        // END:VCALENDAR (or another) before the event's end: the event is cut off.
                        unclosed.Add(line);
                        depth = 0;
                    }
                    else if (--depth == 0)
                    {
                        events.Add(new EventBlock(start, l.End, line, isOverride, repeats ? null : startDay));
                    }
                }
                else if (depth == 1)
                {
                    isOverride |= text.StartsWith("RECURRENCE-ID", StringComparison.OrdinalIgnoreCase);
                    repeats |= text.StartsWith("RRULE", StringComparison.OrdinalIgnoreCase) || text.StartsWith("RDATE", StringComparison.OrdinalIgnoreCase);
                    if (text.StartsWith("DTSTART", StringComparison.OrdinalIgnoreCase))
                    {
                        startDay = DayWritten(text);
                    }
                }
            }

            if (depth > 0)
            {
                unclosed.Add(line);
            }

            return new ScannedFile(isCalendar, zones.Zones, events, unclosed);
        }

        /// <summary>The day a DTSTART line gives (its value's first eight digits), whatever its zone; <see langword="null"/> when it does not read as one.</summary>
        private static LocalDate? DayWritten(string line)
        {
            var (name, valueAt) = IcsText.Split(line);
            if (name != "DTSTART" || valueAt < 0 || line.Length - valueAt < 8
                || !int.TryParse(line.AsSpan(valueAt, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year)
                || !int.TryParse(line.AsSpan(valueAt + 4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int month)
                || !int.TryParse(line.AsSpan(valueAt + 6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int day)
                || year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                return null;
            }

            return new LocalDate(year, month, day);
        }

        /// <summary>
        /// The event at <paramref name="block"/>, loaded by Ical.Net as a calendar of its own (Ical.Net reads no
        /// VTIMEZONE, so none is needed; unknown zones are replaced as <see cref="IcsText.ZoneReplacements"/> found);
        /// none when it does not load, which is reported when <paramref name="report"/> is set.
        /// </summary>
        private IEnumerable<CalendarEvent> Load(string ics, EventBlock block, Dictionary<string, string> zones, bool report)
        {
            var body = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Cadence//Import//EN\r\n", block.End - block.Start + 80);
            foreach (var l in IcsText.Lines(ics, block.Start, block.End, block.Line))
            {
                body.Append(IcsText.FixZone(l.Text, zones)).Append("\r\n");
            }

            body.Append("END:VCALENDAR\r\n");
            try
            {
                return Calendar.Load(body.ToString())?.Events.ToList() ?? [];
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                if (report)
                {
                    _lines.Add(new ImportLine(ImportAction.Skipped, $"the event at line {block.Line}", null, $"could not be read: {Shorten(ex.Message)}"));
                }

                return [];
            }
        }

        private void ReadEvent(CalendarEvent e, HashSet<(string, string)> overrides)
        {
            if (e.DtStart is null)
            {
                _lines.Add(new ImportLine(ImportAction.Skipped, Describe(e, null), null, "has no start (DTSTART)"));
                return;
            }

            // (RDATEs are dates and times, or periods: either makes a series; a single event has neither, nor an RRULE.)
            if (e.RecurrenceIdentifier?.StartTime is not null
                || (e.RecurrenceRule is null && (e.RecurrenceDates is null || (!e.RecurrenceDates.GetAllDates().Any() && !e.RecurrenceDates.GetAllPeriods().Any()))))
            {
                // A single event, or a moved instance of a series: read as it stands.
                ReadOccurrence(e, e.DtStart, e.RecurrenceIdentifier?.StartTime ?? e.DtStart, series: e.RecurrenceIdentifier is not null);
                return;
            }

            if (Zone(e.DtStart) is null)
            {
                _lines.Add(new ImportLine(ImportAction.Skipped, Describe(e, e.DtStart), null, $"its time zone \"{e.DtStart.TzId}\" is not known, and the file does not define it"));
                return;
            }

            if (e.RecurrenceRule?.Frequency is FrequencyType.Secondly or FrequencyType.Minutely or FrequencyType.Hourly)
            {
                // Not expanded at all (a series every second from 1900 would take hours): it is no meeting with a person.
                string every = e.RecurrenceRule.Frequency switch
                {
                    FrequencyType.Secondly => "second",
                    FrequencyType.Minutely => "minute",
                    _ => "hour",
                };
                _lines.Add(new ImportLine(ImportAction.Skipped, Describe(e, e.DtStart), null, $"repeats every {every}: more often than daily is not a meeting with a person"));
                return;
            }

            // Instances that started from the first day on; each series is evaluated from its own start, so a series
            // that started after the window is not expanded at all.
            var start = new CalDateTime(_from.ToDateTimeUtc(), CalDateTime.UtcTzId);
            var end = new CalDateTime(_until.ToDateTimeUtc(), CalDateTime.UtcTzId);
            if (AsInstant(e.DtStart) is { } first && first >= _until)
            {
                _outside++;
                return;
            }

            var evaluation = new EvaluationOptions { MaxUnmatchedIncrementsLimit = 1000 };
            int read = 0;
            foreach (var occurrence in e.GetOccurrences(start, evaluation).TakeWhileBefore(end))
            {
                var at = occurrence.Period.StartTime;
                if (Key(at) is { } key && overrides.Contains((e.Uid ?? string.Empty, key)))
                {
                    continue;
                }

                if (++read > MaxInstancesPerSeries)
                {
                    _lines.Add(new ImportLine(ImportAction.Skipped, Describe(e, at), null, $"the series has more than {MaxInstancesPerSeries} instances in the window; the rest were not read"));
                    break;
                }

                ReadOccurrence(e, at, at, series: true);
            }
        }

        private void ReadOccurrence(CalendarEvent e, CalDateTime start, CalDateTime original, bool series)
        {
            LocalDate day;
            LocalTime? time = null;
            Instant? started = null;
            if (start.HasTime)
            {
                if (AsInstant(start) is not { } instant)
                {
                    _lines.Add(new ImportLine(ImportAction.Skipped, Describe(e, start), null, $"its time zone \"{start.TzId}\" is not known, and the file does not define it"));
                    return;
                }

                if (instant < _from || instant >= _until)
                {
                    _outside++;
                    return;
                }

                var local = instant.InZone(_zone).LocalDateTime;
                (day, time, started) = (local.Date, local.TimeOfDay, instant);
            }
            else
            {
                day = new LocalDate(start.Year, start.Month, start.Day);
                if (day < _options.FirstDay || day.AtStartOfDayInZone(_zone).ToInstant() >= _until)
                {
                    _outside++;
                    return;
                }
            }

            // Named only for what is in the window: most of a long series is not.
            string source = Describe(e, start);
            if (string.Equals(e.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase))
            {
                _lines.Add(new ImportLine(ImportAction.Skipped, source, null, "was cancelled"));
                return;
            }

            if (!start.HasTime && (_options.HolidayCalendar || (_options.ImportTimeOff && IsOutOfOffice(e))))
            {
                ReadDaysOff(e, day, source);
                return;
            }

            if (_options.HolidayCalendar)
            {
                _lines.Add(new ImportLine(ImportAction.Skipped, source, null, "is not an all-day event, so not a holiday"));
                return;
            }

            bool future = started is { } at ? at > _options.Now : day > _options.Today;
            if (future && (!_books || day > _options.LastBookedDay))
            {
                _outside++;
                return;
            }

            ReadMeeting(e, day, time, original, series, future, source);
        }

        private void ReadMeeting(CalendarEvent e, LocalDate day, LocalTime? time, CalDateTime original, bool series, bool future, string source)
        {
            // Who: the organiser and the attendees; the owner's own addresses are never a relationship.
            var people = new List<(string Address, bool Organizer, string? Status)>();
            if (Address(e.Organizer?.Value?.OriginalString) is { } organizer)
            {
                people.Add((organizer, true, null));
            }

            foreach (var attendee in e.Attendees)
            {
                if (Address(attendee.Value?.OriginalString) is { } address)
                {
                    people.Add((address, false, attendee.ParticipationStatus));
                }
            }

            if (people.Any(p => _owner.Contains(p.Address) && IsDeclined(p.Status)))
            {
                _lines.Add(new ImportLine(ImportAction.Skipped, source, null, "you declined it"));
                return;
            }

            string? organizerId = null;
            var matched = new List<string>();
            int linesBefore = _lines.Count;
            foreach (var (address, isOrganizer, status) in people)
            {
                if (_owner.Contains(address) || !_relationshipByEmail.TryGetValue(address, out var id))
                {
                    continue;
                }

                if (id is null)
                {
                    _lines.Add(new ImportLine(ImportAction.Skipped, source, null, $"{address} is the address of more than one relationship"));
                    continue;
                }

                if (IsDeclined(status))
                {
                    _lines.Add(new ImportLine(ImportAction.Skipped, source, id, $"{address} declined"));
                    continue;
                }

                organizerId ??= isOrganizer ? id : null;
                if (!matched.Contains(id))
                {
                    matched.Add(id);
                }
            }

            if (matched.Count == 0)
            {
                if (_lines.Count == linesBefore)
                {
                    _lines.Add(new ImportLine(ImportAction.Skipped, source, null, people.Count == 0 ? "has no organiser or attendees" : "no organiser or attendee is in the diary"));
                }

                return;
            }

            string? video = _options.VideoMeetingsAsCalls
                ? VideoLinks.Service(e.Location, e.Url?.OriginalString, Property(e, "X-GOOGLE-CONFERENCE"), Property(e, "X-MICROSOFT-SKYPETEAMSMEETINGURL"), Property(e, "X-MICROSOFT-ONLINEMEETINGCONFLINK"), e.Description)
                : null;
            var channel = video is null ? Channel.Meeting : Channel.Call;
            string? summary = Clean(e.Summary);
            string key = (e.Uid ?? string.Empty) + "\n" + (Key(original) ?? string.Empty);
            // A booking is keyed by the UID and, in a series, the instance's original start: a single event moved keeps it.
            string bookingKey = "booked\n" + (e.Uid ?? string.Empty) + "\n" + (series ? Key(original) ?? string.Empty : string.Empty);
            if (future)
            {
                foreach (string id in matched)
                {
                    ReadBooking(BookingId(bookingKey, id), id, day, time, channel, summary, source);
                }

                return;
            }

            foreach (string id in matched)
            {
                string touchId = TouchId(key, id);
                if (_books)
                {
                    string bookingId = BookingId(bookingKey, id);
                    if (_booked.ContainsKey(bookingId))
                    {
                        _seenBookings.Add(bookingId);
                        _bookingOfTouch[touchId] = bookingId;
                    }
                }

                if (_diary.HasTouch(touchId) || !_touchIds.Add(touchId))
                {
                    _lines.Add(new ImportLine(ImportAction.AlreadyImported, source, id, $"imported before as {touchId}"));
                    continue;
                }

                var direction = id == organizerId ? Direction.Inbound : Direction.Outbound;
                var touch = new Touch(id, day, channel, direction, Outcome.Connected, video, summary, time).WithId(touchId);
                _touches.Add(touch);
                _touchLines.Add(_lines.Count);
                string when = time is { } t ? $"{day:uuuu-MM-dd} {t:HH:mm}" : $"{day:uuuu-MM-dd}";
                string what = channel == Channel.Call ? $"a call ({video})" : "a meeting";
                _lines.Add(new ImportLine(ImportAction.Added, source, id, $"{what} on {when}{(direction == Direction.Inbound ? ", they organised it" : string.Empty)}"));
            }
        }

        /// <summary>A future meeting with a relationship: a booking to add, move or leave as it is (reported now, changed in <see cref="Book"/>).</summary>
        private void ReadBooking(string bookingId, string relationshipId, LocalDate day, LocalTime? time, Channel channel, string? summary, string source)
        {
            _seenBookings.Add(bookingId);
            string when = time is { } t ? $"{day:uuuu-MM-dd} {t:HH:mm}" : $"{day:uuuu-MM-dd}";
            if (_bookings.TryGetValue(bookingId, out var other))
            {
                // The same instance twice in the file: the earliest counts, whatever the order.
                if (other.Date < day || (other.Date == day && (other.Time ?? LocalTime.Midnight) <= (time ?? LocalTime.Midnight)))
                {
                    _lines.Add(new ImportLine(ImportAction.AlreadyImported, source, relationshipId, $"booked in this file already as {bookingId}"));
                    return;
                }
            }

            _bookings[bookingId] = new Commitment(bookingId, relationshipId, day, summary ?? "meeting", channel, time, _options.Today, CommitmentKind.Booked);
            if (!_booked.TryGetValue(bookingId, out var booked))
            {
                _lines.Add(new ImportLine(ImportAction.Added, source, relationshipId, $"a meeting booked on {when}"));
            }
            else if (!booked.IsOpen)
            {
                _lines.Add(new ImportLine(ImportAction.AlreadyImported, source, relationshipId, $"booked before as {bookingId}, {(booked.Status == CommitmentStatus.Done ? "done" : "dropped")} since"));
            }
            else if (booked.Date == day && booked.Time == time)
            {
                _lines.Add(new ImportLine(ImportAction.AlreadyImported, source, relationshipId, $"booked before as {bookingId}"));
            }
            else
            {
                string was = booked.Time is { } bt ? $"{booked.Date:uuuu-MM-dd} {bt:HH:mm}" : $"{booked.Date:uuuu-MM-dd}";
                _lines.Add(new ImportLine(ImportAction.Updated, source, relationshipId, $"the meeting booked on {was} moved to {when}"));
            }
        }

        /// <summary>
        /// The diary with the bookings followed: new ones added, moved ones moved (keeping their id), those of past meetings
        /// moved to the meeting so that its touch closes them, and open ones the file no longer has from
        /// <see cref="CalendarImportOptions.FirstDay"/> to <see cref="CalendarImportOptions.LastBookedDay"/> dropped. In
        /// order of id, so whatever the order of the file.
        /// </summary>
        private Diary Book(List<Touch> touches)
        {
            var diary = _diary;
            foreach (var touch in touches)
            {
                if (touch.Id is { } touchId && _bookingOfTouch.TryGetValue(touchId, out string? bookingId) && _booked[bookingId] is { IsOpen: true } booked
                    && (booked.Date != touch.Date || booked.Time != touch.Time))
                {
                    // The meeting was moved since it was booked: the booking follows it, so its touch closes it.
                    diary = diary.Update(booked.MadeOn is { } made && touch.Date < made ? booked.MarkDone() : booked.MoveTo(touch.Date, touch.Time));
                }
            }

            foreach (var (id, booking) in _bookings)
            {
                if (!_booked.TryGetValue(id, out var booked))
                {
                    diary = diary.Promise(booking);
                }
                else if (booked.IsOpen && (booked.Date != booking.Date || booked.Time != booking.Time)
                    && (booked.MadeOn is not { } made || booking.Date >= made))
                {
                    diary = diary.Update(booked.MoveTo(booking.Date, booking.Time));
                }
            }

            foreach (var (id, booked) in _booked.OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                if (booked.IsOpen && id.StartsWith(_bookingPrefix, StringComparison.Ordinal) && !_seenBookings.Contains(id)
                    && booked.Date >= _options.FirstDay && booked.Date <= _options.LastBookedDay)
                {
                    var on = booked.MadeOn is { } made && made > _options.Today ? made : _options.Today;
                    diary = diary.DropCommitment(id, on);
                    string when = booked.Time is { } t ? $"{booked.Date:uuuu-MM-dd} {t:HH:mm}" : $"{booked.Date:uuuu-MM-dd}";
                    _lines.Add(new ImportLine(ImportAction.Dropped, $"booking {id}", booked.RelationshipId, $"the meeting booked on {when} is no longer in the calendar (cancelled, declined or removed): dropped"));
                }
            }

            return diary;
        }

        private void ReadDaysOff(CalendarEvent e, LocalDate day, string source)
        {
            // DTEND of an all-day event is the day after its last (RFC 5545); a missing one means the one day.
            var last = day;
            if (e.DtEnd is { HasTime: false } end)
            {
                var after = new LocalDate(end.Year, end.Month, end.Day);
                var first = LocalDate.FromDateOnly(e.DtStart!.Date);
                var duration = after > first ? NodaPeriod.Between(first, after, PeriodUnits.Days).Days : 1;
                last = day.PlusDays(Math.Max(duration, 1) - 1);
            }

            // Days off are read for the year ahead (the window's last day), however far the event runs: a spell to
            // 9999 would save a diary that no command opens, a holiday calendar to 2999 hundreds of thousands of days.
            string cut = string.Empty;
            var lastRead = _options.Today.PlusDays(DaysOffAhead - 1);
            if (last > lastRead)
            {
                cut = $" (cut at {lastRead:uuuu-MM-dd}: days off are read for the year ahead; import again later for the rest)";
                last = lastRead;
            }

            if (_options.HolidayCalendar)
            {
                for (var d = day; d <= last; d = d.PlusDays(1))
                {
                    _holidays.Add(d);
                }

                _lines.Add(new ImportLine(ImportAction.Added, source, null, (day == last ? $"a holiday on {day:uuuu-MM-dd}" : $"holidays {day:uuuu-MM-dd} to {last:uuuu-MM-dd}") + cut));
            }
            else
            {
                _timeOff.Add(new DateInterval(day, last));
                _lines.Add(new ImportLine(ImportAction.Added, source, null, (day == last ? $"time off on {day:uuuu-MM-dd}" : $"time off {day:uuuu-MM-dd} to {last:uuuu-MM-dd}") + cut));
            }
        }

        /// <summary>Outlook's busy status OOF, or a summary that says out of office.</summary>
        private static bool IsOutOfOffice(CalendarEvent e)
        {
            if (string.Equals(Property(e, "X-MICROSOFT-CDO-BUSYSTATUS"), "OOF", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            string summary = e.Summary ?? string.Empty;
            return OutOfOfficeWords.Any(w => summary.Contains(w, StringComparison.OrdinalIgnoreCase));
        }

        private static readonly string[] OutOfOfficeWords = ["out of office", "out of the office", "OOO", "vacation", "annual leave", "holiday", "PTO", "on leave"];

        private static bool IsDeclined(string? status) => string.Equals(status, "DECLINED", StringComparison.OrdinalIgnoreCase);

        private static string? Property(CalendarEvent e, string name) => e.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.Value?.ToString();

        /// <summary>An address from a <c>mailto:</c> URI (any case) or a bare one, trimmed; <see langword="null"/> for none.</summary>
        private static string? Address(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            var span = value.AsSpan().Trim();
            if (span.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            {
                span = span[7..].Trim();
            }

            return span.IndexOf('@') > 0 ? Uri.UnescapeDataString(span.ToString()) : null;
        }

        /// <summary>The zone of a date-time's TZID, as Ical.Net resolves it; <see langword="null"/> when it cannot.</summary>
        private DateTimeZone? Zone(CalDateTime value)
        {
            if (value.TzId is not { } tzid || value.IsUtc)
            {
                return value.IsUtc ? DateTimeZone.Utc : _zone;
            }

            return Resolve(tzid);
        }

        private DateTimeZone? Resolve(string tzid)
        {
            if (!_zones.TryGetValue(tzid, out var zone))
            {
                try
                {
                    zone = TimeZoneResolvers.TimeZoneResolver(tzid);
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or TimeZoneNotFoundException or DateTimeZoneNotFoundException)
                {
                    zone = null;
                }

                _zones[tzid] = zone;
            }

            return zone;
        }

        /// <summary>A timed date-time as an instant (floating times in the owner's zone); <see langword="null"/> for a date or an unknown zone.</summary>
        private Instant? AsInstant(CalDateTime value)
        {
            if (!value.HasTime || Zone(value) is not { } zone)
            {
                return null;
            }

            var local = new LocalDateTime(value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second);
            return local.InZoneLeniently(zone).ToInstant();
        }

        /// <summary>An instance's original start as a key: the instant in UTC, or the date of an all-day one.</summary>
        private string? Key(CalDateTime value) =>
            value.HasTime
                ? AsInstant(value)?.ToString("uuuuMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)
                : new LocalDate(value.Year, value.Month, value.Day).ToString("uuuuMMdd", CultureInfo.InvariantCulture);

        /// <summary>"cal-" and 16 hex digits of XXH64 over the event's key and the relationship's id: the same touch every import.</summary>
        private static string TouchId(string key, string relationshipId)
        {
            ulong hash = System.IO.Hashing.XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(key + "\n" + relationshipId));
            return "cal-" + hash.ToString("x16", CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// The booking's id: <see cref="_bookingPrefix"/> (which calendar), then 16 hex digits of XXH64 over the booking's
        /// key (UID, and an instance's original start) and the relationship's id.
        /// </summary>
        private string BookingId(string key, string relationshipId)
        {
            ulong hash = System.IO.Hashing.XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(key + "\n" + relationshipId));
            return _bookingPrefix + hash.ToString("x16", CultureInfo.InvariantCulture);
        }

        /// <summary>"booked-", 8 hex digits of XXH32 over the calendar's name, and a hyphen: the ids of one calendar's bookings.</summary>
        private static string BookingPrefix(string calendar)
        {
            uint hash = System.IO.Hashing.XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(calendar));
            return "booked-" + hash.ToString("x8", CultureInfo.InvariantCulture) + "-";
        }

        /// <summary>
        /// The calendar's name as its file gives it (X-WR-CALNAME before the first component: Google writes the account's
        /// address, Apple and Outlook the calendar's name), trimmed; empty when it has none.
        /// </summary>
        private static string CalendarName(string ics)
        {
            // The calendar's own lines: after BEGIN:VCALENDAR, before its first component.
            int start = ics.IndexOf("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase);
            start = start < 0 ? 0 : start + "BEGIN:VCALENDAR".Length;
            int end = ics.IndexOf("\nBEGIN:", start, StringComparison.OrdinalIgnoreCase);
            foreach (var line in ics.AsSpan(start, (end < 0 ? ics.Length : end) - start).EnumerateLines())
            {
                if (line.StartsWith("X-WR-CALNAME", StringComparison.OrdinalIgnoreCase) && line.IndexOf(':') is var colon and > 0)
                {
                    return line[(colon + 1)..].Trim().ToString();
                }
            }

            return string.Empty;
        }

        /// <summary>"event \"Quarterly review\" on 2026-03-02": how a person finds it in their calendar.</summary>
        private static string Describe(CalendarEvent e, CalDateTime? start)
        {
            string name = Clean(e.Summary) is { } summary ? $"event \"{Shorten(summary)}\"" : $"event {Shorten(e.Uid ?? "without a UID")}";
            return start is null ? name : $"{name} on {start.Year:0000}-{start.Month:00}-{start.Day:00}";
        }

        /// <summary>The summary as a note: control characters other than line breaks and tabs dropped, trimmed, at most 500 characters.</summary>
        private static string? Clean(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var clean = new string([.. text.Where(c => !char.IsControl(c) || c is '\n' or '\t')]).Trim();
            return clean.Length == 0 ? null : clean.Length > 500 ? clean[..500] : clean;
        }

        private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
    }
}
