using System;
using System.Collections.Generic;

namespace Cadence.Planning;

/// <summary>
/// A total order on touches, by when they happened (a touch without a time comes first on its day) and then by
/// every other field, so that choosing "the latest" touch never depends on the order of the input.
/// </summary>
internal sealed class TouchOrder : IComparer<Touch>
{
    internal static readonly TouchOrder Instance = new();

    public int Compare(Touch? x, Touch? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        int c = x.Date.CompareTo(y.Date);
        if (c != 0) return c;
        c = Nullable.Compare(x.Time, y.Time);
        if (c != 0) return c;
        // On the same day and time, the more live channel counts as the later touch: a call on the day of a
        // social touch means you have already taken it offline.
        c = y.Channel.CompareTo(x.Channel);
        if (c != 0) return c;
        c = x.Direction.CompareTo(y.Direction);
        if (c != 0) return c;
        c = x.Outcome.CompareTo(y.Outcome);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Medium, y.Medium);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Summary, y.Summary);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.FollowUp?.Name, y.FollowUp?.Name);
        if (c != 0) return c;
        return string.CompareOrdinal(x.Id, y.Id);
    }
}
