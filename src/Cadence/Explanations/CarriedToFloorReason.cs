using NodaTime;

namespace Cadence.Explanations;

/// <summary>
/// A commitment dated inside the minimum gap after an unanswered attempt is carried to the first day the gap allows.
/// </summary>
/// <param name="Promised">The commitment's day.</param>
/// <param name="LastAttempt">The day of the unanswered attempt.</param>
/// <param name="MinGap">The least time between attempts.</param>
/// <param name="CarriedTo">The first day the next attempt may be made.</param>
public sealed record CarriedToFloorReason(LocalDate Promised, LocalDate LastAttempt, Period MinGap, LocalDate CarriedTo) : Reason;
