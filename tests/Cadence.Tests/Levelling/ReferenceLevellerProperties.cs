using System;
using System.Collections.Generic;
using System.Linq;
using Cadence.Calendars;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cadence.Tests.Levelling;

/// <summary>
/// The fast <see cref="Leveller"/> gives exactly what the <see cref="ReferenceLeveller"/> (its readable specification)
/// gives, on generated diaries and owner calendars: plans as the scheduler makes them, the same plans in another order
/// (the fast leveller then ranks the touches itself).
/// </summary>
public class ReferenceLevellerProperties
{
    /// <summary>Generated scenarios, each levelled two ways.</summary>
    private const int Runs = 1000;

    /// <summary>
    /// A third of the usual levelling scenarios (<see cref="LevellingProperties.Scenarios"/>), a third harsher ones: owners
    /// who work only on weekend days with contacts in zones whatever the owner's days (calls that wait a week for a day
    /// off the contact's weekend, then go anyway), twice the crowd around today, and always some channels' own budgets;
    /// and a third of either with narrow windows and time off from a due day, where touches often go before their due
    /// day (<see cref="LevellingProperties.WindowScenarios"/>).
    /// </summary>
    internal static Gen<LevellingScenario> Scenarios
    {
        get
        {
            var usual = LevellingProperties.Scenarios;
            var harsh = LevellingProperties.ScenariosWith(weekendWork: true, crowd: 16, channelBudgets: true);
            return Gen.OneOf(usual, harsh, LevellingProperties.WindowScenarios(Gen.OneOf(usual, harsh)));
        }
    }

    [Property(MaxTest = Runs, QuietOnSuccess = true)]
    public Property Level_AnyDiaryAndCalendar_EqualsTheReferenceLeveller()
    {
        return Prop.ForAll(LevellingProperties.WithShuffledOrder(Scenarios).ToArbitrary(), x =>
        {
            var (s, order) = x;
            var fast = new Leveller(s.Calendar, s.Options);
            var reference = new ReferenceLeveller(s.Calendar, s.Options);

            var plan = s.Unlevelled();
            var expected = reference.Level(plan);
            var actual = fast.Level(plan);
            AssertSame("the scheduler's plan", expected, actual);

            // Not in plan order: the fast leveller ranks the touches itself.
            AssertSame("the plan shuffled", expected, fast.Level(LevellingProperties.Reordered(plan, order)));
            return true;
        });
    }

    /// <summary>Throws, naming each relationship that differs and how, unless both levelled plans are the same.</summary>
    private static void AssertSame(string what, LevelledPlan expected, LevelledPlan actual)
    {
        var differences = Differences(expected, actual).ToList();
        if (differences.Count > 0)
        {
            throw new InvalidOperationException(
                $"Levelling {what}, the fast leveller differs from the reference:\n  " + string.Join("\n  ", differences));
        }
    }

    private static IEnumerable<string> Differences(LevelledPlan expected, LevelledPlan actual)
    {
        var expectedIds = expected.Touches.Select(t => t.RelationshipId).ToArray();
        var actualIds = actual.Touches.Select(t => t.RelationshipId).ToArray();
        if (!expectedIds.SequenceEqual(actualIds))
        {
            yield return $"plan order: reference [{string.Join(", ", expectedIds)}], fast [{string.Join(", ", actualIds)}]";
        }

        foreach (var want in expected.Touches)
        {
            if (!actual.TryGet(want.RelationshipId, out var got))
            {
                yield return $"{want.RelationshipId}: missing from the fast leveller's plan";
                continue;
            }

            string id = want.RelationshipId + (want.IsFixed ? " (fixed)" : string.Empty);
            var differences = TouchDifferences(want, got).ToList();
            if (differences.Count == 0 && !want.Equals(got))
            {
                differences.Add("not equal in some other field");
            }

            foreach (var difference in differences)
            {
                yield return $"{id}: {difference}";
            }
        }

        foreach (var extra in actual.Touches.Where(t => !expected.TryGet(t.RelationshipId, out _)))
        {
            yield return $"{extra.RelationshipId}: only in the fast leveller's plan";
        }

        if (!expected.Overbooked.SequenceEqual(actual.Overbooked))
        {
            yield return $"overbooked: reference [{string.Join("; ", expected.Overbooked)}], fast [{string.Join("; ", actual.Overbooked)}]";
        }
    }

    private static IEnumerable<string> TouchDifferences(LevelledTouch want, LevelledTouch got)
    {
        if (want.Due != got.Due)
        {
            yield return $"Due: reference {want.Due:uuuu-MM-dd}, fast {got.Due:uuuu-MM-dd}";
        }

        if (want.NotAfter != got.NotAfter)
        {
            yield return $"NotAfter: reference {want.NotAfter:uuuu-MM-dd}, fast {got.NotAfter:uuuu-MM-dd}";
        }

        if (want.NotBefore != got.NotBefore)
        {
            yield return $"NotBefore: reference {want.NotBefore:uuuu-MM-dd}, fast {got.NotBefore:uuuu-MM-dd}";
        }

        if (want.Channel != got.Channel)
        {
            yield return $"Channel: reference {want.Channel}, fast {got.Channel}";
        }

        if (!Equals(want.CallWindow, got.CallWindow))
        {
            yield return $"CallWindow: reference {want.CallWindow?.ToString() ?? "none"}, fast {got.CallWindow?.ToString() ?? "none"}";
        }

        if (!want.Reasons.SequenceEqual(got.Reasons))
        {
            int at = want.Reasons.Zip(got.Reasons).TakeWhile(p => p.First.Equals(p.Second)).Count();
            yield return $"Reasons from #{at}: reference [{string.Join("; ", want.Reasons.Skip(at).Select(Describe))}], fast [{string.Join("; ", got.Reasons.Skip(at).Select(Describe))}]";
        }

        if (want.Why != got.Why)
        {
            yield return $"Why: reference \"{want.Why}\", fast \"{got.Why}\"";
        }
    }

    /// <summary>A reason's record form (its fields), which its sentence may not show in full.</summary>
    private static string Describe(Reason reason) => reason switch
    {
        LevelledReason r => $"Levelled({r.From:uuuu-MM-dd}→{r.To:uuuu-MM-dd}, {r.Cause}, limit {r.Limit}, {r.Channel}, {r.Place})",
        LateReason r => $"Late({r.NotAfter:uuuu-MM-dd}, {r.Days} days, nothing fit: {r.NothingFit})",
        _ => $"{reason.GetType().Name}: {reason}",
    };
}
