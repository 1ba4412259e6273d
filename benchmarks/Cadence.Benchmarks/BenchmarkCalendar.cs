using System;
using System.Collections.Generic;
using Cadence.Calendars;
using Cadence.Levelling;
using NodaTime;

namespace Cadence.Benchmarks;

/// <summary>
/// The owner calendar the levelling benchmarks use for a diary from <see cref="DiaryGenerator"/>: a London owner who
/// works Monday to Friday, 09:00 to 17:30, with the English bank holidays of the months after 2026-03-02, and a touch
/// budget that grows with the diary, so levelling has real work at every size (the touches due by the plan's day take
/// about 45 working days to clear; about 90% of touches move).
/// </summary>
public static class BenchmarkCalendar
{
    /// <summary>The owner's time zone.</summary>
    public const string Zone = "Europe/London";

    /// <summary>
    /// The English bank holidays in the months after 2026-03-02: Good Friday, Easter Monday, the early May and spring
    /// bank holidays, and the summer one.
    /// </summary>
    public static IReadOnlyList<LocalDate> Holidays { get; } =
    [
        new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4), new(2026, 5, 25), new(2026, 8, 31),
    ];

    /// <summary>The daily budget for a diary of <paramref name="relationships"/> relationships: one in 40, at least 3.</summary>
    /// <param name="relationships">How many relationships the diary has.</param>
    /// <returns>The most touches a day.</returns>
    public static int TouchesPerDay(int relationships) => Math.Max(3, relationships / 40);

    /// <summary>
    /// The calendar for a diary of <paramref name="relationships"/> relationships: a budget of
    /// <see cref="TouchesPerDay"/> touches a day, four times that a week, and a tenth of it (at least 1) for meetings.
    /// </summary>
    /// <param name="relationships">How many relationships the diary has.</param>
    /// <returns>The owner calendar.</returns>
    public static OwnerCalendar For(int relationships)
    {
        int perDay = TouchesPerDay(relationships);
        var budget = new TouchBudget(perDay)
            .WithPerWeek(4 * perDay)
            .WithPerChannel(Channel.Meeting, Math.Max(1, perDay / 10));
        return OwnerCalendar.ForZone(Zone)
            .WithWorkingDays(IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday)
            .WithHolidays(Holidays)
            .WithWorkingHours(new LocalTime(9, 0), new LocalTime(17, 30))
            .WithBudget(budget);
    }
}
