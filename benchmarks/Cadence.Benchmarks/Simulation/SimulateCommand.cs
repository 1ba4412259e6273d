using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace Cadence.Benchmarks.Simulation;

/// <summary>
/// <c>simulate [--seeds 5] [--members 150] [--days 365] [--budget 4] [--initiative 1] [--note-credit 0.6] [--gap-from-exchange] [--check]</c>: lives the population of
/// <see cref="PopulationModel.Default"/> for a year with fixed rules and with learning, from seeds 1 to N, and prints
/// the figures as markdown. <c>--check</c> runs two seeds twice and fails (exit code 1) when the runs differ.
/// </summary>
public static class SimulateCommand
{
    /// <summary>The command's name, the first argument.</summary>
    public const string Name = "simulate";

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <see cref="Name"/>.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            return Parsed(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    private static int Parsed(string[] args)
    {
        int seeds = 5, members = 150, days = 365;
        bool check = false;
        var model = PopulationModel.Default;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seeds":
                    seeds = Number(args, ++i);
                    break;
                case "--members":
                    members = Number(args, ++i);
                    break;
                case "--days":
                    days = Number(args, ++i);
                    break;
                case "--budget":
                    model = model with { TouchesPerDay = Number(args, ++i) };
                    break;
                case "--initiative":
                    model = model with { Initiative = Fraction(args, ++i) };
                    break;
                case "--note-credit":
                    model = model with { Credits = model.Credits.With(Channel.Note, Fraction(args, ++i)) };
                    break;
                case "--gap-from-exchange":
                    model = model with { GapFromAttempts = false };
                    break;
                case "--check":
                    check = true;
                    break;
                default:
                    Console.Error.WriteLine($"simulate: unknown argument \"{args[i]}\". Usage: simulate [--seeds 5] [--members 150] [--days 365] [--budget 4] [--initiative 1] [--note-credit 0.6] [--gap-from-exchange] [--check]");
                    return 2;
            }
        }

        if (check)
        {
            return Check(model, members, days);
        }

        var clock = Stopwatch.StartNew();
        var results = Enumerable.Range(1, seeds).Select(seed => RunSeed(model, members, days, seed)).ToArray();
        Console.WriteLine(FormattableString.Invariant(
            $"{members} members, {days} days, {model.TouchesPerDay} touches a working day, initiative {model.Initiative}, note credit {model.Credits.Note}, gap from {(model.GapFromAttempts ? "exchange or attempt" : "exchange")}, seeds 1 to {seeds} ({clock.Elapsed.TotalSeconds:0.0} s)"));
        Console.WriteLine();
        Console.Write(SimulationReport.Markdown(results));
        return 0;
    }

    /// <summary>One seed: its population, lived with fixed rules and with learning (the two arms side by side).</summary>
    /// <param name="model">The model.</param>
    /// <param name="members">How many members.</param>
    /// <param name="days">How many days.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>Both arms' figures.</returns>
    public static SeedResult RunSeed(PopulationModel model, int members, int days, int seed)
    {
        var population = Population.Draw(model, members, seed);
        var arms = new ArmResult[2];
        Parallel.For(0, 2, arm => arms[arm] = OwnerYear.Run(model, population, days, learning: arm == 1));
        return new SeedResult(seed, arms[0], arms[1]);
    }

    /// <summary>Seeds 1 and 2, twice: the same figures, or exit code 1.</summary>
    private static int Check(PopulationModel model, int members, int days)
    {
        var first = new[] { 1, 2 }.Select(seed => RunSeed(model, members, days, seed)).ToArray();
        var second = new[] { 1, 2 }.Select(seed => RunSeed(model, members, days, seed)).ToArray();
        bool same = first.SequenceEqual(second);
        Console.WriteLine(same
            ? "simulate --check: seeds 1 and 2 gave the same figures twice."
            : "simulate --check: seeds 1 and 2 gave different figures on a second run: the simulation is not deterministic.");
        if (!same)
        {
            Console.WriteLine(SimulationReport.Markdown(first));
            Console.WriteLine(SimulationReport.Markdown(second));
        }

        return same ? 0 : 1;
    }

    private static double Fraction(IReadOnlyList<string> args, int at) =>
        at < args.Count && double.TryParse(args[at], NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && x >= 0
            ? x
            : throw new ArgumentException($"simulate: {args[at - 1]} needs a number, at least 0.");

    private static int Number(IReadOnlyList<string> args, int at) =>
        at < args.Count && int.TryParse(args[at], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : throw new ArgumentException($"simulate: {args[at - 1]} needs a positive whole number.");
}
