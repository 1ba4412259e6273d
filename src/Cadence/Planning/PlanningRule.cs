using System.Collections.Immutable;
using Cadence.Explanations;

namespace Cadence.Planning;

/// <summary>
/// One planning rule (docs/design.md, "Planning rules"): it reads a relationship's facts and takes over the candidate
/// chosen so far with one of its own, adjusts it, or leaves it; and it words its own reasons when the plan keeps the day
/// it set. The scheduler passes each relationship's candidate down its precedence list (<see cref="Scheduler"/>); the
/// rules are stateless, one instance each.
/// </summary>
internal abstract class PlanningRule
{
    /// <summary>Makes the rule, with its <see cref="Code"/>.</summary>
    private protected PlanningRule() => Code = System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    /// <summary>A number for this rule within the process (its identity hash, kept): a fingerprint's word for which rule decided.</summary>
    internal int Code { get; }

    /// <summary>Whether the reasons it gives when it sets the day already name the campaign the touch counts for.</summary>
    internal virtual bool NamesCampaign => false;

    /// <summary>Takes over the candidate with one of its own, adjusts it, or leaves it (a rule of the whole plan, such as a campaign's, leaves it here).</summary>
    /// <param name="facts">The relationship's facts.</param>
    /// <param name="candidate">The candidate chosen so far (the first rule's is empty).</param>
    internal virtual void Apply(in RelationshipFacts facts, ref Candidate candidate)
    {
    }

    /// <summary>Its reasons, first in the touch's sentence, when the plan keeps the day it set.</summary>
    /// <param name="touch">The planned touch.</param>
    /// <param name="decision">What was decided.</param>
    /// <param name="reasons">Where to add them.</param>
    internal virtual void Explain(PlannedTouch touch, in Decision decision, ImmutableArray<Reason>.Builder reasons)
    {
    }
}
