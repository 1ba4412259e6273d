using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using System.Threading;
using Cadence.Explanations;
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
    private readonly ImmutableArray<Campaign> _campaigns;
    private readonly ManualMove?[] _moveByRelationship;
    private readonly Dictionary<string, int> _byId;
    private readonly Dictionary<string, int> _commitmentById;
    // The touches by id, built when first asked for (a diary grown by Log checks a new id by one scan, not a table).
    private Dictionary<string, int>? _touchById;

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
    /// <param name="campaigns">Reconnect campaigns; names unique (ignoring case), each member naming a relationship in the diary.</param>
    /// <exception cref="ArgumentException">A duplicate id or an unknown relationship id; the message names it.</exception>
    public Diary(
        IEnumerable<Relationship> relationships,
        IEnumerable<Touch>? touches = null,
        IEnumerable<Commitment>? commitments = null,
        IEnumerable<ManualMove>? moves = null,
        IEnumerable<Campaign>? campaigns = null)
        : this(relationships, touches, commitments, moves, campaigns, touchIdsChecked: false)
    {
    }

    /// <summary>Creates a diary; <paramref name="touchIdsChecked"/> when the touches' ids are known to be unique (a changed copy).</summary>
    private Diary(
        IEnumerable<Relationship> relationships,
        IEnumerable<Touch>? touches,
        IEnumerable<Commitment>? commitments,
        IEnumerable<ManualMove>? moves,
        IEnumerable<Campaign>? campaigns,
        bool touchIdsChecked)
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

        _commitmentById = new Dictionary<string, int>(_commitments.Length, StringComparer.Ordinal);
        for (int i = 0; i < _commitments.Length; i++)
        {
            if (!_commitmentById.TryAdd(_commitments[i].Id, i))
            {
                throw new ArgumentException($"Duplicate commitment id \"{_commitments[i].Id}\".", nameof(commitments));
            }
        }

        _campaigns = campaigns?.ToImmutableArray() ?? ImmutableArray<Campaign>.Empty;
        if (!touchIdsChecked)
        {
            // Given from outside: checked here. Copies made by this class check what they change.
            _touchById = IndexTouchIds(_touches);
            CheckCampaigns(_campaigns, _byId);
        }
    }

    /// <summary>Checks campaigns given from outside: none null, names unique ignoring case, members known.</summary>
    private static void CheckCampaigns(ImmutableArray<Campaign> campaigns, Dictionary<string, int> byId)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < campaigns.Length; i++)
        {
            var campaign = campaigns[i] ?? throw new ArgumentException($"The campaign at position {i} is null.", nameof(campaigns));
            if (!names.Add(campaign.Name))
            {
                throw new ArgumentException($"Two campaigns are named \"{campaign.Name}\"; names must be unique (ignoring case).", nameof(campaigns));
            }

            CheckMembers(campaign, byId, nameof(campaigns));
        }
    }

    private static void CheckMembers(Campaign campaign, Dictionary<string, int> byId, string paramName)
    {
        foreach (var member in campaign.Members)
        {
            if (!byId.ContainsKey(member))
            {
                throw new ArgumentException($"The campaign \"{campaign.Name}\" names the unknown relationship id \"{member}\".", paramName);
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

    /// <summary>The reconnect campaigns, running, paused or ended, in the order they were started.</summary>
    public IReadOnlyList<Campaign> Campaigns => _campaigns;

    /// <summary>The campaign with a name (ignoring case).</summary>
    /// <param name="name">Its name.</param>
    /// <returns>The campaign.</returns>
    /// <exception cref="KeyNotFoundException">No campaign has that name; the message names it.</exception>
    public Campaign GetCampaign(string name) => _campaigns[CampaignIndexOf(name)];

    /// <summary>
    /// Returns a copy with a campaign started: when it has no members yet, they are chosen now
    /// (<see cref="Campaign.Choose"/>, from the diary as it stood on the campaign's start day).
    /// </summary>
    /// <param name="campaign">The campaign.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">A campaign already has that name (ignoring case), or a member is not in the diary; the message names it.</exception>
    [Pure]
    public Diary StartCampaign(Campaign campaign)
    {
        Guard.NotNull(campaign, nameof(campaign));
        if (FindCampaign(campaign.Name) is >= 0 and var same)
        {
            throw new ArgumentException($"A campaign is already named \"{_campaigns[same].Name}\"; choose another name (an ended campaign keeps its name).", nameof(campaign));
        }

        if (campaign.Members.Count == 0)
        {
            campaign = campaign.WithMembers(campaign.Choose(AsOf(campaign.Start)));
        }

        CheckMembers(campaign, _byId, nameof(campaign));
        return new Diary(_relationships, _touches, _commitments, _moves, _campaigns.Add(campaign), touchIdsChecked: true);
    }

    /// <summary>Returns a copy where the campaign with the same name (ignoring case) is replaced: paused, resumed or ended.</summary>
    /// <param name="campaign">The changed campaign.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="KeyNotFoundException">No campaign has that name.</exception>
    /// <exception cref="ArgumentException">A member is not in the diary.</exception>
    [Pure]
    public Diary UpdateCampaign(Campaign campaign)
    {
        Guard.NotNull(campaign, nameof(campaign));
        int index = CampaignIndexOf(campaign.Name);
        CheckMembers(campaign, _byId, nameof(campaign));
        return new Diary(_relationships, _touches, _commitments, _moves, _campaigns.SetItem(index, campaign), touchIdsChecked: true);
    }

    private int CampaignIndexOf(string name) =>
        FindCampaign(Guard.NotNull(name, nameof(name))) is >= 0 and var index
            ? index
            : throw new KeyNotFoundException($"No campaign is named \"{Guard.Shorten(name)}\".");

    /// <summary>The position of the campaign with a name (ignoring case), or -1.</summary>
    private int FindCampaign(string name)
    {
        for (int i = 0; i < _campaigns.Length; i++)
        {
            if (string.Equals(_campaigns[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

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

        return new Diary(_relationships.Add(relationship), _touches, _commitments, _moves, _campaigns, touchIdsChecked: true);
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

        return new Diary(_relationships.SetItem(index, changed), _touches, _commitments, _moves, _campaigns, touchIdsChecked: true);
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

    /// <summary>
    /// The diary as it stood at the end of a day: the touches after it, the commitments and moves made after it are
    /// left out, and a commitment closed after it is open. What the diary does not date (a relationship's state, name
    /// or rule; a commitment closed on an unknown day) is kept as it is now.
    /// </summary>
    /// <param name="day">The day.</param>
    /// <returns>The diary cut at that day; this diary when nothing is after it.</returns>
    [Pure]
    public Diary AsOf(LocalDate day)
    {
        Guard.Date(day, nameof(day));
        if (LatestEntryDay() is not { } latest || latest <= day)
        {
            return this;
        }

        var touches = _touches.Where(t => t.Date <= day);
        var commitments = _commitments
            .Where(c => c.MadeOn is not { } made || made <= day)
            .Select(c => c.ClosedOn is { } closed && closed > day ? c.Reopen() : c);
        var moves = _moves.Where(m => m.MadeOn <= day);
        return new Diary(_relationships, touches, commitments, moves, _campaigns.Where(c => c.Start <= day), touchIdsChecked: true);
    }

    /// <summary>Returns a copy where the relationship with the same id is replaced.</summary>
    /// <param name="relationship">The changed relationship.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id.</exception>
    [Pure]
    public Diary Update(Relationship relationship)
    {
        Guard.NotNull(relationship, nameof(relationship));
        return new Diary(_relationships.SetItem(IndexOf(relationship.Id), relationship), _touches, _commitments, _moves, _campaigns, touchIdsChecked: true);
    }

    /// <summary>
    /// Returns a copy with one more touch, and what logging it means for the next step: the open commitments it
    /// closes are marked done by it (see <see cref="CommitmentsClosedBy"/>), and a move by hand made on or before its
    /// date ends (the move was for the touch that has now happened). A touch logged without an id is given one,
    /// "relationship-id/n" (see <see cref="Touch.Id"/>); the diary's copy of the touch has it.
    /// </summary>
    /// <param name="touch">The touch; it must name a relationship in the diary, and its id, if any, must be new.</param>
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
        return new Diary(_relationships, _touches.Add(touch), commitments, moves, _campaigns, touchIdsChecked: true);
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
        var commitments = _commitments;
        HashSet<string>? movesDone = null;
        foreach (var given in touches)
        {
            var touch = given ?? throw new ArgumentException($"The touch at position {added.Count} is null.", nameof(touches));
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
                string generated = NewTouchId(index, logged[index], id => existing.ContainsKey(id) || ids.Contains(id));
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

        var moves = movesDone is null ? _moves : _moves.Where(m => !movesDone.Contains(m.RelationshipId));
        return new Diary(_relationships, _touches.AddRange(added), commitments, moves, _campaigns, touchIdsChecked: true);
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
    /// by hand stays closed); anything else is unchanged.
    /// </summary>
    /// <param name="touchId">The touch's id.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="KeyNotFoundException">No touch has that id; the message names it.</exception>
    [Pure]
    public Diary RemoveTouch(string touchId)
    {
        int t = TouchIndexOf(touchId);
        return new Diary(_relationships, _touches.RemoveAt(t), ReopenClosedBy(_commitments, touchId), _moves, _campaigns, touchIdsChecked: true);
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

        if (!_byId.TryGetValue(corrected.RelationshipId, out int index))
        {
            throw new ArgumentException($"The correction of the touch \"{touchId}\" names the unknown relationship id \"{corrected.RelationshipId}\".", nameof(corrected));
        }

        corrected = corrected.WithGeneratedId(touchId);
        var commitments = ReopenClosedBy(_commitments, touchId);
        if (closeCommitments)
        {
            commitments = CloseBy(commitments, corrected, index);
        }

        return new Diary(_relationships, _touches.SetItem(t, corrected), commitments, _moves, _campaigns, touchIdsChecked: true);
    }

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

        return new Diary(_relationships, _touches, _commitments.SetItem(c, commitment.Reopen()), _moves, _campaigns, touchIdsChecked: true);
    }

    /// <summary>Why a commitment is closed: done by a touch (a reply, or the step taken), done or dropped by hand.</summary>
    /// <param name="commitmentId">The commitment's id.</param>
    /// <returns>The reason, or <see langword="null"/> while it is open.</returns>
    /// <exception cref="KeyNotFoundException">No commitment has that id.</exception>
    public ClosedReason? WhyClosed(string commitmentId)
    {
        var commitment = GetCommitment(commitmentId);
        if (commitment.IsOpen)
        {
            return null;
        }

        Touch? by = commitment.ClosedBy is { } touchId && TouchIds.TryGetValue(touchId, out int t) ? _touches[t] : null;
        return new ClosedReason(
            commitment.Id,
            commitment.Purpose,
            commitment.Status,
            commitment.ClosedOn,
            by,
            by is not null && commitment.WaitsForReply && IsReply(by) && by.Date < commitment.Date);
    }

    /// <summary>Returns a copy with one more commitment.</summary>
    /// <param name="commitment">The commitment; its id must be new and it must name a relationship in the diary.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">A duplicate id or an unknown relationship id.</exception>
    [Pure]
    public Diary Promise(Commitment commitment)
    {
        Guard.NotNull(commitment, nameof(commitment));
        return new Diary(_relationships, _touches, _commitments.Add(commitment), _moves, _campaigns, touchIdsChecked: true);
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
                return new Diary(_relationships, _touches, _commitments.SetItem(i, commitment), _moves, _campaigns, touchIdsChecked: true);
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
        return new Diary(_relationships, _touches, _commitments, MovesWithout(move.RelationshipId).Append(move), _campaigns, touchIdsChecked: true);
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
            : new Diary(_relationships, _touches, _commitments, MovesWithout(relationshipId), _campaigns, touchIdsChecked: true);

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
    /// The open commitments a touch closes when it is logged with <see cref="Log(Touch)"/>. A touch never closes a
    /// commitment made after it. A step (<see cref="CommitmentKind.Step"/>) due on or before the touch's date is closed
    /// by an attempt of yours, answered or not, or by a conversation they started; a missed call of theirs closes
    /// nothing. A step that waits for a reply (<see cref="CommitmentKind.UnlessReply"/>) is also closed, whatever its
    /// date, by their reply: a touch they started, or a call or meeting of yours that connected. A step due later stays
    /// open: it is a later step.
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

    /// <summary>The rule of <see cref="CommitmentsClosedBy"/>.</summary>
    internal static bool Closes(Touch touch, Commitment commitment)
    {
        if (!commitment.IsOpen || (commitment.MadeOn is { } made && touch.Date < made))
        {
            return false;
        }

        if (commitment.WaitsForReply && IsReply(touch))
        {
            return true;
        }

        return commitment.Date <= touch.Date && (touch.IsOutbound || touch.Outcome == Outcome.Connected);
    }

    /// <summary>Whether a touch is their reply: one they started, or a call or meeting of yours that connected.</summary>
    /// <param name="touch">The touch.</param>
    /// <returns>Whether it is a reply.</returns>
    internal static bool IsReply(Touch touch) =>
        touch.Direction == Direction.Inbound || (touch.Outcome == Outcome.Connected && touch.Channel.IsLive());

    internal ManualMove? MoveAt(int relationshipIndex) => _moveByRelationship[relationshipIndex];

    /// <summary>The latest day the diary dates anything on: a touch, or the making or closing of a commitment or a move; null for none.</summary>
    internal LocalDate? LatestEntryDay()
    {
        LocalDate? latest = LatestCommitmentOrMoveDay();
        foreach (var touch in _touches)
        {
            latest = latest is { } l && l >= touch.Date ? l : touch.Date;
        }

        return latest;
    }

    /// <summary>The latest day a commitment or a move was made or closed on, or null for none.</summary>
    internal LocalDate? LatestCommitmentOrMoveDay()
    {
        LocalDate? latest = null;
        foreach (var commitment in _commitments)
        {
            latest = Later(latest, commitment.MadeOn);
            latest = Later(latest, commitment.ClosedOn);
        }

        foreach (var move in _moves)
        {
            latest = Later(latest, move.MadeOn);
        }

        return latest;
    }

    private static LocalDate? Later(LocalDate? a, LocalDate? b) => a is not { } x ? b : b is not { } y ? a : x >= y ? x : y;

    private int TouchIndexOf(string touchId) =>
        touchId is not null && TouchIds.TryGetValue(touchId, out int index)
            ? index
            : throw new KeyNotFoundException($"No touch has the id \"{touchId}\".");

    private int CommitmentIndexOf(string commitmentId) =>
        commitmentId is not null && _commitmentById.TryGetValue(commitmentId, out int index)
            ? index
            : throw new KeyNotFoundException($"No commitment has the id \"{commitmentId}\".");

    /// <summary>A new touch id for a relationship: "id/n", n one more than its touches, or the next one free.</summary>
    private string NewTouchId(int relationshipIndex) => NewTouchId(relationshipIndex, 0, HasTouchId);

    /// <summary>A new touch id for a relationship with <paramref name="pending"/> more touches than it holds, not <paramref name="taken"/>.</summary>
    private string NewTouchId(int relationshipIndex, int pending, Func<string, bool> taken)
    {
        string prefix = _relationships[relationshipIndex].Id + "/";
        int n = _touchStart[relationshipIndex + 1] - _touchStart[relationshipIndex] + pending + 1;
        string id = prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        while (taken(id))
        {
            n++;
            id = prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
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

    /// <summary>The commitments with those of a relationship that a touch satisfies closed by it.</summary>
    private ImmutableArray<Commitment> CloseBy(ImmutableArray<Commitment> commitments, Touch touch, int relationshipIndex)
    {
        foreach (int c in CommitmentIndexesOf(relationshipIndex))
        {
            var commitment = commitments[c];
            if (Closes(touch, commitment))
            {
                commitments = commitments.SetItem(c, commitment.ClosedByTouch(touch));
            }
        }

        return commitments;
    }

    /// <summary>The commitments with those a touch closed open again.</summary>
    private static ImmutableArray<Commitment> ReopenClosedBy(ImmutableArray<Commitment> commitments, string touchId)
    {
        for (int c = 0; c < commitments.Length; c++)
        {
            if (string.Equals(commitments[c].ClosedBy, touchId, StringComparison.Ordinal))
            {
                commitments = commitments.SetItem(c, commitments[c].Reopen());
            }
        }

        return commitments;
    }

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
        return new Diary(_relationships, _touches, _commitments.SetItem(c, closed), _moves, _campaigns, touchIdsChecked: true);
    }

    private Diary Reactivate(string relationshipId, RelationshipStatus from, string what)
    {
        int index = IndexOf(relationshipId);
        var relationship = _relationships[index];
        if (relationship.State.Status != from)
        {
            throw new InvalidOperationException($"The relationship \"{relationshipId}\" is not {what}: it is {relationship.State}.");
        }

        return new Diary(_relationships.SetItem(index, relationship.Activate()), _touches, _commitments, _moves, _campaigns, touchIdsChecked: true);
    }

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
