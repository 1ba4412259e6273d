using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// The scheduler's answer for one day: one <see cref="PlannedTouch"/> per active or paused relationship, ordered
/// by due day, then by relationship id (ordinal). Immutable, with value equality: the same input gives an
/// equal plan.
/// </summary>
public sealed class Plan : IEquatable<Plan>
{
    private readonly ImmutableArray<PlannedTouch> _touches;
    private Dictionary<string, int>? _byId;

    internal Plan(LocalDate today, ImmutableArray<PlannedTouch> touches, ImmutableArray<CampaignProgress> campaigns = default)
    {
        Today = today;
        _touches = touches;
        _campaigns = campaigns.IsDefault ? ImmutableArray<CampaignProgress>.Empty : campaigns;
    }

    private readonly ImmutableArray<CampaignProgress> _campaigns;

    /// <summary>The progress of the diary's reconnect campaigns (running, paused or ended), by name (ordinal).</summary>
    public IReadOnlyList<CampaignProgress> Campaigns => _campaigns;

    /// <summary>The campaigns' progress, for the library's own use (levelling keeps it).</summary>
    internal ImmutableArray<CampaignProgress> CampaignArray => _campaigns;

    /// <summary>The index by relationship id, built on the first look-up (many plans are only enumerated).</summary>
    private Dictionary<string, int> ById
    {
        get
        {
            var byId = Volatile.Read(ref _byId);
            if (byId is null)
            {
                byId = new Dictionary<string, int>(_touches.Length, StringComparer.Ordinal);
                for (int i = 0; i < _touches.Length; i++)
                {
                    byId.Add(_touches[i].RelationshipId, i);
                }

                // Two threads may both build it; either copy is the same.
                Volatile.Write(ref _byId, byId);
            }

            return byId;
        }
    }

    /// <summary>The day the plan was made for.</summary>
    public LocalDate Today { get; }

    /// <summary>The planned touches, by due day then relationship id, for the library's own use.</summary>
    internal ImmutableArray<PlannedTouch> TouchArray => _touches;

    /// <summary>The planned touches, by due day then relationship id.</summary>
    public IReadOnlyList<PlannedTouch> Touches => _touches;

    /// <summary>The planned touch of one relationship.</summary>
    /// <param name="relationshipId">The relationship id.</param>
    /// <param name="touch">The planned touch.</param>
    /// <returns>Whether the relationship is in the plan (archived ones never are).</returns>
    public bool TryGet(string relationshipId, out PlannedTouch touch)
    {
        if (relationshipId is not null && ById.TryGetValue(relationshipId, out int index))
        {
            touch = _touches[index];
            return true;
        }

        touch = null!;
        return false;
    }

    /// <summary>The planned touch of one relationship.</summary>
    /// <param name="relationshipId">The relationship id.</param>
    /// <returns>The planned touch.</returns>
    /// <exception cref="KeyNotFoundException">The relationship is not in the plan; the message names it.</exception>
    public PlannedTouch this[string relationshipId] =>
        TryGet(relationshipId, out var touch)
            ? touch
            : throw new KeyNotFoundException($"The relationship \"{relationshipId}\" is not in the plan (unknown or archived).");

    /// <inheritdoc/>
    public bool Equals(Plan? other) => other is not null && Today == other.Today && _touches.SequenceEqual(other._touches) && _campaigns.SequenceEqual(other._campaigns);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Plan);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Today, _touches.Length);

    /// <inheritdoc/>
    public override string ToString() => string.Join(Environment.NewLine, _touches.Select(t => t.ToString()));
}
