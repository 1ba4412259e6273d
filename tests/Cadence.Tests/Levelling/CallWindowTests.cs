using System.Linq;
using Cadence.Calendars;
using NodaTime;
using NodaTime.Text;

namespace Cadence.Tests.Levelling;

/// <summary>
/// Call windows across zones with different daylight-saving rules, on both sides of every change in 2026. Every
/// expected time is worked out by hand from the UTC offsets:
/// London GMT +0 / BST +1 (BST from Sun 29 Mar 01:00Z to Sun 25 Oct 01:00Z);
/// New York EST −5 / EDT −4 (EDT from Sun 8 Mar 02:00 local to Sun 1 Nov 02:00 local);
/// Sydney AEDT +11 / AEST +10 (AEST from Sun 5 Apr 03:00 local to Sun 4 Oct 02:00 local).
/// Working hours are 08:00–18:00 on both sides unless a test says otherwise.
/// </summary>
public class CallWindowTests
{
    private const string London = "Europe/London";
    private const string NewYork = "America/New_York";
    private const string Sydney = "Australia/Sydney";

    private static readonly LocalTime Eight = new(8, 0);
    private static readonly LocalTime Six = new(18, 0);

    private static CallWindow? Find(string ownerZone, string contactZone, LocalDate date, LocalTime? contactStart = null, LocalTime? contactEnd = null) =>
        CallWindow.Find(date, OwnerCalendar.Zone(ownerZone), Eight, Six, OwnerCalendar.Zone(contactZone), contactStart ?? Eight, contactEnd ?? Six);

    private static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    private static LocalTime Time(string hhmm) => LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(hhmm).Value;

    /// <summary>Checks a window: owner hours on the owner's date, contact hours on the owner's date plus a shift.</summary>
    private static void AssertWindow(CallWindow? window, LocalDate ownerDate, string ownerHours, string contactHours, int contactDayShift)
    {
        Assert.NotNull(window);
        string[] owner = ownerHours.Split('-');
        string[] contact = contactHours.Split('-');
        LocalDate contactDate = ownerDate.PlusDays(contactDayShift);
        Assert.Equal(ownerDate.At(Time(owner[0])), window.OwnerStart.LocalDateTime);
        Assert.Equal(ownerDate.At(Time(owner[1])), window.OwnerEnd.LocalDateTime);
        Assert.Equal(contactDate.At(Time(contact[0])), window.ContactStart.LocalDateTime);
        Assert.Equal(contactDate.At(Time(contact[1])), window.ContactEnd.LocalDateTime);

        // Both sides describe the same instants.
        Assert.Equal(window.OwnerStart.ToInstant(), window.ContactStart.ToInstant());
        Assert.Equal(window.OwnerEnd.ToInstant(), window.ContactEnd.ToInstant());
    }

    // ---------------------------------------------------------------- London – Sydney

    [Theory]
    // Fri 27 Mar, before London's change: GMT+0 / AEDT+11. London 08:00–18:00 = 08:00Z–18:00Z; Sydney's Fri ends 18:00 AEDT
    // = 07:00Z, Sydney's Sat starts 08:00 AEDT = 21:00Z (Fri): no overlap.
    [InlineData("2026-03-27")]
    // Mon 30 Mar, after London's change: BST+1 / AEDT+11. London 08:00 BST = 07:00Z = 18:00 AEDT, exactly when Sydney stops:
    // the hours touch but do not overlap.
    [InlineData("2026-03-30")]
    // Fri 3 Apr, before Sydney's change: BST+1 / AEDT+11, as on 30 Mar: no overlap.
    [InlineData("2026-04-03")]
    // Mon 5 Oct, after Sydney's change: BST+1 / AEDT+11 again: no overlap.
    [InlineData("2026-10-05")]
    // Fri 23 Oct, before London's change: BST+1 / AEDT+11: no overlap.
    [InlineData("2026-10-23")]
    // Mon 26 Oct, after London's change: GMT+0 / AEDT+11, as on 27 Mar: no overlap.
    [InlineData("2026-10-26")]
    public void Find_LondonSydneyTenOrElevenHoursApart_NoWindow(string date)
    {
        Assert.Null(Find(London, Sydney, Date(date)));
    }

