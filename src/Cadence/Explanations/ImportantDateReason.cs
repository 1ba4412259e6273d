using NodaTime;

namespace Cadence.Explanations;

/// <summary>
/// A date that matters sets the touch: "birthday on Fri 13 Mar 2026; turns 40", with "(reminder 7 days before)" when
/// the touch is planned on the lead day. The contact's name is not in it (the title has it, and a feed with initials
/// only must not show it).
/// </summary>
/// <param name="Label">The date's label ("birthday", "work anniversary").</param>
/// <param name="Date">The day the date falls on.</param>
/// <param name="Years">The age (a birthday) or the years since it began, when its year is known; otherwise <see langword="null"/>.</param>
/// <param name="LeadDays">How many days before the date the touch is planned (0 on the day).</param>
public sealed record ImportantDateReason(string Label, LocalDate Date, int? Years, int LeadDays) : Reason
{
    /// <summary>Whether the label names a birthday, so the years read as an age ("turns 40").</summary>
    public bool IsBirthday => Label.Contains("birthday", System.StringComparison.OrdinalIgnoreCase);
}
