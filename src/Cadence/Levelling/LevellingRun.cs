using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using Cadence.Calendars;
using Cadence.Explanations;
using Cadence.Planning;
using NodaTime;

namespace Cadence.Levelling;

/// <summary>
/// One levelling of one plan by a <see cref="Leveller"/>: the greedy of <see cref="Leveller.Level"/> on flat arrays.
/// See docs/design.md, "Fast paths", and tests/Cadence.Tests/Levelling/ReferenceLeveller.cs, the readable
/// specification this must equal.
/// Touches are known by their id rank (their index in arrays sized by the ranks); days by their offset from the plan's
/// day; the touches waiting are one <see cref="LevellingQueue"/> per channel. Used once, by one thread.
/// </summary>
/// <remarks>
/// <para>
/// Three passes. The first reads every touch once, in plan order (its rank, due day, deadline, channel), then the contacts
/// of calls and meetings (zone and weekend) in rank order. The greedy then decides every day on those numbers alone,
/// without reading a touch (it meets them in deadline order, all over memory). The last pass builds the placed touches
/// in rank order, the order they lie in memory, and puts them by day with a counting sort.
/// </para>
/// <para>
/// A touch whose turn comes on a day past its deadline, having left its due day, first looks for the latest earlier day
/// of its window with room (<see cref="DayBefore"/>); the days before the sweep's are decided, and only fill up.
/// </para>
/// <para>
/// Only the first day a touch waits decides why it moved (a touch still waiting at the end of a day has its cause set),
/// so a day's cause is given to the touches released that day, not to every touch waiting. A channel whose budget is
/// reached is not read any further that day: the touches the one queue of old would have passed over are those of its
/// queue between the touch that filled it and the last touch placed that day (all of them when nothing else was left).
/// </para>
/// </remarks>
internal sealed class LevellingRun
{
    private const int Channels = 4;

    /// <summary>The state of a touch, one byte: the cause code (0 for none, else 1 + <see cref="MoveCause"/>).</summary>
    private const int CauseMask = 0x07;

    /// <summary>Skips for the contact's weekend so far.</summary>
    private const int SkipShift = 3;

    private const int SkipMask = 0x38;

    /// <summary>Placed on the contact's weekend after waiting a week.</summary>
    private const int OnContactWeekendBit = 0x40;

    /// <summary>Placed.</summary>
    private const int PlacedBit = 0x80;

    /// <summary>The slots of flexible notes per day: 12 causes (none, six, and the channel budget per channel), twice.</summary>
    private const int NoteSlots = 24;

    /// <summary>In a touch's word: the contact's zone index plus one (0 for none, or not a call or meeting).</summary>
    private const int ZoneMask = 0xFFFF;

    /// <summary>In a touch's word: the contact's weekend, one bit per <see cref="IsoDayOfWeek"/>.</summary>
    private const int WeekendShift = 16;

    /// <summary>In a touch's word: its channel.</summary>
    private const int ChannelShift = 24;

    /// <summary>In a touch's word: whether it is fixed.</summary>
    private const int FixedBit = 1 << 26;

    /// <summary>The days from the plan's day are cached for 1,024 dates.</summary>
    private const int OffsetCacheBits = 10;

    private readonly OwnerCalendar _calendar;
    private readonly bool _rebase;

    /// <summary>The contact's date on past days of the owner's, by zone: for overdue calls and meetings.</summary>
    private Dictionary<(DateTimeZone Zone, LocalDate Day), LocalDate>? _pastContactDates;

    /// <summary>Whether each past day (offset -1, -2, …) is a day off, as <see cref="DayOff"/>; -1: not looked up yet.</summary>
    private sbyte[] _pastDayOff = [];

    /// <summary>The notes of touches moved from a past day, by offset and slot.</summary>
    private Dictionary<long, LevellingNote>? _pastNotes;
    private readonly LocalDate _today;
    private readonly int _origin;
    private readonly BudgetCounter _budget;
    private readonly (LocalDate Date, int Offset)[] _offsetCache = new (LocalDate, int)[1 << OffsetCacheBits];

    // Per day (offset from today).
    private sbyte[] _dayOff = [];
    private LocalDate[] _dates = [];

    // Call windows and the contact's day of the week, per zone and day.
    private readonly Dictionary<DateTimeZone, int> _zoneIndex = [];
    private ZoneDays[] _zones = new ZoneDays[8];
    private DateTimeZone? _lastZone;
    private int _lastZoneIndex;
    private object? _lastWeekend;
    private int _lastWeekendMask;

    // Notes shared by touches.
    private LevellingNote?[]?[] _flexibleNotes = [];
    private readonly Dictionary<int, LevellingNote?> _fixedNotes = [];
    private LevellingNote? _windowOnly;
    private readonly List<OverbookedDay> _overbooked = [];

    // Per day before the sweep: itself while it may have room, else a day before it that may (-1: none); see MayHaveRoom.
    private int[] _roomBefore = [];

    // Per touch, by id rank: the touch; its day (a fixed touch's due day; a flexible one's deadline, then the day it is
    // placed on); its state; its word (contact's zone and weekend, channel, fixed).
    private PlannedTouch?[] _byRank = [];
    private int[] _dayByRank = [];
    private byte[] _state = [];
    private int[] _contact = [];

    // The ranks of the flexible touches in plan order (-1 for a fixed one), then, one release at a time, by channel,
    // deadline and rank: the queues' runs. And the ranks of the release being sorted.
    private int[] _sorted = [];
    private int[] _released = [];
    private int[] _starts = [];
    private LevellingQueue[] _queues = [];
    private long[][] _aside = [];
    private readonly int[] _asideCount = new int[Channels];

    internal LevellingRun(OwnerCalendar calendar, LevellingOptions options, LocalDate today)
    {
        _calendar = calendar;
        _rebase = options.RebaseOverdue;
        _today = today;
        _origin = today.ToDateOnly().DayNumber;
        _budget = new BudgetCounter(calendar.Budget, today);

        _offsetCache.AsSpan().Fill((default, default(LocalDate).ToDateOnly().DayNumber - _origin));
    }