    [Theory]
    // Mon 6 Apr, after Sydney's change: BST+1 / AEST+10. London 08:00 BST = 07:00Z = 17:00 AEST;
    // Sydney 18:00 AEST = 08:00Z = 09:00 BST. Window 08:00–09:00 London = 17:00–18:00 Sydney, same day.
    [InlineData("2026-04-06", "08:00-09:00", "17:00-18:00")]
    // Fri 2 Oct, before Sydney's change: BST+1 / AEST+10, as on 6 Apr.
    [InlineData("2026-10-02", "08:00-09:00", "17:00-18:00")]
    public void Find_LondonSydneyNineHoursApart_OneHourInTheLondonMorning(string date, string ownerHours, string contactHours)
    {
        AssertWindow(Find(London, Sydney, Date(date)), Date(date), ownerHours, contactHours, 0);
    }

    [Theory]
    // Contact hours 07:00–20:00 in Sydney, so the London changes show.
    // Fri 27 Mar: GMT+0 / AEDT+11. London 08:00 = 08:00Z = 19:00 AEDT; Sydney 20:00 AEDT = 09:00Z = 09:00 GMT.
    [InlineData("2026-03-27", "08:00-09:00", "19:00-20:00")]
    // Mon 30 Mar: BST+1 / AEDT+11. London 08:00 BST = 07:00Z = 18:00 AEDT; Sydney 20:00 AEDT = 09:00Z = 10:00 BST.
    [InlineData("2026-03-30", "08:00-10:00", "18:00-20:00")]
    // Fri 3 Apr: BST+1 / AEDT+11, as on 30 Mar.
    [InlineData("2026-04-03", "08:00-10:00", "18:00-20:00")]
    // Mon 6 Apr: BST+1 / AEST+10. London 08:00 BST = 07:00Z = 17:00 AEST; Sydney 20:00 AEST = 10:00Z = 11:00 BST.
    [InlineData("2026-04-06", "08:00-11:00", "17:00-20:00")]
    // Fri 2 Oct: BST+1 / AEST+10, as on 6 Apr.
    [InlineData("2026-10-02", "08:00-11:00", "17:00-20:00")]
    // Mon 5 Oct: BST+1 / AEDT+11, as on 30 Mar.
    [InlineData("2026-10-05", "08:00-10:00", "18:00-20:00")]
    // Fri 23 Oct: BST+1 / AEDT+11, as on 30 Mar.
    [InlineData("2026-10-23", "08:00-10:00", "18:00-20:00")]
    // Mon 26 Oct: GMT+0 / AEDT+11, as on 27 Mar.
    [InlineData("2026-10-26", "08:00-09:00", "19:00-20:00")]
    public void Find_LondonSydneyLongerContactHours_WindowFollowsBothChanges(string date, string ownerHours, string contactHours)
    {
        var window = Find(London, Sydney, Date(date), new LocalTime(7, 0), new LocalTime(20, 0));

        AssertWindow(window, Date(date), ownerHours, contactHours, 0);
    }

    [Fact]
    public void ToString_LondonSydneyInApril_BothSidesInWords()
    {
        var window = Find(London, Sydney, new LocalDate(2026, 4, 6));

        Assert.Equal("08:00–09:00 your time, 17:00–18:00 in Sydney", window!.ToString());
        Assert.Equal(Duration.FromHours(1), window.Length);
    }

    // ---------------------------------------------------------------- London – New York

