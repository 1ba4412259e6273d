using System;
using System.Collections.Generic;
using System.Linq;
using Cadence.Calendars;
using Cadence.Levelling;
using Cadence.Planning;
using NodaTime;

namespace Cadence.Benchmarks.Simulation;

/// <summary>What one arm's year gave.</summary>
/// <param name="Touches">Your touches (attempts) in the year.</param>
/// <param name="Answered">Of those, the ones answered (a reply to a note, or a call or meeting that connected).</param>
/// <param name="Pestering">Of those, the ones judged as pestering.</param>
/// <param name="PesteringAfterAttempt">Of those, the ones whose gap counted from an unanswered attempt of yours (not from an exchange).</param>
/// <param name="Decayed">Members decayed at the end of the year.</param>
/// <param name="Dormant">Members the library's health calls dormant at the end of the year.</param>
/// <param name="Budget">The touches the budget allowed: working days times touches a day.</param>
/// <param name="TheyStarted">Exchanges the members started.</param>
/// <param name="Exchanges">All exchanges in the year.</param>
/// <param name="Members">Members.</param>
public sealed record ArmResult(int Touches, int Answered, int Pestering, int PesteringAfterAttempt, int Decayed, int Dormant, int Budget, int TheyStarted, int Exchanges, int Members)
{
    /// <summary>Replies per touch: answered touches over touches.</summary>
    public double RepliesPerTouch => Touches == 0 ? 0 : Answered / (double)Touches;

    /// <summary>The share of touches judged as pestering.</summary>
    public double PesteringShare => Touches == 0 ? 0 : Pestering / (double)Touches;

    /// <summary>The share of the budget used.</summary>
    public double BudgetUsed => Budget == 0 ? 0 : Touches / (double)Budget;
}

/// <summary>
/// One arm's year: the owner follows the agenda inside a daily budget while the members behave as
/// <see cref="PopulationModel"/> says.
/// </summary>
/// <remarks>
/// Each day, first the members: a reply due that day arrives (their note, 09:00); otherwise a member silent for at least
/// its rhythm, with no reply on its way, starts an exchange with probability <c>Initiative · a / r</c> (their note,
/// 09:00). On a working day (Monday to Friday) the owner then plans (<see cref="Scheduler.Plan(Diary, LocalDate)"/> with
/// the calendar, then <see cref="Leveller.Level"/>) and makes the day's levelled touches in agenda order (overdue
/// first), at most the budget, on the channel the plan suggests (11:00). A touch is answered or not as the model says:
/// a call or meeting that connects is logged connected and is the exchange; one that does not is logged no reply; a
/// note is logged connected when a reply will come (their note 0 to 2 days later, 16:00 the same day) and no reply
/// otherwise (the owner would correct the outcome when the reply comes or does not; the plan cannot bring the member back
/// inside the minimum gap, at least a week, so logging it at once changes nothing the owner sees). At the end of
/// the day every member's affinity drifts if its silence is long.
/// </remarks>
public static class OwnerYear
{
    private static readonly IsoDayOfWeek[] WorkingDays =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    /// <summary>The rules of an arm: the model's tiers, all learning or none.</summary>
    /// <param name="model">The model.</param>
    /// <param name="learning">Whether the tiers learn.</param>
    /// <returns>The rules.</returns>
    public static CadenceRules Rules(PopulationModel model, bool learning)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rules = CadenceRules.Empty;
        foreach (var tier in model.Tiers)
        {
            rules = rules.With(tier.Name, tier.Rule).WithLearning(tier.Name, learning);
        }

