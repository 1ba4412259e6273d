using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Cadence.Sample.Tests;

/// <summary>
/// Issue 28's daily corrections as commands, on the demo diary as <c>init</c> writes it (today Fri 13 Mar 2026):
/// <c>fix</c>, touch ids never reused, tags, a relationship's note, and addresses already another relationship's.
/// </summary>
public sealed class Issue28CorrectionTests : IDisposable, IClassFixture<DemoDataFile>
{
    private readonly Sandbox _sandbox = new();

    public Issue28CorrectionTests(DemoDataFile demo)
    {
        File.WriteAllBytes(_sandbox.DataFile, demo.Bytes);
    }

    public void Dispose() => _sandbox.Dispose();

    private JsonElement TouchInFile(string id)
    {
        using var data = _sandbox.DataJson();
        return data.Touch(id).Clone();
    }

    private string CommitmentStatus(string id)
    {
        using var data = _sandbox.DataJson();
        var c = data.RootElement.GetProperty("commitments").EnumerateArray().Single(c => c.Str("id") == id);
        return c.TryGetProperty("status", out var status) ? status.GetString()! : "open";
    }

    [Fact]
    public void Fix_MovesATouchToAnotherDayAndChannel_KeepsItsId_AndClosesTheStepItNowTakes()
    {
        Assert.Equal("open", CommitmentStatus("sam-okafor-2"));

        var fix = Sandbox.Ok(_sandbox.RunToday("fix", "sam-okafor/2", "--on", "2026-03-13", "--channel", "call"));

        Assert.Equal(
            "Fixed sam-okafor/2: on Fri 13 Mar 2026 (was Thu 5 Mar), call (was note).\nDone: chase feedback on the proposal (sam-okafor-2).\n",
            fix.Out);
        var touch = TouchInFile("sam-okafor/2");
        Assert.Equal(("2026-03-13", "call", "email", "Sent the proposal"), (touch.Str("date"), touch.Str("channel"), touch.Str("medium"), touch.Str("summary")));
        Assert.Equal("done", CommitmentStatus("sam-okafor-2"));

        var back = Sandbox.Ok(_sandbox.RunToday("fix", "sam-okafor/2", "--on", "2025-12-30", "--channel", "email"));
        Assert.Equal(
            "Fixed sam-okafor/2: on Tue 30 Dec 2025 (was Fri 13 Mar 2026), note (was call).\nOpen again: chase feedback on the proposal (sam-okafor-2), which it had closed.\n",
            back.Out);
        Assert.Equal("open", CommitmentStatus("sam-okafor-2"));
        using var data = _sandbox.DataJson();
        Assert.Equal(2, data.Touches().Count(t => t.Str("relationship") == "sam-okafor"));
    }

    [Fact]
    public void Fix_ChangesTheMediumNoteDirectionAndOutcome_AndSaysWhatEachWas()
    {
        var fix = Sandbox.Ok(_sandbox.RunToday("fix", "sam-okafor/2", "--inbound", "--no-reply", "--medium", "LinkedIn", "--note", "Asked for the proposal"));

        Assert.Equal(
            "Fixed sam-okafor/2: medium LinkedIn (was email), note \"Asked for the proposal\" (was \"Sent the proposal\"), inbound (was outbound), no reply (was connected).\n",
            fix.Out);
        var touch = TouchInFile("sam-okafor/2");
        Assert.Equal(("inbound", "no-reply", "LinkedIn", "Asked for the proposal"), (touch.Str("direction"), touch.Str("outcome"), touch.Str("medium"), touch.Str("summary")));

        var again = Sandbox.Ok(_sandbox.RunToday("fix", "sam-okafor/2", "--outbound", "--replied", "--note", "", "--medium", ""));
        Assert.Equal("Fixed sam-okafor/2: medium none (was LinkedIn), note none (was \"Asked for the proposal\"), outbound (was inbound), connected (was no reply).\n", again.Out);
        touch = TouchInFile("sam-okafor/2");
        Assert.False(touch.TryGetProperty("summary", out _));
        Assert.False(touch.TryGetProperty("medium", out _));
        Assert.False(touch.TryGetProperty("direction", out var d) && d.GetString() == "inbound");
    }