    [Theory]
    // Fri 6 Mar, before New York's change: GMT+0 / EST−5. New York 08:00 EST = 13:00Z = 13:00 GMT;
    // London 18:00 GMT = 18:00Z = 13:00 EST. Window 13:00–18:00 London = 08:00–13:00 New York.
    [InlineData("2026-03-06", "13:00-18:00", "08:00-13:00")]
    // Sun 8 Mar, New York changes at 02:00 EST (07:00Z); by 08:00 it is EDT−4. New York 08:00 EDT = 12:00Z = 12:00 GMT;
    // London 18:00 GMT = 18:00Z = 14:00 EDT. Window 12:00–18:00 London = 08:00–14:00 New York.
    [InlineData("2026-03-08", "12:00-18:00", "08:00-14:00")]
    // Mon 9 Mar: GMT+0 / EDT−4, as on 8 Mar.
    [InlineData("2026-03-09", "12:00-18:00", "08:00-14:00")]
    // Fri 27 Mar, before London's change: GMT+0 / EDT−4, as on 8 Mar.
    [InlineData("2026-03-27", "12:00-18:00", "08:00-14:00")]
    // Sun 29 Mar, London changes at 01:00Z; by 08:00 it is BST+1. New York 08:00 EDT = 12:00Z = 13:00 BST;
    // London 18:00 BST = 17:00Z = 13:00 EDT. Window 13:00–18:00 London = 08:00–13:00 New York.
    [InlineData("2026-03-29", "13:00-18:00", "08:00-13:00")]
    // Mon 30 Mar: BST+1 / EDT−4, as on 29 Mar.
    [InlineData("2026-03-30", "13:00-18:00", "08:00-13:00")]
    // Fri 23 Oct, before London's change: BST+1 / EDT−4, as on 29 Mar.
    [InlineData("2026-10-23", "13:00-18:00", "08:00-13:00")]
    // Mon 26 Oct, after London's change: GMT+0 / EDT−4 (New York still on summer time), as on 8 Mar.
    [InlineData("2026-10-26", "12:00-18:00", "08:00-14:00")]
    // Fri 30 Oct, before New York's change: GMT+0 / EDT−4, as on 8 Mar.
    [InlineData("2026-10-30", "12:00-18:00", "08:00-14:00")]
    // Sun 1 Nov, New York changes at 02:00 EDT (06:00Z); by 08:00 it is EST−5, as on 6 Mar.
    [InlineData("2026-11-01", "13:00-18:00", "08:00-13:00")]
    // Mon 2 Nov: GMT+0 / EST−5, as on 6 Mar.
    [InlineData("2026-11-02", "13:00-18:00", "08:00-13:00")]
    public void Find_LondonNewYork_WindowFollowsBothChanges(string date, string ownerHours, string contactHours)
    {
        AssertWindow(Find(London, NewYork, Date(date)), Date(date), ownerHours, contactHours, 0);
    }

    [Theory]
    // The same interval seen from New York: Mon 9 Mar, EDT−4 / GMT+0. New York 08:00 EDT = 12:00Z = 12:00 GMT;
    // London 18:00 GMT = 18:00Z = 14:00 EDT.
    [InlineData("2026-03-09", "08:00-14:00", "12:00-18:00")]
    // Mon 30 Mar, EDT−4 / BST+1: London 18:00 BST = 17:00Z = 13:00 EDT.
    [InlineData("2026-03-30", "08:00-13:00", "13:00-18:00")]
    public void Find_NewYorkOwnerLondonContact_SameIntervalFromTheOtherSide(string date, string ownerHours, string contactHours)
    {
        AssertWindow(Find(NewYork, London, Date(date)), Date(date), ownerHours, contactHours, 0);
    }

    [Fact]
    public void ToString_LondonNewYork_PlaceHasASpace()
    {
        var window = Find(London, NewYork, new LocalDate(2026, 3, 30));

        Assert.Equal("13:00–18:00 your time, 08:00–13:00 in New York", window!.ToString());
    }

    // ---------------------------------------------------------------- New York – Sydney

