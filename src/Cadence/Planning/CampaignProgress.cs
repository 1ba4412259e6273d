using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// Where a reconnect campaign stands on the plan's day: how many members are done, who is left (most faded first), and
/// who the budget has no room for before the campaign's last day. Immutable, with value equality.
/// </summary>
public sealed class CampaignProgress : IEquatable<CampaignProgress>
{
    internal CampaignProgress(Campaign campaign, int members, int done, IReadOnlyList<string> left, IReadOnlyList<string> cannotFit)
    {
        Campaign = campaign;
        Members = members;
        Done = done;
        Left = left;
        CannotFit = cannotFit;
    }

    /// <summary>The campaign.</summary>
    public Campaign Campaign { get; }

    /// <summary>The campaign's name.</summary>
    public string Name => Campaign.Name;

    /// <summary>Its last day.</summary>
    public LocalDate By => Campaign.By;

    /// <summary>Members not archived.</summary>
    public int Members { get; }

    /// <summary>Members with a connected touch since the campaign started.</summary>
    public int Done { get; }

    /// <summary>The members not done yet, most faded first (the longest without a connected touch; never touched first), then by id.</summary>
    public IReadOnlyList<string> Left { get; }

    /// <summary>
    /// The members left whom the budget has no room for before <see cref="By"/> (their cadence's touch stays, with the
    /// campaign's reason saying so); empty when every one fits, when the campaign is paused or ended, or when its period is over.
    /// </summary>
    public IReadOnlyList<string> CannotFit { get; }

    /// <summary>Whether every member is done.</summary>
    public bool IsComplete => Done == Members;

    /// <inheritdoc/>
    public bool Equals(CampaignProgress? other) =>
        other is not null
        && Campaign.Equals(other.Campaign)
        && Members == other.Members
        && Done == other.Done
        && Left.SequenceEqual(other.Left)
        && CannotFit.SequenceEqual(other.CannotFit);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CampaignProgress);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Members, Done);

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Done} of {Members} done by {By:uuuu'-'MM'-'dd}" + (CannotFit.Count > 0 ? $", {CannotFit.Count} cannot fit" : string.Empty);
}
