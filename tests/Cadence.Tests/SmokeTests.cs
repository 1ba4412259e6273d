using Cadence.Scheduling;
using NodaTime;

namespace Cadence.Tests;

public class SmokeTests
{
    [Fact]
    public void Plan_ClientMet41DaysAgo_ExplainsItself()
    {
        var today = new LocalDate(2026, 3, 13);
        var diary = new Diary(
            [new Relationship("zoe", "Zoë Müller", "client")],
            [new Touch("zoe", today.PlusDays(-41), Channel.Meeting)]);
        var plan = new Scheduler().Plan(diary, today);
        Assert.Equal("Last met 41 days ago; clients are due every 30 days (at most 45); 11 days overdue (was due Mon 2 Mar 2026).", plan["zoe"].Why);
    }
}
