using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using Cadence.Internal;
using NodaTime;

namespace Cadence.Calendars;

/// <summary>
/// The owner's side of the calendar: their time zone, working days (Monday to Friday by default), holidays, time off,
/// working hours and a budget of touches; and the hours contacts are assumed to work. Immutable and checked: the
/// <c>With…</c> methods return checked copies.
/// </summary>
/// <example>
/// <code>
/// var calendar = OwnerCalendar.ForZone("Europe/London")
///     .WithHolidays(new LocalDate(2026, 4, 3), new LocalDate(2026, 4, 6))
///     .WithTimeOff(new LocalDate(2026, 8, 3), new LocalDate(2026, 8, 14))
///     .WithBudget(new TouchBudget(5).WithPerChannel(Channel.Meeting, 2));
/// </code>
/// </example>
public sealed record OwnerCalendar
{
    private static readonly ImmutableSortedSet<IsoDayOfWeek> MondayToFriday =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    /// <summary>Creates a calendar in a time zone, with the defaults: Monday to Friday, 08:00 to 18:00, 10 touches a day.</summary>
    /// <param name="timeZone">The owner's time zone.</param>
    public OwnerCalendar(DateTimeZone timeZone)
    {
        TimeZone = Guard.NotNull(timeZone, nameof(timeZone));
    }

    /// <summary>The owner's time zone: what day it is, and the owner's side of call windows.</summary>
    public DateTimeZone TimeZone { get; private init; }

    /// <summary>The days of the week the owner works.</summary>
    public IReadOnlyCollection<IsoDayOfWeek> WorkingDays { get; private init; } = MondayToFriday;

    /// <summary>Holidays: no touch is placed on them.</summary>
    public IReadOnlyCollection<LocalDate> Holidays { get; private init; } = ImmutableSortedSet<LocalDate>.Empty;

    /// <summary>Time off, as ranges of days (both ends included): no touch is placed in them.</summary>
    public IReadOnlyList<DateInterval> TimeOff { get; private init; } = ImmutableArray<DateInterval>.Empty;

    /// <summary>How many touches fit a day, a channel and a week. Default: 10 a day.</summary>
    public TouchBudget Budget { get; private init; } = new(10);

    /// <summary>When the owner's working day starts, for call windows. Default 08:00.</summary>
    public LocalTime WorkStart { get; private init; } = new(8, 0);

    /// <summary>When the owner's working day ends. Default 18:00.</summary>
    public LocalTime WorkEnd { get; private init; } = new(18, 0);

    /// <summary>When contacts' working day starts in their own time zone. Default 08:00.</summary>
    public LocalTime ContactWorkStart { get; private init; } = new(8, 0);

    /// <summary>When contacts' working day ends in their own time zone. Default 18:00.</summary>
    public LocalTime ContactWorkEnd { get; private init; } = new(18, 0);

    /// <summary>A calendar in the time zone with this IANA id.</summary>
    /// <param name="zoneId">An IANA time zone id such as "Europe/London".</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentException">The id is not a known time zone; the message names it.</exception>
    public static OwnerCalendar ForZone(string zoneId) => new(Zone(zoneId));

    /// <summary>The time zone with this IANA id, from the TZDB that NodaTime ships.</summary>
    /// <param name="zoneId">An IANA time zone id such as "Australia/Sydney".</param>
    /// <returns>The time zone.</returns>
    /// <exception cref="ArgumentException">The id is not a known time zone; the message names it.</exception>
    internal static DateTimeZone Zone(string zoneId)
    {
        Guard.NotNull(zoneId, nameof(zoneId));
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
            ?? throw new ArgumentException($"Unknown time zone id \"{Guard.Shorten(zoneId)}\"; use an IANA id such as \"Europe/London\".", nameof(zoneId));
    }

    /// <summary>Returns a copy in another time zone.</summary>
    /// <param name="timeZone">The time zone.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public OwnerCalendar WithTimeZone(DateTimeZone timeZone) => this with { TimeZone = Guard.NotNull(timeZone, nameof(timeZone)) };

    /// <summary>Returns a copy with these working days.</summary>
    /// <param name="days">At least one day of the week.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">No day, or an undefined one.</exception>
    [Pure]
    public OwnerCalendar WithWorkingDays(params IEnumerable<IsoDayOfWeek> days)
    {
        var set = Guard.NotNull(days, nameof(days)).Select(d => d is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday
            ? d
            : throw new ArgumentOutOfRangeException(nameof(days), d, $"{d} is not a day of the week.")).ToImmutableSortedSet();
        if (set.Count == 0)
        {
            throw new ArgumentException("An owner calendar needs at least one working day.", nameof(days));
        }

        return this with { WorkingDays = set };
    }

