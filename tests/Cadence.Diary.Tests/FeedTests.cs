using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Cadence.Sample.Tests;

/// <summary>The feed command: a valid iCalendar file whose updates calendars get right, from run to run.</summary>
public sealed class FeedTests : IDisposable, IClassFixture<DemoDataFile>
{
    private readonly Sandbox _sandbox = new();

    public FeedTests(DemoDataFile demo)
    {
        File.WriteAllBytes(_sandbox.DataFile, demo.Bytes);
    }

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Feed_WritesOneEventPerPlannedTouch()
    {
        var result = Sandbox.Ok(_sandbox.RunToday("feed", "--out", "cadence.ics"));

        Assert.Equal("Wrote 29 events to cadence.ics.\n", result.Out);
        byte[] bytes = File.ReadAllBytes(_sandbox.Path("cadence.ics"));
        var ics = Ics.Parse(bytes);
        Assert.Equal("2.0", ics.Calendar["VERSION"]);
        Assert.Equal("Cadence: whom to contact", ics.Calendar["X-WR-CALNAME"]);
        Assert.Equal(29, ics.Components.Count);
        Assert.All(ics.Components, e => Assert.Equal("VEVENT", e.Kind));
        Assert.All(ics.Components, e => Assert.EndsWith("@cadence", e["UID"], StringComparison.Ordinal));
        Assert.Equal(29, ics.Components.Select(e => e["UID"]).Distinct().Count());
        Assert.All(ics.Components, e => Assert.Equal("0", e["SEQUENCE"]));
        var sam = ics.Components.Single(e => e["SUMMARY"] == "Call Sam Okafor");
        Assert.Equal("20260313", sam["DTSTART;VALUE=DATE"]);
        Assert.Contains("chase feedback on the proposal", sam["DESCRIPTION"], StringComparison.Ordinal);
        Assert.DoesNotContain(ics.Components, e => e["SUMMARY"].Contains("George Palmer", StringComparison.Ordinal)); // archived
    }

    [Fact]
    public void Feed_Twice_ByteIdentical_ThenAMoveRaisesThatEventsSequence()
    {
        Sandbox.Ok(_sandbox.RunToday("feed", "--out", "a.ics"));
        var again = Sandbox.Ok(_sandbox.RunToday("feed", "--out", "b.ics"));

        Assert.Contains("unchanged since the last write", again.Out, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(_sandbox.Path("a.ics")), File.ReadAllBytes(_sandbox.Path("b.ics")));

        Sandbox.Ok(_sandbox.RunToday("move", "zoe-muller", "--to", "2026-03-19"));
        Sandbox.Ok(_sandbox.RunToday("feed", "--out", "c.ics"));

        var before = Ics.Parse(File.ReadAllBytes(_sandbox.Path("a.ics"))).Components.Single(e => e["SUMMARY"] == "Call Zoë Müller");
        var after = Ics.Parse(File.ReadAllBytes(_sandbox.Path("c.ics"))).Components.Single(e => e["SUMMARY"] == "Call Zoë Müller");
        Assert.Equal(before["UID"], after["UID"]);
        Assert.Equal("1", after["SEQUENCE"]);
        Assert.Equal("20260319", after["DTSTART;VALUE=DATE"]);
        Assert.True(string.CompareOrdinal(after["LAST-MODIFIED"], before["LAST-MODIFIED"]) >= 0);
    }

    [Fact]
    public void Feed_LoggedTouch_ReplacesTheEvent()
    {
        Sandbox.Ok(_sandbox.RunToday("feed", "--out", "a.ics"));
        Sandbox.Ok(_sandbox.RunToday("log", "chen-jing", "--channel", "call", "--medium", "Skype"));
        Sandbox.Ok(_sandbox.RunToday("feed", "--out", "b.ics"));

        var before = Ics.Parse(File.ReadAllBytes(_sandbox.Path("a.ics"))).Components.Single(e => e["SUMMARY"] == "Call Chen Jing");
        var after = Ics.Parse(File.ReadAllBytes(_sandbox.Path("b.ics"))).Components.Single(e => e["SUMMARY"].EndsWith("Chen Jing", StringComparison.Ordinal));
        Assert.NotEqual(before["UID"], after["UID"]);
        Assert.NotEqual("20260313", after["DTSTART;VALUE=DATE"]);
    }