    [Theory]
    // Fri 6 Mar: EST−5 / AEDT+11 (16 h). Sydney Sat 7 Mar 08:00 AEDT = 21:00Z Fri = 16:00 EST;
    // New York 18:00 EST = 23:00Z = 10:00 AEDT Sat. Window 16:00–18:00 New York = 08:00–10:00 Sydney, next day.
    [InlineData("2026-03-06", "16:00-18:00", "08:00-10:00")]
    // Sun 8 Mar: EDT−4 from 02:00 / AEDT+11 (15 h). Sydney Mon 9 Mar 08:00 AEDT = 21:00Z Sun = 17:00 EDT;
    // New York 18:00 EDT = 22:00Z = 09:00 AEDT.
    [InlineData("2026-03-08", "17:00-18:00", "08:00-09:00")]
    // Mon 9 Mar: EDT−4 / AEDT+11, as on 8 Mar.
    [InlineData("2026-03-09", "17:00-18:00", "08:00-09:00")]
    // Thu 2 Apr (Sydney Fri 3 Apr), before Sydney's change: EDT−4 / AEDT+11, as on 8 Mar.
    [InlineData("2026-04-02", "17:00-18:00", "08:00-09:00")]
    // Sat 3 Oct (Sydney Sun 4 Oct, AEDT+11 from 02:00): Sydney 08:00 AEDT = 21:00Z Sat = 17:00 EDT. As on 8 Mar.
    [InlineData("2026-10-03", "17:00-18:00", "08:00-09:00")]
    // Mon 5 Oct: EDT−4 / AEDT+11, as on 8 Mar.
    [InlineData("2026-10-05", "17:00-18:00", "08:00-09:00")]
    // Fri 30 Oct (Sydney Sat 31 Oct), before New York's change: EDT−4 / AEDT+11, as on 8 Mar.
    [InlineData("2026-10-30", "17:00-18:00", "08:00-09:00")]
    // Sun 1 Nov: EST−5 from 02:00 / AEDT+11, as on 6 Mar. Sydney Mon 2 Nov 08:00 AEDT = 21:00Z Sun = 16:00 EST.
    [InlineData("2026-11-01", "16:00-18:00", "08:00-10:00")]
    // Mon 2 Nov: EST−5 / AEDT+11, as on 6 Mar.
    [InlineData("2026-11-02", "16:00-18:00", "08:00-10:00")]
    public void Find_NewYorkSydney_EveningInNewYorkIsNextMorningInSydney(string date, string ownerHours, string contactHours)
    {
        AssertWindow(Find(NewYork, Sydney, Date(date)), Date(date), ownerHours, contactHours, 1);
    }

    [Theory]
    // Sat 4 Apr (Sydney Sun 5 Apr, AEST+10 from 03:00 AEDT): Sydney 08:00 AEST = 22:00Z Sat = 18:00 EDT, when New York stops.
    [InlineData("2026-04-04")]
    // Mon 6 Apr: EDT−4 / AEST+10 (14 h): Sydney Tue 08:00 AEST = 22:00Z Mon = 18:00 EDT: the hours only touch.
    [InlineData("2026-04-06")]
    // Fri 2 Oct (Sydney Sat 3 Oct), before Sydney's change: EDT−4 / AEST+10, as on 6 Apr.
    [InlineData("2026-10-02")]
    public void Find_NewYorkSydneyFourteenHoursApart_NoWindow(string date)
    {
        Assert.Null(Find(NewYork, Sydney, Date(date)));
    }

    [Fact]
    public void ToString_NewYorkSydneyInWinter_TwoHours()
    {
        var window = Find(NewYork, Sydney, new LocalDate(2026, 11, 2));

        Assert.Equal("16:00–18:00 your time, 08:00–10:00 in Sydney", window!.ToString());
        Assert.Equal(new LocalDate(2026, 11, 3), window.ContactStart.Date);
    }

    [Fact]
    public void Find_SameZone_WholeWorkingDay()
    {
        AssertWindow(Find(London, London, new LocalDate(2026, 3, 29)), new LocalDate(2026, 3, 29), "08:00-18:00", "08:00-18:00", 0);
    }

    // ---------------------------------------------------------------- through the leveller

    private static readonly CadenceRule Rule = CadenceRule.FromDays(0, 30, 45);

    /// <summary>A diary of one relationship whose next touch is due on <paramref name="due"/>, by the channel given.</summary>
    private static Diary DueOn(Relationship relationship, LocalDate due, Channel channel) =>
        new(
            [relationship.WithRule(Rule).WithPreferredChannels(channel)],
            [new Touch(relationship.Id, due.PlusDays(-30), Channel.Meeting)]);

    private static LevelledTouch LevelOne(string ownerZone, Relationship contact, LocalDate today, LocalDate due, Channel channel = Channel.Call)
    {
        var plan = new Scheduler().Plan(DueOn(contact, due, channel), today);
        var levelled = new Leveller(OwnerCalendar.ForZone(ownerZone)).Level(plan);
        return levelled[contact.Id];
    }

    private static Relationship InSydney => new Relationship("ava", "Ava Chen", "client").WithTimeZone(OwnerCalendar.Zone(Sydney));

