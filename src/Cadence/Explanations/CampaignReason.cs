using NodaTime;

namespace Cadence.Explanations;

/// <summary>
/// The relationship is a member of a reconnect campaign: "campaign "past associates" to reconnect by Thu 31 Dec 2026:
/// 12 of 40 done" (the name quoted, as the user wrote it). When the campaign placed the touch,
/// <see cref="CadenceDue"/> names the day the cadence had it due; when the budget had no room left in the campaign's
/// period, <see cref="CannotFit"/> says so and the cadence's touch stays.
/// </summary>
/// <param name="Campaign">The campaign's name.</param>
/// <param name="By">The campaign's last day.</param>
/// <param name="Done">Members reconnected so far.</param>
/// <param name="Members">Members in all.</param>
/// <param name="CadenceDue">The day the cadence had the touch due, when the campaign moved it; otherwise <see langword="null"/>.</param>
/// <param name="CannotFit">Whether the budget left no room for this member before <see cref="By"/>.</param>
public sealed record CampaignReason(string Campaign, LocalDate By, int Done, int Members, LocalDate? CadenceDue, bool CannotFit) : Reason;
