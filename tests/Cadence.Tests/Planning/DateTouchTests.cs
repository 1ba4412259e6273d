using System;
using System.Linq;
using Cadence.Calendars;
using Cadence.Explanations;
using Cadence.Levelling;
using Cadence.Planning;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Cadence.Tests.Properties;
using NodaTime;

namespace Cadence.Tests.Planning;

/// <summary>Dates that matter in the plan: the date touch, the window before it, and what logging it does.</summary>
public sealed class DateTouchTests
{
    /// <summary>Friday 13 March 2026.</summary>
    private static readonly LocalDate Today = FixedDays.Today;

    private static readonly ImportantDate ZoeBirthday = ImportantDate.Yearly("birthday", new AnnualDate(3, 31), 1986);

    private static Relationship Zoe(params ImportantDate[] dates) => new Relationship("zoe", "Zoë", "client").WithImportantDates(dates);

    private static Touch Met(int daysAgo) => new("zoe", Today.PlusDays(-daysAgo), Channel.Meeting);

    private static PlannedTouch Plan(Diary diary, LocalDate? day = null, SchedulerOptions? options = null) =>
        new Scheduler(options).Plan(diary, day ?? Today)["zoe"];

    [Fact]
    public void RoutineTouchDueShortlyBeforeABirthday_WaitsForIt_AndSaysSo()
    {
        // Met 20 days ago: the client cadence (30 days) has the routine touch due Mon 23 Mar; her birthday is 8 days later.
        var diary = new Diary([Zoe(ZoeBirthday)], [Met(20)]);

        var touch = Plan(diary);

        Assert.Equal(new LocalDate(2026, 3, 31), touch.Due);
        Assert.True(touch.IsDateTouch);
        Assert.True(touch.IsFixed);
        Assert.StartsWith(
            "Birthday on Tue 31 Mar 2026; turns 40; the routine touch due Mon 23 Mar 2026 waits for it (none in the 14 days before a date); last met 20 days ago",
            touch.Why,
            StringComparison.Ordinal);
    }

