using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace Cadence.Benchmarks;

/// <summary>
/// What BenchmarkDotNet does not measure: the peak memory of one import. <c>--peak calendar 1,10,60</c> (megabytes of
/// calendar) or <c>--peak contacts 1000,10000,100000</c> (rows, CSV then vCard) runs each size once in a fresh process
/// of its own and prints the time, the bytes allocated and the process's peak working set, with their growth per
/// tenfold.
/// </summary>
/// <remarks>
/// One process writes the file; a second makes the diary, and "before" is its working set then; it then reads the file
/// and imports it, as the sample does, and "peak" is its peak working set (<see cref="Process.PeakWorkingSet64"/>). One run a
/// size, after one warm-up import of a small file, so these are a check of the memory and of the growth, not a
/// precise time: BenchmarkDotNet's figures are the times to quote.
/// </remarks>
public static class PeakMemory
{
    internal const string Flag = "--peak";

    private const string OneFlag = "--peak-one";

    private const string MakeFlag = "--peak-make";

    /// <summary>Runs the <c>--peak</c> or <c>--peak-one</c> mode; returns null when <paramref name="args"/> asks for neither.</summary>
    public static int? Run(string[] args)
    {
        if (args.Length == 4 && args[0] is OneFlag or MakeFlag)
        {
            int size = int.Parse(args[2], CultureInfo.InvariantCulture);
            return args[0] == OneFlag ? One(args[1], size, args[3]) : Make(args[1], size, args[3]);
        }

        if (args.Length != 3 || args[0] != Flag)
        {
            return null;
        }

        string kind = args[1];
        var sizes = args[2].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        string[] formats = kind == "contacts" ? ["csv", "vcard"] : ["ics"];
        Console.WriteLine("| File | Size | File bytes | Time | Allocated | Working set before | Peak working set | Growth per tenfold (time, peak) |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (string format in formats)
        {
            Measure? previous = null;
            int previousSize = 0;
            foreach (int size in sizes)
            {
                var m = Child(format, size);
                string growth = previous is null
                    ? string.Empty
                    : FormattableString.Invariant($"{Per10(m.Seconds / previous.Seconds, size, previousSize):0.#}×, {Per10((double)m.PeakBytes / previous.PeakBytes, size, previousSize):0.#}×");
                Console.WriteLine(FormattableString.Invariant(
                    $"| {format} | {size:N0} | {m.FileBytes / 1e6:0.0} MB | {m.Seconds:0.000} s | {m.AllocatedBytes / 1e6:N0} MB | {m.BeforeBytes / 1e6:N0} MB | {m.PeakBytes / 1e6:N0} MB | {growth} |"));
                previous = m;
                previousSize = size;
            }
        }

        return 0;
    }

    /// <summary>A ratio brought to a tenfold step (a 1 to 60 MB step is 6 times, not ten).</summary>
    private static double Per10(double ratio, int size, int previousSize) =>
        Math.Pow(ratio, 1 / Math.Log10((double)size / previousSize));

    private sealed record Measure(long FileBytes, double Seconds, long AllocatedBytes, long BeforeBytes, long PeakBytes);

    private static Measure Child(string format, int size)
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cadence-peak-{Environment.ProcessId}.{format}");
        try
        {
            // The file is written by one process and imported by another, as the sample imports a file from the disk.
            RunSelf(MakeFlag, format, size, path);
            var parts = RunSelf(OneFlag, format, size, path).Split(' ');
            return new Measure(long.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture),
                long.Parse(parts[2], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture), long.Parse(parts[4], CultureInfo.InvariantCulture));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    private static string RunSelf(string flag, string format, int size, string path)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (!System.IO.Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals("Cadence.Benchmarks", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(typeof(PeakMemory).Assembly.Location);
        }

        foreach (string arg in new[] { flag, format, size.ToString(CultureInfo.InvariantCulture), path })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        string output = child.StandardOutput.ReadToEnd().Trim();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"{flag} {format} {size} failed ({child.ExitCode}): {output}");
        }

        return output;
    }

    /// <summary>In the first child: the file of that size, written to <paramref name="path"/>.</summary>
    private static int Make(string format, int size, string path)
    {
        System.IO.File.WriteAllText(path, format == "ics" ? ImportBenchmarks.File(size) : ContactImportBenchmarks.File(size, format));
        return 0;
    }

    /// <summary>In the second child: the diary made, one warm-up import of a small file, then the file read and imported once.</summary>
    private static int One(string format, int size, string path)
    {
        Func<string, object> import;
        if (format == "ics")
        {
            var diary = ImportBenchmarks.MakeDiary();
            var options = ImportBenchmarks.Options();
            Cadence.Import.CalendarImporter.Import(diary, ImportBenchmarks.File(1), options);
            import = text => Cadence.Import.CalendarImporter.Import(diary, text, options);
        }
        else
        {
            ContactImportBenchmarks.Import(ContactImportBenchmarks.MakeDiary(1_000), ContactImportBenchmarks.File(1_000, format), format);
            var diary = ContactImportBenchmarks.MakeDiary(size);
            import = text => ContactImportBenchmarks.Import(diary, text, format);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        long before = self.WorkingSet64;
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        string text = System.IO.File.ReadAllText(path);
        var result = import(text);
        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        GC.KeepAlive(result);
        self.Refresh();
        Console.WriteLine(FormattableString.Invariant($"{new System.IO.FileInfo(path).Length} {clock.Elapsed.TotalSeconds} {allocated} {before} {self.PeakWorkingSet64}"));
        return 0;
    }
}
