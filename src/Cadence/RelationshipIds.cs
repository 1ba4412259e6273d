using System;
using System.Globalization;
using System.Text;
using Cadence.Internal;

namespace Cadence;

/// <summary>
/// Relationship ids made from names, one rule for every host: "Zoë Müller" is <c>zoe-muller</c>, "陈静" <c>chenjing</c>
/// (AnyAscii's transliteration), and a second Zoë Müller <c>zoe-muller-2</c>.
/// </summary>
/// <example>
/// <code>
/// string id = RelationshipIds.Unique(RelationshipIds.FromName(name) ?? "contact", diary.Contains);
/// </code>
/// </example>
public static class RelationshipIds
{
    /// <summary>The longest id <see cref="FromName"/> makes.</summary>
    public const int MaxLength = 60;

    /// <summary>
    /// An id made from a name: the name transliterated to ASCII (AnyAscii: "Zoë" is "Zoe", "Straße" "Strasse", "陈静"
    /// "chenjing", "🙂" "slight smile"), its letters and digits in lower case, one hyphen wherever anything else comes
    /// between them, at most <see cref="MaxLength"/> characters (cut at a hyphen's end).
    /// </summary>
    /// <param name="name">The name (or any text: an e-mail address's local part).</param>
    /// <returns>The id, or <see langword="null"/> when the name has no letter or digit to make one of ("!?", blank).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static string? FromName(string name)
    {
        var text = new StringBuilder();
        foreach (char c in AnyAscii.Transliteration.Transliterate(Guard.NotNull(name, nameof(name))))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
            else if (text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }

        string id = text.ToString().Trim('-');
        return id.Length == 0 ? null : id.Length > MaxLength ? id[..MaxLength].Trim('-') : id;
    }

    /// <summary>
    /// A name as people's names are compared (contacts matched by name): transliterated as <see cref="FromName"/> does
    /// ("Ольга Петрова" is "Ol'ga Petrova"), split into words at spaces and commas, each word its letters and digits
    /// in lower case ("Ol'ga" is "olga", "Müller" "muller"), the words in ordinal order and joined by one space. So
    /// "Maria Rossi", "Rossi, Maria", "MARÍA  ROSSI" and "rossi maria" have the key "maria rossi", and "Ольга Петрова"
    /// and "Olga Petrova" the key "olga petrova"; "Maria G. Rossi" (another word) and "Anne-Marie" against "Anne Marie"
    /// (one word against two) do not match.
    /// </summary>
    /// <param name="name">The name.</param>
    /// <returns>The key, or <see langword="null"/> when the name has no letter or digit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static string? NameKey(string name)
    {
        string ascii = AnyAscii.Transliteration.Transliterate(Guard.NotNull(name, nameof(name)));
        var words = new System.Collections.Generic.List<string>();
        var word = new StringBuilder();
        foreach (char c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if ((char.IsWhiteSpace(c) || c == ',') && word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        words.Sort(StringComparer.Ordinal);
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    /// <summary>
    /// The id itself when it is free, else the first of <c>id-2</c>, <c>id-3</c>, … that is: ids are compared as
    /// <paramref name="isTaken"/> compares them (<c>diary.Contains</c>: ordinally).
    /// </summary>
    /// <param name="id">The id wanted, one line of printable text.</param>
    /// <param name="isTaken">Whether an id is already taken.</param>
    /// <returns>An id <paramref name="isTaken"/> says is free.</returns>
    /// <exception cref="ArgumentException">A null argument, or an id that is blank or not one line of printable text.</exception>
    public static string Unique(string id, Func<string, bool> isTaken)
    {
        Guard.Id(id, nameof(id));
        Guard.NotNull(isTaken, nameof(isTaken));
        string unique = id;
        for (int n = 2; isTaken(unique); n++)
        {
            unique = id + "-" + n.ToString(CultureInfo.InvariantCulture);
        }

        return unique;
    }
}