    [Fact]
    public void Level_CallWithSydneyWhenHoursDoNotOverlap_NoCommonHoursReasonAndNoWindow()
    {
        // Mon 30 Mar: London BST+1, Sydney AEDT+11: no common hours (see above). The contact's day is taken at the
        // owner's midday, 12:00 BST = 11:00Z = 22:00 AEDT Monday: not their weekend, so the call stays on Monday.
        var monday = new LocalDate(2026, 3, 30);

        var placed = LevelOne(London, InSydney, monday, monday);

        Assert.Equal(monday, placed.Due);
        Assert.Null(placed.CallWindow);
        Assert.Equal(new NoCommonHoursReason("Sydney"), placed.Reasons[^1]);
        Assert.EndsWith("; no working hours in common with Sydney that day.", placed.Why, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Level_CallWithSydneyInApril_CallWindowAndReason()
    {
        var monday = new LocalDate(2026, 4, 6);

        var placed = LevelOne(London, InSydney, monday, monday);

        Assert.Equal(monday, placed.Due);
        AssertWindow(placed.CallWindow, monday, "08:00-09:00", "17:00-18:00", 0);
        Assert.Equal(new CallWindowReason(placed.CallWindow!), placed.Reasons[^1]);
        Assert.EndsWith("; best time 08:00–09:00 your time, 17:00–18:00 in Sydney.", placed.Why, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Level_NoteToSydney_NoWindowNoWindowReason()
    {
        var monday = new LocalDate(2026, 4, 6);

        var placed = LevelOne(London, InSydney, monday, monday, Channel.Note);

        Assert.Null(placed.CallWindow);
        Assert.DoesNotContain(placed.Reasons, r => r is CallWindowReason or NoCommonHoursReason);
    }

    [Fact]
    public void Level_CallWithoutContactZone_NoWindowReason()
    {
        var monday = new LocalDate(2026, 4, 6);

        var placed = LevelOne(London, new Relationship("bo", "Bo", "client"), monday, monday);

        Assert.Null(placed.CallWindow);
        Assert.DoesNotContain(placed.Reasons, r => r is CallWindowReason or NoCommonHoursReason);
    }

    [Fact]
    public void Level_CallOnTheContactsSaturday_MovedForTheContactsWeekend()
    {
        // New York Fri 6 Mar 16:00–18:00 EST is Sydney Sat 7 Mar 08:00–10:00 AEDT: the contact's weekend. New York's
        // Saturday and Sunday are the owner's weekend; Mon 9 Mar 17:00–18:00 EDT is Sydney Tue 10 Mar 08:00–09:00 AEDT.
        var friday = new LocalDate(2026, 3, 6);
        var monday = new LocalDate(2026, 3, 9);

        var placed = LevelOne(NewYork, InSydney, friday, friday);

        Assert.Equal(monday, placed.Due);
        var moved = Assert.Single(placed.Reasons.OfType<LevelledReason>());
        Assert.Equal(new LevelledReason(friday, monday, MoveCause.ContactWeekend, Place: "Sydney"), moved);
        Assert.Equal("moved from Fri 6 Mar 2026: the weekend in Sydney", moved.ToString());
        AssertWindow(placed.CallWindow, monday, "17:00-18:00", "08:00-09:00", 1);
        Assert.Contains("moved from Fri 6 Mar 2026: the weekend in Sydney; best time 17:00–18:00 your time, 08:00–09:00 in Sydney.", placed.Why, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Level_MeetingOnTheContactsSaturday_AlsoMoved()
    {
        var friday = new LocalDate(2026, 3, 6);

        var placed = LevelOne(NewYork, InSydney, friday, friday, Channel.Meeting);

        Assert.Equal(new LocalDate(2026, 3, 9), placed.Due);
        Assert.Equal(MoveCause.ContactWeekend, placed.Reasons.OfType<LevelledReason>().Single().Cause);
    }

    [Fact]
    public void Level_NoteOnTheContactsSaturday_StaysOnFriday()
    {
        var friday = new LocalDate(2026, 3, 6);

        var placed = LevelOne(NewYork, InSydney, friday, friday, Channel.Note);

        Assert.Equal(friday, placed.Due);
        Assert.Empty(placed.Reasons.OfType<LevelledReason>());
    }

    [Fact]
    public void Level_ContactWithFridaySaturdayWeekend_FridayCallMovedToMonday()
    {
        // London BST+1, Riyadh +3 all year. Fri 10 Apr 2026 08:00–16:00 London = 10:00–18:00 Riyadh, a Friday there.
        var riyadh = new Relationship("omar", "Omar Haddad", "client")
            .WithTimeZone(OwnerCalendar.Zone("Asia/Riyadh"))
            .WithWeekend(IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday);
        var friday = new LocalDate(2026, 4, 10);
        var monday = new LocalDate(2026, 4, 13);

        var placed = LevelOne(London, riyadh, friday, friday);

        Assert.Equal(monday, placed.Due);
        Assert.Equal(new LevelledReason(friday, monday, MoveCause.ContactWeekend, Place: "Riyadh"), placed.Reasons.OfType<LevelledReason>().Single());
        AssertWindow(placed.CallWindow, monday, "08:00-16:00", "10:00-18:00", 0);
    }

    [Fact]
    public void Level_SameContactWithDefaultWeekend_FridayCallStays()
    {
        var riyadh = new Relationship("omar", "Omar Haddad", "client").WithTimeZone(OwnerCalendar.Zone("Asia/Riyadh"));
        var friday = new LocalDate(2026, 4, 10);

        var placed = LevelOne(London, riyadh, friday, friday);

        Assert.Equal(friday, placed.Due);
        Assert.Empty(placed.Reasons.OfType<LevelledReason>());
        AssertWindow(placed.CallWindow, friday, "08:00-16:00", "10:00-18:00", 0);
    }

    [Fact]
    public void Level_OwnerWorksOnlyWeekendsCallWithAWeekdayContact_PlacedInsteadOfThrowing()
    {
        // The owner works Saturday and Sunday only; the contact, in London too, has the usual Saturday–Sunday weekend.
        var saturday = new LocalDate(2026, 4, 11);
        var contact = new Relationship("ann", "Ann", "client").WithTimeZone(OwnerCalendar.Zone(London));
        var calendar = OwnerCalendar.ForZone(London).WithWorkingDays(IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday);
        var plan = new Scheduler().Plan(DueOn(contact, saturday, Channel.Call), saturday);

        var levelled = new Leveller(calendar).Level(plan);

        // Seven working days (Sat 11, Sun 12, Sat 18, Sun 19, Sat 25, Sun 26 Apr, Sat 2 May) wait for a weekday in
        // London; the eighth, Sun 3 May, takes it anyway, and says so.
        var ann = levelled["ann"];
        Assert.True(calendar.IsWorkingDay(ann.Due));
        Assert.Equal(new LocalDate(2026, 5, 3), ann.Due);
        Assert.Equal(new OnContactWeekendReason("London"), ann.Reasons.OfType<OnContactWeekendReason>().Single());
        Assert.Equal("on the weekend in London: none of your working days is a weekday there", ann.Reasons.OfType<OnContactWeekendReason>().Single().ToString());
    }

    [Fact]
    public void WithWeekend_EveryDayOfTheWeek_ThrowsNamingTheContact()
    {
        var ex = Assert.Throws<System.ArgumentException>(() => InSydney.WithWeekend(IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday));
        Assert.Contains("\"ava\"", ex.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Level_SydneyContactWithFridaySaturdayWeekend_ThursdayInNewYorkIsTheirFriday()
    {
        // New York Thu 5 Mar 16:00–18:00 EST = Sydney Fri 6 Mar 08:00–10:00 AEDT: their weekend with a Friday–Saturday
        // weekend; New York Fri 6 Mar is Sydney Saturday; Mon 9 Mar is Sydney Tuesday.
        var thursday = new LocalDate(2026, 3, 5);
        var contact = InSydney.WithWeekend(IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday);

        var placed = LevelOne(NewYork, contact, thursday, thursday);

        Assert.Equal(new LocalDate(2026, 3, 9), placed.Due);
        Assert.Equal(new LevelledReason(thursday, new LocalDate(2026, 3, 9), MoveCause.ContactWeekend, Place: "Sydney"), placed.Reasons.OfType<LevelledReason>().Single());
        Assert.Equal(new LocalDate(2026, 3, 5), LevelOne(NewYork, InSydney, thursday, thursday).Due);
    }
}
