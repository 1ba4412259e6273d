using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using NodaTime;

namespace Cadence.Scheduling;

/// <summary>
/// One levelling of one plan by a <see cref="Leveller"/>: the greedy of <see cref="Leveller.Level"/> on flat arrays.
/// Touches are known by their id rank (their index in arrays sized by the ranks); days by their offset from the plan's
/// day; the touches waiting are one <see cref="LevellingQueue"/> per channel. Used once, by one thread.
/// </summary>
/// <remarks>
/// Only the first day a touch waits decides why it moved (a touch still waiting at the end of a day has its cause set),
/// so a day's cause is given to the touches released that day, not to every touch waiting. A channel whose budget is
/// reached is not read any further that day: the touches the one queue of old would have passed over are those of its
/// queue between the touch that filled it and the last touch placed that day (all of them when nothing else was left).
/// </remarks>
internal sealed class LevellingRun
{
    private const int Channels = 4;

    /// <summary>Cause codes per touch: 0 for none, else 1 + <see cref="MoveCause"/>, in the low 4 bits of the state.</summary>
    private const int CauseMask = 0x0F;

    /// <summary>Skips for the contact's weekend, in bits 4 to 6 of the state.</summary>
    private const int SkipShift = 4;

    private const int SkipMask = 0x70;

    /// <summary>Set in the state once a touch is placed.</summary>
    private const int PlacedBit = 0x80;

    /// <summary>The slots of flexible notes per day: 12 causes (none, six, and the channel budget per channel), twice.</summary>
    private const int NoteSlots = 24;

    private readonly OwnerCalendar _calendar;
    private readonly bool _rebase;
    private readonly LocalDate _today;
    private readonly int _origin;
    private readonly int _mondayOffset;
    private readonly int _perDay;
    private readonly int? _perWeek;
    private readonly int[] _limit = new int[Channels];

    // Per day (offset from today).
    private sbyte[] _dayOff = [];
    private int[] _days = new int[64];
    private int[] _channels = new int[64 * Channels];
    private int[] _weeks = new int[16];

    // Call windows and the contact's day of the week, per zone and day.
    private readonly Dictionary<DateTimeZone, int> _zoneIndex = [];
    private ZoneDays[] _zones = new ZoneDays[8];
    private DateTimeZone? _lastZone;
    private int _lastZoneIndex;

    // Notes shared by touches.
    private LevellingNote?[]?[] _flexibleNotes = [];
    private readonly Dictionary<int, LevellingNote?> _fixedNotes = [];
    private LevellingNote? _windowOnly;

    // Per touch, by id rank.
    private PlannedTouch?[] _byRank = [];
    private int[] _dayByRank = [];
    private byte[] _state = [];

    // Per touch, in plan order: the key (deadline, channel, rank), or -1 for a fixed touch; and, sorted per release, the queues' runs.
    private long[] _keys = [];
    private long[] _sorted = [];
    private LevellingQueue[] _queues = [];
    private long[][] _aside = [];
    private int[] _asideCount = new int[Channels];

    internal LevellingRun(OwnerCalendar calendar, LevellingOptions options, LocalDate today)
    {
        _calendar = calendar;
        _rebase = options.RebaseOverdue;
        _today = today;
        _origin = today.ToDateOnly().DayNumber;
        _mondayOffset = (int)today.DayOfWeek - 1;
        var budget = calendar.Budget;
        _perDay = budget.PerDay;
        _perWeek = budget.PerWeek;
        for (int c = 0; c < Channels; c++)
        {
            _limit[c] = budget.For((Channel)c);
        }
    }

