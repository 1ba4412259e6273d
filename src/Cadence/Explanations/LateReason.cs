using NodaTime;

namespace Cadence.Explanations;

/// <summary>The touch is placed after its latest day.</summary>
/// <param name="NotAfter">The latest day it should have been on.</param>
/// <param name="Days">How many days after it the touch is placed.</param>
/// <param name="NothingFit">Whether levelling moved it there because nothing fit earlier (otherwise it was already due that late).</param>
public sealed record LateReason(LocalDate NotAfter, int Days, bool NothingFit = true) : Reason;
