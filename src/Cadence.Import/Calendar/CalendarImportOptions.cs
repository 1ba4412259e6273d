using System;
using System.Collections.Generic;
using NodaTime;

namespace Cadence.Import;

/// <summary>
/// How <see cref="CalendarImporter"/> reads a calendar: the owner's time zone and the current instant (meetings after
/// it are not touches yet, but bookings within the <see cref="Horizon"/>), how far back to look, the owner's own
/// addresses, and what else to take from the file.
/// </summary>
/// <param name="Now">The current instant: only meetings that started before it become touches; later ones are bookings.</param>
/// <param name="Zone">The owner's time zone: a touch's day and time are the meeting's start there, and times without a zone are read in it.</param>
public sealed record CalendarImportOptions(Instant Now, DateTimeZone Zone)
{
    /// <summary>The first day to import meetings from (in <see cref="Zone"/>); <see langword="null"/> for 90 days before today.</summary>
    public LocalDate? Since { get; init; }

    /// <summary>
    /// The owner's own e-mail addresses: never matched to a relationship, and an occurrence the owner declined adds
    /// nothing. Compared without regard to case.
    /// </summary>
    public IReadOnlyList<string> OwnerEmails { get; init; } = [];

    /// <summary>
    /// Whether an online meeting (a Zoom, Teams, Google Meet, Webex, Whereby, GoTo, Skype, Jitsi or Chime link in its
    /// location, description, URL or conference property) counts as a call rather than a meeting; on by default: a
    /// video call is not a meeting in person.
    /// </summary>
    public bool VideoMeetingsAsCalls { get; init; } = true;

    /// <summary>
    /// Whether all-day "out of office" events (Outlook's busy status OOF, or a summary such as "Out of office", "OOO",
    /// "Vacation", "Annual leave", "PTO") become the owner's time off, from <see cref="Since"/> to a year ahead. Off by
    /// default.
    /// </summary>
    public bool ImportTimeOff { get; init; }

    /// <summary>
    /// Whether the file is a public-holiday calendar: every all-day event, from <see cref="Since"/> to a year ahead,
    /// becomes one of the owner's holidays, and nothing becomes a touch. Off by default.
    /// </summary>
    public bool HolidayCalendar { get; init; }

    /// <summary>
    /// How many days after today future meetings are read (today's later ones included): each with a relationship
    /// becomes a booked next step (<see cref="CommitmentKind.Booked"/>) with its day and time, followed by later imports
    /// (moved, cancelled, then logged once past). Default 60; 0 reads no future meeting and leaves the bookings in the
    /// diary as they are. From 0 to 366.
    /// </summary>
    public int Horizon { get; init; } = 60;

    /// <summary>
    /// Which calendar the file is, for its bookings: an import follows (moves, drops) only the bookings of the calendar of
    /// the same name, so a work and a personal calendar imported in turn keep each other's. <see langword="null"/> (the
    /// default) takes the file's own name (X-WR-CALNAME: Google writes the account's address, Apple and Outlook the
    /// calendar's name), or none; give one when two files have the same name (or none) but are not the same calendar.
    /// </summary>
    public string? CalendarName { get; init; }

    /// <summary>Where to report how many of the file's events are read so far (see <see cref="ImportProgress"/>); <see langword="null"/> for nowhere.</summary>
    public IProgress<ImportProgress>? Progress { get; init; }

    /// <summary>The owner's today: <see cref="Now"/> in <see cref="Zone"/>.</summary>
    public LocalDate Today => Now.InZone(Zone).Date;

    /// <summary>The last day future meetings are read on as bookings: <see cref="Horizon"/> days after <see cref="Today"/>.</summary>
    public LocalDate LastBookedDay => Today.PlusDays(Horizon);

    /// <summary>The first day read: <see cref="Since"/>, or 90 days before <see cref="Today"/>.</summary>
    public LocalDate FirstDay => Since ?? Today.PlusDays(-90);

    /// <summary>Checks the options a caller may have set out of range.</summary>
    internal void Check()
    {
        ArgumentNullException.ThrowIfNull(Zone, nameof(Zone));
        ArgumentNullException.ThrowIfNull(OwnerEmails, nameof(OwnerEmails));
        if (Horizon is < 0 or > 366)
        {
            throw new ArgumentOutOfRangeException(nameof(Horizon), Horizon, $"The horizon for booked meetings must be from 0 to 366 days; got {Horizon}.");
        }

        if (FirstDay > Today)
        {
            throw new ArgumentOutOfRangeException(nameof(Since), Since, $"The first day to import ({FirstDay:uuuu-MM-dd}) is after today ({Today:uuuu-MM-dd}).");
        }

        if (NodaTime.Period.Between(FirstDay, Today, PeriodUnits.Days).Days > 3660)
        {
            throw new ArgumentOutOfRangeException(nameof(Since), Since, $"The first day to import ({FirstDay:uuuu-MM-dd}) is more than ten years before today; import at most ten years at a time.");
        }
    }
}