    /// <summary>Levels a plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The levelled plan.</returns>
    internal LevelledPlan Level(Plan plan)
    {
        var all = plan.Touches;
        PlannedTouch[] touches = all is ImmutableArray<PlannedTouch> array ? ImmutableCollectionsMarshal.AsArray(array)! : [.. all];
        int n = touches.Length;

        // The usual plan (from the scheduler, or levelled): by due day then id rank, ranks known and unique. Otherwise
        // ranks of this run's own, in the order the ranks and then the ids give, and the touches sorted by them.
        int[]? ranks = null;
        int bound = RankBound(touches);
        if (bound < 0)
        {
            (touches, ranks) = Reordered(touches);
            bound = n;
        }

        _byRank = new PlannedTouch?[bound];
        _dayByRank = new int[bound];
        _state = new byte[bound];
        _keys = new long[n];
        var fixedTouches = new List<int>();
        var releases = new List<(int Day, int Start)>();
        for (int i = 0; i < n; i++)
        {
            var touch = touches[i];
            int rank = ranks is null ? touch.IdRank : ranks[i];
            int due = touch.Due.ToDateOnly().DayNumber - _origin;
            _byRank[rank] = touch;
            _dayByRank[rank] = due;
            if (touch.IsFixed)
            {
                _keys[i] = -1;
                fixedTouches.Add(i);
                continue;
            }

            if (releases.Count == 0 || releases[^1].Day != due)
            {
                releases.Add((due, i));
            }

            long deadline = Deadline(touch).ToDateOnly().DayNumber;
            _keys[i] = (deadline << 32) | ((long)touch.Channel << 30) | (uint)rank;
        }

        var overbooked = PlaceFixed(touches, ranks, fixedTouches);
        PlaceFlexible(touches, ranks, releases);

        ImmutableArray<PlannedTouch> ordered;
        if (ranks is null)
        {
            ordered = ByDayThenRank(n);
        }
        else
        {
            var placed = new List<PlannedTouch>(n);
            foreach (var touch in _byRank)
            {
                placed.Add(touch!);
            }

            ordered = PlanOrder.ByDueThenId(placed, _today, inIdOrderAlready: false);
        }

        return new LevelledPlan(new Plan(_today, ordered), overbooked);
    }

