using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Cadence.Internal;

namespace Cadence;

/// <summary>
/// A marketing diary: the relationships, the touches that happened and the commitments made. Immutable and
/// always consistent: ids are unique and every touch and commitment names a relationship in the diary. The
/// <c>Add…</c>, <c>Log</c>, <c>Promise</c> and <c>Update…</c> methods return a changed copy, or throw and change
/// nothing. The rules it keeps (what a logged touch closes, how a next touch moves) are in docs/design.md,
/// "Domain rules".
/// </summary>
public sealed partial class Diary
{
    private readonly ImmutableArray<Relationship> _relationships;
    private readonly ImmutableArray<Touch> _touches;
    private readonly ImmutableArray<Commitment> _commitments;
    private readonly ImmutableArray<ManualMove> _moves;
    private readonly ImmutableArray<Campaign> _campaigns;
    // Per relationship id, the highest n of a touch id "relationship-id/n" removed or corrected (see TouchNumberMarks).
    private readonly ImmutableDictionary<string, int> _touchMarks;
    private readonly ManualMove?[] _moveByRelationship;
    private readonly Dictionary<string, int> _byId;
    // The relationships by alias (ids merged into them); null when none has an alias.
    private readonly Dictionary<string, int>? _byAlias;
    private readonly Dictionary<string, int> _commitmentById;
    // The touches by id, built when first asked for (a diary grown by Log checks a new id by one scan, not a table).
    private Dictionary<string, int>? _touchById;

    // Touches and commitments grouped by relationship, compressed-row style, in the order given: those of relationship
    // r are at positions _touchStart[r] to _touchStart[r + 1] - 1 of _groupedTouches (their indexes in _touches).
    private readonly int[] _touchStart;
    private readonly int[] _groupedTouches;
    private readonly int[] _commitmentStart;
    private readonly int[] _groupedCommitments;


