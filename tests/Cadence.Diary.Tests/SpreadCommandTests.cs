using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Cadence.Sample.Tests;

/// <summary>
/// Issue 28: a fresh import does not make everyone due the same morning. `import contacts --spread` sets each new
/// relationship's first touch on a working day of the period inside the budget; `add --first-touch-by` sets one.
/// </summary>
public sealed class SpreadCommandTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private void Contacts(int n) =>
        File.WriteAllText(_sandbox.Path("contacts.csv"), "name,email\n" + string.Concat(Enumerable.Range(0, n).Select(i => $"Person {i:00},p{i}@example.com\n")));

    [Fact]
    public void ImportWithSpread_TwoADayOverSixWeeks_EachSaysWhy_NoOneElseMoved_AgainAddsNothing()
    {
        Sandbox.Ok(_sandbox.Run("init", "--empty", "--date", "2026-12-07"));
        Sandbox.Ok(_sandbox.Run("add", "Ann", "Berg", "--tier", "client", "--date", "2026-12-07"));
        Contacts(60);

        byte[] before = _sandbox.DataBytes();
        var dry = Sandbox.Ok(_sandbox.Run("import", "contacts", "contacts.csv", "--spread", "6w", "--dry-run", "--date", "2026-12-07"));
        Assert.StartsWith(
            "Dry run: would import contacts.csv (CSV, 60 contacts): 60 added, 0 updated, 0 already there, 0 skipped. First touches of the 60 new relationships spread from Mon 7 Dec 2026 to Fri 15 Jan 2027, at most 2 a day. Nothing was written.",
            dry.Out,
            StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());

        Sandbox.Ok(_sandbox.Run("import", "contacts", "contacts.csv", "--spread", "6w", "--date", "2026-12-07"));

        // Two new ones a working day for six weeks (thirty working days), none on a weekend; Ann as before.
        var agenda = Sandbox.Ok(_sandbox.Run("agenda", "--days", "42", "--date", "2026-12-07")).Out.Split('\n');
        var rows = agenda.Where(l => l.Contains("person-", StringComparison.Ordinal)).ToList();
        Assert.Equal(60, rows.Count);
        Assert.All(rows, r => Assert.Contains("first touch set for", r, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.StartsWith("Sat", StringComparison.Ordinal) || r.StartsWith("Sun", StringComparison.Ordinal));
        Assert.All(rows.GroupBy(r => r[..10]), g => Assert.Equal(2, g.Count()));
        Assert.Contains(agenda, l => l.StartsWith("Mon 7 Dec", StringComparison.Ordinal) && l.Contains("ann-berg", StringComparison.Ordinal));

        // Importing the file again matches everyone and spreads nothing: no day moves.
        byte[] settled = _sandbox.DataBytes();
        var again = Sandbox.Ok(_sandbox.Run("import", "contacts", "contacts.csv", "--spread", "6w", "--date", "2026-12-07"));
        Assert.StartsWith("Imported contacts.csv (CSV, 60 contacts): 0 added, 0 updated, 60 already there, 0 skipped.", again.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("spread", again.Out.Split('\n')[0], StringComparison.Ordinal);
        Assert.Equal(settled, _sandbox.DataBytes());
    }

    [Fact]
    public void ImportWithSpread_ABudgetOfOneADay_TheRestAfterThePeriod_Said()
    {
        Sandbox.Ok(_sandbox.Run("init", "--empty", "--date", "2026-12-07"));
        Sandbox.Ok(_sandbox.Run("owner", "--per-day", "1", "--date", "2026-12-07"));
        Contacts(7);

        var result = Sandbox.Ok(_sandbox.Run("import", "contacts", "contacts.csv", "--spread", "1w", "--date", "2026-12-07"));

        Assert.Contains("spread from Mon 7 Dec 2026 to Tue 15 Dec 2026, at most 1 a day (past Sun 13 Dec 2026: the period had no more room in your budget).", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6x")]
    [InlineData("0w")]
    [InlineData("13m")]
    [InlineData("week")]
    public void ImportWithABadSpread_OneLineNamingIt_NothingWritten(string spread)
    {
        Sandbox.Ok(_sandbox.Run("init", "--empty", "--date", "2026-12-07"));
        Contacts(3);
        byte[] before = _sandbox.DataBytes();

        var result = Sandbox.Fails(_sandbox.Run("import", "contacts", "contacts.csv", "--spread", spread, "--date", "2026-12-07"));

        Assert.Equal($"Cadence.Diary: Bad period \"{spread}\" for --spread: give days, weeks or months up to a year, e.g. 6w, 30d or 2m.", Assert.Single(result.ErrorLines));
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void SpreadOnACalendarImport_AWrongCommandLine()
    {
        Sandbox.Ok(_sandbox.Run("init", "--empty", "--date", "2026-12-07"));
        File.WriteAllText(_sandbox.Path("cal.ics"), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");

        var result = Sandbox.Fails(_sandbox.Run("import", "calendar", "cal.ics", "--spread", "6w", "--date", "2026-12-07"), 2);

        Assert.Contains("--spread is for import contacts", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void AddWithFirstTouchBy_PlannedThatDay_SayingSo_NotBeforeToday()
    {
        Sandbox.Ok(_sandbox.Run("init", "--empty", "--date", "2026-12-07"));

        Sandbox.Ok(_sandbox.Run("add", "Ann", "Berg", "--tier", "client", "--first-touch-by", "2026-12-18", "--date", "2026-12-07"));

        var show = Sandbox.Ok(_sandbox.Run("show", "ann-berg", "--date", "2026-12-07")).Out;
        Assert.Contains("Fri 18 Dec: Call Ann Berg. No touch yet: time for a first one; clients are due every 30 days (at most 45); first touch set for Fri 18 Dec 2026 when added on Mon 7 Dec 2026.", show, StringComparison.Ordinal);
        var rows = Sandbox.Ok(_sandbox.Run("agenda", "--days", "30", "--date", "2026-12-07")).Out.Split('\n').Where(l => l.Contains("ann-berg", StringComparison.Ordinal));
        Assert.StartsWith("Fri 18 Dec", Assert.Single(rows), StringComparison.Ordinal);

        byte[] before = _sandbox.DataBytes();
        var late = Sandbox.Fails(_sandbox.Run("add", "Bo", "Berg", "--tier", "client", "--first-touch-by", "2026-12-01", "--date", "2026-12-07"));
        Assert.Equal("Cadence.Diary: --first-touch-by 2026-12-01 is before today (2026-12-07); give today or a later day.", Assert.Single(late.ErrorLines));
        Assert.Equal(before, _sandbox.DataBytes());
    }
}
