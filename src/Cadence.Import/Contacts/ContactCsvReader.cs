using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CsvHelper;

namespace Cadence.Import;

/// <summary>
/// Reads contacts from a CSV file (CsvHelper) in one of three layouts, told apart by the header row:
/// <list type="bullet">
/// <item><description><b>Google Contacts</b>: <c>First Name</c>, <c>Middle Name</c>, <c>Last Name</c> (or the older
/// <c>Name</c>, <c>Given Name</c>, <c>Family Name</c>), <c>E-mail 1 - Value</c>…, <c>Phone 1 - Value</c>…,
/// <c>Organization Name</c> (or <c>Organization 1 - Name</c>), <c>Birthday</c>; a cell may hold several values
/// separated by <c> ::: </c>.</description></item>
/// <item><description><b>Outlook</b>: <c>First Name</c>, <c>Middle Name</c>, <c>Last Name</c>, <c>E-mail Address</c>,
/// <c>E-mail 2 Address</c>, <c>E-mail 3 Address</c>, the phone columns (<c>Business Phone</c>, <c>Mobile Phone</c>,
/// <c>Home Phone</c>…), <c>Company</c>, <c>Birthday</c> (<c>4/15/1980</c>; <c>0/0/00</c> for none).</description></item>
/// <item><description><b>Plain</b>: <c>name,email,phone,organization,birthday</c> (any case, any order, only
/// <c>name</c> and one of <c>email</c> or <c>phone</c> needed); several e-mails or phones separated by
/// <c>;</c>.</description></item>
/// </list>
/// A UTF-8 byte order mark, quoted fields with commas and line breaks, and blank lines are read as CSV allows; a row
/// with bad quoting or fewer fields than the header is a problem line, and the rest is read.
/// </summary>
public static class ContactCsvReader
{
    private static readonly string[] OutlookPhones =
        ["Primary Phone", "Mobile Phone", "Business Phone", "Business Phone 2", "Home Phone", "Home Phone 2", "Other Phone", "Company Main Phone"];

