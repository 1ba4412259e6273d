using System;
using System.Linq;

namespace Cadence.Sample.Tests;

/// <summary><c>date</c> keeps the dates that matter with a relationship; <c>dates</c> lists the coming ones with ages and reminders.</summary>
public sealed class DateTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public DateTests() => _sandbox.InitEmpty(("Zoë Müller", "client"), ("Sam Okafor", "prospect"));

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Dates_BirthdayWithAYearRelativeAndOneOff_ListedWithAgesAndReminders()
    {
        // Today is Fri 13 Mar 2026.
        Assert.Equal("Zoë Müller's birthday: next on Fri 13 Mar; turns 40, remind 7 days before.\n", Sandbox.Ok(_sandbox.RunToday("date", "zoe-muller", "--label", "birthday", "--on", "1986-03-13", "--lead", "7")).Out);
        Assert.Equal("Sam Okafor's company founded: next on Mon 16 Mar.\n", Sandbox.Ok(_sandbox.RunToday("date", "sam-okafor", "--label", "company founded", "--rule", "Third Monday of March")).Out);
        Sandbox.Ok(_sandbox.RunToday("date", "sam-okafor", "--label", "launch", "--on", "2026-04-20", "--once", "--lead", "10"));

        using var dates = Sandbox.Ok(_sandbox.RunToday("dates", "--days", "40", "--json")).Json();
        var list = dates.RootElement.GetProperty("dates").EnumerateArray().ToList();
        Assert.Equal(["zoe-muller birthday 2026-03-13 40", "sam-okafor company founded 2026-03-16 ", "sam-okafor launch 2026-04-20 "],
            list.Select(d => $"{d.Str("relationship")} {d.Str("label")} {d.Str("date")} {(d.GetProperty("years").ValueKind == System.Text.Json.JsonValueKind.Null ? string.Empty : d.GetProperty("years").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture))}"));
        Assert.Equal("2026-04-10", list[2].Str("remindOn"));

        // A reminder inside the days lists the date even when the date is after them.
        var table = Sandbox.Ok(_sandbox.RunToday("dates", "--days", "30")).Out;
        Assert.Contains("Sam Okafor's launch", table, StringComparison.Ordinal);
        Assert.Contains("remind from Fri 10 Apr", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Date_SameLabelReplaces_RemoveRemoves()
    {
        Sandbox.Ok(_sandbox.RunToday("date", "zoe-muller", "--label", "birthday", "--on", "04-15"));
        Sandbox.Ok(_sandbox.RunToday("date", "zoe-muller", "--label", "Birthday", "--on", "02-29", "--leap", "mar1"));
        using (var data = _sandbox.DataJson())
        {
            var zoe = data.RootElement.GetProperty("relationships").EnumerateArray().Single(r => r.Str("id") == "zoe-muller");
            var only = Assert.Single(zoe.GetProperty("dates").EnumerateArray());
            Assert.Equal("02-29", only.Str("on"));
            Assert.Equal("march1", only.Str("leapDay"));
        }

        Assert.Equal("Removed Zoë Müller's birthday.\n", Sandbox.Ok(_sandbox.RunToday("date", "zoe-muller", "--label", "birthday", "--remove")).Out);
        Assert.Contains("None in these days", Sandbox.Ok(_sandbox.RunToday("dates")).Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "date needs --on MM-DD|YYYY-MM-DD or --rule", "date", "zoe-muller", "--label", "x")]
    [InlineData(1, "\"fifth\" is not first, second, third, fourth or last", "date", "zoe-muller", "--label", "x", "--rule", "fifth monday of may")]
    [InlineData(1, "has no year; a date that happens once needs one", "date", "zoe-muller", "--label", "x", "--on", "04-15", "--once")]
    [InlineData(1, "--lead \"91\" is not a number of days from 0 to 90", "date", "zoe-muller", "--label", "x", "--on", "04-15", "--lead", "91")]
    [InlineData(1, "Bad date \"1981-02-29\"", "date", "zoe-muller", "--label", "x", "--on", "1981-02-29")]
    [InlineData(1, "has no date labelled \"x\"", "date", "zoe-muller", "--label", "x", "--remove")]
    public void BadInput_OneLine_NothingWritten(int exitCode, string message, params string[] args)
    {
        byte[] before = _sandbox.DataBytes();
        var result = Sandbox.Fails(_sandbox.RunToday(args), exitCode);
        Assert.Contains(message, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());
    }
}
