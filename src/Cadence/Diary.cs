using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Cadence;

/// <summary>
/// A marketing diary: the relationships, the touches that happened and the commitments made. Immutable and
/// always consistent: ids are unique and every touch and commitment names a relationship in the diary. The
/// <c>Add…</c>, <c>Log</c>, <c>Promise</c> and <c>Update…</c> methods return a changed copy, or throw and change
/// nothing.
/// </summary>
public sealed class Diary
{
    private static readonly int[] NoIndexes = [];

    private readonly ImmutableArray<Relationship> _relationships;
    private readonly ImmutableArray<Touch> _touches;
    private readonly ImmutableArray<Commitment> _commitments;
    private readonly ImmutableArray<ManualMove> _moves;
    private readonly ManualMove?[] _moveByRelationship;
    private int[]? _ordinalOrder;
    private readonly Dictionary<string, int> _byId;
    private readonly int[][] _touchesByRelationship;
    private readonly int[][] _commitmentsByRelationship;

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

        _touchesByRelationship = Group(_touches, t => t.RelationshipId, "touch", nameof(touches));
        _commitmentsByRelationship = Group(_commitments, c => c.RelationshipId, "commitment", nameof(commitments));

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
    public IReadOnlyList<Touch> TouchesOf(string id) => Select(_touches, _touchesByRelationship[IndexOf(id)]);

    /// <summary>The commitments of one relationship, in the order given.</summary>
    /// <param name="id">The relationship id.</param>
    /// <returns>Its commitments.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id.</exception>
    public IReadOnlyList<Commitment> CommitmentsOf(string id) => Select(_commitments, _commitmentsByRelationship[IndexOf(id)]);

    /// <summary>Returns a copy with a new relationship.</summary>
    /// <param name="relationship">The relationship; its id must be new.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">The id is already used.</exception>
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
    public Diary Update(Relationship relationship)
    {
        Guard.NotNull(relationship, nameof(relationship));
        return new Diary(_relationships.SetItem(IndexOf(relationship.Id), relationship), _touches, _commitments, _moves);
    }

    /// <summary>Returns a copy with one more touch.</summary>
    /// <param name="touch">The touch; it must name a relationship in the diary.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">Its relationship id is unknown.</exception>
    public Diary Log(Touch touch)
    {
        Guard.NotNull(touch, nameof(touch));
        return new Diary(_relationships, _touches.Add(touch), _commitments, _moves);
    }

    /// <summary>Returns a copy with one more commitment.</summary>
    /// <param name="commitment">The commitment; its id must be new and it must name a relationship in the diary.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">A duplicate id or an unknown relationship id.</exception>
    public Diary Promise(Commitment commitment)
    {
        Guard.NotNull(commitment, nameof(commitment));
        return new Diary(_relationships, _touches, _commitments.Add(commitment), _moves);
    }

    /// <summary>Returns a copy where the commitment with the same id is replaced (moved, done, dropped).</summary>
    /// <param name="commitment">The changed commitment.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="KeyNotFoundException">No commitment has that id.</exception>
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
    public Diary Move(ManualMove move)
    {
        Guard.NotNull(move, nameof(move));
        var kept = _moves.Where(m => !string.Equals(m.RelationshipId, move.RelationshipId, StringComparison.Ordinal));
        return new Diary(_relationships, _touches, _commitments, kept.Append(move));
    }

    /// <summary>The move of one relationship, or <see langword="null"/>.</summary>
    /// <param name="id">The relationship id.</param>
    /// <returns>Its move.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id.</exception>
    public ManualMove? MoveOf(string id) => _moveByRelationship[IndexOf(id)];

    internal ManualMove? MoveAt(int relationshipIndex) => _moveByRelationship[relationshipIndex];

    /// <summary>Where a relationship is stored, for the scheduler.</summary>
    internal int IndexOf(string id) =>
        id is not null && _byId.TryGetValue(id, out int index)
            ? index
            : throw new KeyNotFoundException($"No relationship has the id \"{id}\".");

    internal ImmutableArray<Relationship> RelationshipArray => _relationships;

    /// <summary>Relationship indexes ordered by id (ordinal), computed once per diary on first use.</summary>
    internal int[] OrdinalOrder
    {
        get
        {
            var order = System.Threading.Volatile.Read(ref _ordinalOrder);
            if (order is null)
            {
                order = new int[_relationships.Length];
                var ids = new string[_relationships.Length];
                for (int i = 0; i < order.Length; i++)
                {
                    order[i] = i;
                    ids[i] = _relationships[i].Id;
                }

                Array.Sort(ids, order, StringComparer.Ordinal);
                System.Threading.Volatile.Write(ref _ordinalOrder, order);
            }

            return order;
        }
    }

    internal ImmutableArray<Touch> TouchArray => _touches;

    internal ImmutableArray<Commitment> CommitmentArray => _commitments;

    internal int[] TouchIndexesOf(int relationshipIndex) => _touchesByRelationship[relationshipIndex];

    internal int[] CommitmentIndexesOf(int relationshipIndex) => _commitmentsByRelationship[relationshipIndex];

    private static Touch[] Select(ImmutableArray<Touch> all, int[] indexes) => indexes.Select(i => all[i]).ToArray();

    private static Commitment[] Select(ImmutableArray<Commitment> all, int[] indexes) => indexes.Select(i => all[i]).ToArray();

    private int[][] Group<T>(ImmutableArray<T> items, Func<T, string> relationshipId, string what, string paramName)
        where T : class
    {
        var counts = new int[_relationships.Length];
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
            counts[index]++;
        }

        var groups = new int[_relationships.Length][];
        for (int r = 0; r < groups.Length; r++)
        {
            groups[r] = counts[r] == 0 ? NoIndexes : new int[counts[r]];
            counts[r] = 0;
        }

        for (int i = 0; i < items.Length; i++)
        {
            groups[owner[i]][counts[owner[i]]++] = i;
        }

        return groups;
    }
}
