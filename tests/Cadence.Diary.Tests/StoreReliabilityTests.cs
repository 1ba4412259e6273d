using System;
using System.IO;
using System.Linq;

namespace Cadence.Sample.Tests;

/// <summary>
/// The data file behind links, read-only, with a planted lock file, after a crash: its writes go to the real file,
/// keep its mode, never replace what its owner protected, and leave nothing behind.
/// </summary>
public sealed class StoreReliabilityTests : IDisposable, IClassFixture<DemoDataFile>
{
    private readonly Sandbox _sandbox = new();
    private readonly string _real;

    public StoreReliabilityTests(DemoDataFile demo)
    {
        Directory.CreateDirectory(_sandbox.Path("real"));
        _real = _sandbox.Path("real/diary.json");
        File.WriteAllBytes(_real, demo.Bytes);
    }

    public void Dispose() => _sandbox.Dispose();

    private int TouchesOf(string id) =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(_real)).RootElement.GetProperty("touches").EnumerateArray()
            .Count(t => t.Str("relationship") == id);

    [Fact]
    public void ThroughASymbolicLink_TheRealFileIsWritten_AndTheLinkStaysALink()
    {
        string link = _sandbox.Path("link.json");
        File.CreateSymbolicLink(link, _real);
        int before = TouchesOf("sam-okafor");

        Sandbox.Ok(_sandbox.RunToday("log", "sam-okafor", "--channel", "call", "--data", link));

        Assert.Equal(before + 1, TouchesOf("sam-okafor"));
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.False(File.Exists(_sandbox.Path("link.json.lock")), "the lock is the real file's");
        Assert.True(File.Exists(_real + ".lock"));
    }

    [Fact]
    public void WritersOnTheLinkAndOnTheRealPath_TakeOneLock_NoTouchLost()
    {
        string link = _sandbox.Path("link.json");
        File.CreateSymbolicLink(link, _real);
        int before = TouchesOf("chen-jing");

        var processes = Enumerable.Range(0, 8)
            .Select(i => _sandbox.Start("log", "chen-jing", "--channel", "note", "--note", $"note {i}", "--date", Sandbox.Today, "--data", i % 2 == 0 ? link : _real))
            .ToList();
        foreach (var process in processes)
        {
            Assert.True(process.WaitForExit(Sandbox.HangGuard));
            Assert.Equal(0, process.ExitCode);
            process.Dispose();
        }

        Assert.Equal(before + 8, TouchesOf("chen-jing"));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void TheFileKeepsItsMode_AndTheLockFileIsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(_real, mode);

        Sandbox.Ok(_sandbox.RunToday("log", "sam-okafor", "--channel", "call", "--data", _real));

        Assert.Equal(mode, File.GetUnixFileMode(_real));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_real + ".lock"));
    }

    [Fact]
    public void AReadOnlyFile_IsRefused_NotReplaced()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(_real, UnixFileMode.UserRead);
        byte[] before = File.ReadAllBytes(_real);

        var result = Sandbox.Fails(_sandbox.RunToday("log", "sam-okafor", "--channel", "call", "--data", _real));

        Assert.Contains("is read-only; make it writable (chmod u+w) to change it", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(_real));
        Assert.Equal(UnixFileMode.UserRead, File.GetUnixFileMode(_real));
        Sandbox.Ok(_sandbox.RunToday("agenda", "--data", _real)); // reading it is fine
    }

    [Fact]
    public void ALockFilePlantedAsASymbolicLink_IsRefused_ItsTargetUntouched()
    {
        string victim = _sandbox.Path("victim.txt");
        File.WriteAllText(victim, "keep me");
        File.CreateSymbolicLink(_real + ".lock", victim);
        byte[] before = File.ReadAllBytes(_real);

        var result = Sandbox.Fails(_sandbox.RunToday("log", "sam-okafor", "--channel", "call", "--data", _real));

        Assert.Contains("is a symbolic link; a lock file must be a plain file", result.Error, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(victim));
        Assert.Equal(before, File.ReadAllBytes(_real));
    }

    [Fact]
    public void TemporaryFilesOfAnInterruptedWrite_AreRemovedAndReported_NeverAccumulate()
    {
        string[] leftovers = [_sandbox.Path("real/.diary.json.0123456789ab.tmp"), _sandbox.Path("real/.diary.json.ba9876543210.tmp")];
        foreach (string leftover in leftovers)
        {
            File.WriteAllText(leftover, "{\"format\": 1, \"feed\": {\"token\": \"secret\"}}");
        }

        var result = _sandbox.RunToday("log", "sam-okafor", "--channel", "call", "--data", _real);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("note: removed 2 temporary files left next to", result.Error, StringComparison.Ordinal);
        Assert.All(leftovers, leftover => Assert.False(File.Exists(leftover)));
        Assert.Equal(["diary.json", "diary.json.lock"], Directory.GetFiles(_sandbox.Path("real")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AFileWithHardLinks_IsRefused_NeitherNameLosesTheOther()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string other = _sandbox.Path("other-name.json");
        using (var ln = System.Diagnostics.Process.Start("ln", [_real, other]))
        {
            ln.WaitForExit();
            Assert.Equal(0, ln.ExitCode);
        }

        byte[] before = File.ReadAllBytes(_real);

        var result = Sandbox.Fails(_sandbox.RunToday("log", "sam-okafor", "--channel", "call", "--data", _real));

        Assert.Contains("has 2 hard links; writing it would give this name the change and leave the others without", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(_real));
        Assert.Equal(before, File.ReadAllBytes(other));
        Sandbox.Ok(_sandbox.RunToday("agenda", "--data", other)); // reading it is fine
    }
}
