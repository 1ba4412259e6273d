using System;
using System.IO;
using System.Linq;

namespace Cadence.Sample.Tests;

/// <summary>--help on every command, and the exit code 2 for a wrong command line.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    public static TheoryData<string> Commands => new()
    {
        "agenda", "plan", "init", "add", "log", "promise", "move", "pause", "archive", "owner", "feed", "serve", "token",
        "done", "drop", "reopen", "ladders", "ladder", "list", "show", "edit", "unarchive", "resume", "unlog",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_EveryCommand_PrintsItsUsageAndExitsZero(string command)
    {
        var result = Sandbox.Ok(_sandbox.Run(command, "--help"));

        // System.CommandLine's help, with the command's details, example and exit codes after it.
        Assert.StartsWith("Description:\n", result.Out, StringComparison.Ordinal);
        // In this process the program is named after the test host; Help_TopLevel_ListsTheCommands runs the executable.
        Assert.Contains($"Usage:\n  {System.CommandLine.RootCommand.ExecutableName} {command}", result.Out, StringComparison.Ordinal);
        Assert.Contains("--data <FILE>", result.Out, StringComparison.Ordinal);
        Assert.Contains("--date <YYYY-MM-DD>", result.Out, StringComparison.Ordinal);
        Assert.Contains("Details:\n", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("Exit codes: 0 done, 1 bad input or an error (one line on stderr), 2 a wrong command line.\n", result.Out, StringComparison.Ordinal);
        Assert.Equal(result.Out, Sandbox.Ok(_sandbox.Run("help", command)).Out);
        Assert.False(File.Exists(_sandbox.DataFile));
    }

    [Fact]
    public void AMissingValue_IsAUsageError_NotAValueNamedLikeAnOption()
    {
        var result = Sandbox.Fails(_sandbox.Run("log", "sam-okafor", "--channel", "--data", "f.json"), exitCode: 2);

        Assert.Contains("--channel needs a value (CHANNEL), not the option --data", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_sandbox.Path("f.json")));
    }

    [Fact]
    public void Completions_ComeFromSystemCommandLine()
    {
        var result = Sandbox.Ok(_sandbox.Run("[suggest]", "un"));

        Assert.Equal(["unarchive", "unlog"], result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Help_TopLevel_ListsTheCommands()
    {
        // The real executable: its help names it.
        var result = Sandbox.Ok(_sandbox.RunProcess("--help"));
        Assert.Contains("Usage:\n  Cadence.Diary [command] [options]", result.Out, StringComparison.Ordinal);

        foreach (string command in Commands.Cast<object[]>().Select(row => (string)row[0]))
        {
            Assert.Contains($"  {command} ", result.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("agenda", "--bogus")]
    [InlineData("feed", "--json", "--out", "x.ics")]
    [InlineData("log", "sam-okafor")]
    [InlineData("log", "--channel", "call")]
    [InlineData("add", "Zoë", "--tier")]
    [InlineData("feed", "--out", "x.ics", "--tasks", "--digest")]
    [InlineData("archive", "a", "b")]
    [InlineData("done")]
    [InlineData("reopen", "a", "b")]
    [InlineData("unlog")]
    [InlineData("list", "--tier")]
    [InlineData("promise", "sam-okafor", "--on", "2026-03-20", "--what", "x", "--unless-reply=yes")]
    public void WrongCommandLine_ExitsTwoWithOneLine(params string[] args)
    {
        Sandbox.Fails(_sandbox.Run(args), exitCode: 2);
    }
}
