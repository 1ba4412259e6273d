using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using Cadence.Internal;
using NodaTime;

namespace Cadence;

// The diary's commitments: promising, completing, dropping and reopening them, and the one that pins the next touch.
public sealed partial class Diary
{
    /// <summary>The commitment with an id.</summary>
    /// <param name="commitmentId">The commitment's id.</param>
    /// <returns>The commitment.</returns>
    /// <exception cref="KeyNotFoundException">No commitment has that id; the message names it.</exception>
    public Commitment GetCommitment(string commitmentId) => _commitments[CommitmentIndexOf(commitmentId)];

    /// <summary>Returns a copy where an open commitment is done, on a day (the step was taken without a touch to log, or before its day).</summary>
    /// <param name="commitmentId">The commitment's id.</param>
    /// <param name="on">The day it was done.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="KeyNotFoundException">No commitment has that id.</exception>
    /// <exception cref="InvalidOperationException">It is not open (reopen it first); the message says how it was closed.</exception>
    /// <exception cref="ArgumentException">The day is before the day it was made.</exception>
    [Pure]
    public Diary CompleteCommitment(string commitmentId, LocalDate on) => Close(commitmentId, CommitmentStatus.Done, on);

    /// <summary>Returns a copy where an open commitment is dropped, on a day: it no longer pins anything.</summary>
    /// <param name="commitmentId">The commitment's id.</param>
    /// <param name="on">The day it was dropped.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="KeyNotFoundException">No commitment has that id.</exception>
    /// <exception cref="InvalidOperationException">It is not open (reopen it first).</exception>
    /// <exception cref="ArgumentException">The day is before the day it was made.</exception>
    [Pure]
    public Diary DropCommitment(string commitmentId, LocalDate on) => Close(commitmentId, CommitmentStatus.Dropped, on);

    /// <summary>Returns a copy where a done or dropped commitment is open again: it pins the next touch again.</summary>
    /// <param name="commitmentId">The commitment's id.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="KeyNotFoundException">No commitment has that id.</exception>
    /// <exception cref="InvalidOperationException">It is already open.</exception>
    [Pure]
    public Diary ReopenCommitment(string commitmentId)
    {
        int c = CommitmentIndexOf(commitmentId);
        var commitment = _commitments[c];
        if (commitment.IsOpen)
        {
            throw new InvalidOperationException($"The commitment \"{commitmentId}\" is already open; only a done or dropped one can be reopened.");
        }

        return With(commitments: _commitments.SetItem(c, commitment.Reopen()));
    }

    /// <summary>Returns a copy with one more commitment.</summary>
    /// <param name="commitment">The commitment; its id must be new and it must name a relationship in the diary (by its id or an alias: the diary's copy names its id).</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">A duplicate id or an unknown relationship id.</exception>
    [Pure]
    public Diary Promise(Commitment commitment)
    {
        Guard.NotNull(commitment, nameof(commitment));
        string id = Canonical(commitment.RelationshipId);
        return With(commitments: _commitments.Add(ReferenceEquals(id, commitment.RelationshipId) ? commitment : commitment.WithRelationship(id)));
    }

    /// <summary>Returns a copy where the commitment with the same id is replaced (moved, done, dropped).</summary>
    /// <param name="commitment">The changed commitment.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="KeyNotFoundException">No commitment has that id.</exception>
    [Pure]
    public Diary Update(Commitment commitment)
    {
        Guard.NotNull(commitment, nameof(commitment));
        for (int i = 0; i < _commitments.Length; i++)
        {
            if (string.Equals(_commitments[i].Id, commitment.Id, StringComparison.Ordinal))
            {
                return With(commitments: _commitments.SetItem(i, commitment));
            }
        }

        throw new KeyNotFoundException($"No commitment has the id \"{commitment.Id}\".");
    }

    /// <summary>
    /// The open commitment that pins a relationship's next touch: the earliest open one, ties broken by id (ordinal).
    /// The scheduler pins the date with this one.
    /// </summary>
    /// <param name="id">The relationship id.</param>
    /// <returns>The commitment, or <see langword="null"/> when none is open.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id.</exception>
    public Commitment? PinningCommitmentOf(string id) => PinningCommitmentAt(IndexOf(id));

    private int CommitmentIndexOf(string commitmentId) =>
        commitmentId is not null && _commitmentById.TryGetValue(commitmentId, out int index)
            ? index
            : throw new KeyNotFoundException($"No commitment has the id \"{commitmentId}\".");

    private Diary Close(string commitmentId, CommitmentStatus status, LocalDate on)
    {
        int c = CommitmentIndexOf(commitmentId);
        var commitment = _commitments[c];
        if (!commitment.IsOpen)
        {
            string how = commitment.Status == CommitmentStatus.Done ? "done" : "dropped";
            string when = commitment.ClosedOn is { } day ? $" on {day:uuuu'-'MM'-'dd}" : string.Empty;
            throw new InvalidOperationException(
                $"The commitment \"{commitmentId}\" is already {how}{when}; reopen it first to {(status == CommitmentStatus.Done ? "mark it done" : "drop it")}.");
        }

        var closed = status == CommitmentStatus.Done ? commitment.MarkDone(on) : commitment.Drop(on);
        return With(commitments: _commitments.SetItem(c, closed));
    }

    /// <summary>The indexes of a relationship's commitments, in the order given.</summary>
    internal ReadOnlySpan<int> CommitmentIndexesOf(int relationshipIndex) => Slice(_groupedCommitments, _commitmentStart, relationshipIndex);

    /// <summary>The open commitment that pins a relationship's next touch (see <see cref="PinningCommitmentOf"/>).</summary>
    internal Commitment? PinningCommitmentAt(int relationshipIndex)
    {
        Commitment? pinned = null;
        foreach (int c in CommitmentIndexesOf(relationshipIndex))
        {
            var commitment = _commitments[c];
            if (commitment.IsOpen
                && (pinned is null
                    || commitment.Date < pinned.Date
                    || (commitment.Date == pinned.Date && string.CompareOrdinal(commitment.Id, pinned.Id) < 0)))
            {
                pinned = commitment;
            }
        }

        return pinned;
    }
}
