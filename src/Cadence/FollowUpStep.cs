using System;
using Cadence.Internal;

namespace Cadence;

/// <summary>
/// One rung of a <see cref="FollowUpLadder"/>: "no reply in 3 working days: write again". Immutable.
/// </summary>
public sealed record FollowUpStep
{
    /// <summary>The most days a step can wait.</summary>
    public const int MaxDays = 366;

    /// <summary>Creates a step.</summary>
    /// <param name="after">Days to wait after the previous attempt of the exchange (the first email, or the previous step), 1 to 366.</param>
    /// <param name="channel">The channel of the step.</param>
    /// <exception cref="ArgumentOutOfRangeException">The days are out of range, or the channel is undefined; the message names the value.</exception>
    public FollowUpStep(int after, Channel channel)
    {
        if (after is < 1 or > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(after), after, $"A follow-up step waits 1 to {MaxDays} days after the previous attempt; got {after}.");
        }

        After = after;
        Channel = Guard.Defined(channel, nameof(channel));
    }

    /// <summary>Days to wait after the previous attempt of the exchange, counted as the ladder says.</summary>
    public int After { get; }

    /// <summary>The channel of the step.</summary>
    public Channel Channel { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{After}: {Channel}";
}
