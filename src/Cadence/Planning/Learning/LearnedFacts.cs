using System;
using Cadence.Explanations;
using Cadence.Internal;

namespace Cadence.Planning;

/// <summary>
/// What a learning relationship's own history changes in its facts (docs/design.md, "A rhythm that learns"): the renewal
/// at the learned target, and the routine touch's floor spaced out after unanswered attempts in a row. The one place it is
/// worked out: <see cref="RelationshipFacts"/> applies it while planning, and a decision works it out again from the same
/// touches when its reasons are made (<see cref="Note"/>), so a plan keeps two bits of it, not objects.
/// </summary>
internal readonly struct LearnedFacts
{
    /// <summary>The relationship's rhythm.</summary>
    internal Rhythm Rhythm { get; init; }

    /// <summary>Whether the learned target at the renewing touch differs from the rule's, so the renewal below stands.</summary>
    internal bool Adjusted { get; init; }

    /// <summary>The touch (its position) that renews furthest at the learned target.</summary>
    internal int Renewal { get; init; }

    /// <summary>The day number it renews the relationship until.</summary>
    internal int RenewedUntil { get; init; }

    /// <summary>Its credit.</summary>
    internal double Credit { get; init; }

    /// <summary>The learned target, in days from the renewing touch.</summary>
    internal int Target { get; init; }

    /// <summary>Whether unanswered attempts in a row spaced the floor out past the minimum gap's.</summary>
    internal bool Spaced { get; init; }

    /// <summary>The day number of the latest attempt.</summary>
    internal int AttemptDay { get; init; }

    /// <summary>The days the next attempt waits after it.</summary>
    internal int Wait { get; init; }

    /// <summary>The spaced-out floor's day number.</summary>
    internal int RoutineFloor => AttemptDay + Wait;

    /// <summary>Works out what learning changes for a relationship's touches (earliest first) under a rule, on a day.</summary>
    /// <param name="touches">Its touches' facts.</param>
    /// <param name="credits">The credit of each touch kind.</param>
    /// <param name="rule">Its rule.</param>
    /// <param name="today">The plan's day number.</param>
    /// <param name="renews">Whether a touch renews it at the rule's target (a learned target needs a renewal to move).</param>
    /// <param name="lastAttempt">The position of its latest attempt, or -1.</param>
    /// <param name="floor">The minimum gap's floor after that attempt.</param>
    internal static LearnedFacts Of(ReadOnlySpan<TouchFacts> touches, ReadOnlySpan<double> credits, CadenceRule rule, int today, bool renews, int lastAttempt, int floor)
    {
        var rhythm = Rhythm.Of(touches, today);
        int learnedRenewal = -1, learnedUntil = 0, learnedTarget = 0;
        double learnedCredit = 0;
        bool adjusted = false;
        if (rhythm.IsKnown && renews)
        {
            for (int k = 0; k < touches.Length; k++)
            {
                double credit = credits[touches[k].Kind];
                if (credit > 0)
                {
                    int day = touches[k].Day;
                    int target = rhythm.TargetDays(rule, day);
                    int until = day + (credit == 1.0 ? target : (int)Math.Floor(target * credit));
                    if (learnedRenewal < 0 || until >= learnedUntil)
                    {
                        (learnedRenewal, learnedUntil, learnedCredit, learnedTarget) = (k, until, credit, target);
                    }
                }
            }

            if (learnedRenewal >= 0)
            {
                int renewalDay = touches[learnedRenewal].Day;
                adjusted = learnedTarget != PeriodMath.Plus(renewalDay, rule.Target, rule.TargetDays) - renewalDay;
            }
        }

        int attemptDay = lastAttempt >= 0 ? touches[lastAttempt].Day : 0;
        int wait = lastAttempt >= 0 && rhythm.UnansweredInARow >= 2 ? rhythm.SpacingDays(rule, attemptDay) : 0;
        return new LearnedFacts
        {
            Rhythm = rhythm,
            Adjusted = adjusted,
            Renewal = learnedRenewal,
            RenewedUntil = learnedUntil,
            Credit = learnedCredit,
            Target = learnedTarget,
            Spaced = lastAttempt >= 0 && rhythm.UnansweredInARow >= 2 && attemptDay + wait > floor,
            AttemptDay = attemptDay,
            Wait = wait,
        };
    }

    /// <summary>Its reasons: the learned target when it moved, the wait when it was spaced out.</summary>
    internal RhythmNote Note() => new()
    {
        Rhythm = Adjusted ? new RhythmReason(Target, Rhythm.UsualGap, Rhythm.Gaps) : null,
        Spaced = Spaced
            ? new SpacedOutReason(Rhythm.UnansweredInARow, PlanningContext.DateOf(Rhythm.FirstUnansweredDay), PlanningContext.DateOf(AttemptDay), Wait, PlanningContext.DateOf(RoutineFloor))
            : null,
    };
}
