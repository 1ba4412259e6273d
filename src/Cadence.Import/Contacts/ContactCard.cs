using System;
using System.Collections.Generic;
using NodaTime;

namespace Cadence.Import;

/// <summary>What one contact in a file says: a name, e-mail addresses, phone numbers, an organisation and a birthday.</summary>
/// <param name="Name">The name to show (vCard FN, or made from N; a CSV's name columns), or <see langword="null"/>.</param>
/// <param name="Emails">The e-mail addresses, in the file's order.</param>
/// <param name="Phones">The phone numbers, in the file's order.</param>
/// <param name="Organization">The organisation (vCard ORG's first part, a CSV's company), or <see langword="null"/>.</param>
/// <param name="Birthday">The birthday, with or without a year, or <see langword="null"/>.</param>
/// <param name="Source">Where in the file it is: "card at line 12", "line 4".</param>
public sealed record ContactCard(string? Name, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones, string? Organization, ContactBirthday? Birthday, string Source);

/// <summary>A birthday: a day of the year, and the year when the file gives one (an age is said only then).</summary>
/// <param name="Day">The month and day (29 February allowed).</param>
/// <param name="Year">The year, or <see langword="null"/> when the file leaves it out.</param>
public sealed record ContactBirthday(AnnualDate Day, int? Year)
{
    /// <inheritdoc/>
    public override string ToString() => Year is { } year ? $"{year:0000}-{Day.Month:00}-{Day.Day:00}" : $"--{Day.Month:00}-{Day.Day:00}";

    /// <summary>
    /// A birthday as files write it: <c>1980-04-15</c>, <c>19800415</c> (a time after it is ignored), <c>--0415</c>,
    /// <c>--04-15</c>, <c>4/15/1980</c> (Outlook, month first); a year of 1604 or 1900 marked as left out
    /// (<paramref name="omittedYear"/>, Apple's X-APPLE-OMIT-YEAR) means none. <see langword="null"/> for a text that
    /// is none of these, or Outlook's <c>0/0/00</c>.
    /// </summary>
    internal static ContactBirthday? Parse(string text, int? omittedYear = null)
    {
        string s = text.Trim();
        int? year = null;
        int month, day;
        if (s.StartsWith("--", StringComparison.Ordinal))
        {
            string digits = s[2..].Replace("-", string.Empty, StringComparison.Ordinal);
            if (digits.Length != 4 || !int.TryParse(digits[..2], out month) || !int.TryParse(digits[2..], out day))
            {
                return null;
            }
        }
        else if (s.Contains('/', StringComparison.Ordinal))
        {
            var parts = s.Split('/');
            if (parts.Length != 3 || !int.TryParse(parts[0], out month) || !int.TryParse(parts[1], out day) || !int.TryParse(parts[2], out int y) || parts[2].Length != 4)
            {
                return null;
            }

            year = y;
        }
        else
        {
            string digits = s.Length >= 10 && s[4] == '-' && s[7] == '-' ? s[..4] + s[5..7] + s[8..10] : s.Length >= 8 ? s[..8] : s;
            if (digits.Length != 8 || !int.TryParse(digits[..4], out int y) || !int.TryParse(digits[4..6], out month) || !int.TryParse(digits[6..8], out day))
            {
                return null;
            }

            year = y == omittedYear ? null : y;
        }

        if (month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(2000, month))
        {
            return null;
        }

        if (year is { } known && (known < 1900 || known > 2999 || (month == 2 && day == 29 && !CalendarSystem.Iso.IsLeapYear(known))))
        {
            return null;
        }

        return new ContactBirthday(new AnnualDate(month, day), year);
    }
}

/// <summary>What a contacts file gave: the cards read, and a line for each part that could not be read.</summary>
/// <param name="Cards">The contacts, in the file's order.</param>
/// <param name="Problems">What could not be read (skipped lines, values, cards), with the line and the reason.</param>
public sealed record ContactReadResult(IReadOnlyList<ContactCard> Cards, IReadOnlyList<ImportLine> Problems);
