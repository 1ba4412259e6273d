using System.Collections.Immutable;
using Cadence.Calendars;
using Cadence.Explanations;
using NodaTime;

namespace Cadence.Levelling;

/// <summary>
/// What levelling adds to a placed touch's reasons, kept compact and turned into <see cref="Reason"/> records only when
/// they are read. The reasons that follow from the placed touch itself (its day, latest day, channel, contact's time
/// zone and call window) are not stored; the rest is a handful of values that many touches share, so one note serves
/// every touch moved from the same day for the same cause. Immutable.
/// </summary>
/// <remarks>
/// The reasons, in order: <see cref="Head"/> (a fixed touch's <see cref="FixedOnDayOffReason"/> and
/// <see cref="OverbookedReason"/>s); for a flexible touch a
/// <see cref="LevelledReason"/> when it left the day it was due, an <see cref="OnContactWeekendReason"/>, a
/// <see cref="LateReason"/> when it is placed after its latest day; and for a call or meeting with a contact whose time
/// zone is known a <see cref="CallWindowReason"/> or <see cref="NoCommonHoursReason"/>.
/// </remarks>
internal sealed class LevellingNote
{
    private static readonly Reason[] None = [];

    /// <summary>A fixed touch's note: its own reasons, then the call window's.</summary>
    /// <param name="head">The reasons before the call window's.</param>
    internal LevellingNote(Reason[] head)
    {
        Head = head;
    }

    /// <summary>A flexible touch's note.</summary>
    /// <param name="from">The day the touch was due.</param>
    /// <param name="cause">Why it left that day, if levelling moved it.</param>
    /// <param name="limit">For a budget, its limit.</param>
    /// <param name="onContactWeekend">Whether it is placed on the contact's weekend after waiting a week.</param>
    internal LevellingNote(LocalDate from, MoveCause? cause, int? limit, bool onContactWeekend)
    {
        Head = None;
        Flexible = true;
        From = from;
        Cause = cause;
        Limit = limit;
        OnContactWeekend = onContactWeekend;
    }

    /// <summary>The reasons that come first, built already (shared by the touches of one day and channel).</summary>
    internal Reason[] Head { get; }

    /// <summary>Whether the touch was placed by the greedy (not kept on its day as a fixed touch).</summary>
    internal bool Flexible { get; }

    /// <summary>The day the touch was due before levelling.</summary>
    internal LocalDate From { get; }

    /// <summary>Why it left <see cref="From"/>.</summary>
    internal MoveCause? Cause { get; }

    /// <summary>For a budget, its limit.</summary>
    internal int? Limit { get; }

    /// <summary>Whether it is placed on the contact's weekend.</summary>
    internal bool OnContactWeekend { get; }

    /// <summary>
    /// Adds everything <see cref="AddReasons"/> reads besides the placed touch's own days, channel and call window: the
    /// head's reasons, the placement, the day it was due as planned and the contact's zone. Change it with AddReasons.
    /// </summary>
    /// <param name="touch">The placed touch.</param>
    /// <param name="facts">Where to add them.</param>
    internal void AddFacts(LevelledTouch touch, FactBuffer facts)
    {
        facts.Add(Head.Length);
        foreach (var reason in Head)
        {
            facts.AddRecord(reason);
        }

        facts.Add(Flexible);
        facts.Add(From);
        facts.Add(Cause is { } cause ? (int)cause : -1);
        facts.Add(Limit ?? -1);
        facts.Add(OnContactWeekend);
        facts.Add(touch.Planned.Due);
        facts.Add(touch.Relationship.TimeZone?.Id);
    }

    /// <summary>Adds the reasons of <paramref name="touch"/>, placed with this note, in order.</summary>
    /// <param name="touch">The placed touch.</param>
    /// <param name="reasons">Where to add them.</param>
    internal void AddReasons(LevelledTouch touch, ImmutableArray<Reason>.Builder reasons)
    {
        reasons.AddRange(Head);

        var zone = touch.Relationship.TimeZone;
        if (Flexible)
        {
            LocalDate day = touch.Due;
            if (day != From && Cause is { } cause)
            {
                reasons.Add(new LevelledReason(
                    From,
                    day,
                    cause,
                    Limit,
                    cause == MoveCause.ChannelBudget ? touch.Channel : null,
                    cause == MoveCause.ContactWeekend ? CallWindow.Place(zone!) : null));
            }

            if (OnContactWeekend)
            {
                reasons.Add(new OnContactWeekendReason(CallWindow.Place(zone!)));
            }

            if (day > touch.NotAfter)
            {
                reasons.Add(new LateReason(touch.NotAfter, Period.DaysBetween(touch.NotAfter, day), NothingFit: day > touch.Planned.Due));
            }
        }

        if (touch.Channel.IsLive() && zone is not null)
        {
            reasons.Add(touch.CallWindow is { } window ? new CallWindowReason(window) : new NoCommonHoursReason(CallWindow.Place(zone)));
        }
    }
}