    /// <summary>
    /// One more than the largest id rank when the touches are by due day then rank, every rank known and used once, and
    /// the ranks not too sparse for arrays indexed by them; otherwise -1.
    /// </summary>
    private static int RankBound(PlannedTouch[] touches)
    {
        int n = touches.Length;
        long limit = Math.Min((16L * n) + 65536, 1 << 30);
        int max = -1;
        int previousRank = -1;
        LocalDate previousDue = default;
        for (int i = 0; i < n; i++)
        {
            var touch = touches[i];
            int rank = touch.IdRank;
            if (rank < 0 || rank >= limit)
            {
                return -1;
            }

            if (i > 0 && (touch.Due < previousDue || (touch.Due == previousDue && rank <= previousRank)))
            {
                return -1;
            }

            previousRank = rank;
            previousDue = touch.Due;
            max = Math.Max(max, rank);
        }

        // Ranks increase within a day, but one may come again on another day.
        var seen = new bool[max + 1];
        foreach (var touch in touches)
        {
            if (seen[touch.IdRank])
            {
                return -1;
            }

            seen[touch.IdRank] = true;
        }

        return max + 1;
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

    private LocalDate Deadline(PlannedTouch touch) =>
        _rebase && touch.IsOverdue ? touch.NotAfter.PlusDays(touch.DaysOverdue) : touch.NotAfter;

    /// <summary>Fixed touches keep their days and take the budget first; the days (and weeks) they put over budget.</summary>
    private List<OverbookedDay> PlaceFixed(PlannedTouch[] touches, int[]? ranks, List<int> fixedTouches)
    {
        var budget = _calendar.Budget;
        foreach (int i in fixedTouches)
        {
            var touch = touches[i];
            AddUsage(_dayByRank[ranks is null ? touch.IdRank : ranks[i]], touch.Due, touch.Channel);
        }

        var overbooked = new List<OverbookedDay>();
        if (fixedTouches.Count == 0)
        {
            return overbooked;
        }

        var days = new List<(int Offset, LocalDate Day)>();
        foreach (int i in fixedTouches)
        {
            var touch = touches[i];
            days.Add((_dayByRank[ranks is null ? touch.IdRank : ranks[i]], touch.Due));
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
            int count = _days[offset];
            if (count > budget.PerDay)
            {
                overbooked.Add(new OverbookedDay(day, count, budget.PerDay));
            }

            foreach (var (channel, max) in perChannel)
            {
                int onChannel = _channels[(offset * Channels) + (int)channel];
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
                int week = WeekIndex(offset);
                if (week != lastWeek && _weeks[week] > perWeek)
                {
                    overbooked.Add(new OverbookedDay(WeekOf(day), _weeks[week], perWeek, Week: true));
                }

                lastWeek = week;
            }

            overbooked.Sort((x, y) => x.Date.CompareTo(y.Date) is var c && c != 0 ? c : x.Week.CompareTo(y.Week));
        }

        foreach (int i in fixedTouches)
        {
            var touch = touches[i];
            int rank = ranks is null ? touch.IdRank : ranks[i];
            int offset = _dayByRank[rank];
            bool live = touch.Channel.IsLive() && touch.Relationship.TimeZone is not null;
            var note = FixedNote(offset, touch, overbooked, live);
            _state[rank] = PlacedBit;
            if (note is null)
            {
                continue;
            }

            CallWindow? window = live ? Window(touch.Relationship.TimeZone!, offset, touch.Due) : null;
            _byRank[rank] = touch.Placed(touch.Due, touch.NotAfter, note, window);
        }

        return overbooked;
    }

    /// <summary>The note of a fixed touch on a day and channel, or null when it has no reason to add.</summary>
    private LevellingNote? FixedNote(int offset, PlannedTouch touch, List<OverbookedDay> overbooked, bool live)
    {
        int key = (offset * Channels) + (int)touch.Channel;
        if (!_fixedNotes.TryGetValue(key, out var note))
        {
            var head = new List<Reason>();
            if (DayOffAt(offset, touch.Due) is var off && off != DayOff.None)
            {
                head.Add(new FixedOnDayOffReason(touch.Due, off));
            }

            LocalDate monday = WeekOf(touch.Due);
            foreach (var over in overbooked)
            {
                bool applies = over.Week
                    ? monday == over.Date
                    : over.Date == touch.Due && (over.Channel is null || over.Channel == touch.Channel);
                if (applies)
                {
                    head.Add(new OverbookedReason(over.Date, over.Count, over.Limit, over.Channel, over.Week));
                }
            }

            note = head.Count == 0 ? null : new LevellingNote([.. head]);
            _fixedNotes.Add(key, note);
        }

        return note ?? (live ? _windowOnly ??= new LevellingNote([]) : null);
    }

    /// <summary>The rest: day by day, the released touches with the earliest deadlines first.</summary>
    private void PlaceFlexible(PlannedTouch[] touches, int[]? ranks, List<(int Day, int Start)> releases)
    {
        int n = touches.Length;
        if (releases.Count == 0)
        {
            return;
        }

        _sorted = new long[n];
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

            int start = -1, end = -1;
            if (next < releases.Count && releases[next].Day <= cursor)
            {
                start = releases[next].Start;
                int first = next;
                while (next < releases.Count && releases[next].Day <= cursor)
                {
                    next++;
                }

                end = next < releases.Count ? releases[next].Start : n;
                Release(start, end, sortedAlready: next - first == 1, segments);
            }

            PlaceDay(cursor, day, dayOff, touches, start, end, segments);
            cursor++;
            day = day.PlusDays(1);
        }
    }

    private int Waiting => _queues[0].Count + _queues[1].Count + _queues[2].Count + _queues[3].Count;

