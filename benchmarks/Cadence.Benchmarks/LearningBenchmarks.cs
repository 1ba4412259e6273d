using System.Linq;
using BenchmarkDotNet.Attributes;
using Cadence.Levelling;
using Cadence.Planning;

namespace Cadence.Benchmarks;

/// <summary>
/// Issue 29's target: Plan + Level of a million relationships with every tier learning its rhythm (see
/// docs/design.md, "A rhythm that learns") no more than 15% slower than with learning off, in the same run. The diary is
/// <see cref="SchedulerBenchmarks"/>'s (ten touches each, a quarter inbound: most relationships have the four
/// exchanges learning needs).
/// </summary>
[MemoryDiagnoser]
public class LearningBenchmarks
{
    private Diary _diary = Diary.Empty;
    private Scheduler _scheduler = new();
    private Leveller _leveller = null!;

    /// <summary>How many relationships the diary has.</summary>
    [Params(1_000_000)]
    public int Relationships { get; set; }

    /// <summary>Whether every tier learns.</summary>
    [Params(false, true)]
    public bool Learning { get; set; }

    /// <summary>The diary, and a scheduler whose tiers all learn or none does.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _diary = DiaryGenerator.Generate(Relationships, SchedulerBenchmarks.TouchesPerRelationship, SchedulerBenchmarks.Seed, SchedulerBenchmarks.Today);
        _scheduler = new Scheduler(SchedulerOptions.Default.WithRules(Rules(_diary, Learning)));
        _leveller = new Leveller(BenchmarkCalendar.For(Relationships));

        // What learning has to do here, in the run's log: how many touches it changed.
        var plan = _scheduler.Plan(_diary, SchedulerBenchmarks.Today);
        System.Console.WriteLine($"// learning {Learning}: {plan.Touches.Count(t => t.IsLearned)} of {plan.Touches.Count} planned touches learned");
    }

    /// <summary>The default rules, with every tier of the diary learning when asked.</summary>
    public static CadenceRules Rules(Diary diary, bool learning) =>
        learning
            ? diary.Relationships.Select(r => r.Tier).Distinct(System.StringComparer.OrdinalIgnoreCase).Aggregate(CadenceRules.Default, (rules, tier) => rules.WithLearning(tier))
            : CadenceRules.Default;

    /// <summary>The whole diary planned and levelled.</summary>
    /// <returns>The levelled plan.</returns>
    [Benchmark(Description = "Scheduler.Plan + Leveller.Level (whole diary)")]
    public LevelledPlan PlanAndLevel() => _leveller.Level(_scheduler.Plan(_diary, SchedulerBenchmarks.Today));
}
