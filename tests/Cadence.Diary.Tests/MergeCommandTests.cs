using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Cadence.Sample.Tests;

/// <summary>
/// <c>merge FROM INTO</c> (with <c>--dry-run</c>), an alias in <c>log</c>, <c>show</c>, <c>edit</c> and <c>promise</c>, and
/// <c>remove ID --yes</c> (issue 28): what each says, what is written, and the one-line errors that write nothing.
/// </summary>
public sealed class MergeCommandTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public MergeCommandTests()
    {
        // Maria Rossi twice: the copy (as an import made it) has three touches, a next step, an e-mail and a campaign.
        _sandbox.InitEmpty(("Maria Rossi", "client"), ("Sam Okafor", "prospect"));
        Sandbox.Ok(_sandbox.RunToday("add", "Maria Rossi", "--id", "maria-rossi-2", "--tier", "contact", "--email", "maria@example.com"));
        foreach (string day in new[] { "2026-02-02", "2026-02-16", "2026-03-02" })
        {
            Sandbox.Ok(_sandbox.RunToday("log", "maria-rossi-2", "--channel", "call", "--on", day));
        }

        Sandbox.Ok(_sandbox.RunToday("promise", "maria-rossi-2", "--on", "2026-03-20", "--what", "send the deck"));
        Sandbox.Ok(_sandbox.RunToday("campaign", "add", "spring", "--tier", "contact", "--by", "2026-06-30"));
    }

    public void Dispose() => _sandbox.Dispose();

    private JsonElement Relationship(JsonDocument data, string id) =>
        data.RootElement.GetProperty("relationships").EnumerateArray().Single(r => r.Str("id") == id);

    [Fact]
    public void Merge_SaysWhatMoved_WritesIt_AndKeepsFromAsAnAlias()
    {
        var merged = Sandbox.Ok(_sandbox.RunToday("merge", "maria-rossi-2", "maria-rossi"));
        Assert.StartsWith(
            "Merged maria-rossi-2 into maria-rossi: 3 touches, 1 next step, 1 e-mail, 1 campaign; maria-rossi-2 is now an alias.\nNext: ",
            merged.Out,
            StringComparison.Ordinal);

        using var data = _sandbox.DataJson();
        Assert.DoesNotContain(data.RootElement.GetProperty("relationships").EnumerateArray(), r => r.Str("id") == "maria-rossi-2");
        var maria = Relationship(data, "maria-rossi");
        Assert.Equal(["maria-rossi-2"], maria.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["maria@example.com"], maria.GetProperty("emails").EnumerateArray().Select(a => a.GetString()));
        Assert.All(data.Touches(), t => Assert.Equal("maria-rossi", t.Str("relationship")));
        Assert.Equal(["maria-rossi-2/1", "maria-rossi-2/2", "maria-rossi-2/3"], data.Touches().Select(t => t.Str("id")));
        Assert.Equal(["maria-rossi"], data.RootElement.GetProperty("campaigns")[0].GetProperty("members").EnumerateArray().Select(m => m.GetString()));

        // The file reads back as it was written.
        Sandbox.Ok(_sandbox.RunToday("list"));
    }

    [Fact]
    public void Merge_DryRun_SaysTheSame_AndWritesNothing()
    {
        byte[] before = _sandbox.DataBytes();
        var dry = Sandbox.Ok(_sandbox.RunToday("merge", "maria-rossi-2", "maria-rossi", "--dry-run"));
        Assert.Equal(
            "Merged maria-rossi-2 into maria-rossi: 3 touches, 1 next step, 1 e-mail, 1 campaign; maria-rossi-2 is now an alias.\nNothing written (--dry-run).\n",
            dry.Out);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void AfterAMerge_CommandsTakeTheAlias()
    {
        Sandbox.Ok(_sandbox.RunToday("merge", "maria-rossi-2", "maria-rossi"));

        var logged = Sandbox.Ok(_sandbox.RunToday("log", "maria-rossi-2", "--channel", "note"));
        Assert.Contains("maria-rossi/4", logged.Out, StringComparison.Ordinal);
        using (var data = _sandbox.DataJson())
        {
            Assert.Equal("maria-rossi", data.Touch("maria-rossi/4").Str("relationship"));
        }

        var shown = Sandbox.Ok(_sandbox.RunToday("show", "maria-rossi-2"));
        Assert.Contains("Maria Rossi (maria-rossi)", shown.Out, StringComparison.Ordinal);
        Assert.Contains("(maria-rossi-2 is an alias of maria-rossi)", shown.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("is an alias of", Sandbox.Ok(_sandbox.RunToday("show", "maria-rossi")).Out, StringComparison.Ordinal);
        using (var json = Sandbox.Ok(_sandbox.RunToday("show", "maria-rossi-2", "--json")).Json())
        {
            Assert.Equal("maria-rossi-2", json.RootElement.GetProperty("relationship").Str("askedBy"));
        }

        Sandbox.Ok(_sandbox.RunToday("edit", "maria-rossi-2", "--tier", "partner"));
        Sandbox.Ok(_sandbox.RunToday("promise", "maria-rossi-2", "--on", "2026-04-01", "--what", "lunch"));
        using (var data = _sandbox.DataJson())
        {
            Assert.Equal("partner", Relationship(data, "maria-rossi").Str("tier"));
            Assert.All(data.RootElement.GetProperty("commitments").EnumerateArray(), c => Assert.Equal("maria-rossi", c.Str("relationship")));
        }

        // The alias is taken: add makes another id, and --id with it is refused.
        Assert.Equal("maria-rossi-3\n", Sandbox.Ok(_sandbox.RunToday("add", "Maria Rossi", "--tier", "client", "--id", "maria-rossi-3")).Out);
        var taken = Sandbox.Fails(_sandbox.RunToday("add", "Maria Rossi", "--tier", "client", "--id", "maria-rossi-2"));
        Assert.Contains("\"maria-rossi-2\" is already used by Maria Rossi (maria-rossi, merged from it)", taken.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("No relationship has the id \"nobody\"", "merge", "nobody", "maria-rossi")]
    [InlineData("No relationship has the id \"nobody\"", "merge", "maria-rossi", "nobody")]
    [InlineData("Cannot merge maria-rossi into itself", "merge", "maria-rossi", "maria-rossi")]
    [InlineData("No relationship has the id \"nobody\"", "remove", "nobody", "--yes")]
    [InlineData("remove would delete maria-rossi-2 (Maria Rossi): 3 touches, 1 next step, 1 campaign membership; add --yes", "remove", "maria-rossi-2")]
    public void BadInput_IsOneLine_AndWritesNothing(string said, params string[] args)
    {
        byte[] before = _sandbox.DataBytes();
        var failed = Sandbox.Fails(_sandbox.RunToday(args));
        Assert.Contains(said, failed.Error, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void Merge_ByAnAliasOfTheSameRelationship_AndRemoveByAnAlias_AreRefused()
    {
        Sandbox.Ok(_sandbox.RunToday("merge", "maria-rossi-2", "maria-rossi"));
        byte[] before = _sandbox.DataBytes();
        Assert.Contains(
            "maria-rossi-2 and maria-rossi are the same relationship (maria-rossi)",
            Sandbox.Fails(_sandbox.RunToday("merge", "maria-rossi-2", "maria-rossi")).Error,
            StringComparison.Ordinal);
        Assert.Contains(
            "maria-rossi-2 is an alias of maria-rossi (merged into it); remove maria-rossi to remove it",
            Sandbox.Fails(_sandbox.RunToday("remove", "maria-rossi-2", "--yes")).Error,
            StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
        Assert.Contains("merge takes two ids, FROM and INTO", Sandbox.Fails(_sandbox.RunToday("merge", "maria-rossi-2"), exitCode: 2).Error, StringComparison.Ordinal);
        Sandbox.Fails(_sandbox.RunToday("merge", "a", "b", "c"), exitCode: 2);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void Remove_WithYes_RemovesEverythingOfIt_AndSaysWhat()
    {
        var removed = Sandbox.Ok(_sandbox.RunToday("remove", "maria-rossi-2", "--yes"));
        Assert.Equal("Removed maria-rossi-2 (Maria Rossi): 3 touches, 1 next step, 1 campaign membership.\n", removed.Out);
        using var data = _sandbox.DataJson();
        Assert.Equal(["maria-rossi", "sam-okafor"], data.RootElement.GetProperty("relationships").EnumerateArray().Select(r => r.Str("id")));
        Assert.Empty(data.Touches());
        Assert.Equal(0, data.RootElement.TryGetProperty("commitments", out var c) ? c.GetArrayLength() : 0);
        Assert.Empty(data.RootElement.GetProperty("campaigns")[0].GetProperty("members").EnumerateArray());
    }

    [Fact]
    public void AliasesInTheFile_AreReadAndChecked()
    {
        Sandbox.Ok(_sandbox.RunToday("merge", "maria-rossi-2", "maria-rossi"));
        string text = File.ReadAllText(_sandbox.DataFile);
        File.WriteAllText(_sandbox.DataFile, text.Replace("\"aliases\": [\n        \"maria-rossi-2\"", "\"aliases\": [\n        \"sam-okafor\"", StringComparison.Ordinal));
        Assert.NotEqual(text, File.ReadAllText(_sandbox.DataFile));
        var failed = Sandbox.Fails(_sandbox.RunToday("list"));
        Assert.Contains("\"sam-okafor\"", failed.Error, StringComparison.Ordinal);
    }
}
