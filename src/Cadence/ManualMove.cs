using Cadence.Internal;
using NodaTime;

namespace Cadence;

/// <summary>
/// A relationship's next touch moved by hand: snoozed to a later day or brought forward. It applies to the next
/// touch only: once a touch dated after <see cref="MadeOn"/> is logged, it no longer applies. It wins over the
/// cadence, the minimum gap and a commitment's date; a pause still holds the touch back. Immutable.
/// </summary>
/// <param name="RelationshipId">The relationship whose next touch is moved.</param>
/// <param name="To">The day it is moved to.</param>
/// <param name="MadeOn">The day the move was made.</param>
public sealed record ManualMove(string RelationshipId, LocalDate To, LocalDate MadeOn)
{
    private readonly LocalDate _to = Guard.Date(To, nameof(To));
    private readonly LocalDate _madeOn = Guard.Date(MadeOn, nameof(MadeOn));

    /// <summary>The relationship whose next touch is moved.</summary>
    public string RelationshipId { get; init; } = Guard.Id(RelationshipId, nameof(RelationshipId));

    /// <summary>The day it is moved to (<see cref="SupportedDates"/>).</summary>
    public LocalDate To { get => _to; init => _to = Guard.Date(value, nameof(To)); }

    /// <summary>The day the move was made (<see cref="SupportedDates"/>).</summary>
    public LocalDate MadeOn { get => _madeOn; init => _madeOn = Guard.Date(value, nameof(MadeOn)); }

    /// <summary>
    /// Whether this sets a new relationship's first touch (spread with the others of an import by
    /// <see cref="Levelling.FirstTouchSpread"/>, or given when it was added) rather than moving a touch by hand: it
    /// applies the same way, and its reason says so (<see cref="Explanations.FirstTouchSetReason"/>).
    /// </summary>
    public bool FirstTouch { get; init; }

    /// <summary>Whether the move still applies after these touches: none is dated after the day it was made.</summary>
    /// <param name="lastTouchDate">The date of the relationship's latest touch, if any.</param>
    /// <returns>Whether it applies.</returns>
    public bool AppliesAfter(LocalDate? lastTouchDate) => lastTouchDate is not { } last || last <= MadeOn;
}
