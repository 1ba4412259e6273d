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

    /// <summary>
    /// How a relationship stands on a day: its planned touch's <see cref="PlannedTouch.Health"/> when it has one, else
    /// (archived) the scheduler's, from the same rules.
    /// </summary>
    public static RelationshipHealth Health(DiaryData data, LevelledPlan plan, string id, LocalDate today) =>
        plan.TryGet(id, out var next) ? next.Health : new Scheduler(data.SchedulerOptions).Health(data.Diary, id, today);

    /// <summary>"strong", "steady", "fading", "dormant"; with a "!" when the silence is past the decay warning.</summary>
    public static string HealthWord(RelationshipHealth health) => health.LevelWord + (health.DecayWarning ? "!" : string.Empty);

    /// <summary>The colour of a health: fading yellow, dormant (or past the decay warning) red.</summary>
    public static Output.Style HealthStyle(RelationshipHealth health) =>
        health.DecayWarning || health.Level == HealthLevel.Dormant ? Output.Style.Red
        : health.Level == HealthLevel.Fading ? Output.Style.Yellow
        : Output.Style.Plain;
}
