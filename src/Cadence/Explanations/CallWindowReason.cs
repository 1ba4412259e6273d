using Cadence.Calendars;

namespace Cadence.Explanations;

/// <summary>The hours when both sides are at work, for a call or meeting across time zones.</summary>
/// <param name="Window">The window.</param>
public sealed record CallWindowReason(CallWindow Window) : Reason;
