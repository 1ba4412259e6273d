using System;
using System.Collections.Generic;
using System.Linq;

namespace Cadence.Import;

/// <summary>How <see cref="ContactImporter"/> adds contacts: the tier new relationships are put in.</summary>
/// <param name="Tier">The tier of the relationships it adds (its rule applies to them); checked as a relationship's tier is.</param>
public sealed record ContactImportOptions(string Tier)
{
    /// <summary>Where to report how many contacts are read so far (see <see cref="ImportProgress"/>); <see langword="null"/> for nowhere.</summary>
    public IProgress<ImportProgress>? Progress { get; init; }
}

/// <summary>The outcome of importing contacts: the diary after it, and a report line per contact read.</summary>
/// <param name="Diary">The diary after the import. A dry run is keeping the old diary and showing the report.</param>
/// <param name="Report">A line per contact: added, updated, matched or skipped, and why.</param>
public sealed record ContactImport(Diary Diary, ImportReport Report);

/// <summary>
/// Brings contacts (from <see cref="VCardReader"/> or <see cref="ContactCsvReader"/>) into a diary. A contact whose
/// e-mail address (failing that, phone number) is a relationship's is matched to it; failing both, a contact whose name
/// is exactly one relationship's name (or one of its <see cref="Relationship.OtherNames"/>, kept by a merge), compared as people write names (<see cref="RelationshipIds.NameKey"/>: case,
/// accents, "Rossi, Maria", transliteration), is matched to it and the report says "matched by name"; a contact with the
/// name of several relationships is reported as a possible duplicate (<see cref="ImportAction.PossibleDuplicate"/>,
/// naming them) and nothing is added for it. A matched relationship gets the addresses, numbers and
/// organisation (as a tag) it lacks (but not one another relationship has: an address or number names one
/// relationship), and its name and tier are never changed. Any other contact with a name,
/// an address or a number becomes a relationship in the options' tier, with an id made from its name by the library's rule
/// (<see cref="RelationshipIds"/>, as the sample's add makes it; from an address when the name has no letter or digit). Contacts that are
/// the same person (sharing an address or number, or a name) become one relationship. The result does not depend on the order of
/// the contacts, and importing them again changes nothing. A contact's birthday becomes the relationship's important
/// date labelled "birthday" (with its year when the file gives one) unless it already has one.
/// </summary>
public static class ContactImporter
{
    /// <summary>Imports contacts into a diary.</summary>
    /// <param name="diary">The diary.</param>
    /// <param name="cards">The contacts, in any order.</param>
    /// <param name="options">The tier of new relationships.</param>
    /// <returns>The diary after the import, and the report.</returns>
    /// <exception cref="ArgumentException">A null argument or card, or a tier that is not a valid tier (naming it).</exception>
    public static ContactImport Import(Diary diary, IEnumerable<ContactCard> cards, ContactImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(diary);
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(options);
        _ = new Relationship("tier-check", "Tier check", options.Tier);
        string tier = options.Tier.Trim();
        var lines = new List<ImportLine>();

        // The same cards in any order give the same diary: they are read in an order of their own.
        var ordered = cards.Select(c => c ?? throw new ArgumentException("A contact card must not be null.", nameof(cards)))
            .OrderBy(c => c.Name ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(c => string.Join(",", c.Emails.Select(e => e.ToLowerInvariant()).Order(StringComparer.Ordinal)), StringComparer.Ordinal)
            .ThenBy(c => string.Join(",", c.Phones.Order(StringComparer.Ordinal)), StringComparer.Ordinal)
            .ThenBy(c => c.Organization ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(c => string.Join(",", c.Emails), StringComparer.Ordinal)
            .ThenBy(c => string.Join(",", c.Phones), StringComparer.Ordinal)
            .ThenBy(c => c.Source, StringComparer.Ordinal)
            .ToList();
        var run = new Run(diary);
        var progress = new ProgressCounter(options.Progress, ordered.Count);
        foreach (var card in ordered)
        {
            run.ImportOne(card, tier, lines);
            progress.Tick();
        }

        progress.Finish();

        return new ContactImport(run.Diary(), new ImportReport(lines));
    }

    /// <summary>
    /// One import: the relationships by index, and indexes of their addresses and numbers, so each card is matched in
    /// constant time and the diary is built once at the end (linear in the file, not quadratic).
    /// </summary>
    private sealed class Run
    {
        private readonly Diary _diary;
        private readonly List<Relationship> _relationships;
        private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);

        /// <summary>The ids that name a relationship as an alias (after a merge): a new relationship cannot take one.</summary>
        private readonly HashSet<string> _aliases = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _byEmail = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> _byPhone = new(StringComparer.Ordinal);

        /// <summary>The relationships by <see cref="RelationshipIds.NameKey"/> of their names, in the diary's order.</summary>
        private readonly Dictionary<string, List<int>> _byName = new(StringComparer.Ordinal);
        private bool _changed;

        internal Run(Diary diary)
        {
            _diary = diary;
            _relationships = [.. diary.Relationships];
            for (int i = 0; i < _relationships.Count; i++)
            {
                Index(i);
            }
        }

        /// <summary>The diary after the import: the one given when nothing changed.</summary>
        internal Diary Diary() =>
            _changed ? new Diary(_relationships, _diary.Touches, _diary.Commitments, _diary.Moves, _diary.Campaigns) : _diary;

        /// <summary>Indexes a relationship's id, addresses and numbers; the first relationship to have one keeps it.</summary>
        private void Index(int i)
        {
            var relationship = _relationships[i];
            _byId[relationship.Id] = i;
            _aliases.UnionWith(relationship.Aliases);
            foreach (string known in relationship.OtherNames.Prepend(relationship.Name))
            {
                if (RelationshipIds.NameKey(known) is { } name)
                {
                    if (!_byName.TryGetValue(name, out var named))
                    {
                        _byName.Add(name, named = []);
                    }

                    if (!named.Contains(i))
                    {
                        named.Add(i);
                    }
                }
            }

            foreach (string email in relationship.Emails)
            {
                if (Relationship.EmailKey(email) is { } key)
                {
                    _byEmail.TryAdd(key, i);
                }
            }

            foreach (string phone in relationship.Phones)
            {
                if (Relationship.PhoneKey(phone) is { Length: > 0 } key)
                {
                    _byPhone.TryAdd(key, i);
                }
            }
        }

        /// <summary>The relationship with this address or number, if one has it.</summary>
        private Relationship? Owner(string value, bool email) =>
            (email ? Relationship.EmailKey(value) is { } e && _byEmail.TryGetValue(e, out int i) : Relationship.PhoneKey(value) is { Length: > 0 } p && _byPhone.TryGetValue(p, out i))
                ? _relationships[i]
                : null;

        /// <summary>Of the relationships these values name, the first in the diary's order (as a scan of it would find).</summary>
        private Relationship? FirstOwner(List<string> values, bool email)
        {
            int first = int.MaxValue;
            foreach (string value in values)
            {
                if (Owner(value, email) is { } owner && _byId[owner.Id] < first)
                {
                    first = _byId[owner.Id];
                }
            }

            return first == int.MaxValue ? null : _relationships[first];
        }

        internal void ImportOne(ContactCard card, string tier, List<ImportLine> lines)
        {
            var emails = card.Emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).ToList();
            var phones = card.Phones.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToList();
            var match = FirstOwner(emails, email: true) ?? FirstOwner(phones, email: false);
            string byName = string.Empty;
            if (match is null && card.Name is { } cardName && RelationshipIds.NameKey(cardName) is { } key && _byName.TryGetValue(key, out var named))
            {
                if (named.Count > 1)
                {
                    var ids = named.Select(n => _relationships[n].Id).ToList();
                    lines.Add(new ImportLine(
                        ImportAction.PossibleDuplicate,
                        card.Source,
                        null,
                        $"{cardName} has the name of {Listed(ids)}, and none of their addresses: nothing added (merge them, or give the right one an address)"));
                    return;
                }

                match = _relationships[named[0]];
                byName = " (matched by name)";
            }

            try
            {
                if (match is not null)
                {
                    // An address or number another relationship has stays theirs: one contact point names one relationship.
                    var missing = emails.Where(e => !match.HasEmail(e)).Select(e => (Value: e, Email: true, Owner: Owner(e, email: true)))
                        .Concat(phones.Where(p => !match.HasPhone(p)).Select(p => (Value: p, Email: false, Owner: Owner(p, email: false))))
                        .ToList();
                    var newEmails = missing.Where(x => x.Email && x.Owner is null).Select(x => x.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                    var newPhones = missing.Where(x => !x.Email && x.Owner is null).Select(x => x.Value).ToList();
                    bool newTag = card.Organization is { } org && !match.Tags.Contains(org, StringComparer.OrdinalIgnoreCase);
                    bool newBirthday = card.Birthday is not null && !HasBirthday(match);
                    string others = Others(missing.Where(x => x.Owner is not null).Select(x => $"{(x.Email ? "e-mail" : "phone")} {x.Value} is {x.Owner!.Id}'s").ToList());
                    if (newEmails.Count == 0 && newPhones.Count == 0 && !newTag && !newBirthday)
                    {
                        lines.Add(new ImportLine(ImportAction.Matched, card.Source, match.Id, $"{match.Name}{byName} already has these details{others}"));
                        return;
                    }

                    var updated = match.WithEmails(match.Emails.Concat(newEmails)).WithPhones(match.Phones.Concat(newPhones));
                    updated = newTag ? updated.WithTags(match.Tags.Append(card.Organization!)) : updated;
                    updated = newBirthday ? updated.WithImportantDates(match.ImportantDates.Append(Birthday(card.Birthday!))) : updated;
                    var added = newEmails.Select(e => "e-mail " + e).Concat(newPhones.Select(p => "phone " + p)).Concat(newTag ? ["tag " + card.Organization] : [])
                        .Concat(newBirthday ? ["birthday " + card.Birthday] : []).ToList();
                    lines.Add(new ImportLine(ImportAction.Updated, card.Source, match.Id, $"{match.Name}{byName}: added {Listed(added)}{others}"));
                    int at = _byId[match.Id];
                    _relationships[at] = updated;
                    Index(at);
                    _changed = true;
                    return;
                }

                string? name = card.Name ?? emails.Select(e => e[..e.IndexOf('@', StringComparison.Ordinal)]).FirstOrDefault() ?? phones.FirstOrDefault();
                if (name is null)
                {
                    lines.Add(new ImportLine(ImportAction.Skipped, card.Source, null, "no name, e-mail or phone"));
                    return;
                }

                // The library's id from the name (as the sample's add makes it), else from an address's local part.
                string id = RelationshipIds.Unique(
                    RelationshipIds.FromName(name)
                        ?? emails.Select(e => RelationshipIds.FromName(e[..e.IndexOf('@', StringComparison.Ordinal)])).FirstOrDefault(s => s is not null)
                        ?? "contact",
                    id => _byId.ContainsKey(id) || _aliases.Contains(id));
                var relationship = new Relationship(id, name, tier).WithEmails(emails).WithPhones(phones);
                relationship = card.Organization is { } organization ? relationship.WithTags([organization]) : relationship;
                relationship = card.Birthday is { } birthday ? relationship.WithImportantDates([Birthday(birthday)]) : relationship;
                var details = relationship.Emails.Concat(relationship.Phones).ToList();
                lines.Add(new ImportLine(ImportAction.Added, card.Source, id, $"{name}, {tier}{(details.Count > 0 ? ": " + Listed(details) : string.Empty)}"));
                _relationships.Add(relationship);
                Index(_relationships.Count - 1);
                _changed = true;
            }
            catch (ArgumentException e)
            {
                lines.Add(new ImportLine(ImportAction.Skipped, card.Source, match?.Id, e.Message.Split('\n')[0]));
            }
        }
    }

    /// <summary>At most this many values are listed in a line of the report; the rest are counted.</summary>
    private const int MaxListed = 5;

    /// <summary>"a, b, c", or "a, b, c, d, e and 9,995 more": a line of the report stays short whatever the card.</summary>
    private static string Listed(List<string> values) =>
        values.Count <= MaxListed
            ? string.Join(", ", values)
            : string.Join(", ", values.Take(MaxListed)) + $" and {(values.Count - MaxListed).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} more";

    /// <summary>"; e-mail x is zoe's, so not added", for at most a few of them, the rest counted.</summary>
    private static string Others(List<string> taken) =>
        string.Concat(taken.Take(MaxListed).Select(t => $"; {t}, so not added"))
        + (taken.Count > MaxListed ? $"; {(taken.Count - MaxListed).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} more another's, so not added" : string.Empty);

    /// <summary>A relationship has a birthday when one of its dates is labelled so (ignoring case).</summary>
    private static bool HasBirthday(Relationship relationship) =>
        relationship.ImportantDates.Any(d => d.Label.Equals("birthday", StringComparison.OrdinalIgnoreCase));

    /// <summary>The birthday as an important date, with its year when the file gives one.</summary>
    private static ImportantDate Birthday(ContactBirthday birthday) => ImportantDate.Yearly("birthday", birthday.Day, birthday.Year);
}
