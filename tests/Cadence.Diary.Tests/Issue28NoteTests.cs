using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Cadence.Sample.Tests;

/// <summary>
/// Issue 28: a free-text note per relationship, on the demo diary as <c>init</c> writes it: set and cleared by
/// <c>edit --about</c>, kept in the data file as <c>note</c>, shown by <c>show</c> and <c>show --json</c>, never in the feed.
/// </summary>
public sealed class Issue28NoteTests : IDisposable, IClassFixture<DemoDataFile>
{
    private readonly Sandbox _sandbox = new();

    public Issue28NoteTests(DemoDataFile demo)
    {
        File.WriteAllBytes(_sandbox.DataFile, demo.Bytes);
    }

    public void Dispose() => _sandbox.Dispose();

    private JsonElement RelationshipInFile(string id)
    {
        using var data = _sandbox.DataJson();
        return data.RootElement.GetProperty("relationships").EnumerateArray().Single(r => r.Str("id") == id).Clone();
    }

    [Fact]
    public void EditAbout_SetsTheNote_KeptInTheFile_ShownByShowIndented_AndInShowJson()
    {
        var edit = Sandbox.Ok(_sandbox.RunToday("edit", "zoe-muller", "--about", "Two kids.\nAsks about Rome.\n  Prefers mornings."));

        Assert.Equal("Changed Zoë Müller (zoe-muller): note set.\n", edit.Out.Split('\n')[0] + "\n");
        Assert.Equal("Two kids.\nAsks about Rome.\n  Prefers mornings.", RelationshipInFile("zoe-muller").Str("note"));
        Assert.False(RelationshipInFile("sam-okafor").TryGetProperty("note", out _));

        string show = Sandbox.Ok(_sandbox.RunToday("show", "zoe-muller")).Out;
        Assert.Contains("  note     Two kids.\n           Asks about Rome.\n             Prefers mornings.\n", show, StringComparison.Ordinal);
        using (var json = Sandbox.Ok(_sandbox.RunToday("show", "zoe-muller", "--json")).Json())
        {
            Assert.Equal("Two kids.\nAsks about Rome.\n  Prefers mornings.", json.RootElement.GetProperty("relationship").Str("note"));
        }

        Assert.Contains("Changed Zoë Müller (zoe-muller): note changed.", Sandbox.Ok(_sandbox.RunToday("edit", "zoe-muller", "--about", "One line")).Out, StringComparison.Ordinal);
        Assert.Contains("  note     One line\n", Sandbox.Ok(_sandbox.RunToday("show", "zoe-muller")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void EditAboutEmpty_ClearsTheNote()
    {
        Sandbox.Ok(_sandbox.RunToday("edit", "zoe-muller", "--about", "Two kids."));

        var clear = Sandbox.Ok(_sandbox.RunToday("edit", "zoe-muller", "--about", ""));

        Assert.Contains("Changed Zoë Müller (zoe-muller): note cleared.", clear.Out, StringComparison.Ordinal);
        Assert.False(RelationshipInFile("zoe-muller").TryGetProperty("note", out _));
        Assert.DoesNotContain("  note ", Sandbox.Ok(_sandbox.RunToday("show", "zoe-muller")).Out, StringComparison.Ordinal);
        using var json = Sandbox.Ok(_sandbox.RunToday("show", "zoe-muller", "--json")).Json();
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("relationship").GetProperty("note").ValueKind);

        byte[] before = _sandbox.DataBytes();
        Assert.Contains("already has those details; nothing changed", Sandbox.Ok(_sandbox.RunToday("edit", "zoe-muller", "--about", "  ")).Out, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Theory]
    [InlineData("--about \"a\\u001B[31mb\" contains the control character U+001B at position 1", "a\u001b[31mb")]
    [InlineData("--about \"bell\\u0007\" contains the control character U+0007", "bell\u0007")]
    public void EditAbout_AControlCharacter_IsOneLineNamingIt_AndWritesNothing(string message, string about)
    {
        byte[] before = _sandbox.DataBytes();

        var result = Sandbox.Fails(_sandbox.RunToday("edit", "zoe-muller", "--about", about));

        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void EditAbout_TooLong_IsOneLineNamingIt_AndWritesNothing()
    {
        byte[] before = _sandbox.DataBytes();

        var result = Sandbox.Fails(_sandbox.RunToday("edit", "zoe-muller", "--about", new string('x', 4001)));

        Assert.Contains("--about \"xxxx", result.Error, StringComparison.Ordinal);
        Assert.Contains("is 4001 characters long; at most 4000 are allowed", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void ABadNote_InTheDataFile_IsAnErrorNamingItsPlace()
    {
        string text = File.ReadAllText(_sandbox.DataFile).Replace("\"id\": \"sam-okafor\",", "\"id\": \"sam-okafor\",\n      \"note\": \"a\\u0007b\",", StringComparison.Ordinal);
        File.WriteAllText(_sandbox.DataFile, text);

        var result = Sandbox.Fails(_sandbox.RunToday("show", "sam-okafor"));

        Assert.Contains(".note: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("U+0007", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EditHelp_SaysWhyTheOptionIsAbout_NotNote()
    {
        string help = Sandbox.Ok(_sandbox.Run("edit", "--help")).Out;

        Assert.Contains("--about", help, StringComparison.Ordinal);
        Assert.Contains("Not --note: in log and fix that is a touch's summary", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_NeverWritesTheNote()
    {
        Sandbox.Ok(_sandbox.RunToday("edit", "zoe-muller", "--about", "SECRET about Zoë"));
        Sandbox.Ok(_sandbox.RunToday("edit", "sam-okafor", "--about", "SECRET about Sam"));

        Sandbox.Ok(_sandbox.RunToday("feed", "--out", "full.ics"));
        Sandbox.Ok(_sandbox.RunToday("feed", "--out", "digest.ics", "--digest"));

        string full = File.ReadAllText(_sandbox.Path("full.ics"));
        Assert.Contains("Zoë", full, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", full, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", File.ReadAllText(_sandbox.Path("digest.ics")), StringComparison.Ordinal);
    }
}
