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

    /// <summary>
    /// The floor a commitment is carried to: the end of the minimum gap after the latest attempt of yours that went
    /// unanswered with no reply after it (in the scheduler's order of touches), or null.
    /// </summary>
    public static LocalDate? UnansweredFloor(Diary diary, SchedulerOptions options, Relationship r)
    {
        Touch? unanswered = null;
        foreach (var touch in diary.TouchesOf(r.Id).OrderBy(t => t, Cadence.Planning.TouchOrder.Instance))
        {
            if (touch.IsOutbound && touch.Outcome == Outcome.NoReply)
            {
                unanswered = touch;
            }
            else if (Diary.IsReply(touch))
            {
                unanswered = null;
            }
        }

        return unanswered?.Date.Plus(RuleOf(options, r).MinGap);
    }
}
