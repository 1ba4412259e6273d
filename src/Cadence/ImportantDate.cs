using System;
using System.Diagnostics.Contracts;
using Cadence.Internal;
using NodaTime;

namespace Cadence;

/// <summary>What a common year does with a date on 29 February.</summary>
public enum LeapDayRule
{
    /// <summary>28 February (NodaTime's <see cref="AnnualDate.InYear"/> does the same).</summary>
    February28,

    /// <summary>1 March: the day after 28 February, as some people keep a leap-day birthday.</summary>
    March1,
}

/// <summary>How an <see cref="ImportantDate"/> recurs.</summary>
public enum DateRecurrence
{
    /// <summary>Every year on a day and month (<see cref="ImportantDate.Yearly"/>).</summary>
    Yearly,

    /// <summary>Every year on a weekday of a month: the third Monday of September, the last Friday of June (<see cref="ImportantDate.Relative"/>).</summary>
    Relative,

    /// <summary>Once (<see cref="ImportantDate.Once"/>).</summary>
    Once,
}

/// <summary>
/// A date that matters in a relationship: a birthday or an anniversary (yearly, with or without the year it began), a
/// relative date ("third Monday of September"), or a one-off date; with a label and an optional lead time ("remind me
/// 7 days before"). Immutable; made with <see cref="Yearly"/>, <see cref="Relative"/> or <see cref="Once"/>.
/// </summary>
public sealed partial record ImportantDate
{
    /// <summary>The most days ahead a reminder may come.</summary>
    public const int MaxLeadDays = 90;

    private ImportantDate(string label, DateRecurrence recurrence)
    {
        Label = Guard.Name(label, nameof(label)).Trim();
        Recurrence = recurrence;
    }

    /// <summary>What the date is: "birthday", "wedding anniversary", "company founded".</summary>
    public string Label { get; private init; }

    /// <summary>The same date under another label (a merge keeps a clashing date under a new one).</summary>
    internal ImportantDate WithLabel(string label) => this with { Label = Guard.Name(label, nameof(label)).Trim() };

    /// <summary>How it recurs.</summary>
    public DateRecurrence Recurrence { get; }

    /// <summary>For a yearly date, its day and month; otherwise <see langword="null"/>.</summary>
    public AnnualDate? Day { get; private init; }

    /// <summary>For a yearly date, the year it began (a birth year), when known: an age is said only then.</summary>
    public int? Year { get; private init; }

    /// <summary>For a yearly date on 29 February, the day it falls on in common years.</summary>
    public LeapDayRule LeapDay { get; private init; }

    /// <summary>For a relative date, the month (1 to 12).</summary>
    public int Month { get; private init; }

    /// <summary>For a relative date, the weekday.</summary>
    public IsoDayOfWeek Weekday { get; private init; }

    /// <summary>For a relative date, which of the month's weekdays: 1 to 4, or -1 for the last.</summary>
    public int Week { get; private init; }

    /// <summary>For a one-off date, the day.</summary>
    public LocalDate? On { get; private init; }

    /// <summary>How many days before the date its reminder comes (0: on the day).</summary>
    public int LeadDays { get; private init; }

    /// <summary>A date every year on a day and month.</summary>
    /// <param name="label">What it is.</param>
    /// <param name="day">The day and month (29 February allowed).</param>
    /// <param name="year">The year it began, if known (1900 to 2999).</param>
    /// <param name="leapDay">Where a 29 February falls in common years.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentException">A blank label, a year out of range or a 29 February in a common year, an undefined rule.</exception>
    public static ImportantDate Yearly(string label, AnnualDate day, int? year = null, LeapDayRule leapDay = LeapDayRule.February28)
    {
        if (year is { } y)
        {
            if (y is < 1900 or > 2999)
            {
                throw new ArgumentOutOfRangeException(nameof(year), y, $"The year {y} is outside the dates Cadence plans with (1900 to 2999).");
            }

            if (!day.IsValidYear(y))
            {
                throw new ArgumentException($"{y} has no 29 February: {y} is not a leap year.", nameof(year));
            }
        }

        return new ImportantDate(label, DateRecurrence.Yearly) { Day = day, Year = year, LeapDay = Guard.Defined(leapDay, nameof(leapDay)) };
    }

