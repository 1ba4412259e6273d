using System;
using System.Globalization;
using NodaTime;

namespace Cadence.Internal;

/// <summary>Date arithmetic on the date-only periods that cadence rules use.</summary>
internal static class PeriodMath
{
    private static readonly LocalDate CycleStart = new(2000, 1, 1);

    /// <summary>Every start date of a four-year cycle (one leap year, three common ones, every month length).</summary>
    private const int CycleDays = 1461;

    /// <summary>Throws unless the period is made only of non-negative years, months, weeks and days.</summary>
    internal static Period Validate(Period? period, string paramName)
    {
        if (period is null)
        {
            throw new ArgumentNullException(paramName, $"The {paramName} must not be null.");
        }

        if (period.HasTimeComponent)
        {
            throw new ArgumentException(
                $"The {paramName} {period} has a time part; use only years, months, weeks and days.", paramName);
        }

        if (period.Years < 0 || period.Months < 0 || period.Weeks < 0 || period.Days < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, period, $"The {paramName} {Describe(period)} ({period}) is negative.");
        }

        if (period.Years > 100 || (period.Years * 12L) + period.Months > 1200 || (period.Weeks * 7L) + period.Days > 36600)
        {
            throw new ArgumentOutOfRangeException(paramName, period, $"The {paramName} {period} is longer than 100 years.");
        }

        return period;
    }

    /// <summary>Whether <c>date + a &lt;= date + b</c> for every date.</summary>
    internal static bool AlwaysAtMost(Period a, Period b)
    {
        if (a.Years == 0 && a.Months == 0 && b.Years == 0 && b.Months == 0)
        {
            return DaysOf(a) <= DaysOf(b);
        }

        // Month lengths repeat over a four-year cycle (a century year that is not a leap year behaves like
        // any common year), so trying every start date of one cycle covers all cases.
        for (int i = 0; i < CycleDays; i++)
        {
            LocalDate start = CycleStart.PlusDays(i);
            if (start.Plus(a) > start.Plus(b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The days of a period without months or years, or -1 when it has months or years.</summary>
    internal static int FixedDays(Period p) => p.Years == 0 && p.Months == 0 ? (int)DaysOf(p) : -1;

    /// <summary>
    /// <c>start + credit × period</c> on day numbers, measured in whole days from the start and rounded down:
    /// <paramref name="fixedDays"/> is <see cref="FixedDays"/> of the period.
    /// </summary>
    internal static int PlusScaled(int startDay, Period period, int fixedDays, double credit)
    {
        if (fixedDays >= 0)
        {
            return startDay + (credit == 1.0 ? fixedDays : (int)Math.Floor(fixedDays * credit));
        }

        int full = PlusCalendar(startDay, period) - startDay;
        return startDay + (credit == 1.0 ? full : (int)Math.Floor(full * credit));
    }

    /// <summary><c>start + period</c> on day numbers; <paramref name="fixedDays"/> is <see cref="FixedDays"/> of the period.</summary>
    internal static int Plus(int startDay, Period period, int fixedDays) =>
        fixedDays >= 0 ? startDay + fixedDays : PlusCalendar(startDay, period);

    /// <summary>
    /// <c>start + period</c> on day numbers as NodaTime's <see cref="LocalDate.Plus(Period)"/> does it in the ISO
    /// calendar (years, then months, each ending on the month's last day when the day does not exist, then weeks and
    /// days), with <see cref="DateOnly"/>'s cheaper arithmetic.
    /// </summary>
    internal static int PlusCalendar(int startDay, Period period)
    {
        var date = DateOnly.FromDayNumber(startDay);
        if (period.Years != 0)
        {
            date = date.AddYears(period.Years);
        }

        if (period.Months != 0)
        {
            date = date.AddMonths(period.Months);
        }

        return date.DayNumber + (int)DaysOf(period);
    }

    /// <summary>The days of a period without months or years.</summary>
    internal static long DaysOf(Period p) => (p.Weeks * 7L) + p.Days;

    /// <summary>A short English rendering: "30 days", "6 weeks", "2 months", "1 month and 2 weeks".</summary>
    internal static string Describe(Period p) => new TextBuffer(32).AppendPeriod(p).ToString();

    /// <summary>"1 day", "2 days".</summary>
    internal static string Count(long n, string unit, string? plural = null) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 || n == -1 ? unit : plural ?? unit + "s");

    /// <summary>The single unit and count of a period made of one unit only, or null.</summary>
    internal static (long Count, string Unit)? SingleUnit(Period p)
    {
        (long, string)? result = null;
        int units = 0;
        if (p.Years != 0) { units++; result = (p.Years, "year"); }
        if (p.Months != 0) { units++; result = (p.Months, "month"); }
        if (p.Weeks != 0) { units++; result = (p.Weeks, "week"); }
        if (p.Days != 0) { units++; result = (p.Days, "day"); }
        return units switch
        {
            0 => (0, "day"),
            1 => result,
            _ => null,
        };
    }
}
