using System.Collections.Immutable;
using Cadence.Explanations;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// Rule 5, a pause: a relationship paused until a day has no touch before it. It holds whatever the rules before it
/// chose to the pause's end, and no window opens before it; a pause that has ended holds nothing (docs/design.md,
/// "States").
/// </summary>
internal sealed class PauseRule : PlanningRule
{
    private PauseRule()
    {
    }

    /// <summary>The rule.</summary>
    internal static PauseRule Instance { get; } = new();

    /// <summary>Holds the candidate to the end of a pause still running.</summary>
    internal override void Apply(in RelationshipFacts facts, ref Candidate candidate)
    {
        if (facts.PauseEnd is { } end && end > candidate.Day)
        {
            candidate.Paused = true;
            candidate.Day = end;
        }
    }

    /// <summary>The day the window opens: the rule's day, but never before a pause ends.</summary>
    internal static LocalDate? WindowOpens(in RelationshipFacts facts, LocalDate? opens) =>
        facts.PauseEnd is { } end && (opens is null || end > opens) ? end : opens;

    /// <summary>Its reason when it held the touch.</summary>
    internal static void ExplainAdjustment(PlannedTouch touch, in Decision decision, ImmutableArray<Reason>.Builder reasons)
    {
        if (decision.Paused && touch.Relationship.State.PausedUntil is { } until)
        {
            reasons.Add(new PausedReason(until));
        }
    }
}
