using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// Next touches for a day, by due day then relationship id (ordinal): a <see cref="Plan"/> as the scheduler made it, or
/// a <c>LevelledPlan</c> placed on the owner's calendar. What an <see cref="Agenda"/> lists and a feed writes.
/// Immutable.
/// </summary>
public abstract class Schedule
{
    private readonly ImmutableArray<CampaignProgress> _campaigns;
    private Dictionary<string, int>? _byId;

    private protected Schedule(LocalDate today, ImmutableArray<PlannedTouch> touches, ImmutableArray<CampaignProgress> campaigns)
    {
        Today = today;
        TouchArray = touches;
        _campaigns = campaigns.IsDefault ? ImmutableArray<CampaignProgress>.Empty : campaigns;
    }

    /// <summary>The day the plan was made for.</summary>
    public LocalDate Today { get; }

    /// <summary>
    /// Whether a touch may be at a time of day (<see cref="PlannedTouch.Time"/>): only a commitment with a time sets
    /// one, so a plan of a diary that has none says so, and a feed need not read every touch to find out.
    /// </summary>
    internal bool MayHaveTimes { get; init; } = true;

    /// <summary>Whether a touch may be a meeting booked in the owner's calendar (<see cref="CommitmentKind.Booked"/>): a feed leaves those out.</summary>
    internal bool MayHaveBookings { get; init; } = true;

    /// <summary>The touches, by due day then relationship id.</summary>
    public abstract IReadOnlyList<PlannedTouch> Touches { get; }

    /// <summary>The progress of the diary's reconnect campaigns (running, paused or ended), by name (ordinal).</summary>
    public IReadOnlyList<CampaignProgress> Campaigns => _campaigns;

    /// <summary>The touches, for the library's own use.</summary>
    internal ImmutableArray<PlannedTouch> TouchArray { get; }

    /// <summary>The campaigns' progress, for the library's own use.</summary>
    internal ImmutableArray<CampaignProgress> CampaignArray => _campaigns;

    /// <inheritdoc/>
    public override string ToString() => string.Join(Environment.NewLine, TouchArray.Select(t => t.ToString()));

    /// <summary>The position of a relationship's touch, or -1; the index by id is built on the first look-up (many plans are only enumerated).</summary>
    private protected int IndexOf(string? relationshipId)
    {
        var byId = Volatile.Read(ref _byId);
        if (byId is null)
        {
            var touches = TouchArray;
            byId = new Dictionary<string, int>(touches.Length, StringComparer.Ordinal);
            for (int i = 0; i < touches.Length; i++)
            {
                byId.Add(touches[i].RelationshipId, i);
            }

            // Two threads may both build it; either copy is the same.
            Volatile.Write(ref _byId, byId);
        }

        return relationshipId is not null && byId.TryGetValue(relationshipId, out int index) ? index : -1;
    }

    /// <summary>Whether two schedules have the same day, touches and campaigns.</summary>
    private protected bool SameAs(Schedule other) =>
        Today == other.Today && TouchArray.SequenceEqual(other.TouchArray) && _campaigns.SequenceEqual(other._campaigns);

    /// <summary>The message for a relationship not in the schedule.</summary>
    private protected static KeyNotFoundException NotIn(string relationshipId) =>
        new($"The relationship \"{relationshipId}\" is not in the plan (unknown or archived).");
}