    [Fact]
    public void Feed_PrivacyInitials_HidesNames()
    {
        Sandbox.Ok(_sandbox.RunToday("feed", "--out", "private.ics", "--privacy", "initials"));

        string text = File.ReadAllText(_sandbox.Path("private.ics"));
        Assert.Contains("SUMMARY:Call S. O.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Okafor", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_PrivacyChannel_HidesEverythingButTheChannel()
    {
        Sandbox.Ok(_sandbox.RunToday("feed", "--out", "private.ics", "--privacy", "channel"));

        var ics = Ics.Parse(File.ReadAllBytes(_sandbox.Path("private.ics")));
        Assert.All(ics.Components, e => Assert.Contains(e["SUMMARY"], new[] { "Meet", "Call", "Write a note", "Reach out online" }));
    }

    [Fact]
    public void Feed_TasksAndDigest_OtherLayouts()
    {
        var tasks = Sandbox.Ok(_sandbox.RunToday("feed", "--out", "tasks.ics", "--tasks", "--horizon", "30"));
        Assert.StartsWith("Wrote ", tasks.Out, StringComparison.Ordinal);
        Assert.EndsWith(" tasks to tasks.ics.\n", tasks.Out, StringComparison.Ordinal);
        Assert.All(Ics.Parse(File.ReadAllBytes(_sandbox.Path("tasks.ics"))).Components, c => Assert.Equal("VTODO", c.Kind));

        Sandbox.Ok(_sandbox.RunToday("feed", "--out", "digest.ics", "--digest"));
        var digest = Ics.Parse(File.ReadAllBytes(_sandbox.Path("digest.ics")));
        var days = digest.Components.Select(e => e["DTSTART;VALUE=DATE"]).ToList();
        Assert.Equal(days.Distinct().Count(), days.Count);
        Assert.StartsWith("Cadence: ", digest.Components[0]["SUMMARY"], StringComparison.Ordinal);

        // Each kind of feed keeps its own state.
        using var data = _sandbox.DataJson();
        var states = data.RootElement.GetProperty("feed").GetProperty("states").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["digest/full/365", "tasks/full/30"], states);
    }

    [Fact]
    public void Feed_HorizonLimitsTheEvents()
    {
        var result = Sandbox.Ok(_sandbox.RunToday("feed", "--out", "week.ics", "--horizon", "1"));

        var ics = Ics.Parse(File.ReadAllBytes(_sandbox.Path("week.ics")));
        Assert.All(ics.Components, e => Assert.Equal("20260313", e["DTSTART;VALUE=DATE"]));
        Assert.Equal($"Wrote {ics.Components.Count} events to week.ics.\n", result.Out);
    }
}

/// <summary>
/// A minimal iCalendar reader for the tests: the framing (UTF-8 without BOM, CRLF, folding at 75 octets) is checked and
/// unfolded by the core tests' strict <see cref="IcsReader"/>; this keeps each property by its name and parameters.
/// </summary>
internal sealed class Ics
{
    private Ics(Dictionary<string, string> calendar, List<Component> components)
    {
        Calendar = calendar;
        Components = components;
    }

    public Dictionary<string, string> Calendar { get; }

    public List<Component> Components { get; }

    public static Ics Parse(byte[] bytes)
    {
        Assert.All(IcsReader.PhysicalLines(bytes), line => Assert.True(line.Length <= 75, Encoding.UTF8.GetString(line)));
        var lines = IcsReader.Unfold(bytes);

        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        var calendar = new Dictionary<string, string>(StringComparer.Ordinal);
        var components = new List<Component>();
        Component? current = null;
        foreach (string line in lines.Skip(1).SkipLast(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            string name = line[..colon];
            string value = line[(colon + 1)..];
            if (name == "BEGIN" && value is "VEVENT" or "VTODO")
            {
                current = new Component(value);
            }
            else if (name == "END" && current is not null && value == current.Kind)
            {
                components.Add(current);
                current = null;
            }
            else if (current is not null)
            {
                current.Properties.TryAdd(name, value);
            }
            else
            {
                calendar.TryAdd(name, value);
            }
        }

        Assert.Null(current);
        return new Ics(calendar, components);
    }

    internal sealed class Component(string kind)
    {
        public string Kind { get; } = kind;

        public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);

        public string this[string name] => Properties.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"{Kind} has no {name}.");
    }
}
