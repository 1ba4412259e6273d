using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using Cadence.Internal;

namespace Cadence;

// One person, one entry: aliases, merging one relationship into another, and removing one with everything of it.
public sealed partial class Diary
{
    /// <summary>The relationship an id or an alias names (see <see cref="Relationship.Aliases"/>).</summary>
    /// <param name="idOrAlias">A relationship's id, or an id merged into one.</param>
    /// <returns>The relationship.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id or alias; the message names it.</exception>
    public Relationship Resolve(string idOrAlias) =>
        TryResolve(idOrAlias, out var relationship)
            ? relationship
            : throw new KeyNotFoundException($"No relationship has the id or alias \"{idOrAlias}\".");

    /// <summary>Finds the relationship an id or an alias names (see <see cref="Relationship.Aliases"/>).</summary>
    /// <param name="idOrAlias">A relationship's id, or an id merged into one.</param>
    /// <param name="relationship">The relationship found.</param>
    /// <returns>Whether one was found.</returns>
    public bool TryResolve(string idOrAlias, out Relationship relationship)
    {
        if (TryResolveIndex(idOrAlias, out int index))
        {
            relationship = _relationships[index];
            return true;
        }

        relationship = null!;
        return false;
    }

    /// <summary>
    /// Returns a copy where one relationship is merged into another: FROM is gone and INTO has everything of it, and
    /// FROM's id (and its aliases) become aliases of INTO, so a touch or commitment logged later with FROM's id lands on
    /// INTO. What moves and what is kept:
    /// <list type="bullet">
    /// <item>FROM's touches and commitments name INTO and keep their ids (ids are unique in a diary, so none clash, and
    /// what a touch closed stays closed by it).</item>
    /// <item>Moves by hand: when both have one, the one made later is kept (INTO's on the same day).</item>
    /// <item>Important dates: FROM's are added by label; when INTO has the label (ignoring case) INTO's is kept, and
    /// FROM's, unless it is the same date, is kept as "LABEL (from FROM-ID)" (with " 2", " 3"… if that is taken too).</item>
    /// <item>E-mail addresses, phone numbers and tags: the union, INTO's first, an address or number kept once
    /// (<see cref="Relationship.EmailKey"/>, <see cref="Relationship.PhoneKey"/>).</item>
    /// <item>Campaigns: INTO is a member of every campaign FROM was in; FROM is in none.</item>
    /// <item>INTO keeps its name, tier, rule, state, weekend and preferred channels; its time zone and where you met are
    /// FROM's only when INTO has none.</item>
    /// <item>Notes (<see cref="Relationship.Note"/>): INTO's, then FROM's on a new line when both have one and they
    /// differ; FROM's alone when INTO has none. Two notes longer together than a note may be (4000 characters) are
    /// refused (an <see cref="ArgumentException"/> naming both ids) rather than cut: shorten one first.</item>
    /// </list>
    /// </summary>
    /// <param name="fromId">The relationship merged away: an id, or an alias of one.</param>
    /// <param name="intoId">The relationship that stays: an id, or an alias of one.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">An unknown id, or both name the same relationship, or their notes together are too long; the message names the value. Nothing changes then.</exception>
    [Pure]
    public Diary Merge(string fromId, string intoId)
    {
        int from = MergeIndex(fromId, nameof(fromId));
        int into = MergeIndex(intoId, nameof(intoId));
        if (from == into)
        {
            throw new ArgumentException(
                string.Equals(fromId, intoId, StringComparison.Ordinal)
                    ? $"Cannot merge \"{fromId}\" into itself; name two relationships."
                    : $"\"{fromId}\" and \"{intoId}\" name the same relationship (\"{_relationships[into].Id}\"); name two relationships.",
                nameof(fromId));
        }

        var f = _relationships[from];
        var i = _relationships[into];
        var merged = MergedRelationship(f, i);

        var touches = _touches;
        foreach (int t in Slice(_groupedTouches, _touchStart, from))
        {
            touches = touches.SetItem(t, _touches[t].WithRelationship(i.Id));
        }

        var commitments = _commitments;
        foreach (int c in Slice(_groupedCommitments, _commitmentStart, from))
        {
            commitments = commitments.SetItem(c, _commitments[c].WithRelationship(i.Id));
        }

        var moves = _moves;
        if (_moveByRelationship[from] is { } fromMove)
        {
            moves = moves.Remove(fromMove);
            if (_moveByRelationship[into] is not { } intoMove || fromMove.MadeOn > intoMove.MadeOn)
            {
                moves = (_moveByRelationship[into] is { } replaced ? moves.Remove(replaced) : moves).Add(fromMove with { RelationshipId = i.Id });
            }
        }

        var relationships = _relationships.SetItem(into, merged).RemoveAt(from);
        return With(relationships: relationships, touches: touches, commitments: commitments, moves: moves, campaigns: CampaignsWithout(f.Id, i.Id));
    }

    /// <summary>
    /// Returns a copy without a relationship and everything of it: its touches, commitments, move by hand, campaign
    /// memberships and aliases. Nobody else changes.
    /// </summary>
    /// <param name="id">The relationship's id (not an alias: removing by a merged id would remove the one it was merged into).</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id; the message names it.</exception>
    /// <exception cref="ArgumentException">The id is an alias; the message names it and whose it is.</exception>
    [Pure]
    public Diary Remove(string id)
    {
        if (id is not null && !_byId.ContainsKey(id) && _byAlias is not null && _byAlias.TryGetValue(id, out int owner))
        {
            throw new ArgumentException(
                $"\"{id}\" is an alias of \"{_relationships[owner].Id}\" (merged into it); remove \"{_relationships[owner].Id}\" to remove it and everything of it.",
                nameof(id));
        }

        int index = IndexOf(id!);
        string removed = _relationships[index].Id;
        var touches = Slice(_groupedTouches, _touchStart, index).IsEmpty
            ? _touches
            : _touches.RemoveAll(t => string.Equals(t.RelationshipId, removed, StringComparison.Ordinal));
        var commitments = Slice(_groupedCommitments, _commitmentStart, index).IsEmpty
            ? _commitments
            : _commitments.RemoveAll(c => string.Equals(c.RelationshipId, removed, StringComparison.Ordinal));
        var moves = _moveByRelationship[index] is null ? _moves : MovesWithout(removed);
        return With(relationships: _relationships.RemoveAt(index), touches: touches, commitments: commitments, moves: moves, campaigns: CampaignsWithout(removed, null));
    }