    [Fact]
    public void Fix_ToWhatItAlreadySays_ChangesNothing()
    {
        byte[] before = _sandbox.DataBytes();

        var fix = Sandbox.Ok(_sandbox.RunToday("fix", "sam-okafor/2", "--channel", "note", "--outbound"));

        Assert.Equal("sam-okafor/2 already has those details; nothing changed.\n", fix.Out);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Theory]
    [InlineData(1, "No touch has the id \"sam-okafor/9\" (did you mean sam-okafor/1 or sam-okafor/2?)", "fix", "sam-okafor/9", "--channel", "call")]
    [InlineData(1, "--on 2026-03-14 is after today", "fix", "sam-okafor/2", "--on", "2026-03-14")]
    [InlineData(1, "Bad date \"yesterday\"", "fix", "sam-okafor/2", "--on", "yesterday")]
    [InlineData(1, "\"fax\"", "fix", "sam-okafor/2", "--channel", "fax")]
    [InlineData(1, "--note \"a\\u001Bb\" contains the control character U+001B", "fix", "sam-okafor/2", "--note", "a\u001bb")]
    [InlineData(2, "fix needs something to change", "fix", "sam-okafor/2")]
    [InlineData(2, "--inbound or --outbound, not both", "fix", "sam-okafor/2", "--inbound", "--outbound")]
    [InlineData(2, "--no-reply or --replied, not both", "fix", "sam-okafor/2", "--no-reply", "--replied")]
    public void Fix_BadInput_IsOneLineNamingIt_AndWritesNothing(int exitCode, string message, params string[] args)
    {
        byte[] before = _sandbox.DataBytes();

        var result = Sandbox.Fails(_sandbox.RunToday(args), exitCode);

        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void Unlog_ThenLog_GivesANewTouchId_KeptInTheDataFileAcrossRuns()
    {
        Assert.Contains("(sam-okafor/3)", Sandbox.Ok(_sandbox.RunToday("log", "sam-okafor", "--channel", "phone")).Out, StringComparison.Ordinal);
        Sandbox.Ok(_sandbox.RunToday("unlog", "sam-okafor/3"));

        using (var data = _sandbox.DataJson())
        {
            var sam = data.RootElement.GetProperty("relationships").EnumerateArray().Single(r => r.Str("id") == "sam-okafor");
            Assert.Equal(3, sam.GetProperty("touchNumber").GetInt32());
            Assert.All(
                data.RootElement.GetProperty("relationships").EnumerateArray().Where(r => r.Str("id") != "sam-okafor"),
                r => Assert.False(r.TryGetProperty("touchNumber", out _)));
        }

        // Every command reads the file again: the number removed is not given again.
        Assert.Contains("(sam-okafor/4)", Sandbox.Ok(_sandbox.RunToday("log", "sam-okafor", "--channel", "phone")).Out, StringComparison.Ordinal);
        using (var data = _sandbox.DataJson())
        {
            var sam = data.RootElement.GetProperty("relationships").EnumerateArray().Single(r => r.Str("id") == "sam-okafor");
            Assert.False(sam.TryGetProperty("touchNumber", out _)); // sam-okafor/4 says it now
        }

        Sandbox.Ok(_sandbox.RunToday("unlog", "sam-okafor/4"));
        Sandbox.Ok(_sandbox.RunToday("unlog", "sam-okafor/2"));
        Assert.Contains("(sam-okafor/5)", Sandbox.Ok(_sandbox.RunToday("log", "sam-okafor", "--channel", "phone")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ATouchNumberBelowOne_InTheDataFile_IsAnErrorNamingItsPlace()
    {
        string text = File.ReadAllText(_sandbox.DataFile).Replace("\"id\": \"sam-okafor\",", "\"id\": \"sam-okafor\",\n      \"touchNumber\": 0,", StringComparison.Ordinal);
        File.WriteAllText(_sandbox.DataFile, text);

        var result = Sandbox.Fails(_sandbox.RunToday("show", "sam-okafor"));

        Assert.Contains(".touchNumber: 0 is not a touch number", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_AreGivenByAdd_AddedAndRemovedByEdit_ShownByShow_AndFoundByListSearch()
    {
        Assert.Equal("ana-lima\n", Sandbox.Ok(_sandbox.RunToday("add", "Ana Lima", "--tier", "prospect", "--tag", "Lisbon", "--tag", "web summit")).Out);
        using (var show = Sandbox.Ok(_sandbox.RunToday("show", "ana-lima", "--json")).Json())
        {
            Assert.Equal(["Lisbon", "web summit"], show.RootElement.GetProperty("relationship").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        }

        Assert.Contains("  tags     Lisbon, web summit", Sandbox.Ok(_sandbox.RunToday("show", "ana-lima")).Out, StringComparison.Ordinal);
        using (var found = Sandbox.Ok(_sandbox.RunToday("list", "--search", "summit", "--json")).Json())
        {
            Assert.Equal(["ana-lima"], found.RootElement.GetProperty("relationships").EnumerateArray().Select(r => r.Str("id")));
        }

        var edit = Sandbox.Ok(_sandbox.RunToday("edit", "zoe-muller", "--tag", "vip", "--untag", "berlin"));
        Assert.Contains("Changed Zoë Müller (zoe-muller): tags Berlin, retainer → retainer, vip.", edit.Out, StringComparison.Ordinal);
        using var data = _sandbox.DataJson();
        var zoe = data.RootElement.GetProperty("relationships").EnumerateArray().Single(r => r.Str("id") == "zoe-muller");
        Assert.Equal(["retainer", "vip"], zoe.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Theory]
    [InlineData("--untag vip: Zoë Müller (zoe-muller) has no such tag (its tags: Berlin, retainer); nothing was changed.", "edit", "zoe-muller", "--untag", "vip")]
    [InlineData("--tag \"a\\u0007b\" contains the control character U+0007", "edit", "zoe-muller", "--tag", "a\u0007b")]
    [InlineData("--tag must not be empty or blank", "edit", "zoe-muller", "--tag", " ")]
    [InlineData("--tag \"a\\u0007b\" contains the control character U+0007", "add", "Ana Lima", "--tier", "client", "--tag", "a\u0007b")]
    public void Tags_BadInput_IsOneLineNamingIt_AndWritesNothing(string message, params string[] args)
    {
        byte[] before = _sandbox.DataBytes();

        var result = Sandbox.Fails(_sandbox.RunToday(args));

        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void Edit_RefusesAnAddressOrNumberAlreadyAnotherRelationships_NamingWhose_AndWritesNothing()
    {
        Sandbox.Ok(_sandbox.RunToday("add", "Maria Rossi", "--tier", "client", "--email", "maria@example.com", "--phone", "+39 06 1234 5678"));
        byte[] before = _sandbox.DataBytes();

        var email = Sandbox.Fails(_sandbox.RunToday("edit", "sam-okafor", "--email", "sam@example.com", "--email", " Maria@Example.COM "));
        Assert.Equal("Cadence.Diary: The e-mail Maria@Example.COM is already maria-rossi's (Maria Rossi); nothing was changed.\n", email.Error);
        var phone = Sandbox.Fails(_sandbox.RunToday("edit", "sam-okafor", "--phone", "+39 (06) 1234-5678"));
        Assert.Equal("Cadence.Diary: The phone number +39 (06) 1234-5678 is already maria-rossi's (Maria Rossi); nothing was changed.\n", phone.Error);
        Assert.Equal(before, _sandbox.DataBytes());

        // Her own address, and one nobody has, are fine.
        Sandbox.Ok(_sandbox.RunToday("edit", "maria-rossi", "--email", "maria@example.com", "--email", "m.rossi@example.com"));
        Assert.Contains("e-mail none → sam@example.com", Sandbox.Ok(_sandbox.RunToday("edit", "sam-okafor", "--email", "sam@example.com")).Out, StringComparison.Ordinal);
    }
}
