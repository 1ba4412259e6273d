using Cadence.Sample.Store;
using Cadence.Levelling;
using Cadence.Planning;
using NodaTime;

namespace Cadence.Sample.Commands;

/// <summary>The one way the sample plans: the scheduler with the file's rules, levelled on the owner's calendar.</summary>
internal static class DiaryPlanner
{
    public static LevelledPlan Level(DiaryData data, LocalDate today)
    {
        var plan = new Scheduler(data.SchedulerOptions).Plan(data.Diary, today);
        return new Leveller(data.Owner.ToCalendar(), LevellingOptions.Default.WithRebaseOverdue(true)).Level(plan);
    }
}
