using System.Collections.Immutable;
using Cadence.Calendars;
using Cadence.Explanations;

namespace Cadence.Planning;

/// <summary>
/// Rule 3, a call back: when the latest touch is a call of theirs that nobody answered (logged inbound with no reply),
/// call them back the next working day (on the owner's calendar, Monday to Friday without one), within three working
/// days of their call, sooner than the minimum gap after an attempt of yours if need be (they called: calling back is not
/// pestering). It takes over from the cadence and a ladder (their call ended any ladder: it is a reply); a promise, a
/// move, a pause and a date come after it in the list. Any touch after their call ends it.
/// </summary>
internal sealed class CallBackRule : PlanningRule
{
    private CallBackRule()
    {
    }

    /// <summary>The rule.</summary>
    internal static CallBackRule Instance { get; } = new();

    /// <summary>Takes over with a call back after their missed call.</summary>
    internal override void Apply(in RelationshipFacts facts, ref Candidate candidate)
    {
        var touches = facts.Touches;
        if (touches.Length == 0 || touches[^1] is not { IsOutbound: false, IsNoReply: true, Channel: Channel.Call } missed)
        {
            return;
        }

        var calendar = facts.Context.Options.Calendar;
        var called = PlanningContext.DateOf(missed.Day);
        var day = WorkingDays.Plus(calendar, called, 1);
        candidate = new Candidate
        {
            Rule = this,
            Day = day,
            NotAfter = WorkingDays.Plus(calendar, called, 3),
            Opens = day,
            WaitedFor = -1,
            Channel = Channel.Call,
            Note = new NextStepNote
            {
                CallBack = new CallBackReason(facts.Context.Diary.TouchArray[facts.TouchIndex(touches.Length - 1)]),
            },
        };
    }

    /// <summary>Its reasons when it set the day: their missed call (the latest touch), then what the cadence says, and a promise that follows.</summary>
    internal override void Explain(PlannedTouch touch, in Decision decision, ImmutableArray<Reason>.Builder reasons)
    {
        reasons.Add(decision.Next!.CallBack!);
        RoutineRule.AddContext(touch, decision, reasons, firstTouch: false, latest: false);
        RoutineRule.AddFollowing(decision, reasons);
    }
}
