using System;
using System.Collections.Generic;
using System.Linq;

namespace Cadence.Import;

/// <summary>The core's checks of e-mail addresses and phone numbers, for readers that report a bad value instead of failing.</summary>
internal static class ContactValues
{
    private static readonly Relationship Probe = new("probe", "Probe", "probe");

    /// <summary>Adds a value the core takes to <paramref name="values"/>, or a problem naming it.</summary>
    internal static void Add(List<string> values, string? value, bool email, string source, List<ImportLine> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        string trimmed = value.Trim();
        if (email && trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[7..].Trim();
        }
        else if (!email && trimmed.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[4..].Trim();
        }

        try
        {
            _ = email ? Probe.WithEmails([trimmed]) : Probe.WithPhones([trimmed]);
            values.Add(trimmed);
        }
        catch (ArgumentException)
        {
            problems.Add(new ImportLine(ImportAction.Skipped, source, null, $"{(email ? "e-mail" : "phone")} \"{Shorten(trimmed)}\" is not {(email ? "an e-mail address" : "a phone number")}; the rest was read"));
        }
    }

    /// <summary>A name or text as the core takes it: control characters out, trimmed; <see langword="null"/> when blank.</summary>
    internal static string? Clean(string text)
    {
        var clean = new string([.. text.Where(c => !char.IsControl(c))]).Trim();
        return clean.Length == 0 ? null : clean;
    }

    /// <summary>A value quoted in a message: at most 40 characters, control characters shown as '?'.</summary>
    internal static string Shorten(string text)
    {
        var clean = new string([.. text.Select(c => char.IsControl(c) ? '?' : c)]);
        return clean.Length <= 40 ? clean : clean[..37] + "...";
    }
}
