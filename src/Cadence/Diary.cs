using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using System.Threading;
using Cadence.Internal;
using NodaTime;

namespace Cadence;

/// <summary>
/// A marketing diary: the relationships, the touches that happened and the commitments made. Immutable and
/// always consistent: ids are unique and every touch and commitment names a relationship in the diary. The
/// <c>Add…</c>, <c>Log</c>, <c>Promise</c> and <c>Update…</c> methods return a changed copy, or throw and change
/// nothing. The rules it keeps (what a logged touch closes, how a next touch moves) are in docs/design.md,
/// "Domain rules".
/// </summary>
public sealed class Diary
{
    private readonly ImmutableArray<Relationship> _relationships;
    private readonly ImmutableArray<Touch> _touches;
    private readonly ImmutableArray<Commitment> _commitments;
    private readonly ImmutableArray<ManualMove> _moves;
    private readonly ManualMove?[] _moveByRelationship;
    private readonly Dictionary<string, int> _byId;

    // Touches and commitments grouped by relationship, compressed-row style, in the order given: those of relationship
    // r are at positions _touchStart[r] to _touchStart[r + 1] - 1 of _groupedTouches (their indexes in _touches).
    private readonly int[] _touchStart;
    private readonly int[] _groupedTouches;
    private readonly int[] _commitmentStart;
    private readonly int[] _groupedCommitments;

    // What planning derives from this diary (its index), kept with the diary so a replan of one relationship does not
    // derive it again. The diary does not know its type: the dependency points from planning to the domain.
    private object? _planningIndex;