    /// <summary>Levels a plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The levelled plan.</returns>
    internal LevelledPlan Level(Plan plan)
    {
        var all = plan.Touches;
        PlannedTouch[] touches = all is ImmutableArray<PlannedTouch> array ? ImmutableCollectionsMarshal.AsArray(array)! : [.. all];
        int n = touches.Length;
        var fixedTouches = new List<int>();
        var releases = new List<Release>();

        // The usual plan (from the scheduler, or levelled): by due day then id rank, ranks known and unique. Otherwise
        // ranks of this run's own, in the order the ranks and then the ids give, and the touches sorted by them.
        int[]? ranks = null;
        if (!Read(touches, null, fixedTouches, releases))
        {
            (touches, ranks) = Reordered(touches);
            fixedTouches.Clear();
            releases.Clear();
            Read(touches, ranks, fixedTouches, releases);
        }

        PlaceFixed(touches, ranks, fixedTouches);
        PlaceFlexible(touches, releases);
        _sorted = [];
        _released = [];

        LevelledTouch[] ordered;
        if (ranks is null)
        {
            ordered = ByDayThenRank(n);
        }
        else
        {
            var placed = new LevelledTouch[n];
            for (int rank = 0; rank < n; rank++)
            {
                placed[rank] = Finish(rank);
            }

            ordered = PlanOrder.ByDueThenId<LevelledTouch>(placed, _today, inIdOrderAlready: false);
        }

        return new LevelledPlan(plan, ordered, _overbooked);
    }

    /// <summary>
    /// Reads every touch once: its rank, day, deadline and word, the fixed ones and the days touches are released on.
    /// Without <paramref name="ranks"/>, gives up (false) unless the touches are by due day then id rank, every rank
    /// known and used once, and the ranks not too sparse for arrays indexed by them.
    /// </summary>
    private bool Read(PlannedTouch[] touches, int[]? ranks, List<int> fixedTouches, List<Release> releases)
    {
        int n = touches.Length;
        long limit = Math.Min((16L * n) + 65536, 1 << 30);
        int bound = ranks is null ? (int)Math.Min(limit, n + (n / 16) + 16) : n;
        _byRank = new PlannedTouch?[bound];
        _dayByRank = new int[bound];
        _contact = new int[bound];
        _sorted = new int[n];
        int previousRank = -1, previousDue = int.MinValue;
        LocalDate lastDue = default;
        int due = Offset(lastDue);
        var release = new Release(int.MinValue, 0, int.MaxValue, int.MinValue);
        for (int i = 0; i < n; i++)
        {
            var touch = touches[i];
            int rank = ranks is null ? touch.IdRank : ranks[i];
            if (touch.Due != lastDue)
            {
                lastDue = touch.Due;
                due = Offset(lastDue);
            }

            if (ranks is null)
            {
                if (rank < 0 || rank >= limit || due < previousDue || (due == previousDue && rank <= previousRank))
                {
                    return false;
                }

                if (rank >= _byRank.Length)
                {
                    int length = (int)Math.Min(limit, Math.Max(rank + 1L, _byRank.Length + (_byRank.Length / 4L)));
                    Array.Resize(ref _byRank, length);
                    Array.Resize(ref _dayByRank, length);
                    Array.Resize(ref _contact, length);
                }

                if (_byRank[rank] is not null)
                {
                    return false;
                }

                previousRank = rank;
                previousDue = due;
            }

            _byRank[rank] = touch;
            int word = (int)touch.Channel << ChannelShift;

            if (touch.IsFixed)
            {
                _contact[rank] = word | FixedBit;
                _dayByRank[rank] = due;
                _sorted[i] = -1;
                fixedTouches.Add(i);
                continue;
            }

            _contact[rank] = word;
            _sorted[i] = rank;
            int deadline = Offset(Priority(touch));
            _dayByRank[rank] = deadline;
            if (release.Day != due)
            {
                if (release.Day != int.MinValue)
                {
                    releases.Add(release);
                }

                release = new Release(due, i, deadline, deadline);
            }
            else
            {
                release.MinDeadline = Math.Min(release.MinDeadline, deadline);
                release.MaxDeadline = Math.Max(release.MaxDeadline, deadline);
            }
        }

        if (release.Day != int.MinValue)
        {
            releases.Add(release);
        }

        // The contacts of calls and meetings, in rank order: the order the touches and relationships lie in memory (read
        // with the rest of a touch, or only for the calls and meetings, they cost more).
        for (int rank = 0; rank < _byRank.Length; rank++)
        {
            if (_byRank[rank] is { Channel: Channel.Meeting or Channel.Call } touch && touch.Relationship is { TimeZone: { } zone } relationship)
            {
                _contact[rank] |= (ZoneIndex(zone) + 1) | (WeekendMask(relationship.Weekend) << WeekendShift);
            }
        }

        _state = new byte[_byRank.Length];
        return true;
    }

    /// <summary>Ranks of this run's own (by id rank, unknown last, then id), and the touches by due day then that rank.</summary>
    private static (PlannedTouch[] Touches, int[] Ranks) Reordered(PlannedTouch[] touches)
    {
        int n = touches.Length;
        var byId = new int[n];
        for (int i = 0; i < n; i++)
        {
            byId[i] = i;
        }

        Array.Sort(byId, (x, y) =>
            ((uint)touches[x].IdRank).CompareTo((uint)touches[y].IdRank) is var c && c != 0 ? c
            : string.CompareOrdinal(touches[x].RelationshipId, touches[y].RelationshipId) is var d && d != 0 ? d
            : x.CompareTo(y));
        var rankOf = new int[n];
        for (int r = 0; r < n; r++)
        {
            rankOf[byId[r]] = r;
        }

        var keys = new long[n];
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = ((long)touches[i].Due.ToDateOnly().DayNumber << 32) | (uint)rankOf[i];
            order[i] = i;
        }

