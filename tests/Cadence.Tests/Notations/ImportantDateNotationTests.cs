using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Cadence.Tests.Notations;

/// <summary>The notations of dates that matter: "on" (04-15, 1986-04-15, once 2026-05-01) and the rule ("third monday of september").</summary>
public sealed class ImportantDateNotationTests
{
    private static readonly string[] Weeks = ["first", "second", "third", "fourth"];
    private static readonly string[] Months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private static Gen<AnnualDate> AnyDay =>
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, CalendarSystem.Iso.GetDaysInMonth(2000, month))
        select new AnnualDate(month, day);

    private static Gen<LeapDayRule> AnyLeapDay => Gen.Elements(LeapDayRule.February28, LeapDayRule.March1);

    /// <summary>Yearly dates with and without their year (a 29 February only in a leap year), and one-off dates.</summary>
    private static Gen<ImportantDate> OnDates =>
        Gen.OneOf(
            from day in AnyDay
            from leap in AnyLeapDay
            select ImportantDate.Yearly("birthday", day, leapDay: leap),
            from day in AnyDay
            from year in Gen.Choose(1900, 2999)
            from leap in AnyLeapDay
            select ImportantDate.Yearly("anniversary", day, day.IsValidYear(year) ? year : 2000, leap),
            from days in Gen.Choose(0, Period.Between(SupportedDates.Earliest, SupportedDates.Latest, PeriodUnits.Days).Days)
            select ImportantDate.Once("launch", SupportedDates.Earliest.PlusDays(days)));

    private static Gen<ImportantDate> RuleDates =>
        from month in Gen.Choose(1, 12)
        from weekday in Gen.Choose(1, 7)
        from week in Gen.Elements(1, 2, 3, 4, -1)
        select ImportantDate.Relative("school starts", month, (IsoDayOfWeek)weekday, week);

    [Fact]
    public void ParseOn_TheThreeForms()
    {
        Assert.Equal(ImportantDate.Yearly("birthday", new AnnualDate(4, 15)), ImportantDate.ParseOn("birthday", "04-15"));
        Assert.Equal(ImportantDate.Yearly("birthday", new AnnualDate(4, 15)), ImportantDate.ParseOn("birthday", " --04-15 "));
        Assert.Equal(ImportantDate.Yearly("birthday", new AnnualDate(4, 15), 1986), ImportantDate.ParseOn("birthday", "1986-04-15"));
        Assert.Equal(ImportantDate.Once("launch", new LocalDate(2026, 5, 1)), ImportantDate.ParseOn("launch", "2026-05-01", once: true));
        Assert.Equal(ImportantDate.Yearly("leap", new AnnualDate(2, 29), leapDay: LeapDayRule.March1), ImportantDate.ParseOn("leap", "02-29", leapDay: LeapDayRule.March1));
        Assert.Equal("04-15", ImportantDate.ParseOn("birthday", "--4-15").FormatOn());
        Assert.Equal("1986-04-15", ImportantDate.ParseOn("birthday", "1986-04-15").FormatOn());
        Assert.Equal("2026-05-01", ImportantDate.ParseOn("launch", "2026-05-01", once: true).FormatOn());
    }

    [Fact]
    public void ParseRule_TheWaysPeopleWriteIt()
    {
        Assert.Equal(ImportantDate.Relative("school", 9, IsoDayOfWeek.Monday, 3), ImportantDate.ParseRule("school", "third monday of september"));
        Assert.Equal(ImportantDate.Relative("party", 6, IsoDayOfWeek.Friday, -1), ImportantDate.ParseRule("party", "Last  Friday of JUNE"));
        Assert.Equal(ImportantDate.Relative("x", 9, IsoDayOfWeek.Monday, 1), ImportantDate.ParseRule("x", "1st mon of sep"));
        Assert.Equal("second tuesday of march", ImportantDate.ParseRule("x", " 2nd TUES of Mar ").FormatRule());
    }

    /// <summary>parse(format(date)) is the date: yearly (with the leap-day rule, with or without a year) and once.</summary>
    [Property(MaxTest = 500, QuietOnSuccess = true)]
    public Property ParseOn_OfFormatOn_IsTheDate() =>
        Prop.ForAll(OnDates.ToArbitrary(), date =>
        {
            bool once = date.Recurrence == DateRecurrence.Once;
            return ImportantDate.ParseOn(date.Label, date.FormatOn(), once, date.LeapDay) == date
                && ImportantDate.TryParseOn(date.Label, date.FormatOn(), once, date.LeapDay, out var again) && again == date;
        });

    /// <summary>format(parse(text)) is MM-DD or YYYY-MM-DD, for MM-DD, M-D, --MM-DD and YYYY-MM-DD with blanks around.</summary>
    [Property(MaxTest = 500, QuietOnSuccess = true)]
    public Property FormatOn_OfParseOn_IsCanonical() =>
        Prop.ForAll(
            (from day in AnyDay
             from year in Gen.Choose(1900, 2999).Select(y => day.IsValidYear(y) ? y : 2000)
             from form in Gen.Choose(0, 4)
             from before in Spellings.Blank
             from after in Spellings.Blank
             let canonical = $"{day.Month:00}-{day.Day:00}"
             select form switch
             {
                 0 => (before + canonical + after, false, canonical),
                 1 => (before + $"{day.Month}-{day.Day}" + after, false, canonical),
                 2 => (before + "--" + canonical + after, false, canonical),
                 3 => (before + $"{year:0000}-{canonical}" + after, false, $"{year:0000}-{canonical}"),
                 _ => (before + $"{year:0000}-{canonical}" + after, true, $"{year:0000}-{canonical}"),
             }).ToArbitrary(),
            x => ImportantDate.ParseOn("date", x.Item1, x.Item2).FormatOn() == x.Item3);

    /// <summary>parse(format(rule)) is the date, for every month, weekday and week.</summary>
    [Property(MaxTest = 500, QuietOnSuccess = true)]
    public Property ParseRule_OfFormatRule_IsTheDate() =>
        Prop.ForAll(RuleDates.ToArbitrary(), date =>
            ImportantDate.ParseRule(date.Label, date.FormatRule()) == date
            && ImportantDate.TryParseRule(date.Label, date.FormatRule(), out var again) && again == date);

    /// <summary>
    /// format(parse(text)) is the canonical rule ("third monday of september"), for rules written as people write them:
    /// first or 1st, any start of three letters or more of the weekday and month, any case, more blanks.
    /// </summary>
    [Property(MaxTest = 500, QuietOnSuccess = true)]
    public Property FormatRule_OfParseRule_IsCanonical() =>
        Prop.ForAll(
            (from week in Gen.Choose(0, 4)
             from numbered in Gen.Elements(true, false)
             from weekday in Gen.Choose(0, 6)
             from weekdayLength in Gen.Choose(3, Weekdays[weekday].Length)
             from month in Gen.Choose(0, 11)
             from monthLength in Gen.Choose(3, Months[month].Length)
             from w in Spellings.AnyCase(week == 4 ? "last" : numbered ? new[] { "1st", "2nd", "3rd", "4th" }[week] : Weeks[week])
             from d in Spellings.AnyCase(Weekdays[weekday][..weekdayLength])
             from of in Spellings.AnyCase("of")
             from m in Spellings.AnyCase(Months[month][..monthLength])
             from gaps in Gen.ArrayOf(Gen.Elements(" ", "  ", "   "), 3)
             from before in Spellings.Blank
             select (Text: $"{before}{w}{gaps[0]}{d}{gaps[1]}{of}{gaps[2]}{m} ",
                     Canonical: $"{(week == 4 ? "last" : Weeks[week])} {Weekdays[weekday]} of {Months[month]}")).ToArbitrary(),
            x => ImportantDate.ParseRule("date", x.Text).FormatRule() == x.Canonical);

    [Theory]
    [InlineData("04-15", true, NotationError.NoYear, "04-15", "The date \"04-15\" has no year; a date that happens once needs one (YYYY-MM-DD).")]
    [InlineData("--02-29", true, NotationError.NoYear, "--02-29", "The date \"--02-29\" has no year; a date that happens once needs one (YYYY-MM-DD).")]
    [InlineData(" 1981-02-29 ", false, NotationError.BadDate, "1981-02-29", "Bad date \"1981-02-29\": use MM-DD or --MM-DD for every year, or YYYY-MM-DD, e.g. 04-15 or 1986-04-15.")]
    [InlineData("13-01", false, NotationError.BadDate, "13-01", "Bad date \"13-01\": use MM-DD or --MM-DD for every year, or YYYY-MM-DD, e.g. 04-15 or 1986-04-15.")]
    [InlineData("02-30", false, NotationError.BadDate, "02-30", "Bad date \"02-30\": use MM-DD or --MM-DD for every year, or YYYY-MM-DD, e.g. 04-15 or 1986-04-15.")]
    [InlineData("15/04/1986", true, NotationError.BadDate, "15/04/1986", "Bad date \"15/04/1986\": use MM-DD or --MM-DD for every year, or YYYY-MM-DD, e.g. 04-15 or 1986-04-15.")]
    [InlineData("", false, NotationError.BadDate, "", "Bad date \"\": use MM-DD or --MM-DD for every year, or YYYY-MM-DD, e.g. 04-15 or 1986-04-15.")]
    public void ParseOn_BadText_NotationExceptionNamingIt(string on, bool once, NotationError error, string value, string message)
    {
        var ex = Assert.Throws<NotationException>(() => ImportantDate.ParseOn("birthday", on, once));

        Assert.Equal((error, value, message), (ex.Error, ex.Value, ex.Message));
        Assert.False(ImportantDate.TryParseOn("birthday", on, once, LeapDayRule.February28, out var date));
        Assert.Null(date);
    }

    [Theory]
    [InlineData("third monday in september", NotationError.BadRule, "third monday in september", "\"third monday in september\" is not a rule such as \"third monday of september\" or \"last friday of june\".")]
    [InlineData("monday", NotationError.BadRule, "monday", "\"monday\" is not a rule such as \"third monday of september\" or \"last friday of june\".")]
    [InlineData("Fifth monday of may", NotationError.BadWeek, "Fifth", "\"Fifth\" in the rule \"Fifth monday of may\" is not first, second, third, fourth or last (or 1st to 4th).")]
    [InlineData("third moonday of may", NotationError.BadWeekday, "moonday", "\"moonday\" in the rule \"third moonday of may\" is not a day of the week (monday to sunday, or their first three letters or more).")]
    [InlineData("third mo of may", NotationError.BadWeekday, "mo", "\"mo\" in the rule \"third mo of may\" is not a day of the week (monday to sunday, or their first three letters or more).")]
    [InlineData("third monday of Smarch", NotationError.BadMonth, "Smarch", "\"Smarch\" in the rule \"third monday of Smarch\" is not a month (january to december, or their first three letters or more).")]
    public void ParseRule_BadText_NotationExceptionNamingIt(string rule, NotationError error, string value, string message)
    {
        var ex = Assert.Throws<NotationException>(() => ImportantDate.ParseRule("school", rule));

        Assert.Equal((error, value, message), (ex.Error, ex.Value, ex.Message));
        Assert.False(ImportantDate.TryParseRule("school", rule, out var date));
        Assert.Null(date);
    }

    [Fact]
    public void BadArguments_ArgumentExceptions_FormatOfTheOtherKind_InvalidOperation()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ImportantDate.ParseOn("birthday", "1850-04-15"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImportantDate.ParseOn("launch", "3001-01-01", once: true));
        Assert.Equal("label", Assert.Throws<ArgumentException>(() => ImportantDate.ParseOn(" ", "04-15")).ParamName);
        Assert.Equal("label", Assert.Throws<ArgumentException>(() => ImportantDate.ParseRule(" ", "last friday of june")).ParamName);
        Assert.Throws<ArgumentNullException>(() => ImportantDate.ParseOn("birthday", null!));
        Assert.Throws<ArgumentNullException>(() => ImportantDate.ParseRule("birthday", null!));
        Assert.Throws<InvalidOperationException>(() => ImportantDate.Relative("x", 6, IsoDayOfWeek.Friday, -1).FormatOn());
        Assert.Throws<InvalidOperationException>(() => ImportantDate.Yearly("x", new AnnualDate(4, 15)).FormatRule());
        Assert.Throws<InvalidOperationException>(() => ImportantDate.Once("x", new LocalDate(2026, 5, 1)).FormatRule());
    }

    [Fact]
    public void LongValues_AreShortenedInTheMessage()
    {
        string rule = "third monday of " + new string('x', 100);
        var ex = Assert.Throws<NotationException>(() => ImportantDate.ParseRule("school", rule));
        Assert.Equal(new string('x', 100), ex.Value);
        Assert.Contains($"\"{new string('x', 40)}…\"", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 41), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weeks_AllFourAndLast_Read()
    {
        Assert.Equal([1, 2, 3, 4, -1], Weeks.Append("last").Select(w => ImportantDate.ParseRule("x", $"{w} sunday of december").Week));
    }
}
