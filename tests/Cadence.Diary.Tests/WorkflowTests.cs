using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Cadence.Sample.Tests;

/// <summary><c>init</c> writes the demo diary (or an empty one) once, with fresh secrets; <c>token</c> shows and rotates the secret.</summary>
public sealed class InitTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Init_WritesTheDemoDiaryWithFreshSecrets()
    {
        var result = Sandbox.Ok(_sandbox.RunToday("init"));

        Assert.Contains("diary.json", result.Out, StringComparison.Ordinal);
        using var data = _sandbox.DataJson();
        var root = data.RootElement;
        Assert.Equal(1, root.GetProperty("format").GetInt32());
        Assert.Equal(30, root.GetProperty("relationships").GetArrayLength());
        string token = root.GetProperty("feed").Str("token");
        Assert.True(Convert.FromBase64String(ToBase64(token)).Length >= 16, token);
        Assert.True(Convert.FromBase64String(root.GetProperty("feed").Str("uidKey")).Length >= 16);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_sandbox.DataFile));
        }

        // The demo's dates are relative to the day of init: the agenda of that day has content.
        using var agenda = Sandbox.Ok(_sandbox.RunToday("agenda", "--json")).Json();
        Assert.False(agenda.RootElement.GetProperty("demo").GetBoolean());
        Assert.NotEmpty(agenda.Touches());
    }

    [Fact]
    public void Init_Twice_FailsAndKeepsTheFile()
    {
        Sandbox.Ok(_sandbox.RunToday("init"));
        byte[] before = _sandbox.DataBytes();

        Sandbox.Fails(_sandbox.RunToday("init", "--empty"));

        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void Init_ElsewhereWithData_UsesThatFile()
    {
        Sandbox.Ok(_sandbox.RunToday("init", "--empty", "--data", "sub.json"));

        Assert.True(File.Exists(_sandbox.Path("sub.json")));
        Assert.False(File.Exists(_sandbox.DataFile));
        var plan = Sandbox.Ok(_sandbox.RunToday("plan", "--data", "sub.json"));
        Assert.Contains("No relationships yet", plan.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Token_Rotate_ReplacesIt()
    {
        _sandbox.InitEmpty();
        string first = Sandbox.Ok(_sandbox.Run("token")).Out.Trim();

        string second = Sandbox.Ok(_sandbox.Run("token", "--rotate")).Out.Trim();

        Assert.NotEqual(first, second);
        Assert.Equal(second, Sandbox.Ok(_sandbox.Run("token")).Out.Trim());
        Assert.True(Convert.FromBase64String(ToBase64(second)).Length >= 16);
        using var data = _sandbox.DataJson();
        Assert.Equal(second, data.RootElement.GetProperty("feed").Str("token"));
    }

    private static string ToBase64(string base64Url)
    {
        string text = base64Url.Replace('-', '+').Replace('_', '/');
        return text + new string('=', (4 - (text.Length % 4)) % 4);
    }
}

/// <summary><c>add</c> and <c>log</c>, checked through <c>agenda</c> and <c>plan</c>; concurrent changes are all kept.</summary>
public sealed class AddAndLogTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Add_PrintsTheIdMadeFromTheName()
    {
        _sandbox.InitEmpty();

        Assert.Equal("zoe-muller\n", Sandbox.Ok(_sandbox.RunToday("add", "Zoë Müller", "--tier", "client")).Out);
        // The same name again is refused unless given an id (see CorrectionTests).
        Assert.Equal("zoe-muller-2\n", Sandbox.Ok(_sandbox.RunToday("add", "Zoe", "Muller", "--tier", "prospect", "--id", "zoe-muller-2")).Out);
        Assert.Equal("li\n", Sandbox.Ok(_sandbox.RunToday(
            "add", "Li Na", "--tier", "referral source", "--id", "li", "--zone", "Asia/Shanghai", "--prefers", "call,meeting")).Out);

        using var data = _sandbox.DataJson();
        var relationships = data.RootElement.GetProperty("relationships").EnumerateArray().ToList();
        Assert.Equal(["zoe-muller", "zoe-muller-2", "li"], relationships.Select(r => r.Str("id")));
        Assert.Equal("Zoë Müller", relationships[0].Str("name"));
        Assert.Equal("Zoe Muller", relationships[1].Str("name"));
        Assert.Equal("Asia/Shanghai", relationships[2].Str("zone"));
        Assert.Equal(["call", "meeting"], relationships[2].GetProperty("prefers").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("\"name\": \"Zoë Müller\"", File.ReadAllText(_sandbox.DataFile), StringComparison.Ordinal); // readable, not escaped
    }

    [Fact]
    public void Add_WhenTheIdMadeFromTheNameIsTaken_AddsANumber()
    {
        _sandbox.InitEmpty();
        Sandbox.Ok(_sandbox.RunToday("add", "Li Na", "--tier", "client", "--id", "ana-lima"));

        Assert.Equal("ana-lima-2\n", Sandbox.Ok(_sandbox.RunToday("add", "Ana Lima", "--tier", "prospect")).Out);
    }

    [Fact]
    public void Log_ThenAgenda_ExplainsTheOverdueTouch()
    {
        _sandbox.InitEmpty(("Zoë Müller", "client"));

        var log = Sandbox.Ok(_sandbox.RunToday("log", "zoe-muller", "--channel", "meeting", "--on", "2026-01-31", "--medium", "coffee", "--note", "Quarterly review"));
        Assert.Contains("Logged a meeting (coffee) with Zoë Müller on Sat 31 Jan 2026", log.Out, StringComparison.Ordinal);

        using var agenda = Sandbox.Ok(_sandbox.RunToday("agenda", "--json")).Json();
        var zoe = agenda.Touch("zoe-muller");
        Assert.Equal(11, zoe.GetProperty("daysOverdue").GetInt32());
        Assert.StartsWith("Last met 41 days ago (coffee); clients are due every 30 days (at most 45); 11 days overdue", zoe.Str("why"), StringComparison.Ordinal);
        Assert.Equal("Quarterly review", zoe.GetProperty("lastTouch").Str("summary"));

        var text = Sandbox.Ok(_sandbox.RunToday("agenda"));
        Assert.Contains("zoe-muller", text.Out, StringComparison.Ordinal);
        Assert.Contains("11d", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_InboundAndNoReply_AreStoredAndExplained()
    {
        _sandbox.InitEmpty(("Ben Carter", "prospect"));

        Sandbox.Ok(_sandbox.RunToday("log", "ben-carter", "--channel", "call", "--on", "2026-03-06", "--no-reply", "--medium", "voicemail"));
        Sandbox.Ok(_sandbox.RunToday("log", "ben-carter", "--channel", "social", "--on", "2026-03-10", "--inbound", "--medium", "LinkedIn"));

        using var data = _sandbox.DataJson();
        var touches = data.RootElement.GetProperty("touches").EnumerateArray().ToList();
        Assert.Equal("no-reply", touches[0].Str("outcome"));
        Assert.Equal("inbound", touches[1].Str("direction"));
        using var plan = Sandbox.Ok(_sandbox.RunToday("plan", "--json")).Json();
        var ben = plan.Touch("ben-carter");
        Assert.StartsWith("They last reached out online 3 days ago (LinkedIn), which counts as 25% of a full touch", ben.Str("why"), StringComparison.Ordinal);
        Assert.Equal("inbound", ben.GetProperty("lastTouch").Str("direction"));
    }

    [Fact]
    public void ConcurrentAdds_AllKept()
    {
        _sandbox.InitEmpty();

        var processes = Enumerable.Range(1, 6).Select(i => _sandbox.Start("add", $"Person {i}", "--tier", "client")).ToList();
        foreach (var process in processes)
        {
            Assert.True(process.WaitForExit(Sandbox.HangGuard));
            Assert.Equal(0, process.ExitCode);
            process.Dispose();
        }

        using var data = _sandbox.DataJson();
        Assert.Equal(
            Enumerable.Range(1, 6).Select(i => $"person-{i}").Order(StringComparer.Ordinal),
            data.RootElement.GetProperty("relationships").EnumerateArray().Select(r => r.Str("id")).Order(StringComparer.Ordinal));
    }
}

/// <summary><c>promise</c> and <c>move</c>: commitments and moves by hand.</summary>
public sealed class PromiseAndMoveTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Promise_PinsTheDate_AndLoggingTheTouchMarksItDone()
    {
        _sandbox.InitEmpty(("Sam Okafor", "prospect"));
        Sandbox.Ok(_sandbox.RunToday("log", "sam-okafor", "--channel", "meeting", "--on", "2026-03-04", "--medium", "ExpoLondon stand"));

        var promise = Sandbox.Ok(_sandbox.RunToday("promise", "sam-okafor", "--on", "2026-03-16", "--what", "chase feedback on the proposal", "--channel", "call"));
        Assert.Contains("(sam-okafor-1)", promise.Out, StringComparison.Ordinal);

        using (var plan = Sandbox.Ok(_sandbox.RunToday("plan", "--json")).Json())
        {
            var sam = plan.Touch("sam-okafor");
            Assert.Equal("2026-03-16", sam.Str("due"));
            Assert.Equal("call", sam.Str("channel"));
            Assert.Equal("sam-okafor-1", sam.GetProperty("commitment").Str("id"));
            Assert.StartsWith("Next step for Mon 16 Mar 2026: chase feedback on the proposal", sam.Str("why"), StringComparison.Ordinal);
        }

        var log = Sandbox.Ok(_sandbox.Run("log", "sam-okafor", "--channel", "call", "--date", "2026-03-16"));
        Assert.Contains("Done: chase feedback on the proposal (sam-okafor-1)", log.Out, StringComparison.Ordinal);
        using var data = _sandbox.DataJson();
        Assert.Equal("done", data.RootElement.GetProperty("commitments")[0].Str("status"));
        using var after = Sandbox.Ok(_sandbox.Run("plan", "--json", "--date", "2026-03-16")).Json();
        Assert.Equal(JsonValueKind.Null, after.Touch("sam-okafor").GetProperty("commitment").ValueKind);
    }

    [Fact]
    public void Promise_InsideTheGapAfterAnUnansweredCall_IsCarriedToTheFloor_TheNextCallTakesIt_AndAPastMorningStillShowsIt()
    {
        _sandbox.InitEmpty(("Sam Okafor", "prospect"));
        Sandbox.Ok(_sandbox.Run("log", "sam-okafor", "--channel", "call", "--no-reply", "--date", "2026-03-02"));
        Sandbox.Ok(_sandbox.Run("promise", "sam-okafor", "--on", "2026-03-04", "--what", "call again", "--channel", "call", "--date", "2026-03-02"));

        // Wednesday to Sunday: the call is Monday's, not overdue every morning.
        foreach (var day in new[] { "2026-03-04", "2026-03-06", "2026-03-08" })
        {
            using var plan = Sandbox.Ok(_sandbox.Run("plan", "--json", "--date", day)).Json();
            var sam = plan.Touch("sam-okafor");
            Assert.Equal("2026-03-09", sam.Str("due"));
            Assert.Equal(0, sam.GetProperty("daysOverdue").GetInt32());
            Assert.Contains("so carried to Mon 9 Mar 2026", sam.Str("why"), StringComparison.Ordinal);
        }

        var log = Sandbox.Ok(_sandbox.Run("log", "sam-okafor", "--channel", "call", "--no-reply", "--date", "2026-03-09"));
        Assert.Contains("Done: call again (sam-okafor-1)", log.Out, StringComparison.Ordinal);
        using (var data = _sandbox.DataJson())
        {
            var commitment = data.RootElement.GetProperty("commitments")[0];
            Assert.Equal(("done", "2026-03-02", "2026-03-09", "sam-okafor/2"), (commitment.Str("status"), commitment.Str("madeOn"), commitment.Str("closedOn"), commitment.Str("closedBy")));
            Assert.Equal("sam-okafor/1", data.RootElement.GetProperty("touches")[0].Str("id"));
        }

        // What did the plan say on Thursday? The step was still open then.
        using var thursday = Sandbox.Ok(_sandbox.Run("plan", "--json", "--date", "2026-03-05")).Json();
        Assert.Equal("sam-okafor-1", thursday.Touch("sam-okafor").GetProperty("commitment").Str("id"));
        using var tuesday = Sandbox.Ok(_sandbox.Run("plan", "--json", "--date", "2026-03-10")).Json();
        Assert.Equal(JsonValueKind.Null, tuesday.Touch("sam-okafor").GetProperty("commitment").ValueKind);
    }

    [Fact]
    public void Promise_MonthsAway_KeepsTheCadencesTouchBeforeIt_NamingThePromise_UntilItIsNear()
    {
        _sandbox.InitEmpty(("Sam Okafor", "prospect"));
        Sandbox.Ok(_sandbox.Run("log", "sam-okafor", "--channel", "meeting", "--date", "2026-03-03"));
        Sandbox.Ok(_sandbox.Run("promise", "sam-okafor", "--on", "2026-06-01", "--what", "call after the summer budget", "--date", "2026-03-03"));

        using var plan = Sandbox.Ok(_sandbox.Run("plan", "--json", "--date", "2026-03-04")).Json();
        var sam = plan.Touch("sam-okafor");

        // The cadence's own touch stays before the promise (Tue 17 Mar, at most Tue 24 Mar) and names it; the promise stays open.
        Assert.Equal("sam-okafor-1", sam.Str("promiseAfter"));
        Assert.Equal(("2026-03-17", "2026-03-24"), (sam.Str("due"), sam.Str("notAfter")));
        Assert.False(sam.GetProperty("followUp").GetBoolean());
        var before = sam.GetProperty("reasons").EnumerateArray().Single(r => r.Str("kind") == "before-next-step");
        Assert.Equal("before the next step for Mon 1 Jun 2026: call after the summer budget", before.Str("text"));
        Assert.DoesNotContain(sam.GetProperty("reasons").EnumerateArray(), r => r.Str("kind") == "beyond-cadence");

        // Once that touch is logged, the next one is the cadence's again, still before the promise, until the promise is near.
        Sandbox.Ok(_sandbox.Run("log", "sam-okafor", "--channel", "call", "--date", "2026-03-17"));
        using var later = Sandbox.Ok(_sandbox.Run("plan", "--json", "--date", "2026-03-18")).Json();
        Assert.Equal(("2026-03-31", "sam-okafor-1"), (later.Touch("sam-okafor").Str("due"), later.Touch("sam-okafor").Str("promiseAfter")));
        Sandbox.Ok(_sandbox.Run("log", "sam-okafor", "--channel", "call", "--date", "2026-05-20"));
        using var may = Sandbox.Ok(_sandbox.Run("plan", "--json", "--date", "2026-05-21")).Json();
        var pinned = may.Touch("sam-okafor");
        Assert.Equal(JsonValueKind.Null, pinned.GetProperty("promiseAfter").ValueKind);
        Assert.Equal(("2026-06-01", "sam-okafor-1"), (pinned.Str("due"), pinned.GetProperty("commitment").Str("id")));
    }

    [Fact]
    public void Move_SnoozesTheNextTouch_UntilATouchIsLogged()
    {
        _sandbox.InitEmpty(("Zoë Müller", "client"));
        Sandbox.Ok(_sandbox.RunToday("log", "zoe-muller", "--channel", "meeting", "--on", "2026-01-31"));

        var move = Sandbox.Ok(_sandbox.RunToday("move", "zoe-muller", "--to", "2026-03-20"));
        Assert.Contains("to Fri 20 Mar 2026", move.Out, StringComparison.Ordinal);

        using (var plan = Sandbox.Ok(_sandbox.RunToday("plan", "--json")).Json())
        {
            var zoe = plan.Touch("zoe-muller");
            Assert.Equal("2026-03-20", zoe.Str("due"));
            Assert.Equal(0, zoe.GetProperty("daysOverdue").GetInt32());
            Assert.Contains("snoozed by hand", zoe.Str("why"), StringComparison.Ordinal);
        }

        using (var agenda = Sandbox.Ok(_sandbox.RunToday("agenda", "--json")).Json())
        {
            Assert.Empty(agenda.Touches());
        }

        Sandbox.Ok(_sandbox.RunToday("log", "zoe-muller", "--channel", "call"));
        using var data = _sandbox.DataJson();
        Assert.Equal(0, data.RootElement.GetProperty("moves").GetArrayLength());
    }

    [Fact]
    public void Move_APinnedTouch_MovesItsCommitment()
    {
        _sandbox.InitEmpty(("Sam Okafor", "prospect"));
        Sandbox.Ok(_sandbox.RunToday("promise", "sam-okafor", "--on", "2026-03-16", "--what", "send the contract"));

        Sandbox.Ok(_sandbox.RunToday("move", "sam-okafor", "--to", "2026-03-18"));

        using var data = _sandbox.DataJson();
        Assert.Equal("2026-03-18", data.RootElement.GetProperty("commitments")[0].Str("date"));
        Assert.Equal(0, data.RootElement.GetProperty("moves").GetArrayLength());
    }
}

/// <summary><c>pause</c>, <c>archive</c> and <c>owner</c>.</summary>
public sealed class StateAndOwnerTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void PauseAndArchive_LeaveTheAgenda()
    {
        _sandbox.InitEmpty(("Kwame Mensah", "referral source"), ("George Palmer", "past associate"));

        Assert.Contains("Paused Kwame Mensah until Mon 23 Mar 2026.", Sandbox.Ok(_sandbox.RunToday("pause", "kwame-mensah", "--until", "2026-03-23")).Out, StringComparison.Ordinal);
        Assert.Contains("Archived George Palmer", Sandbox.Ok(_sandbox.RunToday("archive", "george-palmer")).Out, StringComparison.Ordinal);

        using var plan = Sandbox.Ok(_sandbox.RunToday("plan", "--json")).Json();
        var kwame = plan.Touch("kwame-mensah");
        Assert.Equal("paused", kwame.Str("state"));
        Assert.Equal("2026-03-23", kwame.Str("due"));
        Assert.DoesNotContain(plan.Touches(), t => t.Str("id") == "george-palmer");
        Assert.Equal(["george-palmer"], plan.RootElement.GetProperty("archived").EnumerateArray().Select(a => a.GetString()));
        using var agenda = Sandbox.Ok(_sandbox.RunToday("agenda", "--json")).Json();
        Assert.Empty(agenda.Touches());
        var text = Sandbox.Ok(_sandbox.RunToday("agenda"));
        Assert.Contains("Nothing due today.", text.Out, StringComparison.Ordinal);
        Assert.Contains("Next touches, Mon 23 Mar 2026:", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Owner_SetsTheCalendar_AndTheAgendaIsLevelledOnIt()
    {
        _sandbox.InitEmpty(("Ann Berg", "client"), ("Bo Chen", "client"), ("Cy Diaz", "client"));

        var owner = Sandbox.Ok(_sandbox.RunToday("owner", "--zone", "Europe/London", "--per-day", "1", "--working-days", "mon,tue,wed,thu,fri", "--off", "2026-03-16", "--off", "2026-08-03..2026-08-14"));
        Assert.Contains("time zone     Europe/London", owner.Out, StringComparison.Ordinal);
        Assert.Contains("1 touch a day", owner.Out, StringComparison.Ordinal);
        Assert.Contains("2026-08-03..2026-08-14", owner.Out, StringComparison.Ordinal);

        using (var data = _sandbox.DataJson())
        {
            var stored = data.RootElement.GetProperty("owner");
            Assert.Equal("Europe/London", stored.Str("zone"));
            Assert.Equal(1, stored.GetProperty("perDay").GetInt32());
            Assert.Equal(2, stored.GetProperty("timeOff").GetArrayLength());
        }

        // Three first touches due today, one a day: Fri 13, (weekend, day off on Mon 16) Tue 17, Wed 18.
        using var plan = Sandbox.Ok(_sandbox.RunToday("plan", "--json")).Json();
        Assert.Equal("Europe/London", plan.RootElement.Str("zone"));
        Assert.Equal(["2026-03-13", "2026-03-17", "2026-03-18"], plan.Touches().Select(t => t.Str("due")));
        Assert.Contains("moved from Fri 13 Mar 2026: budget of 1 a day reached", plan.Touches()[1].Str("why"), StringComparison.Ordinal);

        // `move` says where the touch was on the levelled plan the agenda shows (Tue 17), not the unlevelled due day.
        string second = plan.Touches()[1].Str("id");
        var move = Sandbox.Ok(_sandbox.RunToday("move", second, "--to", "2026-03-20"));
        Assert.Contains("from Tue 17 Mar 2026 to Fri 20 Mar 2026", move.Out, StringComparison.Ordinal);

        Sandbox.Ok(_sandbox.RunToday("owner", "--clear-off"));
        using var cleared = _sandbox.DataJson();
        Assert.Equal(0, cleared.RootElement.GetProperty("owner").GetProperty("timeOff").GetArrayLength());
    }
}
