using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Cadence.Import;

/// <summary>
/// Reads contacts from vCard 2.1, 3.0 and 4.0 files (Apple, Google and Outlook exports), on the content-line rules of
/// RFC 6350 and RFC 2426: lines unfolded (a line that starts with a space or tab continues the one before), property
/// groups (<c>item1.EMAIL</c>), parameters (quoted or not), escaping (<c>\n \, \; \\</c>), vCard 2.1's
/// <c>ENCODING=QUOTED-PRINTABLE</c> (with soft line breaks) and <c>CHARSET</c> (UTF-8 by default; Windows-1252 and
/// ISO-8859-1 are read as Windows-1252). It reads FN (or a name made from N), EMAIL, TEL (a <c>tel:</c> URI too), the
/// first part of ORG, and BDAY (with or without a year, Apple's X-APPLE-OMIT-YEAR too); other properties are skipped.
/// A broken line or card does not stop the read: it is a problem line, and the rest is read.
/// </summary>
public static class VCardReader
{
    /// <summary>Reads every card of a vCard text.</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>The cards, and what could not be read.</returns>
    public static ContactReadResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cards = new List<ContactCard>();
        var problems = new List<ImportLine>();
        Card? card = null;
        foreach (var (line, number) in Unfold(text))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var (name, valueAt) = IcsText.Split(line);
            if (valueAt < 0)
            {
                problems.Add(new ImportLine(ImportAction.Skipped, $"line {number}", null, $"\"{ContactValues.Shorten(line)}\" is not a property (no ':')"));
                continue;
            }

            string property = name.Split(';')[0];
            property = property[(property.LastIndexOf('.') + 1)..];
            string value = line[valueAt..];
            if (property == "BEGIN" && value.Trim().Equals("VCARD", StringComparison.OrdinalIgnoreCase))
            {
                if (card is not null)
                {
                    problems.Add(new ImportLine(ImportAction.Skipped, card.Source, null, "has no END:VCARD; read up to the next card"));
                    cards.Add(card.Finish());
                }

                card = new Card($"card at line {number}");
                continue;
            }

            if (card is null)
            {
                problems.Add(new ImportLine(ImportAction.Skipped, $"line {number}", null, $"{property} is outside a card (no BEGIN:VCARD before it)"));
                continue;
            }

            if (property == "END")
            {
                cards.Add(card.Finish());
                card = null;
                continue;
            }