    [Fact]
    public void BirthdayLaterThanTheWindow_RoutineTouchStays()
    {
        // Due Mon 23 Mar; a birthday on 10 Apr is 18 days later: outside the 14-day window.
        var diary = new Diary([Zoe(ImportantDate.Yearly("birthday", new AnnualDate(4, 10), 1986))], [Met(20)]);

        var touch = Plan(diary);

        Assert.Equal(new LocalDate(2026, 3, 23), touch.Due);
        Assert.False(touch.IsDateTouch);
        Assert.DoesNotContain("birthday", touch.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void WindowOfZero_KeepsTheRoutineTouch()
    {
        var diary = new Diary([Zoe(ZoeBirthday)], [Met(20)]);

        var touch = Plan(diary, options: SchedulerOptions.Default.WithDateWindowDays(0));

        Assert.Equal(new LocalDate(2026, 3, 23), touch.Due);
        Assert.Throws<ArgumentOutOfRangeException>(() => SchedulerOptions.Default.WithDateWindowDays(91));
    }

    [Fact]
    public void BirthdayBeforeTheRoutineTouch_IsTheNextTouch_AndLoggingItRenewsLikeATouchOfItsChannel()
    {
        // Met 2 days ago: routine due 11 Apr. Her birthday on 31 Mar comes first.
        var diary = new Diary([Zoe(ZoeBirthday)], [Met(2)]);
        var touch = Plan(diary);
        Assert.Equal(new LocalDate(2026, 3, 31), touch.Due);
        Assert.StartsWith("Birthday on Tue 31 Mar 2026; turns 40; last met 2 days ago", touch.Why, StringComparison.Ordinal);

        // Called on the day: the next touch is the routine one, 30 days after the call, and not the birthday again.
        var birthday = new LocalDate(2026, 3, 31);
        var after = diary.Log(new Touch("zoe", birthday, Channel.Call));
        var next = Plan(after, birthday);

        Assert.False(next.IsDateTouch);
        Assert.Equal(birthday.PlusDays(30), next.Due);
    }

    [Fact]
    public void LeadDays_PlanTheTouchOnTheReminderDay_AndATouchFromThatDayOnDoesIt()
    {
        var date = ZoeBirthday.WithLeadDays(7);
        var diary = new Diary([Zoe(date)], [Met(2)]);

        var touch = Plan(diary);
        Assert.Equal(new LocalDate(2026, 3, 24), touch.Due);
        Assert.Equal(new LocalDate(2026, 3, 31), touch.NotAfter);
        Assert.Contains("(reminder 7 days before)", touch.Why, StringComparison.Ordinal);

        // A card written on the reminder day: the birthday is done.
        var written = diary.Log(new Touch("zoe", new LocalDate(2026, 3, 24), Channel.Note));
        Assert.False(Plan(written, new LocalDate(2026, 3, 25)).IsDateTouch);

        // Nothing logged: two days after the reminder day it is due today, two days overdue, until the day itself.
        var late = Plan(diary, new LocalDate(2026, 3, 26));
        Assert.True(late.IsDateTouch);
        Assert.Equal(2, late.DaysOverdue);

        // After the day, this year's is gone: next year's comes (the routine touch first).
        Assert.False(Plan(diary, new LocalDate(2026, 4, 1)).IsDateTouch);
    }

    [Fact]
    public void PromiseLaterThanTheBirthday_BirthdayFirst_ThenThePromiseAgain()
    {
        var promise = new Commitment("c1", "zoe", new LocalDate(2026, 4, 3), "send the proposal");
        var diary = new Diary([Zoe(ZoeBirthday)], [Met(2)], [promise]);

        var touch = Plan(diary);

        Assert.True(touch.IsDateTouch);
        Assert.Null(touch.Commitment);
        Assert.Contains("before the next step for Fri 3 Apr 2026: send the proposal", touch.Why, StringComparison.Ordinal);

        var birthday = new LocalDate(2026, 3, 31);
        var next = Plan(diary.Log(new Touch("zoe", birthday, Channel.Call)), birthday);
        Assert.Equal(promise.Id, next.Commitment?.Id);
    }

    [Fact]
    public void PromiseBeforeTheBirthday_KeepsItsDay()
    {
        var promise = new Commitment("c1", "zoe", new LocalDate(2026, 3, 20), "send the proposal");
        var diary = new Diary([Zoe(ZoeBirthday)], [Met(2)], [promise]);

        var touch = Plan(diary);

        Assert.Equal(promise.Date, touch.Due);
        Assert.False(touch.IsDateTouch);
    }

    [Fact]
    public void DateInsideAPause_IsLeftOut()
    {
        var paused = Zoe(ZoeBirthday).PauseUntil(new LocalDate(2026, 4, 15));
        var diary = new Diary([paused], [Met(2)]);

        var touch = Plan(diary);

        Assert.False(touch.IsDateTouch);
        Assert.Equal(new LocalDate(2026, 4, 15), touch.Due);
    }

    [Fact]
    public void MoveMadeAfterTheReminderDay_Wins_OneMadeBefore_DoesNot()
    {
        var diary = new Diary([Zoe(ZoeBirthday)], [Met(2)]);

        // Snoozed on the birthday itself to 2 Apr: the user saw it and chose.
        var snoozed = diary.MoveNextTouch("zoe", new LocalDate(2026, 4, 2), new LocalDate(2026, 3, 31));
        Assert.Equal(new LocalDate(2026, 4, 2), Plan(snoozed, new LocalDate(2026, 3, 31)).Due);

        // Moved earlier in March to 20 Apr: the birthday still comes first.
        var moved = diary.MoveNextTouch("zoe", new LocalDate(2026, 4, 20), Today);
        Assert.Equal(new LocalDate(2026, 3, 31), Plan(moved).Due);
    }

    [Fact]
    public void DateTouchOnASaturday_LevellingKeepsItsDay()
    {
        // 4 Apr 2026 is a Saturday.
        var diary = new Diary([Zoe(ImportantDate.Yearly("birthday", new AnnualDate(4, 4)))], [Met(2)]);
        var plan = new Scheduler().Plan(diary, Today);

        var levelled = new Leveller(OwnerCalendar.ForZone("Europe/Berlin")).Level(plan)["zoe"];

        Assert.Equal(new LocalDate(2026, 4, 4), levelled.Due);
        Assert.Contains("Birthday on Sat 4 Apr 2026", levelled.Why, StringComparison.Ordinal);
        Assert.Contains("kept on Sat 4 Apr 2026 for the date, though it is not a working day", levelled.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void AnniversaryWithAYear_SaysYears_RelativeDateWithout()
    {
        var diary = new Diary([Zoe(ImportantDate.Yearly("work anniversary", new AnnualDate(3, 20), 2016))], [Met(2)]);
        Assert.StartsWith("Work anniversary on Fri 20 Mar 2026; 10 years;", Plan(diary).Why, StringComparison.Ordinal);

        var relative = new Diary([Zoe(ImportantDate.Relative("company day", 3, IsoDayOfWeek.Monday, -1))], [Met(2)]);
        Assert.StartsWith("Company day on Mon 30 Mar 2026;", Plan(relative).Why, StringComparison.Ordinal);
    }

    /// <summary>A relationship's important dates, any kind, any lead, with unique labels.</summary>
    private static Gen<ImportantDate[]> Dates =>
        from count in Gen.Choose(1, 3)
        from kinds in Gen.ArrayOf(Gen.Choose(0, 2), count)
        from months in Gen.ArrayOf(Gen.Choose(1, 12), count)
        from days in Gen.ArrayOf(Gen.Choose(1, 28), count)
        from leads in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 30))), count)
        from years in Gen.ArrayOf(Gen.Choose(2019, 2030), count)
        select Enumerable.Range(0, count).Select(i => (kinds[i] switch
        {
            0 => ImportantDate.Yearly($"date {i}", new AnnualDate(months[i], days[i]), years[i] <= 2025 ? years[i] : null),
            1 => ImportantDate.Relative($"date {i}", months[i], (IsoDayOfWeek)(1 + (days[i] % 7)), 1 + (days[i] % 4)),
            _ => ImportantDate.Once($"date {i}", new LocalDate(years[i], months[i], days[i])),
        }).WithLeadDays(leads[i])).ToArray();

