// Checks Cadence's sample feeds with Ical.Net (the iCalendar package .NET users reach for), compared with what
// FeedSamples meant, beside ical.js, python-icalendar and khal.
//
// Usage: dotnet CheckIcalNet.dll SAMPLES_DIR
//
// Every feed listed in SAMPLES_DIR/manifest.json is loaded with Calendar.Load and compared, field by field, with its
// JSON file (written by FeedSamples from the plan, never from the .ics). Prints one line per check and ends with
// "RESULT Ical.Net passed=N failed=M"; exits 1 when a check failed. Ical.Net 5.2.4 reads every sample as meant
// (its known defects are in writing, folding through emoji, and in list values ending in a backslash, which the
// samples do not hold at the end of a value); see README.md.
using CultureInfo = System.Globalization.CultureInfo;
using System.Text.Json;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: CheckIcalNet SAMPLES_DIR");
    return 2;
}

var check = new Checks();
string samples = args[0];
Console.WriteLine($"Ical.Net {typeof(Calendar).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false).OfType<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion}, .NET {Environment.Version}");
using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(samples, "manifest.json")));
foreach (var entry in manifest.RootElement.EnumerateArray())
{
    var feed = JsonDocument.Parse(File.ReadAllText(Path.Combine(samples, entry.GetProperty("json").GetString()!))).RootElement;
    string name = feed.GetProperty("name").GetString()!;
    Console.WriteLine($"{feed.GetProperty("file").GetString()} ({feed.GetProperty("about").GetString()})");
    Calendar calendar;
    try
    {
        calendar = Calendar.Load(File.ReadAllText(Path.Combine(samples, feed.GetProperty("file").GetString()!)))!;
    }
    catch (Exception e)
    {
        check.Ok($"{name}: loads", false, $"{e.GetType().Name}: {e.Message}");
        continue;
    }

    check.Ok($"{name}: loads", calendar is not null);
    check.Calendar(name, feed.GetProperty("calendar"), calendar!);
    check.Components(name, feed, calendar!);
    if (feed.GetProperty("moved").ValueKind == JsonValueKind.Object)
    {
        check.Moved(name, feed.GetProperty("moved"), calendar!, samples);
    }
}

Console.WriteLine($"RESULT Ical.Net passed={check.Passed} failed={check.Failed}");
return check.Failed == 0 ? 0 : 1;

/// <summary>The checks, counted.</summary>
internal sealed class Checks
{
    public int Passed { get; private set; }

    public int Failed { get; private set; }

    public bool Ok(string what, bool condition, string detail = "")
    {
        if (condition)
        {
            Passed++;
            Console.WriteLine($"  ok   {what}");
        }
        else
        {
            Failed++;
            Console.WriteLine($"  FAIL {what}{(detail.Length > 0 ? ": " + detail : string.Empty)}");
        }

        return condition;
    }

    public bool Equal<T>(string what, T actual, T meant) =>
        Ok(what, EqualityComparer<T>.Default.Equals(actual, meant), $"got {Show(actual)}, meant {Show(meant)}");

    public bool Same(string what, IEnumerable<string> actual, IEnumerable<string> meant) =>
        Ok(what, actual.SequenceEqual(meant), $"got {Show(actual.ToList())}, meant {Show(meant.ToList())}");

    private static string Show(object? value) => JsonSerializer.Serialize(value);

    public void Calendar(string name, JsonElement meant, Calendar calendar)
    {
        Equal($"{name}: VERSION", calendar.Version, "2.0");
        Equal($"{name}: PRODID", calendar.ProductId, meant.GetProperty("productId").GetString());
        string calendarName = meant.GetProperty("name").GetString()!;
        // NAME (RFC 7986), X-WR-CALNAME and X-WR-CALDESC are TEXT, and Ical.Net decodes them as TEXT (unlike
        // ical.js, which keeps a property it has no type for as it was read).
        Equal($"{name}: NAME", calendar.Properties.Get<string>("NAME"), calendarName);
        Equal($"{name}: X-WR-CALNAME", calendar.Properties.Get<string>("X-WR-CALNAME"), calendarName);
        Equal($"{name}: X-WR-CALDESC", calendar.Properties.Get<string>("X-WR-CALDESC"), meant.GetProperty("description").GetString());
        Equal($"{name}: X-PUBLISHED-TTL", calendar.Properties.Get<string>("X-PUBLISHED-TTL"), meant.GetProperty("refreshInterval").GetString());
        Equal($"{name}: no METHOD", calendar.Method, null);
        Ok($"{name}: no ATTENDEE anywhere", calendar.Events.All(e => e.Attendees.Count == 0) && calendar.Todos.All(t => t.Attendees.Count == 0));
    }

