using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Cadence.Sample.Tests;

/// <summary><c>import calendar FILE</c>: meetings with people in the diary become touches, once, with a summary of what was skipped and why.</summary>
public sealed class ImportTests : IDisposable
{
    private const string Calendar = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Google Inc//Google Calendar 70.9054//EN
        BEGIN:VEVENT
        UID:review@example.com
        DTSTART;TZID=Europe/London:20260302T100000
        ORGANIZER:mailto:me@example.com
        ATTENDEE;PARTSTAT=ACCEPTED:mailto:Zoe.Mueller@example.com
        LOCATION:https://us02web.zoom.us/j/123
        SUMMARY:Quarterly review
        END:VEVENT
        BEGIN:VEVENT
        UID:coffee@example.com
        DTSTART:20260303T083000Z
        RRULE:FREQ=WEEKLY;COUNT=2
        ORGANIZER:mailto:sam@okafor.co.uk
        ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com
        SUMMARY:Coffee
        END:VEVENT
        BEGIN:VEVENT
        UID:pitch@example.com
        DTSTART:20260311T140000Z
        ORGANIZER:mailto:sam@okafor.co.uk
        ATTENDEE;PARTSTAT=DECLINED:mailto:me@example.com
        SUMMARY:Pitch
        END:VEVENT
        BEGIN:VEVENT
        UID:later@example.com
        DTSTART:20260320T140000Z
        ATTENDEE:mailto:zoe.mueller@example.com
        SUMMARY:Later
        END:VEVENT
        END:VCALENDAR
        """;

    private readonly Sandbox _sandbox = new();

    public ImportTests()
    {
        Sandbox.Ok(_sandbox.RunToday("init", "--empty"));
        Sandbox.Ok(_sandbox.RunToday("owner", "--zone", "Europe/London"));
        Sandbox.Ok(_sandbox.RunToday("add", "Zoë Müller", "--tier", "client", "--email", "zoe.mueller@example.com", "--met-at", "ExpoLondon"));
        Sandbox.Ok(_sandbox.RunToday("add", "Sam Okafor", "--tier", "prospect", "--email", "sam@okafor.co.uk", "--phone", "+44 20 7946 0958"));
        File.WriteAllText(_sandbox.Path("cal.ics"), Calendar.Replace("\n", "\r\n", StringComparison.Ordinal));
    }

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void ImportCalendar_AddsTheMeetingsThatHappened_Once()
    {
        var result = Sandbox.Ok(_sandbox.RunToday("import", "calendar", "cal.ics", "--me", "me@example.com"));

        // The future meeting with a relationship is booked (issue 28).
        Assert.StartsWith("Imported cal.ics: 3 touches, 1 meeting booked, 0 moved, 0 dropped; 0 occurrences imported before, ", result.Out, StringComparison.Ordinal);
        Assert.Contains("Zoë Müller (zoe-muller)", result.Out, StringComparison.Ordinal);
        Assert.Contains("you declined it (event \"Pitch\" on 2026-03-11)", result.Out, StringComparison.Ordinal);
        using (var show = Sandbox.Ok(_sandbox.RunToday("show", "sam-okafor", "--json")).Json())
        {
            var touches = show.RootElement.GetProperty("touches").EnumerateArray().ToList();
            Assert.Equal(["2026-03-03", "2026-03-10"], touches.Select(t => t.Str("date")).Order());
            Assert.All(touches, t => Assert.Equal("inbound", t.Str("direction")));
        }

        using (var show = Sandbox.Ok(_sandbox.RunToday("show", "zoe-muller", "--json")).Json())
        {
            var touch = Assert.Single(show.RootElement.GetProperty("touches").EnumerateArray());
            Assert.Equal("call", touch.Str("channel"));
            Assert.Equal("Zoom", touch.Str("medium"));
            Assert.Equal("Quarterly review", touch.Str("note"));
            Assert.Equal("ExpoLondon", show.RootElement.GetProperty("relationship").Str("metAt"));
        }

        byte[] before = _sandbox.DataBytes();
        var again = Sandbox.Ok(_sandbox.RunToday("import", "calendar", "cal.ics", "--me", "me@example.com"));
        // The three touches and the booking.
        Assert.StartsWith("Imported cal.ics: 0 touches; 4 occurrences imported before", again.Out, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void OnATerminal_AnImportShowsItsProgress_OnStandardError_AndARedirectedOutputNeverSeesIt()
    {
        // In this process, with a terminal of its own: an interactive console where a person would see the bar.
        var shown = new StringWriter();
        var progress = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Ansi = Spectre.Console.AnsiSupport.Yes,
            Interactive = Spectre.Console.InteractionSupport.Yes,
            Out = new Spectre.Console.AnsiConsoleOutput(shown),
        });
        var output = new StringWriter();
        var app = new Cadence.Sample.Cli.App(new Cadence.Sample.Output.Terminal(output, color: false, width: 100, progress), new StringWriter(), NodaTime.SystemClock.Instance);

        int exit = app.Run(["import", "calendar", _sandbox.Path("cal.ics"), "--data", _sandbox.DataFile, "--date", Sandbox.Today, "--dry-run"]);

        Assert.Equal(0, exit);
        Assert.Contains("Reading cal.ics", shown.ToString(), StringComparison.Ordinal);
        Assert.Contains("100%", shown.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("Dry run: would import cal.ics: 4 touches", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Reading", output.ToString(), StringComparison.Ordinal);

        // The executable with its output and errors redirected (a script, a pipe): no bar anywhere.
        var redirected = Sandbox.Ok(_sandbox.RunProcessToday("import", "calendar", "cal.ics", "--dry-run"));
        Assert.DoesNotContain("Reading", redirected.Out + redirected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ADiaryChangedWhileAnImportRead_IsMatchedAgainUnderTheLock_TheOtherWriteIsKept()
    {
        // The import reads and matches without the lock (issue 26); another command writes meanwhile.
        string[] line = ["import", "calendar", "cal.ics", "--data", _sandbox.DataFile, "--date", Sandbox.Today];
        Cadence.Sample.Cli.Invocation? invocation = null;
        Cadence.Sample.Cli.CommandLine.Run(Cadence.Sample.Cli.CommandLine.Build(i => { invocation = i; return 0; }), line, new StringWriter(), _ => 2);
        var output = new StringWriter();
        var app = new Cadence.Sample.Cli.App(new Cadence.Sample.Output.Terminal(output, color: false, width: null), new StringWriter(), NodaTime.SystemClock.Instance);
        var seen = new System.Collections.Generic.List<int>();

        app.ChangeOutsideLock(
            invocation!,
            dryRun: false,
            (data, _) =>
            {
                seen.Add(data.Diary.Relationships.Count);
                if (seen.Count == 1)
                {
                    Sandbox.Ok(_sandbox.RunToday("add", "Ana Lima", "--tier", "client"));
                }

                return data.Diary.Relationships.Count;
            },
            (data, count) => (data with { Owner = data.Owner with { Holidays = [new NodaTime.LocalDate(2026, 12, 25)] } }, $"matched against {count} relationships"));

        // Matched again on the diary with Ana, and both writes are in the file.
        Assert.Equal([2, 3], seen);
        Assert.Equal("matched against 3 relationships\n", output.ToString());
        Assert.Contains("ana-lima", Sandbox.Ok(_sandbox.RunToday("list")).Out, StringComparison.Ordinal);
        Assert.Contains("2026-12-25", File.ReadAllText(_sandbox.DataFile), StringComparison.Ordinal);
    }

    [Fact]
    public void ImportCalendar_DryRun_WritesNothing()
    {
        byte[] before = _sandbox.DataBytes();
        var result = Sandbox.Ok(_sandbox.RunToday("import", "calendar", "cal.ics", "--dry-run"));
        Assert.StartsWith("Dry run: would import cal.ics: 4 touches", result.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", result.Out, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void ADryRun_TakesNoLock_ItAnswersWhileAnotherCommandHoldsIt()
    {
        // Issue 26: --dry-run held the diary's lock for as long as the import ran, and other commands failed meanwhile.
        using (new FileStream(_sandbox.DataFile + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var result = Sandbox.Ok(_sandbox.RunToday("import", "calendar", "cal.ics", "--dry-run"));
            Assert.StartsWith("Dry run: would import cal.ics: 4 touches", result.Out, StringComparison.Ordinal);
        }

        Assert.Empty(_sandbox.DataJson().RootElement.GetProperty("touches").EnumerateArray());
    }

    [Fact]
    public void ImportCalendar_SinceLeavesOutEarlierMeetings()
    {
        var result = Sandbox.Ok(_sandbox.RunToday("import", "calendar", "cal.ics", "--me", "me@example.com", "--since", "2026-03-05"));
        Assert.StartsWith("Imported cal.ics: 1 touch, 1 meeting booked, 0 moved, 0 dropped;", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportCalendar_HorizonZero_BooksNothing()
    {
        var result = Sandbox.Ok(_sandbox.RunToday("import", "calendar", "cal.ics", "--me", "me@example.com", "--horizon", "0"));
        Assert.StartsWith("Imported cal.ics: 3 touches; 0 occurrences imported before", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("367")]
    [InlineData("soon")]
    public void ImportCalendar_BadHorizon_OneLineError_NothingWritten(string horizon)
    {
        string before = System.IO.File.ReadAllText(_sandbox.DataFile);
        var result = _sandbox.RunToday("import", "calendar", "cal.ics", "--horizon", horizon);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--horizon", result.Error, StringComparison.Ordinal);
        Assert.Single(result.ErrorLines);
        Assert.Equal(before, System.IO.File.ReadAllText(_sandbox.DataFile));
    }

    [Theory]
    [InlineData(2, "import takes calendar or contacts, not \"diary\"", "import", "diary", "cal.ics")]
    [InlineData(2, "--tier is for import contacts", "import", "calendar", "cal.ics", "--tier", "client")]
    [InlineData(1, "There is no file \"missing.ics\".", "import", "calendar", "missing.ics")]
    [InlineData(1, "\"notes.txt\" is not an iCalendar file (no BEGIN:VCALENDAR).", "import", "calendar", "notes.txt")]
    [InlineData(1, "--since 2026-03-14 is after today (2026-03-13).", "import", "calendar", "cal.ics", "--since", "2026-03-14")]
    [InlineData(1, "\"zoe at example\" (emails) is not an e-mail address", "add", "Zoë B", "--tier", "client", "--email", "zoe at example")]
    public void BadInput_OneLineAndAnExitCode(int exitCode, string message, params string[] args)
    {
        File.WriteAllText(_sandbox.Path("notes.txt"), "Lunch with Zoë on Monday\n");
        byte[] before = _sandbox.DataBytes();
        var result = Sandbox.Fails(_sandbox.RunToday(args), exitCode);
        Assert.Contains(message, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void ASummaryOfManyContacts_ListsTenAndCountsTheRest()
    {
        File.WriteAllText(_sandbox.Path("many.csv"), "name,email\n" + string.Concat(Enumerable.Range(0, 25).Select(n => $"Person {n:00},p{n}@example.com\n")) + "Broken,\"p99@example.com\n");

        var result = Sandbox.Ok(_sandbox.RunToday("import", "contacts", "many.csv"));

        var rows = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, rows.Count(r => System.Text.RegularExpressions.Regex.IsMatch(r, @"^added +1 ")));
        Assert.Contains(rows, r => System.Text.RegularExpressions.Regex.IsMatch(r, @"^added +15 +15 more relationships$"));
        Assert.Contains("person-00: Person 00", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("person-24", result.Out, StringComparison.Ordinal);
        Assert.Equal(25, Sandbox.Ok(_sandbox.RunToday("list")).Out.Split('\n').Count(l => l.Contains("person-", StringComparison.Ordinal)));
    }

    [Fact]
    public void ImportContacts_MatchedByEmailUpdated_NewOnesAddedInTheTier_Once()
    {
        File.WriteAllText(_sandbox.Path("contacts.csv"), "name,email,phone,organization,birthday\nZoë M.,ZOE.MUELLER@example.com;zoe@home.example,,Müller & Partner,--04-15\nAnn Berg,ann.berg@example.se,,,\n,,,,\n");

        var result = Sandbox.Ok(_sandbox.RunToday("import", "contacts", "contacts.csv", "--tier", "past-associate"));

        Assert.StartsWith("Imported contacts.csv (CSV, 3 contacts): 1 added, 1 updated, 0 already there, 1 skipped.", result.Out, StringComparison.Ordinal);
        Assert.Contains("zoe-muller: Zoë Müller: added e-mail zoe@home.example, tag Müller & Partner, birthday --04-15", result.Out, StringComparison.Ordinal);
        Assert.Contains("Zoë Müller's birthday", Sandbox.Ok(_sandbox.Run("dates", "--days", "60", "--date", "2026-03-13")).Out, StringComparison.Ordinal);
        using (var show = Sandbox.Ok(_sandbox.RunToday("show", "ann-berg", "--json")).Json())
        {
            Assert.Equal("past-associate", show.RootElement.GetProperty("relationship").Str("tier"));
        }

        byte[] before = _sandbox.DataBytes();
        var again = Sandbox.Ok(_sandbox.RunToday("import", "contacts", "contacts.csv", "--tier", "past-associate"));
        Assert.StartsWith("Imported contacts.csv (CSV, 3 contacts): 0 added, 0 updated, 2 already there, 1 skipped.", again.Out, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void ImportContacts_VCardDryRun_WritesNothing()
    {
        File.WriteAllText(_sandbox.Path("card.vcf"), "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tom Ashworth\r\nEMAIL;TYPE=INTERNET:tom@ashworth.example\r\nEND:VCARD\r\n");
        byte[] before = _sandbox.DataBytes();
        var result = Sandbox.Ok(_sandbox.RunToday("import", "contacts", "card.vcf", "--dry-run"));
        Assert.StartsWith("Dry run: would import card.vcf (vCard, 1 contact): 1 added", result.Out, StringComparison.Ordinal);
        Assert.Contains("tom-ashworth: Tom Ashworth, contact: tom@ashworth.example", result.Out, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Theory]
    [InlineData(2, "--since is for import calendar.", "import", "contacts", "cal.ics", "--since", "2026-03-01")]
    [InlineData(1, "\"notes.txt\" has a header that is not a Google or Outlook export", "import", "contacts", "notes.txt")]
    [InlineData(1, "tier", "import", "contacts", "cal.ics", "--tier", "bad\u001btier")]
    public void ImportContacts_BadInput_OneLine(int exitCode, string message, params string[] args)
    {
        File.WriteAllText(_sandbox.Path("notes.txt"), "Lunch with Zoë on Monday\n");
        File.WriteAllText(_sandbox.Path("cal.ics"), "name,email\nZoë,zoe@example.com\n");
        byte[] before = _sandbox.DataBytes();
        var result = Sandbox.Fails(_sandbox.RunToday(args), exitCode);
        Assert.Contains(message, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void Edit_ContactDetails_ReplacedOrCleared()
    {
        var result = Sandbox.Ok(_sandbox.RunToday("edit", "sam-okafor", "--email", "sam@okafor.co.uk", "--email", "s.okafor@example.com", "--phone", "none", "--met-at", "Web Summit"));
        Assert.Contains("e-mail sam@okafor.co.uk → sam@okafor.co.uk, s.okafor@example.com; phone +44 20 7946 0958 → none; met at none → Web Summit", result.Out, StringComparison.Ordinal);
        using var data = _sandbox.DataJson();
        var sam = data.RootElement.GetProperty("relationships").EnumerateArray().Single(r => r.Str("id") == "sam-okafor");
        Assert.Equal(["sam@okafor.co.uk", "s.okafor@example.com"], sam.GetProperty("emails").EnumerateArray().Select(e => e.GetString()));
        Assert.False(sam.TryGetProperty("phones", out _));
        Assert.Equal("Web Summit", sam.Str("metAt"));
    }
    [Theory]
    [InlineData("--time-off", "Out of office", "99991231", "time off")]
    [InlineData("--holidays", "Bank holidays", "29991231", "holidays")]
    public void DaysOffRunningForCenturies_AreCutAtTheYearAhead_AndEveryCommandStillOpensTheDiary(string flag, string summary, string end, string what)
    {
        // Issue 26: time off to 9999 left a diary that no command opened; a holiday calendar to 2999 made every plan fail.
        File.WriteAllText(
            _sandbox.Path("far.ics"),
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:far@test\r\nDTSTART;VALUE=DATE:20260316\r\n"
            + $"DTEND;VALUE=DATE:{end}\r\nX-MICROSOFT-CDO-BUSYSTATUS:OOF\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");

        var import = Sandbox.Ok(_sandbox.RunToday("import", "calendar", "far.ics", flag));
        Assert.Contains($"{what} 2026-03-16 to 2027-03-13 (cut at 2027-03-13: days off are read for the year ahead", import.Out, StringComparison.Ordinal);

        foreach (var command in new[] { new[] { "agenda" }, ["list"], ["plan", "--json"], ["feed", "--out", "f.ics"], ["owner"] })
        {
            Sandbox.Ok(_sandbox.RunToday(command));
        }

        Assert.True(_sandbox.DataBytes().Length < 64 * 1024, $"the data file grew to {_sandbox.DataBytes().Length} bytes");
        Sandbox.Ok(_sandbox.RunToday("owner", "--clear-off"));
    }
    [Theory]
    [InlineData("/dev/zero", null)]
    [InlineData("/dev/urandom", null)]
    [InlineData(null, "/dev/zero")]
    [InlineData(null, "fifo")]
    public void ADeviceALinkToOneOrAPipe_IsRefusedWithoutReadingIt(string? path, string? special)
    {
        // Issue 26: /dev/zero was read to 4.2 GB and an OutOfMemoryException; a FIFO hung the import.
        if (special == "fifo")
        {
            path = _sandbox.Path("pipe.ics");
            using var mkfifo = System.Diagnostics.Process.Start("mkfifo", path)!;
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        else if (special is not null)
        {
            path = _sandbox.Path("link.ics");
            File.CreateSymbolicLink(path, special);
        }

        byte[] before = _sandbox.DataBytes();
        foreach (var kind in new[] { "calendar", "contacts" })
        {
            var result = Sandbox.Fails(_sandbox.RunToday("import", kind, path!));
            Assert.Contains("is empty, or not a regular file (a device or a pipe): nothing to import.", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        }

        Assert.Equal(before, _sandbox.DataBytes());
    }
}
