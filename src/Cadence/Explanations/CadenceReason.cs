using Cadence.Internal;

namespace Cadence.Explanations;

/// <summary>The cadence rule that applies: the tier's or the relationship's own.</summary>
/// <param name="Tier">The relationship's tier.</param>
/// <param name="Rule">The rule.</param>
/// <param name="IsOverride">Whether the rule is the relationship's own rather than its tier's.</param>
public sealed record CadenceReason(string Tier, CadenceRule Rule, bool IsOverride) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => Append(text, Tier, Rule, IsOverride);

    internal static void Append(TextBuffer text, string tier, CadenceRule rule, bool isOverride)
    {
        if (isOverride)
        {
            text.Append("this relationship is due ");
        }
        else
        {
            Plural(text, tier);
            text.Append(" are due ");
        }

        Every(text, rule);
    }
}
