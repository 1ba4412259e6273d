using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Globalization;
using System.Threading;
using Cadence.Internal;

namespace Cadence;

// The diary's touches: logging, correcting and removing them, and their ids.
public sealed partial class Diary
{
    /// <summary>
    /// Returns a copy with one more touch, and what logging it means for the next step: the open commitments it
    /// closes are marked done by it (see <see cref="CommitmentsClosedBy"/>), and a move by hand made on or before its
    /// date ends (the move was for the touch that has now happened). A touch logged without an id is given one,
    /// "relationship-id/n" (see <see cref="Touch.Id"/>), n above every number the relationship's touches have had, removed
    /// ones included (see <see cref="TouchNumberMarks"/>), so an id is never given twice; the diary's copy of the touch has it.
    /// </summary>
    /// <param name="touch">The touch; it must name a relationship in the diary (by its id or an alias: the diary's copy names its id), and its id, if any, must be new.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">Its relationship id is unknown, or its id is already used.</exception>
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
        touch = OnCanonical(touch);
        if (!_byId.TryGetValue(touch.RelationshipId, out int index))
        {
            throw new ArgumentException($"The touch names the unknown relationship id \"{touch.RelationshipId}\".", nameof(touch));
        }

        if (touch.Id is { } given && HasTouchId(given))
        {
            throw new ArgumentException($"Duplicate touch id \"{given}\".", nameof(touch));
        }

