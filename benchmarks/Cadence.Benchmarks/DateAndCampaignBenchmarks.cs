using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Cadence.Planning;
using NodaTime;

namespace Cadence.Benchmarks;

/// <summary>
/// What dates that matter and a reconnect campaign cost the scheduler (issue 16): the same synthetic diary of
/// <see cref="Relationships"/> relationships (<see cref="DiaryGenerator"/>, as <see cref="SchedulerBenchmarks"/>)
/// planned as it is (the baseline), with a birthday on every relationship, and with the birthdays and a campaign over
/// every past associate (a fifth of the diary) by the end of the year, inside <see cref="BenchmarkCalendar"/>'s budget.
/// </summary>
[MemoryDiagnoser]
public class DateAndCampaignBenchmarks
{
    private Diary _plain = Diary.Empty;
    private Diary _dates = Diary.Empty;
    private Diary _campaign = Diary.Empty;
    private Scheduler _scheduler = new();

    /// <summary>How many relationships the diary has.</summary>
    [Params(1_000, 100_000)]
    public int Relationships { get; set; }

    /// <summary>The three diaries and a scheduler that knows the owner's calendar (for the campaign's budget).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var today = SchedulerBenchmarks.Today;
        _plain = DiaryGenerator.Generate(Relationships, SchedulerBenchmarks.TouchesPerRelationship, SchedulerBenchmarks.Seed, today);
        var random = new Random(SchedulerBenchmarks.Seed);
        var withDates = _plain.Relationships
            .Select(r => r.WithImportantDates(ImportantDate.Yearly("birthday", new AnnualDate(1 + random.Next(12), 1 + random.Next(28)), 1950 + random.Next(50)).WithLeadDays(random.Next(8))))
            .ToList();
        _dates = new Diary(withDates, _plain.Touches, _plain.Commitments, _plain.Moves);
        _campaign = _dates.StartCampaign(Campaign.ForTier("past associates", "past associate", today, new LocalDate(2026, 12, 31)).WithChannels(Channel.Call, Channel.Note));
        _scheduler = new Scheduler(SchedulerOptions.Default.WithCalendar(BenchmarkCalendar.For(Relationships)));
    }

    /// <summary>The diary without dates or campaigns.</summary>
    [Benchmark(Baseline = true, Description = "Plan, no dates")]
    public Plan Plain() => _scheduler.Plan(_plain, SchedulerBenchmarks.Today);

    /// <summary>Every relationship with a birthday.</summary>
    [Benchmark(Description = "Plan, a birthday each")]
    public Plan Dates() => _scheduler.Plan(_dates, SchedulerBenchmarks.Today);

    /// <summary>Birthdays and a campaign over a fifth of the diary.</summary>
    [Benchmark(Description = "Plan, birthdays + campaign (1/5 of the diary)")]
    public Plan DatesAndCampaign() => _scheduler.Plan(_campaign, SchedulerBenchmarks.Today);
}
