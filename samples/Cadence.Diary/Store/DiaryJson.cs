using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cadence.Feed;
using Cadence.Sample.Cli;
using Cadence.Sample.Commands;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Cadence.Sample.Store;

/// <summary>The data file is not JSON, not a diary, or of a newer format; the message says where and why.</summary>
internal sealed class DataFileException(string message) : Exception(message);

/// <summary>
/// Reads and writes the data file (docs/diary-format.md) through System.Text.Json: the file's shape is the records of
/// DiaryFile.cs, read strictly (an unknown member, a wrong type, a missing or repeated one is an error naming its
/// place) and mapped to the library's types, whose own checks name the place too. Writing is deterministic: the
/// same data gives the same bytes (indented, "\n", no byte order mark, names with accents as they are).
/// </summary>
internal static class DiaryJson
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        WriteIndented = true,
        NewLine = "\n",
        // Names with accents stay readable ("Zoë", not "Zo\u00EB"); the file is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 32,
        Converters = { new KebabEnum<Channel>(), new KebabEnum<Direction>(), new KebabEnum<Outcome>(), new KebabEnum<RelationshipStatus>(), new KebabEnum<CommitmentStatus>(), new KebabEnum<CommitmentKind>(), new KebabEnum<LeapDayRule>(), new KebabEnum<CampaignGroup>(), new KebabEnum<CampaignStatus>(), new KebabEnum<Pacing>() },
    }.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Reads a data file's bytes.</summary>
    /// <exception cref="DataFileException">Not UTF-8, not JSON, not a diary, or a newer format; the message says where and why.</exception>
    public static DiaryData Read(ReadOnlyMemory<byte> bytes)
    {
        // A byte order mark (some editors write one) is not part of the JSON.
        if (bytes.Span.StartsWith(Utf8Bom))
        {
            bytes = bytes[Utf8Bom.Length..];
        }

        CheckUtf8(bytes.Span);
        CheckFormat(bytes);
        FileDto file;
        try
        {
            file = JsonSerializer.Deserialize<FileDto>(bytes.Span, Options)!;
        }
        catch (JsonException e)
        {
            throw new DataFileException("is not a valid diary: " + Describe(e));
        }

        try
        {
            return ToData(file);
        }
        catch (DataFileException e)
        {
            throw new DataFileException("is not a valid diary: " + e.Message);
        }
    }

    /// <summary>Writes the data as indented UTF-8 JSON (no BOM), ending with a newline.</summary>
    public static byte[] Write(DiaryData data) =>
        [.. JsonSerializer.SerializeToUtf8Bytes(ToFile(data), Options), (byte)'\n'];

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

    /// <summary>JSON, an object, with a format this version reads: checked before the rest, which a newer format may change.</summary>
    private static void CheckFormat(ReadOnlyMemory<byte> bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw new DataFileException($"is not valid JSON{(e.LineNumber is { } line ? $" at line {line + 1}" : string.Empty)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DataFileException("is not a Cadence diary: the top level is not a JSON object");
            }

            if (!root.TryGetProperty("format", out var format) || format.ValueKind == JsonValueKind.Null)
            {
                throw new DataFileException("is not a Cadence diary: it has no \"format\" number");
            }

            if (!format.TryGetInt32(out int n))
            {
                throw new DataFileException($"is not a Cadence diary: \"format\" is {Text.Printable(format.GetRawText())}, not a whole number");
            }

            if (n > DiaryData.CurrentFormat)
            {
                throw new DataFileException(
                    $"has format {n}, newer than this version of Cadence.Diary reads (format {DiaryData.CurrentFormat}); use a newer Cadence.Diary");
            }

            if (n < 1)
            {
                throw new DataFileException($"is not a Cadence diary: unknown format {n}");
            }
        }
    }

    /// <summary>"touches[3]: unknown property "chanel"", "relationships[0].tier: expected a string", …</summary>
    private static string Describe(JsonException e)
    {
        string path = (e.Path ?? "$").TrimStart('$').TrimStart('.');
        string message = e.Message;
        int cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        message = cut >= 0 ? message[..cut] : message;
        if (e is BadValueException)
        {
            return $"{Where(path)}{message}";
        }

        string? Quoted(string after) =>
            message.IndexOf(after, StringComparison.Ordinal) is >= 0 and var at && message.IndexOf('\'', at + after.Length) is > 0 and var end
                ? message[(at + after.Length)..end]
                : null;

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) && Quoted("property '") is { } unknown)
        {
            return $"{Where(Parent(path))}unknown property \"{Text.Printable(unknown)}\"";
        }

        if (message.Contains("missing required properties", StringComparison.Ordinal) && Quoted("including: '") is { } missing)
        {
            return $"{Where(path)}the property \"{Text.Printable(missing)}\" is missing";
        }

        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase) && Quoted("property '") is { } twice)
        {
            return $"{Where(Parent(path))}the property \"{Text.Printable(twice)}\" is given twice";
        }

        if (e.InnerException is InvalidOperationException { Message: var wrong } && wrong.StartsWith("Cannot get the value of a token type", StringComparison.Ordinal))
        {
            return $"{Where(path)}expected {(wrong.Contains("as a string", StringComparison.Ordinal) ? "a string" : wrong.Contains("as a number", StringComparison.Ordinal) ? "a whole number" : "another type")}";
        }

        if (e.InnerException is FormatException { Message: var range } && range.Contains("out of bounds for an Int32", StringComparison.Ordinal))
        {
            // A whole number too big (or too small) for the field, such as a lead of 99999999999 days.
            return path.EndsWith(".lead", StringComparison.Ordinal)
                ? $"{Where(path)}not a number of days from 0 to {ImportantDate.MaxLeadDays}"
                : $"{Where(path)}a whole number out of range (at most {int.MaxValue.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)})";
        }

        if (e.InnerException is { } inner && inner is not JsonException)
        {
            // A NodaTime converter: the value is not a date, a period or an instant.
            string what = path.EndsWith("date", StringComparison.OrdinalIgnoreCase) || path.EndsWith("On", StringComparison.Ordinal)
                || path.EndsWith("Until", StringComparison.Ordinal) || path.EndsWith("to", StringComparison.Ordinal) || path.EndsWith("from", StringComparison.Ordinal)
                    || path.Contains("holidays", StringComparison.Ordinal)
                ? "Bad date: use YYYY-MM-DD, e.g. 2026-03-13"
                : path.EndsWith("Gap", StringComparison.Ordinal) || path.EndsWith("target", StringComparison.Ordinal)
                    ? "bad period: use ISO 8601 such as P14D, P4W or P3M"
                    : path.EndsWith("lastModified", StringComparison.Ordinal)
                        ? "bad instant: use an ISO 8601 UTC time such as 2026-03-13T09:30:00Z"
                        : $"bad value: {Messages.OneLine(inner).TrimEnd('.')}";
            return $"{Where(path)}{what}";
        }

        // A list first: "List`1[System.String]" names the string its items are.
        string expected = message.Contains("List`1", StringComparison.Ordinal) || message.Contains("[]", StringComparison.Ordinal) ? "expected an array"
            : message.Contains("System.String", StringComparison.Ordinal) ? "expected a string"
            : message.Contains("System.Int32", StringComparison.Ordinal) ? "expected a whole number"
            : message.Contains("could not be converted", StringComparison.Ordinal) ? "expected an object"
            : message.Contains("null", StringComparison.OrdinalIgnoreCase) ? "must not be null"
            : Messages.OneLine(e);
        return $"{Where(path)}{expected}";
    }

    /// <summary>"touches[4]" for "touches[4].chanel", "owner" for "owner['a b']": the object a property is in.</summary>
    private static string Parent(string path) =>
        path.EndsWith("']", StringComparison.Ordinal) ? path[..path.LastIndexOf("['", StringComparison.Ordinal)]
        : path.LastIndexOf('.') > path.LastIndexOf(']') ? path[..path.LastIndexOf('.')]
        : path;

    private static string Where(string path) => path.Length == 0 ? string.Empty : Text.Printable(path) + ": ";

    /// <summary>Runs a conversion or a library constructor and names this place in its error.</summary>
    private static T At<T>(string path, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (Exception e) when (e is ArgumentException or UserException or FormatException or KeyNotFoundException)
        {
            throw new DataFileException($"{path}: {Messages.OneLine(e)}");
        }
    }

    // ---------------------------------------------------------------- reading: the file to the diary

    private static DiaryData ToData(FileDto file)
    {
        var relationships = (file.Relationships ?? []).Select((r, i) => ToRelationship(r, $"relationships[{i}]")).ToList();
        var touches = (file.Touches ?? []).Select((t, i) => ToTouch(t, $"touches[{i}]")).ToList();
        var commitments = (file.Commitments ?? []).Select((c, i) => ToCommitment(c, $"commitments[{i}]")).ToList();
        var moves = (file.Moves ?? []).Select((m, i) => At($"moves[{i}]", () => new ManualMove(m.Relationship, m.To, m.MadeOn) { FirstTouch = m.FirstTouch ?? false })).ToList();
        var campaigns = (file.Campaigns ?? []).Select((c, i) => At($"campaigns[{i}]", () => ToCampaign(c))).ToList();
        Diary diary;
        try
        {
            diary = new Diary(relationships, DiaryData.WithIds(touches), commitments, moves, campaigns);
        }
        catch (ArgumentException e)
        {
            throw new DataFileException(Messages.OneLine(e));
        }

        // The touch numbers given before and removed since (Diary.TouchNumberMarks): never given again.
        foreach (var (r, i) in (file.Relationships ?? []).Select((r, i) => (r, i)))
        {
            if (r.TouchNumber is { } number)
            {
                diary = number >= 1
                    ? diary.WithTouchNumberMark(r.Id, number)
                    : throw new DataFileException($"relationships[{i}].touchNumber: {number.ToString(CultureInfo.InvariantCulture)} is not a touch number; it is a whole number from 1");
            }
        }

        var data = new DiaryData(diary);
        foreach (var (tier, rule) in file.Rules ?? [])
        {
            if (data.TierRules.TryGetKey(tier, out string? same))
            {
                // Tiers are compared ignoring case: keeping one would drop the other at the next write.
                throw new DataFileException($"rules: the tiers \"{Text.Printable(same)}\" and \"{Text.Printable(tier)}\" differ only in case; keep one");
            }

            data = data with { TierRules = data.TierRules.SetItem(tier, ToRule(rule, $"rules.{tier}")) };
        }

        var tiers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, ladder) in file.Ladders ?? [])
        {
            string path = $"ladders.{name}";
            if (data.Ladders.ContainsKey(name))
            {
                throw new DataFileException($"{path}: the ladder \"{Text.Printable(name)}\" is given twice (names are compared ignoring case)");
            }

            var forTiers = (ladder.Tiers ?? []).Select(t => t.Trim()).ToImmutableArray();
            foreach (string tier in forTiers)
            {
                if (!tiers.TryAdd(tier, name))
                {
                    throw new DataFileException($"{path}: the tier \"{Text.Printable(tier)}\" already follows up with the ladder \"{Text.Printable(tiers[tier])}\"; a tier has one default ladder");
                }
            }

            var steps = At($"{path}.steps", () => Text.ParseLadder(name, ladder.Steps, "steps"));
            data = data with { Ladders = data.Ladders.Add(name, new NamedLadder(steps, forTiers)) };
        }

        for (int i = 0; i < (file.Learning ?? []).Count; i++)
        {
            string tier = file.Learning![i].Trim();
            _ = At($"learning[{i}]", () => CadenceRules.Default.WithLearning(tier));
            if (data.LearningTiers.TryGetValue(tier, out string? same))
            {
                throw new DataFileException($"learning[{i}]: the tier \"{Text.Printable(tier)}\" is given twice{(same == tier ? string.Empty : $" (as \"{Text.Printable(same)}\"; tiers are compared ignoring case)")}");
            }

            data = data with { LearningTiers = data.LearningTiers.Add(tier) };
        }

        return data with
        {
            Owner = file.Owner is { } owner ? ToOwner(owner) : data.Owner,
            Feed = file.Feed is { } feed ? ToFeed(feed) : data.Feed,
        };
    }

    private static Relationship ToRelationship(RelationshipDto dto, string path)
    {
        var r = At(path, () => new Relationship(dto.Id, dto.Name, dto.Tier));
        if (dto.Tags is { } tags)
        {
            r = At($"{path}.tags", () => r.WithTags(tags));
        }

        if (dto.Zone is { } zone)
        {
            r = r.WithTimeZone(At($"{path}.zone", () => Text.ParseZone(zone)));
        }

        if (dto.Weekend is { } weekend)
        {
            r = r.WithWeekend(At($"{path}.weekend", () => weekend.Select(d => Text.ParseDay(d, "the weekend")).ToList()));
        }

        r = r.WithPreferredChannels(dto.Prefers ?? []);
        if (dto.Emails is { } emails)
        {
            r = At($"{path}.emails", () => r.WithEmails(emails));
        }

        if (dto.Phones is { } phones)
        {
            r = At($"{path}.phones", () => r.WithPhones(phones));
        }

        r = At($"{path}.metAt", () => r.WithMetAt(dto.MetAt));
        r = At($"{path}.note", () => r.WithNote(dto.Note));
        if (dto.Pacing is { } pacing)
        {
            r = At($"{path}.pacing", () => r.WithPacing(pacing));
        }

        if (dto.Aliases is { } aliases)
        {
            r = At($"{path}.aliases", () => r.WithAliases(aliases));
        }

        if (dto.OtherNames is { } otherNames)
        {
            r = At($"{path}.otherNames", () => r.WithOtherNames(otherNames));
        }

        if (dto.Dates is { } dates)
        {
            r = At($"{path}.dates", () => r.WithImportantDates(dates.Select((d, i) => At($"{path}.dates[{i}]", () => ImportantDates.FromDto(d)))));
        }
        r = (dto.State ?? RelationshipStatus.Active, dto.PausedUntil) switch
        {
            (RelationshipStatus.Paused, { } until) => At($"{path}.pausedUntil", () => r.PauseUntil(until)),
            (RelationshipStatus.Paused, null) => throw new DataFileException($"{path}: a paused relationship needs \"pausedUntil\""),
            (var state, null) => state == RelationshipStatus.Archived ? r.Archive() : r,
            _ => throw new DataFileException($"{path}.pausedUntil: only a paused relationship has \"pausedUntil\""),
        };
        return dto.Rule is { } rule ? r.WithRule(ToRule(rule, $"{path}.rule")) : r;
    }

    private static CadenceRule ToRule(RuleDto dto, string path) => At(path, () => new CadenceRule(dto.MinGap, dto.Target, dto.MaxGap));

    private static Touch ToTouch(TouchDto dto, string path)
    {
        LocalTime? time = dto.Time is { } t ? At($"{path}.time", () => Text.ParseTime(t, "time")) : null;
        var followUp = dto.FollowUp is { } f ? ToFollowUp(f, $"{path}.followUp") : null;
        return At(path, () => new Touch(dto.Relationship, dto.Date, dto.Channel, dto.Direction ?? Direction.Outbound, dto.Outcome ?? Outcome.Connected, dto.Medium, dto.Summary, time)
            .WithId(dto.Id).WithFollowUp(followUp));
    }

    /// <summary>A touch's ladder: "none", or { "ladder": NAME, "steps": "3wd:note,5wd:call" }, kept as it was when the touch was logged.</summary>
    private static FollowUpLadder ToFollowUp(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString() == "none" ? FollowUpLadder.None : throw new DataFileException($"{path}: expected \"none\" or an object with \"ladder\" and \"steps\"");
        }

        FollowUpDto dto;
        try
        {
            dto = element.Deserialize<FollowUpDto>(Options)!;
        }
        catch (JsonException e)
        {
            throw new DataFileException($"{path}: {Describe(e)}");
        }

        return At($"{path}.steps", () => Text.ParseLadder(dto.Ladder, dto.Steps, "steps"));
    }

    private static Commitment ToCommitment(CommitmentDto dto, string path)
    {
        LocalTime? time = dto.Time is { } t ? At($"{path}.time", () => Text.ParseTime(t, "time")) : null;
        var commitment = At(path, () => new Commitment(dto.Id, dto.Relationship, dto.Date, dto.What, dto.Channel, time, dto.MadeOn, dto.Kind ?? CommitmentKind.Step));
        return At(path, () => (dto.Status, dto.ClosedOn) switch
        {
            (CommitmentStatus.Done, { } on) => commitment.MarkDone(on, dto.ClosedBy),
            (CommitmentStatus.Done, null) => commitment.MarkDone(),
            (CommitmentStatus.Dropped, { } on) => commitment.Drop(on),
            (CommitmentStatus.Dropped, null) => commitment.Drop(),
            _ => commitment,
        });
    }

    private static OwnerSettings ToOwner(OwnerDto dto)
    {
        var owner = new OwnerSettings();
        if (dto.Zone is { } zone)
        {
            owner = owner with { Zone = At("owner.zone", () => Text.ParseZone(zone).Id) };
        }

        if (dto.WorkingDays is { } days)
        {
            var list = At("owner.workingDays", () => days.Select(d => Text.ParseDay(d, "workingDays")).Distinct().Order().ToImmutableArray());
            owner = owner with { WorkingDays = list.Length > 0 ? list : throw new DataFileException("owner.workingDays: at least one working day is needed") };
        }

        owner = owner with
        {
            PerDay = dto.PerDay is { } perDay ? perDay >= 1 ? perDay : throw new DataFileException($"owner.perDay: a budget must be at least 1; got {perDay}") : owner.PerDay,
            PerWeek = dto.PerWeek is { } perWeek ? perWeek >= 1 ? perWeek : throw new DataFileException($"owner.perWeek: a budget must be at least 1; got {perWeek}") : null,
            Holidays = [.. dto.Holidays ?? []],
            TimeOff = [.. (dto.TimeOff ?? []).Select((r, i) => r.To >= r.From
                ? new DateInterval(r.From, r.To)
                : throw new DataFileException($"owner.timeOff[{i}]: the time off ends ({Text.Format(r.To)}) before it starts ({Text.Format(r.From)})"))],
        };
        At("owner", owner.ToCalendar); // the library's checks of the days off, with the place
        return owner;
    }

    private static FeedSettings ToFeed(FeedDto dto)
    {
        var feed = new FeedSettings();
        if (dto.Token is { } token)
        {
            feed = Secrets.TokenBytes(token) is { Length: >= Secrets.MinTokenBytes }
                ? feed with { Token = token }
                : throw new DataFileException($"feed.token: the token must be base64url of at least {Secrets.MinTokenBytes} bytes (use `token --rotate` for a new one)");
        }

        if (dto.UidKey is { } key)
        {
            byte[] bytes = At("feed.uidKey", () => Convert.FromBase64String(key));
            feed = bytes.Length >= FeedOptions.MinUidKeyBytes
                ? feed with { UidKey = [.. bytes] }
                : throw new DataFileException($"feed.uidKey: the UID key has {bytes.Length} bytes; at least {FeedOptions.MinUidKeyBytes} are needed");
        }

        foreach (var (profile, state) in dto.States ?? [])
        {
            string path = $"feed.states.{profile}";
            var entries = (state.Entries ?? []).Select((e, i) => new FeedEntry(
                e.Uid,
                e.Hash.Length == 16 && ulong.TryParse(e.Hash, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong hash)
                    ? hash
                    : throw new DataFileException($"{path}.entries[{i}].hash: the hash must be 16 hexadecimal digits"),
                e.Sequence,
                e.LastModified)).ToList();
            feed = feed.WithState(profile, At(path, () => FeedState.FromEntries(entries, state.LastModified)));
        }

        return feed;
    }

    // ---------------------------------------------------------------- writing: the diary to the file

    private static FileDto ToFile(DiaryData data) => ToFile(data, data.Diary.TouchNumberMarks);

    private static FileDto ToFile(DiaryData data, IReadOnlyDictionary<string, int> touchNumbers) => new(
        DiaryData.CurrentFormat,
        new OwnerDto(
            data.Owner.Zone,
            [.. data.Owner.WorkingDays.Select(Text.Format)],
            data.Owner.PerDay,
            data.Owner.PerWeek,
            [.. data.Owner.Holidays],
            [.. data.Owner.TimeOff.Select(r => new RangeDto(r.Start, r.End))]),
        data.TierRules.Count > 0 ? data.TierRules.ToDictionary(p => p.Key, p => ToRuleDto(p.Value)) : null,
        data.Ladders.Count > 0
            ? data.Ladders.ToDictionary(p => p.Key, p => new LadderDto(p.Value.Ladder.FormatSteps(), p.Value.Tiers.Length > 0 ? [.. p.Value.Tiers] : null))
            : null,
        data.LearningTiers.Count > 0 ? [.. data.LearningTiers] : null,
        [.. data.Diary.Relationships.Select(r => ToRelationshipDto(r, touchNumbers))],
        [.. data.Diary.Touches.Select(ToTouchDto)],
        [.. data.Diary.Commitments.Select(ToCommitmentDto)],
        [.. data.Diary.Moves.Select(m => new MoveDto(m.RelationshipId, m.To, m.MadeOn, m.FirstTouch ? true : null))],
        data.Diary.Campaigns.Count > 0 ? [.. data.Diary.Campaigns.Select(ToCampaignDto)] : null,
        new FeedDto(
            data.Feed.Token,
            data.Feed.UidKey.IsDefaultOrEmpty ? null : Convert.ToBase64String(data.Feed.UidKey.AsSpan()),
            data.Feed.States.ToDictionary(p => p.Key, p => new FeedStateDto(
                p.Value.LastModified,
                [.. p.Value.Entries.Select(e => new FeedEntryDto(e.Uid, e.ContentHash.ToString("x16", CultureInfo.InvariantCulture), e.Sequence, e.LastModified))]))));

    private static RuleDto ToRuleDto(CadenceRule rule) => new(rule.MinGap, rule.Target, rule.MaxGap);

    private static CampaignDto ToCampaignDto(Campaign c) => new(
        c.Name,
        c.Group,
        c.Start,
        c.By,
        [.. c.Members],
        c.Value,
        c.Group == CampaignGroup.Faded ? c.FadedMonths : null,
        c.Channels.Count > 0 ? [.. c.Channels] : null,
        c.Status == CampaignStatus.Active ? null : c.Status,
        c.EndedOn);

    private static Campaign ToCampaign(CampaignDto dto)
    {
        var campaign = dto.Group switch
        {
            CampaignGroup.Tier => Campaign.ForTier(dto.Name, dto.Value ?? throw new UserException("a tier campaign needs \"value\" (the tier)"), dto.Start, dto.By),
            CampaignGroup.Tag => Campaign.ForTag(dto.Name, dto.Value ?? throw new UserException("a tag campaign needs \"value\" (the tag)"), dto.Start, dto.By),
            _ => Campaign.ForFaded(dto.Name, dto.Months ?? throw new UserException("a faded campaign needs \"months\""), dto.Start, dto.By),
        };
        campaign = campaign.WithChannels(dto.Prefers ?? []).WithMembers(dto.Members ?? []);
        return (dto.Status ?? CampaignStatus.Active) switch
        {
            CampaignStatus.Paused => campaign.Pause(),
            CampaignStatus.Ended => campaign.End(dto.EndedOn ?? dto.By),
            _ => campaign,
        };
    }

    private static RelationshipDto ToRelationshipDto(Relationship r, IReadOnlyDictionary<string, int> touchNumbers) => new(
        r.Id,
        r.Name,
        r.Tier,
        r.Tags.Count > 0 ? [.. r.Tags] : null,
        r.TimeZone?.Id,
        r.Weekend.SequenceEqual([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday]) ? null : [.. r.Weekend.Select(Text.Format)],
        r.PreferredChannels.Count > 0 ? [.. r.PreferredChannels] : null,
        r.State.Status,
        r.State.Status == RelationshipStatus.Paused ? r.State.PausedUntil : null,
        r.Rule is { } rule ? ToRuleDto(rule) : null,
        r.Emails.Count > 0 ? [.. r.Emails] : null,
        r.Phones.Count > 0 ? [.. r.Phones] : null,
        r.MetAt,
        r.ImportantDates.Count > 0 ? [.. r.ImportantDates.Select(ImportantDates.ToDto)] : null,
        r.Aliases.Count > 0 ? [.. r.Aliases] : null,
        touchNumbers.TryGetValue(r.Id, out int number) ? number : null,
        r.OtherNames.Count > 0 ? [.. r.OtherNames] : null,
        r.Note,
        r.Pacing == Pacing.ByTier ? null : r.Pacing);

    private static TouchDto ToTouchDto(Touch t) => new(
        t.RelationshipId,
        t.Date,
        t.Channel,
        t.Id,
        t.Time is { } time ? Text.Format(time) : null,
        t.Direction == Direction.Inbound ? Direction.Inbound : null,
        t.Outcome == Outcome.NoReply ? Outcome.NoReply : null,
        t.Medium,
        t.Summary,
        t.FollowUp switch
        {
            null => null,
            { IsNone: true } => JsonSerializer.SerializeToElement("none", Options),
            var ladder => JsonSerializer.SerializeToElement(new FollowUpDto(ladder.Name, ladder.FormatSteps()), Options),
        });

    private static CommitmentDto ToCommitmentDto(Commitment c) => new(
        c.Id,
        c.RelationshipId,
        c.Date,
        c.Purpose,
        c.Time is { } time ? Text.Format(time) : null,
        c.Channel,
        c.Status,
        c.MadeOn,
        c.Kind == CommitmentKind.Step ? null : c.Kind,
        c.ClosedOn,
        c.ClosedBy);
}