        Array.Sort(keys, order);
        var sorted = new PlannedTouch[n];
        var ranks = new int[n];
        for (int i = 0; i < n; i++)
        {
            sorted[i] = touches[order[i]];
            ranks[i] = rankOf[order[i]];
        }

        return (sorted, ranks);
    }

    /// <summary>Days from the plan's day to <paramref name="date"/>, through a small cache (most touches share a few hundred days).</summary>
    private int Offset(LocalDate date)
    {
        int slot = (int)((uint)(date.GetHashCode() * -1640531535) >> (32 - OffsetCacheBits));
        ref var cached = ref _offsetCache[slot];
        if (cached.Date != date)
        {
            cached = (date, date.ToDateOnly().DayNumber - _origin);
        }

        return cached.Offset;
    }

    /// <summary>A queue's key: the deadline (days from the plan's day), then the id rank.</summary>
    private static long Key(int deadline, int rank) => ((long)deadline << 32) | (uint)rank;

    private LocalDate Deadline(PlannedTouch touch) =>
        _rebase && touch.IsOverdue && Lateness(touch) is var late && late > 0 ? touch.NotAfter.PlusDays(late) : touch.NotAfter;

    /// <summary>
    /// A touch's lateness as levelling counts it: days off are not lateness, so a flexible overdue touch counts from the
    /// first working day on or after the day it was due (for a call or meeting, not the contact's weekend either); 0
    /// while none has come. A fixed touch keeps the planner's.
    /// </summary>
    /// <param name="touch">The touch.</param>
    /// <param name="word">Its contact word (zone and weekend) once known, else -1.</param>
    private int Lateness(PlannedTouch touch, int word = -1)
    {
        int days = touch.DaysOverdue;
        if (days == 0 || touch.IsFixed)
        {
            return days;
        }

        var day = _today.PlusDays(-days);
        while (day < _today && HeldCause(touch, day, word) is not null)
        {
            day = day.PlusDays(1);
        }

        return Period.DaysBetween(day, _today);
    }

    /// <summary>
    /// The day a touch's place in the queue is decided by: its deadline, but for a touch already overdue the day it
    /// was due, so the more overdue goes first (unless overdue touches are rebased on today).
    /// </summary>
    private LocalDate Priority(PlannedTouch touch) =>
        touch.IsOverdue && !_rebase ? _today.PlusDays(-touch.DaysOverdue) : Deadline(touch);

    /// <summary>Fixed touches keep their days and take the budget first; the days (and weeks) they put over budget.</summary>
    private void PlaceFixed(PlannedTouch[] touches, int[]? ranks, List<int> fixedTouches)
    {
        var budget = _calendar.Budget;
        var days = new List<(int Offset, LocalDate Day)>(fixedTouches.Count);
        List<(int Index, int Rank)>? overdue = null;
        foreach (int i in fixedTouches)
        {
            var touch = touches[i];
            int rank = ranks is null ? touch.IdRank : ranks[i];
            if (touch.IsOverdue)
            {
                (overdue ??= []).Add((i, rank));
                continue;
            }

            int offset = _dayByRank[rank];
            AddUsage(offset, touch.Due, touch.Channel);
            _state[rank] = PlacedBit;
            days.Add((offset, touch.Due));
        }

        if (overdue is not null)
        {
            // An overdue promise or move goes to the first working day with room, the most overdue first, before any
            // flexible touch takes that room.
            overdue.Sort((x, y) =>
                touches[y.Index].DaysOverdue.CompareTo(touches[x.Index].DaysOverdue) is var c && c != 0 ? c : x.Rank.CompareTo(y.Rank));
            foreach (var (i, rank) in overdue)
            {
                var touch = touches[i];
                int from = _dayByRank[rank];
                int cause = WhyNot(from, touch.Channel);
                int offset = cause == 0 ? from : FirstDayWithRoom(from, touch.Channel);
                var day = offset == from ? touch.Due : _today.PlusDays(offset);
                AddUsage(offset, day, touch.Channel);
                _dayByRank[rank] = offset;
                _state[rank] = (byte)(PlacedBit | (offset == from ? 0 : cause));
                days.Add((offset, day));
            }
        }

        var overbooked = _overbooked;
        if (days.Count == 0)
        {
            return;
        }

        days.Sort((x, y) => x.Offset.CompareTo(y.Offset));
        var perChannel = budget.PerChannel.OrderBy(p => p.Key).ToArray();
        for (int k = 0; k < days.Count; k++)
        {
            if (k > 0 && days[k].Offset == days[k - 1].Offset)
            {
                continue;
            }

            var (offset, day) = days[k];
            int count = _budget.OnDay(offset);
            if (count > budget.PerDay)
            {
                overbooked.Add(new OverbookedDay(day, count, budget.PerDay));
            }

            foreach (var (channel, max) in perChannel)
            {
                int onChannel = _budget.OnChannel(offset, channel);
                if (onChannel > max)
                {
                    overbooked.Add(new OverbookedDay(day, onChannel, max, channel));
                }
            }
        }

        if (budget.PerWeek is { } perWeek)
        {
            int lastWeek = -1;
            foreach (var (offset, day) in days)
            {
                int week = _budget.WeekOf(offset);
                if (week != lastWeek && _budget.InWeek(week) > perWeek)
                {
                    overbooked.Add(new OverbookedDay(WeekOf(day), _budget.InWeek(week), perWeek, Week: true));
                }

                lastWeek = week;
            }

            // By day; on a day, its own budget, then each channel's in order, then a week starting that day. A total
            // order: the sort is not stable, and a tie would let it swap a day's entries.
            overbooked.Sort((x, y) =>
                x.Date.CompareTo(y.Date) is var c && c != 0 ? c
                : x.Week.CompareTo(y.Week) is var w && w != 0 ? w
                : Nullable.Compare(x.Channel, y.Channel));
        }
    }

    /// <summary>
    /// Why a fixed touch cannot stay on a day: its cause code (1 + <see cref="MoveCause"/>; 0 when it can), a day off
    /// first, then the day's budget, the week's, the channel's.
    /// </summary>
    private int WhyNot(int d, Channel channel)
    {
        var dayOff = DayOffAt(d, _today.PlusDays(d));
        if (dayOff != DayOff.None)
        {
            return 1 + (int)CauseOf(dayOff);
        }

        return _budget.IsDayFull(d) ? 1 + (int)MoveCause.DailyBudget
            : _budget.IsWeekFull(_budget.WeekOf(d)) ? 1 + (int)MoveCause.WeeklyBudget
            : _budget.IsChannelFull(d, channel) ? 1 + (int)MoveCause.ChannelBudget
            : 0;
    }

    /// <summary>The first day from <paramref name="from"/> that is a working day with room for a touch on a channel; else the first working day.</summary>
    private int FirstDayWithRoom(int from, Channel channel)
    {
        for (int d = from; d < from + Leveller.MaxFixedSearch; d++)
        {
            if (WhyNot(d, channel) == 0)
            {
                return d;
            }
        }

        for (int d = from; d <= from + Leveller.MaxDaysOff; d++)
        {
            if (DayOffAt(d, _today.PlusDays(d)) == DayOff.None)
            {
                return d;
            }
        }

        return from;
    }

    /// <summary>The rest: day by day, the released touches with the earliest deadlines first.</summary>
    private void PlaceFlexible(PlannedTouch[] touches, List<Release> releases)
    {
        int n = touches.Length;
        if (releases.Count == 0)
        {
            return;
        }

        _queues = new LevellingQueue[Channels];
        _aside = new long[Channels][];
        for (int c = 0; c < Channels; c++)
        {
            _queues[c] = new LevellingQueue(_sorted);
            _aside[c] = new long[16];
        }

        Span<int> segments = stackalloc int[Channels + 1];
        int next = 0;
        int daysOff = 0;
        int cursor = 0;
        LocalDate day = _today;
        while (next < releases.Count || Waiting > 0)
        {
            if (Waiting == 0 && releases[next].Day > cursor)
            {
                cursor = releases[next].Day;
                day = touches[releases[next].Start].Due;
            }

            var dayOff = DayOffAt(cursor, day);
            daysOff = dayOff == DayOff.None ? 0 : daysOff + 1;
            if (daysOff > Leveller.MaxDaysOff)
            {
                throw new InvalidOperationException(
                    $"The owner calendar has no working day in the {Leveller.MaxDaysOff} days before {day:uuuu'-'MM'-'dd}: check its time off.");
            }

            bool released = false;
            if (next < releases.Count && releases[next].Day <= cursor)
            {
                var release = releases[next];
                int first = next;
                while (++next < releases.Count && releases[next].Day <= cursor)
                {
                    release.MinDeadline = Math.Min(release.MinDeadline, releases[next].MinDeadline);
                    release.MaxDeadline = Math.Max(release.MaxDeadline, releases[next].MaxDeadline);
                }

                int end = next < releases.Count ? releases[next].Start : n;
                Enqueue(release, end, sortedAlready: next - first == 1, segments);
                released = true;
            }

            PlaceDay(cursor, day, dayOff, released ? segments : default);
            cursor++;
            day = day.PlusDays(1);
        }
    }

    private int Waiting => _queues[0].Count + _queues[1].Count + _queues[2].Count + _queues[3].Count;

    /// <summary>
    /// Sorts the flexible touches of a release (plan order, up to <paramref name="end"/>) by channel, then deadline, then
    /// id rank into <see cref="_sorted"/>, and hands them to the queues as one run per channel and deadline.
    /// </summary>
    /// <param name="release">The first touch released and the range of the deadlines.</param>
    /// <param name="end">After the last touch released.</param>
    /// <param name="sortedAlready">Whether they are in id rank order (released on their own due day, all the same).</param>
    /// <param name="segments">Set to where each channel's touches start, and (last) where the last ones end.</param>
    private void Enqueue(Release release, int end, bool sortedAlready, Span<int> segments)
    {
        int start = release.Start;
        int length = end - start;
        if (_released.Length < length)
        {
            _released = new int[Math.Max(length, Math.Min(_sorted.Length, _released.Length * 2))];
        }

        var released = _released.AsSpan(0, length);
        _sorted.AsSpan(start, length).CopyTo(released);
        int min = release.MinDeadline;
        long range = (long)release.MaxDeadline - min + 1;
        int[] sorted = _sorted;
        if (sortedAlready && range <= (4L * length) + 1024)
        {
            // Counting sort by (channel, deadline): stable, so the rank order of a day's release stays within a deadline.
            int width = (int)range;
            if (_starts.Length < (Channels * width) + 1)
            {
                _starts = new int[Math.Max((Channels * width) + 1, _starts.Length * 2)];
            }

            var starts = _starts.AsSpan(0, (Channels * width) + 1);
            starts.Clear();
            foreach (int rank in released)
            {
                if (rank >= 0)
                {
                    starts[((_contact[rank] >> ChannelShift & 3) * width) + _dayByRank[rank] - min + 1]++;
                }
            }

            starts[0] = start;
            for (int b = 1; b < starts.Length; b++)
            {
                starts[b] += starts[b - 1];
            }

            for (int c = 0; c <= Channels; c++)
            {
                segments[c] = starts[c * width];
            }

            foreach (int rank in released)
            {
                if (rank >= 0)
                {
                    sorted[starts[((_contact[rank] >> ChannelShift & 3) * width) + _dayByRank[rank] - min]++] = rank;
                }
            }

            // Each bucket now ends where the next began.
            for (int b = 0; b < Channels * width; b++)
            {
                int from = b == 0 ? start : starts[b - 1];
                _queues[b / width].AddRun(from, starts[b], min + (b % width));
            }

            return;
        }

        // Otherwise a sort of the keys (deadline, rank) of each channel.
        Span<int> count = stackalloc int[Channels];
        foreach (int rank in released)
        {
            if (rank >= 0)
            {
                count[_contact[rank] >> ChannelShift & 3]++;
            }
        }

        segments[0] = start;
        for (int c = 0; c < Channels; c++)
        {
            segments[c + 1] = segments[c] + count[c];
        }

        var keys = new long[segments[Channels] - start];
        Span<int> at = stackalloc int[Channels];
        for (int c = 0; c < Channels; c++)
        {
            at[c] = segments[c] - start;
        }

        foreach (int rank in released)
        {
            if (rank >= 0)
            {
                keys[at[_contact[rank] >> ChannelShift & 3]++] = Key(_dayByRank[rank], rank);
            }
        }

        for (int c = 0; c < Channels; c++)
        {
            int from = segments[c] - start, to = segments[c + 1] - start;
            Array.Sort(keys, from, to - from);
            int runStart = from;
            for (int k = from; k < to; k++)
            {
                sorted[start + k] = (int)keys[k];
                if (k + 1 == to || keys[k + 1] >> 32 != keys[k] >> 32)
                {
                    _queues[c].AddRun(start + runStart, start + k + 1, (int)(keys[k] >> 32));
                    runStart = k + 1;
                }
            }
        }
    }

    /// <summary>
    /// Places what fits on one day, and remembers why the touches released that day (<paramref name="released"/>: where
    /// each channel's run starts, or empty) and left waiting moved.
    /// </summary>
    private void PlaceDay(int d, LocalDate day, DayOff dayOff, ReadOnlySpan<int> released)
    {
        // The key of the touch that filled each channel today (long.MinValue: full before any; long.MaxValue: not full).
        Span<long> filled = stackalloc long[Channels];
        long last = long.MinValue;
        bool exhausted = false;
        if (dayOff == DayOff.None)
        {
            _budget.Reserve(d);
            EnsureDate(d);
            _dates[d] = day;
            int week = _budget.WeekOf(d);
            for (int c = 0; c < Channels; c++)
            {
                filled[c] = _budget.IsChannelFull(d, (Channel)c) ? long.MinValue : long.MaxValue;
            }

            while (!_budget.IsDayFull(d) && !_budget.IsWeekFull(week))
            {
                int channel = -1;
                long key = long.MaxValue;
                for (int c = 0; c < Channels; c++)
                {
                    if (filled[c] == long.MaxValue && _queues[c].Head < key)
                    {
                        key = _queues[c].Head;
                        channel = c;
                    }
                }

                if (channel < 0)
                {
                    exhausted = true;
                    break;
                }

                _queues[channel].Pop();
                int rank = (int)key;
                int state = _state[rank];

                // Past its latest day here, a touch that left its due day goes to the nearest earlier day of its window
                // with room, if one has. (An overdue touch's key is before today: it has no day before its due day.)
                if ((uint)(key >> 32) < (uint)d && (state & CauseMask) != 0 && PlacedBefore(rank, (int)(key >> 32), d, channel))
                {
                    last = key;
                    continue;
                }

                if (_contact[rank] is var contact && (contact & ZoneMask) != 0
                    && (contact >> WeekendShift & (1 << (int)ContactDayOfWeek((contact & ZoneMask) - 1, d, day))) != 0)
                {
                    int skips = (state & SkipMask) >> SkipShift;
                    if (skips < Leveller.MaxContactWeekendSkips)
                    {
                        if ((state & CauseMask) == 0)
                        {
                            state |= 1 + (int)MoveCause.ContactWeekend;
                        }

                        _state[rank] = (byte)((state & ~SkipMask) | ((skips + 1) << SkipShift));
                        Aside(channel, key);
                        continue;
                    }

                    state |= OnContactWeekendBit;
                }

                _state[rank] = (byte)(state | PlacedBit);
                _dayByRank[rank] = d;
                _budget.Add(d, (Channel)channel);
                last = key;
                if (_budget.IsChannelFull(d, (Channel)channel))
                {
                    filled[channel] = key;
                }
            }
        }

        for (int c = 0; c < Channels; c++)
        {
            var aside = _aside[c];
            for (int k = 0; k < _asideCount[c]; k++)
            {
                _queues[c].PutBack(aside[k]);
            }

            _asideCount[c] = 0;
        }

        if (released.IsEmpty || Waiting == 0)
        {
            return;
        }

        // The touches released today and still waiting were passed over today: that is why they moved.
        int dayCause = 1 + (int)(dayOff != DayOff.None ? CauseOf(dayOff)
            : _budget.IsWeekFull(_budget.WeekOf(d)) && !_budget.IsDayFull(d) ? MoveCause.WeeklyBudget
            : MoveCause.DailyBudget);
        for (int c = 0; c < Channels; c++)
        {
            for (int i = released[c]; i < released[c + 1]; i++)
            {
                int rank = _sorted[i];
                int state = _state[rank];
                if ((state & (PlacedBit | CauseMask)) != 0)
                {
                    continue;
                }

                long key = Key(_dayByRank[rank], rank);
                bool passedOver = dayOff == DayOff.None && key > filled[c] && (exhausted || key <= last);
                _state[rank] = (byte)(state | (passedOver ? 1 + (int)MoveCause.ChannelBudget : dayCause));
            }
        }
    }

    /// <summary>Places a touch on <see cref="DayBefore"/>, if there is one.</summary>
    /// <returns>Whether it was placed.</returns>
    private bool PlacedBefore(int rank, int deadline, int d, int channel)
    {
        int before = DayBefore(rank, deadline, d, channel);
        if (before < 0)
        {
            return false;
        }

        _state[rank] |= PlacedBit;
        _dayByRank[rank] = before;
        _budget.Add(before, (Channel)channel);
        EnsureDate(before);
        _dates[before] = _today.PlusDays(before);
        return true;
    }

    /// <summary>
    /// For a touch that the day <paramref name="d"/> would place past its latest day: the latest day of its window before
    /// its due day (from today and its <see cref="PlannedTouch.NotBefore"/>, not after its latest day) that is a working
    /// day with room for it (the day's, the week's and its channel's budgets; not the contact's weekend for a call or
    /// meeting with a contact whose zone is known); -1 when none has.
    /// </summary>
    /// <param name="rank">The touch's id rank.</param>
    /// <param name="deadline">Its latest day (its queue key's day; an overdue touch has no day before its due day).</param>
    /// <param name="d">The day the sweep is on: every day before it is decided.</param>
    /// <param name="channel">Its channel.</param>
    private int DayBefore(int rank, int deadline, int d, int channel)
    {
        // Most late touches meet days before them all full (or none): known without reading the touch.
        int r = MayHaveRoom(Math.Min(deadline, d - 1));
        if (r < 0)
        {
            return -1;
        }

        var touch = _byRank[rank]!;
        int from = Math.Max(0, Offset(touch.NotBefore));
        int to = Math.Min(Offset(touch.Due) - 1, deadline);
        if (r > to)
        {
            r = MayHaveRoom(to);
        }

        int contact = _contact[rank];
        while (r >= from)
        {
            if (!_budget.IsChannelFull(r, (Channel)channel)
                && ((contact & ZoneMask) == 0
                    || (contact >> WeekendShift & (1 << (int)ContactDayOfWeek((contact & ZoneMask) - 1, r, _today.PlusDays(r)))) == 0))
            {
                return r;
            }

            r = MayHaveRoom(r - 1);
        }

        return -1;
    }

    /// <summary>
    /// The latest day from <paramref name="d"/> down (a day already decided) that may have room: a working day whose
    /// day's and week's budgets are not reached; -1 when none. Days before the sweep only fill up, so a full day is
    /// linked to the days before it once (<see cref="_roomBefore"/>, with path halving).
    /// </summary>
    private int MayHaveRoom(int d)
    {
        if (d < 0)
        {
            return -1;
        }

        if (d >= _roomBefore.Length)
        {
            int old = _roomBefore.Length;
            Array.Resize(ref _roomBefore, Math.Max(d + 1, Math.Max(64, old * 2)));
            for (int i = old; i < _roomBefore.Length; i++)
            {
                _roomBefore[i] = i;
            }
        }

        int[] links = _roomBefore;
        int x = d;
        while (x >= 0)
        {
            int next = links[x];
            if (next == x)
            {
                if (DayOffAt(x, _today.PlusDays(x)) == DayOff.None && !_budget.IsDayFull(x) && !_budget.IsWeekFull(_budget.WeekOf(x)))
                {
                    break;
                }

                links[x] = next = x - 1;
            }
            else if (next >= 0 && links[next] != next)
            {
                links[x] = next = links[next];
            }

            x = next;
        }

        return x;
    }

    private void Aside(int channel, long key)
    {
        ref long[] aside = ref _aside[channel];
        if (_asideCount[channel] == aside.Length)
        {
            Array.Resize(ref aside, aside.Length * 2);
        }

        aside[_asideCount[channel]++] = key;
    }

    /// <summary>The levelled touches by day, then id rank: a counting sort by day over the touches in rank order.</summary>
    private LevelledTouch[] ByDayThenRank(int n)
    {
        var result = new LevelledTouch[n];
        int days = _budget.Length;
        var starts = new int[days];
        for (int d = 1; d < days; d++)
        {
            starts[d] = starts[d - 1] + _budget.OnDay(d - 1);
        }

        var byRank = _byRank;
        var dayByRank = _dayByRank;
        for (int rank = 0; rank < byRank.Length; rank++)
        {
            if (byRank[rank] is not null)
            {
                result[starts[dayByRank[rank]]++] = Finish(rank);
            }
        }

        return result;
    }

    /// <summary>The touch of a rank as levelling placed it.</summary>
    private LevelledTouch Finish(int rank)
    {
        var touch = _byRank[rank]!;
        int d = _dayByRank[rank];
        int word = _contact[rank];
        bool live = (word & ZoneMask) != 0;
        if ((word & FixedBit) != 0)
        {
            if ((_state[rank] & CauseMask) is var moved && moved != 0)
            {
                // An overdue fixed touch moved to the first working day with room.
                var to = _today.PlusDays(d);
                var why = (MoveCause)(moved - 1);
                int? limit = why switch
                {
                    MoveCause.DailyBudget => _budget.PerDay,
                    MoveCause.WeeklyBudget => _budget.PerWeek,
                    MoveCause.ChannelBudget => _budget.LimitOf(touch.Channel),
                    _ => null,
                };
                var head = new List<Reason> { new LevelledReason(touch.Due, to, why, limit, why == MoveCause.ChannelBudget ? touch.Channel : null, null) };
                AddOverbooked(head, touch.Channel, to);
                return new LevelledTouch(touch, to, touch.NotAfter, touch.DaysOverdue, new LevellingNote([.. head]), live ? Window(word, d, to) : null);
            }

            var fixedNote = FixedNote(d, touch, live);
            return new LevelledTouch(touch, touch.Due, touch.NotAfter, touch.DaysOverdue, fixedNote, live ? Window(word, d, touch.Due) : null);
        }

        int state = _state[rank];
        LocalDate day = _dates[d];
        LocalDate from = touch.Due;
        bool onContactWeekend = (state & OnContactWeekendBit) != 0;
        int daysOverdue = Lateness(touch, word);
        bool rebased = _rebase && daysOverdue > 0;
        LocalDate deadline = rebased ? touch.NotAfter.PlusDays(daysOverdue) : touch.NotAfter;
        int cause = day != from ? state & CauseMask : 0;
        if (touch.IsOverdue && daysOverdue == 0)
        {
            // Overdue only by days off: not overdue, but moved from the day it was due for the day off it was.
            from = _today.PlusDays(-touch.DaysOverdue);
            cause = 1 + (int)HeldCause(touch, from, word)!.Value;
        }

        if (!live && !onContactWeekend && day == from && !rebased && day <= deadline)
        {
            return new LevelledTouch(touch, day, deadline, daysOverdue, null, null);
        }

        var note = FlexibleNote(from, cause, touch.Channel, onContactWeekend);
        return new LevelledTouch(touch, day, deadline, daysOverdue, note, live ? Window(word, d, day) : null);
    }

    /// <summary>
    /// Why a touch could not be done on a past day: the owner's day off, or for a call or meeting the contact's weekend;
    /// null on a working day.
    /// </summary>
    private MoveCause? HeldCause(PlannedTouch touch, LocalDate day, int word = -1)
    {
        int d = Offset(day);
        if (DayOffAt(d, day) is var off && off != DayOff.None)
        {
            return CauseOf(off);
        }

        if (word >= 0)
        {
            // The contact's word: its zone (cached by day) and its weekend as bits.
            return (word & ZoneMask) != 0 && (word >> WeekendShift & (1 << (int)PastContactDayOfWeek((word & ZoneMask) - 1, d, day))) != 0
                ? MoveCause.ContactWeekend
                : null;
        }

        return touch.Channel.IsLive() && touch.Relationship.TimeZone is { } zone && touch.Relationship.Weekend.Contains(ContactDate(day, zone).DayOfWeek)
            ? MoveCause.ContactWeekend
            : null;
    }

    /// <summary>The contact's own day of the week on one of the owner's days, past ones included, cached by zone.</summary>
    private IsoDayOfWeek PastContactDayOfWeek(int z, int d, LocalDate day)
    {
        if (d >= 0)
        {
            return ContactDayOfWeek(z, d, day);
        }

        var days = _zones[z];
        int past = -d - 1;
        if (past >= days.PastContactDay.Length)
        {
            Array.Resize(ref days.PastContactDay, Math.Max(past + 1, Math.Max(64, days.PastContactDay.Length * 2)));
        }

        if (days.PastContactDay[past] == 0)
        {
            days.PastContactDay[past] = (byte)ContactDate(day, days.Zone).DayOfWeek;
        }

        return (IsoDayOfWeek)days.PastContactDay[past];
    }

    /// <summary>Why a touch leaves a day off: the kind of day off it is.</summary>
    private static MoveCause CauseOf(DayOff off) => off switch
    {
        DayOff.Holiday => MoveCause.Holiday,
        DayOff.TimeOff => MoveCause.TimeOff,
        _ => MoveCause.NotAWorkingDay,
    };

    /// <summary>The hours on the owner's day that are working hours for both, in a contact's zone; null when none.</summary>
    private CallWindow? FindWindow(LocalDate day, DateTimeZone zone)
    {
        var c = _calendar;
        return CallWindow.Find(day, c.TimeZone, c.WorkStart, c.WorkEnd, zone, c.ContactWorkStart, c.ContactWorkEnd);
    }

    /// <summary>The contact's own date on the owner's day: that of the common hours, else of the owner's midday.</summary>
    private LocalDate ContactDateOf(CallWindow? window, LocalDate day, DateTimeZone zone) =>
        window?.ContactStart.Date ?? _calendar.TimeZone.AtLeniently(day.At(new LocalTime(12, 0))).WithZone(zone).Date;

    /// <summary>The contact's own date on a past day of the owner's (cached by zone and day).</summary>
    private LocalDate ContactDate(LocalDate day, DateTimeZone zone)
    {
        _pastContactDates ??= [];
        if (!_pastContactDates.TryGetValue((zone, day), out var date))
        {
            date = ContactDateOf(FindWindow(day, zone), day, zone);
            _pastContactDates.Add((zone, day), date);
        }

        return date;
    }

    /// <summary>The note of a fixed touch on a day and channel, or null when it has no reason to add.</summary>
    private LevellingNote? FixedNote(int offset, PlannedTouch touch, bool live)
    {
        int key = (offset * Channels) + (int)touch.Channel;
        if (!_fixedNotes.TryGetValue(key, out var note))
        {
            var head = new List<Reason>();
            if (DayOffAt(offset, touch.Due) is var off && off != DayOff.None)
            {
                head.Add(new FixedOnDayOffReason(touch.Due, off) { IsDate = touch.IsDateTouch });
            }

            AddOverbooked(head, touch.Channel, touch.Due);
            note = head.Count == 0 ? null : new LevellingNote([.. head]);
            _fixedNotes.Add(key, note);
        }

        return note ?? (live ? _windowOnly ??= new LevellingNote([]) : null);
    }

    /// <summary>Adds the overbooked reasons of a fixed touch on a day and channel: the day's, the channel's, the week's.</summary>
    private void AddOverbooked(List<Reason> head, Channel channel, LocalDate day)
    {
        LocalDate monday = WeekOf(day);
        foreach (var over in _overbooked)
        {
            bool applies = over.Week
                ? monday == over.Date
                : over.Date == day && (over.Channel is null || over.Channel == channel);
            if (applies)
            {
                head.Add(new OverbookedReason(over.Date, over.Count, over.Limit, over.Channel, over.Week));
            }
        }
    }

    /// <summary>The note of a flexible touch due on <paramref name="from"/>, shared by the touches moved alike.</summary>
    private LevellingNote FlexibleNote(LocalDate from, int cause, Channel channel, bool onContactWeekend)
    {
        int slot = cause == 0 ? 0
            : cause == 1 + (int)MoveCause.ChannelBudget ? 8 + (int)channel
            : cause;
        slot = (slot * 2) + (onContactWeekend ? 1 : 0);
        int offset = Offset(from);
        if (offset < 0)
        {
            // Moved from a past day: an overdue touch held by days off since (shared by those held alike).
            _pastNotes ??= [];
            long key = ((long)offset << 16) | (uint)slot;
            if (!_pastNotes.TryGetValue(key, out var past))
            {
                past = NewFlexibleNote(from, cause, channel, onContactWeekend);
                _pastNotes.Add(key, past);
            }

            return past;
        }

        if (offset >= _flexibleNotes.Length)
        {
            Array.Resize(ref _flexibleNotes, Math.Max(offset + 1, _flexibleNotes.Length * 2));
        }

        var notes = _flexibleNotes[offset] ??= new LevellingNote?[NoteSlots];
        return notes[slot] ??= NewFlexibleNote(from, cause, channel, onContactWeekend);
    }

    private LevellingNote NewFlexibleNote(LocalDate from, int cause, Channel channel, bool onContactWeekend)
    {
        MoveCause? moveCause = cause == 0 ? null : (MoveCause)(cause - 1);
        int? limit = moveCause switch
        {
            MoveCause.DailyBudget => _budget.PerDay,
            MoveCause.WeeklyBudget => _budget.PerWeek,
            MoveCause.ChannelBudget => _budget.LimitOf(channel),
            _ => null,
        };
        return new LevellingNote(from, moveCause, limit, onContactWeekend);
    }

    private DayOff DayOffAt(int d, LocalDate day) =>
        // Past days (an overdue touch's) are cached apart, by -1 - offset: many overdue touches ask about the same few.
        d < 0 ? CachedDayOff(ref _pastDayOff, -d - 1, day) : CachedDayOff(ref _dayOff, d, day);

    /// <summary>Whether a day is a day off, from a cache by index (-1: not looked up yet), grown as needed.</summary>
    private DayOff CachedDayOff(ref sbyte[] cache, int i, LocalDate day)
    {
        if (i >= cache.Length)
        {
            int old = cache.Length;
            Array.Resize(ref cache, Math.Max(i + 1, Math.Max(64, old * 2)));
            cache.AsSpan(old).Fill(-1);
        }

        if (cache[i] < 0)
        {
            cache[i] = (sbyte)_calendar.DayOffOn(day);
        }

        return (DayOff)cache[i];
    }

    private void AddUsage(int d, LocalDate day, Channel channel)
    {
        if (d < 0)
        {
            throw new InvalidOperationException($"Levelling counted a touch on {day:uuuu'-'MM'-'dd}, before the plan's day; this is a bug in Cadence.");
        }

        _budget.Add(d, channel);
    }

    private void EnsureDate(int d)
    {
        if (d >= _dates.Length)
        {
            Array.Resize(ref _dates, Math.Max(d + 1, Math.Max(64, _dates.Length * 2)));
        }
    }

    /// <summary>The Monday of the week of a day.</summary>
    private static LocalDate WeekOf(LocalDate day) => day.PlusDays(-((int)day.DayOfWeek - 1));

    private int ZoneIndex(DateTimeZone zone)
    {
        if (ReferenceEquals(zone, _lastZone))
        {
            return _lastZoneIndex;
        }

        if (!_zoneIndex.TryGetValue(zone, out int z))
        {
            z = _zoneIndex.Count;
            _zoneIndex.Add(zone, z);
            if (z == _zones.Length)
            {
                Array.Resize(ref _zones, z * 2);
            }

            _zones[z] = new ZoneDays(zone);
        }

        _lastZone = zone;
        _lastZoneIndex = z;
        return z;
    }

    /// <summary>A contact's weekend as bits, one per <see cref="IsoDayOfWeek"/>.</summary>
    private int WeekendMask(IReadOnlyList<IsoDayOfWeek> weekend)
    {
        // A relationship's weekend is usually the one shared array, boxed anew for each relationship.
        object days = weekend is ImmutableArray<IsoDayOfWeek> array ? ImmutableCollectionsMarshal.AsArray(array)! : weekend;
        if (!ReferenceEquals(days, _lastWeekend))
        {
            int mask = 0;
            for (int i = 0; i < weekend.Count; i++)
            {
                mask |= 1 << (int)weekend[i];
            }

            _lastWeekend = days;
            _lastWeekendMask = mask;
        }

        return _lastWeekendMask;
    }

    private CallWindow? Window(int contact, int d, LocalDate day)
    {
        var days = _zones[(contact & ZoneMask) - 1];
        Find(days, d, day);
        return days.Windows[d];
    }

    /// <summary>The contact's own day of the week on the owner's day: that of the common hours, else of the owner's midday.</summary>
    private IsoDayOfWeek ContactDayOfWeek(int z, int d, LocalDate day)
    {
        var days = _zones[z];
        if (d >= days.ContactDay.Length || days.ContactDay[d] == 0)
        {
            Find(days, d, day);
        }

        return (IsoDayOfWeek)days.ContactDay[d];
    }

    private void Find(ZoneDays days, int d, LocalDate day)
    {
        if (d >= days.ContactDay.Length)
        {
            int length = Math.Max(d + 1, Math.Max(64, days.ContactDay.Length * 2));
            Array.Resize(ref days.ContactDay, length);
            Array.Resize(ref days.Windows, length);
        }

        if (days.ContactDay[d] == 0)
        {
            var window = FindWindow(day, days.Zone);
            days.Windows[d] = window;
            days.ContactDay[d] = (byte)ContactDateOf(window, day, days.Zone).DayOfWeek;
        }
    }

    /// <summary>The flexible touches due on one day, from <see cref="Start"/> in plan order, and their deadlines' range.</summary>
    private record struct Release(int Day, int Start, int MinDeadline, int MaxDeadline);

    /// <summary>Call windows and the contact's day of the week in one zone, by the owner's day (0: not found yet).</summary>
    private sealed class ZoneDays(DateTimeZone zone)
    {
        public readonly DateTimeZone Zone = zone;
        public CallWindow?[] Windows = [];
        public byte[] ContactDay = [];
        public byte[] PastContactDay = [];
    }
}
