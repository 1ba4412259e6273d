using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace Cadence.Tests;

/// <summary>Important dates: yearly (with the leap-day rule), relative and one-off, in every year of a 400-year cycle.</summary>
public sealed class ImportantDateTests
{
    private static Gen<AnnualDate> AnyDay =>
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, CalendarSystem.Iso.GetDaysInMonth(2000, month))
        select new AnnualDate(month, day);

    /// <summary>A yearly date lands on its day and month in every year of a 400-year cycle; a 29 February on the rule's day in common years.</summary>
    [Property(MaxTest = 200, QuietOnSuccess = true)]
    public Property Yearly_EveryYearOfA400YearCycle_RightDay() =>
        Prop.ForAll(AnyDay.ToArbitrary(), Gen.Elements(LeapDayRule.February28, LeapDayRule.March1).ToArbitrary(), (day, rule) =>
        {
            var date = ImportantDate.Yearly("birthday", day, leapDay: rule);
            return Enumerable.Range(2000, 400).All(year =>
            {
                var on = date.In(year)!.Value;
                bool leapDayInCommonYear = day.Month == 2 && day.Day == 29 && !CalendarSystem.Iso.IsLeapYear(year);
                var expected = !leapDayInCommonYear ? new LocalDate(year, day.Month, day.Day)
                    : rule == LeapDayRule.March1 ? new LocalDate(year, 3, 1) : new LocalDate(year, 2, 28);
                return on == expected;
            });
        });

    /// <summary>A relative date is the n-th (or last) weekday of its month, counted day by day.</summary>
    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property Relative_IsTheNthWeekdayCountedDayByDay() =>
        Prop.ForAll(
            (from month in Gen.Choose(1, 12)
             from weekday in Gen.Elements(Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).ToArray())
             from week in Gen.Elements(1, 2, 3, 4, -1)
             from year in Gen.Choose(1900, 2999)
             select (month, weekday, week, year)).ToArbitrary(),
            x =>
            {
                var (month, weekday, week, year) = x;
                var days = Enumerable.Range(1, CalendarSystem.Iso.GetDaysInMonth(year, month)).Select(d => new LocalDate(year, month, d)).Where(d => d.DayOfWeek == weekday).ToList();
                var expected = week == -1 ? days[^1] : days[week - 1];
                return ImportantDate.Relative("school starts", month, weekday, week).In(year) == expected;
            });

    /// <summary>Next is the first day the date falls on from a day on: on or after it, and none between.</summary>
    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property Next_FirstOccurrenceOnOrAfter() =>
        Prop.ForAll(AnyDay.ToArbitrary(), Gen.Choose(0, 365 * 50).ToArbitrary(), (day, offset) =>
        {
            var from = new LocalDate(2000, 1, 1).PlusDays(offset);
            var date = ImportantDate.Yearly("anniversary", day, leapDay: LeapDayRule.March1);
            var next = date.Next(from)!.Value;
            return next >= from && (next == date.In(next.Year)) && date.In(from.Year) is { } thisYear && (thisYear < from ? next.Year == from.Year + 1 : next == thisYear);
        });

    [Fact]
    public void ThirdMondayOfSeptember2026_Is21September()
    {
        Assert.Equal(new LocalDate(2026, 9, 21), ImportantDate.Relative("back to school", 9, IsoDayOfWeek.Monday, 3).In(2026));
        Assert.Equal(new LocalDate(2026, 6, 26), ImportantDate.Relative("summer party", 6, IsoDayOfWeek.Friday, -1).In(2026));
    }

    [Fact]
    public void YearKnown_AgeSaid_OtherwiseNot()
    {
        var zoe = ImportantDate.Yearly("birthday", new AnnualDate(3, 13), 1986);
        Assert.Equal(40, zoe.YearsOn(zoe.In(2026)!.Value));
        Assert.Null(ImportantDate.Yearly("birthday", new AnnualDate(3, 13)).YearsOn(new LocalDate(2026, 3, 13)));
    }

    [Fact]
    public void Once_OnlyItsYear_NothingAfterIt()
    {
        var launch = ImportantDate.Once("book launch", new LocalDate(2026, 5, 14));
        Assert.Equal(new LocalDate(2026, 5, 14), launch.In(2026));
        Assert.Null(launch.In(2027));
        Assert.Equal(new LocalDate(2026, 5, 14), launch.Next(new LocalDate(2026, 5, 14)));
        Assert.Null(launch.Next(new LocalDate(2026, 5, 15)));
    }

    [Fact]
    public void BadValues_RefusedNamingThem()
    {
        Assert.Equal("year", Assert.Throws<ArgumentException>(() => ImportantDate.Yearly("birthday", new AnnualDate(2, 29), 1981)).ParamName);
        Assert.Equal("year", Assert.Throws<ArgumentOutOfRangeException>(() => ImportantDate.Yearly("birthday", new AnnualDate(2, 28), 1899)).ParamName);
        Assert.Equal("week", Assert.Throws<ArgumentOutOfRangeException>(() => ImportantDate.Relative("x", 9, IsoDayOfWeek.Monday, 5)).ParamName);
        Assert.Equal("month", Assert.Throws<ArgumentOutOfRangeException>(() => ImportantDate.Relative("x", 13, IsoDayOfWeek.Monday, 1)).ParamName);
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => ImportantDate.Once("x", new LocalDate(2026, 1, 1)).WithLeadDays(91)).ParamName);
        Assert.Equal("label", Assert.Throws<ArgumentException>(() => ImportantDate.Once(" ", new LocalDate(2026, 1, 1))).ParamName);
        var zoe = new Relationship("zoe", "Zoë", "client");
        var twice = Assert.Throws<ArgumentException>(() => zoe.WithImportantDates(ImportantDate.Once("Launch", new LocalDate(2026, 1, 1)), ImportantDate.Once("launch", new LocalDate(2026, 2, 1))));
        Assert.Contains("\"launch\"", twice.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Relationship_KeepsItsDatesThroughCopies_AndComparesThem()
    {
        var birthday = ImportantDate.Yearly("birthday", new AnnualDate(4, 15)).WithLeadDays(7);
        var zoe = new Relationship("zoe", "Zoë", "client").WithImportantDates(birthday);
        Assert.Equal([birthday], zoe.WithName("Zoë M.").WithRule(CadenceRule.FromDays(7, 14, 21)).WithTier("prospect").ImportantDates);
        Assert.NotEqual(zoe, new Relationship("zoe", "Zoë", "client"));
        Assert.Equal(7, zoe.ImportantDates[0].LeadDays);
    }
}
