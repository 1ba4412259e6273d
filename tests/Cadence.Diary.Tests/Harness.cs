using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Cadence.Sample.Tests;

/// <summary>What a run of the executable did.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Out">Everything it wrote to stdout.</param>
/// <param name="Error">Everything it wrote to stderr.</param>
public sealed record RunResult(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public JsonDocument Json() => JsonDocument.Parse(Out);

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}

/// <summary>
/// A temporary working directory, and the real executable (the sample's Cadence.Diary.dll, built next to the tests)
/// run in it with <c>dotnet</c>, as users and their scripts run it.
/// </summary>
public sealed class Sandbox : IDisposable
{
    /// <summary>The day the tests take as today: a Friday.</summary>
    public const string Today = FixedDays.TodayIso;

    public Sandbox()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("cadence-diary-tests-").FullName;
    }

    public string Directory { get; }

    public string DataFile => System.IO.Path.Combine(Directory, "diary.json");

    public static string Executable => System.IO.Path.Combine(AppContext.BaseDirectory, "Cadence.Diary.dll");

    /// <summary>The dotnet host that runs the tests, so the same runtime runs the sample.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : Environment.ProcessPath is { } path && System.IO.Path.GetFileNameWithoutExtension(path) == "dotnet"
                ? path
                : "dotnet";

    public string Path(string name) => System.IO.Path.Combine(Directory, name);

    /// <summary>
    /// How long a test waits for a process before it calls it hung: minutes, far beyond any command's time on a loaded
    /// machine, so no test races a timer (issue 27); it only keeps a hung process from hanging the run.
    /// </summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Runs the commands with these arguments in this process, as the executable runs them (its <see cref="Cli.App"/>,
    /// with the sandbox as its working directory, output redirected, the system clock): what a separate process would
    /// add proves nothing for most tests and costs a runtime start (issue 27). <see cref="RunProcess"/> runs the real
    /// executable where the process is the point (exit codes, locks, signals, encodings).
    /// </summary>
    public RunResult Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var app = new Cli.App(new Output.Terminal(output, color: false, width: null), error, NodaTime.SystemClock.Instance, Directory);
        int exit = app.Run(args);
        return new RunResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs the executable with these arguments in the sandbox and waits for it to exit (a hung one is killed after <see cref="HangGuard"/>).</summary>
    public RunResult RunProcess(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangGuard))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Cadence.Diary {string.Join(' ', args)} did not finish in {HangGuard.TotalMinutes} minutes: it hangs.");
        }

        process.WaitForExit();
        return new RunResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs with <c>--date</c> set to <see cref="Today"/> after the arguments (in this process).</summary>
    public RunResult RunToday(params string[] args) => Run([.. args, "--date", Today]);

    /// <summary>Runs the executable with <c>--date</c> set to <see cref="Today"/> after the arguments.</summary>
    public RunResult RunProcessToday(params string[] args) => RunProcess([.. args, "--date", Today]);

    /// <summary>Starts the executable without waiting: stdout and stderr are redirected, stdin is closed.</summary>
    public Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Executable);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
        process.StandardInput.Close();
        return process;
    }

    /// <summary>A diary written by <c>init --empty</c>, with these relationships added (name, tier).</summary>
    public void InitEmpty(params (string Name, string Tier)[] relationships)
    {
        Ok(RunToday("init", "--empty"));
        foreach (var (name, tier) in relationships)
        {
            Ok(RunToday("add", name, "--tier", tier));
        }
    }

    public byte[] DataBytes() => File.ReadAllBytes(DataFile);

    public JsonDocument DataJson() => JsonDocument.Parse(File.ReadAllBytes(DataFile));

    /// <summary>Asserts a run succeeded and returns it.</summary>
    public static RunResult Ok(RunResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Error.Length == 0, result.ToString());
        return result;
    }

    /// <summary>Asserts a run failed with this exit code and exactly one line on stderr, without a stack trace.</summary>
    public static RunResult Fails(RunResult result, int exitCode = 1)
    {
        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.True(result.ErrorLines.Length == 1, result.ToString());
        Assert.StartsWith("Cadence.Diary: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
        return result;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Helpers for reading the --json output.</summary>
public static class JsonExtensions
{
    public static IReadOnlyList<JsonElement> Touches(this JsonDocument document) =>
        document.RootElement.GetProperty("touches").EnumerateArray().ToList();

    public static JsonElement Touch(this JsonDocument document, string id) =>
        document.Touches().Single(t => t.GetProperty("id").GetString() == id);

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;
}

/// <summary>The bytes of a data file written by <c>init</c> (the demo diary as of <see cref="Sandbox.Today"/>), made once per test class.</summary>
public sealed class DemoDataFile
{
    public DemoDataFile()
    {
        using var sandbox = new Sandbox();
        Sandbox.Ok(sandbox.RunToday("init"));
        Bytes = sandbox.DataBytes();
    }

    public byte[] Bytes { get; }
}
