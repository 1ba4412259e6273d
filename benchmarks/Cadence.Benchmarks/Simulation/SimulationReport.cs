using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Cadence.Benchmarks.Simulation;

/// <summary>One seed's two arms: the same population lived with fixed rules and with learning.</summary>
/// <param name="Seed">The seed.</param>
/// <param name="Fixed">The year with fixed rules.</param>
/// <param name="Learning">The year with learning.</param>
public sealed record SeedResult(int Seed, ArmResult Fixed, ArmResult Learning);

/// <summary>The simulation's figures as markdown: each seed, then the mean ± standard deviation over seeds.</summary>
public static class SimulationReport
{
    private static readonly (string Name, Func<ArmResult, double> Value, string Format)[] Figures =
    [
        ("Touches", a => a.Touches, "0"),
        ("Replies per touch", a => a.RepliesPerTouch, "0.000"),
        ("Touches judged as pestering", a => a.Pestering, "0.0"),
        ("Share judged as pestering", a => a.PesteringShare, "0.000"),
        ("Pestering: gap from an unanswered attempt", a => a.PesteringAfterAttempt, "0.0"),
        ("Decayed relationships", a => a.Decayed, "0.0"),
        ("Dormant (library's health)", a => a.Dormant, "0.0"),
        ("Budget used", a => a.BudgetUsed, "0.000"),
        ("Exchanges they started", a => a.TheyStarted, "0"),
        ("All exchanges", a => a.Exchanges, "0"),
    ];

    /// <summary>The report.</summary>
    /// <param name="results">The seeds' results.</param>
    /// <returns>Markdown: the per-seed table and the summary.</returns>
    public static string Markdown(IReadOnlyList<SeedResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        text.AppendLine("| Seed | Arm | Touches | Replies per touch | Pestering (share) | Decayed | Dormant (library) | Budget used | They started | Exchanges |");
        text.AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var seed in results)
        {
            foreach (var (arm, a) in new[] { ("fixed", seed.Fixed), ("learning", seed.Learning) })
            {
                text.AppendLine(Invariant(
                    $"| {seed.Seed} | {arm} | {a.Touches} | {a.RepliesPerTouch:0.000} | {a.Pestering} ({a.PesteringShare:0.000}) | {a.Decayed} | {a.Dormant} | {a.BudgetUsed:0.000} | {a.TheyStarted} | {a.Exchanges} |"));
            }
        }

        text.AppendLine();
        text.AppendLine(Invariant($"Mean ± standard deviation over {results.Count} seeds; the last column is learning minus fixed, seed by seed (the same population and member randomness in both arms)."));
        text.AppendLine();
        text.AppendLine("| Figure | Fixed rules | Learning | Learning − fixed |");
        text.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var (name, value, format) in Figures)
        {
            var f = results.Select(r => value(r.Fixed)).ToArray();
            var l = results.Select(r => value(r.Learning)).ToArray();
            var d = results.Select(r => value(r.Learning) - value(r.Fixed)).ToArray();
            text.AppendLine($"| {name} | {Spread(f, format)} | {Spread(l, format)} | {Spread(d, format, signed: true)} |");
        }

        return text.ToString();
    }

    /// <summary>"mean ± sd" (the sample standard deviation; 0 for one value).</summary>
    private static string Spread(double[] values, string format, bool signed = false)
    {
        double mean = values.Average();
        double sd = values.Length > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1)) : 0;
        string m = mean.ToString(format, CultureInfo.InvariantCulture);
        if (signed && mean > 0 && m.Trim('0', '.').Length > 0)
        {
            m = "+" + m;
        }

        return $"{m} ± {sd.ToString(format, CultureInfo.InvariantCulture)}";
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
