using System;
using System.Collections.Generic;
using System.Linq;

namespace Cadence.Import;

/// <summary>How <see cref="ContactImporter"/> adds contacts: the tier new relationships are put in.</summary>
/// <param name="Tier">The tier of the relationships it adds (its rule applies to them); checked as a relationship's tier is.</param>
public sealed record ContactImportOptions(string Tier);

/// <summary>The outcome of importing contacts: the diary after it, and a report line per contact read.</summary>
/// <param name="Diary">The diary after the import. A dry run is keeping the old diary and showing the report.</param>
/// <param name="Report">A line per contact: added, updated, matched or skipped, and why.</param>
public sealed record ContactImport(Diary Diary, ImportReport Report);

/// <summary>
/// Brings contacts (from <see cref="VCardReader"/> or <see cref="ContactCsvReader"/>) into a diary. A contact whose
/// e-mail address (failing that, phone number) is a relationship's is matched to it: the addresses, numbers and
/// organisation (as a tag) it lacks are added (but not one another relationship has: an address or number names one
/// relationship), and its name and tier are never changed. Any other contact with a name,
/// an address or a number becomes a relationship in the options' tier, with an id made from its name by the library's rule
/// (<see cref="RelationshipIds"/>, as the sample's add makes it; from an address when the name has no letter or digit). Contacts that are
/// the same person (sharing an address or number) become one relationship. The result does not depend on the order of
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
        foreach (var card in ordered)
        {
            diary = ImportOne(diary, card, tier, lines);
        }

        return new ContactImport(diary, new ImportReport(lines));
    }

    private static Diary ImportOne(Diary diary, ContactCard card, string tier, List<ImportLine> lines)
    {
        var emails = card.Emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).ToList();
        var phones = card.Phones.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToList();
        var match = diary.Relationships.FirstOrDefault(r => emails.Any(r.HasEmail))
            ?? diary.Relationships.FirstOrDefault(r => phones.Any(r.HasPhone));
        try
        {
            if (match is not null)
            {
                // An address or number another relationship has stays theirs: one contact point names one relationship.
                var missing = emails.Where(e => !match.HasEmail(e)).Select(e => (Value: e, Email: true, Owner: diary.Relationships.FirstOrDefault(r => r.HasEmail(e))))
                    .Concat(phones.Where(p => !match.HasPhone(p)).Select(p => (Value: p, Email: false, Owner: diary.Relationships.FirstOrDefault(r => r.HasPhone(p)))))
                    .ToList();
                var newEmails = missing.Where(x => x.Email && x.Owner is null).Select(x => x.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var newPhones = missing.Where(x => !x.Email && x.Owner is null).Select(x => x.Value).ToList();
                bool newTag = card.Organization is { } org && !match.Tags.Contains(org, StringComparer.OrdinalIgnoreCase);
                bool newBirthday = card.Birthday is not null && !HasBirthday(match);
                string others = string.Concat(missing.Where(x => x.Owner is not null)
                    .Select(x => $"; {(x.Email ? "e-mail" : "phone")} {x.Value} is {x.Owner!.Id}'s, so not added"));
                if (newEmails.Count == 0 && newPhones.Count == 0 && !newTag && !newBirthday)
                {
                    lines.Add(new ImportLine(ImportAction.Matched, card.Source, match.Id, $"{match.Name} already has these details{others}"));
                    return diary;
                }

                var updated = match.WithEmails(match.Emails.Concat(newEmails)).WithPhones(match.Phones.Concat(newPhones));
                updated = newTag ? updated.WithTags(match.Tags.Append(card.Organization!)) : updated;
                updated = newBirthday ? updated.WithImportantDates(match.ImportantDates.Append(Birthday(card.Birthday!))) : updated;
                var added = newEmails.Select(e => "e-mail " + e).Concat(newPhones.Select(p => "phone " + p)).Concat(newTag ? ["tag " + card.Organization] : [])
                    .Concat(newBirthday ? ["birthday " + card.Birthday] : []);
                lines.Add(new ImportLine(ImportAction.Updated, card.Source, match.Id, $"{match.Name}: added {string.Join(", ", added)}{others}"));
                return diary.Update(updated);
            }

            string? name = card.Name ?? emails.Select(e => e[..e.IndexOf('@', StringComparison.Ordinal)]).FirstOrDefault() ?? phones.FirstOrDefault();
            if (name is null)
            {
                lines.Add(new ImportLine(ImportAction.Skipped, card.Source, null, "no name, e-mail or phone"));
                return diary;
            }

            // The library's id from the name (as the sample's add makes it), else from an address's local part.
            string id = RelationshipIds.Unique(
                RelationshipIds.FromName(name)
                    ?? emails.Select(e => RelationshipIds.FromName(e[..e.IndexOf('@', StringComparison.Ordinal)])).FirstOrDefault(s => s is not null)
                    ?? "contact",
                diary.Contains);
            var relationship = new Relationship(id, name, tier).WithEmails(emails).WithPhones(phones);
            relationship = card.Organization is { } organization ? relationship.WithTags([organization]) : relationship;
            relationship = card.Birthday is { } birthday ? relationship.WithImportantDates([Birthday(birthday)]) : relationship;
            string details = string.Join(", ", relationship.Emails.Concat(relationship.Phones));
            lines.Add(new ImportLine(ImportAction.Added, card.Source, id, $"{name}, {tier}{(details.Length > 0 ? ": " + details : string.Empty)}"));
            return diary.Add(relationship);
        }
        catch (ArgumentException e)
        {
            lines.Add(new ImportLine(ImportAction.Skipped, card.Source, match?.Id, e.Message.Split('\n')[0]));
            return diary;
        }
    }

    /// <summary>A relationship has a birthday when one of its dates is labelled so (ignoring case).</summary>
    private static bool HasBirthday(Relationship relationship) =>
        relationship.ImportantDates.Any(d => d.Label.Equals("birthday", StringComparison.OrdinalIgnoreCase));

    /// <summary>The birthday as an important date, with its year when the file gives one.</summary>
    private static ImportantDate Birthday(ContactBirthday birthday) => ImportantDate.Yearly("birthday", birthday.Day, birthday.Year);
}