    /// <summary>Reads every contact of a CSV text.</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>The contacts, and what could not be read.</returns>
    public static ContactReadResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(new StringReader(text));
    }

    /// <summary>Reads every contact from a reader (to its end).</summary>
    /// <param name="reader">The file's text.</param>
    /// <returns>The contacts, and what could not be read.</returns>
    public static ContactReadResult Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var cards = new List<ContactCard>();
        var problems = new List<ImportLine>();
        var options = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            OnMalformedRecord = record => problems.Add(Malformed(record)),
        };
        using var csv = CsvReader.Create(reader, options, true);
        try
        {
            csv.ReadHeader();
        }
        catch (Exception e) when (e is CsvFormatException or InvalidOperationException or InvalidDataException)
        {
            problems.Add(new ImportLine(ImportAction.Skipped, "the file", null, "is empty: no header row"));
            return new ContactReadResult(cards, problems);
        }

        var header = csv.Headers;
        var columns = header.Select((h, i) => (Name: h.Trim().TrimStart('\uFEFF'), i)).GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
        var layout = Detect(columns);
        if (layout is null)
        {
            problems.Add(new ImportLine(ImportAction.Skipped, "the file", null, "has a header that is not a Google or Outlook export, nor name,email,phone,organization,birthday"));
            return new ContactReadResult(cards, problems);
        }

        while (csv.Read())
        {
            string source = $"line {csv.LineNumber}";
            string Field(string name) => columns.TryGetValue(name, out int i) && i < csv.FieldCount ? csv.GetString(i) : string.Empty;
            cards.Add(layout switch
            {
                Layout.Google => Google(Field, columns, source, problems),
                Layout.Outlook => Outlook(Field, source, problems),
                _ => Plain(Field, source, problems),
            });
        }

        return new ContactReadResult(cards, problems);
    }

    /// <summary>
    /// A row that could not be read; when it runs over several lines (a quote left open swallows the rows after it, to
    /// the next quote or to the end of the file), every line it took is named and counted, so no row is lost silently.
    /// </summary>
    private static ImportLine Malformed(CsvMalformedRecord record)
    {
        string raw = record.RawRecord ?? string.Empty;
        int breaks = raw.TrimEnd('\r', '\n').Count(c => c == '\n');
        if (breaks > 0)
        {
            long last = record.LineNumber + breaks;
            return new ImportLine(
                ImportAction.Skipped,
                $"lines {record.LineNumber} to {last}",
                null,
                $"a quote opened on line {record.LineNumber} runs to line {last}: {breaks + 1} rows not read; close the quote and import again");
        }

        return new ImportLine(ImportAction.Skipped, $"line {record.LineNumber}", null, record.Reason switch
        {
            CsvMalformedReason.FieldCountMismatch => "has another number of fields than the header; the row was skipped",
            _ => $"is not valid CSV ({record.Reason}): \"{ContactValues.Shorten(raw)}\"; the row was skipped",
        });
    }

    private enum Layout
    {
        Google,
        Outlook,
        Plain,
    }

    private static Layout? Detect(Dictionary<string, int> columns) =>
        columns.ContainsKey("E-mail 1 - Value") || columns.ContainsKey("Phone 1 - Value") ? Layout.Google
        : columns.ContainsKey("E-mail Address") && columns.ContainsKey("First Name") ? Layout.Outlook
        : columns.ContainsKey("name") && (columns.ContainsKey("email") || columns.ContainsKey("phone")) ? Layout.Plain
        : null;

    private static ContactCard Google(Func<string, string> field, Dictionary<string, int> columns, string source, List<ImportLine> problems)
    {
        var emails = new List<string>();
        var phones = new List<string>();
        foreach (var (column, _) in columns.OrderBy(c => c.Value))
        {
            bool email = column.StartsWith("E-mail ", StringComparison.OrdinalIgnoreCase) && column.EndsWith(" - Value", StringComparison.OrdinalIgnoreCase);
            bool phone = column.StartsWith("Phone ", StringComparison.OrdinalIgnoreCase) && column.EndsWith(" - Value", StringComparison.OrdinalIgnoreCase);
            if (email || phone)
            {
                foreach (string value in field(column).Split(":::", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    ContactValues.Add(email ? emails : phones, value, email, source, problems);
                }
            }
        }

        string? name = Name(field("First Name"), field("Middle Name"), field("Last Name")) ?? ContactValues.Clean(field("Name")) ?? Name(field("Given Name"), field("Additional Name"), field("Family Name"));
        string? organization = ContactValues.Clean(field("Organization Name")) ?? ContactValues.Clean(field("Organization 1 - Name"));
        return new ContactCard(name, emails, phones, organization, Birthday(field("Birthday"), source, problems), source);
    }

    private static ContactCard Outlook(Func<string, string> field, string source, List<ImportLine> problems)
    {
        var emails = new List<string>();
        var phones = new List<string>();
        foreach (string column in new[] { "E-mail Address", "E-mail 2 Address", "E-mail 3 Address" })
        {
            ContactValues.Add(emails, field(column), email: true, source, problems);
        }

        foreach (string column in OutlookPhones)
        {
            ContactValues.Add(phones, field(column), email: false, source, problems);
        }

        string birthday = field("Birthday");
        var day = birthday.Trim() is "" or "0/0/00" or "0/0/0000" ? null : Birthday(birthday, source, problems);
        return new ContactCard(Name(field("First Name"), field("Middle Name"), field("Last Name")), emails, phones, ContactValues.Clean(field("Company")), day, source);
    }

    private static ContactCard Plain(Func<string, string> field, string source, List<ImportLine> problems)
    {
        var emails = new List<string>();
        var phones = new List<string>();
        foreach (string value in field("email").Split(';'))
        {
            ContactValues.Add(emails, value, email: true, source, problems);
        }

        foreach (string value in field("phone").Split(';'))
        {
            ContactValues.Add(phones, value, email: false, source, problems);
        }

        return new ContactCard(ContactValues.Clean(field("name")), emails, phones, ContactValues.Clean(field("organization")), Birthday(field("birthday"), source, problems), source);
    }

    private static ContactBirthday? Birthday(string text, string source, List<ImportLine> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var birthday = ContactBirthday.Parse(text);
        if (birthday is null)
        {
            problems.Add(new ImportLine(ImportAction.Skipped, source, null, $"birthday \"{ContactValues.Shorten(text)}\" is not a date; the rest was read"));
        }

        return birthday;
    }

    private static string? Name(params string[] parts) => ContactValues.Clean(string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim())));

}
