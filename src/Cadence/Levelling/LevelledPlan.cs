using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using Cadence.Planning;

namespace Cadence.Levelling;

/// <summary>
/// A plan placed on the owner's calendar by a <see cref="Leveller"/>: every touch on the day it was placed, by day then
/// relationship id (ordinal), and the days that fixed touches put over budget. Immutable, with value equality.
/// </summary>
public sealed class LevelledPlan : Schedule, IEquatable<LevelledPlan>
{
    private readonly ImmutableArray<LevelledTouch> _touches;

    internal LevelledPlan(Plan planned, LevelledTouch[] touches, IReadOnlyList<OverbookedDay> overbooked)
        : base(planned.Today, ImmutableCollectionsMarshal.AsImmutableArray<PlannedTouch>(touches), planned.CampaignArray)
    {
        Planned = planned;
        _touches = ImmutableCollectionsMarshal.AsImmutableArray(touches);

        // Levelling keeps a touch's commitment and never gives it a time: a placed touch has one only on its pinned day.
        MayHaveTimes = planned.MayHaveTimes;
        MayHaveBookings = planned.MayHaveBookings;
        Overbooked = overbooked;
    }

    /// <summary>The plan as the scheduler made it, before levelling.</summary>
    public Plan Planned { get; }

    /// <summary>The levelled touches, by the day they were placed on, then relationship id.</summary>
    public override IReadOnlyList<LevelledTouch> Touches => _touches;

    /// <summary>Days (and weeks) over budget because of fixed touches, by day.</summary>
    public IReadOnlyList<OverbookedDay> Overbooked { get; }

    /// <summary>The levelled touch of one relationship.</summary>
    /// <param name="relationshipId">The relationship id.</param>
    /// <param name="touch">The levelled touch.</param>
    /// <returns>Whether the relationship is in the plan (archived ones never are).</returns>
    public bool TryGet(string relationshipId, out LevelledTouch touch)
    {
        int index = IndexOf(relationshipId);
        touch = index < 0 ? null! : _touches[index];
        return index >= 0;
    }

    /// <summary>The levelled touch of one relationship.</summary>
    /// <param name="relationshipId">The relationship id.</param>
    /// <returns>The levelled touch.</returns>
    /// <exception cref="KeyNotFoundException">The relationship is not in the plan; the message names it.</exception>
    public LevelledTouch this[string relationshipId] =>
        TryGet(relationshipId, out var touch) ? touch : throw NotIn(relationshipId);

    /// <inheritdoc/>
    public bool Equals(LevelledPlan? other) => other is not null && SameAs(other) && Overbooked.SequenceEqual(other.Overbooked);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LevelledPlan);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Today, _touches.Length, Overbooked.Count);
}