    /// <summary>A date every year on a weekday of a month: <c>Relative("school starts", 9, IsoDayOfWeek.Monday, 3)</c>.</summary>
    /// <param name="label">What it is.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="weekday">The weekday.</param>
    /// <param name="week">Which of the month's weekdays: 1 to 4, or -1 for the last.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentException">A blank label, a month, weekday or week out of range (naming it).</exception>
    public static ImportantDate Relative(string label, int month, IsoDayOfWeek weekday, int week)
    {
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, $"The month {month} is not 1 to 12.");
        }

        if (weekday is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(weekday), weekday, $"{weekday} is not a day of the week.");
        }

        if (week is not (>= 1 and <= 4) and not -1)
        {
            throw new ArgumentOutOfRangeException(nameof(week), week, $"The week {week} is not 1 to 4, or -1 for the last.");
        }

        return new ImportantDate(label, DateRecurrence.Relative) { Month = month, Weekday = weekday, Week = week };
    }

    /// <summary>A date that happens once.</summary>
    /// <param name="label">What it is.</param>
    /// <param name="on">The day.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentException">A blank label, or a day outside the dates Cadence plans with.</exception>
    public static ImportantDate Once(string label, LocalDate on) =>
        new(label, DateRecurrence.Once) { On = Guard.Date(on, nameof(on)) };

    /// <summary>Returns a copy whose reminder comes <paramref name="days"/> days before the date.</summary>
    /// <param name="days">0 to <see cref="MaxLeadDays"/>.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Days out of range.</exception>
    [Pure]
    public ImportantDate WithLeadDays(int days) =>
        days is < 0 or > MaxLeadDays
            ? throw new ArgumentOutOfRangeException(nameof(days), days, $"A lead of {days} days is not 0 to {MaxLeadDays}.")
            : this with { LeadDays = days };

    /// <summary>The day the date falls on in a year, or <see langword="null"/> (a one-off date in another year).</summary>
    /// <param name="year">The year.</param>
    /// <returns>The day.</returns>
    public LocalDate? In(int year)
    {
        switch (Recurrence)
        {
            case DateRecurrence.Yearly:
                var day = Day!.Value;
                return day.IsValidYear(year) ? day.InYear(year)
                    : LeapDay == LeapDayRule.March1 ? new LocalDate(year, 3, 1) : new LocalDate(year, 2, 28);
            case DateRecurrence.Relative:
                return LocalDate.FromYearMonthWeekAndDay(year, Month, Week == -1 ? 5 : Week, Weekday);
            default:
                return On!.Value.Year == year ? On : null;
        }
    }

    /// <summary>The first day the date falls on, on or after <paramref name="from"/>; <see langword="null"/> when none (a one-off date passed).</summary>
    /// <param name="from">The first day to look at.</param>
    /// <returns>The day.</returns>
    public LocalDate? Next(LocalDate from)
    {
        if (Recurrence == DateRecurrence.Once)
        {
            return On >= from ? On : null;
        }

        var day = In(from.Year)!.Value;
        return day >= from ? day : In(from.Year + 1);
    }

    /// <summary>The age or the number of years on a day the date falls on, when the year it began is known.</summary>
    /// <param name="occurrence">A day the date falls on.</param>
    /// <returns>The years since it began, or <see langword="null"/>.</returns>
    public int? YearsOn(LocalDate occurrence) => Year is { } year && occurrence.Year >= year ? occurrence.Year - year : null;

    /// <inheritdoc/>
    public override string ToString() => Recurrence switch
    {
        DateRecurrence.Yearly => $"{Label}: {(Year is { } y ? $"{y:0000}-" : "--")}{Day!.Value.Month:00}-{Day.Value.Day:00}",
        DateRecurrence.Relative => $"{Label}: {(Week == -1 ? "last" : Week switch { 1 => "first", 2 => "second", 3 => "third", _ => "fourth" })} {Weekday} of month {Month}",
        _ => $"{Label}: {On:uuuu'-'MM'-'dd}",
    };
}