    /// <summary>Creates a diary and checks it.</summary>
    /// <param name="relationships">The relationships; ids must be unique (ordinal).</param>
    /// <param name="touches">The touches; each must name a relationship in the diary.</param>
    /// <param name="commitments">The commitments; ids must be unique and each must name a relationship in the diary.</param>
    /// <param name="moves">Next touches moved by hand; at most one per relationship, each naming a relationship in the diary.</param>
    /// <param name="campaigns">Reconnect campaigns; names unique (ignoring case), each member naming a relationship in the diary.</param>
    /// <exception cref="ArgumentException">A duplicate id or an unknown relationship id; the message names it.</exception>
    public Diary(
        IEnumerable<Relationship> relationships,
        IEnumerable<Touch>? touches = null,
        IEnumerable<Commitment>? commitments = null,
        IEnumerable<ManualMove>? moves = null,
        IEnumerable<Campaign>? campaigns = null)
        : this(
            previous: null,
            Guard.NotNull(relationships, nameof(relationships)).ToImmutableArray(),
            touches?.ToImmutableArray() ?? ImmutableArray<Touch>.Empty,
            commitments?.ToImmutableArray() ?? ImmutableArray<Commitment>.Empty,
            moves?.ToImmutableArray() ?? ImmutableArray<ManualMove>.Empty,
            campaigns?.ToImmutableArray() ?? ImmutableArray<Campaign>.Empty,
            ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal))
    {
    }

    /// <summary>
    /// Creates a diary from its collections. One given from outside (<paramref name="previous"/> null) is checked whole.
    /// A copy (see <see cref="With"/>) shares with <paramref name="previous"/> what was built from the collections it
    /// keeps and checks again only what is built from a changed one; the touch ids and the campaigns it changes are
    /// checked by the method that changes them, before the copy is made.
    /// </summary>
    private Diary(
        Diary? previous,
        ImmutableArray<Relationship> relationships,
        ImmutableArray<Touch> touches,
        ImmutableArray<Commitment> commitments,
        ImmutableArray<ManualMove> moves,
        ImmutableArray<Campaign> campaigns,
        ImmutableDictionary<string, int> touchMarks)
    {
        _relationships = relationships;
        _touchMarks = touchMarks;
        _touches = touches;
        _commitments = commitments;
        _moves = moves;
        _campaigns = campaigns;

        // The tables by relationship are shared only while the relationships are the same too.
        var same = previous is not null && previous._relationships == relationships ? previous : null;
        (_byId, _byAlias) = same is not null ? (same._byId, same._byAlias) : IndexRelationships(relationships);
        (_touchStart, _groupedTouches) = same is not null && same._touches == touches
            ? (same._touchStart, same._groupedTouches)
            : Group(touches, t => t.RelationshipId, "touch", nameof(touches));
        (_commitmentStart, _groupedCommitments) = same is not null && same._commitments == commitments
            ? (same._commitmentStart, same._groupedCommitments)
            : Group(commitments, c => c.RelationshipId, "commitment", nameof(commitments));
        _moveByRelationship = same is not null && same._moves == moves ? same._moveByRelationship : IndexMoves(moves);
        _commitmentById = previous is not null && previous._commitments == commitments
            ? previous._commitmentById
            : IndexCommitments(commitments);

        if (previous is null)
        {
            // Given from outside: checked here. Copies made by this class check what they change.
            _touchById = IndexTouchIds(touches);
            CheckCampaigns(campaigns, _byId);
        }
        else if (previous._touches == touches)
        {
            _touchById = Volatile.Read(ref previous._touchById);
        }
    }

    /// <summary>
    /// A changed copy: the collections given replace this diary's, the others are kept. Every change of the diary is
    /// made here, so a new collection is added in one place.
    /// </summary>
    private Diary With(
        ImmutableArray<Relationship>? relationships = null,
        ImmutableArray<Touch>? touches = null,
        ImmutableArray<Commitment>? commitments = null,
        ImmutableArray<ManualMove>? moves = null,
        ImmutableArray<Campaign>? campaigns = null,
        ImmutableDictionary<string, int>? touchMarks = null) =>
        new(this, relationships ?? _relationships, touches ?? _touches, commitments ?? _commitments, moves ?? _moves, campaigns ?? _campaigns, touchMarks ?? _touchMarks);

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

    /// <summary>The reconnect campaigns, running, paused or ended, in the order they were started.</summary>
    public IReadOnlyList<Campaign> Campaigns => _campaigns;

    /// <summary>Where a relationship is stored.</summary>
    internal int IndexOf(string id) =>
        id is not null && _byId.TryGetValue(id, out int index)
            ? index
            : throw new KeyNotFoundException($"No relationship has the id \"{id}\".");

    internal ImmutableArray<Relationship> RelationshipArray => _relationships;

    internal ImmutableArray<Touch> TouchArray => _touches;

    /// <summary>Where each relationship's touches start in <see cref="TouchesByRelationship"/>: one more entry than relationships.</summary>
    internal ReadOnlySpan<int> TouchStart => _touchStart;

    /// <summary>The touches' indexes grouped by relationship, in the order given within a group.</summary>
    internal ReadOnlySpan<int> TouchesByRelationship => _groupedTouches;

    /// <summary>
    /// The relationships by id and by alias (null when none has one), checking none is null, ids are unique and no alias
    /// is another relationship's id or alias.
    /// </summary>
    private static (Dictionary<string, int> ById, Dictionary<string, int>? ByAlias) IndexRelationships(ImmutableArray<Relationship> relationships)
    {
        var byId = new Dictionary<string, int>(relationships.Length, StringComparer.Ordinal);
        bool aliases = false;
        for (int i = 0; i < relationships.Length; i++)
        {
            var relationship = relationships[i] ?? throw new ArgumentException($"The relationship at position {i} is null.", nameof(relationships));
            if (!byId.TryAdd(relationship.Id, i))
            {
                throw new ArgumentException($"Duplicate relationship id \"{relationship.Id}\".", nameof(relationships));
            }

            aliases |= relationship.Aliases.Count > 0;
        }

        if (!aliases)
        {
            return (byId, null);
        }

        var byAlias = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < relationships.Length; i++)
        {
            foreach (string alias in relationships[i].Aliases)
            {
                if (byId.TryGetValue(alias, out int owner))
                {
                    throw new ArgumentException(
                        $"The alias \"{alias}\" of \"{relationships[i].Id}\" is the id of {(owner == i ? "the relationship itself" : "another relationship")}; an alias names one relationship.",
                        nameof(relationships));
                }

                if (!byAlias.TryAdd(alias, i))
                {
                    throw new ArgumentException(
                        $"The alias \"{alias}\" is given to both \"{relationships[byAlias[alias]].Id}\" and \"{relationships[i].Id}\"; an alias names one relationship.",
                        nameof(relationships));
                }
            }
        }

        return (byId, byAlias);
    }

    /// <summary>Each relationship's move, checking none is null, each names a relationship in the diary and none has two.</summary>
    private ManualMove?[] IndexMoves(ImmutableArray<ManualMove> moves)
    {
        var byRelationship = new ManualMove?[_relationships.Length];
        for (int i = 0; i < moves.Length; i++)
        {
            var move = moves[i] ?? throw new ArgumentException($"The move at position {i} is null.", nameof(moves));
            if (!_byId.TryGetValue(move.RelationshipId, out int index))
            {
                throw new ArgumentException($"The move at position {i} names the unknown relationship id \"{move.RelationshipId}\".", nameof(moves));
            }

            if (byRelationship[index] is not null)
            {
                throw new ArgumentException($"The relationship \"{move.RelationshipId}\" has two moves; keep one (Diary.Move replaces it).", nameof(moves));
            }

            byRelationship[index] = move;
        }

        return byRelationship;
    }

    /// <summary>The commitments by id, checking ids are unique.</summary>
    private static Dictionary<string, int> IndexCommitments(ImmutableArray<Commitment> commitments)
    {
        var byId = new Dictionary<string, int>(commitments.Length, StringComparer.Ordinal);
        for (int i = 0; i < commitments.Length; i++)
        {
            if (!byId.TryAdd(commitments[i].Id, i))
            {
                throw new ArgumentException($"Duplicate commitment id \"{commitments[i].Id}\".", nameof(commitments));
            }
        }

        return byId;
    }

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
                if (_byAlias is not null && _byAlias.TryGetValue(id, out int aliasOf))
                {
                    throw new ArgumentException(
                        $"The {what} at position {i} names \"{id}\", an alias of \"{_relationships[aliasOf].Id}\"; name the relationship by its id.", paramName);
                }

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
