using System;
using System.Linq;
using Cadence.Calendars;
using NodaTime;

namespace Cadence.Tests.Levelling;

/// <summary>The owner calendar and the touch budget: checked input, days off and immutable copies.</summary>
public class OwnerCalendarTests
{
    private static readonly LocalDate Monday = new(2026, 4, 13);

    // ---------------------------------------------------------------- bad input

    [Fact]
    public void ForZone_UnknownZoneId_ArgumentExceptionNamingTheId()
    {
        var ex = Assert.Throws<ArgumentException>(() => OwnerCalendar.ForZone("Europe/Lundon"));

        Assert.Contains("\"Europe/Lundon\"", ex.Message, StringComparison.Ordinal);
        Assert.Equal("zoneId", ex.ParamName);
    }

    [Fact]
    public void Zone_UnknownZoneId_ArgumentExceptionNamingTheId()
    {
        var ex = Assert.Throws<ArgumentException>(() => OwnerCalendar.Zone("Mars/Olympus_Mons"));

        Assert.Contains("Mars/Olympus_Mons", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForZone_NullZoneId_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => OwnerCalendar.ForZone(null!));
    }

    [Fact]
    public void ForZone_KnownZoneId_CalendarInThatZoneWithTheDefaults()
    {
        var calendar = OwnerCalendar.ForZone("Australia/Sydney");

        Assert.Equal("Australia/Sydney", calendar.TimeZone.Id);
        Assert.Equal(
            new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday },
            calendar.WorkingDays.ToArray());
        Assert.Empty(calendar.Holidays);
        Assert.Empty(calendar.TimeOff);
        Assert.Equal(new TouchBudget(10), calendar.Budget);
        Assert.Equal(new LocalTime(8, 0), calendar.WorkStart);
        Assert.Equal(new LocalTime(18, 0), calendar.WorkEnd);
        Assert.Equal(new LocalTime(8, 0), calendar.ContactWorkStart);
        Assert.Equal(new LocalTime(18, 0), calendar.ContactWorkEnd);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void TouchBudget_PerDayBelowOne_ArgumentOutOfRangeWithTheValue(int perDay)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TouchBudget(perDay));

        Assert.Equal("perDay", ex.ParamName);
        Assert.Equal(perDay, ex.ActualValue);
        Assert.Contains($"got {perDay}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithPerChannel_ZeroMeetings_ArgumentOutOfRangeWithTheValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TouchBudget(5).WithPerChannel(Channel.Meeting, 0));

        Assert.Equal("max", ex.ParamName);
        Assert.Equal(0, ex.ActualValue);
        Assert.Contains("meeting", ex.Message, StringComparison.Ordinal);
        Assert.Contains("got 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithPerChannel_UndefinedChannel_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => new TouchBudget(5).WithPerChannel((Channel)42, 1));
    }

    [Fact]
    public void WithPerWeek_Zero_ArgumentOutOfRangeWithTheValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TouchBudget(5).WithPerWeek(0));

        Assert.Equal("max", ex.ParamName);
        Assert.Equal(0, ex.ActualValue);
        Assert.Contains("week", ex.Message, StringComparison.Ordinal);
        Assert.Contains("got 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithPerWeek_Null_RemovesTheWeeklyLimit()
    {
        var budget = new TouchBudget(5).WithPerWeek(12).WithPerWeek(null);

        Assert.Null(budget.PerWeek);
    }

    [Fact]
    public void WithTimeOff_EndBeforeStart_ArgumentExceptionNamingBothDays()
    {
        var calendar = OwnerCalendar.ForZone("Europe/London");

        var ex = Assert.Throws<ArgumentException>(() => calendar.WithTimeOff(new LocalDate(2026, 8, 14), new LocalDate(2026, 8, 3)));

        Assert.Contains("2026-08-14", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2026-08-03", ex.Message, StringComparison.Ordinal);
        Assert.Equal("end", ex.ParamName);
    }

    [Fact]
    public void WithTimeOff_OneDay_Accepted()
    {
        var calendar = OwnerCalendar.ForZone("Europe/London").WithTimeOff(Monday, Monday);

        Assert.Equal(DayOff.TimeOff, calendar.DayOffOn(Monday));
        Assert.Equal(DayOff.None, calendar.DayOffOn(Monday.PlusDays(1)));
    }

    [Fact]
    public void WithWorkingDays_None_ArgumentException()
    {
        var calendar = OwnerCalendar.ForZone("Europe/London");

        var ex = Assert.Throws<ArgumentException>(() => calendar.WithWorkingDays());

        Assert.Contains("at least one working day", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithWorkingDays_UndefinedDay_ArgumentOutOfRange()
    {
        var calendar = OwnerCalendar.ForZone("Europe/London");

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.WithWorkingDays(IsoDayOfWeek.Monday, IsoDayOfWeek.None));

        Assert.Equal(IsoDayOfWeek.None, ex.ActualValue);
    }

    [Fact]
    public void WithWorkingHours_EndBeforeStart_ArgumentExceptionNamingBothTimes()
    {
        var calendar = OwnerCalendar.ForZone("Europe/London");

        var ex = Assert.Throws<ArgumentException>(() => calendar.WithWorkingHours(new LocalTime(18, 0), new LocalTime(8, 0)));

        Assert.Contains("18:00", ex.Message, StringComparison.Ordinal);
        Assert.Contains("08:00", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithWorkingHours_EndEqualToStart_ArgumentException()
    {
        var calendar = OwnerCalendar.ForZone("Europe/London");

        Assert.Throws<ArgumentException>(() => calendar.WithWorkingHours(new LocalTime(9, 0), new LocalTime(9, 0)));
    }

    [Fact]
    public void WithContactHours_EndBeforeStart_ArgumentExceptionNamingBothTimes()
    {
        var calendar = OwnerCalendar.ForZone("Europe/London");

        var ex = Assert.Throws<ArgumentException>(() => calendar.WithContactHours(new LocalTime(17, 30), new LocalTime(9, 15)));

        Assert.Contains("17:30", ex.Message, StringComparison.Ordinal);
        Assert.Contains("09:15", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullZone_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new OwnerCalendar(null!));
    }

    // ---------------------------------------------------------------- days off

    [Fact]
    public void DayOffOn_DefaultWeekend_SaturdayAndSundayAreWeekend()
    {
        var calendar = OwnerCalendar.ForZone("Europe/London");

        Assert.Equal(DayOff.None, calendar.DayOffOn(Monday));
        Assert.Equal(DayOff.None, calendar.DayOffOn(Monday.PlusDays(4)));
        Assert.Equal(DayOff.Weekend, calendar.DayOffOn(Monday.PlusDays(5)));
        Assert.Equal(DayOff.Weekend, calendar.DayOffOn(Monday.PlusDays(6)));
        Assert.True(calendar.IsWorkingDay(Monday));
        Assert.False(calendar.IsWorkingDay(Monday.PlusDays(5)));
    }

    [Fact]
    public void DayOffOn_SundayToThursdayWeek_FridayAndSaturdayAreWeekend()
    {
        var calendar = OwnerCalendar.ForZone("Asia/Jerusalem").WithWorkingDays(
            IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday);

        Assert.Equal(DayOff.Weekend, calendar.DayOffOn(new LocalDate(2026, 4, 17))); // Friday
        Assert.Equal(DayOff.Weekend, calendar.DayOffOn(new LocalDate(2026, 4, 18))); // Saturday
        Assert.Equal(DayOff.None, calendar.DayOffOn(new LocalDate(2026, 4, 19))); // Sunday
    }

    [Fact]
    public void DayOffOn_Holiday_HolidayOnlyThatDay()
    {
        var goodFriday = new LocalDate(2026, 4, 3);
        var calendar = OwnerCalendar.ForZone("Europe/London").WithHolidays(goodFriday, new LocalDate(2026, 4, 6));

        Assert.Equal(DayOff.Holiday, calendar.DayOffOn(goodFriday));
        Assert.Equal(DayOff.Holiday, calendar.DayOffOn(new LocalDate(2026, 4, 6)));
        Assert.Equal(DayOff.None, calendar.DayOffOn(new LocalDate(2026, 4, 2)));
        Assert.Equal(DayOff.None, calendar.DayOffOn(new LocalDate(2026, 4, 7)));
    }

    [Fact]
    public void DayOffOn_TimeOffRange_BothEndsIncludedAndNeighboursWorking()
    {
        var start = new LocalDate(2026, 8, 3); // Monday
        var end = new LocalDate(2026, 8, 14); // Friday
        var calendar = OwnerCalendar.ForZone("Europe/London").WithTimeOff(start, end);

        Assert.Equal(DayOff.None, calendar.DayOffOn(start.PlusDays(-3))); // Friday before
        Assert.Equal(DayOff.TimeOff, calendar.DayOffOn(start));
        Assert.Equal(DayOff.TimeOff, calendar.DayOffOn(start.PlusDays(3)));
        Assert.Equal(DayOff.TimeOff, calendar.DayOffOn(end));
        Assert.Equal(DayOff.None, calendar.DayOffOn(end.PlusDays(3))); // Monday after
    }

    [Fact]
    public void DayOffOn_TimeOffOverWeekendAndHoliday_TimeOffWinsThenHoliday()
    {
        var saturday = new LocalDate(2026, 8, 8);
        var holiday = new LocalDate(2026, 8, 31); // a Monday bank holiday
        var calendar = OwnerCalendar.ForZone("Europe/London")
            .WithHolidays(saturday.PlusDays(1), holiday)
            .WithTimeOff(new LocalDate(2026, 8, 3), new LocalDate(2026, 8, 14));

        Assert.Equal(DayOff.TimeOff, calendar.DayOffOn(saturday));
        Assert.Equal(DayOff.TimeOff, calendar.DayOffOn(saturday.PlusDays(1)));
        Assert.Equal(DayOff.Holiday, calendar.DayOffOn(holiday));
        Assert.Equal(DayOff.Weekend, calendar.DayOffOn(new LocalDate(2026, 8, 29)));
    }

    [Fact]
    public void WithTimeOff_TwoRanges_BothCount()
    {
        var calendar = OwnerCalendar.ForZone("Europe/London")
            .WithTimeOff(new LocalDate(2026, 8, 3), new LocalDate(2026, 8, 5))
            .WithTimeOff(new LocalDate(2026, 12, 24), new LocalDate(2027, 1, 1));

        Assert.Equal(2, calendar.TimeOff.Count);
        Assert.Equal(DayOff.TimeOff, calendar.DayOffOn(new LocalDate(2026, 8, 4)));
        Assert.Equal(DayOff.TimeOff, calendar.DayOffOn(new LocalDate(2026, 12, 31)));
        Assert.Equal(DayOff.TimeOff, calendar.DayOffOn(new LocalDate(2027, 1, 1)));
        Assert.Equal(DayOff.None, calendar.DayOffOn(new LocalDate(2026, 8, 6)));
    }

    // ---------------------------------------------------------------- budgets

    [Fact]
    public void For_ChannelLimitAboveDailyLimit_DailyLimitApplies()
    {
        var budget = new TouchBudget(3).WithPerChannel(Channel.Call, 5).WithPerChannel(Channel.Meeting, 2);

        Assert.Equal(3, budget.For(Channel.Call));
        Assert.Equal(2, budget.For(Channel.Meeting));
        Assert.Equal(3, budget.For(Channel.Note));
    }

    [Fact]
    public void WithPerChannel_SameChannelTwice_LastOneWins()
    {
        var budget = new TouchBudget(5).WithPerChannel(Channel.Meeting, 2).WithPerChannel(Channel.Meeting, 4);

        Assert.Equal(4, budget.PerChannel[Channel.Meeting]);
        Assert.Single(budget.PerChannel);
    }

    [Fact]
    public void Equals_SameLimitsBuiltInAnotherOrder_Equal()
    {
        var one = new TouchBudget(5).WithPerChannel(Channel.Meeting, 2).WithPerChannel(Channel.Call, 3).WithPerWeek(20);
        var other = new TouchBudget(5).WithPerWeek(20).WithPerChannel(Channel.Call, 3).WithPerChannel(Channel.Meeting, 2);

        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.NotEqual(one, one.WithPerWeek(21));
    }

    // ---------------------------------------------------------------- immutable copies

    [Fact]
    public void WithMethods_ChangedCopies_OriginalUnchanged()
    {
        var original = OwnerCalendar.ForZone("Europe/London");

        var changed = original
            .WithTimeZone(OwnerCalendar.Zone("America/New_York"))
            .WithWorkingDays(IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday)
            .WithHolidays(new LocalDate(2026, 12, 25))
            .WithTimeOff(new LocalDate(2026, 8, 3), new LocalDate(2026, 8, 14))
            .WithBudget(new TouchBudget(3))
            .WithWorkingHours(new LocalTime(9, 0), new LocalTime(17, 0))
            .WithContactHours(new LocalTime(10, 0), new LocalTime(16, 0));

        Assert.Equal("Europe/London", original.TimeZone.Id);
        Assert.Equal(5, original.WorkingDays.Count);
        Assert.Empty(original.Holidays);
        Assert.Empty(original.TimeOff);
        Assert.Equal(10, original.Budget.PerDay);
        Assert.Equal(new LocalTime(8, 0), original.WorkStart);
        Assert.Equal(new LocalTime(18, 0), original.WorkEnd);
        Assert.Equal(new LocalTime(8, 0), original.ContactWorkStart);
        Assert.Equal(new LocalTime(18, 0), original.ContactWorkEnd);
        Assert.Equal(DayOff.None, original.DayOffOn(new LocalDate(2026, 12, 25)));
        Assert.Equal(original, OwnerCalendar.ForZone("Europe/London"));

        Assert.Equal("America/New_York", changed.TimeZone.Id);
        Assert.Equal(new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday }, changed.WorkingDays.ToArray());
        Assert.Equal(DayOff.Holiday, changed.DayOffOn(new LocalDate(2026, 12, 25)));
        Assert.Equal(DayOff.TimeOff, changed.DayOffOn(new LocalDate(2026, 8, 4)));
        Assert.Equal(3, changed.Budget.PerDay);
        Assert.Equal(new LocalTime(9, 0), changed.WorkStart);
        Assert.Equal(new LocalTime(16, 0), changed.ContactWorkEnd);
        Assert.NotEqual(original, changed);
    }

    [Fact]
    public void WithHolidays_AddedTwice_Accumulate()
    {
        var once = OwnerCalendar.ForZone("Europe/London").WithHolidays(new LocalDate(2026, 12, 25));
        var twice = once.WithHolidays(new LocalDate(2026, 12, 28), new LocalDate(2026, 12, 25));

        Assert.Single(once.Holidays);
        Assert.Equal(2, twice.Holidays.Count);
    }

    [Fact]
    public void TouchBudgetWithMethods_ChangedCopies_OriginalUnchanged()
    {
        var original = new TouchBudget(5);

        var changed = original.WithPerChannel(Channel.Meeting, 2).WithPerWeek(12);

        Assert.Empty(original.PerChannel);
        Assert.Null(original.PerWeek);
        Assert.Equal(5, original.For(Channel.Meeting));
        Assert.Equal(2, changed.For(Channel.Meeting));
        Assert.Equal(12, changed.PerWeek);
        Assert.Equal(new TouchBudget(5), original);
    }

    [Fact]
    public void WithTimeOff_OnACopy_OriginalStillWorks()
    {
        var original = OwnerCalendar.ForZone("Europe/London").WithTimeOff(new LocalDate(2026, 8, 3), new LocalDate(2026, 8, 5));

        var more = original.WithTimeOff(new LocalDate(2026, 9, 7), new LocalDate(2026, 9, 8));

        Assert.Single(original.TimeOff);
        Assert.Equal(DayOff.None, original.DayOffOn(new LocalDate(2026, 9, 7)));
        Assert.Equal(DayOff.TimeOff, more.DayOffOn(new LocalDate(2026, 9, 7)));
    }
}
