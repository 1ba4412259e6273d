using System.Linq;
using Cadence.Calendars;
using NodaTime;

namespace Cadence.Tests.Levelling;

/// <summary>
/// Issue 25 by example: a touch goes to the nearest day with room inside its window, days before its due day included,
/// before it goes past the window; late only when every day of its window from today is full or not a working day.
/// </summary>
public class LevellingWindowTests
{
    /// <summary>Mon 23 Mar 2026.</summary>
    private static readonly LocalDate Today = new(2026, 3, 23);

    private static LocalDate Mar(int day) => new(2026, 3, day);

    private static LocalDate Apr(int day) => new(2026, 4, day);

    /// <summary>The owner of the issue: in London, Monday to Friday, off Fri 3 Apr and Mon 6 to Fri 10 Apr 2026.</summary>
    private static OwnerCalendar Owner(TouchBudget? budget = null) =>
        OwnerCalendar.ForZone("Europe/London")
            .WithTimeOff(Apr(3), Apr(3))
            .WithTimeOff(Apr(6), Apr(10))
            .WithBudget(budget ?? new TouchBudget(10));

    /// <summary>
    /// A referral source last written to on Mon 9 Mar (an email counts as 60% of a full touch): due Fri 3 Apr, window
    /// Mon 30 Mar to Sat 11 Apr; and clients on the default rule (window 16 days before to 15 after), each due on its day.
    /// </summary>
    private static Diary ReferralAnd(Relationship? referral = null, params (string Id, LocalDate Due)[] clients) =>
        new(
            clients.Select(c => LevellingDiary.Client(c.Id)).Prepend(referral ?? Rita),
            clients.Select(c => LevellingDiary.MetFor(c.Id, c.Due)).Prepend(new Touch("rita", Mar(9), Channel.Note, medium: "email")));

    private static Relationship Rita => new("rita", "Rita Rossi", "referral source");

