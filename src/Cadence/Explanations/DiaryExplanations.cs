using System.Collections.Generic;
using Cadence.Internal;

namespace Cadence.Explanations;

/// <summary>What a diary can explain about itself, as <see cref="Reason"/> records (the diary itself knows no wording).</summary>
public static class DiaryExplanations
{
    /// <summary>Why a commitment is closed: done by a touch (a reply, or the step taken), done or dropped by hand.</summary>
    /// <param name="diary">The diary.</param>
    /// <param name="commitmentId">The commitment's id.</param>
    /// <returns>The reason, or <see langword="null"/> while it is open.</returns>
    /// <exception cref="KeyNotFoundException">No commitment has that id.</exception>
    public static ClosedReason? WhyClosed(this Diary diary, string commitmentId)
    {
        var commitment = Guard.NotNull(diary, nameof(diary)).GetCommitment(commitmentId);
        if (commitment.IsOpen)
        {
            return null;
        }

        Touch? by = commitment.ClosedBy is { } touchId && diary.HasTouch(touchId) ? diary.GetTouch(touchId) : null;
        return new ClosedReason(
            commitment.Id,
            commitment.Purpose,
            commitment.Status,
            commitment.ClosedOn,
            by,
            by is not null && commitment.WaitsForReply && Diary.IsReply(by) && by.Date < commitment.Date);
    }
}
