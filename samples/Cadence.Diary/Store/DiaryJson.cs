using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cadence.Levelling;
using Cadence.Feed;
using Cadence.Sample.Cli;
using NodaTime;
using NodaTime.Text;

namespace Cadence.Sample.Store;

/// <summary>
/// Reads and writes the data file: human-readable, indented JSON with a top-level <c>"format": 1</c>, described in
/// docs/diary-format.md. Writing is deterministic (the same data gives the same bytes), and reading checks
/// everything, naming the place of the first problem.
/// </summary>
internal static class DiaryJson
{
    private static readonly PeriodPattern Periods = PeriodPattern.Roundtrip;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        // Names with accents stay readable ("Zoë", not "Zo\u00EB"); the file is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonDocumentOptions ReaderOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
    };

    /// <summary>Reads a data file's bytes.</summary>
    /// <exception cref="DataFileException">Not JSON, not a diary, or a newer format; the message says where and why.</exception>
    public static DiaryData Read(ReadOnlyMemory<byte> bytes)
    {
        // A byte order mark (some editors write one) is not part of the JSON.
        if (bytes.Span.StartsWith(Utf8Bom))
        {
            bytes = bytes[Utf8Bom.Length..];
        }

        CheckUtf8(bytes.Span);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, ReaderOptions);
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is { } line ? $" at line {line + 1}" : string.Empty;
            throw new DataFileException($"is not valid JSON{where}");
        }

        using (document)
        {
            var root = new JsonNode(document.RootElement, string.Empty);
            if (root.Element.ValueKind != JsonValueKind.Object)
            {
                throw new DataFileException("is not a Cadence diary: the top level is not a JSON object");
            }

            if (root.Optional("format") is not { } formatNode)
            {
                throw new DataFileException("is not a Cadence diary: it has no \"format\" number");
            }

            int format;
            try
            {
                format = formatNode.Int32();
            }
            catch (DataFileException e)
            {
                throw new DataFileException("is not a Cadence diary: " + e.Message);
            }

            if (format > DiaryData.CurrentFormat)
            {
                throw new DataFileException(
                    $"has format {format}, newer than this version of Cadence.Diary reads (format {DiaryData.CurrentFormat}); use a newer Cadence.Diary");
            }

            if (format < 1)
            {
                throw new DataFileException($"is not a Cadence diary: unknown format {format}");
            }

            try
            {
                return ReadDiary(root);
            }
            catch (DataFileException e)
            {
                throw new DataFileException("is not a valid diary: " + e.Message);
            }
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Text that is not UTF-8 is refused with its place, before JSON would refuse it without one.</summary>
    private static void CheckUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return;
        }

        int at = 0;
        while (at < bytes.Length && System.Text.Rune.DecodeFromUtf8(bytes[at..], out _, out int used) == System.Buffers.OperationStatus.Done)
        {
            at += used;
        }

        int line = bytes[..at].Count((byte)'\n') + 1;
        int column = at - (bytes[..at].LastIndexOf((byte)'\n') + 1) + 1;
        throw new DataFileException(
            $"is not UTF-8 text: the byte 0x{bytes[at]:X2} at line {line}, column {column} (byte {at}) is not UTF-8; save the file as UTF-8");
    }

    private static DiaryData ReadDiary(JsonNode root)
    {
        root.OnlyKnown("format", "owner", "rules", "ladders", "relationships", "touches", "commitments", "moves", "feed");
        var relationships = root.Optional("relationships")?.Items().Select(ReadRelationship).ToList() ?? [];
        var touches = root.Optional("touches")?.Items().Select(ReadTouch).ToList() ?? [];
        var commitments = root.Optional("commitments")?.Items().Select(ReadCommitment).ToList() ?? [];
        var moves = root.Optional("moves")?.Items().Select(ReadMove).ToList() ?? [];

        Diary diary;
        try
        {
            diary = new Diary(relationships, DiaryData.WithIds(touches), commitments, moves);
        }
        catch (ArgumentException e)
        {
            throw new DataFileException(Messages.OneLine(e));
        }

        var data = new DiaryData(diary);
        if (root.Optional("rules") is { } rules)
        {
            var tiers = data.TierRules;
            foreach (var (tier, rule) in rules.Properties())
            {
                if (tiers.TryGetKey(tier, out string? same))
                {
                    // Tiers are compared ignoring case: keeping one would drop the other at the next write.
                    throw rules.Error($"the tiers \"{Text.Printable(same)}\" and \"{Text.Printable(tier)}\" differ only in case; keep one");
                }

                tiers = tiers.SetItem(tier, ReadRule(rule));
            }

            data = data with { TierRules = tiers };
        }

        if (root.Optional("ladders") is { } ladders)
        {
            data = data with { Ladders = ReadLadders(ladders) };
        }

        if (root.Optional("owner") is { } owner)
        {
            data = data with { Owner = ReadOwner(owner) };
        }

        if (root.Optional("feed") is { } feed)
        {
            data = data with { Feed = ReadFeed(feed) };
        }

        return data;
    }

    /// <summary>Writes the data as indented UTF-8 JSON (no BOM), ending with a newline.</summary>
    public static byte[] Write(DiaryData data)
    {
        var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteNumber("format", DiaryData.CurrentFormat);
            WriteOwner(w, data.Owner);
            if (data.TierRules.Count > 0)
            {
                w.WriteStartObject("rules");
                foreach (var (tier, rule) in data.TierRules)
                {
                    w.WritePropertyName(tier);
                    WriteRule(w, rule);
                }

                w.WriteEndObject();
            }

            if (data.Ladders.Count > 0)
            {
                WriteLadders(w, data.Ladders);
            }

            w.WriteStartArray("relationships");
            foreach (var r in data.Diary.Relationships)
            {
                WriteRelationship(w, r);
            }

            w.WriteEndArray();
            w.WriteStartArray("touches");
            foreach (var t in data.Diary.Touches)
            {
                WriteTouch(w, t);
            }

            w.WriteEndArray();
            w.WriteStartArray("commitments");
            foreach (var c in data.Diary.Commitments)
            {
                WriteCommitment(w, c);
            }

            w.WriteEndArray();
            w.WriteStartArray("moves");
            foreach (var m in data.Diary.Moves)
            {
                w.WriteStartObject();
                w.WriteString("relationship", m.RelationshipId);
                w.WriteString("to", Text.Format(m.To));
                w.WriteString("madeOn", Text.Format(m.MadeOn));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteFeed(w, data.Feed);
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static Relationship ReadRelationship(JsonNode node)
    {
        node.OnlyKnown("id", "name", "tier", "tags", "zone", "weekend", "prefers", "state", "pausedUntil", "rule");
        var relationship = Check(node, () => new Relationship(node.Required("id").String(), node.Required("name").String(), node.Required("tier").String()));
        if (node.Optional("tags") is { } tags)
        {
            var list = tags.Items().Select(t => t.String()).ToList();
            relationship = Check(tags, () => relationship.WithTags(list));
        }

        if (node.Optional("zone") is { } zone)
        {
            relationship = relationship.WithTimeZone(zone.Convert(Text.ParseZone));
        }

        if (node.Optional("weekend") is { } weekend)
        {
            relationship = relationship.WithWeekend(weekend.Items().Select(d => d.Convert(s => Text.ParseDay(s, "the weekend"))).ToList());
        }

        if (node.Optional("prefers") is { } prefers)
        {
            relationship = relationship.WithPreferredChannels(prefers.Items().Select(c => c.Convert(s => Text.ParseChannel(s, "prefers"))).ToList());
        }

        string state = node.Optional("state") is { } stateNode ? stateNode.String() : "active";
        var pausedUntil = node.Optional("pausedUntil");
        switch (state)
        {
            case "active":
                break;
            case "paused":
                var until = pausedUntil is { } p ? p.Convert(s => Text.ParseDate(s, "pausedUntil")) : throw node.Error("a paused relationship needs \"pausedUntil\"");
                relationship = relationship.PauseUntil(until);
                break;
            case "archived":
                relationship = relationship.Archive();
                break;
            default:
                throw node.Required("state").Error($"unknown state \"{Text.Printable(state)}\" (use active, paused or archived)");
        }

        if (pausedUntil is { } stray && state != "paused")
        {
            throw stray.Error("only a paused relationship has \"pausedUntil\"");
        }

        if (node.Optional("rule") is { } rule)
        {
            relationship = relationship.WithRule(ReadRule(rule));
        }

        return relationship;
    }

    private static void WriteRelationship(Utf8JsonWriter w, Relationship r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("name", r.Name);
        w.WriteString("tier", r.Tier);
        if (r.Tags.Count > 0)
        {
            WriteStrings(w, "tags", r.Tags);
        }

        if (r.TimeZone is { } zone)
        {
            w.WriteString("zone", zone.Id);
        }

        if (!r.Weekend.SequenceEqual([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday]))
        {
            WriteStrings(w, "weekend", r.Weekend.Select(Text.Format));
        }

        if (r.PreferredChannels.Count > 0)
        {
            WriteStrings(w, "prefers", r.PreferredChannels.Select(Text.Format));
        }

        switch (r.State.Status)
        {
            case RelationshipStatus.Paused:
                w.WriteString("state", "paused");
                w.WriteString("pausedUntil", Text.Format(r.State.PausedUntil!.Value));
                break;
            case RelationshipStatus.Archived:
                w.WriteString("state", "archived");
                break;
            default:
                w.WriteString("state", "active");
                break;
        }

        if (r.Rule is { } rule)
        {
            w.WritePropertyName("rule");
            WriteRule(w, rule);
        }

        w.WriteEndObject();
    }

    private static Touch ReadTouch(JsonNode node)
    {
        node.OnlyKnown("id", "relationship", "date", "time", "channel", "direction", "outcome", "medium", "summary", "followUp");
        string? touchId = node.Optional("id")?.String();
        string id = node.Required("relationship").String();
        var date = node.Required("date").Convert(s => Text.ParseDate(s, "date"));
        LocalTime? time = node.Optional("time") is { } t ? t.Convert(s => Text.ParseTime(s, "time")) : null;
        var channel = node.Required("channel").Convert(s => Text.ParseChannel(s, "channel"));
        var direction = node.Optional("direction") is { } d
            ? d.Convert(s => s switch
            {
                "outbound" => Direction.Outbound,
                "inbound" => Direction.Inbound,
                _ => throw new UserException($"unknown direction \"{Text.Printable(s)}\" (use outbound or inbound)"),
            })
            : Direction.Outbound;
        var outcome = node.Optional("outcome") is { } o
            ? o.Convert(s => s switch
            {
                "connected" => Outcome.Connected,
                "no-reply" => Outcome.NoReply,
                _ => throw new UserException($"unknown outcome \"{Text.Printable(s)}\" (use connected or no-reply)"),
            })
            : Outcome.Connected;
        string? medium = node.Optional("medium")?.String();
        string? summary = node.Optional("summary")?.String();
        var followUp = node.Optional("followUp") is { } f ? ReadFollowUp(f) : null;
        return Check(node, () => new Touch(id, date, channel, direction, outcome, medium, summary, time).WithId(touchId).WithFollowUp(followUp));
    }

    private static void WriteTouch(Utf8JsonWriter w, Touch t)
    {
        w.WriteStartObject();
        if (t.Id is { } touchId)
        {
            w.WriteString("id", touchId);
        }

        w.WriteString("relationship", t.RelationshipId);
        w.WriteString("date", Text.Format(t.Date));
        if (t.Time is { } time)
        {
            w.WriteString("time", Text.Format(time));
        }

        w.WriteString("channel", Text.Format(t.Channel));
        if (t.Direction == Direction.Inbound)
        {
            w.WriteString("direction", "inbound");
        }

        if (t.Outcome == Outcome.NoReply)
        {
            w.WriteString("outcome", "no-reply");
        }

        if (t.Medium is { } medium)
        {
            w.WriteString("medium", medium);
        }

        if (t.Summary is { } summary)
        {
            w.WriteString("summary", summary);
        }

        if (t.FollowUp is { } ladder)
        {
            WriteFollowUp(w, ladder);
        }

        w.WriteEndObject();
    }

    private static Commitment ReadCommitment(JsonNode node)
    {
        node.OnlyKnown("id", "relationship", "date", "time", "what", "channel", "status", "madeOn", "kind", "closedOn", "closedBy");
        string id = node.Required("id").String();
        string relationship = node.Required("relationship").String();
        var date = node.Required("date").Convert(s => Text.ParseDate(s, "date"));
        LocalTime? time = node.Optional("time") is { } t ? t.Convert(s => Text.ParseTime(s, "time")) : null;
        string what = node.Required("what").String();
        Channel? channel = node.Optional("channel") is { } c ? c.Convert(s => Text.ParseChannel(s, "channel")) : null;
        LocalDate? madeOn = node.Optional("madeOn") is { } m ? m.Convert(s => Text.ParseDate(s, "madeOn")) : null;
        var kind = node.Optional("kind") is { } k
            ? k.Convert(s => s switch
            {
                "step" => CommitmentKind.Step,
                "unless-reply" => CommitmentKind.UnlessReply,
                _ => throw new UserException($"unknown kind \"{Text.Printable(s)}\" (use step or unless-reply)"),
            })
            : CommitmentKind.Step;
        LocalDate? closedOn = node.Optional("closedOn") is { } co ? co.Convert(s => Text.ParseDate(s, "closedOn")) : null;
        string? closedBy = node.Optional("closedBy")?.String();
        var commitment = Check(node, () => new Commitment(id, relationship, date, what, channel, time, madeOn, kind));
        string status = node.Optional("status") is { } s ? s.String() : "open";
        return status switch
        {
            "open" => commitment,
            "done" => Check(node, () => closedOn is { } on ? commitment.MarkDone(on, closedBy) : commitment.MarkDone()),
            "dropped" => Check(node, () => closedOn is { } on ? commitment.Drop(on) : commitment.Drop()),
            _ => throw node.Required("status").Error($"unknown status \"{Text.Printable(status)}\" (use open, done or dropped)"),
        };
    }

    private static void WriteCommitment(Utf8JsonWriter w, Commitment c)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("relationship", c.RelationshipId);
        w.WriteString("date", Text.Format(c.Date));
        if (c.Time is { } time)
        {
            w.WriteString("time", Text.Format(time));
        }

        w.WriteString("what", c.Purpose);
        if (c.Channel is { } channel)
        {
            w.WriteString("channel", Text.Format(channel));
        }

        w.WriteString("status", c.Status switch
        {
            CommitmentStatus.Done => "done",
            CommitmentStatus.Dropped => "dropped",
            _ => "open",
        });
        if (c.MadeOn is { } madeOn)
        {
            w.WriteString("madeOn", Text.Format(madeOn));
        }

        if (c.Kind == CommitmentKind.UnlessReply)
        {
            w.WriteString("kind", "unless-reply");
        }

        if (c.ClosedOn is { } closedOn)
        {
            w.WriteString("closedOn", Text.Format(closedOn));
        }

        if (c.ClosedBy is { } closedBy)
        {
            w.WriteString("closedBy", closedBy);
        }

        w.WriteEndObject();
    }

    private static ManualMove ReadMove(JsonNode node)
    {
        node.OnlyKnown("relationship", "to", "madeOn");
        string id = node.Required("relationship").String();
        var to = node.Required("to").Convert(s => Text.ParseDate(s, "to"));
        var madeOn = node.Required("madeOn").Convert(s => Text.ParseDate(s, "madeOn"));
        return Check(node, () => new ManualMove(id, to, madeOn));
    }

    /// <summary>"ladders": { "NAME": { "steps": "3wd:note,5wd:call", "tiers": ["prospect"] } }.</summary>
    private static ImmutableSortedDictionary<string, NamedLadder> ReadLadders(JsonNode node)
    {
        var ladders = ImmutableSortedDictionary.Create<string, NamedLadder>(StringComparer.OrdinalIgnoreCase);
        var tiers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in node.Properties())
        {
            value.OnlyKnown("steps", "tiers");
            if (ladders.ContainsKey(name))
            {
                throw value.Error($"the ladder \"{Text.Printable(name)}\" is given twice (names are compared ignoring case)");
            }

            var ladder = value.Required("steps").Convert(steps => Text.ParseLadder(name, steps, "steps"));
            var forTiers = value.Optional("tiers")?.Items().Select(t => t.String().Trim()).ToImmutableArray() ?? [];
            foreach (string tier in forTiers)
            {
                if (!tiers.TryAdd(tier, name))
                {
                    throw value.Error($"the tier \"{Text.Printable(tier)}\" already follows up with the ladder \"{Text.Printable(tiers[tier])}\"; a tier has one default ladder");
                }
            }

            ladders = ladders.Add(name, new NamedLadder(ladder, forTiers));
        }

        return ladders;
    }

    private static void WriteLadders(Utf8JsonWriter w, ImmutableSortedDictionary<string, NamedLadder> ladders)
    {
        w.WriteStartObject("ladders");
        foreach (var (name, named) in ladders)
        {
            w.WriteStartObject(name);
            w.WriteString("steps", Text.FormatSteps(named.Ladder));
            if (named.Tiers.Length > 0)
            {
                WriteStrings(w, "tiers", named.Tiers);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>A touch's ladder: "none", or { "ladder": NAME, "steps": "3wd:note,5wd:call" }, kept as it was when the touch was logged.</summary>
    private static FollowUpLadder ReadFollowUp(JsonNode node)
    {
        if (node.Element.ValueKind == JsonValueKind.String)
        {
            return node.String() == "none" ? FollowUpLadder.None : throw node.Error("expected \"none\" or an object with \"ladder\" and \"steps\"");
        }

        node.OnlyKnown("ladder", "steps");
        string name = node.Required("ladder").String();
        return node.Required("steps").Convert(steps => Text.ParseLadder(name, steps, "steps"));
    }

    private static void WriteFollowUp(Utf8JsonWriter w, FollowUpLadder ladder)
    {
        if (ladder.IsNone)
        {
            w.WriteString("followUp", "none");
            return;
        }

        w.WriteStartObject("followUp");
        w.WriteString("ladder", ladder.Name);
        w.WriteString("steps", Text.FormatSteps(ladder));
        w.WriteEndObject();
    }

    private static CadenceRule ReadRule(JsonNode node)
    {
        node.OnlyKnown("minGap", "target", "maxGap");
        Period Parse(string name) => node.Required(name).Convert(s =>
        {
            var result = Periods.Parse(s);
            return result.Success ? result.Value : throw new UserException($"bad period \"{Text.Printable(s)}\": use ISO 8601 such as P14D, P4W or P3M");
        });

        var (minGap, target, maxGap) = (Parse("minGap"), Parse("target"), Parse("maxGap"));
        return Check(node, () => new CadenceRule(minGap, target, maxGap));
    }

    private static void WriteRule(Utf8JsonWriter w, CadenceRule rule)
    {
        w.WriteStartObject();
        w.WriteString("minGap", Periods.Format(rule.MinGap));
        w.WriteString("target", Periods.Format(rule.Target));
        w.WriteString("maxGap", Periods.Format(rule.MaxGap));
        w.WriteEndObject();
    }

    private static OwnerSettings ReadOwner(JsonNode node)
    {
        node.OnlyKnown("zone", "workingDays", "perDay", "perWeek", "holidays", "timeOff");
        var owner = new OwnerSettings();
        if (node.Optional("zone") is { } zone)
        {
            owner = owner with { Zone = zone.Convert(s => Text.ParseZone(s).Id) };
        }

        if (node.Optional("workingDays") is { } days)
        {
            var list = days.Items().Select(d => d.Convert(s => Text.ParseDay(s, "workingDays"))).Distinct().Order().ToImmutableArray();
            owner = owner with { WorkingDays = list.Length > 0 ? list : throw days.Error("at least one working day is needed") };
        }

        if (node.Optional("perDay") is { } perDay)
        {
            int n = perDay.Int32();
            owner = owner with { PerDay = n >= 1 ? n : throw perDay.Error($"a budget must be at least 1; got {n}") };
        }

        if (node.Optional("perWeek") is { } perWeek)
        {
            int n = perWeek.Int32();
            owner = owner with { PerWeek = n >= 1 ? n : throw perWeek.Error($"a budget must be at least 1; got {n}") };
        }

        if (node.Optional("holidays") is { } holidays)
        {
            owner = owner with { Holidays = holidays.Items().Select(h => h.Convert(s => Text.ParseDate(s, "holidays"))).ToImmutableArray() };
        }

        if (node.Optional("timeOff") is { } timeOff)
        {
            owner = owner with
            {
                TimeOff = timeOff.Items().Select(range =>
                {
                    range.OnlyKnown("from", "to");
                    var from = range.Required("from").Convert(s => Text.ParseDate(s, "from"));
                    var to = range.Required("to").Convert(s => Text.ParseDate(s, "to"));
                    return to >= from ? new DateInterval(from, to) : throw range.Error($"the time off ends ({Text.Format(to)}) before it starts ({Text.Format(from)})");
                }).ToImmutableArray(),
            };
        }

        return owner;
    }

    private static void WriteOwner(Utf8JsonWriter w, OwnerSettings owner)
    {
        w.WriteStartObject("owner");
        if (owner.Zone is { } zone)
        {
            w.WriteString("zone", zone);
        }

        WriteStrings(w, "workingDays", owner.WorkingDays.Select(Text.Format));
        w.WriteNumber("perDay", owner.PerDay);
        if (owner.PerWeek is { } perWeek)
        {
            w.WriteNumber("perWeek", perWeek);
        }

        WriteStrings(w, "holidays", owner.Holidays.Select(Text.Format));
        w.WriteStartArray("timeOff");
        foreach (var range in owner.TimeOff)
        {
            w.WriteStartObject();
            w.WriteString("from", Text.Format(range.Start));
            w.WriteString("to", Text.Format(range.End));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static FeedSettings ReadFeed(JsonNode node)
    {
        node.OnlyKnown("token", "uidKey", "states");
        var feed = new FeedSettings();
        if (node.Optional("token") is { } token)
        {
            string value = token.String();
            if (Secrets.TokenBytes(value) is not { Length: >= Secrets.MinTokenBytes })
            {
                throw token.Error($"the token must be base64url of at least {Secrets.MinTokenBytes} bytes (use `token --rotate` for a new one)");
            }

            feed = feed with { Token = value };
        }

        if (node.Optional("uidKey") is { } key)
        {
            byte[] bytes = key.Convert(System.Convert.FromBase64String);
            feed = feed with
            {
                UidKey = bytes.Length >= FeedOptions.MinUidKeyBytes
                    ? [.. bytes]
                    : throw key.Error($"the UID key has {bytes.Length} bytes; at least {FeedOptions.MinUidKeyBytes} are needed"),
            };
        }

        if (node.Optional("states") is { } states)
        {
            foreach (var (profile, state) in states.Properties())
            {
                state.OnlyKnown("lastModified", "entries");
                Instant? lastModified = state.Optional("lastModified") is { } lm ? lm.Convert(s => Text.ParseInstant(s, "lastModified")) : null;
                var entries = state.Optional("entries")?.Items().Select(entry =>
                {
                    entry.OnlyKnown("uid", "hash", "sequence", "lastModified");
                    ulong hash = entry.Required("hash").Convert(s => s.Length == 16 && ulong.TryParse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong h)
                        ? h
                        : throw new UserException("the hash must be 16 hexadecimal digits"));
                    return new FeedEntry(
                        entry.Required("uid").String(),
                        hash,
                        entry.Required("sequence").Int32(),
                        entry.Required("lastModified").Convert(s => Text.ParseInstant(s, "lastModified")));
                }).ToList() ?? [];
                var feedState = Check(state, () => FeedState.FromEntries(entries, lastModified));
                feed = feed.WithState(profile, feedState);
            }
        }

        return feed;
    }

    private static void WriteFeed(Utf8JsonWriter w, FeedSettings feed)
    {
        w.WriteStartObject("feed");
        if (feed.Token is { } token)
        {
            w.WriteString("token", token);
        }

        if (!feed.UidKey.IsDefaultOrEmpty)
        {
            w.WriteString("uidKey", System.Convert.ToBase64String(feed.UidKey.AsSpan()));
        }

        w.WriteStartObject("states");
        foreach (var (profile, state) in feed.States)
        {
            w.WriteStartObject(profile);
            if (state.LastModified is { } lastModified)
            {
                w.WriteString("lastModified", Text.Format(lastModified));
            }

            w.WriteStartArray("entries");
            foreach (var entry in state.Entries)
            {
                w.WriteStartObject();
                w.WriteString("uid", entry.Uid);
                w.WriteString("hash", entry.ContentHash.ToString("x16", CultureInfo.InvariantCulture));
                w.WriteNumber("sequence", entry.Sequence);
                w.WriteString("lastModified", Text.Format(entry.LastModified));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (string value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    /// <summary>Runs a library constructor and names this place in its error.</summary>
    private static T Check<T>(JsonNode node, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (Exception e) when (e is ArgumentException or UserException)
        {
            throw node.Error(Messages.OneLine(e));
        }
    }
}
