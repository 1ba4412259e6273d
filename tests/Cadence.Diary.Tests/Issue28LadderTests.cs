using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Cadence.Sample.Tests;

/// <summary>
/// Issue 28: follow-up ladders from the command line (<c>ladder add|default|list|remove</c>), kept in the data file's
/// <c>ladders</c> and used by <c>log --follow-up NAME</c> and a tier's default right after.
/// </summary>
public sealed class Issue28LadderTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public Issue28LadderTests()
    {
        _sandbox.InitEmpty(("Sam Okafor", "prospect"), ("Zoë Müller", "client"));
    }

    public void Dispose() => _sandbox.Dispose();

    private JsonElement LaddersInFile()
    {
        using var data = _sandbox.DataJson();
        return data.RootElement.TryGetProperty("ladders", out var ladders) ? ladders.Clone() : default;
    }

    private static string[] TiersOf(JsonElement ladder) =>
        ladder.TryGetProperty("tiers", out var tiers) ? [.. tiers.EnumerateArray().Select(t => t.GetString()!)] : [];

    [Fact]
    public void Add_NamesALadder_KeptInTheFile_AndLogFollowsUpWithItRightAfter()
    {
        var add = Sandbox.Ok(_sandbox.RunToday("ladder", "add", "chase", "3wd:email,5wd:phone"));

        Assert.StartsWith("Added the ladder \"chase\": 3wd:note,5wd:call.", add.Out, StringComparison.Ordinal);
        var chase = LaddersInFile().GetProperty("chase");
        Assert.Equal("3wd:note,5wd:call", chase.Str("steps"));
        Assert.Empty(TiersOf(chase));

        var log = Sandbox.Ok(_sandbox.RunToday("log", "sam-okafor", "--channel", "email", "--follow-up", "chase"));
        Assert.Contains("first follow-up of 2 if no reply (ladder \"chase\")", log.Out, StringComparison.Ordinal);
        using var data = _sandbox.DataJson();
        var followUp = data.Touches().Single().GetProperty("followUp");
        Assert.Equal(("chase", "3wd:note,5wd:call"), (followUp.Str("ladder"), followUp.Str("steps")));
    }

    [Fact]
    public void Add_ANameTaken_IsRefusedWithoutReplace_AndReplacedWithIt_KeepingItsTiers()
    {
        Sandbox.Ok(_sandbox.RunToday("ladder", "add", "chase", "3wd:note,5wd:call"));
        Sandbox.Ok(_sandbox.RunToday("ladder", "default", "prospect", "chase"));
        byte[] before = _sandbox.DataBytes();

        var taken = Sandbox.Fails(_sandbox.RunToday("ladder", "add", "CHASE", "2d:call"));
        Assert.Equal("Cadence.Diary: A ladder is already named \"chase\" (3wd:note,5wd:call); add --replace to replace its steps, or choose another name; nothing was changed.\n", taken.Error);
        Assert.Equal(before, _sandbox.DataBytes());

        var replace = Sandbox.Ok(_sandbox.RunToday("ladder", "add", "CHASE", "2d:call", "--replace"));
        Assert.StartsWith("Replaced the ladder \"chase\": 2d:call (was 3wd:note,5wd:call); still the default of \"prospect\".", replace.Out, StringComparison.Ordinal);
        var chase = LaddersInFile().GetProperty("chase");
        Assert.Equal("2d:call", chase.Str("steps"));
        Assert.Equal(["prospect"], TiersOf(chase));

        var log = Sandbox.Ok(_sandbox.RunToday("log", "sam-okafor", "--channel", "email"));
        Assert.Contains("a call: first follow-up of 1 if no reply (ladder \"chase\")", log.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_SetsMovesAndClearsATiersLadder_AndLogUsesItRightAfter()
    {
        Sandbox.Ok(_sandbox.RunToday("ladder", "add", "chase", "3wd:note,5wd:call"));
        Sandbox.Ok(_sandbox.RunToday("ladder", "add", "quick", "2d:call"));

        var set = Sandbox.Ok(_sandbox.RunToday("ladder", "default", "prospect", "chase"));
        Assert.Equal("The tier \"prospect\" now follows up with \"chase\" (3wd:note,5wd:call) when log is given no --follow-up.\n", set.Out);
        Assert.Equal(["prospect"], TiersOf(LaddersInFile().GetProperty("chase")));
        Assert.Contains("(ladder \"chase\")", Sandbox.Ok(_sandbox.RunToday("log", "sam-okafor", "--channel", "email")).Out, StringComparison.Ordinal);

        var move = Sandbox.Ok(_sandbox.RunToday("ladder", "default", "Prospect", "QUICK"));
        Assert.Equal("The tier \"Prospect\" now follows up with \"quick\" (2d:call) (was \"chase\") when log is given no --follow-up.\n", move.Out);
        Assert.Empty(TiersOf(LaddersInFile().GetProperty("chase")));
        Assert.Equal(["Prospect"], TiersOf(LaddersInFile().GetProperty("quick")));

        var clear = Sandbox.Ok(_sandbox.RunToday("ladder", "default", "prospect", "none"));
        Assert.StartsWith("The tier \"prospect\" has no default ladder now (was \"quick\")", clear.Out, StringComparison.Ordinal);
        Assert.Empty(TiersOf(LaddersInFile().GetProperty("quick")));
        Assert.DoesNotContain("follow-up", Sandbox.Ok(_sandbox.RunToday("log", "sam-okafor", "--channel", "note")).Out, StringComparison.Ordinal);

        byte[] before = _sandbox.DataBytes();
        Assert.Equal("The tier \"prospect\" has no default ladder; nothing changed.\n", Sandbox.Ok(_sandbox.RunToday("ladder", "default", "prospect", "none")).Out);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void Default_ATierNobodyIsIn_IsSetAndSaidSo()
    {
        Sandbox.Ok(_sandbox.RunToday("ladder", "add", "chase", "3wd:note"));

        var set = Sandbox.Ok(_sandbox.RunToday("ladder", "default", "referral source", "chase"));

        Assert.Contains("No relationship is in the tier \"referral source\" yet.", set.Out, StringComparison.Ordinal);
        Assert.Equal(["referral source"], TiersOf(LaddersInFile().GetProperty("chase")));
    }

    [Fact]
    public void List_ShowsEachLadderItsStepsAndTiers_AsATableAndAsJson()
    {
        Assert.Contains("None named yet: `ladder add NAME 3wd:note,5wd:call`", Sandbox.Ok(_sandbox.RunToday("ladder", "list")).Out, StringComparison.Ordinal);
        Sandbox.Ok(_sandbox.RunToday("ladder", "add", "chase", "3wd:note,5wd:call"));
        Sandbox.Ok(_sandbox.RunToday("ladder", "add", "quick", "2d:call"));
        Sandbox.Ok(_sandbox.RunToday("ladder", "default", "prospect", "chase"));
        Sandbox.Ok(_sandbox.RunToday("ladder", "default", "client", "chase"));

        string table = Sandbox.Ok(_sandbox.RunToday("ladder", "list")).Out;
        Assert.Matches(@"chase\s+3wd:note,5wd:call\s+prospect, client", table);
        Assert.Matches(@"quick\s+2d:call\s+-", table);

        using var json = Sandbox.Ok(_sandbox.RunToday("ladder", "list", "--json")).Json();
        Assert.Equal("ladder list", json.RootElement.Str("command"));
        var ladders = json.RootElement.GetProperty("ladders").EnumerateArray().ToList();
        Assert.Equal(["chase", "quick"], ladders.Select(l => l.Str("name")));
        Assert.Equal(["3wd:note,5wd:call", "2d:call"], ladders.Select(l => l.Str("steps")));
        Assert.Equal(["prospect", "client"], ladders[0].GetProperty("tiers").EnumerateArray().Select(t => t.GetString()));
        Assert.Empty(ladders[1].GetProperty("tiers").EnumerateArray());
    }

    [Fact]
    public void Remove_IsRefusedWhileATierHasItOrATouchFollowsIt_NamingThem_ElseRemovesIt()
    {
        Sandbox.Ok(_sandbox.RunToday("ladder", "add", "chase", "3wd:note,5wd:call"));
        Sandbox.Ok(_sandbox.RunToday("ladder", "add", "quick", "2d:call"));
        Sandbox.Ok(_sandbox.RunToday("ladder", "add", "spare", "1d:note"));
        Sandbox.Ok(_sandbox.RunToday("ladder", "default", "prospect", "chase"));
        Sandbox.Ok(_sandbox.RunToday("log", "zoe-muller", "--channel", "email", "--follow-up", "quick"));
        byte[] before = _sandbox.DataBytes();

        var tier = Sandbox.Fails(_sandbox.RunToday("ladder", "remove", "chase"));
        Assert.Equal("Cadence.Diary: The ladder \"chase\" is the default of the tier \"prospect\"; `ladder default TIER none` (or another ladder) first; nothing was changed.\n", tier.Error);
        var touch = Sandbox.Fails(_sandbox.RunToday("ladder", "remove", "Quick"));
        Assert.Equal("Cadence.Diary: The ladder \"quick\" is followed by 1 touch (zoe-muller/1); it stays, so they keep naming a ladder of the file; nothing was changed.\n", touch.Error);
        Assert.Equal(before, _sandbox.DataBytes());

        Assert.Equal("Removed the ladder \"spare\" (1d:note).\n", Sandbox.Ok(_sandbox.RunToday("ladder", "remove", "spare")).Out);
        Assert.False(LaddersInFile().TryGetProperty("spare", out _));
        Sandbox.Ok(_sandbox.RunToday("ladder", "default", "prospect", "none"));
        Sandbox.Ok(_sandbox.RunToday("ladder", "remove", "chase"));
        Assert.Equal(["quick"], LaddersInFile().EnumerateObject().Select(p => p.Name));

        var unknown = Sandbox.Fails(_sandbox.RunToday("log", "sam-okafor", "--channel", "email", "--follow-up", "chase"));
        Assert.Contains("No follow-up ladder is named \"chase\" (named ones: quick)", unknown.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "Bad follow-up step \"3:note\" in ladder add", "ladder", "add", "chase", "3:note")]
    [InlineData(1, "Unknown channel \"pigeon\" for ladder add", "ladder", "add", "chase", "3wd:pigeon")]
    [InlineData(1, "mixes working days (wd) and calendar days (d)", "ladder", "add", "chase", "3wd:note,5d:call")]
    [InlineData(1, "The ladder name \"none\" means no ladder to log --follow-up", "ladder", "add", "none", "3wd:note")]
    [InlineData(1, "The ladder name \"a:b\" has a ':'", "ladder", "add", "a:b", "3wd:note")]
    [InlineData(1, "The ladder name \"a\\u001Bb\" contains a control character", "ladder", "add", "a\u001bb", "3wd:note")]
    [InlineData(1, "The ladder name \"\" is blank", "ladder", "add", " ", "3wd:note")]
    [InlineData(1, "No follow-up ladder is named \"slow\" (the data file has none); add it with `ladder add NAME STEPS`", "ladder", "default", "prospect", "slow")]
    [InlineData(1, "ladder default TIER \"a\\u0007b\" contains the control character U+0007", "ladder", "default", "a\u0007b", "none")]
    [InlineData(1, "No follow-up ladder is named \"slow\" (the data file has none); nothing was changed.", "ladder", "remove", "slow")]
    [InlineData(2, "ladder \"rename\" is not add, default, list or remove", "ladder", "rename", "a")]
    [InlineData(2, "ladder add takes NAME STEPS", "ladder", "add", "chase")]
    [InlineData(2, "ladder default takes TIER NAME", "ladder", "default", "prospect")]
    [InlineData(2, "ladder list takes no arguments", "ladder", "list", "x")]
    [InlineData(2, "--replace is for ladder add", "ladder", "list", "--replace")]
    [InlineData(2, "--json is for ladder list", "ladder", "remove", "chase", "--json")]
    public void BadInput_IsOneLineNamingIt_AndWritesNothing(int exitCode, string message, params string[] args)
    {
        byte[] before = _sandbox.DataBytes();

        var result = Sandbox.Fails(_sandbox.RunToday(args), exitCode);

        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }
}
