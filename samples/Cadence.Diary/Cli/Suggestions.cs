using System;
using System.Collections.Generic;
using System.Linq;

namespace Cadence.Sample.Cli;

/// <summary>"Did you mean …?" for an unknown id: the nearest known ids by edit distance, or those that contain it.</summary>
internal static class Suggestions
{
    private const int Most = 3;

    /// <summary>" (did you mean sam-okafor?)", or nothing when no id is near.</summary>
    public static string For(string input, IEnumerable<string> known)
    {
        string wanted = input.Trim().ToLowerInvariant();
        if (wanted.Length == 0 || wanted.Length > 200)
        {
            return string.Empty;
        }

        int allowed = Math.Max(2, wanted.Length / 3);
        var near = known
            .Select(id => (Id: id, Distance: Distance(wanted, id.ToLowerInvariant())))
            .Select(c => c.Id.Contains(wanted, StringComparison.OrdinalIgnoreCase) ? c with { Distance = Math.Min(c.Distance, 1) } : c)
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(Most)
            .Select(c => Text.Printable(c.Id))
            .ToList();
        return near.Count == 0 ? string.Empty : $" (did you mean {string.Join(" or ", near)}?)";
    }

    /// <summary>Levenshtein distance, on two rows.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
