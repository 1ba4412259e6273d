using System;
using System.Linq;
using System.Text.Json;

namespace Cadence.Sample.Tests;

/// <summary>
/// Issue 25, "levelling uses the whole window", through the real executable from an empty diary: a touch due on a day
/// off goes early inside its window instead of late after the time off, and is late only when every day of its window is
/// full, saying so truly.
/// </summary>
public sealed class LevellingWindowTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    /// <summary>
    /// An empty diary on Mon 9 Mar 2026; the owner off Fri 3 Apr and Mon 6 to Fri 10 Apr; a referral source written to
    /// that day (an email: due Fri 3 Apr, window Mon 30 Mar to Sat 11 Apr).
    /// </summary>
    private void StartWithRita(params string[] owner)
    {
        Sandbox.Ok(_sandbox.Run("init", "--empty", "--date", "2026-03-09"));
        Sandbox.Ok(_sandbox.Run(["owner", "--zone", "Europe/London", "--off", "2026-04-03", "--off", "2026-04-06..2026-04-10", .. owner, "--date", "2026-03-09"]));
        Sandbox.Ok(_sandbox.Run("add", "Rita Rossi", "--tier", "referral source", "--date", "2026-03-09"));
        Sandbox.Ok(_sandbox.Run("log", "rita-rossi", "--channel", "email", "--on", "2026-03-09", "--date", "2026-03-09"));
    }

    private JsonElement PlanOf(string id, string day)
    {
        using var plan = Sandbox.Ok(_sandbox.Run("plan", "--json", "--date", day)).Json();
        return plan.Touch(id).Clone();
    }

    private static string[] Kinds(JsonElement touch) =>
        [.. touch.GetProperty("reasons").EnumerateArray().Select(r => r.Str("kind"))];

    private static string TextOf(JsonElement touch, string kind) =>
        touch.GetProperty("reasons").EnumerateArray().Single(r => r.Str("kind") == kind).Str("text");

    [Fact]
    public void DueOnADayOff_FreeWorkingDaysBeforeIt_PlannedOnTheNearestOneInsideItsWindow()
    {
        StartWithRita();

        var rita = PlanOf("rita-rossi", "2026-03-23");

        Assert.Equal(("2026-04-02", "2026-03-30", "2026-04-11"), (rita.Str("due"), rita.Str("notBefore"), rita.Str("notAfter")));
        Assert.False(rita.GetProperty("late").GetBoolean(), rita.ToString());
        Assert.DoesNotContain("late", Kinds(rita));
        Assert.Equal("moved from Fri 3 Apr 2026: time off", TextOf(rita, "levelled"));
        Assert.EndsWith("moved from Fri 3 Apr 2026: time off.", rita.Str("why"), StringComparison.Ordinal);

        // The agenda of Thu 2 Apr has her; the table of the plan says the day and why.
        using (var agenda = Sandbox.Ok(_sandbox.Run("agenda", "--json", "--date", "2026-04-02")).Json())
        {
            Assert.Equal(["rita-rossi"], agenda.Touches().Select(t => t.Str("id")));
        }

        var table = Sandbox.Ok(_sandbox.Run("plan", "--date", "2026-03-23")).Out;
        var line = table.Split('\n').Single(l => l.Contains("rita-rossi", StringComparison.Ordinal));
        Assert.StartsWith("Thu 2 Apr", line, StringComparison.Ordinal);
        Assert.DoesNotContain("late", line, StringComparison.Ordinal);
    }

    [Fact]
    public void DueOnADayOff_EveryDayOfItsWindowFull_LateAfterTheTimeOffAndSaysNothingFit()
    {
        // One touch a day, and four clients (every 30 days, at most 45) due on each working day of Rita's window before
        // the time off: none of those days has room, so she is late on Mon 13 Apr, and says why.
        StartWithRita("--per-day", "1");
        foreach (var (name, met) in new[] { ("Ann Adams", "2026-02-28"), ("Bob Brown", "2026-03-01"), ("Cat Cole", "2026-03-02"), ("Dee Diaz", "2026-03-03") })
        {
            string id = Sandbox.Ok(_sandbox.Run("add", name, "--tier", "client", "--date", "2026-03-09")).Out.Trim();
            Sandbox.Ok(_sandbox.Run("log", id, "--channel", "meeting", "--on", met, "--date", "2026-03-09"));
        }

        using var plan = Sandbox.Ok(_sandbox.Run("plan", "--json", "--date", "2026-03-23")).Json();

        Assert.Equal(
            ["2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02"],
            new[] { "ann-adams", "bob-brown", "cat-cole", "dee-diaz" }.Select(id => plan.Touch(id).Str("due")));
        var rita = plan.Touch("rita-rossi");
        Assert.Equal("2026-04-13", rita.Str("due"));
        Assert.True(rita.GetProperty("late").GetBoolean(), rita.ToString());
        Assert.Equal("moved from Fri 3 Apr 2026: time off", TextOf(rita, "levelled"));
        Assert.Equal("2 days late: nothing fit by Sat 11 Apr 2026", TextOf(rita, "late"));
    }
}
