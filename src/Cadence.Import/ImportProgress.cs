using System;

namespace Cadence.Import;

/// <summary>How far an import has got: <see cref="Done"/> of <see cref="Total"/> items read (a calendar's events, or contacts).</summary>
/// <param name="Done">How many items are read so far.</param>
/// <param name="Total">How many items there are.</param>
/// <remarks>
/// Reported to an options' <c>Progress</c> about a hundred times an import, and once at the end with
/// <see cref="Done"/> equal to <see cref="Total"/>, on the thread that runs the import: a reporter that shows it
/// must be quick and must not throw.
/// </remarks>
public readonly record struct ImportProgress(int Done, int Total);

/// <summary>Counts items read and reports every hundredth of them (and the last) to a progress, if there is one.</summary>
internal sealed class ProgressCounter(IProgress<ImportProgress>? progress, int total)
{
    private readonly int _step = Math.Max(1, total / 100);
    private int _done;

    /// <summary>One more item read.</summary>
    internal void Tick()
    {
        _done++;
        if (progress is not null && (_done % _step == 0 || _done == total))
        {
            progress.Report(new ImportProgress(_done, total));
        }
    }

    /// <summary>The end: reported when nothing was (an import of nothing).</summary>
    internal void Finish()
    {
        if (progress is not null && total == 0)
        {
            progress.Report(new ImportProgress(0, 0));
        }
    }
}
