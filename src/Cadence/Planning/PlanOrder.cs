using System;
using NodaTime;

namespace Cadence.Planning;

/// <summary>Puts planned touches in plan order: by due day, then by relationship id (ordinal).</summary>
internal static class PlanOrder
{
    /// <summary>
    /// Sorts touches by due day, then id. When they come in id order with known ranks, a counting sort on the day
    /// keeps that order within a day (the usual case); otherwise a key sort on (day, id rank), or on (day, id) when
    /// ranks are unknown. Days before <paramref name="first"/> are handled too.
    /// </summary>
    internal static T[] ByDueThenId<T>(ReadOnlySpan<T> inIdOrder, LocalDate first, bool inIdOrderAlready = true)
        where T : PlannedTouch
    {
        int n = inIdOrder.Length;
        if (n == 0)
        {
            return [];
        }

        int origin = first.ToDateOnly().DayNumber;
        var offsets = new int[n];
        int min = int.MaxValue, max = int.MinValue;
        for (int i = 0; i < n; i++)
        {
            int offset = inIdOrder[i].Due.ToDateOnly().DayNumber - origin;
            offsets[i] = offset;
            min = Math.Min(min, offset);
            max = Math.Max(max, offset);
        }

        var result = new T[n];
        long range = (long)max - min + 1;
        bool ranked = true;
        foreach (var touch in inIdOrder)
        {
            ranked &= touch.IdRank >= 0;
        }

        if (!ranked)
        {
            inIdOrder.CopyTo(result);
            Array.Sort(result, (x, y) => x.Due.CompareTo(y.Due) is var c && c != 0 ? c : string.CompareOrdinal(x.RelationshipId, y.RelationshipId));
        }
        else if (inIdOrderAlready && range <= (4L * n) + 4096)
        {
            var starts = new int[range + 1];
            for (int i = 0; i < n; i++)
            {
                starts[offsets[i] - min + 1]++;
            }

            for (int d = 1; d < starts.Length; d++)
            {
                starts[d] += starts[d - 1];
            }

            for (int i = 0; i < n; i++)
            {
                result[starts[offsets[i] - min]++] = inIdOrder[i];
            }
        }
        else
        {
            var keys = new long[n];
            for (int i = 0; i < n; i++)
            {
                keys[i] = ((long)offsets[i] << 32) | (uint)inIdOrder[i].IdRank;
                result[i] = inIdOrder[i];
            }

            Array.Sort(keys, result);
        }

        return result;
    }
}