    /// <summary>
    /// Sorts the flexible touches from <paramref name="start"/> to <paramref name="end"/> (plan order) by channel, then
    /// deadline, then id rank into <see cref="_sorted"/>, one run per channel, and hands the runs to the queues.
    /// </summary>
    /// <param name="start">The first touch released.</param>
    /// <param name="end">After the last.</param>
    /// <param name="sortedAlready">Whether they are in id rank order (released on their own due day, all the same).</param>
    /// <param name="segments">Set to where each channel's run starts, and (last) where the last one ends.</param>
    private void Release(int start, int end, bool sortedAlready, Span<int> segments)
    {
        long[] keys = _keys;
        long[] sorted = _sorted;
        int min = int.MaxValue, max = int.MinValue, count = 0;
        Span<int> perChannel = stackalloc int[Channels];
        for (int i = start; i < end; i++)
        {
            long key = keys[i];
            if (key < 0)
            {
                continue;
            }

            int deadline = (int)(key >> 32);
            min = Math.Min(min, deadline);
            max = Math.Max(max, deadline);
            perChannel[(int)(key >> 30) & 3]++;
            count++;
        }

        segments[0] = start;
        for (int c = 0; c < Channels; c++)
        {
            segments[c + 1] = segments[c] + perChannel[c];
        }

        long range = (long)max - min + 1;
        if (sortedAlready && range <= (4L * count) + 1024)
        {
            // Counting sort by (channel, deadline): stable, so the rank order within a day stays.
            int width = (int)range;
            var starts = new int[(Channels * width) + 1];
            for (int i = start; i < end; i++)
            {
                long key = keys[i];
                if (key >= 0)
                {
                    starts[((((int)(key >> 30) & 3) * width) + (int)(key >> 32) - min) + 1]++;
                }
            }

            starts[0] = start;
            for (int b = 1; b < starts.Length; b++)
            {
                starts[b] += starts[b - 1];
            }

            for (int i = start; i < end; i++)
            {
                long key = keys[i];
                if (key >= 0)
                {
                    sorted[starts[(((int)(key >> 30) & 3) * width) + (int)(key >> 32) - min]++] = key & ~(3L << 30);
                }
            }
        }
        else
        {
            Span<int> at = stackalloc int[Channels];
            segments[..Channels].CopyTo(at);
            for (int i = start; i < end; i++)
            {
                long key = keys[i];
                if (key >= 0)
                {
                    sorted[at[(int)(key >> 30) & 3]++] = key & ~(3L << 30);
                }
            }

            for (int c = 0; c < Channels; c++)
            {
                Array.Sort(sorted, segments[c], segments[c + 1] - segments[c]);
            }
        }

        for (int c = 0; c < Channels; c++)
        {
            _queues[c].AddRun(segments[c], segments[c + 1]);
        }
    }

