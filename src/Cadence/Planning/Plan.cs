using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// The scheduler's answer for one day: one <see cref="PlannedTouch"/> per active or paused relationship, ordered
/// by due day, then by relationship id (ordinal). Not levelled: a <c>Leveller</c> places it on the owner's calendar.
/// Immutable, with value equality: the same input gives an equal plan.
/// </summary>
public sealed class Plan : Schedule, IEquatable<Plan>
{
    internal Plan(LocalDate today, ImmutableArray<PlannedTouch> touches, ImmutableArray<CampaignProgress> campaigns = default)
        : base(today, touches, campaigns)
    {
    }

    /// <summary>The planned touches, by due day then relationship id.</summary>
    public override IReadOnlyList<PlannedTouch> Touches => TouchArray;

    /// <summary>The planned touch of one relationship.</summary>
    /// <param name="relationshipId">The relationship id.</param>
    /// <param name="touch">The planned touch.</param>
    /// <returns>Whether the relationship is in the plan (archived ones never are).</returns>
    public bool TryGet(string relationshipId, out PlannedTouch touch)
    {
        int index = IndexOf(relationshipId);
        touch = index < 0 ? null! : TouchArray[index];
        return index >= 0;
    }

    /// <summary>The planned touch of one relationship.</summary>
    /// <param name="relationshipId">The relationship id.</param>
    /// <returns>The planned touch.</returns>
    /// <exception cref="KeyNotFoundException">The relationship is not in the plan; the message names it.</exception>
    public PlannedTouch this[string relationshipId] =>
        TryGet(relationshipId, out var touch) ? touch : throw NotIn(relationshipId);

    /// <inheritdoc/>
    public bool Equals(Plan? other) => other is not null && SameAs(other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Plan);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Today, TouchArray.Length);
}
