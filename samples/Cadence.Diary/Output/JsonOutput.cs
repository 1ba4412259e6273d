using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cadence.Sample.Cli;
using Cadence.Explanations;
using Cadence.Levelling;
using Cadence.Planning;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;

namespace Cadence.Sample.Output;

/// <summary>The <c>--json</c> output of <c>agenda</c> and <c>plan</c>, as documented in docs/json-output.md.</summary>
internal static class JsonOutput
{
    /// <summary>The version of the JSON output; it goes up only when a field changes meaning or goes away.</summary>
    public const int Format = 1;

    private static readonly OffsetDateTimePattern Offset = OffsetDateTimePattern.Rfc3339;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>How values other than the plan's are serialised: camelCase, NodaTime values as ISO text.</summary>
    private static readonly JsonSerializerOptions Serializer = new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    /// <summary>Writes a property whose value is serialised by System.Text.Json (records, anonymous objects, lists).</summary>
    public static void Write<T>(Utf8JsonWriter w, string name, T value)
    {
        w.WritePropertyName(name);
        JsonSerializer.Serialize(w, value, Serializer);
    }

    /// <summary>Writes a JSON document and a final newline.</summary>
    public static string Document(Action<Utf8JsonWriter> write)
    {
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static void WriteHeader(Utf8JsonWriter w, string command, Session session, DateTimeZone zone)
    {
        w.WriteNumber("format", Format);
        w.WriteString("command", command);
        w.WriteString("today", Text.Format(session.Today));
        w.WriteString("zone", zone.Id);
        w.WriteString("source", session.Source);
        w.WriteBoolean("demo", session.IsDemo);
    }

    public static void WriteTouches(Utf8JsonWriter w, IEnumerable<PlannedTouch> touches)
    {
        w.WriteStartArray("touches");
        foreach (var touch in touches)
        {
            WriteTouch(w, touch);
        }

        w.WriteEndArray();
    }

    public static void WriteOverbooked(Utf8JsonWriter w, IEnumerable<OverbookedDay> days)
    {
        w.WriteStartArray("overbooked");
        foreach (var day in days)
        {
            w.WriteStartObject();
            w.WriteString("date", Text.Format(day.Date));
            w.WriteNumber("count", day.Count);
            w.WriteNumber("limit", day.Limit);
            WriteStringOrNull(w, "channel", day.Channel is { } c ? Text.Format(c) : null);
            w.WriteBoolean("week", day.Week);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void WriteTouch(Utf8JsonWriter w, PlannedTouch touch)
    {
        var r = touch.Relationship;
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("name", r.Name);
        w.WriteString("tier", r.Tier);
        w.WriteString("state", r.State.Status == RelationshipStatus.Paused ? "paused" : "active");
        WriteStringOrNull(w, "pausedUntil", r.State.PausedUntil is { } until ? Text.Format(until) : null);
        w.WriteString("due", Text.Format(touch.Due));
        WriteStringOrNull(w, "time", touch.Time is { } time ? Text.Format(time) : null);
        w.WriteString("notBefore", Text.Format(touch.NotBefore));
        w.WriteString("notAfter", Text.Format(touch.NotAfter));
        w.WriteNumber("daysOverdue", touch.DaysOverdue);
        w.WriteBoolean("late", touch.IsLate);
        w.WriteBoolean("breaksCadence", touch.BreaksCadence);
        w.WriteBoolean("followUp", touch.IsFollowUp);
        w.WriteString("channel", Text.Format(touch.Channel));
        w.WriteString("title", touch.Title);
        w.WriteString("why", touch.Why);
        w.WriteStartArray("reasons");
        foreach (var reason in touch.Reasons)
        {
            w.WriteStartObject();
            w.WriteString("kind", Kind(reason));
            w.WriteString("text", reason.ToString());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (touch.Commitment is { } commitment)
        {
            w.WriteStartObject("commitment");
            w.WriteString("id", commitment.Id);
            w.WriteString("what", commitment.Purpose);
            w.WriteString("date", Text.Format(commitment.Date));
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("commitment");
        }

        if (touch.Move is { } move)
        {
            w.WriteStartObject("move");
            w.WriteString("to", Text.Format(move.To));
            w.WriteString("madeOn", Text.Format(move.MadeOn));
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("move");
        }

        if (touch.CallWindow is { } window)
        {
            w.WriteStartObject("callWindow");
            w.WriteString("start", Offset.Format(window.OwnerStart.ToOffsetDateTime()));
            w.WriteString("end", Offset.Format(window.OwnerEnd.ToOffsetDateTime()));
            w.WriteString("contactStart", Offset.Format(window.ContactStart.ToOffsetDateTime()));
            w.WriteString("contactEnd", Offset.Format(window.ContactEnd.ToOffsetDateTime()));
            w.WriteString("contactZone", window.ContactStart.Zone.Id);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("callWindow");
        }

        if (touch.LastTouch is { } last)
        {
            w.WriteStartObject("lastTouch");
            WriteStringOrNull(w, "id", last.Id);
            w.WriteString("date", Text.Format(last.Date));
            w.WriteString("channel", Text.Format(last.Channel));
            w.WriteString("direction", last.Direction == Direction.Inbound ? "inbound" : "outbound");
            w.WriteString("outcome", last.Outcome == Outcome.NoReply ? "no-reply" : "connected");
            WriteStringOrNull(w, "medium", last.Medium);
            WriteStringOrNull(w, "summary", last.Summary);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("lastTouch");
        }

        w.WriteEndObject();
    }

    /// <summary>"RenewalReason" → "renewal", "TakeItOfflineReason" → "take-it-offline".</summary>
    public static string Kind(Reason reason)
    {
        string name = reason.GetType().Name;
        if (name.EndsWith("Reason", StringComparison.Ordinal))
        {
            name = name[..^"Reason".Length];
        }

        var kind = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                kind.Append('-');
            }

            kind.Append(char.ToLowerInvariant(name[i]));
        }

        return kind.ToString();
    }

    public static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