        return rules;
    }

    /// <summary>Lives one year of a population, with fixed rules or learning.</summary>
    /// <param name="model">The model.</param>
    /// <param name="population">The population (the same for both arms).</param>
    /// <param name="days">Days to live.</param>
    /// <param name="learning">Whether the tiers learn.</param>
    /// <returns>What the year gave.</returns>
    public static ArmResult Run(PopulationModel model, Population population, int days, bool learning)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(population);
        var calendar = OwnerCalendar.ForZone("Europe/London")
            .WithWorkingDays(WorkingDays)
            .WithBudget(new TouchBudget(model.TouchesPerDay));
        var scheduler = new Scheduler(SchedulerOptions.Default
            .WithRules(Rules(model, learning))
            .WithCredits(model.Credits)
            .WithCalendar(calendar)
            .WithMaxDegreeOfParallelism(1));
        var leveller = new Leveller(calendar);

        var diary = new Diary(population.Relationships, population.PriorTouches);
        var members = population.Members.Select(t => new Member(t)).ToArray();
        var byId = members.ToDictionary(m => m.Traits.Id, StringComparer.Ordinal);
        int touches = 0, answered = 0, pestering = 0, afterAttempt = 0, theyStarted = 0, exchanges = 0, workingDays = 0;
        var today = new List<Touch>();
        for (int day = 0; day < days; day++)
        {
            var date = model.Start.PlusDays(day);
            today.Clear();
            foreach (var member in members)
            {
                double chance = member.Daily.NextDouble();
                if (member.PendingReply == day)
                {
                    today.Add(new Touch(member.Traits.Id, date, Channel.Note, Direction.Inbound, time: Times.TheyStart));
                    member.Exchange(day, member.PendingPester, model);
                    member.PendingReply = Member.None;
                    exchanges++;
                }
                else if (member.PendingReply == Member.None
                    && member.Silence(day) >= member.Traits.Rhythm
                    && chance < model.Initiative * member.Affinity / member.Traits.Rhythm)
                {
                    today.Add(new Touch(member.Traits.Id, date, Channel.Note, Direction.Inbound, time: Times.TheyStart));
                    member.Exchange(day, pestered: false, model);
                    theyStarted++;
                    exchanges++;
                }
            }

            if (Array.IndexOf(WorkingDays, date.DayOfWeek) >= 0)
            {
                workingDays++;
                diary = diary.LogAll(today);
                today.Clear();
                var plan = leveller.Level(scheduler.Plan(diary, date));
                foreach (var planned in Agenda.For(plan, date).Touches.Take(model.TouchesPerDay))
                {
                    var member = byId[planned.RelationshipId];
                    bool fromAttempt = member.LastContact > member.LastExchange;
                    var (yes, pester, sameDay) = Attempt(model, member, day, planned.Channel);
                    touches++;
                    answered += yes ? 1 : 0;
                    pestering += pester ? 1 : 0;
                    afterAttempt += pester && fromAttempt ? 1 : 0;
                    exchanges += yes && (sameDay || planned.Channel is Channel.Call or Channel.Meeting) ? 1 : 0;
                    today.Add(new Touch(member.Traits.Id, date, planned.Channel, outcome: yes ? Outcome.Connected : Outcome.NoReply, time: Times.Owner));
                    if (sameDay)
                    {
                        today.Add(new Touch(member.Traits.Id, date, Channel.Note, Direction.Inbound, time: Times.SameDayReply));
                    }
                }
            }

            diary = diary.LogAll(today);
            foreach (var member in members)
            {
                member.Drift(day, model);
            }
        }

        var end = model.Start.PlusDays(days);
        int decayed = members.Count(m => m.HasDecayed(days, model));
        int dormant = scheduler.Plan(diary, end).Touches.Count(t => t.Health.Level == HealthLevel.Dormant);
        return new ArmResult(touches, answered, pestering, afterAttempt, decayed, dormant, workingDays * model.TouchesPerDay, theyStarted, exchanges, members.Length);
    }

    /// <summary>
    /// Your touch on a day: judged as pestering or not, answered or not, and for an answered note whether the reply comes
    /// the same day (a later one is left pending). Updates the member.
    /// </summary>
    private static (bool Answered, bool Pestering, bool SameDayReply) Attempt(PopulationModel model, Member member, int day, Channel channel)
    {
        double r = member.Traits.Rhythm;
        int gap = day - (model.GapFromAttempts ? member.LastContact : member.LastExchange);
        bool pester = gap < model.PesterBelow * r;
        if (pester)
        {
            member.Affinity = Math.Max(0, member.Affinity - model.PesterPenalty);
        }

        double x = gap / r;
        double f = x < 1 ? Math.Pow(x, model.TooSoonExponent) : 1;
        double chance = member.Response.NextDouble();
        double lag = member.Response.NextDouble();
        bool yes = chance < member.Traits.Responsiveness * f * member.Affinity;
        member.LastContact = day;
        if (!yes)
        {
            return (false, pester, false);
        }

        if (channel is Channel.Call or Channel.Meeting)
        {
            member.Exchange(day, pester, model);
            return (true, pester, false);
        }

        int lagDays = 0;
        for (double cumulative = model.ReplyLag[0]; lag >= cumulative && lagDays < model.ReplyLag.Count - 1; cumulative += model.ReplyLag[++lagDays])
        {
        }

        if (lagDays == 0)
        {
            member.Exchange(day, pester, model);
            return (true, pester, true);
        }

        member.PendingReply = day + lagDays;
        member.PendingPester = pester;
        return (true, pester, false);
    }
}
