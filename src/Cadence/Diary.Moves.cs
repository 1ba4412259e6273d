using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using Cadence.Internal;
using NodaTime;

namespace Cadence;

// Next touches moved by hand.
public sealed partial class Diary
{
    /// <summary>Returns a copy where a relationship's next touch is moved by hand, replacing any earlier move of it.</summary>
    /// <param name="move">The move.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">Its relationship id is unknown.</exception>
    /// <remarks>
    /// This records the move as given. To move "the next touch" as a user means it, use
    /// <see cref="MoveNextTouch(string, LocalDate, LocalDate)"/>: a next touch pinned by a commitment moves the commitment.
    /// </remarks>
    [Pure]
    public Diary Move(ManualMove move)
    {
        Guard.NotNull(move, nameof(move));
        move = move with { RelationshipId = Canonical(move.RelationshipId) };
        return With(moves: MovesWithout(move.RelationshipId).Add(move));
    }

    /// <summary>
    /// Returns a copy where a relationship's next touch is moved to another day, as a user moves it: when an open
    /// commitment pins the next touch (see <see cref="PinningCommitmentOf"/>) and no move by hand applies, the
    /// commitment itself moves (keeping its time of day); otherwise the touch is moved by hand (a
    /// <see cref="ManualMove"/> made on <paramref name="madeOn"/>, replacing any earlier one).
    /// </summary>
    /// <param name="relationshipId">The relationship.</param>
    /// <param name="to">The day to move the next touch to.</param>
    /// <param name="madeOn">The day the move is made (today).</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id.</exception>
    [Pure]
    public Diary MoveNextTouch(string relationshipId, LocalDate to, LocalDate madeOn)
    {
        Guard.Date(to, nameof(to));
        Guard.Date(madeOn, nameof(madeOn));
        int index = IndexOf(relationshipId);
        if (ActiveMoveAt(index) is null && PinningCommitmentAt(index) is { } pinned)
        {
            return Update(pinned.MoveTo(to));
        }

        return Move(new ManualMove(relationshipId, to, madeOn));
    }

    /// <summary>Returns a copy without a relationship's move by hand: its next touch goes back to the day the rules give.</summary>
    /// <param name="relationshipId">The relationship.</param>
    /// <returns>The changed copy, or this diary when it had no move.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id.</exception>
    [Pure]
    public Diary ClearMove(string relationshipId) =>
        _moveByRelationship[IndexOf(relationshipId)] is null
            ? this
            : With(moves: MovesWithout(relationshipId));

    /// <summary>The move of one relationship, or <see langword="null"/>.</summary>
    /// <param name="id">The relationship id.</param>
    /// <returns>Its move, whether or not it still applies (see <see cref="ManualMove.AppliesAfter"/>).</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id.</exception>
    public ManualMove? MoveOf(string id) => _moveByRelationship[IndexOf(id)];

    internal ManualMove? MoveAt(int relationshipIndex) => _moveByRelationship[relationshipIndex];

    /// <summary>A relationship's move by hand when it still applies: no touch is dated after the day it was made.</summary>
    private ManualMove? ActiveMoveAt(int relationshipIndex)
    {
        var move = _moveByRelationship[relationshipIndex];
        if (move is null)
        {
            return null;
        }

        LocalDate? last = null;
        foreach (int t in Slice(_groupedTouches, _touchStart, relationshipIndex))
        {
            var date = _touches[t].Date;
            last = last is { } l && l >= date ? l : date;
        }

        return move.AppliesAfter(last) ? move : null;
    }

    private ImmutableArray<ManualMove> MovesWithout(string relationshipId) =>
        _moves.RemoveAll(m => string.Equals(m.RelationshipId, relationshipId, StringComparison.Ordinal));
}
