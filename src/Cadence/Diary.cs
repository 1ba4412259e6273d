using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cadence.Internal;

namespace Cadence;

/// <summary>
/// A marketing diary: the relationships, the touches that happened and the commitments made. Immutable and
/// always consistent: ids are unique and every touch and commitment names a relationship in the diary. The
/// <c>Add…</c>, <c>Log</c>, <c>Promise</c> and <c>Update…</c> methods return a changed copy, or throw and change
/// nothing.
/// </summary>
public sealed class Diary
{
    private readonly ImmutableArray<Relationship> _relationships;
    private readonly ImmutableArray<Touch> _touches;
    private readonly ImmutableArray<Commitment> _commitments;
    private readonly ImmutableArray<ManualMove> _moves;
    private readonly ManualMove?[] _moveByRelationship;
    private int[]? _ordinalOrder;
    private readonly Dictionary<string, int> _byId;

    // Touches grouped by relationship, compressed-row style: those of relationship r are at positions
    // _touchStart[r] to _touchStart[r + 1] - 1 of _groupedTouches (their indexes in _touches) and of _touchFacts
    // (what the scheduler reads of them), earliest first in the scheduler's order of touches.
    private readonly int[] _touchStart;
    private readonly int[] _groupedTouches;
    private readonly TouchFacts[] _touchFacts;
    private readonly string?[] _media;
    private readonly int _lastTouchDay;
    private readonly int[] _commitmentStart;
    private readonly int[] _groupedCommitments;
    private OnlineMediaFlags? _onlineMedia;

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
        (_touchFacts, _media, _lastTouchDay) = Facts(_touches, _touchStart, _groupedTouches);

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

    /// <summary>
    /// For each of <see cref="Media"/>, whether a note with it is online under these options. Built once per diary and
    /// options (the last options asked for are remembered).
    /// </summary>
    internal bool[] OnlineMedia(Planning.SchedulerOptions options)
    {
        var cached = System.Threading.Volatile.Read(ref _onlineMedia);
        if (cached is null || !ReferenceEquals(cached.Options, options))
        {
            var flags = new bool[_media.Length];
            for (int i = 1; i < flags.Length; i++)
            {
                flags[i] = options.IsOnlineNoteMedium(_media[i]!);
            }

            cached = new OnlineMediaFlags(options, flags);
            System.Threading.Volatile.Write(ref _onlineMedia, cached);
        }

        return cached.Flags;
    }

    /// <summary>The day number of the latest touch, or <see cref="int.MinValue"/> when there is none.</summary>
    internal int LastTouchDay => _lastTouchDay;

    /// <summary>The diary's distinct media; <see cref="TouchFacts.Medium"/> indexes it, and index 0 is "none".</summary>
    internal ReadOnlySpan<string?> Media => _media;

    /// <summary>Where a relationship's touches are in <see cref="GroupedTouches"/> and <see cref="GroupedFacts"/>.</summary>
    internal (int Start, int Count) TouchRange(int relationshipIndex) =>
        (_touchStart[relationshipIndex], _touchStart[relationshipIndex + 1] - _touchStart[relationshipIndex]);

    /// <summary>The touches' indexes, grouped by relationship, each group earliest first (see <see cref="Planning.TouchOrder"/>).</summary>
    internal int[] GroupedTouches => _groupedTouches;

    /// <summary>The touches' facts, in the order of <see cref="GroupedTouches"/>.</summary>
    internal TouchFacts[] GroupedFacts => _touchFacts;

    /// <summary>The indexes of a relationship's commitments, in the order given.</summary>
    internal ReadOnlySpan<int> CommitmentIndexesOf(int relationshipIndex) =>
        _groupedCommitments.AsSpan(_commitmentStart[relationshipIndex], _commitmentStart[relationshipIndex + 1] - _commitmentStart[relationshipIndex]);

    private static T[] Select<T>(ImmutableArray<T> all, int[] grouped, int[] start, int relationshipIndex)
    {
        // Touches are grouped in the scheduler's order; give them back in the order given, as documented.
        var indexes = grouped.AsSpan(start[relationshipIndex], start[relationshipIndex + 1] - start[relationshipIndex]).ToArray();
        Array.Sort(indexes);
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

    /// <summary>
    /// Packs what the scheduler reads of each touch, in one pass in the order given (the order the touches lie in
    /// memory), then sorts each relationship's touches into the scheduler's order, earliest first: by day, and by
    /// <see cref="Planning.TouchOrder"/> within a day. Also finds the distinct media and the latest day.
    /// </summary>
    private static (TouchFacts[] Facts, string?[] Media, int LastDay) Facts(ImmutableArray<Touch> touches, int[] start, int[] grouped)
    {
        var media = new List<string?> { null };
        var mediumIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var recent = new string?[8];
        var recentIndex = new int[8];
        int lastDay = int.MinValue;
        var byPosition = new TouchFacts[touches.Length];
        for (int i = 0; i < touches.Length; i++)
        {
            var touch = touches[i];
            int medium = 0;
            if (touch.Medium is { } name)
            {
                // Media repeat ("email", "coffee"): most are found among the last few strings seen, by reference.
                int slot = (int)((uint)System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(name) % (uint)recent.Length);
                if (ReferenceEquals(recent[slot], name))
                {
                    medium = recentIndex[slot];
                }
                else
                {
                    if (!mediumIndex.TryGetValue(name, out medium))
                    {
                        medium = media.Count;
                        media.Add(name);
                        mediumIndex.Add(name, medium);
                    }

                    recent[slot] = name;
                    recentIndex[slot] = medium;
                }
            }

            int day = touch.Date.ToDateOnly().DayNumber;
            lastDay = Math.Max(lastDay, day);
            byPosition[i] = new TouchFacts(day, touch.Channel, touch.Direction, touch.Outcome, medium);
        }

        var facts = new TouchFacts[grouped.Length];
        for (int g = 0; g < grouped.Length; g++)
        {
            facts[g] = byPosition[grouped[g]];
        }

        var order = Planning.TouchOrder.Instance;
        for (int r = 0; r + 1 < start.Length; r++)
        {
            // Insertion sort: a diary kept as a log is in date order already, and groups are small. Touches are read
            // only to break a tie between two on the same day.
            for (int i = start[r] + 1; i < start[r + 1]; i++)
            {
                int item = grouped[i];
                var fact = facts[i];
                int j = i - 1;
                while (j >= start[r]
                    && (facts[j].Day > fact.Day
                        || (facts[j].Day == fact.Day && order.Compare(touches[grouped[j]], touches[item]) > 0)))
                {
                    grouped[j + 1] = grouped[j];
                    facts[j + 1] = facts[j];
                    j--;
                }

                grouped[j + 1] = item;
                facts[j + 1] = fact;
            }
        }

        return (facts, media.ToArray(), lastDay);
    }

    /// <summary>Which media are online under some options.</summary>
    private sealed record OnlineMediaFlags(Planning.SchedulerOptions Options, bool[] Flags);
}