    public void Components(string name, JsonElement feed, Calendar calendar)
    {
        var meant = feed.GetProperty("components").EnumerateArray().ToList();
        var found = calendar.Events.Cast<RecurringComponent>().Concat(calendar.Todos).ToList();
        Equal($"{name}: component count", found.Count, meant.Count);
        var uids = found.Select(c => c.Uid ?? string.Empty).ToList();
        Equal($"{name}: UIDs are unique", uids.Distinct().Count(), uids.Count);
        Same($"{name}: UIDs are the state's UIDs", uids.Order(StringComparer.Ordinal), feed.GetProperty("stateUids").EnumerateArray().Select(u => u.GetString()!).Order(StringComparer.Ordinal));
        Ok($"{name}: no injected component", found.All(c => c.Summary != "injected"));
        var byUid = found.Where(c => c.Uid is not null).ToDictionary(c => c.Uid!, StringComparer.Ordinal);
        foreach (var m in meant)
        {
            string uid = m.GetProperty("uid").GetString()!;
            string kind = m.GetProperty("kind").GetString()!;
            string label = $"{name}: {kind} {uid[..12]} ({string.Join(',', m.GetProperty("relationshipIds").EnumerateArray().Select(r => r.GetString()))})";
            if (!byUid.TryGetValue(uid, out var c))
            {
                Ok($"{label} present", false, $"no component with UID {uid}");
                continue;
            }

            Ok($"{label} present", true);

            Equal($"{label} kind", c is Todo ? "VTODO" : "VEVENT", kind);
            if (c is Todo todo)
            {
                Equal($"{label} DUE", When(todo.Due), m.GetProperty("due").GetString());
                Equal($"{label} no DTSTART", todo.DtStart, null);
                Equal($"{label} STATUS", todo.Status, m.GetProperty("status").GetString());
            }
            else if (c is CalendarEvent e)
            {
                Equal($"{label} DTSTART", When(e.DtStart), m.GetProperty("start").GetString());
                Equal($"{label} DTEND", When(e.DtEnd), m.GetProperty("end").GetString());
                Equal($"{label} TRANSP", e.Transparency, m.GetProperty("transp").GetString());
                Equal($"{label} all-day as Ical.Net sees it", e.IsAllDay, m.GetProperty("allDay").GetBoolean());
            }

            Equal($"{label} SUMMARY", c.Summary, m.GetProperty("summary").GetString());
            string? description = m.GetProperty("description").GetString();
            Equal($"{label} DESCRIPTION", c.Description, description);
            foreach (var (part, i) in m.GetProperty("descriptionContains").EnumerateArray().Select((p, i) => (p.GetString()!, i)))
            {
                Ok($"{label} DESCRIPTION contains part {i}", (c.Description ?? string.Empty).Contains(part, StringComparison.Ordinal), $"{Show(part)} not in {Show(c.Description)}");
            }

            Same($"{label} CATEGORIES", c.Categories ?? [], m.GetProperty("categories").EnumerateArray().Select(x => x.GetString()!));

            Equal($"{label} CLASS", c.Class, m.GetProperty("class").GetString());
            Equal($"{label} SEQUENCE", c.Sequence, m.GetProperty("sequence").GetInt32());
            Equal($"{label} DTSTAMP", When(c.DtStamp), m.GetProperty("lastModified").GetString());
            Equal($"{label} LAST-MODIFIED", When(c.LastModified), m.GetProperty("lastModified").GetString());
            var alarm = m.GetProperty("alarm");
            if (alarm.ValueKind == JsonValueKind.Null)
            {
                Equal($"{label} no VALARM", c.Alarms.Count, 0);
            }
            else if (Equal($"{label} one VALARM", c.Alarms.Count, 1))
            {
                var a = c.Alarms.Single();
                Equal($"{label} VALARM ACTION", a.Action, alarm.GetProperty("action").GetString());
                Equal($"{label} VALARM TRIGGER", a.Trigger?.Duration?.ToString(), alarm.GetProperty("trigger").GetString());
                Equal($"{label} VALARM DESCRIPTION", a.Description, alarm.GetProperty("description").GetString());
            }
        }
    }

    public void Moved(string name, JsonElement moved, Calendar calendar, string samples)
    {
        string uid = moved.GetProperty("uid").GetString()!;
        var previousFeed = JsonDocument.Parse(File.ReadAllText(Path.Combine(samples, moved.GetProperty("previousFeed").GetString() + ".json"))).RootElement;
        var before = Ical.Net.Calendar.Load(File.ReadAllText(Path.Combine(samples, previousFeed.GetProperty("file").GetString()!)))!;
        var old = before.Events.Where(e => e.Uid == uid).ToList();
        var now = calendar.Events.Where(e => e.Uid == uid).ToList();
        if (Ok($"{name}: moved UID appears once before and once after", old.Count == 1 && now.Count == 1, $"before {old.Count}, after {now.Count}"))
        {
            Equal($"{name}: moved event was on {moved.GetProperty("fromDate").GetString()}", When(old[0].DtStart), moved.GetProperty("fromDate").GetString());
            Equal($"{name}: moved event is on {moved.GetProperty("toDate").GetString()}", When(now[0].DtStart), moved.GetProperty("toDate").GetString());
            Equal($"{name}: SEQUENCE 0 then 1", (old[0].Sequence, now[0].Sequence), (0, 1));
            Ok($"{name}: DTSTAMP moved forward", string.CompareOrdinal(When(now[0].DtStamp), When(old[0].DtStamp)) > 0);
        }

        var others = calendar.Events.Where(e => e.Uid != uid).ToDictionary(e => e.Uid!, StringComparer.Ordinal);
        var othersBefore = before.Events.Where(e => e.Uid != uid).ToDictionary(e => e.Uid!, StringComparer.Ordinal);
        Same($"{name}: the other events keep their UIDs", others.Keys.Order(StringComparer.Ordinal), othersBefore.Keys.Order(StringComparer.Ordinal));
        Ok($"{name}: the other events keep SEQUENCE 0 and their DTSTAMP", others.All(p =>
            p.Value.Sequence == 0 && othersBefore.TryGetValue(p.Key, out var b) && When(b.DtStamp) == When(p.Value.DtStamp)));
    }

    /// <summary>A DATE as yyyy-MM-dd, a UTC DATE-TIME as yyyy-MM-ddTHH:mm:ssZ, anything else described.</summary>
    private static string? When(CalDateTime? value) =>
        value is null ? null
        : !value.HasTime ? value.Date.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture)
        : value.IsUtc ? value.Value.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture)
        : $"not UTC: {value.Value:O} ({value.TzId})";
}
