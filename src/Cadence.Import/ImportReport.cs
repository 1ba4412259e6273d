using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Cadence.Import;

/// <summary>What an import did: a line per thing it read, in the order read, and the counts by action.</summary>
public sealed class ImportReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="lines">The lines, in the order the things were read.</param>
    public ImportReport(IEnumerable<ImportLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Lines = lines.ToImmutableArray();
        if (Lines.Any(l => l is null))
        {
            throw new ArgumentException("A report line must not be null.", nameof(lines));
        }
    }

    /// <summary>The lines, in the order the things were read.</summary>
    public IReadOnlyList<ImportLine> Lines { get; }

    /// <summary>How many lines have this action.</summary>
    /// <param name="action">The action.</param>
    /// <returns>The count.</returns>
    public int Count(ImportAction action) => Lines.Count(l => l.Action == action);

    /// <summary>The lines skipped, with their reasons.</summary>
    public IEnumerable<ImportLine> Skipped => Lines.Where(l => l.Action == ImportAction.Skipped);

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(", ", Enum.GetValues<ImportAction>().Select(a => (a, n: Count(a))).Where(x => x.n > 0).Select(x => $"{x.n} {x.a}"));
}
