using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Cadence.Sample.Store;

namespace Cadence.Sample.Tests;

/// <summary>
/// Issue 29 in the sample: a tier's learning (<c>learning</c> in the data file, <c>learn TIER [--off]</c>) and a
/// relationship's pacing (<c>pacing</c>, <c>edit ID --pacing</c>), passed to the planner; health in <c>show</c>,
/// <c>list</c>, <c>agenda</c> and their <c>--json</c>.
/// </summary>
public sealed class Issue29HealthTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public Issue29HealthTests()
    {
        _sandbox.InitEmpty(("Sam Okafor", "prospect"), ("Zoë Müller", "client"));
    }

    public void Dispose() => _sandbox.Dispose();

    /// <summary>Zoë's exchanges every 3 weeks, the last on Mon 23 Feb: a client rule of 30 days learns 24 (due Thu 19 Mar; 25 Mar without).</summary>
    private void ZoeEveryThreeWeeks()
    {
        foreach (string day in new[] { "2025-12-01", "2025-12-22", "2026-01-12" })
        {
            Sandbox.Ok(_sandbox.RunToday("log", "zoe-muller", "--channel", "call", "--on", day));
        }

        Sandbox.Ok(_sandbox.RunToday("log", "zoe-muller", "--channel", "call", "--on", "2026-02-02", "--inbound"));
        Sandbox.Ok(_sandbox.RunToday("log", "zoe-muller", "--channel", "call", "--on", "2026-02-23"));
    }

    private JsonElement PlannedZoe()
    {
        using var json = Sandbox.Ok(_sandbox.RunToday("plan", "--json")).Json();
        return json.Touch("zoe-muller").Clone();
    }

    private static JsonElement RelationshipIn(JsonDocument data, string id) =>
        data.RootElement.GetProperty("relationships").EnumerateArray().Single(r => r.Str("id") == id);

    private RunResult ReadWith(string json)
    {
        File.WriteAllText(_sandbox.DataFile, json);
        return _sandbox.RunToday("list");
    }

    [Fact]
    public void LearningAndPacing_AreWrittenOnlyWhenSet_AndReadBackByteForByte()
    {
        byte[] before = _sandbox.DataBytes();
        Assert.DoesNotContain("\"learning\"", Encoding.UTF8.GetString(before), StringComparison.Ordinal);
        Assert.DoesNotContain("\"pacing\"", Encoding.UTF8.GetString(before), StringComparison.Ordinal);

        Sandbox.Ok(_sandbox.RunToday("learn", "client"));
        Sandbox.Ok(_sandbox.RunToday("edit", "sam-okafor", "--pacing", "pinned"));
        Sandbox.Ok(_sandbox.RunToday("edit", "zoe-muller", "--pacing", "learn"));

        using (var data = _sandbox.DataJson())
        {
            Assert.Equal(["client"], data.RootElement.GetProperty("learning").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal("pinned", RelationshipIn(data, "sam-okafor").Str("pacing"));
            Assert.Equal("learn", RelationshipIn(data, "zoe-muller").Str("pacing"));
        }

        byte[] set = _sandbox.DataBytes();
        var read = DiaryJson.Read(set);
        Assert.Equal(set, DiaryJson.Write(read));
        Assert.True(read.Rules.Learns("CLIENT"));
        Assert.False(read.Rules.Learns("prospect"));
        Assert.Equal(Pacing.Pinned, read.Diary["sam-okafor"].Pacing);

        // Back as they were: the file is as it was, byte for byte.
        Sandbox.Ok(_sandbox.RunToday("learn", "client", "--off"));
        Sandbox.Ok(_sandbox.RunToday("edit", "sam-okafor", "--pacing", "tier"));
        Sandbox.Ok(_sandbox.RunToday("edit", "zoe-muller", "--pacing", "default"));
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void PacingOfAnArchivedOrPausedRelationship_IsKeptThroughTheFile()
    {
        Sandbox.Ok(_sandbox.RunToday("edit", "sam-okafor", "--pacing", "learn"));
        Sandbox.Ok(_sandbox.RunToday("archive", "sam-okafor"));
        Sandbox.Ok(_sandbox.RunToday("edit", "zoe-muller", "--pacing", "pinned"));
        Sandbox.Ok(_sandbox.RunToday("pause", "zoe-muller", "--until", "2026-04-01"));

        var read = DiaryJson.Read(_sandbox.DataBytes());
        Assert.Equal(Pacing.Learn, read.Diary["sam-okafor"].Pacing);
        Assert.Equal(Pacing.Pinned, read.Diary["zoe-muller"].Pacing);
    }

    [Theory]
    [InlineData("\"relationships\": [{ \"id\": \"a\", \"name\": \"A\", \"tier\": \"client\", \"pacing\": \"fast\" }]", "relationships[0].pacing: unknown value \"fast\": use by-tier, learn, pinned")]
    [InlineData("\"relationships\": [{ \"id\": \"a\", \"name\": \"A\", \"tier\": \"client\", \"pacing\": 1 }]", "relationships[0].pacing: expected a string: use by-tier, learn, pinned")]
    [InlineData("\"learning\": \"client\"", "learning: expected an array")]
    [InlineData("\"learning\": [\"client\", \"Client\"]", "learning[1]: the tier \"Client\" is given twice (as \"client\"; tiers are compared ignoring case)")]
    [InlineData("\"learning\": [\"client\", \"client\"]", "learning[1]: the tier \"client\" is given twice")]
    [InlineData("\"learning\": [\" \"]", "learning[0]: ")]
    [InlineData("\"learning\": [3]", "learning[0]: expected a string")]
    [InlineData("\"relationships\": [{ \"id\": \"a\", \"name\": \"A\", \"tier\": \"client\", \"tags\": \"x\" }]", "relationships[0].tags: expected an array")]
    public void BadLearningOrPacing_IsOneLineNamingTheField(string member, string expected)
    {
        var result = Sandbox.Fails(ReadWith($"{{ \"format\": 1, {member} }}"));

        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileWithoutThem_PlansAsBefore_AndIsRewrittenByteForByte()
    {
        byte[] file = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "format1-diary.json"));

        var data = DiaryJson.Read(file);

        Assert.Empty(data.LearningTiers);
        Assert.All(data.Diary.Relationships, r => Assert.Equal(Pacing.ByTier, r.Pacing));
        Assert.False(data.Rules.HasLearning);
        Assert.Equal(file, DiaryJson.Write(data));
    }

    [Fact]
    public void EditPacing_SaysWhatChanged_RefusesABadValue_AndSaysWhenNothingChanged()
    {
        var learn = Sandbox.Ok(_sandbox.RunToday("edit", "zoe-muller", "--pacing", "learn"));
        Assert.StartsWith("Changed Zoë Müller (zoe-muller): pacing the tier's → learn.", learn.Out, StringComparison.Ordinal);

        var again = Sandbox.Ok(_sandbox.RunToday("edit", "zoe-muller", "--pacing", "LEARN"));
        Assert.StartsWith("Zoë Müller (zoe-muller) already has those details; nothing changed.", again.Out, StringComparison.Ordinal);

        byte[] before = _sandbox.DataBytes();
        var bad = Sandbox.Fails(_sandbox.RunToday("edit", "zoe-muller", "--pacing", "sometimes"));
        Assert.Equal("Cadence.Diary: Bad pacing \"sometimes\" for --pacing: use learn (its own rhythm), pinned (exactly its rule) or tier (as its tier says).\n", bad.Error);
        Assert.Equal(before, _sandbox.DataBytes());

        Assert.Contains("--pacing", Sandbox.Ok(_sandbox.Run("edit", "--help")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Learn_SetsAndClearsATier_ListsWhoLearns_AndRefusesWhatMakesNoSense()
    {
        var set = Sandbox.Ok(_sandbox.RunToday("learn", "client"));
        Assert.StartsWith("The tier \"client\" now learns: from 4 exchanges on,", set.Out, StringComparison.Ordinal);
        Assert.Equal("The tier \"client\" already learns; nothing changed.\n", Sandbox.Ok(_sandbox.RunToday("learn", "Client")).Out);

        Sandbox.Ok(_sandbox.RunToday("edit", "sam-okafor", "--pacing", "learn"));
        var list = Sandbox.Ok(_sandbox.RunToday("learn"));
        Assert.Equal("Tiers that learn: client.\nLearn whatever their tier says: sam-okafor.\n", list.Out);

        var nobody = Sandbox.Ok(_sandbox.RunToday("learn", "referral source"));
        Assert.Contains("No relationship is in the tier \"referral source\" yet.", nobody.Out, StringComparison.Ordinal);

        var off = Sandbox.Ok(_sandbox.RunToday("learn", "CLIENT", "--off"));
        Assert.Equal("The tier \"client\" no longer learns: its relationships keep exactly their rule.\n", off.Out);
        Assert.Equal("The tier \"client\" does not learn; nothing changed.\n", Sandbox.Ok(_sandbox.RunToday("learn", "client", "--off")).Out);

        Sandbox.Fails(_sandbox.RunToday("learn", "--off"), exitCode: 2);
        Sandbox.Fails(_sandbox.RunToday("learn", " "));
        using var data = _sandbox.DataJson();
        Assert.Equal(["referral source"], data.RootElement.GetProperty("learning").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void ATierThatLearns_MovesItsTargetTowardTheirRhythm_WithTheReason_AndPinnedKeepsTheRule()
    {
        ZoeEveryThreeWeeks();
        var fixedRule = PlannedZoe();
        Assert.Equal("2026-03-25", fixedRule.Str("due"));
        Assert.False(fixedRule.GetProperty("learned").GetBoolean());

        Sandbox.Ok(_sandbox.RunToday("learn", "client"));
        var learned = PlannedZoe();
        Assert.Equal("2026-03-19", learned.Str("due"));
        Assert.True(learned.GetProperty("learned").GetBoolean());
        var rhythm = learned.GetProperty("reasons").EnumerateArray().Single(r => r.Str("kind") == "rhythm");
        Assert.Equal("aiming every 24 days: their own rhythm, every 3 weeks over the last 5 exchanges", rhythm.Str("text"));
        Assert.Contains("aiming every 24 days", learned.Str("why"), StringComparison.Ordinal);

        var show = Sandbox.Ok(_sandbox.RunToday("show", "zoe-muller")).Out;
        Assert.Contains("  pacing   learns its own rhythm (the client tier learns); aiming every 24 days: their own rhythm, every 3 weeks over the last 5 exchanges\n", show, StringComparison.Ordinal);

        Sandbox.Ok(_sandbox.RunToday("edit", "zoe-muller", "--pacing", "pinned"));
        var pinned = PlannedZoe();
        Assert.Equal(fixedRule.Str("due"), pinned.Str("due"));
        Assert.Equal(fixedRule.Str("why"), pinned.Str("why"));
        Assert.Contains("  pacing   pinned to its rule (set for it)\n", Sandbox.Ok(_sandbox.RunToday("show", "zoe-muller")).Out, StringComparison.Ordinal);
        Assert.Equal("pinned", pinned.Str("pacing"));
    }

    [Fact]
    public void Show_HasAHealthLineAndPacing_InTextAndJson()
    {
        ZoeEveryThreeWeeks();

        var show = Sandbox.Ok(_sandbox.RunToday("show", "zoe-muller")).Out;
        Assert.Contains("  health   strong: quiet 18 days, usually every 3 weeks; they started 1 of the last 5 exchanges; answered 4 of 4 attempts, usually the same day\n", show, StringComparison.Ordinal);
        Assert.Contains("  pacing   its rule (the client tier does not learn)\n", show, StringComparison.Ordinal);

        Sandbox.Ok(_sandbox.RunToday("learn", "prospect"));
        Assert.Contains(
            "  pacing   learns its own rhythm (the prospect tier learns); too few exchanges yet to learn from (4 are needed): the rule's target\n",
            Sandbox.Ok(_sandbox.RunToday("show", "sam-okafor")).Out,
            StringComparison.Ordinal);

        using var json = Sandbox.Ok(_sandbox.RunToday("show", "zoe-muller", "--json")).Json();
        var relationship = json.RootElement.GetProperty("relationship");
        Assert.Equal("by-tier", relationship.Str("pacing"));
        Assert.False(relationship.GetProperty("learns").GetBoolean());
        var health = relationship.GetProperty("health");
        Assert.Equal("strong", health.Str("level"));
        Assert.Equal(18, health.GetProperty("quietDays").GetInt32());
        Assert.Equal(21, health.GetProperty("usualGapDays").GetInt32());
        Assert.Equal((1, 5), (health.GetProperty("theyStarted").GetInt32(), health.GetProperty("replies").GetInt32()));
        Assert.Equal((4, 4), (health.GetProperty("answered").GetInt32(), health.GetProperty("attempts").GetInt32()));
        Assert.Equal(0, health.GetProperty("replyDays").GetInt32());
        Assert.Equal(0, health.GetProperty("unansweredInARow").GetInt32());
        Assert.False(health.GetProperty("decayWarning").GetBoolean());
        Assert.Equal("2026-02-23", health.Str("lastExchange"));
        Assert.StartsWith("strong: quiet 18 days", health.Str("text"), StringComparison.Ordinal);
        Assert.Equal("strong", json.RootElement.GetProperty("next").GetProperty("health").Str("level"));
    }

    [Fact]
    public void List_HasAHealthColumn_ArchivedToo_AndMarksADecayWarning()
    {
        Sandbox.Ok(_sandbox.RunToday("add", "Old Friend", "--tier", "contact"));
        foreach (string day in new[] { "2025-10-01", "2025-10-04", "2025-10-07", "2025-10-10" })
        {
            Sandbox.Ok(_sandbox.RunToday("log", "old-friend", "--channel", "call", "--on", day));
        }

        var list = Sandbox.Ok(_sandbox.RunToday("list")).Out;
        string[] lines = list.Split('\n');
        Assert.Matches(@"^ID\s+NAME\s+TIER\s+STATE\s+HEALTH\s+LAST TOUCH\s+NEXT$", lines.Single(l => l.StartsWith("ID", StringComparison.Ordinal)));
        Assert.Matches(@"^old-friend\s+Old Friend\s+contact\s+active\s+dormant!\s", lines.Single(l => l.StartsWith("old-friend", StringComparison.Ordinal)));
        Assert.Matches(@"^sam-okafor\s+Sam Okafor\s+prospect\s+active\s+steady\s", lines.Single(l => l.StartsWith("sam-okafor", StringComparison.Ordinal)));

        Sandbox.Ok(_sandbox.RunToday("archive", "old-friend"));
        list = Sandbox.Ok(_sandbox.RunToday("list")).Out;
        Assert.Matches(@"^old-friend\s+Old Friend\s+contact\s+archived\s+dormant!\s", list.Split('\n').Single(l => l.StartsWith("old-friend", StringComparison.Ordinal)));

        using var json = Sandbox.Ok(_sandbox.RunToday("list", "--json")).Json();
        var rows = json.RootElement.GetProperty("relationships").EnumerateArray().ToList();
        Assert.All(rows, r => Assert.True(r.GetProperty("health").TryGetProperty("level", out _)));
        var friend = rows.Single(r => r.Str("id") == "old-friend");
        Assert.Equal("dormant", friend.GetProperty("health").Str("level"));
        Assert.True(friend.GetProperty("health").GetProperty("decayWarning").GetBoolean());
        Assert.Equal(3, friend.GetProperty("health").GetProperty("usualGapDays").GetInt32());
        Assert.Equal("by-tier", friend.Str("pacing"));
        Assert.Contains("likely to fade away", friend.GetProperty("health").Str("text"), StringComparison.Ordinal);
        Assert.Contains("dormant: quiet", Sandbox.Ok(_sandbox.RunToday("show", "old-friend")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Agenda_HasANarrowHealthColumn_AndItsJsonAHealthObject()
    {
        var agenda = Sandbox.Ok(_sandbox.RunToday("agenda")).Out;
        string[] lines = agenda.Split('\n');
        Assert.Matches(@"^DAY\s+ID\s+TOUCH\s+LATE\s+HEALTH\s+WHY$", lines.Single(l => l.StartsWith("DAY", StringComparison.Ordinal)));
        Assert.Matches(@"^Fri 13 Mar\s+sam-okafor\s+Call Sam Okafor\s+steady\s+No touch yet", lines.Single(l => l.Contains("sam-okafor", StringComparison.Ordinal)));

        using var json = Sandbox.Ok(_sandbox.RunToday("agenda", "--json")).Json();
        var sam = json.Touch("sam-okafor");
        Assert.Equal("by-tier", sam.Str("pacing"));
        Assert.False(sam.GetProperty("learned").GetBoolean());
        var health = sam.GetProperty("health");
        foreach (string field in new[] { "level", "quietDays", "usualGapDays", "theyStarted", "replies", "answered", "attempts", "replyDays", "unansweredInARow", "decayWarning" })
        {
            Assert.True(health.TryGetProperty(field, out _), field);
        }

        Assert.Equal("steady", health.Str("level"));
        Assert.Equal(JsonValueKind.Null, health.GetProperty("quietDays").ValueKind);
    }

    [Fact]
    public void Demo_ClientsLearn_PriyaShowsHerLearnedTarget_AndEveryAgendaTouchItsHealth()
    {
        using var demo = new Sandbox();

        Assert.Equal("Tiers that learn: client.\n", Sandbox.Ok(demo.RunToday("learn")).Out);
        var priya = Sandbox.Ok(demo.RunToday("show", "priya-raman")).Out;
        Assert.Contains("  pacing   learns its own rhythm (the client tier learns); aiming every 24 days: their own rhythm, every 3 weeks over the last 5 exchanges\n", priya, StringComparison.Ordinal);
        Assert.Contains("  health   steady: quiet 4 weeks, usually every 3 weeks; they started 2 of the last 5 exchanges", priya, StringComparison.Ordinal);
        Assert.Contains("aiming every 39 days", Sandbox.Ok(demo.RunToday("show", "daniel-moreau")).Out, StringComparison.Ordinal);

        using var plan = Sandbox.Ok(demo.RunToday("plan", "--json")).Json();
        Assert.True(plan.Touch("priya-raman").GetProperty("learned").GetBoolean());
        Assert.Equal("2026-03-16", plan.Touch("priya-raman").Str("due"));
        Assert.False(plan.Touch("zoe-muller").GetProperty("learned").GetBoolean());

        using var agenda = Sandbox.Ok(demo.RunToday("agenda", "--json")).Json();
        Assert.All(agenda.Touches(), t => Assert.False(string.IsNullOrEmpty(t.GetProperty("health").Str("level"))));
        Assert.Contains("HEALTH", Sandbox.Ok(demo.RunToday("agenda")).Out, StringComparison.Ordinal);

        // init writes the demo's learning into the file.
        Sandbox.Ok(demo.RunToday("init"));
        using var data = demo.DataJson();
        Assert.Equal(["client"], data.RootElement.GetProperty("learning").EnumerateArray().Select(t => t.GetString()));
    }
}
