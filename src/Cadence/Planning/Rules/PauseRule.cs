using System.Collections.Immutable;
using Cadence.Explanations;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// Rule 6, a pause: a relationship paused until a day has no touch before it. It holds whatever the rules before it
/// chose to the pause's end, and no window opens before it; once the pause has passed, a touch it held is late from its
/// end (docs/design.md, "States").
/// </summary>
internal sealed class PauseRule : PlanningRule
{
    private PauseRule()
    {
    }

    /// <summary>The rule.</summary>
    internal static PauseRule Instance { get; } = new();

    /// <summary>
    /// Holds the candidate to the pause's end: while the pause runs, nothing comes before it; once it has passed, a
    /// touch it held is late only from its end (the day the plan last gave it), not from the day before the pause.
    /// </summary>
    internal override void Apply(in RelationshipFacts facts, ref Candidate candidate)
    {
        if (facts.Relationship.State.PausedUntil is { } end && end > candidate.Day)
        {
            candidate.Paused = true;
            candidate.Day = end;
        }
    }

    /// <summary>The day the window opens: the rule's day, but never before a pause ends.</summary>
    internal static LocalDate? WindowOpens(in RelationshipFacts facts, LocalDate? opens) =>
        opens is null ? facts.PauseEnd
        : facts.Relationship.State.PausedUntil is { } end && end > opens ? end : opens;

    /// <summary>Its reason when it held the touch.</summary>
    internal static void ExplainAdjustment(PlannedTouch touch, in Decision decision, ImmutableArray<Reason>.Builder reasons)
    {
        if (decision.Paused && touch.Relationship.State.PausedUntil is { } until)
        {
            reasons.Add(new PausedReason(until));
        }
    }
}
