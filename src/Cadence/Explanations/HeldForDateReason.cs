using NodaTime;

namespace Cadence.Explanations;

/// <summary>
/// The cadence's routine touch was due shortly before a date touch and waits for it, so the contact does not hear
/// from you twice in a few days: "the routine touch due Mon 2 Mar 2026 waits for it (none in the 14 days before a
/// date)". See <c>SchedulerOptions.DateWindowDays</c>.
/// </summary>
/// <param name="RoutineDue">
/// The day the cadence had the routine touch due; <see langword="null"/> for a first touch, which is due from whatever
/// day the plan is made ("the first touch waits for it"), so that the reason reads the same each morning.
/// </param>
/// <param name="WindowDays">The window: a routine touch due this many days or fewer before a date touch waits for it.</param>
public sealed record HeldForDateReason(LocalDate? RoutineDue, int WindowDays) : Reason;
