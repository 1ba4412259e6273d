using System.Collections.Generic;
using System.Text.Json;
using NodaTime;

namespace Cadence.Sample.Store;

// The data file's shape (docs/diary-format.md), as System.Text.Json reads and writes it: property names in camelCase,
// members in the order they are written, a missing optional member null (and not written). Dates, instants and periods
// go through NodaTime's converters; times of day, zones, channels and days stay text, read with the messages of
// Cli/Text.cs. DiaryJson maps these to the library's types and back.

/// <summary>The whole file.</summary>
internal sealed record FileDto
{
    public required int Format { get; init; }

    public OwnerDto? Owner { get; init; }

    public Dictionary<string, RuleDto>? Rules { get; init; }

    public Dictionary<string, LadderDto>? Ladders { get; init; }

    public List<RelationshipDto>? Relationships { get; init; }

    public List<TouchDto>? Touches { get; init; }

    public List<CommitmentDto>? Commitments { get; init; }

    public List<MoveDto>? Moves { get; init; }

    public FeedDto? Feed { get; init; }
}

internal sealed record OwnerDto
{
    public string? Zone { get; init; }

    public List<string>? WorkingDays { get; init; }

    public int? PerDay { get; init; }

    public int? PerWeek { get; init; }

    public List<LocalDate>? Holidays { get; init; }

    public List<RangeDto>? TimeOff { get; init; }
}

internal sealed record RangeDto
{
    public required LocalDate From { get; init; }

    public required LocalDate To { get; init; }
}

internal sealed record RuleDto
{
    public required Period MinGap { get; init; }

    public required Period Target { get; init; }

    public required Period MaxGap { get; init; }
}

internal sealed record LadderDto
{
    public required string Steps { get; init; }

    public List<string>? Tiers { get; init; }
}

internal sealed record RelationshipDto
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Tier { get; init; }

    public List<string>? Tags { get; init; }

    public string? Zone { get; init; }

    public List<string>? Weekend { get; init; }

    public List<string>? Prefers { get; init; }

    public string? State { get; init; }

    public LocalDate? PausedUntil { get; init; }

    public RuleDto? Rule { get; init; }
}

/// <summary>A touch; <see cref="FollowUp"/> is <c>"none"</c> or a <see cref="FollowUpDto"/>.</summary>
internal sealed record TouchDto
{
    public string? Id { get; init; }

    public required string Relationship { get; init; }

    public required LocalDate Date { get; init; }

    public string? Time { get; init; }

    public required string Channel { get; init; }

    public string? Direction { get; init; }

    public string? Outcome { get; init; }

    public string? Medium { get; init; }

    public string? Summary { get; init; }

    public JsonElement? FollowUp { get; init; }
}

internal sealed record FollowUpDto
{
    public required string Ladder { get; init; }

    public required string Steps { get; init; }
}

internal sealed record CommitmentDto
{
    public required string Id { get; init; }

    public required string Relationship { get; init; }

    public required LocalDate Date { get; init; }

    public string? Time { get; init; }

    public required string What { get; init; }

    public string? Channel { get; init; }

    public string? Status { get; init; }

    public LocalDate? MadeOn { get; init; }

    public string? Kind { get; init; }

    public LocalDate? ClosedOn { get; init; }

    public string? ClosedBy { get; init; }
}

internal sealed record MoveDto
{
    public required string Relationship { get; init; }

    public required LocalDate To { get; init; }

    public required LocalDate MadeOn { get; init; }
}

internal sealed record FeedDto
{
    public string? Token { get; init; }

    public string? UidKey { get; init; }

    public Dictionary<string, FeedStateDto>? States { get; init; }
}

internal sealed record FeedStateDto
{
    public Instant? LastModified { get; init; }

    public List<FeedEntryDto>? Entries { get; init; }
}

internal sealed record FeedEntryDto
{
    public required string Uid { get; init; }

    public required string Hash { get; init; }

    public required int Sequence { get; init; }

    public required Instant LastModified { get; init; }
}
