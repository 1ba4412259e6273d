using System;
using System.Linq;

namespace Cadence.Sample.Tests;

/// <summary>
/// The few things only the real executable shows (issue 27: the other tests run the commands in this process): its
/// exit codes as the shell sees them, one line on stderr and no stack trace, UTF-8 on redirected output with no colour
/// codes, and its notes on stderr.
/// </summary>
public sealed class ProcessTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void ExitCodes_AsTheShellSeesThem_ZeroOneAndTwo()
    {
        var agenda = Sandbox.Ok(_sandbox.RunProcessToday("agenda"));
        Assert.Contains("from the demo diary", agenda.Out, StringComparison.Ordinal);

        Sandbox.Fails(_sandbox.RunProcessToday("log", "nobody-at-all", "--channel", "call"), exitCode: 1);
        Sandbox.Fails(_sandbox.RunProcessToday("agenda", "--bogus"), exitCode: 2);
    }

    [Fact]
    public void RedirectedOutput_IsUtf8_WithoutColourCodes()
    {
        Sandbox.Ok(_sandbox.RunProcessToday("init", "--empty"));
        Sandbox.Ok(_sandbox.RunProcessToday("add", "Zoë Müller 李娜", "--tier", "client"));

        var list = Sandbox.Ok(_sandbox.RunProcessToday("list"));

        Assert.Contains("Zoë Müller 李娜", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', list.Out);
        Assert.True(list.Out.Split('\n').All(line => line == line.TrimEnd(' ')), "no line ends in spaces");
    }
}
