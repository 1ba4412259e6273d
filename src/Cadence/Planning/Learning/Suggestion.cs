using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using System.Linq;
using Cadence.Internal;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// A change the plan suggests for one relationship, with the facts behind it (docs/design.md, "A rhythm that learns",
/// Suggestions): never made silently, only by <see cref="Apply"/>. <see cref="Scheduler.Suggest"/> gives them. Immutable,
/// with value equality.
/// </summary>
public sealed record Suggestion
{
    internal Suggestion(string relationshipId, SuggestionKind kind, string why)
    {
        RelationshipId = relationshipId;
        Kind = kind;
        Why = why;
        Id = KindWord(kind) + "/" + relationshipId;
    }

    /// <summary>A stable id, the kind's word and the relationship's id: "loosen/zoe", "channel/zoe", "archive/zoe".</summary>
    public string Id { get; }

    /// <summary>The relationship it is for.</summary>
    public string RelationshipId { get; }

    /// <summary>What it proposes.</summary>
    public SuggestionKind Kind { get; }

    /// <summary>For <see cref="SuggestionKind.LoosenRule"/>, the rule proposed (the relationship's own from then on); else <see langword="null"/>.</summary>
    public CadenceRule? Rule { get; internal init; }

    /// <summary>For <see cref="SuggestionKind.LoosenRule"/>, the rule in force (the relationship's own, else its tier's); else <see langword="null"/>.</summary>
    public CadenceRule? CurrentRule { get; internal init; }

    /// <summary>For <see cref="SuggestionKind.TryChannel"/>, the channel proposed (first of the preferred channels from then on); else <see langword="null"/>.</summary>
    public Channel? Channel { get; internal init; }

    /// <summary>For <see cref="SuggestionKind.LoosenRule"/>, the last three gaps in days between days with an attempt of yours, earliest first; else empty.</summary>
    public IReadOnlyList<int> GapDays { get; internal init; } = [];

    /// <summary>For <see cref="SuggestionKind.LoosenRule"/>, how many of <see cref="GapDays"/> exceeded the target by at least a week.</summary>
    public int GapsOverTarget { get; internal init; }

    /// <summary>For <see cref="SuggestionKind.LoosenRule"/> made by a snooze: the day the rules gave the next touch; else <see langword="null"/>.</summary>
    public LocalDate? MovedFrom { get; internal init; }

    /// <summary>For <see cref="SuggestionKind.LoosenRule"/> made by a snooze: the day it was moved to by hand; else <see langword="null"/>.</summary>
    public LocalDate? MovedTo { get; internal init; }

    /// <summary>
    /// Attempts of yours left unanswered: for <see cref="SuggestionKind.TryChannel"/> the latest ones in a row by
    /// <see cref="TriedChannel"/>, for <see cref="SuggestionKind.Archive"/> all since the latest reply; else 0.
    /// </summary>
    public int Unanswered { get; internal init; }

    /// <summary>For <see cref="SuggestionKind.TryChannel"/>, the channel the unanswered attempts were made by; else <see langword="null"/>.</summary>
    public Channel? TriedChannel { get; internal init; }

    /// <summary>The day of the first of the <see cref="Unanswered"/> attempts, or <see langword="null"/> for a <see cref="SuggestionKind.LoosenRule"/>.</summary>
    public LocalDate? FirstUnanswered { get; internal init; }

    /// <summary>The day of their latest reply (a touch they started, or a call or meeting of yours that connected), or <see langword="null"/> when none.</summary>
    public LocalDate? LastReply { get; internal init; }

    /// <summary>The channel of their latest reply, or <see langword="null"/> when none.</summary>
    public Channel? LastReplyChannel { get; internal init; }

    /// <summary>For <see cref="SuggestionKind.Archive"/>, the days without a reply (since the first touch when there never was one); else 0.</summary>
    public int QuietDays { get; internal init; }

    /// <summary>The suggestion and its facts in one English sentence.</summary>
    public string Why { get; }

    /// <summary>
    /// The diary with the suggestion made: for <see cref="SuggestionKind.LoosenRule"/> the relationship's own rule is
    /// <see cref="Rule"/>, for <see cref="SuggestionKind.TryChannel"/> <see cref="Channel"/> comes first in its preferred
    /// channels (the others after it, in their order), for <see cref="SuggestionKind.Archive"/> it is archived. Nothing
    /// else changes.
    /// </summary>
    /// <param name="diary">The diary.</param>
    /// <returns>The changed diary.</returns>
    /// <exception cref="KeyNotFoundException">The diary has no relationship with the id.</exception>
    [Pure]
    public Diary Apply(Diary diary)
    {
        Guard.NotNull(diary, nameof(diary));
        return Kind switch
        {
            SuggestionKind.LoosenRule => diary.Update(RelationshipId, r => r.WithRule(Rule)),
            SuggestionKind.TryChannel when Channel is { } first =>
                diary.Update(RelationshipId, r => r.WithPreferredChannels([first, .. r.PreferredChannels.Where(c => c != first)])),
            _ => diary.Update(RelationshipId, r => r.Archive()),
        };
    }

    /// <summary>Equal when every fact is.</summary>
    /// <param name="other">The other suggestion.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(Suggestion? other) =>
        other is not null
        && Id == other.Id
        && Kind == other.Kind
        && Equals(Rule, other.Rule)
        && Equals(CurrentRule, other.CurrentRule)
        && Channel == other.Channel
        && GapDays.SequenceEqual(other.GapDays)
        && GapsOverTarget == other.GapsOverTarget
        && MovedFrom == other.MovedFrom
        && MovedTo == other.MovedTo
        && Unanswered == other.Unanswered
        && TriedChannel == other.TriedChannel
        && FirstUnanswered == other.FirstUnanswered
        && LastReply == other.LastReply
        && LastReplyChannel == other.LastReplyChannel
        && QuietDays == other.QuietDays
        && Why == other.Why;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Why);

    /// <summary>The id and the sentence.</summary>
    /// <returns>"loosen/zoe: Your last …".</returns>
    public override string ToString() => Id + ": " + Why;

    /// <summary>The kind's word in an id.</summary>
    internal static string KindWord(SuggestionKind kind) => kind switch
    {
        SuggestionKind.LoosenRule => "loosen",
        SuggestionKind.TryChannel => "channel",
        _ => "archive",
    };
}
