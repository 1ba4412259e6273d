using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using Cadence.Internal;
using NodaTime;

namespace Cadence;

/// <summary>How a <see cref="Campaign"/> chooses its members.</summary>
public enum CampaignGroup
{
    /// <summary>The relationships of a tier.</summary>
    Tier,

    /// <summary>The relationships with a tag.</summary>
    Tag,

    /// <summary>The relationships with no connected touch for more than a number of months ("faded").</summary>
    Faded,
}

/// <summary>Whether a <see cref="Campaign"/> is planned.</summary>
public enum CampaignStatus
{
    /// <summary>Planned: its members' reconnections are spread over its period.</summary>
    Active,

    /// <summary>Kept, with its progress, but not planned until resumed.</summary>
    Paused,

    /// <summary>Over: kept for its history, never planned again.</summary>
    Ended,
}

/// <summary>
/// A reconnect campaign ("Commit to Connect"): reconnect with a group of relationships (a tier, a tag, or those that
/// faded) by a day, preferably by some channels. Its members are chosen once, when it starts
/// (<see cref="Diary.StartCampaign"/>), so its progress ("12 of 40 done") counts the same people to the end; a member
/// is done at their first connected touch (yours that connected, or theirs) on or after <see cref="Start"/>. The
/// <see cref="Planning.Scheduler"/> spreads the members not done over the days left, most faded first, inside the
/// owner's budget. Immutable, with value equality.
/// </summary>
public sealed record Campaign
{
    /// <summary>The longest campaign: ten years.</summary>
    public const int MaxDays = 3660;

