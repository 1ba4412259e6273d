using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Cadence.Planning;

/// <summary>
/// What the scheduler derives from a <see cref="Diary"/> before it plans: each relationship's touches side by side,
/// earliest first in <see cref="TouchOrder"/>, with the few facts planning reads packed in eight bytes each
/// (<see cref="TouchFacts"/>), the diary's distinct media, the latest touch's day and the relationships in id order.
/// Built once per diary instance, on the first plan, and kept by the scheduler beside the diary (a weak table: the
/// diary knows nothing of it, and it goes when the diary goes), so that
/// replanning one relationship costs microseconds and planning a million reads memory in order. See docs/design.md,
/// "Fast paths".
/// </summary>
internal sealed class DiaryIndex
{
    private readonly string?[] _media;
    private OnlineMediaFlags? _onlineMedia;

    private DiaryIndex(Diary diary)
    {
        Diary = diary;
        GroupedTouches = diary.TouchesByRelationship.ToArray();
        (GroupedFacts, _media, LastTouchDay, HasFollowUps) = Facts(diary.TouchArray, diary.TouchStart, GroupedTouches);
        OrdinalOrder = Ordinal(diary);
        LatestEntryDay = diary.LatestCommitmentOrMoveDay() is { } day ? Math.Max(LastTouchDay, day.ToDateOnly().DayNumber) : LastTouchDay;
    }

    /// <summary>The diary indexed.</summary>
    internal Diary Diary { get; }

    /// <summary>Relationship indexes ordered by id (ordinal).</summary>
    internal int[] OrdinalOrder { get; }

    /// <summary>The day number of the latest touch, or <see cref="int.MinValue"/> when there is none.</summary>
    internal int LastTouchDay { get; }

    /// <summary>
    /// The day number of the latest day the diary dates anything on (a touch, a commitment or a move made or closed):
    /// a plan of an earlier day plans the diary cut at that day (<see cref="Diary.AsOf"/>).
    /// </summary>
    internal int LatestEntryDay { get; }

    /// <summary>Whether any touch carries its own follow-up ladder (or says it has none).</summary>
    internal bool HasFollowUps { get; }

    /// <summary>The touches' indexes in the diary, grouped by relationship, each group earliest first (see <see cref="TouchOrder"/>).</summary>
    internal int[] GroupedTouches { get; }

    /// <summary>The touches' facts, in the order of <see cref="GroupedTouches"/>.</summary>
    internal TouchFacts[] GroupedFacts { get; }

    /// <summary>The diary's distinct media; <see cref="TouchFacts.Medium"/> indexes it, and index 0 is "none".</summary>
    internal ReadOnlySpan<string?> Media => _media;

    /// <summary>Builds the index of a diary (a <see cref="Scheduler"/> keeps the ones it built, by diary).</summary>
    /// <param name="diary">The diary.</param>
    /// <returns>Its index.</returns>
    internal static DiaryIndex Of(Diary diary) => new(diary);

    /// <summary>Where a relationship's touches are in <see cref="GroupedTouches"/> and <see cref="GroupedFacts"/>.</summary>
    /// <param name="relationshipIndex">The relationship's index in the diary.</param>
    /// <returns>The start and the count.</returns>
    internal (int Start, int Count) TouchRange(int relationshipIndex)
    {
        // The groups have the diary's bounds: sorting happens within a relationship's run.
        var start = Diary.TouchStart;
        return (start[relationshipIndex], start[relationshipIndex + 1] - start[relationshipIndex]);
    }

    /// <summary>
    /// For each of <see cref="Media"/>, whether a note with it is online under these options. Built once per options
    /// (the last options asked for are remembered).
    /// </summary>
    /// <param name="options">The scheduler's options.</param>
    /// <returns>One flag per medium.</returns>
    internal bool[] OnlineMedia(SchedulerOptions options)
    {
        var cached = Volatile.Read(ref _onlineMedia);
        if (cached is null || !ReferenceEquals(cached.Options, options))
        {
            var flags = new bool[_media.Length];
            for (int i = 1; i < flags.Length; i++)
            {
                flags[i] = options.IsOnlineNoteMedium(_media[i]!);
            }

            cached = new OnlineMediaFlags(options, flags);
            Volatile.Write(ref _onlineMedia, cached);
        }

        return cached.Flags;
    }

    private static int[] Ordinal(Diary diary)
    {
        var relationships = diary.RelationshipArray;
        var order = new int[relationships.Length];
        var ids = new string[relationships.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
            ids[i] = relationships[i].Id;
        }

        Array.Sort(ids, order, StringComparer.Ordinal);
        return order;
    }

    /// <summary>
    /// Packs what the scheduler reads of each touch, in one pass in the order given (the order the touches lie in
    /// memory), then sorts each relationship's touches into the scheduler's order, earliest first: by day, and by
    /// <see cref="TouchOrder"/> within a day. Also finds the distinct media and the latest day.
    /// </summary>
    private static (TouchFacts[] Facts, string?[] Media, int LastDay, bool FollowUps) Facts(System.Collections.Immutable.ImmutableArray<Touch> touches, ReadOnlySpan<int> start, int[] grouped)
    {
        var media = new List<string?> { null };
        var mediumIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var recent = new string?[8];
        var recentIndex = new int[8];
        int lastDay = int.MinValue;
        bool followUps = false;
        var byPosition = new TouchFacts[touches.Length];
        for (int i = 0; i < touches.Length; i++)
        {
            var touch = touches[i];
            int medium = 0;
            if (touch.Medium is { } name)
            {
                // Media repeat ("email", "coffee"): most are found among the last few strings seen, by reference.
                int slot = (int)((uint)RuntimeHelpers.GetHashCode(name) % (uint)recent.Length);
                if (ReferenceEquals(recent[slot], name))
                {
                    medium = recentIndex[slot];
                }
                else
                {
                    if (!mediumIndex.TryGetValue(name, out medium))
                    {
                        medium = media.Count;
                        media.Add(name);
                        mediumIndex.Add(name, medium);
                    }

                    recent[slot] = name;
                    recentIndex[slot] = medium;
                }
            }

            int day = touch.Date.ToDateOnly().DayNumber;
            lastDay = Math.Max(lastDay, day);
            followUps |= touch.FollowUp is not null;
            byPosition[i] = new TouchFacts(day, touch.Channel, touch.Direction, touch.Outcome, medium);
        }

        var facts = new TouchFacts[grouped.Length];
        for (int g = 0; g < grouped.Length; g++)
        {
            facts[g] = byPosition[grouped[g]];
        }

        var order = TouchOrder.Instance;
        for (int r = 0; r + 1 < start.Length; r++)
        {
            // Insertion sort: a diary kept as a log is in date order already, and groups are small. Touches are read
            // only to break a tie between two on the same day.
            for (int i = start[r] + 1; i < start[r + 1]; i++)
            {
                int item = grouped[i];
                var fact = facts[i];
                int j = i - 1;
                while (j >= start[r]
                    && (facts[j].Day > fact.Day
                        || (facts[j].Day == fact.Day && order.Compare(touches[grouped[j]], touches[item]) > 0)))
                {
                    grouped[j + 1] = grouped[j];
                    facts[j + 1] = facts[j];
                    j--;
                }

                grouped[j + 1] = item;
                facts[j + 1] = fact;
            }
        }

        return (facts, media.ToArray(), lastDay, followUps);
    }

    /// <summary>Which media are online under some options.</summary>
    private sealed record OnlineMediaFlags(SchedulerOptions Options, bool[] Flags);
}