    [Property(MaxTest = 300)]
    public Property NoDateIsMissed_TheTouchComesNoLaterThanTheFirstReminderNotDone_AndLoggingItMovesOn()
    {
        var gen =
            from dates in Dates
            from today in Generators.Day(new LocalDate(2024, 1, 1), 1500)
            from touchDays in Gen.ListOf(Gen.Choose(0, 120))
            from outcome in Gen.Elements(Outcome.Connected, Outcome.NoReply)
            select (dates, today, touchDays, outcome);

        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var (dates, today, touchDays, outcome) = x;
            var touches = touchDays.Select((d, i) => new Touch("zoe", today.PlusDays(-d), Channel.Note, outcome: i % 2 == 0 ? outcome : Outcome.Connected));
            var diary = new Diary([Zoe(dates)], touches);
            var touch = Plan(diary, today);

            // The first reminder day not done, as a person would count it on a paper calendar: day by day.
            int lastOutbound = diary.Touches.Select(t => t.Date.ToDateOnly().DayNumber).DefaultIfEmpty(int.MinValue).Max();
            LocalDate? firstReminder = null;
            for (var day = today; day <= today.PlusYears(2) && firstReminder is null; day = day.PlusDays(1))
            {
                foreach (var date in dates)
                {
                    if (date.Next(day) == day)
                    {
                        var reminder = day.PlusDays(-date.LeadDays);
                        if (reminder.ToDateOnly().DayNumber > lastOutbound && (firstReminder is null || reminder < firstReminder))
                        {
                            firstReminder = reminder;
                        }
                    }
                }
            }

            bool noLater = firstReminder is not { } first || touch.Due <= (first < today ? today : first);

            // Logging a touch on the date touch's day moves it on: the same occurrence is never planned again.
            bool movesOn = true;
            if (touch.IsDateTouch)
            {
                var occurrence = touch.Reasons.OfType<ImportantDateReason>().Single().Date;
                var after = Plan(diary.Log(new Touch("zoe", touch.Due, Channel.Call)), touch.Due);
                movesOn = after.Reasons.OfType<ImportantDateReason>().All(r => r.Date > occurrence || r.Label != touch.Reasons.OfType<ImportantDateReason>().Single().Label);
            }

            return (noLater && movesOn).Label($"due {touch.Due}, first reminder {firstReminder}, why {touch.Why}");
        });
    }

    [Property(MaxTest = 100)]
    public Property DatesInAnyOrder_SamePlan()
    {
        var gen = from dates in Dates from shuffled in Gen.Shuffle(dates) from back in Gen.Choose(0, 60) select (dates, shuffled, back);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            // The relationships differ in the order of their list; the touch planned does not.
            var a = Plan(new Diary([Zoe(x.dates)], [Met(x.back)]));
            var b = Plan(new Diary([Zoe(x.shuffled)], [Met(x.back)]));
            return a.Due == b.Due && a.NotAfter == b.NotAfter && a.Channel == b.Channel && a.Reasons.SequenceEqual(b.Reasons);
        });
    }
}
