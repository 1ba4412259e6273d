using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Cadence.Sample.Tests;

/// <summary>
/// Issue 28, lived through the sample: meetings already in the calendar are booked next steps. The agenda does not ask
/// to call someone you meet on Tuesday; a re-import follows a moved and a cancelled meeting; the day after a meeting,
/// importing logs it and closes the booking; the feed leaves booked meetings out.
/// </summary>
public sealed class BookedMeetingCommandTests : IDisposable
{
    private const string Header = "BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/London\r\n";

    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private static string Event(string uid, string start, string email, string summary, string status = "CONFIRMED", string location = "") =>
        $"BEGIN:VEVENT\r\nDTSTART:{start}\r\nDTEND:{start[..9]}{int.Parse(start[9..11], System.Globalization.CultureInfo.InvariantCulture) + 1:00}{start[11..]}\r\nDTSTAMP:20260302T090000Z\r\n"
        + $"ORGANIZER;CN=Me:mailto:me@example.com\r\nUID:{uid}\r\nATTENDEE;CUTYPE=INDIVIDUAL;PARTSTAT=ACCEPTED;CN=Guest:mailto:{email}\r\n"
        + (location.Length > 0 ? $"LOCATION:{location}\r\n" : string.Empty) + $"STATUS:{status}\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\n";

    private void Calendar(params string[] events) => File.WriteAllText(_sandbox.Path("cal.ics"), Header + string.Concat(events) + "END:VCALENDAR\r\n");

    private string[] Agenda(string date) =>
        Sandbox.Ok(_sandbox.Run("agenda", "--days", "14", "--date", date)).Out.Split('\n');

    [Fact]
    public void BookedMeetings_PinTheAgenda_FollowMovesAndCancellations_AndAreLoggedOncePast()
    {
        Sandbox.Ok(_sandbox.Run("init", "--empty", "--date", "2026-03-02"));
        Sandbox.Ok(_sandbox.Run("add", "Sam", "Okafor", "--tier", "client", "--email", "sam@okafor.co.uk", "--date", "2026-03-02"));
        Sandbox.Ok(_sandbox.Run("add", "Li", "Na", "--tier", "client", "--email", "li.na@example.cn", "--date", "2026-03-02"));
        Sandbox.Ok(_sandbox.Run("log", "sam-okafor", "--channel", "call", "--on", "2026-02-09", "--date", "2026-03-02"));
        string sam = Event("sam-review@google.com", "20260310T140000Z", "sam@okafor.co.uk", "Review with Sam");
        string li = Event("li-intro@google.com", "20260312T100000Z", "li.na@example.cn", "Introduction call", location: "https://us02web.zoom.us/j/123456789");
        Calendar(sam, li);

        var import = Sandbox.Ok(_sandbox.Run("import", "calendar", "cal.ics", "--date", "2026-03-02"));
        Assert.Contains("2 meetings booked, 0 moved, 0 dropped", import.Out, StringComparison.Ordinal);

        // Sam is met on Tuesday and Li called on Thursday: neither is asked for today.
        var agenda = Agenda("2026-03-02");
        Assert.DoesNotContain(agenda, l => l.StartsWith("Mon 2 Mar", StringComparison.Ordinal));
        Assert.Contains(agenda, l => l.StartsWith("Tue 10 Mar", StringComparison.Ordinal) && l.Contains("sam-okafor", StringComparison.Ordinal)
            && l.Contains("Meeting booked Tue 10 Mar 2026 14:00, from your calendar", StringComparison.Ordinal));
        Assert.Contains(agenda, l => l.StartsWith("Thu 12 Mar", StringComparison.Ordinal) && l.Contains("li-na", StringComparison.Ordinal));

        // The feed leaves them out: they are in the calendar already.
        Sandbox.Ok(_sandbox.Run("feed", "--out", "cadence.ics", "--date", "2026-03-02"));
        Assert.DoesNotContain("BEGIN:VEVENT", File.ReadAllText(_sandbox.Path("cadence.ics")), StringComparison.Ordinal);

        // Li's call moves to Friday, Sam cancels: a re-import follows both.
        Calendar(Event("sam-review@google.com", "20260310T140000Z", "sam@okafor.co.uk", "Review with Sam", status: "CANCELLED"), li.Replace("20260312T10", "20260313T10", StringComparison.Ordinal));
        var again = Sandbox.Ok(_sandbox.Run("import", "calendar", "cal.ics", "--date", "2026-03-03"));
        Assert.Contains("0 meetings booked, 1 moved, 1 dropped", again.Out, StringComparison.Ordinal);
        agenda = Agenda("2026-03-03");
        Assert.Contains(agenda, l => l.StartsWith("Fri 13 Mar", StringComparison.Ordinal) && l.Contains("li-na", StringComparison.Ordinal)
            && l.Contains("Meeting booked Fri 13 Mar 2026 10:00", StringComparison.Ordinal));
        Assert.DoesNotContain(agenda, l => l.Contains("sam-okafor", StringComparison.Ordinal) && l.Contains("Meeting booked", StringComparison.Ordinal));

        // The day after Li's call, the import logs it and the booking is done by it; once more changes nothing.
        Sandbox.Ok(_sandbox.Run("import", "calendar", "cal.ics", "--date", "2026-03-14"));
        var show = Sandbox.Ok(_sandbox.Run("show", "li-na", "--json", "--date", "2026-03-14")).Json();
        Assert.Contains(show.RootElement.GetProperty("touches").EnumerateArray(), t => t.Str("date") == "2026-03-13" && t.Str("channel") == "call");
        Assert.DoesNotContain(Agenda("2026-03-14"), l => l.Contains("Meeting booked", StringComparison.Ordinal));
        byte[] settled = _sandbox.DataBytes();
        Sandbox.Ok(_sandbox.Run("import", "calendar", "cal.ics", "--date", "2026-03-14"));
        Assert.Equal(settled, _sandbox.DataBytes());
    }

    [Theory]
    [InlineData("367")]
    [InlineData("-1")]
    [InlineData("soon")]
    public void ABadHorizon_OneLine_NothingWritten(string horizon)
    {
        Sandbox.Ok(_sandbox.Run("init", "--empty", "--date", "2026-03-02"));
        Calendar();
        byte[] before = _sandbox.DataBytes();

        var result = Sandbox.Fails(_sandbox.Run("import", "calendar", "cal.ics", "--horizon", horizon, "--date", "2026-03-02"));

        Assert.Contains("--horizon", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }
}
