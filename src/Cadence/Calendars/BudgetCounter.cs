using System;
using System.Runtime.CompilerServices;
using NodaTime;

namespace Cadence.Calendars;

/// <summary>
/// What a <see cref="TouchBudget"/> has left, counted day by day from an origin (the plan's day): touches a day, on each
/// channel a day, and a week (Monday to Sunday). The one place the budget's limits are applied: a reconnect campaign's
/// placement, levelling and the spread of new relationships' first touches all count with it. Days are offsets from the origin, never negative. Used by one thread.
/// </summary>
internal sealed class BudgetCounter
{
    private const int Channels = 4;

    private readonly int _mondayOffset;
    private readonly int[] _limit = new int[Channels];
    private int[] _days = new int[64];
    private int[] _channels = new int[64 * Channels];
    private int[] _weeks = new int[16];

    /// <summary>Creates an empty count.</summary>
    /// <param name="budget">The budget.</param>
    /// <param name="origin">The day of offset 0.</param>
    internal BudgetCounter(TouchBudget budget, LocalDate origin)
    {
        PerDay = budget.PerDay;
        PerWeek = budget.PerWeek;
        for (int c = 0; c < Channels; c++)
        {
            _limit[c] = budget.For((Channel)c);
        }

        _mondayOffset = (int)origin.DayOfWeek - 1;
    }

    /// <summary>The most touches a day.</summary>
    internal int PerDay { get; }

    /// <summary>The most touches a week, if there is a weekly limit.</summary>
    internal int? PerWeek { get; }

    /// <summary>The days counted so far: offsets below this may hold touches.</summary>
    internal int Length => _days.Length;

    /// <summary>The daily limit of a channel (its own, or <see cref="PerDay"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int LimitOf(Channel channel) => _limit[(int)channel];

    /// <summary>The week of a day: weeks run Monday to Sunday, numbered from the origin's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int WeekOf(int day) => (day + _mondayOffset) / 7;

    /// <summary>The touches counted on a day.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int OnDay(int day) => day < _days.Length ? _days[day] : 0;

    /// <summary>The touches counted on a day and channel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int OnChannel(int day, Channel channel) => day < _days.Length ? _channels[(day * Channels) + (int)channel] : 0;

    /// <summary>The touches counted in a week (see <see cref="WeekOf"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int InWeek(int week) => week < _weeks.Length ? _weeks[week] : 0;

    /// <summary>Whether a day has its daily limit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool IsDayFull(int day) => OnDay(day) >= PerDay;

    /// <summary>Whether a week has its weekly limit (never, without one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool IsWeekFull(int week) => InWeek(week) >= PerWeek;

    /// <summary>Whether a channel has its daily limit on a day.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool IsChannelFull(int day, Channel channel) => OnChannel(day, channel) >= _limit[(int)channel];

    /// <summary>Whether one more touch on a channel fits a day: the day's, the week's and the channel's limits.</summary>
    internal bool HasRoom(int day, Channel channel) => !IsDayFull(day) && !IsWeekFull(WeekOf(day)) && !IsChannelFull(day, channel);

    /// <summary>Counts a touch on a day and channel.</summary>
    /// <exception cref="InvalidOperationException">The day is before the origin: a bug in Cadence.</exception>
    internal void Add(int day, Channel channel)
    {
        if (day < 0)
        {
            throw new InvalidOperationException($"A touch was counted {-day} days before the plan's day; this is a bug in Cadence.");
        }

        Reserve(day);
        _days[day]++;
        _channels[(day * Channels) + (int)channel]++;
        _weeks[WeekOf(day)]++;
    }

    /// <summary>Makes room to count touches up to a day (and its week).</summary>
    internal void Reserve(int day)
    {
        if (day >= _days.Length)
        {
            int length = Math.Max(day + 1, _days.Length * 2);
            Array.Resize(ref _days, length);
            Array.Resize(ref _channels, length * Channels);
        }

        int week = WeekOf(day);
        if (week >= _weeks.Length)
        {
            Array.Resize(ref _weeks, Math.Max(week + 1, _weeks.Length * 2));
        }
    }
}
