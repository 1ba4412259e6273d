using System;
using System.IO;
using System.Linq;
using System.Text;

namespace Cadence.Sample.Tests;

/// <summary>Bad input gets one line on stderr and exit code 1, and leaves the data file byte for byte as it was.</summary>
public sealed class BadInputTests : IDisposable, IClassFixture<DemoDataFile>
{
    private readonly Sandbox _sandbox = new();

    public BadInputTests(DemoDataFile demo)
    {
        File.WriteAllBytes(_sandbox.DataFile, demo.Bytes);
    }

    public void Dispose() => _sandbox.Dispose();

    [Theory]
    [InlineData("No relationship has the id \"nobody\"", "log", "nobody", "--channel", "call")]
    [InlineData("No relationship has the id \"nobody\"", "promise", "nobody", "--on", "2026-03-20", "--what", "x")]
    [InlineData("No relationship has the id \"nobody\"", "move", "nobody", "--to", "2026-03-20")]
    [InlineData("No relationship has the id \"nobody\"", "pause", "nobody", "--until", "2026-03-20")]
    [InlineData("No relationship has the id \"nobody\"", "archive", "nobody")]
    [InlineData("Bad date", "log", "sam-okafor", "--channel", "call", "--on", "2026-02-30")]
    [InlineData("Bad date", "promise", "sam-okafor", "--on", "20/03/2026", "--what", "x")]
    [InlineData("Bad date", "move", "sam-okafor", "--to", "next week")]
    [InlineData("Bad date", "pause", "sam-okafor", "--until", "2026-13-01")]
    [InlineData("Bad date", "owner", "--off", "2026-08-03..soon")]
    [InlineData("Unknown channel", "log", "sam-okafor", "--channel", "pigeon")]
    [InlineData("Unknown channel", "promise", "sam-okafor", "--on", "2026-03-20", "--what", "x", "--channel", "fax")]
    [InlineData("Unknown channel", "add", "Zoë", "--tier", "client", "--prefers", "call,telepathy")]
    [InlineData("Unknown time zone", "add", "Zoë", "--tier", "client", "--zone", "Mars/Olympus_Mons")]
    [InlineData("Unknown time zone", "owner", "--zone", "Europe/Atlantis")]
    [InlineData("after today", "log", "sam-okafor", "--channel", "call", "--on", "2026-03-14")]
    [InlineData("before today", "move", "sam-okafor", "--to", "2026-03-12")]
    [InlineData("already used", "add", "Zoë", "--tier", "client", "--id", "zoe-muller")]
    [InlineData("Bad number", "owner", "--per-day", "0")]
    [InlineData("Unknown day", "owner", "--working-days", "mon,funday")]
    [InlineData("ends before it starts", "owner", "--off", "2026-08-14..2026-08-03")]
    [InlineData("Unknown privacy", "feed", "--out", "x.ics", "--privacy", "secret")]
    [InlineData("The date 9999-12-31 (date) is outside the dates Cadence plans with (1900-01-01 to 2999-12-31)", "promise", "sam-okafor", "--on", "9999-12-31", "--what", "x")]
    [InlineData("The date 3000-01-01 (until) is outside the dates", "pause", "sam-okafor", "--until", "3000-01-01")]
    [InlineData("The date 9999-12-31 (end) is outside the dates", "owner", "--off", "2026-08-03..9999-12-31")]
    [InlineData("The date 1850-01-01 (date) is outside the dates", "log", "sam-okafor", "--channel", "call", "--on", "1850-01-01")]
    [InlineData("contains the control character U+001B at position 3", "add", "Bad\u001b[2Jname", "--tier", "client")]
    // Issue 26: the option named as typed, not as the library calls it; no channel at all is not a list of channels.
    [InlineData("--note \"a\\u0001b\" contains the control character U+0001 at position 1", "log", "sam-okafor", "--channel", "call", "--note", "a\u0001b")]
    [InlineData("--what \"a\\u0001b\" contains the control character U+0001 at position 1", "promise", "sam-okafor", "--on", "2026-03-20", "--what", "a\u0001b")]
    [InlineData("--prefers \"\" names no channel", "campaign", "add", "x", "--tier", "client", "--by", "2026-12-31", "--prefers", "")]
    [InlineData("--prefers \" , \" names no channel", "add", "Zoë", "--tier", "client", "--prefers", " , ")]
    public void BadInput_OneLineExitOne_DataFileUntouched(string message, params string[] args)
    {
        byte[] before = _sandbox.DataBytes();

        var result = Sandbox.Fails(_sandbox.RunToday(args));

        Assert.Contains(message, result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, _sandbox.DataBytes());
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("date --rule cannot take --once", "date", "sam-okafor", "--label", "x", "--rule", "third monday of september", "--once")]
    [InlineData("date --rule cannot take --leap", "date", "sam-okafor", "--label", "x", "--rule", "third monday of september", "--leap", "mar1")]
    [InlineData("help: there is no command \"nosuch\"", "help", "nosuch")]
    public void ContradictoryOrUnknown_OneLineExitTwo_DataFileUntouched(string message, params string[] args)
    {
        byte[] before = _sandbox.DataBytes();

        var result = Sandbox.Fails(_sandbox.RunToday(args), exitCode: 2);

        Assert.Contains(message, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
        Assert.Empty(result.Out);
    }

    [Fact]
    public void BadToday_OneLineExitOne()
    {
        byte[] before = _sandbox.DataBytes();

        var result = Sandbox.Fails(_sandbox.Run("log", "sam-okafor", "--channel", "call", "--date", "2026-3-13"));

        Assert.Contains("Bad date \"2026-3-13\" for --date", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void MissingDataFile_GivenWithData_SaysHowToCreateIt()
    {
        var result = Sandbox.Fails(_sandbox.RunToday("agenda", "--data", "nowhere.json"));

        Assert.Contains("init --data nowhere.json", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_sandbox.Path("nowhere.json")));
    }

    [Fact]
    public void NoTemporaryFilesLeftBehind()
    {
        Sandbox.Fails(_sandbox.RunToday("log", "nobody", "--channel", "call"));
        Sandbox.Ok(_sandbox.RunToday("log", "sam-okafor", "--channel", "call"));

        var files = Directory.GetFiles(_sandbox.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["diary.json", "diary.json.lock"], files);
    }
}

/// <summary>A corrupt, invalid or newer-format data file: one line, exit code 1, and the file untouched.</summary>
public sealed class DataFileTests : IDisposable, IClassFixture<DemoDataFile>
{
    private readonly Sandbox _sandbox = new();

    public DataFileTests(DemoDataFile demo)
    {
        File.WriteAllBytes(_sandbox.DataFile, demo.Bytes);
    }

    public void Dispose() => _sandbox.Dispose();

    [Theory]
    [InlineData("agenda")]
    [InlineData("plan", "--json")]
    [InlineData("log", "sam-okafor", "--channel", "call")]
    [InlineData("add", "Zoë", "--tier", "client")]
    [InlineData("feed", "--out", "x.ics")]
    public void CorruptDataFile_OneLineExitOne_Untouched(params string[] args)
    {
        byte[] truncated = _sandbox.DataBytes()[..400];
        File.WriteAllBytes(_sandbox.DataFile, truncated);

        var result = Sandbox.Fails(_sandbox.RunToday(args));

        Assert.Contains("is not valid JSON", result.Error, StringComparison.Ordinal);
        Assert.Equal(truncated, _sandbox.DataBytes());
        Assert.False(File.Exists(_sandbox.Path("x.ics")));
    }

    [Theory]
    [InlineData("agenda")]
    [InlineData("log", "sam-okafor", "--channel", "call")]
    [InlineData("token", "--rotate")]
    public void NewerFormat_OneLineExitOne_Untouched(params string[] args)
    {
        string text = File.ReadAllText(_sandbox.DataFile).Replace("\"format\": 1,", "\"format\": 2,", StringComparison.Ordinal);
        File.WriteAllText(_sandbox.DataFile, text, new UTF8Encoding(false));
        byte[] before = _sandbox.DataBytes();

        var result = Sandbox.Fails(_sandbox.RunToday(args));

        Assert.Contains("has format 2, newer than this version of Cadence.Diary reads (format 1)", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Theory]
    [InlineData("\"channel\": \"call\"", "\"chanel\": \"call\"", "unknown property \"chanel\"")]
    [InlineData("\"tier\": \"client\"", "\"tier\": 5", "tier: expected a string")]
    [InlineData("\"channel\": \"call\"", "\"channel\": \"pigeon\"", "].channel: unknown value \"pigeon\": use meeting, call, note, social")]
    [InlineData("\"outcome\": \"no-reply\"", "\"outcome\": 1", "].outcome: expected a string: use connected, no-reply")]
    [InlineData("\"state\": \"active\"", "\"state\": \"asleep\"", "].state: unknown value \"asleep\": use active, paused, archived")]
    [InlineData("\"status\": \"open\"", "\"status\": \"maybe\"", "].status: unknown value \"maybe\": use open, done, dropped")]
    [InlineData("\"zone\": \"Asia/Shanghai\"", "\"zone\": \"Asia/Atlantis\"", "Unknown time zone id \"Asia/Atlantis\"")]
    [InlineData("\"date\": \"2026-", "\"date\": \"2026/", "Bad date")]
    [InlineData("\"format\": 1,", "\"version\": 1,", "no \"format\" number")]
    [InlineData("\"perDay\": 10", "\"perDay\": \"10\"", "owner.perDay: expected a whole number")]
    [InlineData("\"name\": \"Zoë Müller\"", "\"name\": null", "].name: must not be null")]
    [InlineData("\"name\": \"Zoë Müller\"", "\"name\": \"Zoë Müller\", \"name\": \"Zoe\"", "]: the property \"name\" is given twice")]
    [InlineData("\"id\": \"zoe-muller\",", "", "]: the property \"id\" is missing")]
    [InlineData("\"pausedUntil\": \"20", "\"pausedUntil\": \"30", "].pausedUntil: The date 30")]
    [InlineData("\"holidays\": []", "\"holidays\": [\"3000-01-01\"]", "owner: The date 3000-01-01 (holidays) is outside")]
    [InlineData("\"perDay\": 10", "\"perDay\": 10, \"\\u001b[2J\": 1", "owner: unknown property \"\\u001B[2J\"")]
    [InlineData("\"perDay\": 10", "\"perDay\": 99999999999", "owner.perDay: a whole number out of range (at most 2,147,483,647)")]
    [InlineData("\"label\": \"birthday\",", "\"label\": \"birthday\", \"lead\": 99999999999,", "].lead: not a number of days from 0 to 90")]
    public void InvalidDiary_NamesThePlace(string find, string replace, string message)
    {
        string text = File.ReadAllText(_sandbox.DataFile);
        int at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, find);
        File.WriteAllText(_sandbox.DataFile, text[..at] + replace + text[(at + find.Length)..], new UTF8Encoding(false));
        byte[] before = _sandbox.DataBytes();

        var result = Sandbox.Fails(_sandbox.RunToday("log", "sam-okafor", "--channel", "call"));

        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void AByteOrderMark_IsAccepted_AndNotWrittenBack()
    {
        File.WriteAllBytes(_sandbox.DataFile, [0xEF, 0xBB, 0xBF, .. _sandbox.DataBytes()]);

        Sandbox.Ok(_sandbox.RunToday("agenda"));
        Sandbox.Ok(_sandbox.RunToday("log", "sam-okafor", "--channel", "call"));

        Assert.Equal((byte)'{', _sandbox.DataBytes()[0]);
    }

    [Fact]
    public void InvalidUtf8_NamesTheFileAndThePlace_Untouched()
    {
        byte[] bytes = _sandbox.DataBytes();
        int at = Encoding.UTF8.GetString(bytes).IndexOf("Sam Okafor", StringComparison.Ordinal);
        int line = Encoding.UTF8.GetString(bytes[..at]).Count(c => c == '\n') + 1;
        bytes[at] = 0xFF;
        File.WriteAllBytes(_sandbox.DataFile, bytes);

        var result = Sandbox.Fails(_sandbox.RunToday("log", "sam-okafor", "--channel", "call"));

        Assert.Contains($"diary.json is not UTF-8 text: the byte 0xFF at line {line},", result.Error, StringComparison.Ordinal);
        Assert.Equal(bytes, _sandbox.DataBytes());
    }

    [Fact]
    public void RuleTiersThatDifferOnlyInCase_AreRefused_NotOneDropped()
    {
        string text = File.ReadAllText(_sandbox.DataFile);
        text = text.Replace("\"relationships\": [", "\"rules\": {\"client\": {\"minGap\": \"P7D\", \"target\": \"P14D\", \"maxGap\": \"P21D\"}, \"Client\": {\"minGap\": \"P7D\", \"target\": \"P28D\", \"maxGap\": \"P42D\"}},\n  \"relationships\": [", StringComparison.Ordinal);
        File.WriteAllText(_sandbox.DataFile, text, new UTF8Encoding(false));
        byte[] before = _sandbox.DataBytes();

        var result = Sandbox.Fails(_sandbox.RunToday("log", "sam-okafor", "--channel", "call"));

        Assert.Contains("rules: the tiers \"client\" and \"Client\" differ only in case; keep one", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }
}
