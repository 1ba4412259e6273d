using Cadence.Explanations;

namespace Cadence.Planning;

/// <summary>
/// The reasons a next step adds to a planned touch, made while planning (they are few): a commitment carried to the
/// minimum gap or later than the cadence allows, a follow-up ladder's step, or a ladder that ended unanswered. Kept
/// apart from <see cref="Explanation"/> so the plans that have none (most) carry one empty reference.
/// </summary>
internal sealed class NextStepNote
{
    /// <summary>A commitment inside the minimum gap after an unanswered attempt, carried to its end.</summary>
    internal CarriedToFloorReason? Carried { get; set; }

    /// <summary>A commitment later than the cadence's latest day.</summary>
    internal BeyondCadenceReason? Beyond { get; set; }

    /// <summary>The step of a follow-up ladder that sets the date.</summary>
    internal FollowUpReason? FollowUp { get; set; }

    /// <summary>A ladder that ended with no reply.</summary>
    internal LadderEndedReason? Ended { get; set; }
}
