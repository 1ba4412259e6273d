using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Cadence.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/Cadence.Benchmarks -- --filter '*'</c>.
/// With <c>--quick</c> first, a short job runs the 1,000 size (a 1 MB calendar) only, as a smoke test; with
/// <c>--peak calendar 1,10,60</c> or <c>--peak contacts 1000,10000</c>, each import's peak memory (<see cref="PeakMemory"/>);
/// with <c>simulate</c> first, the year of fixed rules against learning (<see cref="Simulation.SimulateCommand"/>).
/// </summary>
public static class Program
{
    private const string QuickFlag = "--quick";

    private const string SizesFlag = "--sizes";

    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == Simulation.SimulateCommand.Name)
        {
            return Simulation.SimulateCommand.Run(args[1..]);
        }

        if (PeakMemory.Run(args) is { } peak)
        {
            return peak;
        }

        bool quick = args.Length > 0 && args[0] == QuickFlag;
        if (quick)
        {
            args = args[1..];
        }

        IConfig config = DefaultConfig.Instance.WithArtifactsPath(DefaultArtifactsPath());

        // --sizes 1000,1000000 keeps only those sizes (relationships, or planned touches for the feed).
        int sizesAt = Array.IndexOf(args, SizesFlag);
        if (sizesAt >= 0 && sizesAt + 1 < args.Length)
        {
            var sizes = args[sizesAt + 1].Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            args = args.Take(sizesAt).Concat(args.Skip(sizesAt + 2)).ToArray();
            config = config.AddFilter(new SimpleFilter(b =>
                !b.HasParameters
                || b.Parameters.Items.All(p => !IsSizeParameter(p.Name) || sizes.Contains((int)p.Value!))));
        }
        if (quick)
        {
            // BenchmarkDotNet's own --inProcess would add a second, full-length job; with --quick it makes the quick
            // job itself run in this process instead of building and starting a child process.
            bool inProcess = args.Any(IsInProcessFlag);
            args = args.Where(a => !IsInProcessFlag(a)).ToArray();
            // Five short warm-ups, not one: the JIT needs a few hundred milliseconds of calls before it swaps in the
            // optimized code, and without them quick numbers measure unoptimized code.
            var job = Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(5)
                .WithIterationCount(3)
                .WithIterationTime(TimeInterval.FromMilliseconds(100))
                .WithId("Quick");
            if (inProcess)
            {
                job = job.WithToolchain(InProcessEmitToolchain.Instance);
            }

            // Only the 1,000 size (relationships, or planned touches for the feed); the 100,000 one spends most of a
            // quick run generating its diary.
            config = config
                .AddJob(job)
                .AddFilter(new SimpleFilter(b =>
                    !b.HasParameters
                    || b.Parameters.Items.All(p => !IsSizeParameter(p.Name) || (int)p.Value == QuickSize(p.Name))));
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    /// <summary>The size a quick run keeps: 1,000 (relationships, touches, contacts), or a 1 MB calendar.</summary>
    private static int QuickSize(string parameter) => parameter == nameof(ImportBenchmarks.Megabytes) ? 1 : 1_000;

    private static bool IsInProcessFlag(string arg) => arg is "--inProcess" or "-i";

    private static bool IsSizeParameter(string name) =>
        name is nameof(SchedulerBenchmarks.Relationships) or nameof(FeedBenchmarks.PlannedTouches) or nameof(ContactImportBenchmarks.Contacts)
            or nameof(ImportBenchmarks.Megabytes);

    /// <summary>
    /// BenchmarkDotNet.Artifacts next to this project (found from the build output), so a run from the repository
    /// root leaves nothing there; <c>--artifacts</c> still overrides it.
    /// </summary>
    private static string DefaultArtifactsPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cadence.Benchmarks.csproj")))
            {
                return Path.Combine(dir.FullName, "BenchmarkDotNet.Artifacts");
            }
        }

        return Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts");
    }
}
