using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cadence.Sample.Tests;

/// <summary>
/// The essays' next steps through the console, lived morning by morning with <c>--date</c>: a ladder decided when the
/// email goes out, a step that waits for their reply, and steps done, dropped and reopened.
/// </summary>
public sealed class NextStepTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private void StartWithSam()
    {
        Sandbox.Ok(_sandbox.Run("init", "--empty", "--date", "2026-03-02"));
        Sandbox.Ok(_sandbox.Run("add", "Sam Okafor", "--tier", "prospect", "--date", "2026-03-02"));
    }

    private JsonElement PlanOf(string id, string day)
    {
        using var plan = Sandbox.Ok(_sandbox.Run("plan", "--json", "--date", day)).Json();
        return plan.Touch(id).Clone();
    }

    [Fact]
    public void Ladder_DecidedWhenTheEmailGoesOut_LivedDayByDay_UntilTheirReplyStopsIt()
    {
        StartWithSam();

        // Tue 3 Mar: the proposal goes out, and with it the plan if no reply comes.
        var sent = Sandbox.Ok(_sandbox.Run(
            "log", "sam-okafor", "--channel", "email", "--note", "Sent the proposal", "--follow-up", "3wd:email,5wd:phone", "--date", "2026-03-03"));
        Assert.Contains("Logged a note (email) with Sam Okafor on Tue 3 Mar 2026 (sam-okafor/1).", sent.Out, StringComparison.Ordinal);
        Assert.Contains("Next: Fri 6 Mar 2026, a note: first follow-up of 2 if no reply (ladder \"3wd:note,5wd:call\").", sent.Out, StringComparison.Ordinal);
        using (var data = _sandbox.DataJson())
        {
            var touch = data.RootElement.GetProperty("touches")[0];
            Assert.Equal(("note", "email"), (touch.Str("channel"), touch.Str("medium")));
            Assert.Equal("3wd:note,5wd:call", touch.GetProperty("followUp").Str("steps"));
        }

        // Wednesday and Thursday: nothing to do yet; Friday's agenda has the first follow-up.
        foreach (string day in new[] { "2026-03-04", "2026-03-05" })
        {
            using var agenda = Sandbox.Ok(_sandbox.Run("agenda", "--json", "--date", day)).Json();
            Assert.Empty(agenda.Touches());
        }

        using (var friday = Sandbox.Ok(_sandbox.Run("agenda", "--json", "--date", "2026-03-06")).Json())
        {
            var sam = friday.Touch("sam-okafor");
            Assert.True(sam.GetProperty("followUp").GetBoolean());
            Assert.StartsWith("First follow-up of 2 after no reply to the email of Tue 3 Mar 2026", sam.Str("why"), StringComparison.Ordinal);
        }

        // Friday: written again; the call is five working days on.
        var again = Sandbox.Ok(_sandbox.Run("log", "sam-okafor", "--channel", "email", "--date", "2026-03-06"));
        Assert.Contains("Next: Fri 13 Mar 2026, a call: second follow-up of 2 if no reply", again.Out, StringComparison.Ordinal);

        // Tuesday: they answer. The ladder stops; the cadence takes over, and says nothing of follow-ups.
        var reply = Sandbox.Ok(_sandbox.Run("log", "sam-okafor", "--channel", "email", "--inbound", "--note", "Interested; call me", "--date", "2026-03-10"));
        Assert.DoesNotContain("follow-up", reply.Out, StringComparison.Ordinal);
        var after = PlanOf("sam-okafor", "2026-03-13");
        Assert.False(after.GetProperty("followUp").GetBoolean());
        Assert.DoesNotContain("follow-up", after.Str("why"), StringComparison.Ordinal);
    }

    [Fact]
    public void UnlessReply_TheirReplyClosesTheChase_AndLogSaysSo()
    {
        StartWithSam();
        Sandbox.Ok(_sandbox.Run("log", "sam-okafor", "--channel", "email", "--note", "Sent the proposal", "--date", "2026-03-03"));

        var promise = Sandbox.Ok(_sandbox.Run(
            "promise", "sam-okafor", "--on", "2026-03-06", "--what", "chase feedback on the proposal", "--channel", "phone", "--unless-reply", "--date", "2026-03-03"));
        Assert.Equal("Promised Sam Okafor for Fri 6 Mar 2026 unless they reply first: chase feedback on the proposal (sam-okafor-1).\n", promise.Out);
        using (var data = _sandbox.DataJson())
        {
            var commitment = data.RootElement.GetProperty("commitments")[0];
            Assert.Equal(("unless-reply", "call"), (commitment.Str("kind"), commitment.Str("channel")));
        }

        Assert.Equal("sam-okafor-1", PlanOf("sam-okafor", "2026-03-04").GetProperty("commitment").Str("id"));

        var reply = Sandbox.Ok(_sandbox.Run("log", "sam-okafor", "--channel", "email", "--inbound", "--on", "2026-03-04", "--date", "2026-03-05"));
        Assert.Contains("Closed: No need for \"chase feedback on the proposal\": they replied by email on Wed 4 Mar 2026 (sam-okafor-1).", reply.Out, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, PlanOf("sam-okafor", "2026-03-05").GetProperty("commitment").ValueKind);
        using var after = _sandbox.DataJson();
        Assert.Equal(("done", "sam-okafor/2"), (after.RootElement.GetProperty("commitments")[0].Str("status"), after.RootElement.GetProperty("commitments")[0].Str("closedBy")));
    }

    [Fact]
    public void UnlessReply_AConnectedCallOfYoursIsAReplyToo()
    {
        StartWithSam();
        Sandbox.Ok(_sandbox.Run("promise", "sam-okafor", "--on", "2026-03-13", "--what", "call them if they have not called", "--unless-reply", "--date", "2026-03-06"));

        var call = Sandbox.Ok(_sandbox.Run("log", "sam-okafor", "--channel", "phone", "--date", "2026-03-11"));

        Assert.Contains("Closed: No need for \"call them if they have not called\": they replied by phone on Wed 11 Mar 2026 (sam-okafor-1).", call.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Done_Drop_Reopen_ByCommitmentIdOrRelationshipId()
    {
        StartWithSam();
        Sandbox.Ok(_sandbox.RunToday("promise", "sam-okafor", "--on", "2026-03-20", "--what", "send the contract"));
        Sandbox.Ok(_sandbox.RunToday("promise", "sam-okafor", "--on", "2026-03-27", "--what", "book the workshop"));

        // By the relationship's id: its open next step, the earliest.
        var done = Sandbox.Ok(_sandbox.RunToday("done", "sam-okafor"));
        Assert.Contains("Done: send the contract (sam-okafor-1), on Fri 13 Mar 2026.", done.Out, StringComparison.Ordinal);
        Assert.Contains("Next: Fri 27 Mar 2026", done.Out, StringComparison.Ordinal);
        Assert.Contains("book the workshop (sam-okafor-2).", done.Out, StringComparison.Ordinal);

        var dropped = Sandbox.Ok(_sandbox.Run("drop", "sam-okafor-2", "--date", "2026-03-16", "--on", "2026-03-14"));
        Assert.Contains("Dropped: book the workshop (sam-okafor-2), on Sat 14 Mar 2026.", dropped.Out, StringComparison.Ordinal);
        using (var data = _sandbox.DataJson())
        {
            var commitments = data.RootElement.GetProperty("commitments");
            Assert.Equal(("done", "2026-03-13"), (commitments[0].Str("status"), commitments[0].Str("closedOn")));
            Assert.Equal(("dropped", "2026-03-14"), (commitments[1].Str("status"), commitments[1].Str("closedOn")));
        }

        var reopened = Sandbox.Ok(_sandbox.Run("reopen", "sam-okafor-1", "--date", "2026-03-16"));
        Assert.Contains("Reopened sam-okafor-1: send the contract, due Fri 20 Mar 2026.", reopened.Out, StringComparison.Ordinal);
        Assert.Equal("sam-okafor-1", PlanOf("sam-okafor", "2026-03-16").GetProperty("commitment").Str("id"));
    }

    [Fact]
    public void Done_OfAClosedStep_Reopen_OfAnOpenOne_AndUnknownIds_AreOneLineErrors_FileUntouched()
    {
        StartWithSam();
        Sandbox.Ok(_sandbox.RunToday("add", "Zoë Müller", "--tier", "client"));
        Sandbox.Ok(_sandbox.RunToday("promise", "sam-okafor", "--on", "2026-03-20", "--what", "send the contract"));
        Sandbox.Ok(_sandbox.RunToday("done", "sam-okafor-1"));
        byte[] before = _sandbox.DataBytes();

        Assert.Contains("sam-okafor-1 is not open (\"send the contract\": marked done on Fri 13 Mar 2026)", Sandbox.Fails(_sandbox.RunToday("done", "sam-okafor-1")).Error, StringComparison.Ordinal);
        Assert.Contains("reopen sam-okafor-1", Sandbox.Fails(_sandbox.RunToday("drop", "sam-okafor-1")).Error, StringComparison.Ordinal);
        Assert.Contains("Sam Okafor (sam-okafor) has no open next step", Sandbox.Fails(_sandbox.RunToday("done", "sam-okafor")).Error, StringComparison.Ordinal);
        Assert.Contains("(did you mean sam-okafor-1 or sam-okafor?)", Sandbox.Fails(_sandbox.RunToday("done", "sam-okafr-1")).Error, StringComparison.Ordinal);
        Assert.Contains("No commitment or relationship has the id \"nobody\"", Sandbox.Fails(_sandbox.RunToday("drop", "nobody")).Error, StringComparison.Ordinal);
        Assert.Contains("is after today", Sandbox.Fails(_sandbox.RunToday("done", "sam-okafor-1", "--on", "2026-03-14")).Error, StringComparison.Ordinal);
        Sandbox.Ok(_sandbox.RunToday("reopen", "sam-okafor-1"));
        byte[] reopened = _sandbox.DataBytes();
        Assert.Contains("is already open", Sandbox.Fails(_sandbox.RunToday("reopen", "sam-okafor-1")).Error, StringComparison.Ordinal);
        Assert.Contains("before the day it was made", Sandbox.Fails(_sandbox.RunToday("drop", "sam-okafor-1", "--on", "2026-03-12")).Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("(did you mean zoe-muller?)", Sandbox.Fails(_sandbox.RunToday("log", "zoe-mueller", "--channel", "call")).Error, StringComparison.Ordinal);

        Assert.NotEqual(before, reopened);
        Assert.Equal(reopened, _sandbox.DataBytes());
    }

    [Fact]
    public void NamedLadders_ATierDefault_ListedByLadders_OverriddenPerTouch()
    {
        StartWithSam();
        Sandbox.Ok(_sandbox.Run("add", "Elena Petrova", "--tier", "prospect", "--date", "2026-03-02"));
        var root = JsonNode.Parse(File.ReadAllText(_sandbox.DataFile))!.AsObject();
        root["ladders"] = new JsonObject
        {
            ["prospect chase"] = new JsonObject { ["steps"] = "3wd:email,5wd:phone", ["tiers"] = new JsonArray("prospect") },
            ["quick"] = new JsonObject { ["steps"] = "2d:call" },
        };
        File.WriteAllText(_sandbox.DataFile, root.ToJsonString());

        var ladders = Sandbox.Ok(_sandbox.Run("ladders"));
        Assert.Matches(@"prospect chase\s+3wd:note,5wd:call\s+prospect", ladders.Out);
        Assert.Matches(@"quick\s+2d:call\s+-", ladders.Out);

        // No --follow-up: the prospect tier's ladder.
        var sam = Sandbox.Ok(_sandbox.Run("log", "sam-okafor", "--channel", "email", "--date", "2026-03-03"));
        Assert.Contains("Next: Fri 6 Mar 2026, a note: first follow-up of 2 if no reply (ladder \"prospect chase\").", sam.Out, StringComparison.Ordinal);

        // --follow-up none: not this time.
        var elena = Sandbox.Ok(_sandbox.Run("log", "elena-petrova", "--channel", "email", "--follow-up", "none", "--date", "2026-03-03"));
        Assert.DoesNotContain("follow-up", elena.Out, StringComparison.Ordinal);
        Assert.False(PlanOf("elena-petrova", "2026-03-04").GetProperty("followUp").GetBoolean());

        // A named ladder by name; an unknown name is refused, listing the known ones.
        var quick = Sandbox.Ok(_sandbox.Run("log", "elena-petrova", "--channel", "note", "--follow-up", "quick", "--date", "2026-03-04"));
        Assert.Contains("Next: Fri 6 Mar 2026, a call: first follow-up of 1 if no reply (ladder \"quick\").", quick.Out, StringComparison.Ordinal);
        var unknown = Sandbox.Fails(_sandbox.Run("log", "elena-petrova", "--channel", "note", "--follow-up", "slow", "--date", "2026-03-04"));
        Assert.Contains("No follow-up ladder is named \"slow\" (named ones: prospect chase, quick)", unknown.Error, StringComparison.Ordinal);

        // The file keeps the ladders, written back in the channels' own names.
        using var data = _sandbox.DataJson();
        Assert.Equal("3wd:note,5wd:call", data.RootElement.GetProperty("ladders").GetProperty("prospect chase").Str("steps"));
        Assert.Equal("none", data.RootElement.GetProperty("touches")[1].Str("followUp"));
    }

    [Theory]
    [InlineData("3wd:note,5d:call", "mixes working days (wd) and calendar days (d)")]
    [InlineData("3:note", "Bad follow-up step \"3:note\"")]
    [InlineData("0wd:note", "Bad follow-up step \"0wd:note\"")]
    [InlineData("3wd:pigeon", "Unknown channel \"pigeon\"")]
    [InlineData("400d:call", "Bad follow-up step \"400d:call\"")]
    public void Log_ABadLadder_IsRefused_NamingTheStep(string ladder, string message)
    {
        StartWithSam();
        byte[] before = _sandbox.DataBytes();

        var result = Sandbox.Fails(_sandbox.RunToday("log", "sam-okafor", "--channel", "email", "--follow-up", ladder));

        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void Log_AFollowUpOnTheirTouch_IsRefused()
    {
        StartWithSam();

        var result = Sandbox.Fails(_sandbox.RunToday("log", "sam-okafor", "--channel", "email", "--inbound", "--follow-up", "3wd:note"));

        Assert.Contains("an --inbound touch is their reply", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DataFile_ATierWithTwoDefaultLadders_IsRefused_NamingThePlace()
    {
        StartWithSam();
        var root = JsonNode.Parse(File.ReadAllText(_sandbox.DataFile))!.AsObject();
        root["ladders"] = new JsonObject
        {
            ["a"] = new JsonObject { ["steps"] = "3wd:note", ["tiers"] = new JsonArray("prospect") },
            ["b"] = new JsonObject { ["steps"] = "2d:call", ["tiers"] = new JsonArray("Prospect") },
        };
        File.WriteAllText(_sandbox.DataFile, root.ToJsonString());

        var result = Sandbox.Fails(_sandbox.RunToday("agenda"));

        Assert.Contains("ladders.b: the tier \"Prospect\" already follows up with the ladder \"a\"", result.Error, StringComparison.Ordinal);
    }
}
