using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using Cadence.Internal;

namespace Cadence;

// The diary's relationships: finding one with its touches and commitments, adding one, changing one, and making an
// archived or paused one active again.
public sealed partial class Diary
{
    /// <summary>The relationship with an id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The relationship.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id; the message names it.</exception>
    public Relationship this[string id] =>
        TryGet(id, out var relationship)
            ? relationship
            : throw new KeyNotFoundException($"No relationship has the id \"{id}\".");

    /// <summary>Finds a relationship by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="relationship">The relationship found.</param>
    /// <returns>Whether one was found.</returns>
    public bool TryGet(string id, out Relationship relationship)
    {
        if (id is not null && _byId.TryGetValue(id, out int index))
        {
            relationship = _relationships[index];
            return true;
        }

        relationship = null!;
        return false;
    }

    /// <summary>Whether a relationship has this id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>Whether it is in the diary.</returns>
    public bool Contains(string id) => id is not null && _byId.ContainsKey(id);

    /// <summary>The touches of one relationship, in the order given.</summary>
    /// <param name="id">The relationship id.</param>
    /// <returns>Its touches.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id.</exception>
    public IReadOnlyList<Touch> TouchesOf(string id) => Select(_touches, _groupedTouches, _touchStart, IndexOf(id));

    /// <summary>The commitments of one relationship, in the order given.</summary>
    /// <param name="id">The relationship id.</param>
    /// <returns>Its commitments.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id.</exception>
    public IReadOnlyList<Commitment> CommitmentsOf(string id) => Select(_commitments, _groupedCommitments, _commitmentStart, IndexOf(id));

    /// <summary>Returns a copy with a new relationship.</summary>
    /// <param name="relationship">The relationship; its id must be new.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">The id is already used.</exception>
    [Pure]
    public Diary Add(Relationship relationship)
    {
        Guard.NotNull(relationship, nameof(relationship));
        if (Contains(relationship.Id))
        {
            throw new ArgumentException($"Duplicate relationship id \"{relationship.Id}\".", nameof(relationship));
        }

        return With(relationships: _relationships.Add(relationship));
    }

    /// <summary>
    /// Returns a copy where a relationship is changed by a function of it (its name, tier, rule, preferred channels,
    /// weekend, time zone, tags or state): <c>diary.Update("zoe", r =&gt; r.WithTier("client"))</c>.
    /// </summary>
    /// <param name="relationshipId">The relationship.</param>
    /// <param name="change">The change; it must keep the id.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id.</exception>
    /// <exception cref="ArgumentException">The change returns null or another id.</exception>
    [Pure]
    public Diary Update(string relationshipId, Func<Relationship, Relationship> change)
    {
        Guard.NotNull(change, nameof(change));
        int index = IndexOf(relationshipId);
        var changed = change(_relationships[index]);
        if (changed is null || !string.Equals(changed.Id, relationshipId, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The change of \"{relationshipId}\" returned {(changed is null ? "null" : $"the id \"{changed.Id}\"")}; a relationship keeps its id.",
                nameof(change));
        }

        return With(relationships: _relationships.SetItem(index, changed));
    }

    /// <summary>Returns a copy where the relationship with the same id is replaced.</summary>
    /// <param name="relationship">The changed relationship.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id.</exception>
    [Pure]
    public Diary Update(Relationship relationship)
    {
        Guard.NotNull(relationship, nameof(relationship));
        return With(relationships: _relationships.SetItem(IndexOf(relationship.Id), relationship));
    }

    /// <summary>Returns a copy where an archived relationship is active again: it is planned again from its touches.</summary>
    /// <param name="relationshipId">The relationship.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id.</exception>
    /// <exception cref="InvalidOperationException">It is not archived; the message says what it is.</exception>
    [Pure]
    public Diary Unarchive(string relationshipId) => Reactivate(relationshipId, RelationshipStatus.Archived, "archived");

    /// <summary>Returns a copy where a paused relationship is active again before its pause ends.</summary>
    /// <param name="relationshipId">The relationship.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id.</exception>
    /// <exception cref="InvalidOperationException">It is not paused; the message says what it is.</exception>
    [Pure]
    public Diary Resume(string relationshipId) => Reactivate(relationshipId, RelationshipStatus.Paused, "paused");

    private Diary Reactivate(string relationshipId, RelationshipStatus from, string what)
    {
        int index = IndexOf(relationshipId);
        var relationship = _relationships[index];
        if (relationship.State.Status != from)
        {
            throw new InvalidOperationException($"The relationship \"{relationshipId}\" is not {what}: it is {relationship.State}.");
        }

        return With(relationships: _relationships.SetItem(index, relationship.Activate()));
    }
}