    /// <summary>Places what fits on one day, and remembers why the touches released that day and left waiting moved.</summary>
    private void PlaceDay(int d, LocalDate day, DayOff dayOff, PlannedTouch[] touches, int start, int end, Span<int> segments)
    {
        // The key of the touch that filled each channel today (long.MinValue: full before any; long.MaxValue: not full).
        Span<long> filled = stackalloc long[Channels];
        long last = long.MinValue;
        bool exhausted = false;
        if (dayOff == DayOff.None)
        {
            EnsureDay(d);
            int week = WeekIndex(d);
            EnsureWeek(week);
            for (int c = 0; c < Channels; c++)
            {
                filled[c] = _channels[(d * Channels) + c] >= _limit[c] ? long.MinValue : long.MaxValue;
            }

            while (_days[d] < _perDay && !(_weeks[week] >= _perWeek))
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
                var touch = _byRank[rank]!;
                bool onContactWeekend = false;
                if (channel <= (int)Channel.Call && touch.Relationship.TimeZone is { } zone)
                {
                    int z = ZoneIndex(zone);
                    if (IsWeekend(touch.Relationship.Weekend, ContactDayOfWeek(z, d, day)))
                    {
                        int state = _state[rank];
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

                        onContactWeekend = true;
                    }
                }

                Place(touch, rank, key, d, day, onContactWeekend);
                last = key;
                if (_channels[(d * Channels) + channel] >= _limit[channel])
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

        if (start < 0 || Waiting == 0)
        {
            return;
        }

        // The touches released today and still waiting were passed over today: that is why they moved.
        int dayCause = dayOff switch
        {
            DayOff.Weekend => 1 + (int)MoveCause.NotAWorkingDay,
            DayOff.Holiday => 1 + (int)MoveCause.Holiday,
            DayOff.TimeOff => 1 + (int)MoveCause.TimeOff,
            _ => _weeks[WeekIndex(d)] >= _perWeek && _days[d] < _perDay
                ? 1 + (int)MoveCause.WeeklyBudget
                : 1 + (int)MoveCause.DailyBudget,
        };
        for (int c = 0; c < Channels; c++)
        {
            for (int i = segments[c]; i < segments[c + 1]; i++)
            {
                long key = _sorted[i];
                int rank = (int)key;
                int state = _state[rank];
                if ((state & (PlacedBit | CauseMask)) != 0)
                {
                    continue;
                }

                bool passedOver = dayOff == DayOff.None && key > filled[c] && (exhausted || key <= last);
                _state[rank] = (byte)(state | (passedOver ? 1 + (int)MoveCause.ChannelBudget : dayCause));
            }
        }
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

    private static bool IsWeekend(IReadOnlyList<IsoDayOfWeek> weekend, IsoDayOfWeek day)
    {
        for (int i = 0; i < weekend.Count; i++)
        {
            if (weekend[i] == day)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Places a flexible touch on a day.</summary>
    private void Place(PlannedTouch touch, int rank, long key, int d, LocalDate day, bool onContactWeekend)
    {
        var channel = touch.Channel;
        AddUsage(d, day, channel);
        int from = _dayByRank[rank];
        int state = _state[rank];
        _state[rank] = (byte)(state | PlacedBit);
        _dayByRank[rank] = d;

        var zone = touch.Relationship.TimeZone;
        bool live = channel.IsLive() && zone is not null;
        bool late = (int)(key >> 32) - _origin < d;
        bool rebased = _rebase && touch.IsOverdue;
        if (!live && !late && !onContactWeekend && d == from && !rebased)
        {
            return;
        }

        LocalDate deadline = rebased ? touch.NotAfter.PlusDays(touch.DaysOverdue) : touch.NotAfter;
        int cause = d > from ? state & CauseMask : 0;
        var note = FlexibleNote(from, cause, channel, onContactWeekend, touch);
        CallWindow? window = live ? Window(zone!, d, day) : null;
        _byRank[rank] = touch.Placed(day, deadline, note, window);
    }

    /// <summary>The note of a flexible touch due on day <paramref name="from"/>, shared by the touches moved alike.</summary>
    private LevellingNote FlexibleNote(int from, int cause, Channel channel, bool onContactWeekend, PlannedTouch touch)
    {
        int slot = cause == 0 ? 0
            : cause == 1 + (int)MoveCause.ChannelBudget ? 8 + (int)channel
            : cause;
        slot = (slot * 2) + (onContactWeekend ? 1 : 0);
        if (from < 0)
        {
            return NewFlexibleNote(touch.Due, cause, channel, onContactWeekend);
        }

        if (from >= _flexibleNotes.Length)
        {
            Array.Resize(ref _flexibleNotes, Math.Max(from + 1, _flexibleNotes.Length * 2));
        }

        var notes = _flexibleNotes[from] ??= new LevellingNote?[NoteSlots];
        return notes[slot] ??= NewFlexibleNote(touch.Due, cause, channel, onContactWeekend);
    }

    private LevellingNote NewFlexibleNote(LocalDate from, int cause, Channel channel, bool onContactWeekend)
    {
        MoveCause? moveCause = cause == 0 ? null : (MoveCause)(cause - 1);
        int? limit = moveCause switch
        {
            MoveCause.DailyBudget => _perDay,
            MoveCause.WeeklyBudget => _perWeek,
            MoveCause.ChannelBudget => _limit[(int)channel],
            _ => null,
        };
        return new LevellingNote(from, moveCause, limit, onContactWeekend);
    }

    /// <summary>The levelled touches by day, then id rank: a counting sort by day over the touches in rank order.</summary>
    private ImmutableArray<PlannedTouch> ByDayThenRank(int n)
    {
        var result = new PlannedTouch[n];
        int days = _days.Length;
        var starts = new int[days];
        for (int d = 1; d < days; d++)
        {
            starts[d] = starts[d - 1] + _days[d - 1];
        }

        var byRank = _byRank;
        var dayByRank = _dayByRank;
        for (int rank = 0; rank < byRank.Length; rank++)
        {
            if (byRank[rank] is { } touch)
            {
                result[starts[dayByRank[rank]]++] = touch;
            }
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    private DayOff DayOffAt(int d, LocalDate day)
    {
        if (d < 0)
        {
            return _calendar.DayOffOn(day);
        }

        if (d >= _dayOff.Length)
        {
            int old = _dayOff.Length;
            Array.Resize(ref _dayOff, Math.Max(d + 1, Math.Max(64, old * 2)));
            _dayOff.AsSpan(old).Fill(-1);
        }

        if (_dayOff[d] < 0)
        {
            _dayOff[d] = (sbyte)_calendar.DayOffOn(day);
        }

        return (DayOff)_dayOff[d];
    }

    private void AddUsage(int d, LocalDate day, Channel channel)
    {
        if (d < 0)
        {
            throw new InvalidOperationException($"Levelling counted a touch on {day:uuuu'-'MM'-'dd}, before the plan's day; this is a bug in Cadence.");
        }

        EnsureDay(d);
        int w = WeekIndex(d);
        EnsureWeek(w);
        _days[d]++;
        _channels[(d * Channels) + (int)channel]++;
        _weeks[w]++;
    }

    private void EnsureDay(int d)
    {
        if (d >= _days.Length)
        {
            int length = Math.Max(d + 1, _days.Length * 2);
            Array.Resize(ref _days, length);
            Array.Resize(ref _channels, length * Channels);
        }
    }

    private void EnsureWeek(int w)
    {
        if (w >= _weeks.Length)
        {
            Array.Resize(ref _weeks, Math.Max(w + 1, _weeks.Length * 2));
        }
    }

    private int WeekIndex(int d) => (d + _mondayOffset) / 7;

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

    private CallWindow? Window(DateTimeZone zone, int d, LocalDate day)
    {
        int z = ZoneIndex(zone);
        var days = _zones[z];
        Find(days, d, day);
        return days.Windows[d];
    }

    /// <summary>The contact's own day of the week on the owner's day: that of the common hours, else of the owner's midday.</summary>
    private IsoDayOfWeek ContactDayOfWeek(int z, int d, LocalDate day)
    {
        var days = _zones[z];
        Find(days, d, day);
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
            var c = _calendar;
            var window = CallWindow.Find(day, c.TimeZone, c.WorkStart, c.WorkEnd, days.Zone, c.ContactWorkStart, c.ContactWorkEnd);
            LocalDate contactDate = window?.ContactStart.Date
                ?? c.TimeZone.AtLeniently(day.At(new LocalTime(12, 0))).WithZone(days.Zone).Date;
            days.Windows[d] = window;
            days.ContactDay[d] = (byte)contactDate.DayOfWeek;
        }
    }

    /// <summary>Call windows and the contact's day of the week in one zone, by the owner's day (0: not found yet).</summary>
    private sealed class ZoneDays(DateTimeZone zone)
    {
        public readonly DateTimeZone Zone = zone;
        public CallWindow?[] Windows = [];
        public byte[] ContactDay = [];
    }
}
