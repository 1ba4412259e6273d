using System.Collections.Generic;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// A week looked back on, the page read on Friday afternoon: what was done, what slipped, who is fading, what the plan
/// suggests and where the campaigns stand. <see cref="Scheduler.Review"/> gives it, read as of <see cref="AsOf"/>.
/// </summary>
/// <param name="Monday">The week's first day.</param>
/// <param name="Sunday">The week's last day.</param>
/// <param name="AsOf">The day it is read on: the earlier of today and <see cref="Sunday"/>.</param>
/// <param name="Done">The touches dated in the week up to <see cref="AsOf"/>, earliest first (then by relationship id).</param>
/// <param name="StepsClosed">The commitments closed as done in the week (by a touch or by hand), by day closed then id.</param>
/// <param name="Dropped">The commitments dropped in the week, by day dropped then id.</param>
/// <param name="Slipped">The planned touches overdue on <see cref="AsOf"/>, most overdue first (then by relationship id).</param>
/// <param name="Fading">The relationships fading or dormant on <see cref="AsOf"/>, the quietest first (then by id).</param>
/// <param name="Suggestions">The plan's suggestions on <see cref="AsOf"/> (<see cref="Scheduler.Suggest"/>).</param>
/// <param name="Campaigns">The campaigns' progress on <see cref="AsOf"/> (<see cref="Schedule.Campaigns"/>).</param>
public sealed record WeeklyReview(
    LocalDate Monday,
    LocalDate Sunday,
    LocalDate AsOf,
    IReadOnlyList<Touch> Done,
    IReadOnlyList<Commitment> StepsClosed,
    IReadOnlyList<Commitment> Dropped,
    IReadOnlyList<PlannedTouch> Slipped,
    IReadOnlyList<FadingRelationship> Fading,
    IReadOnlyList<Suggestion> Suggestions,
    IReadOnlyList<CampaignProgress> Campaigns);

/// <summary>A relationship that is fading or dormant, with its health (<see cref="WeeklyReview.Fading"/>).</summary>
/// <param name="Relationship">The relationship.</param>
/// <param name="Health">Its health on the day of the review.</param>
public sealed record FadingRelationship(Relationship Relationship, RelationshipHealth Health);
