using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cadence.Calendars;
using Cadence.Explanations;
using Cadence.Levelling;
using Cadence.Planning;
using Cadence.Sample.Cli;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;

namespace Cadence.Sample.Output;

/// <summary>
/// The <c>--json</c> output, as documented in docs/json-output.md: a header, then the command's own fields, each an
/// object shaped here and serialised by System.Text.Json (dates as ISO 8601 through NodaTime's converters).
/// </summary>
internal static class JsonOutput
{
    /// <summary>The version of the JSON output; it goes up only when a field changes meaning or goes away.</summary>
    public const int Format = 1;

    private static readonly OffsetDateTimePattern Offset = OffsetDateTimePattern.Rfc3339;

    private static readonly JsonSerializerOptions Serializer = new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Names with accents stay readable ("Zoë"); the output is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        NewLine = "\n",
        // Channels, directions, outcomes and states as words: "note", "inbound", "no-reply", "paused".
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    }.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    /// <summary>The document: the header (format, command, today, zone, source, demo), then <paramref name="body"/>'s properties, and a final newline.</summary>
    public static string Document(string command, Session session, object body)
    {
        var document = new Dictionary<string, object?>
        {
            ["format"] = Format,
            ["command"] = command,
            ["today"] = session.Today,
            ["zone"] = session.Data.Owner.TimeZone.Id,
            ["source"] = session.Source,
            ["demo"] = session.IsDemo,
        };
        foreach (var property in JsonSerializer.SerializeToElement(body, Serializer).EnumerateObject())
        {
            document[property.Name] = property.Value;
        }

        return JsonSerializer.Serialize(document, Serializer) + "\n";
    }

    /// <summary>A planned touch.</summary>
    public static object Touch(PlannedTouch touch) => new
    {
        id = touch.RelationshipId,
        name = touch.Relationship.Name,
        tier = touch.Relationship.Tier,
        state = touch.Relationship.State.Status,
        pausedUntil = touch.Relationship.State.PausedUntil,
        due = touch.Due,
        time = touch.Time is { } time ? Text.Format(time) : null,
        notBefore = touch.NotBefore,
        notAfter = touch.NotAfter,
        daysOverdue = touch.DaysOverdue,
        late = touch.IsLate,
        promiseAfter = touch.PromiseAfter?.Id,
        followUp = touch.IsFollowUp,
        dateTouch = touch.IsDateTouch,
        campaign = touch.CampaignName,
        channel = touch.Channel,
        title = touch.Title,
        why = touch.Why,
        datedWhy = touch.DatedWhy,
        reasons = touch.Reasons.Select(r => new { kind = Kind(r), text = r.ToString() }),
        pacing = touch.Relationship.Pacing,
        learned = touch.IsLearned,
        health = Health(touch.Health),
        commitment = touch.Commitment is { } c ? new { id = c.Id, what = c.Purpose, date = c.Date } : null,
        move = touch.Move is { } m ? new { to = m.To, madeOn = m.MadeOn } : null,
        callWindow = (touch as LevelledTouch)?.CallWindow is { } w
            ? new
            {
                start = Offset.Format(w.OwnerStart.ToOffsetDateTime()),
                end = Offset.Format(w.OwnerEnd.ToOffsetDateTime()),
                contactStart = Offset.Format(w.ContactStart.ToOffsetDateTime()),
                contactEnd = Offset.Format(w.ContactEnd.ToOffsetDateTime()),
                contactZone = w.ContactStart.Zone.Id,
            }
            : null,
        lastTouch = touch.LastTouch is { } last
            ? new
            {
                id = last.Id,
                date = last.Date,
                channel = last.Channel,
                direction = last.Direction,
                outcome = last.Outcome,
                medium = last.Medium,
                summary = last.Summary,
            }
            : null,
    };

    /// <summary>How a relationship stands (the library's <see cref="RelationshipHealth"/>), with its line in English as <c>text</c>.</summary>
    public static object Health(RelationshipHealth health) => new
    {
        level = health.LevelWord,
        text = health.ToString(),
        lastExchange = health.LastExchange,
        quietDays = health.QuietDays,
        usualGapDays = health.UsualGapDays,
        gaps = health.Gaps,
        exchanges = health.Exchanges,
        theyStarted = health.TheyStarted,
        replies = health.Replies,
        answered = health.Answered,
        attempts = health.Attempts,
        replyDays = health.ReplyDays,
        unansweredInARow = health.UnansweredInARow,
        decayWarning = health.DecayWarning,
    };

    /// <summary>A day (or week, from its Monday) over budget.</summary>
    public static object Overbooked(OverbookedDay day) => new
    {
        date = day.Date,
        count = day.Count,
        limit = day.Limit,
        channel = day.Channel,
        week = day.Week,
    };

    /// <summary>"RenewalReason" → "renewal", "TakeItOfflineReason" → "take-it-offline".</summary>
    public static string Kind(Reason reason) =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(reason.GetType().Name.EndsWith("Reason", System.StringComparison.Ordinal)
            ? reason.GetType().Name[..^"Reason".Length]
            : reason.GetType().Name);
}
