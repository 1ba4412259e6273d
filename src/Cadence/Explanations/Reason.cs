using System;
using System.Collections.Generic;
using Cadence.Internal;

namespace Cadence.Explanations;

/// <summary>
/// One structured reason behind a planned touch: a kind (the derived record) and the dates and numbers behind it.
/// The records are data only; <see cref="ToString"/> words one as a short English clause and <see cref="Sentence"/>
/// joins them into a sentence such as "Last met 41 days ago; clients are due every 30 days (at most 45)." (see
/// docs/design.md, "How a reason is made").
/// </summary>
public abstract record Reason
{
    private protected Reason()
    {
    }

    /// <summary>Joins reasons into one sentence: clauses separated by "; ", the first capitalized, a full stop at the end.</summary>
    /// <param name="reasons">The reasons, in order.</param>
    /// <returns>The sentence, or an empty string for no reasons.</returns>
    public static string Sentence(IEnumerable<Reason> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var text = new TextBuffer(128);
        English.AppendSentence(text, reasons is Reason[] array ? array : [.. reasons]);
        return text.ToString();
    }

    /// <summary>The reason as one lower-case English clause, without a full stop.</summary>
    /// <returns>The clause.</returns>
    public sealed override string ToString() => English.Clause(this);
}
