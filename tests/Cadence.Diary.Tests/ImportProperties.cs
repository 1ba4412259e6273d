using System;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cadence.Sample.Tests;

/// <summary>
/// Issue 26, as the sample lives it: whatever calendar file is imported, with whichever flags, the diary it saves is one
/// every command opens again (agenda, plan, list, owner, the feed); a refused import leaves the data file as it was.
/// The commands run in this process, the diary in a directory of its own.
/// </summary>
public sealed class ImportProperties : IDisposable
{
    private static readonly string[][] Flags = [[], ["--time-off"], ["--holidays"], ["--time-off", "--since", "2025-01-01"]];

    private readonly Sandbox _sandbox = new();

    private readonly byte[] _empty;

    public ImportProperties()
    {
        Ok("init", "--empty");
        Ok("owner", "--zone", "Europe/London");
        Ok("add", "Zoë Müller", "--tier", "client", "--email", "zoe.mueller@example.com");
        _empty = _sandbox.DataBytes();
    }

    public void Dispose() => _sandbox.Dispose();

    /// <summary>The commands in this process (<see cref="Sandbox.Run"/>), on the sandbox's diary, on its today.</summary>
    private (int Exit, string Out, string Error) Run(params string[] args) =>
        _sandbox.RunToday(args) is var r ? (r.ExitCode, r.Out, r.Error) : default;

    private void Ok(params string[] args)
    {
        var (exit, _, error) = Run(args);
        Assert.True(exit == 0, $"{string.Join(' ', args)}: exit {exit}: {error}");
    }

    [Property(MaxTest = 60, QuietOnSuccess = true)]
    public Property AnyCalendar_TheSavedDiaryOpensInEveryCommand_ARefusalWritesNothing() =>
        Prop.ForAll(
            (from count in Gen.Choose(1, 8)
             from events in Gen.ArrayOf(HostileCalendars.Event, count)
             from flags in Gen.Elements(Flags)
             from twice in Gen.Elements(false, true)
             select (events, flags, twice)).ToArbitrary(),
            x =>
            {
                var (events, flags, twice) = x;
                File.WriteAllBytes(_sandbox.DataFile, _empty);
                File.WriteAllText(_sandbox.Path("hostile.ics"), HostileCalendars.File(events));

                var (exit, _, error) = Run(["import", "calendar", _sandbox.Path("hostile.ics"), .. flags]);
                if (exit != 0)
                {
                    // Refused: one line naming why, and the diary as it was.
                    Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                    Assert.Equal(_empty, _sandbox.DataBytes());
                }

                if (twice)
                {
                    // Again: the same file adds nothing more.
                    byte[] once = _sandbox.DataBytes();
                    Assert.Equal(exit, Run(["import", "calendar", _sandbox.Path("hostile.ics"), .. flags]).Exit);
                    Assert.Equal(once, _sandbox.DataBytes());
                }

                foreach (string[] command in new[] { new[] { "agenda", "--days", "14" }, ["plan"], ["list"], ["owner"], ["feed", "--out", _sandbox.Path("feed.ics")], ["dates"] })
                {
                    Ok(command);
                }

                return true;
            });
}
