using System;
using System.Text;
using System.Text.RegularExpressions;

namespace Cadence.Internal;

/// <summary>How e-mail addresses and phone numbers are checked and compared.</summary>
internal static partial class ContactPoints
{
    /// <summary>The longest address a mail path can carry (RFC 5321: 254 characters).</summary>
    internal const int MaxEmailLength = 254;

    /// <summary>
    /// An e-mail address as the library keeps it: trimmed, one '@' with text on both sides, no spaces, control
    /// characters or the separators that would make it a list or a display form (<c>&lt; &gt; , ; "</c>).
    /// </summary>
    internal static string Email(string? email, string paramName)
    {
        if (email is null)
        {
            throw new ArgumentNullException(paramName, "An e-mail address must not be null.");
        }

        string trimmed = email.Trim();
        int at = trimmed.IndexOf('@', StringComparison.Ordinal);
        bool ok = trimmed.Length is > 2 and <= MaxEmailLength
            && at > 0
            && at < trimmed.Length - 1
            && trimmed.IndexOf('@', at + 1) < 0
            && trimmed.AsSpan().IndexOfAny(" \t\r\n<>,;\"") < 0
            && !trimmed.AsSpan().ContainsAnyInRange('\0', '\u001f')
            && !trimmed.Contains('\u007f', StringComparison.Ordinal);
        if (!ok)
        {
            throw new ArgumentException($"\"{Guard.Shorten(email)}\" ({paramName}) is not an e-mail address: one '@' with text on both sides, no spaces, at most {MaxEmailLength} characters.", paramName);
        }

        return trimmed;
    }

    /// <summary>An address to compare: trimmed, without a leading <c>mailto:</c> (any case); <see langword="null"/> for none.</summary>
    internal static string? EmailKey(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var span = email.AsSpan().Trim();
        if (span.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            span = span[7..].Trim();
        }

        return span.Length == 0 ? null : span.ToString();
    }

    /// <summary>A phone number as the library keeps it: trimmed, digits and <c>+ ( ) - . /</c> and spaces, an optional extension.</summary>
    internal static string Phone(string? phone, string paramName)
    {
        if (phone is null)
        {
            throw new ArgumentNullException(paramName, "A phone number must not be null.");
        }

        string trimmed = phone.Trim();
        if (trimmed.Length > 64 || !PhoneForm().IsMatch(trimmed) || Digits(trimmed) < 3)
        {
            throw new ArgumentException($"\"{Guard.Shorten(phone)}\" ({paramName}) is not a phone number: at least three digits, with only spaces and + ( ) - . / between them, and an optional extension (\"x12\").", paramName);
        }

        return trimmed;
    }

    /// <summary>What two numbers are compared by: a leading '+' and the digits (an extension after an 'x').</summary>
    internal static string PhoneKey(string phone)
    {
        var key = new StringBuilder(phone.Length);
        var span = phone.AsSpan().Trim();
        if (span.Length > 0 && span[0] == '+')
        {
            key.Append('+');
        }

        foreach (char c in span)
        {
            if (char.IsAsciiDigit(c))
            {
                key.Append(c);
            }
            else if (c is 'x' or 'X' && key.Length > 0 && key[^1] != 'x')
            {
                key.Append('x');
            }
        }

        return key.ToString();
    }

    private static int Digits(string text)
    {
        int n = 0;
        foreach (char c in text)
        {
            n += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return n;
    }

    [GeneratedRegex(@"^\+?[0-9 ()./\-]+(\s*(?:x|ext\.?)\s*[0-9]+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhoneForm();
}
