using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Cadence.Internal;

namespace Cadence;

// What a touch closes: the rule, its use by logging and correcting, and why a commitment is closed.
public sealed partial class Diary
{
    /// <summary>
    /// The open commitments a touch closes when it is logged with <see cref="Log(Touch)"/>. A touch never closes a
    /// commitment made after it. A step (<see cref="CommitmentKind.Step"/>) due on or before the touch's date is closed
    /// by an attempt of yours, answered or not, or by a conversation they started; a missed call of theirs closes
    /// nothing. A step that waits for a reply (<see cref="CommitmentKind.UnlessReply"/>) is also closed, whatever its
    /// date, by their reply: a touch they started, or a call or meeting of yours that connected. A step due later stays
    /// open: it is a later step. A meeting booked in the calendar (<see cref="CommitmentKind.Booked"/>) closes as a step
    /// does, but on its day only by a touch at or after its time (or without a time): an earlier meeting that day is not it.
    /// </summary>
    /// <param name="touch">The touch.</param>
    /// <returns>The commitments it closes, in the order given.</returns>
    /// <exception cref="KeyNotFoundException">The touch's relationship is not in the diary.</exception>
    public IReadOnlyList<Commitment> CommitmentsClosedBy(Touch touch)
    {
        Guard.NotNull(touch, nameof(touch));
        var closed = new List<Commitment>();
        foreach (int c in CommitmentIndexesOf(IndexOf(touch.RelationshipId)))
        {
            if (Closes(touch, _commitments[c]))
            {
                closed.Add(_commitments[c]);
            }
        }

        return closed;
    }

    /// <summary>The rule of <see cref="CommitmentsClosedBy"/>.</summary>
    internal static bool Closes(Touch touch, Commitment commitment)
    {
        if (!commitment.IsOpen || (commitment.MadeOn is { } made && touch.Date < made))
        {
            return false;
        }

        if (commitment.WaitsForReply && IsReply(touch))
        {
            return true;
        }

        return (commitment.IsBooked ? IsAtOrAfter(touch, commitment) : commitment.Date <= touch.Date) && (touch.IsOutbound || touch.Outcome == Outcome.Connected);
    }

    /// <summary>Whether a touch is at or after a booked meeting: a later day, or its day at or after its time (either without a time: the day).</summary>
    private static bool IsAtOrAfter(Touch touch, Commitment booked) =>
        booked.Date < touch.Date || (booked.Date == touch.Date && (touch.Time is not { } at || booked.Time is not { } start || at >= start));

    /// <summary>Whether a touch is their reply: one they started, or a call or meeting of yours that connected.</summary>
    /// <param name="touch">The touch.</param>
    /// <returns>Whether it is a reply.</returns>
    internal static bool IsReply(Touch touch) =>
        touch.Direction == Direction.Inbound || (touch.Outcome == Outcome.Connected && touch.Channel.IsLive());

    /// <summary>The commitments with those of a relationship that a touch satisfies closed by it.</summary>
    private ImmutableArray<Commitment> CloseBy(ImmutableArray<Commitment> commitments, Touch touch, int relationshipIndex)
    {
        foreach (int c in CommitmentIndexesOf(relationshipIndex))
        {
            var commitment = commitments[c];
            if (Closes(touch, commitment))
            {
                commitments = commitments.SetItem(c, commitment.ClosedByTouch(touch));
            }
        }

        return commitments;
    }

    /// <summary>The commitments with those a touch closed open again.</summary>
    private static ImmutableArray<Commitment> ReopenClosedBy(ImmutableArray<Commitment> commitments, string touchId)
    {
        for (int c = 0; c < commitments.Length; c++)
        {
            if (string.Equals(commitments[c].ClosedBy, touchId, StringComparison.Ordinal))
            {
                commitments = commitments.SetItem(c, commitments[c].Reopen());
            }
        }

        return commitments;
    }
}