            card.Read(property, Parameters(line[..(valueAt - 1)]), value, $"line {number}", problems);
        }

        if (card is not null)
        {
            problems.Add(new ImportLine(ImportAction.Skipped, card.Source, null, "has no END:VCARD"));
            cards.Add(card.Finish());
        }

        return new ContactReadResult(cards, problems);
    }

    /// <summary>Reads every card from a reader (to its end).</summary>
    /// <param name="reader">The file's text.</param>
    /// <returns>The cards, and what could not be read.</returns>
    public static ContactReadResult Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Read(reader.ReadToEnd());
    }

    /// <summary>Logical lines: folded lines joined, and quoted-printable soft line breaks (a line ending in '=') too.</summary>
    private static IEnumerable<(string Line, int Number)> Unfold(string text)
    {
        var current = new StringBuilder();
        int start = 0, number = 0;
        bool softBreak = false, quotedPrintable = false;
        foreach (string raw in text.Split('\n'))
        {
            number++;
            string line = raw.EndsWith('\r') ? raw[..^1] : raw;
            if (softBreak || (current.Length > 0 && line.Length > 0 && line[0] is ' ' or '\t'))
            {
                current.Append(softBreak ? line : line[1..]);
            }
            else
            {
                if (current.Length > 0)
                {
                    yield return (current.ToString(), start);
                }

                current.Clear().Append(line);
                start = number;

                // Decided once, from the line's own head: looking at the head of a long joined line again on every soft
                // break made reading grow with the square of the value.
                quotedPrintable = IsQuotedPrintable(line);
            }

            softBreak = quotedPrintable && line.Length > 0 && line[^1] == '=';
            if (softBreak)
            {
                current.Length--;
            }
        }

        if (current.Length > 0)
        {
            yield return (current.ToString(), start);
        }
    }

    private static bool IsQuotedPrintable(string line)
    {
        var head = line.AsSpan(0, Math.Min(line.Length, 200));
        int colon = head.IndexOf(':');
        return colon > 0 && head[..colon].Contains("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The parameters: NAME=value (quotes removed, upper-case names); a bare one (vCard 2.1's <c>TEL;WORK</c>) is a TYPE.</summary>
    private static Dictionary<string, string> Parameters(string head)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var parts = head.Split(';');
        foreach (string part in parts.Skip(1))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            string key = eq < 0 ? "TYPE" : part[..eq].Trim();
            string value = eq < 0 ? part.Trim() : part[(eq + 1)..].Trim().Trim('"');
            parameters[key] = parameters.TryGetValue(key, out var before) ? before + "," + value : value;
        }

        return parameters;
    }

    /// <summary>A property's text: quoted-printable decoded in its charset, then vCard escapes undone.</summary>
    private static string Text(string value, Dictionary<string, string> parameters)
    {
        if (parameters.TryGetValue("ENCODING", out var encoding) && encoding.Equals("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase))
        {
            value = DecodeQuotedPrintable(value, parameters.TryGetValue("CHARSET", out var charset) ? charset : "UTF-8");
        }

        return value;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static string DecodeQuotedPrintable(string value, string charset)
    {
        // One pass: the text between escapes is encoded a run at a time (so a character outside the BMP stays whole).
        var bytes = new List<byte>(value.Length);
        int run = 0;
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == '=' && i + 2 < value.Length && Uri.IsHexDigit(value[i + 1]) && Uri.IsHexDigit(value[i + 2]))
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value, run, i - run));
                bytes.Add((byte)((HexValue(value[i + 1]) << 4) | HexValue(value[i + 2])));
                i += 2;
                run = i + 1;
            }
        }

        bytes.AddRange(Encoding.UTF8.GetBytes(value, run, value.Length - run));

        return charset.Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant() is "UTF8"
            ? Encoding.UTF8.GetString([.. bytes])
            : Windows1252([.. bytes]);
    }

    /// <summary>Windows-1252 (a superset of ISO-8859-1 but for 0x80 to 0x9F), without registering code pages process-wide.</summary>
    private static string Windows1252(byte[] bytes)
    {
        const string high = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
        var text = new StringBuilder(bytes.Length);
        foreach (byte b in bytes)
        {
            text.Append(b is >= 0x80 and <= 0x9F ? high[b - 0x80] : (char)b);
        }

        return text.ToString();
    }

    /// <summary>The parts of a structured value (N, ORG), split at unescaped ';', each unescaped.</summary>
    private static List<string> Components(string value)
    {
        var parts = new List<string>();
        var part = new StringBuilder();
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '\\' && i + 1 < value.Length)
            {
                char next = value[++i];
                part.Append(next is 'n' or 'N' ? '\n' : next);
            }
            else if (c == ';')
            {
                parts.Add(part.ToString().Trim());
                part.Clear();
            }
            else
            {
                part.Append(c);
            }
        }

        parts.Add(part.ToString().Trim());
        return parts;
    }

    /// <summary>One card as it is read.</summary>
    private sealed class Card(string source)
    {
        private readonly List<string> _emails = [];
        private readonly List<string> _phones = [];
        private string? _formatted;
        private string? _structured;
        private string? _organization;
        private ContactBirthday? _birthday;

        public string Source { get; } = source;

        public void Read(string property, Dictionary<string, string> parameters, string raw, string line, List<ImportLine> problems)
        {
            if (parameters.TryGetValue("ENCODING", out var encoding) && encoding.ToUpperInvariant() is "B" or "BASE64")
            {
                return;
            }

            string value = Text(raw, parameters);
            switch (property)
            {
                case "FN":
                    _formatted = ContactValues.Clean(string.Join(';', Components(value))) ?? _formatted;
                    break;
                case "N":
                    // Family;Given;Middle;Prefix;Suffix.
                    var n = Components(value).Concat(Enumerable.Repeat(string.Empty, 5)).ToList();
                    _structured = ContactValues.Clean(string.Join(' ', new[] { n[3], n[1], n[2], n[0], n[4] }.Where(p => p.Length > 0)));
                    break;
                case "EMAIL":
                    ContactValues.Add(_emails, Components(value)[0], email: true, line, problems);
                    break;
                case "TEL":
                    ContactValues.Add(_phones, Components(value)[0], email: false, line, problems);
                    break;
                case "ORG":
                    _organization = ContactValues.Clean(Components(value)[0]);
                    break;
                case "BDAY":
                    int? omitted = parameters.TryGetValue("X-APPLE-OMIT-YEAR", out var year) && int.TryParse(year, out int y) ? y : null;
                    _birthday = ContactBirthday.Parse(value, omitted);
                    if (_birthday is null)
                    {
                        problems.Add(new ImportLine(ImportAction.Skipped, line, null, $"BDAY \"{ContactValues.Shorten(value)}\" is not a date; the rest was read"));
                    }

                    break;
            }
        }

        public ContactCard Finish() => new(_formatted ?? _structured, _emails, _phones, _organization, _birthday, Source);
    }
}