    /// <summary>Returns a copy with more holidays.</summary>
    /// <param name="holidays">The holidays.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A day is outside <see cref="SupportedDates"/>; the message names it.</exception>
    [Pure]
    public OwnerCalendar WithHolidays(params IEnumerable<LocalDate> holidays) =>
        this with { Holidays = ((ImmutableSortedSet<LocalDate>)Holidays).Union(Guard.NotNull(holidays, nameof(holidays)).Select(d => Guard.Date(d, nameof(holidays))).ToList()) };

    /// <summary>Returns a copy with time off from <paramref name="start"/> to <paramref name="end"/>, both included.</summary>
    /// <param name="start">The first day off.</param>
    /// <param name="end">The last day off, not before <paramref name="start"/>.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">The range ends before it starts, or a day is outside <see cref="SupportedDates"/>; the message names it.</exception>
    [Pure]
    public OwnerCalendar WithTimeOff(LocalDate start, LocalDate end)
    {
        var first = Guard.Date(start, nameof(start));
        if (Guard.Date(end, nameof(end)) < first)
        {
            throw new ArgumentException($"The time off ends ({end:uuuu'-'MM'-'dd}) before it starts ({start:uuuu'-'MM'-'dd}).", nameof(end));
        }

        return this with { TimeOff = ((ImmutableArray<DateInterval>)TimeOff).Add(new DateInterval(start, end)) };
    }

    /// <summary>Returns a copy with another budget.</summary>
    /// <param name="budget">The budget.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public OwnerCalendar WithBudget(TouchBudget budget) => this with { Budget = Guard.NotNull(budget, nameof(budget)) };

    /// <summary>Returns a copy with other working hours for the owner.</summary>
    /// <param name="start">The start of the working day.</param>
    /// <param name="end">The end, after the start.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">The end is not after the start.</exception>
    [Pure]
    public OwnerCalendar WithWorkingHours(LocalTime start, LocalTime end)
    {
        CheckHours(start, end);
        return this with { WorkStart = start, WorkEnd = end };
    }

    /// <summary>Returns a copy with other working hours for contacts, in their own time zones.</summary>
    /// <param name="start">The start of their working day.</param>
    /// <param name="end">The end, after the start.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">The end is not after the start.</exception>
    [Pure]
    public OwnerCalendar WithContactHours(LocalTime start, LocalTime end)
    {
        CheckHours(start, end);
        return this with { ContactWorkStart = start, ContactWorkEnd = end };
    }

    /// <summary>Whether a day is a working day, and if not why.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see cref="DayOff.None"/> for a working day.</returns>
    /// <exception cref="ArgumentException">The day is not in the ISO calendar.</exception>
    public DayOff DayOffOn(LocalDate date)
    {
        if (TimeOff.Any(range => range.Contains(Guard.Iso(date, nameof(date)))))
        {
            return DayOff.TimeOff;
        }

        if (((ImmutableSortedSet<LocalDate>)Holidays).Contains(date))
        {
            return DayOff.Holiday;
        }

        return ((ImmutableSortedSet<IsoDayOfWeek>)WorkingDays).Contains(date.DayOfWeek) ? DayOff.None : DayOff.Weekend;
    }

    /// <summary>Whether a day is a working day.</summary>
    /// <param name="date">The day.</param>
    /// <returns>Whether touches can be placed on it.</returns>
    public bool IsWorkingDay(LocalDate date) => DayOffOn(date) == DayOff.None;

    /// <inheritdoc/>
    public bool Equals(OwnerCalendar? other) =>
        other is not null
        && TimeZone.Equals(other.TimeZone)
        && WorkingDays.SequenceEqual(other.WorkingDays)
        && Holidays.SequenceEqual(other.Holidays)
        && TimeOff.SequenceEqual(other.TimeOff)
        && Budget.Equals(other.Budget)
        && (WorkStart, WorkEnd, ContactWorkStart, ContactWorkEnd) == (other.WorkStart, other.WorkEnd, other.ContactWorkStart, other.ContactWorkEnd);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(TimeZone, Budget, WorkStart, WorkEnd);

    private static void CheckHours(LocalTime start, LocalTime end)
    {
        if (end <= start)
        {
            throw new ArgumentException($"Working hours must end after they start; got {start:HH':'mm} to {end:HH':'mm}.", nameof(end));
        }
    }
}