    /// <summary>Where the relationship with an id or alias is stored.</summary>
    private bool TryResolveIndex(string idOrAlias, out int index)
    {
        index = -1;
        return idOrAlias is not null && (_byId.TryGetValue(idOrAlias, out index) || (_byAlias is not null && _byAlias.TryGetValue(idOrAlias, out index)));
    }

    /// <summary>The id of the relationship an id or alias names, or the id as given when it names none (the caller's check names it).</summary>
    private string Canonical(string id) =>
        id is not null && !_byId.ContainsKey(id) && _byAlias is not null && _byAlias.TryGetValue(id, out int index) ? _relationships[index].Id : id!;

    private int MergeIndex(string id, string paramName)
    {
        if (id is null)
        {
            throw new ArgumentNullException(paramName, $"The {paramName} must not be null.");
        }

        return TryResolveIndex(id, out int index)
            ? index
            : throw new ArgumentException($"No relationship has the id \"{Guard.Shorten(id)}\" ({paramName}).", paramName);
    }

    /// <summary>The campaigns with <paramref name="removed"/> out of their members and, when given, <paramref name="replacement"/> in its place.</summary>
    private ImmutableArray<Campaign> CampaignsWithout(string removed, string? replacement)
    {
        var campaigns = _campaigns;
        for (int c = 0; c < _campaigns.Length; c++)
        {
            var members = _campaigns[c].Members;
            if (members.Contains(removed, StringComparer.Ordinal))
            {
                var kept = members.Where(m => !string.Equals(m, removed, StringComparison.Ordinal));
                campaigns = campaigns.SetItem(c, _campaigns[c].WithMembers(replacement is null ? kept : kept.Append(replacement)));
            }
        }

        return campaigns;
    }

    /// <summary>INTO with FROM's dates, addresses, numbers, tags and ids added (see <see cref="Merge"/>).</summary>
    private static Relationship MergedRelationship(Relationship from, Relationship into)
    {
        var emails = new List<string>(into.Emails);
        var emailKeys = new HashSet<string>(into.Emails.Select(e => Relationship.EmailKey(e)!), StringComparer.OrdinalIgnoreCase);
        emails.AddRange(from.Emails.Where(e => emailKeys.Add(Relationship.EmailKey(e)!)));

        var phones = new List<string>(into.Phones);
        var phoneKeys = new HashSet<string>(into.Phones.Select(Relationship.PhoneKey), StringComparer.Ordinal);
        phones.AddRange(from.Phones.Where(p => phoneKeys.Add(Relationship.PhoneKey(p))));

        var dates = new List<ImportantDate>(into.ImportantDates);
        var labels = new HashSet<string>(into.ImportantDates.Select(d => d.Label), StringComparer.OrdinalIgnoreCase);
        foreach (var date in from.ImportantDates)
        {
            if (labels.Add(date.Label))
            {
                dates.Add(date);
                continue;
            }

            var same = into.ImportantDates.First(d => string.Equals(d.Label, date.Label, StringComparison.OrdinalIgnoreCase));
            if (date.WithLabel(same.Label) == same)
            {
                continue;
            }

            string suffix = $" (from {from.Id})";
            string label = date.Label.Length + suffix.Length + 4 > Guard.MaxTextLength
                ? date.Label[..(Guard.MaxTextLength - suffix.Length - 4)] + suffix
                : date.Label + suffix;
            string candidate = label;
            for (int n = 2; !labels.Add(candidate); n++)
            {
                candidate = $"{label} {n}";
            }

            dates.Add(date.WithLabel(candidate));
        }

        var merged = into
            .WithTags(into.Tags.Concat(from.Tags))
            .WithEmails(emails)
            .WithPhones(phones)
            .WithImportantDates(dates)
            .WithAliases(into.Aliases.Append(from.Id).Concat(from.Aliases))
            .WithOtherNames(into.OtherNames.Append(from.Name).Concat(from.OtherNames));
        merged = into.TimeZone is null && from.TimeZone is not null ? merged.WithTimeZone(from.TimeZone) : merged;
        merged = into.MetAt is null && from.MetAt is not null ? merged.WithMetAt(from.MetAt) : merged;
        return merged.WithNote(MergedNote(from, into));
    }

    /// <summary>INTO's note, then FROM's on a new line (see <see cref="Merge"/>).</summary>
    private static string? MergedNote(Relationship from, Relationship into)
    {
        if (from.Note is null || string.Equals(from.Note, into.Note, StringComparison.Ordinal))
        {
            return into.Note;
        }

        if (into.Note is null)
        {
            return from.Note;
        }

        string note = into.Note + "\n" + from.Note;
        return note.Length <= Guard.MaxTextLength
            ? note
            : throw new ArgumentException(
                $"The notes of \"{into.Id}\" and \"{from.Id}\" together are {note.Length} characters long; a note may have at most {Guard.MaxTextLength}; shorten one before merging.");
    }
}