    [Fact]
    public void Level_DueOnADayOffWithFreeDaysBeforeIt_GoesToTheNearestOneInsideItsWindowNotLate()
    {
        var plan = new Scheduler().Plan(ReferralAnd(), Today);
        var due = plan["rita"];
        Assert.Equal((Apr(3), Mar(30), Apr(11)), (due.Due, due.NotBefore, due.NotAfter));

        var rita = new Leveller(Owner()).Level(plan)["rita"];

        Assert.Equal(Apr(2), rita.Due);
        Assert.Equal(new LevelledReason(Apr(3), Apr(2), MoveCause.TimeOff), rita.Reasons.OfType<LevelledReason>().Single());
        Assert.Empty(rita.Reasons.OfType<LateReason>());
        Assert.EndsWith("moved from Fri 3 Apr 2026: time off.", rita.Why, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Level_TheDaysJustBeforeTheDueDayFull_TheLatestEarlierDayWithRoom()
    {
        // One a day: clients due Wed 1 and Thu 2 Apr keep their days; Rita goes on Tue 31 Mar.
        var levelled = new Leveller(Owner(new TouchBudget(1))).Level(new Scheduler().Plan(ReferralAnd(null, ("ann", Apr(1)), ("bob", Apr(2))), Today));

        Assert.Equal(Mar(31), levelled["rita"].Due);
        Assert.Equal(Apr(1), levelled["ann"].Due);
        Assert.Equal(Apr(2), levelled["bob"].Due);
        Assert.Equal(new LevelledReason(Apr(3), Mar(31), MoveCause.TimeOff), levelled["rita"].Reasons.OfType<LevelledReason>().Single());
    }

    [Fact]
    public void Level_EveryDayOfTheWindowFull_LateAndSaysNothingFitByItsLatestDay()
    {
        // One a day, and clients due on each working day of Rita's window before the time off: nothing has room, so she is
        // late, on the first working day after it, and says so truly.
        var levelled = new Leveller(Owner(new TouchBudget(1))).Level(new Scheduler().Plan(
            ReferralAnd(null, ("ann", Mar(30)), ("bob", Mar(31)), ("cat", Apr(1)), ("dee", Apr(2))), Today));

        var rita = levelled["rita"];
        Assert.Equal(Apr(13), rita.Due);
        Assert.Equal(new LevelledReason(Apr(3), Apr(13), MoveCause.TimeOff), rita.Reasons.OfType<LevelledReason>().Single());
        Assert.Equal(new LateReason(Apr(11), 2), rita.Reasons.OfType<LateReason>().Single());
        Assert.Contains("moved from Fri 3 Apr 2026: time off; 2 days late: nothing fit by Sat 11 Apr 2026", rita.Why, System.StringComparison.Ordinal);
        Assert.Equal([Mar(30), Mar(31), Apr(1), Apr(2)], new[] { "ann", "bob", "cat", "dee" }.Select(id => levelled[id].Due));
    }

    [Fact]
    public void Level_TheNearestEarlierDayIsTheContactsWeekend_TheDayBeforeIt()
    {
        // A call with a contact in London whose weekend is Thursday: not on Thu 2 Apr, on Wed 1 Apr.
        var rita = Rita.WithTimeZone(OwnerCalendar.Zone("Europe/London")).WithWeekend(IsoDayOfWeek.Thursday).WithPreferredChannels(Channel.Call);

        var placed = new Leveller(Owner()).Level(new Scheduler().Plan(ReferralAnd(rita), Today))["rita"];

        Assert.Equal(Apr(1), placed.Due);
        Assert.Equal(new LevelledReason(Apr(3), Apr(1), MoveCause.TimeOff), placed.Reasons.OfType<LevelledReason>().Single());
        Assert.NotNull(placed.CallWindow);
        Assert.Empty(placed.Reasons.OfType<LateReason>());
    }

    [Fact]
    public void Level_TheNearestEarlierDayHasNoRoomOnItsChannel_TheDayBeforeIt()
    {
        // One call a day: a client's call on Thu 2 Apr leaves Rita's call the Wednesday.
        var rita = Rita.WithPreferredChannels(Channel.Call);
        var diary = new Diary(
            [rita, LevellingDiary.Client("ann").WithPreferredChannels(Channel.Call)],
            [new Touch("rita", Mar(9), Channel.Note, medium: "email"), LevellingDiary.MetFor("ann", Apr(2))]);

        var levelled = new Leveller(Owner(new TouchBudget(3).WithPerChannel(Channel.Call, 1))).Level(new Scheduler().Plan(diary, Today));

        Assert.Equal(Apr(2), levelled["ann"].Due);
        Assert.Equal(Apr(1), levelled["rita"].Due);
    }

    [Fact]
    public void Level_ALateTouchGoesEarlier_TheDayItWouldHaveTakenStaysForTheNextTouch()
    {
        // Mon 6 Apr 2026, one a day, no time off. Ann and Bob are due Wed 8 Apr at the latest; Cat's window is Thu 9 Apr
        // alone. Bob, who cannot have Wednesday (Ann has it, first by id), goes on Tuesday, inside his window, rather than
        // on Thursday: so Cat keeps Thursday. (Moving Bob back only after placing everyone would leave Thursday empty and
        // Cat late on Friday.)
        var today = Apr(6);
        var met = today.PlusDays(-20);
        var diary = new Diary(
            [
                new Relationship("ann", "Ann", "client").WithRule(CadenceRule.FromDays(0, 22, 22)),
                new Relationship("bob", "Bob", "client").WithRule(CadenceRule.FromDays(0, 22, 22)),
                new Relationship("cat", "Cat", "client").WithRule(CadenceRule.FromDays(23, 23, 23)),
            ],
            [new Touch("ann", met, Channel.Meeting), new Touch("bob", met, Channel.Meeting), new Touch("cat", met, Channel.Meeting)]);
        var calendar = OwnerCalendar.ForZone("Europe/London").WithBudget(new TouchBudget(1));

        var levelled = new Leveller(calendar).Level(new Scheduler().Plan(diary, today));

        Assert.Equal(Apr(8), levelled["ann"].Due);
        Assert.Equal(Apr(7), levelled["bob"].Due);
        Assert.Equal(new LevelledReason(Apr(8), Apr(7), MoveCause.DailyBudget, 1), levelled["bob"].Reasons.OfType<LevelledReason>().Single());
        Assert.Equal(Apr(9), levelled["cat"].Due);
        Assert.DoesNotContain(levelled.Touches, t => t.Reasons.OfType<LateReason>().Any());
    }

    [Fact]
    public void Level_WindowOpensOnTheDueDay_NeverBeforeIt()
    {
        // Cat's window is Thu 9 Apr alone and Thursday is time off: nothing before it is inside her window, so she is late.
        var today = Apr(6);
        var diary = new Diary(
            [new Relationship("cat", "Cat", "client").WithRule(CadenceRule.FromDays(23, 23, 23))],
            [new Touch("cat", today.PlusDays(-20), Channel.Meeting)]);
        var calendar = OwnerCalendar.ForZone("Europe/London").WithTimeOff(Apr(9), Apr(9));

        var cat = new Leveller(calendar).Level(new Scheduler().Plan(diary, today))["cat"];

        Assert.Equal(Apr(10), cat.Due);
        Assert.Equal(new LateReason(Apr(9), 1), cat.Reasons.OfType<LateReason>().Single());
    }
}
