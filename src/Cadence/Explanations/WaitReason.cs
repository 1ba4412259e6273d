using NodaTime;

namespace Cadence.Explanations;

/// <summary>An unanswered or recent attempt keeps the next one from coming too soon.</summary>
/// <param name="LastAttempt">The day of the latest outbound attempt.</param>
/// <param name="DaysAgo">Days between it and today.</param>
/// <param name="MinGap">The least time between attempts.</param>
/// <param name="NotBefore">The first day the next attempt may be made.</param>
public sealed record WaitReason(LocalDate LastAttempt, int DaysAgo, Period MinGap, LocalDate NotBefore) : Reason;