    /// <summary>Creates a diary and checks it.</summary>
    /// <param name="relationships">The relationships; ids must be unique (ordinal).</param>
    /// <param name="touches">The touches; each must name a relationship in the diary.</param>
    /// <param name="commitments">The commitments; ids must be unique and each must name a relationship in the diary.</param>
    /// <param name="moves">Next touches moved by hand; at most one per relationship, each naming a relationship in the diary.</param>
    /// <exception cref="ArgumentException">A duplicate id or an unknown relationship id; the message names it.</exception>
    public Diary(
        IEnumerable<Relationship> relationships,
        IEnumerable<Touch>? touches = null,
        IEnumerable<Commitment>? commitments = null,
        IEnumerable<ManualMove>? moves = null)
    {
        _relationships = Guard.NotNull(relationships, nameof(relationships)).ToImmutableArray();
        _touches = touches?.ToImmutableArray() ?? ImmutableArray<Touch>.Empty;
        _commitments = commitments?.ToImmutableArray() ?? ImmutableArray<Commitment>.Empty;

        _byId = new Dictionary<string, int>(_relationships.Length, StringComparer.Ordinal);
        for (int i = 0; i < _relationships.Length; i++)
        {
            var relationship = _relationships[i] ?? throw new ArgumentException($"The relationship at position {i} is null.", nameof(relationships));
            if (!_byId.TryAdd(relationship.Id, i))
            {
                throw new ArgumentException($"Duplicate relationship id \"{relationship.Id}\".", nameof(relationships));
            }
        }

        (_touchStart, _groupedTouches) = Group(_touches, t => t.RelationshipId, "touch", nameof(touches));
        (_commitmentStart, _groupedCommitments) = Group(_commitments, c => c.RelationshipId, "commitment", nameof(commitments));

        _moves = moves?.ToImmutableArray() ?? ImmutableArray<ManualMove>.Empty;
        _moveByRelationship = new ManualMove?[_relationships.Length];
        for (int i = 0; i < _moves.Length; i++)
        {
            var move = _moves[i] ?? throw new ArgumentException($"The move at position {i} is null.", nameof(moves));
            if (!_byId.TryGetValue(move.RelationshipId, out int index))
            {
                throw new ArgumentException($"The move at position {i} names the unknown relationship id \"{move.RelationshipId}\".", nameof(moves));
            }

            if (_moveByRelationship[index] is not null)
            {
                throw new ArgumentException($"The relationship \"{move.RelationshipId}\" has two moves; keep one (Diary.Move replaces it).", nameof(moves));
            }

            _moveByRelationship[index] = move;
        }

        var commitmentIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var commitment in _commitments)
        {
            if (!commitmentIds.Add(commitment.Id))
            {
                throw new ArgumentException($"Duplicate commitment id \"{commitment.Id}\".", nameof(commitments));
            }
        }
    }

    /// <summary>A diary with nothing in it.</summary>
    public static Diary Empty { get; } = new([]);

    /// <summary>The relationships, in the order given.</summary>
    public IReadOnlyList<Relationship> Relationships => _relationships;

    /// <summary>The touches, in the order given.</summary>
    public IReadOnlyList<Touch> Touches => _touches;

    /// <summary>The commitments, in the order given.</summary>
    public IReadOnlyList<Commitment> Commitments => _commitments;

    /// <summary>The next touches moved by hand, in the order given.</summary>
    public IReadOnlyList<ManualMove> Moves => _moves;

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

        return new Diary(_relationships.Add(relationship), _touches, _commitments, _moves);
    }

    /// <summary>Returns a copy where the relationship with the same id is replaced.</summary>
    /// <param name="relationship">The changed relationship.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id.</exception>
    [Pure]
    public Diary Update(Relationship relationship)
    {
        Guard.NotNull(relationship, nameof(relationship));
        return new Diary(_relationships.SetItem(IndexOf(relationship.Id), relationship), _touches, _commitments, _moves);
    }

    /// <summary>
    /// Returns a copy with one more touch, and what logging it means for the next step: the open commitments it
    /// closes are marked done (see <see cref="CommitmentsClosedBy"/>), and a move by hand made on or before its date
    /// ends (the move was for the touch that has now happened).
    /// </summary>
    /// <param name="touch">The touch; it must name a relationship in the diary.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">Its relationship id is unknown.</exception>
    [Pure]
    public Diary Log(Touch touch) => Log(touch, closeCommitments: true);

    /// <summary>
    /// Returns a copy with one more touch, as <see cref="Log(Touch)"/> does, but leaves its relationship's commitments
    /// open when <paramref name="closeCommitments"/> is <see langword="false"/> (a touch that did not take the promised
    /// step). A move by hand made on or before the touch's date still ends.
    /// </summary>
    /// <param name="touch">The touch; it must name a relationship in the diary.</param>
    /// <param name="closeCommitments">Whether the commitments it satisfies are marked done.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">Its relationship id is unknown.</exception>
    [Pure]
    public Diary Log(Touch touch, bool closeCommitments)
    {
        Guard.NotNull(touch, nameof(touch));
        if (!_byId.TryGetValue(touch.RelationshipId, out int index))
        {
            throw new ArgumentException($"The touch names the unknown relationship id \"{touch.RelationshipId}\".", nameof(touch));
        }

        var commitments = _commitments;
        if (closeCommitments)
        {
            foreach (int c in CommitmentIndexesOf(index))
            {
                var commitment = commitments[c];
                if (Closes(touch, commitment))
                {
                    commitments = commitments.SetItem(c, commitment.MarkDone());
                }
            }
        }

        var moves = _moveByRelationship[index] is { } move && touch.Date >= move.MadeOn
            ? MovesWithout(touch.RelationshipId)
            : _moves;
        return new Diary(_relationships, _touches.Add(touch), commitments, moves);
    }

    /// <summary>Returns a copy with one more commitment.</summary>
    /// <param name="commitment">The commitment; its id must be new and it must name a relationship in the diary.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">A duplicate id or an unknown relationship id.</exception>
    [Pure]
    public Diary Promise(Commitment commitment)
    {
        Guard.NotNull(commitment, nameof(commitment));
        return new Diary(_relationships, _touches, _commitments.Add(commitment), _moves);
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
                return new Diary(_relationships, _touches, _commitments.SetItem(i, commitment), _moves);
            }
        }

        throw new KeyNotFoundException($"No commitment has the id \"{commitment.Id}\".");
    }

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
        return new Diary(_relationships, _touches, _commitments, MovesWithout(move.RelationshipId).Append(move));
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
            : new Diary(_relationships, _touches, _commitments, MovesWithout(relationshipId));

    /// <summary>The move of one relationship, or <see langword="null"/>.</summary>
    /// <param name="id">The relationship id.</param>
    /// <returns>Its move, whether or not it still applies (see <see cref="ManualMove.AppliesAfter"/>).</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id.</exception>
    public ManualMove? MoveOf(string id) => _moveByRelationship[IndexOf(id)];

    /// <summary>
    /// The open commitment that pins a relationship's next touch: the earliest open one, ties broken by id (ordinal).
    /// The scheduler pins the date with this one.
    /// </summary>
    /// <param name="id">The relationship id.</param>
    /// <returns>The commitment, or <see langword="null"/> when none is open.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id.</exception>
    public Commitment? PinningCommitmentOf(string id) => PinningCommitmentAt(IndexOf(id));

    /// <summary>
    /// The open commitments a touch closes when it is logged with <see cref="Log(Touch)"/>: a connected touch (not
    /// one that went unanswered), in either direction, closes its relationship's open commitments due on or before
    /// its date. A commitment due later stays open: it is a later step.
    /// </summary>
    /// <param name="touch">The touch.</param>
    /// <returns>The commitments it closes, in the order given.</returns>
    /// <exception cref="KeyNotFoundException">The touch's relationship is not in the diary.</exception>
    public IReadOnlyList<Commitment> CommitmentsClosedBy(Touch touch)
    {
        Guard.NotNull(touch, nameof(touch));
        var closed = new List<Commitment>();
        foreach (int c in CommitmentIndexesOf(IndexOf(touch.RelationshipId)))
        {
            if (Closes(touch, _commitments[c]))
            {
                closed.Add(_commitments[c]);
            }
        }

        return closed;
    }

    /// <summary>The rule of <see cref="CommitmentsClosedBy"/>: a connected touch closes an open commitment due by its date.</summary>
    private static bool Closes(Touch touch, Commitment commitment) =>
        commitment.IsOpen && touch.Outcome == Outcome.Connected && commitment.Date <= touch.Date;

    internal ManualMove? MoveAt(int relationshipIndex) => _moveByRelationship[relationshipIndex];

    /// <summary>Where a relationship is stored.</summary>
    internal int IndexOf(string id) =>
        id is not null && _byId.TryGetValue(id, out int index)
            ? index
            : throw new KeyNotFoundException($"No relationship has the id \"{id}\".");

    internal ImmutableArray<Relationship> RelationshipArray => _relationships;

    internal ImmutableArray<Touch> TouchArray => _touches;

    internal ImmutableArray<Commitment> CommitmentArray => _commitments;

    /// <summary>What planning derived from this diary, if it did (see <c>Cadence.Planning.DiaryIndex</c>).</summary>
    internal object? PlanningIndex
    {
        get => Volatile.Read(ref _planningIndex);
        set => Volatile.Write(ref _planningIndex, value);
    }

    /// <summary>Where each relationship's touches start in <see cref="TouchesByRelationship"/>: one more entry than relationships.</summary>
    internal ReadOnlySpan<int> TouchStart => _touchStart;

    /// <summary>The touches' indexes grouped by relationship, in the order given within a group.</summary>
    internal ReadOnlySpan<int> TouchesByRelationship => _groupedTouches;

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

    private IEnumerable<ManualMove> MovesWithout(string relationshipId) =>
        _moves.Where(m => !string.Equals(m.RelationshipId, relationshipId, StringComparison.Ordinal));

    /// <summary>The run of one relationship in a grouping.</summary>
    private static ReadOnlySpan<int> Slice(int[] grouped, int[] start, int relationshipIndex) =>
        grouped.AsSpan(start[relationshipIndex], start[relationshipIndex + 1] - start[relationshipIndex]);

    private static T[] Select<T>(ImmutableArray<T> all, int[] grouped, int[] start, int relationshipIndex)
    {
        var indexes = Slice(grouped, start, relationshipIndex);
        var result = new T[indexes.Length];
        for (int i = 0; i < indexes.Length; i++)
        {
            result[i] = all[indexes[i]];
        }

        return result;
    }

    /// <summary>
    /// Groups items by relationship: the start of each relationship's run (one more entry than relationships) and the
    /// items' indexes, in the order given within a run. Checks every item names a relationship in the diary.
    /// </summary>
    private (int[] Start, int[] Grouped) Group<T>(ImmutableArray<T> items, Func<T, string> relationshipId, string what, string paramName)
        where T : class
    {
        var start = new int[_relationships.Length + 1];
        var owner = new int[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            var item = items[i] ?? throw new ArgumentException($"The {what} at position {i} is null.", paramName);
            string id = relationshipId(item);
            if (!_byId.TryGetValue(id, out int index))
            {
                throw new ArgumentException($"The {what} at position {i} names the unknown relationship id \"{id}\".", paramName);
            }

            owner[i] = index;
            start[index + 1]++;
        }

        for (int r = 1; r < start.Length; r++)
        {
            start[r] += start[r - 1];
        }

        var grouped = new int[items.Length];
        var next = start.AsSpan(0, _relationships.Length).ToArray();
        for (int i = 0; i < items.Length; i++)
        {
            grouped[next[owner[i]]++] = i;
        }

        return (start, grouped);
    }
}
