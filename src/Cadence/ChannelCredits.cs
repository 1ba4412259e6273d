using System;
using System.Diagnostics.Contracts;
using System.Globalization;
using Cadence.Internal;

namespace Cadence;

/// <summary>
/// The share of a full touch that each channel counts for, and what an unanswered attempt counts for. A touch
/// with credit <c>c</c> on day <c>d</c> renews the relationship until <c>d + c·Target</c> (due) and
/// <c>d + c·MaxGap</c> (latest). Defaults: meeting 1, call 1, note 0.6, social 0.25, no reply 0. Immutable.
/// </summary>
public sealed record ChannelCredits
{
    /// <summary>The largest credit allowed.</summary>
    public const double MaxCredit = 10;

    private ChannelCredits(double meeting, double call, double note, double social, double noReply)
    {
        Meeting = meeting;
        Call = call;
        Note = note;
        Social = social;
        NoReply = noReply;
    }

    /// <summary>Meeting 1, call 1, note 0.6, social 0.25, no reply 0.</summary>
    public static ChannelCredits Default { get; } = new(1, 1, 0.6, 0.25, 0);

    /// <summary>What a connected meeting counts for.</summary>
    public double Meeting { get; }

    /// <summary>What a connected call counts for.</summary>
    public double Call { get; }

    /// <summary>What a note counts for.</summary>
    public double Note { get; }

    /// <summary>What a social touch counts for.</summary>
    public double Social { get; }

    /// <summary>What any touch with <see cref="Outcome.NoReply"/> counts for.</summary>
    public double NoReply { get; }

    /// <summary>The credit of one channel when connected.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>Its credit.</returns>
    public double this[Channel channel] => channel switch
    {
        Channel.Meeting => Meeting,
        Channel.Call => Call,
        Channel.Note => Note,
        Channel.Social => Social,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, $"The channel {channel} is not defined."),
    };

    /// <summary>The credit a touch earns: <see cref="NoReply"/> if unanswered, else its channel's.</summary>
    /// <param name="touch">The touch.</param>
    /// <returns>Its credit.</returns>
    public double For(Touch touch) =>
        Guard.NotNull(touch, nameof(touch)).Outcome == Outcome.NoReply ? NoReply : this[touch.Channel];

    /// <summary>Returns a copy where <paramref name="channel"/> counts for <paramref name="credit"/>.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="credit">Its credit, from 0 to <see cref="MaxCredit"/>.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The credit is negative, too large or not a number.</exception>
    [Pure]
    public ChannelCredits With(Channel channel, double credit)
    {
        Check(credit, channel.ToString());
        return Guard.Defined(channel, nameof(channel)) switch
        {
            Channel.Meeting => new(credit, Call, Note, Social, NoReply),
            Channel.Call => new(Meeting, credit, Note, Social, NoReply),
            Channel.Note => new(Meeting, Call, credit, Social, NoReply),
            _ => new(Meeting, Call, Note, credit, NoReply),
        };
    }

    /// <summary>Returns a copy where an unanswered touch counts for <paramref name="credit"/>.</summary>
    /// <param name="credit">The credit, from 0 to <see cref="MaxCredit"/>.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The credit is negative, too large or not a number.</exception>
    [Pure]
    public ChannelCredits WithNoReply(double credit)
    {
        Check(credit, "no reply");
        return new(Meeting, Call, Note, Social, credit);
    }

    private static void Check(double credit, string what)
    {
        if (double.IsNaN(credit) || credit < 0 || credit > MaxCredit)
        {
            throw new ArgumentOutOfRangeException(
                nameof(credit),
                credit,
                $"The credit for {what} must be from 0 to {MaxCredit.ToString(CultureInfo.InvariantCulture)}; got {credit.ToString(CultureInfo.InvariantCulture)}.");
        }
    }
}
