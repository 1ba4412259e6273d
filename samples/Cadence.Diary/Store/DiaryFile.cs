using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace Cadence.Sample.Store;

// The data file's shape (docs/diary-format.md), as System.Text.Json reads and writes it: property names in camelCase,
// members in the order they are written (JsonPropertyOrder where a required one follows an optional one); a parameter without a default is required, one with a default may be left
// out (and is not written when null). Dates, instants and periods go through NodaTime's converters, the library's
// enums through KebabEnum ("no-reply", "unless-reply"); times of day, zones and days stay text, read with the
// messages of Cli/Text.cs. DiaryJson maps these to the library's types and back.

internal sealed record FileDto(
    int Format, OwnerDto? Owner = null, Dictionary<string, RuleDto>? Rules = null, Dictionary<string, LadderDto>? Ladders = null,
    List<string>? Learning = null, List<RelationshipDto>? Relationships = null, List<TouchDto>? Touches = null, List<CommitmentDto>? Commitments = null,
    List<MoveDto>? Moves = null, List<CampaignDto>? Campaigns = null, FeedDto? Feed = null);

internal sealed record OwnerDto(
    string? Zone = null, List<string>? WorkingDays = null, int? PerDay = null, int? PerWeek = null,
    List<LocalDate>? Holidays = null, List<RangeDto>? TimeOff = null);

internal sealed record RangeDto(LocalDate From, LocalDate To);

internal sealed record RuleDto(Period MinGap, Period Target, Period MaxGap);

internal sealed record LadderDto(string Steps, List<string>? Tiers = null);

internal sealed record RelationshipDto(
    string Id, string Name, string Tier, List<string>? Tags = null, string? Zone = null, List<string>? Weekend = null,
    List<Channel>? Prefers = null, RelationshipStatus? State = null, LocalDate? PausedUntil = null, RuleDto? Rule = null,
    List<string>? Emails = null, List<string>? Phones = null, string? MetAt = null, List<DateDto>? Dates = null,
    List<string>? Aliases = null, int? TouchNumber = null, List<string>? OtherNames = null, string? Note = null, Pacing? Pacing = null);

/// <summary>An important date: <see cref="On"/> ("04-15", "1986-04-15") or <see cref="Rule"/> ("third monday of september"); <see cref="Once"/> for a one-off date.</summary>
internal sealed record DateDto(string Label, string? On = null, string? Rule = null, bool? Once = null, LeapDayRule? LeapDay = null, int? Lead = null);

/// <summary>A touch; <see cref="FollowUp"/> is <c>"none"</c> or a <see cref="FollowUpDto"/>.</summary>
internal sealed record TouchDto(
    [property: JsonPropertyOrder(-1)] string Relationship, [property: JsonPropertyOrder(-1)] LocalDate Date, Channel Channel,
    [property: JsonPropertyOrder(-2)] string? Id = null, [property: JsonPropertyOrder(-1)] string? Time = null,
    Direction? Direction = null, Outcome? Outcome = null, string? Medium = null, string? Summary = null, JsonElement? FollowUp = null);

internal sealed record FollowUpDto(string Ladder, string Steps);

internal sealed record CommitmentDto(
    [property: JsonPropertyOrder(-1)] string Id, [property: JsonPropertyOrder(-1)] string Relationship,
    [property: JsonPropertyOrder(-1)] LocalDate Date, string What, [property: JsonPropertyOrder(-1)] string? Time = null, Channel? Channel = null,
    CommitmentStatus? Status = null, LocalDate? MadeOn = null, CommitmentKind? Kind = null, LocalDate? ClosedOn = null,
    string? ClosedBy = null);

internal sealed record MoveDto(string Relationship, LocalDate To, LocalDate MadeOn, bool? FirstTouch = null);

/// <summary>A reconnect campaign: its group (<see cref="Value"/> is the tier or tag, <see cref="Months"/> for faded), period, channels and members.</summary>
internal sealed record CampaignDto(
    string Name, CampaignGroup Group, LocalDate Start, LocalDate By, List<string> Members, string? Value = null, int? Months = null,
    List<Channel>? Prefers = null, CampaignStatus? Status = null, LocalDate? EndedOn = null);

internal sealed record FeedDto(string? Token = null, string? UidKey = null, Dictionary<string, FeedStateDto>? States = null);

internal sealed record FeedStateDto(Instant? LastModified = null, List<FeedEntryDto>? Entries = null);

internal sealed record FeedEntryDto(string Uid, string Hash, int Sequence, Instant LastModified);

/// <summary>A value the file does not allow, named with the ones it does (the message is kept as it is).</summary>
internal sealed class BadValueException(string message) : JsonException(message);

/// <summary>
/// An enum as kebab-case text ("no-reply" for <see cref="Outcome.NoReply"/>), read ignoring case; anything else, a
/// number included, is an error naming the value and the words allowed.
/// </summary>
internal sealed class KebabEnum<T> : JsonConverter<T>
    where T : struct, Enum
{
    private static readonly Dictionary<string, T> Values =
        Enum.GetValues<T>().ToDictionary(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()), StringComparer.OrdinalIgnoreCase);

    public static string Name(T value) => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return text is not null && Values.TryGetValue(text.Trim(), out var value)
            ? value
            : throw new BadValueException(
                $"{(text is null ? "expected a string" : $"unknown value \"{Cli.Text.Printable(text)}\"")}: use {string.Join(", ", Values.Keys)}");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Name(value));
}
