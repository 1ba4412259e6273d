using Cadence.Calendars;
using NodaTime;

namespace Cadence.Tests;

/// <summary>
/// Issue 25, "a timed promise shows its time everywhere": the planned touch carries the promise's time, the levelled
/// touch the agenda and the sample show carries it too, and only on the promise's own day.
/// </summary>
public class TimedPromiseTests
{
    private static readonly LocalDate Today = FixedDays.Today; // Fri 13 Mar 2026

    private static Diary WithPromise(LocalDate on) => new(
        [new Relationship("sam", "Sam Okafor", "prospect")],
        [new Touch("sam", Today.PlusDays(-4), Channel.Meeting, medium: "ExpoLondon stand")],
        [new Commitment("sam-1", "sam", on, "call about pricing", Channel.Call, new LocalTime(10, 0), madeOn: Today.PlusDays(-4))]);

    [Fact]
    public void APromiseAtATime_IsPlannedAndLevelledWithItsTime()
    {
        var on = Today.PlusDays(3); // Mon 16 Mar
        var plan = new Scheduler().Plan(WithPromise(on), Today);
        var levelled = new Leveller(OwnerCalendar.ForZone("Europe/London")).Level(plan);

        Assert.Equal((on, (LocalTime?)new LocalTime(10, 0)), (plan["sam"].Due, plan["sam"].Time));
        Assert.Equal((on, (LocalTime?)new LocalTime(10, 0)), (levelled["sam"].Due, levelled["sam"].Time));
    }

    [Fact]
    public void APromiseMovedOffItsDay_HasNoTime()
    {
        // Promised for Sat 14 Mar at 10:00 with Saturday time off: kept on its day (a promise is fixed), time and all;
        // overdue, levelling moves it to today's first working day with room, where 10:00 was never promised.
        var saturday = Today.PlusDays(1);
        var kept = new Leveller(OwnerCalendar.ForZone("Europe/London")).Level(new Scheduler().Plan(WithPromise(saturday), Today));
        Assert.Equal((saturday, (LocalTime?)new LocalTime(10, 0)), (kept["sam"].Due, kept["sam"].Time));

        var overdue = new Leveller(OwnerCalendar.ForZone("Europe/London")).Level(new Scheduler().Plan(WithPromise(saturday), saturday.PlusDays(2)));
        Assert.NotEqual(saturday, overdue["sam"].Due);
        Assert.Null(overdue["sam"].Time);
    }
}
