using System;
using System.Linq;
using Cadence.Tests.Levelling;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cadence.Tests;

/// <summary>The agenda of any range of any plan, levelled or not, is the plan filtered to the range and sorted as documented.</summary>
[Properties(MaxTest = Generators.Runs, QuietOnSuccess = true)]
public class AgendaProperties
{
    private static readonly Gen<(LevellingScenario Scenario, int From, int Days, bool Level)> Cases =
        from s in LevellingProperties.Scenarios
        from start in Gen.Choose(-5, 40)
        from days in Gen.Choose(0, 20)
        from level in Gen.Elements(false, true)
        select (s, start, days, level);

    [Property]
    public Property Agenda_AnyPlanAnyRange_IsTheRangeOverdueFirstThenByDayThenId()
    {
        return Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            Schedule plan = new Scheduler(c.Scenario.SchedulerOptions).Plan(c.Scenario.Diary, c.Scenario.Today);
            if (c.Level)
            {
                plan = new Leveller(c.Scenario.Calendar, c.Scenario.Options).Level((Plan)plan);
            }

            var from = c.Scenario.Today.PlusDays(c.From);
            var to = from.PlusDays(c.Days);
            var expected = plan.Touches
                .Where(t => t.Due >= from && t.Due <= to)
                .OrderByDescending(t => t.DaysOverdue)
                .ThenBy(t => t.Due)
                .ThenBy(t => t.RelationshipId, StringComparer.Ordinal)
                .ToList();
            var agenda = Agenda.For(plan, from, to);
            return agenda.From == from && agenda.To == to && agenda.Touches.SequenceEqual(expected);
        });
    }
}
