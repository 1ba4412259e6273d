using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using Cadence.Internal;
using NodaTime;

namespace Cadence;

// The diary as it stood on a past day, and the latest day it dates anything on.
public sealed partial class Diary
{
    /// <summary>
    /// The diary as it stood at the end of a day: the touches after it, the commitments and moves made after it are
    /// left out, and a commitment closed after it is open. What the diary does not date (a relationship's state, name
    /// or rule; a commitment closed on an unknown day) is kept as it is now.
    /// </summary>
    /// <param name="day">The day.</param>
    /// <returns>The diary cut at that day; this diary when nothing is after it.</returns>
    [Pure]
    public Diary AsOf(LocalDate day)
    {
        Guard.Date(day, nameof(day));
        if (LatestEntryDay() is not { } latest || latest <= day)
        {
            return this;
        }

        return With(
            touches: _touches.Where(t => t.Date <= day).ToImmutableArray(),
            commitments: _commitments
                .Where(c => c.MadeOn is not { } made || made <= day)
                .Select(c => c.ClosedOn is { } closed && closed > day ? c.Reopen() : c)
                .ToImmutableArray(),
            moves: _moves.Where(m => m.MadeOn <= day).ToImmutableArray(),
            campaigns: _campaigns.Where(c => c.Start <= day).ToImmutableArray());
    }

    /// <summary>The latest day the diary dates anything on: a touch, or the making or closing of a commitment or a move; null for none.</summary>
    internal LocalDate? LatestEntryDay()
    {
        LocalDate? latest = LatestCommitmentOrMoveDay();
        foreach (var touch in _touches)
        {
            latest = latest is { } l && l >= touch.Date ? l : touch.Date;
        }

        return latest;
    }

    /// <summary>The latest day a commitment or a move was made or closed on, or null for none.</summary>
    internal LocalDate? LatestCommitmentOrMoveDay()
    {
        LocalDate? latest = null;
        foreach (var commitment in _commitments)
        {
            latest = Later(latest, commitment.MadeOn);
            latest = Later(latest, commitment.ClosedOn);
        }

        foreach (var move in _moves)
        {
            latest = Later(latest, move.MadeOn);
        }

        return latest;
    }

    private static LocalDate? Later(LocalDate? a, LocalDate? b) => a is not { } x ? b : b is not { } y ? a : x >= y ? x : y;
}
