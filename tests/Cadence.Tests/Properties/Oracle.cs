using System.Linq;
using NodaTime;

namespace Cadence.Tests.Properties;

/// <summary>The scheduler's rules recomputed from docs/design.md ("Domain rules") for the properties, independently of its code.</summary>
internal static class Oracle
{
    public static CadenceRule RuleOf(SchedulerOptions options, Relationship r) => r.Rule ?? options.Rules.For(r.Tier);

    /// <summary>The latest of attempt + MinGap over every outbound attempt, answered or not.</summary>
    public static LocalDate? Floor(Diary diary, SchedulerOptions options, Relationship r)
    {
        var rule = RuleOf(options, r);
        return diary.TouchesOf(r.Id)
            .Where(t => t.Direction == Direction.Outbound)
            .Select(t => (LocalDate?)t.Date.Plus(rule.MinGap))
            .Max();
    }
}
