using Cadence.Explanations;

namespace Cadence.Planning;

/// <summary>
/// The reasons a next step adds to a planned touch, made while planning (they are few): a commitment carried to the
/// minimum gap or later than the cadence allows, a follow-up ladder's step, a ladder that ended unanswered, a date
/// that matters, a reconnect campaign. Kept apart from <see cref="Decision"/> so the plans that have none (most) carry
/// one empty reference.
/// </summary>
internal sealed class NextStepNote
{
    /// <summary>A commitment inside the minimum gap after an unanswered attempt, carried to its end.</summary>
    internal CarriedToFloorReason? Carried { get; set; }

    /// <summary>The open promise that follows this touch (one later than the cadence's latest day, or after a date).</summary>
    internal Commitment? Following { get; set; }

    /// <summary>The step of a follow-up ladder that sets the date.</summary>
    internal FollowUpReason? FollowUp { get; set; }

    /// <summary>Their missed call, to call back.</summary>
    internal CallBackReason? CallBack { get; set; }

    /// <summary>A ladder that ended with no reply.</summary>
    internal LadderEndedReason? Ended { get; set; }

    /// <summary>A date that matters sets the touch.</summary>
    internal ImportantDateReason? Date { get; set; }

    /// <summary>The routine touch due shortly before the date touch, which waits for it.</summary>
    internal HeldForDateReason? HeldFor { get; set; }

    /// <summary>The promise that follows this touch, as a reason.</summary>
    internal BeforeNextStepReason? Before { get; set; }

    /// <summary>The reconnect campaign the relationship is a member of.</summary>
    internal CampaignReason? Campaign { get; set; }

    /// <summary>A copy (the notes of a plan already made are never changed).</summary>
    internal NextStepNote Copy() => (NextStepNote)MemberwiseClone();
}