        touch = touch.Id is null ? touch.WithGeneratedId(NewTouchId(index)) : touch;
        var commitments = closeCommitments ? CloseBy(_commitments, touch, index) : _commitments;
        var moves = _moveByRelationship[index] is { } move && touch.Date >= move.MadeOn
            ? MovesWithout(touch.RelationshipId)
            : _moves;
        return With(touches: _touches.Add(touch), commitments: commitments, moves: moves);
    }

    /// <summary>
    /// Returns a copy with several touches logged, each as <see cref="Log(Touch)"/> logs it, in order (ids given or
    /// generated, the commitments each satisfies closed, moves by hand it follows dropped), built in one step: an import
    /// of thousands of touches costs about what one <see cref="Log(Touch)"/> does, not thousands of copies.
    /// </summary>
    /// <param name="touches">The touches, in the order to log them.</param>
    /// <returns>The changed copy (this diary when there are none).</returns>
    /// <exception cref="ArgumentException">A null touch, an unknown relationship id, or a duplicate touch id (naming it); nothing is logged then.</exception>
    [Pure]
    public Diary LogAll(IEnumerable<Touch> touches)
    {
        Guard.NotNull(touches, nameof(touches));
        var added = ImmutableArray.CreateBuilder<Touch>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var existing = TouchIds;
        var logged = new int[_relationships.Length];
        var floors = new int[_relationships.Length];
        Array.Fill(floors, -1);
        var commitments = _commitments;
        HashSet<string>? movesDone = null;
        foreach (var given in touches)
        {
            var touch = OnCanonical(given ?? throw new ArgumentException($"The touch at position {added.Count} is null.", nameof(touches)));
            if (!_byId.TryGetValue(touch.RelationshipId, out int index))
            {
                throw new ArgumentException($"The touch names the unknown relationship id \"{touch.RelationshipId}\".", nameof(touches));
            }

            if (touch.Id is { } id)
            {
                if (existing.ContainsKey(id) || !ids.Add(id))
                {
                    throw new ArgumentException($"Duplicate touch id \"{id}\".", nameof(touches));
                }
            }
            else
            {
                if (floors[index] < 0)
                {
                    floors[index] = TouchNumberFloor(index);
                }

                string generated = NewTouchId(index, logged[index], floors[index], id => existing.ContainsKey(id) || ids.Contains(id));
                ids.Add(generated);
                touch = touch.WithGeneratedId(generated);
            }

            logged[index]++;
            commitments = CloseBy(commitments, touch, index);
            if (_moveByRelationship[index] is { } move && touch.Date >= move.MadeOn)
            {
                (movesDone ??= new HashSet<string>(StringComparer.Ordinal)).Add(touch.RelationshipId);
            }

            added.Add(touch);
        }

        if (added.Count == 0)
        {
            return this;
        }

        var moves = movesDone is null ? _moves : _moves.RemoveAll(m => movesDone.Contains(m.RelationshipId));
        return With(touches: _touches.AddRange(added), commitments: commitments, moves: moves);
    }

    /// <summary>Whether a touch has this id (ordinal), for imports that must not add a touch twice.</summary>
    /// <param name="touchId">The id.</param>
    /// <returns>Whether the diary holds a touch with it.</returns>
    public bool HasTouch(string touchId) => TouchIds.ContainsKey(Guard.NotNull(touchId, nameof(touchId)));

    /// <summary>The touch with an id.</summary>
    /// <param name="touchId">The touch's id.</param>
    /// <returns>The touch.</returns>
    /// <exception cref="KeyNotFoundException">No touch has that id; the message names it.</exception>
    public Touch GetTouch(string touchId) => _touches[TouchIndexOf(touchId)];

    /// <summary>
    /// Returns a copy without a touch logged by mistake. The commitments it closed are open again (a commitment closed
    /// by hand stays closed); anything else is unchanged. Its id is not given again (see <see cref="TouchNumberMarks"/>).
    /// </summary>
    /// <param name="touchId">The touch's id.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="KeyNotFoundException">No touch has that id; the message names it.</exception>
    [Pure]
    public Diary RemoveTouch(string touchId)
    {
        int t = TouchIndexOf(touchId);
        return With(touches: _touches.RemoveAt(t), commitments: ReopenClosedBy(_commitments, touchId), touchMarks: Remember(_touchMarks, touchId));
    }

    /// <summary>
    /// Returns a copy where a touch is corrected (its day, channel, direction, outcome, relationship, text or
    /// follow-ups): the corrected touch keeps the id, the commitments the old one closed are open again, and then those
    /// the corrected one satisfies are closed by it, as <see cref="Log(Touch)"/> closes them.
    /// </summary>
    /// <param name="touchId">The id of the touch to correct.</param>
    /// <param name="corrected">The touch as it should have been logged; its id, if it has one, must be <paramref name="touchId"/>.</param>
    /// <param name="closeCommitments">Whether the corrected touch closes the commitments it satisfies.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="KeyNotFoundException">No touch has that id.</exception>
    /// <exception cref="ArgumentException">The corrected touch has another id or names an unknown relationship.</exception>
    [Pure]
    public Diary CorrectTouch(string touchId, Touch corrected, bool closeCommitments = true)
    {
        Guard.NotNull(corrected, nameof(corrected));
        int t = TouchIndexOf(touchId);
        if (corrected.Id is { } id && !string.Equals(id, touchId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The correction of the touch \"{touchId}\" has the id \"{id}\"; a corrected touch keeps its id.", nameof(corrected));
        }

        if (!_byId.TryGetValue(Canonical(corrected.RelationshipId), out int index))
        {
            throw new ArgumentException($"The correction of the touch \"{touchId}\" names the unknown relationship id \"{corrected.RelationshipId}\".", nameof(corrected));
        }

        corrected = OnCanonical(corrected).WithGeneratedId(touchId);
        var commitments = ReopenClosedBy(_commitments, touchId);
        if (closeCommitments)
        {
            commitments = CloseBy(commitments, corrected, index);
        }

        // Remembered, as a removed id is: a correction may move the touch to another relationship.
        return With(touches: _touches.SetItem(t, corrected), commitments: commitments, touchMarks: Remember(_touchMarks, touchId));
    }

    /// <summary>The touch on the relationship its relationship id names, when that id is an alias (a merged id).</summary>
    private Touch OnCanonical(Touch touch) =>
        Canonical(touch.RelationshipId) is var id && !ReferenceEquals(id, touch.RelationshipId) ? touch.WithRelationship(id) : touch;

    private int TouchIndexOf(string touchId) =>
        touchId is not null && TouchIds.TryGetValue(touchId, out int index)
            ? index
            : throw new KeyNotFoundException($"No touch has the id \"{touchId}\".");

    /// <summary>
    /// The touch numbers a store keeps so that touch ids are never given twice: per relationship id, the highest n of a
    /// touch id "relationship-id/n" this diary removed (<see cref="RemoveTouch"/>) or corrected (<see cref="CorrectTouch"/>,
    /// which may move a touch to another relationship), listed only where it is higher than the n of every touch of the
    /// relationship now (the touches' ids say the rest). <see cref="Log(Touch)"/> gives a relationship's next touch an n
    /// above this, above its touches' and above its count of touches, so after an <c>unlog</c> the next touch gets a new
    /// id. A store that keeps a diary between runs writes these beside the relationships and gives them back with
    /// <see cref="WithTouchNumberMark"/>; a relationship without one needs nothing kept.
    /// </summary>
    public IReadOnlyDictionary<string, int> TouchNumberMarks
    {
        get
        {
            var kept = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
            foreach (var (relationshipId, mark) in _touchMarks)
            {
                if (_byId.TryGetValue(relationshipId, out int index) && mark > HighestTouchNumber(index))
                {
                    kept.Add(relationshipId, mark);
                }
            }

            return kept.ToImmutable();
        }
    }

    /// <summary>
    /// Returns a copy that remembers touch numbers up to <paramref name="number"/> as given to a relationship's touches
    /// (ids "relationship-id/1" to "relationship-id/<paramref name="number"/>"), so <see cref="Log(Touch)"/> does not give
    /// them again: how a store gives back what <see cref="TouchNumberMarks"/> said when it was saved. A lower number than
    /// the diary already remembers changes nothing.
    /// </summary>
    /// <param name="relationshipId">The relationship's id.</param>
    /// <param name="number">The highest number given, at least 1.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id; the message names it.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The number is less than 1.</exception>
    [Pure]
    public Diary WithTouchNumberMark(string relationshipId, int number)
    {
        IndexOf(relationshipId);
        if (number < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, $"The touch number of \"{relationshipId}\" must be at least 1; got {number.ToString(CultureInfo.InvariantCulture)}.");
        }

        return _touchMarks.TryGetValue(relationshipId, out int mark) && mark >= number
            ? this
            : With(touchMarks: _touchMarks.SetItem(relationshipId, number));
    }

    /// <summary>The marks with a removed or corrected touch's number remembered, when its id is "relationship-id/n" of a relationship in the diary.</summary>
    private ImmutableDictionary<string, int> Remember(ImmutableDictionary<string, int> marks, string touchId)
    {
        int slash = touchId.LastIndexOf('/');
        if (slash <= 0 || !_byId.ContainsKey(touchId[..slash]) || TouchNumber(touchId, slash) is not { } n)
        {
            return marks;
        }

        string relationshipId = touchId[..slash];
        return marks.TryGetValue(relationshipId, out int mark) && mark >= n ? marks : marks.SetItem(relationshipId, n);
    }

    /// <summary>The n of an id "prefix/n" whose prefix ends at <paramref name="slash"/>, or null when what follows is not a whole number from 1.</summary>
    private static int? TouchNumber(string touchId, int slash) =>
        int.TryParse(touchId.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : null;

    /// <summary>The highest n of an id "relationship-id/n" among a relationship's touches now, 0 for none.</summary>
    private int HighestTouchNumber(int relationshipIndex)
    {
        string id = _relationships[relationshipIndex].Id;
        int highest = 0;
        foreach (int t in Slice(_groupedTouches, _touchStart, relationshipIndex))
        {
            if (_touches[t].Id is { } touchId && touchId.Length > id.Length + 1 && touchId[id.Length] == '/'
                && touchId.StartsWith(id, StringComparison.Ordinal) && TouchNumber(touchId, id.Length) is { } n && n > highest)
            {
                highest = n;
            }
        }

        return highest;
    }

    /// <summary>The numbers a relationship's new touch id must be above: those it remembers and those its touches have.</summary>
    private int TouchNumberFloor(int relationshipIndex) =>
        Math.Max(_touchMarks.GetValueOrDefault(_relationships[relationshipIndex].Id), HighestTouchNumber(relationshipIndex));

    /// <summary>A new touch id for a relationship: "id/n", n above its count of touches and every number it had (see <see cref="TouchNumberMarks"/>), or the next one free.</summary>
    private string NewTouchId(int relationshipIndex) => NewTouchId(relationshipIndex, 0, TouchNumberFloor(relationshipIndex), HasTouchId);

    /// <summary>
    /// A new touch id for a relationship with <paramref name="pending"/> more touches than it holds, above
    /// <paramref name="floor"/> (its <see cref="TouchNumberFloor"/>), not <paramref name="taken"/>.
    /// </summary>
    private string NewTouchId(int relationshipIndex, int pending, int floor, Func<string, bool> taken)
    {
        string prefix = _relationships[relationshipIndex].Id + "/";
        int n = Math.Max(_touchStart[relationshipIndex + 1] - _touchStart[relationshipIndex] + pending, floor) + 1;
        string id = prefix + n.ToString(CultureInfo.InvariantCulture);
        while (taken(id))
        {
            n++;
            id = prefix + n.ToString(CultureInfo.InvariantCulture);
        }

        return id;
    }

    /// <summary>Whether a touch has this id: the table when built, else one scan (cheaper than building it for one look).</summary>
    private bool HasTouchId(string id)
    {
        if (Volatile.Read(ref _touchById) is { } ids)
        {
            return ids.ContainsKey(id);
        }

        foreach (var touch in _touches)
        {
            if (string.Equals(touch.Id, id, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The touches by id, built on first use.</summary>
    private Dictionary<string, int> TouchIds
    {
        get
        {
            var ids = Volatile.Read(ref _touchById);
            if (ids is null)
            {
                // Two threads may both build it; either is right.
                ids = IndexTouchIds(_touches);
                Volatile.Write(ref _touchById, ids);
            }

            return ids;
        }
    }

    /// <summary>The touches by id, checking ids are unique.</summary>
    private static Dictionary<string, int> IndexTouchIds(ImmutableArray<Touch> touches)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < touches.Length; i++)
        {
            if (touches[i].Id is { } touchId && !ids.TryAdd(touchId, i))
            {
                throw new ArgumentException($"Duplicate touch id \"{touchId}\".", "touches");
            }
        }

        return ids;
    }
}