    private Campaign(string name, CampaignGroup group, string? value, int months, LocalDate start, LocalDate by)
    {
        Name = Guard.Name(name, nameof(name));
        Group = group;
        Value = value;
        FadedMonths = months;
        Start = Guard.Date(start, nameof(start));
        By = Guard.Date(by, nameof(by));
        if (by < start)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, $"The campaign \"{name}\" ends ({by:uuuu'-'MM'-'dd}) before it starts ({start:uuuu'-'MM'-'dd}).");
        }

        if (Period.DaysBetween(start, by) > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, $"The campaign \"{name}\" runs more than {MaxDays} days (to {by:uuuu'-'MM'-'dd}); end it sooner.");
        }
    }

    /// <summary>The campaign's name, unique in a diary ("past associates").</summary>
    public string Name { get; }

    /// <summary>How it chose its members.</summary>
    public CampaignGroup Group { get; }

    /// <summary>The tier or the tag it chose its members by; <see langword="null"/> for <see cref="CampaignGroup.Faded"/>.</summary>
    public string? Value { get; }

    /// <summary>For <see cref="CampaignGroup.Faded"/>: no connected touch for more than this many months; otherwise 0.</summary>
    public int FadedMonths { get; }

    /// <summary>The day it starts: its members are chosen then, and touches from then on count.</summary>
    public LocalDate Start { get; }

    /// <summary>The last day of the campaign.</summary>
    public LocalDate By { get; }

    /// <summary>The channels it prefers, in order (a member's own preferred channel among them comes first); none for the member's own.</summary>
    public IReadOnlyList<Channel> Channels { get; private init; } = ImmutableArray<Channel>.Empty;

    /// <summary>The members' relationship ids, ordinal order; empty until the campaign starts in a diary.</summary>
    public IReadOnlyList<string> Members { get; private init; } = ImmutableArray<string>.Empty;

    /// <summary>Whether it is planned, paused or over.</summary>
    public CampaignStatus Status { get; private init; }

    /// <summary>The day it was ended, when it was.</summary>
    public LocalDate? EndedOn { get; private init; }

    /// <summary>A campaign for a tier.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="tier">The tier.</param>
    /// <param name="start">The day it starts.</param>
    /// <param name="by">Its last day.</param>
    /// <returns>The campaign, with no members yet.</returns>
    /// <exception cref="ArgumentException">A bad name or tier, or a period that ends before it starts or runs over ten years; the message names it.</exception>
    public static Campaign ForTier(string name, string tier, LocalDate start, LocalDate by) =>
        new(name, CampaignGroup.Tier, Guard.Id(tier, nameof(tier)), 0, start, by);

    /// <summary>A campaign for a tag.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="tag">The tag.</param>
    /// <param name="start">The day it starts.</param>
    /// <param name="by">Its last day.</param>
    /// <returns>The campaign, with no members yet.</returns>
    /// <exception cref="ArgumentException">A bad name or tag, or a bad period; the message names it.</exception>
    public static Campaign ForTag(string name, string tag, LocalDate start, LocalDate by) =>
        new(name, CampaignGroup.Tag, Guard.Id(tag, nameof(tag)), 0, start, by);

    /// <summary>A campaign for the relationships with no connected touch for more than <paramref name="months"/> months before it starts.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="months">1 to 120.</param>
    /// <param name="start">The day it starts.</param>
    /// <param name="by">Its last day.</param>
    /// <returns>The campaign, with no members yet.</returns>
    /// <exception cref="ArgumentException">A bad name, months outside 1 to 120, or a bad period; the message names it.</exception>
    public static Campaign ForFaded(string name, int months, LocalDate start, LocalDate by) =>
        months is >= 1 and <= 120
            ? new(name, CampaignGroup.Faded, null, months, start, by)
            : throw new ArgumentOutOfRangeException(nameof(months), months, $"A faded group needs 1 to 120 months without a connected touch; {months} was given.");

    /// <summary>Returns a copy that prefers these channels, in order.</summary>
    /// <param name="channels">The channels; duplicates are dropped.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public Campaign WithChannels(params IEnumerable<Channel> channels) =>
        this with { Channels = Guard.NotNull(channels, nameof(channels)).Select(c => Guard.Defined(c, nameof(channels))).Distinct().ToImmutableArray() };

    /// <summary>Returns a copy with these members (ordinal order, duplicates dropped); <see cref="Diary.StartCampaign"/> chooses them when there are none.</summary>
    /// <param name="ids">The relationship ids.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public Campaign WithMembers(params IEnumerable<string> ids) =>
        this with { Members = Guard.NotNull(ids, nameof(ids)).Select(id => Guard.Id(id, nameof(ids))).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray() };

    /// <summary>Returns a paused copy: kept with its progress, not planned.</summary>
    /// <returns>The changed copy.</returns>
    /// <exception cref="InvalidOperationException">The campaign has ended.</exception>
    [Pure]
    public Campaign Pause() => this with { Status = Status != CampaignStatus.Ended ? CampaignStatus.Paused : throw Over() };

    /// <summary>Returns a copy planned again.</summary>
    /// <returns>The changed copy.</returns>
    /// <exception cref="InvalidOperationException">The campaign has ended.</exception>
    [Pure]
    public Campaign Resume() => this with { Status = Status != CampaignStatus.Ended ? CampaignStatus.Active : throw Over() };

    /// <summary>Returns an ended copy: kept for its history, never planned again.</summary>
    /// <param name="on">The day it ended.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public Campaign End(LocalDate on) => this with { Status = CampaignStatus.Ended, EndedOn = Guard.Date(on, nameof(on)) };

    /// <summary>The relationships the group takes in a diary on <see cref="Start"/>: not archived, and of the tier, with the tag, or faded; ordinal order.</summary>
    /// <param name="diary">The diary.</param>
    /// <returns>Their ids.</returns>
    public IReadOnlyList<string> Choose(Diary diary)
    {
        Guard.NotNull(diary, nameof(diary));
        var fadedBefore = Start.PlusMonths(-FadedMonths);
        var chosen = new List<string>();
        foreach (var relationship in diary.Relationships)
        {
            if (relationship.State.Status == RelationshipStatus.Archived)
            {
                continue;
            }

            bool member = Group switch
            {
                CampaignGroup.Tier => string.Equals(relationship.Tier, Value, StringComparison.Ordinal),
                CampaignGroup.Tag => relationship.Tags.Contains(Value!, StringComparer.Ordinal),
                _ => !diary.TouchesOf(relationship.Id).Any(t => t.Outcome == Outcome.Connected && t.Date <= Start && t.Date > fadedBefore),
            };
            if (member)
            {
                chosen.Add(relationship.Id);
            }
        }

        chosen.Sort(StringComparer.Ordinal);
        return chosen;
    }

    /// <summary>The group in words: "the tier client", "the tag alumni", "faded for 6 months".</summary>
    /// <returns>The words.</returns>
    public string DescribeGroup() => Group switch
    {
        CampaignGroup.Tier => $"tier {Value}",
        CampaignGroup.Tag => $"tag {Value}",
        _ => $"no connected touch for over {FadedMonths} month{(FadedMonths == 1 ? string.Empty : "s")}",
    };

    /// <inheritdoc/>
    public bool Equals(Campaign? other) =>
        other is not null
        && Name == other.Name
        && Group == other.Group
        && Value == other.Value
        && FadedMonths == other.FadedMonths
        && Start == other.Start
        && By == other.By
        && Status == other.Status
        && EndedOn == other.EndedOn
        && Channels.SequenceEqual(other.Channels)
        && Members.SequenceEqual(other.Members);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Group, Start, By, Status, Members.Count);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({DescribeGroup()}, {Start:uuuu'-'MM'-'dd} to {By:uuuu'-'MM'-'dd}, {Status})";

    private InvalidOperationException Over() => new($"The campaign \"{Name}\" has ended; start a new one.");
}
