using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Cadence.Levelling;
using Cadence.Planning;
using NodaTime;

namespace Cadence.Benchmarks;

/// <summary>
/// The scheduler, and the scheduler with levelling, on a synthetic diary of <see cref="Relationships"/> relationships
/// with <see cref="TouchesPerRelationship"/> touches each (see <see cref="DiaryGenerator"/>), against reading every
/// touch once.
/// </summary>
[MemoryDiagnoser]
public class SchedulerBenchmarks
{
    /// <summary>Touches per relationship.</summary>
    public const int TouchesPerRelationship = 10;

    /// <summary>The generator's seed.</summary>
    public const int Seed = 20260302;

    /// <summary>The day the diary is planned for.</summary>
    public static readonly LocalDate Today = new(2026, 3, 2);

    private Diary _diary = Diary.Empty;
    private Scheduler _scheduler = new();
    private Leveller _leveller = null!;
    private Plan _plan = null!;
    private int[] _slotOfTouch = [];
    private string _someId = string.Empty;

    /// <summary>How many relationships the diary has.</summary>
    [Params(1_000, 100_000, 1_000_000)]
    public int Relationships { get; set; }

    /// <summary>What every benchmark needs: the diary, the scheduler, the leveller and the tables below.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _diary = DiaryGenerator.Generate(Relationships, TouchesPerRelationship, Seed, Today);
        _scheduler = new Scheduler();
        _leveller = new Leveller(BenchmarkCalendar.For(Relationships));

        // The grouping of touches by relationship that the diary keeps for the scheduler, rebuilt from the public API
        // so the baseline gets the same head start.
        var slots = new Dictionary<string, int>(_diary.Relationships.Count, System.StringComparer.Ordinal);
        for (int i = 0; i < _diary.Relationships.Count; i++)
        {
            slots.Add(_diary.Relationships[i].Id, i);
        }

        var touches = _diary.Touches;
        _slotOfTouch = new int[touches.Count];
        for (int i = 0; i < touches.Count; i++)
        {
            _slotOfTouch[i] = slots[touches[i].RelationshipId];
        }

        // An active relationship in the middle of the diary, with touches: the usual "I just logged a touch" case.
        for (int i = _diary.Relationships.Count / 2; i < _diary.Relationships.Count; i++)
        {
            var relationship = _diary.Relationships[i];
            if (relationship.State.Status == RelationshipStatus.Active)
            {
                _someId = relationship.Id;
                break;
            }
        }
    }

    /// <summary>
    /// <see cref="Setup"/>, and the plan <see cref="AgendaToday"/> reads. Only that benchmark keeps a plan alive (at a
    /// million relationships it is several hundred megabytes), so the others run on the heap of the diary alone.
    /// </summary>
    [GlobalSetup(Target = nameof(AgendaToday))]
    public void SetupWithPlan()
    {
        Setup();
        _plan = _scheduler.Plan(_diary, Today);
    }

    /// <summary>
    /// The least any planner must do: read every touch once and fold its date into its relationship's slot (here, the
    /// sum of the day numbers), with the touches already grouped by relationship as the diary keeps them.
    /// </summary>
    [Benchmark(Baseline = true, Description = "Read every touch once")]
    public long[] ReadEveryTouch()
    {
        var touches = _diary.Touches;
        int[] slotOfTouch = _slotOfTouch;
        var sums = new long[_diary.Relationships.Count];
        for (int i = 0; i < slotOfTouch.Length; i++)
        {
            sums[slotOfTouch[i]] += touches[i].Date.ToDateOnly().DayNumber;
        }

        return sums;
    }

    /// <summary>Plans every relationship.</summary>
    [Benchmark(Description = "Scheduler.Plan (whole diary)")]
    public Plan PlanAll() => _scheduler.Plan(_diary, Today);

    /// <summary>Plans every relationship, then levels the plan on the owner's calendar (<see cref="BenchmarkCalendar"/>).</summary>
    [Benchmark(Description = "Scheduler.Plan + Leveller.Level (whole diary)")]
    public LevelledPlan PlanAndLevel() => _leveller.Level(_scheduler.Plan(_diary, Today));

    /// <summary>Replans one relationship, as after logging a touch with it.</summary>
    [Benchmark(Description = "Scheduler.PlanFor (one relationship)")]
    public PlannedTouch? PlanOne() => _scheduler.PlanFor(_diary, _someId, Today);

    /// <summary>Today's agenda from a plan already made.</summary>
    [Benchmark(Description = "Agenda.For (today, from a plan)")]
    public Agenda AgendaToday() => Agenda.For(_plan, Today);
}
