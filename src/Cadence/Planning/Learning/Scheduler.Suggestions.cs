using System;
using System.Collections.Generic;
using System.Linq;
using Cadence.Explanations;
using Cadence.Internal;
using NodaTime;

namespace Cadence.Planning;

// Suggestions and the weekly review (docs/design.md, "A rhythm that learns"): read from the diary and the plan, never
// changing either.
public sealed partial class Scheduler
{
    /// <summary>
    /// The changes the plan suggests on a day, with their facts (docs/design.md, "A rhythm that learns", Suggestions):
    /// loosen a rule the owner keeps leaving overdue or snoozing, try another channel after unanswered attempts by one,
    /// archive after months without a reply. None for an archived relationship. Nothing changes until the owner applies
    /// one (<see cref="Suggestion.Apply"/>). Pure and deterministic, whatever the order of the diary's lists.
    /// </summary>
    /// <param name="diary">The diary.</param>
    /// <param name="today">The day.</param>
    /// <returns>The suggestions, by relationship id (ordinal) then kind.</returns>
    /// <remarks>A diary that dates anything after <paramref name="today"/> is read as it stood that day (<see cref="Diary.AsOf"/>).</remarks>
    /// <exception cref="KeyNotFoundException">A relationship's tier has no rule and there is no fallback.</exception>
    public IReadOnlyList<Suggestion> Suggest(Diary diary, LocalDate today)
    {
        Guard.NotNull(diary, nameof(diary));
        Guard.Date(today, nameof(today));
        var asOf = diary.AsOf(today);
        var suggestions = new List<Suggestion>();
        foreach (var relationship in asOf.Relationships.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            if (relationship.State.Status == RelationshipStatus.Archived)
            {
                continue;
            }

            var rule = relationship.Rule ?? Options.Rules.For(relationship.Tier);
            Suggester.For(asOf, relationship, rule, today, () => Snooze(asOf, relationship.Id, today), suggestions);
        }

        return suggestions;
    }

    /// <summary>
    /// A week in review (Monday to Sunday, the week of <paramref name="week"/>) read as of the earlier of
    /// <paramref name="today"/> and its Sunday: the touches done, the steps closed and dropped, the touches that slipped
    /// (overdue that day), the relationships fading or dormant, the suggestions and the campaigns' progress.
    /// </summary>
    /// <param name="diary">The diary.</param>
    /// <param name="week">Any day of the week.</param>
    /// <param name="today">The day it is.</param>
    /// <returns>The review.</returns>
    /// <exception cref="KeyNotFoundException">A relationship's tier has no rule and there is no fallback.</exception>
    public WeeklyReview Review(Diary diary, LocalDate week, LocalDate today)
    {
        Guard.NotNull(diary, nameof(diary));
        Guard.Date(week, nameof(week));
        Guard.Date(today, nameof(today));
        var monday = week.PlusDays(1 - (int)week.DayOfWeek);
        var sunday = monday.PlusDays(6);
        var asOf = today < sunday ? today : sunday;
        // Cut once: the plan and the suggestions below then share the one index this scheduler keeps for it.
        var read = diary.AsOf(asOf);
        var plan = Plan(read, asOf);

        var done = read.Touches
            .Where(t => t.Date >= monday && t.Date <= asOf)
            .OrderBy(t => t, TouchOrder.Instance)
            .ThenBy(t => t.RelationshipId, StringComparer.Ordinal)
            .ToArray();
        Commitment[] Closed(CommitmentStatus status) => read.Commitments
            .Where(c => c.Status == status && c.ClosedOn is { } on && on >= monday && on <= asOf)
            .OrderBy(c => c.ClosedOn)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToArray();
        var slipped = plan.Touches
            .Where(t => t.IsOverdue)
            .OrderByDescending(t => t.DaysOverdue)
            .ThenBy(t => t.RelationshipId, StringComparer.Ordinal)
            .ToArray();
        var fading = plan.Touches
            .Where(t => t.Health.Level is HealthLevel.Fading or HealthLevel.Dormant)
            .Select(t => new FadingRelationship(t.Relationship, t.Health))
            .OrderByDescending(f => f.Health.QuietDays ?? int.MaxValue)
            .ThenBy(f => f.Relationship.Id, StringComparer.Ordinal)
            .ToArray();
        return new WeeklyReview(monday, sunday, asOf, done, Closed(CommitmentStatus.Done), Closed(CommitmentStatus.Dropped), slipped, fading, Suggest(read, asOf), plan.Campaigns);
    }

    /// <summary>The day the rules gave a relationship's next touch and the later day a move by hand put it on, or null.</summary>
    private (LocalDate From, LocalDate To)? Snooze(Diary diary, string relationshipId, LocalDate today)
    {
        if (diary.MoveOf(relationshipId) is null)
        {
            return null;
        }

        return PlanFor(diary, relationshipId, today)?.Reasons.OfType<MovedByHandReason>().FirstOrDefault() is { } moved && moved.To > moved.From
            ? (moved.From, moved.To)
            : null;
    }
}
