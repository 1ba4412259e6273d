using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using Cadence.Internal;

namespace Cadence.Calendars;

/// <summary>
/// How many touches fit: at most <see cref="PerDay"/> a day, optionally at most a number per channel a day and a
/// number per week (Monday to Sunday). Immutable and checked: every limit is at least 1.
/// </summary>
public sealed record TouchBudget
{
    /// <summary>Creates a budget of at most <paramref name="perDay"/> touches a day.</summary>
    /// <param name="perDay">At least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The limit is below 1.</exception>
    public TouchBudget(int perDay)
    {
        PerDay = Check(perDay, nameof(perDay), "touches a day");
    }

    /// <summary>The most touches a day.</summary>
    public int PerDay { get; private init; }

    /// <summary>The most touches a week (Monday to Sunday), or <see langword="null"/> for no weekly limit.</summary>
    public int? PerWeek { get; private init; }

    /// <summary>The most touches a day on some channels; channels not named have no limit of their own.</summary>
    public IReadOnlyDictionary<Channel, int> PerChannel { get; private init; } = ImmutableSortedDictionary<Channel, int>.Empty;

    /// <summary>Returns a copy with at most <paramref name="max"/> touches a day on <paramref name="channel"/>.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="max">At least 1.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The limit is below 1.</exception>
    [Pure]
    public TouchBudget WithPerChannel(Channel channel, int max)
    {
        Guard.Defined(channel, nameof(channel));
        Check(max, nameof(max), $"{channel.ToString().ToLowerInvariant()} touches a day");
        return this with { PerChannel = ((ImmutableSortedDictionary<Channel, int>)PerChannel).SetItem(channel, max) };
    }

    /// <summary>Returns a copy with at most <paramref name="max"/> touches a week (or no weekly limit).</summary>
    /// <param name="max">At least 1, or <see langword="null"/>.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The limit is below 1.</exception>
    [Pure]
    public TouchBudget WithPerWeek(int? max) => this with { PerWeek = max is { } m ? Check(m, nameof(max), "touches a week") : null };

    /// <summary>The daily limit of a channel: its own, or <see cref="PerDay"/>.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The limit.</returns>
    public int For(Channel channel) => PerChannel.TryGetValue(channel, out int max) ? Math.Min(max, PerDay) : PerDay;

    /// <inheritdoc/>
    public bool Equals(TouchBudget? other) =>
        other is not null && PerDay == other.PerDay && PerWeek == other.PerWeek && PerChannel.OrderBy(p => p.Key).SequenceEqual(other.PerChannel.OrderBy(p => p.Key));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(PerDay, PerWeek, PerChannel.Count);

    private static int Check(int value, string paramName, string what) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(paramName, value, $"A budget must allow at least 1 of {what}; got {value}.");
}
