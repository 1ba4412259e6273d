using System;
using System.Collections.Generic;
using NodaTime;

namespace Cadence.Scheduling;

/// <summary>
/// One structured reason behind a planned touch: a kind (the derived type) and the dates and numbers behind it.
/// <see cref="ToString"/> gives one short English clause; <see cref="Sentence"/> joins clauses into a sentence
/// such as "Last met 41 days ago; clients are due every 30 days (at most 45)."
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
        var sentence = new SentenceWriter(text);
        foreach (var reason in reasons)
        {
            sentence.Other(reason);
        }

        sentence.Finish();
        return text.ToString();
    }

    /// <summary>The reason as one lower-case English clause, without a full stop.</summary>
    /// <returns>The clause.</returns>
    public abstract override string ToString();

    /// <summary>Appends the clause <see cref="ToString"/> gives.</summary>
    /// <param name="text">Where to append it.</param>
    internal abstract void AppendTo(TextBuffer text);

    /// <summary>The clause, by <see cref="AppendTo"/>.</summary>
    private protected string Clause()
    {
        var text = new TextBuffer(64);
        AppendTo(text);
        return text.ToString();
    }

    /// <summary>"Mon 3 Mar 2025".</summary>
    private protected static void Day(TextBuffer text, LocalDate date) => text.AppendDay(date);

    /// <summary>"today", "yesterday", "41 days ago".</summary>
    private protected static void Ago(TextBuffer text, int days)
    {
        switch (days)
        {
            case 0:
                text.Append("today");
                break;
            case 1:
                text.Append("yesterday");
                break;
            default:
                text.AppendCount(days, "day").Append(" ago");
                break;
        }
    }

    /// <summary>An English phrase for a touch, such as "last met 41 days ago (coffee)" or "called 3 days ago with no answer".</summary>
    private protected static void Describe(TextBuffer text, Touch touch, int daysAgo, bool last)
    {
        string lastWord = last ? "last " : string.Empty;
        if (touch.Outcome == Outcome.NoReply)
        {
            if (touch.Direction == Direction.Inbound)
            {
                string by = touch.Channel switch
                {
                    Channel.Meeting => "to meet",
                    Channel.Call => "to call",
                    Channel.Note => "to write",
                    _ => "to reach you online",
                };
                text.Append("they tried ").Append(by).Append(' ');
                WhenAndMedium(text, touch, daysAgo);
                text.Append(" and did not get through");
                return;
            }

            text.Append(touch.Channel switch
            {
                Channel.Meeting => "a meeting ",
                Channel.Call => "called ",
                Channel.Note => "wrote ",
                _ => "reached out online ",
            });
            WhenAndMedium(text, touch, daysAgo);
            text.Append(touch.Channel switch
            {
                Channel.Meeting => " fell through",
                Channel.Call => " with no answer",
                _ => " with no reply",
            });
            return;
        }

        if (touch.Direction == Direction.Inbound)
        {
            text.Append(touch.Channel == Channel.Meeting ? string.Empty : "they ").Append(lastWord).Append(touch.Channel switch
            {
                Channel.Meeting => "met ",
                Channel.Call => "called ",
                Channel.Note => "wrote ",
                _ => "reached out online ",
            });
            WhenAndMedium(text, touch, daysAgo);
            if (touch.Channel == Channel.Meeting)
            {
                text.Append(", at their request");
            }

            return;
        }

        text.Append(lastWord).Append(touch.Channel switch
        {
            Channel.Meeting => "met ",
            Channel.Call => "called ",
            Channel.Note => "wrote ",
            _ => "touched base online ",
        });
        WhenAndMedium(text, touch, daysAgo);
    }

    /// <summary>"every 30 days (at most 45)", "every 4 weeks (at most 2 months)".</summary>
    private protected static void Every(TextBuffer text, CadenceRule rule)
    {
        text.Append("every ").AppendPeriod(rule.Target).Append(" (at most ");
        var t = PeriodMath.SingleUnit(rule.Target);
        var m = PeriodMath.SingleUnit(rule.MaxGap);
        if (t is { } tu && m is { } mu && tu.Unit == mu.Unit)
        {
            text.Append(mu.Count);
        }
        else
        {
            text.AppendPeriod(rule.MaxGap);
        }

        text.Append(')');
    }

    /// <summary>"client" → "clients", "referral source" → "referral sources", "agency" → "agencies".</summary>
    private protected static void Plural(TextBuffer text, string noun)
    {
        if (noun.Length == 0)
        {
            return;
        }

        char last = noun[^1], before = noun.Length > 1 ? noun[^2] : ' ';
        bool sibilant = char.IsAscii(last) && char.IsAscii(before)
            ? (last | 0x20) is 's' or 'x' || ((last | 0x20) == 'h' && (before | 0x20) is 'c' or 's')
            : noun.EndsWith("s", StringComparison.OrdinalIgnoreCase)
                || noun.EndsWith("x", StringComparison.OrdinalIgnoreCase)
                || noun.EndsWith("ch", StringComparison.OrdinalIgnoreCase)
                || noun.EndsWith("sh", StringComparison.OrdinalIgnoreCase);
        if (sibilant)
        {
            text.Append(noun).Append("es");
            return;
        }

        // Tier names are usually lower case; an acronym keeps a lower-case "s" ("VIPs").
        if (noun.Length > 1 && noun[^1] == 'y' && "aeiou".IndexOf(char.ToLowerInvariant(noun[^2])) < 0)
        {
            text.Append(noun.AsSpan(0, noun.Length - 1)).Append("ies");
            return;
        }

        text.Append(noun).Append('s');
    }

    /// <summary>An enum value's name in lower case, as <c>value.ToString().ToLowerInvariant()</c> gives it.</summary>
    private protected static void Lower(TextBuffer text, Channel channel)
    {
        switch (channel)
        {
            case Channel.Meeting:
                text.Append("meeting");
                break;
            case Channel.Call:
                text.Append("call");
                break;
            case Channel.Note:
                text.Append("note");
                break;
            case Channel.Social:
                text.Append("social");
                break;
            default:
                text.AppendLowerInvariant(channel.ToString());
                break;
        }
    }

    /// <summary>"41 days ago (coffee)": when, and the medium in brackets if there is one.</summary>
    private static void WhenAndMedium(TextBuffer text, Touch touch, int daysAgo)
    {
        Ago(text, daysAgo);
        if (touch.Medium is { } medium)
        {
            text.Append(" (").Append(medium).Append(')');
        }
    }
}

/// <summary>
/// No touch has renewed the relationship yet (none happened, every attempt went unanswered, or the channels used
/// count for nothing): a first touch is due.
/// </summary>
/// <param name="UnansweredAttempts">How many outbound attempts went unanswered so far.</param>
/// <param name="UncreditedTouches">How many connected touches there were on channels whose credit is zero.</param>
public sealed record FirstTouchReason(int UnansweredAttempts, int UncreditedTouches = 0) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => Append(text, UnansweredAttempts, UncreditedTouches);

    internal static void Append(TextBuffer text, int unansweredAttempts, int uncreditedTouches)
    {
        if (uncreditedTouches > 0)
        {
            text.Append("no touch so far counts towards the cadence: time for one that does");
        }
        else if (unansweredAttempts > 0)
        {
            text.Append("no connection yet after ").AppendCount(unansweredAttempts, "attempt");
        }
        else
        {
            text.Append("no touch yet: time for a first one");
        }
    }
}

/// <summary>The touch that renews the relationship furthest, which the due date is counted from.</summary>
/// <param name="Touch">The touch.</param>
/// <param name="DaysAgo">Days between it and today.</param>
/// <param name="Credit">The share of a full touch it counts for.</param>
public sealed record RenewalReason(Touch Touch, int DaysAgo, double Credit) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => Append(text, Touch, DaysAgo, Credit);

    internal static void Append(TextBuffer text, Touch touch, int daysAgo, double credit)
    {
        Describe(text, touch, daysAgo, last: true);
        if (credit < 1)
        {
            // Below a full touch the share is shown, rounded half up but never shown as 100%.
            double percent = Math.Min(99, Math.Round(credit * 100, MidpointRounding.AwayFromZero));
            text.Append(", which counts as ");
            if (percent is >= 0 and <= 99 && !double.IsNegative(percent))
            {
                // A whole number from 0 to 99 is written as the integer it is.
                text.Append((long)percent);
            }
            else
            {
                text.Append(percent);
            }

            text.Append("% of a full touch");
        }
    }
}

/// <summary>The most recent touch, when it is not the one the due date is counted from.</summary>
/// <param name="Touch">The touch.</param>
/// <param name="DaysAgo">Days between it and today.</param>
public sealed record LatestTouchReason(Touch Touch, int DaysAgo) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => Append(text, Touch, DaysAgo);

    internal static void Append(TextBuffer text, Touch touch, int daysAgo) => Describe(text, touch, daysAgo, last: false);
}

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

/// <summary>An unanswered or recent attempt keeps the next one from coming too soon.</summary>
/// <param name="LastAttempt">The day of the latest outbound attempt.</param>
/// <param name="DaysAgo">Days between it and today.</param>
/// <param name="MinGap">The least time between attempts.</param>
/// <param name="NotBefore">The first day the next attempt may be made.</param>
public sealed record WaitReason(LocalDate LastAttempt, int DaysAgo, Period MinGap, LocalDate NotBefore) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => Append(text, DaysAgo, MinGap, NotBefore);

    internal static void Append(TextBuffer text, int daysAgo, Period minGap, LocalDate notBefore)
    {
        text.Append("last attempt ");
        Ago(text, daysAgo);
        text.Append(": leave at least ").AppendPeriod(minGap).Append(" between attempts, so not before ");
        Day(text, notBefore);
    }
}

/// <summary>An open commitment pins the date.</summary>
/// <param name="CommitmentId">The commitment's id.</param>
/// <param name="Purpose">What was promised.</param>
/// <param name="Date">The day it is due.</param>
public sealed record CommitmentReason(string CommitmentId, string Purpose, LocalDate Date) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => Append(text, Purpose, Date);

    internal static void Append(TextBuffer text, string purpose, LocalDate date)
    {
        text.Append("next step for ");
        Day(text, date);
        text.Append(": ").Append(purpose);
    }
}

/// <summary>The relationship is paused: nothing is due before the pause ends.</summary>
/// <param name="Until">The day it resumes.</param>
public sealed record PausedReason(LocalDate Until) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => Append(text, Until);

    internal static void Append(TextBuffer text, LocalDate until)
    {
        text.Append("paused until ");
        Day(text, until);
    }
}

/// <summary>The touch was due before today: it is due today, this many days late.</summary>
/// <param name="Days">Days late.</param>
/// <param name="WasDue">The day it was due.</param>
public sealed record OverdueReason(int Days, LocalDate WasDue) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => Append(text, Days, WasDue);

    internal static void Append(TextBuffer text, int days, LocalDate wasDue)
    {
        text.AppendCount(days, "day").Append(" overdue (was due ");
        Day(text, wasDue);
        text.Append(')');
    }
}

/// <summary>The latest touches were all online: the suggestion is a live channel.</summary>
/// <param name="OnlineTouches">How many online touches in a row came last.</param>
/// <param name="Suggested">The live channel suggested.</param>
public sealed record TakeItOfflineReason(int OnlineTouches, Channel Suggested) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => Append(text, OnlineTouches, Suggested);

    internal static void Append(TextBuffer text, int onlineTouches, Channel suggested)
    {
        if (onlineTouches == 1)
        {
            text.Append("the last touch was online");
        }
        else
        {
            text.Append("the last ").AppendCount(onlineTouches, "touch", "touches").Append(" were online");
        }

        text.Append(": take it offline with a ");
        Lower(text, suggested);
    }
}

/// <summary>The suggested channel is the one the contact prefers.</summary>
/// <param name="Channel">The preferred channel.</param>
public sealed record PreferredChannelReason(Channel Channel) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => Append(text, Channel);

    internal static void Append(TextBuffer text, Channel channel) => text.Append(channel switch
    {
        Channel.Meeting => "prefers to meet",
        Channel.Call => "prefers a call",
        Channel.Note => "prefers a note",
        _ => "prefers social media",
    });
}

/// <summary>The next touch was moved by hand: snoozed or brought forward.</summary>
/// <param name="From">The day the rules asked for.</param>
/// <param name="To">The day it was moved to.</param>
public sealed record MovedByHandReason(LocalDate From, LocalDate To) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => Append(text, From, To);

    internal static void Append(TextBuffer text, LocalDate from, LocalDate to)
    {
        if (to == from)
        {
            text.Append("set by hand to ");
            Day(text, to);
            return;
        }

        text.Append(to > from ? "snoozed by hand from " : "brought forward by hand from ");
        Day(text, from);
        text.Append(" to ");
        Day(text, to);
    }
}

/// <summary>Why levelling moved a touch off a day.</summary>
public enum MoveCause
{
    /// <summary>Not one of the owner's working days.</summary>
    NotAWorkingDay = 0,

    /// <summary>The owner's holiday.</summary>
    Holiday = 1,

    /// <summary>The owner's time off.</summary>
    TimeOff = 2,

    /// <summary>The daily budget was reached.</summary>
    DailyBudget = 3,

    /// <summary>The daily budget of the touch's channel was reached.</summary>
    ChannelBudget = 4,

    /// <summary>The weekly budget was reached.</summary>
    WeeklyBudget = 5,

    /// <summary>The day is a weekend for the contact, in their time zone (calls and meetings only).</summary>
    ContactWeekend = 6,
}

/// <summary>Levelling moved the touch from the day it was due to a later one.</summary>
/// <param name="From">The day it was due.</param>
/// <param name="To">The day it was placed on.</param>
/// <param name="Cause">Why it left <paramref name="From"/>.</param>
/// <param name="Limit">For a budget, its limit.</param>
/// <param name="Channel">For a channel budget, the channel.</param>
/// <param name="Place">For the contact's weekend, where the contact is ("Sydney").</param>
public sealed record LevelledReason(LocalDate From, LocalDate To, MoveCause Cause, int? Limit = null, Channel? Channel = null, string? Place = null) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text)
    {
        text.Append("moved from ");
        Day(text, From);
        text.Append(": ");
        switch (Cause)
        {
            case MoveCause.NotAWorkingDay:
                text.Append("not a working day");
                break;
            case MoveCause.Holiday:
                text.Append("a holiday");
                break;
            case MoveCause.TimeOff:
                text.Append("time off");
                break;
            case MoveCause.DailyBudget:
                text.Append("budget of ").AppendFormatted(Limit).Append(" a day reached");
                break;
            case MoveCause.ChannelBudget:
                text.Append("budget of ").AppendCount(Limit ?? 0, ChannelNoun(Channel), ChannelNoun(Channel) + "s").Append(" a day reached");
                break;
            case MoveCause.WeeklyBudget:
                text.Append("budget of ").AppendFormatted(Limit).Append(" a week reached");
                break;
            default:
                text.Append("the weekend in ").Append(Place);
                break;
        }
    }

    private static string ChannelNoun(Channel? channel) => channel switch
    {
        Cadence.Channel.Meeting => "meeting",
        Cadence.Channel.Call => "call",
        Cadence.Channel.Note => "note",
        _ => "social touch",
    };
}

/// <summary>The touch is placed after its latest day.</summary>
/// <param name="NotAfter">The latest day it should have been on.</param>
/// <param name="Days">How many days after it the touch is placed.</param>
/// <param name="NothingFit">Whether levelling moved it there because nothing fit earlier (otherwise it was already due that late).</param>
public sealed record LateReason(LocalDate NotAfter, int Days, bool NothingFit = true) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text)
    {
        text.AppendCount(Days, "day").Append(NothingFit ? " late: nothing fit by " : " past its latest day, ");
        Day(text, NotAfter);
    }
}

/// <summary>A fixed touch (a commitment or a move by hand) is on one of the owner's days off, and stays there.</summary>
/// <param name="Date">The day.</param>
/// <param name="DayOff">Why it is a day off.</param>
public sealed record FixedOnDayOffReason(LocalDate Date, DayOff DayOff) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text)
    {
        text.Append("kept on ");
        Day(text, Date);
        text.Append(" as promised, though it is ").Append(DayOff switch
        {
            DayOff.Holiday => "a holiday",
            DayOff.TimeOff => "time off",
            _ => "not a working day",
        });
    }
}

/// <summary>A fixed touch (a commitment or a move by hand) is on a day, or in a week, that fixed touches put over budget.</summary>
/// <param name="Date">The day; for a week, its Monday.</param>
/// <param name="Count">How many touches the commitments and moves put on it (of the channel, when set).</param>
/// <param name="Limit">The budget.</param>
/// <param name="Channel">For a channel budget, the channel.</param>
/// <param name="Week">Whether it is the weekly budget.</param>
public sealed record OverbookedReason(LocalDate Date, int Count, int Limit, Channel? Channel = null, bool Week = false) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text)
    {
        if (Week)
        {
            text.Append("the week of ");
            Day(text, Date);
            text.Append(" is over budget with fixed touches (").AppendFormatted(Count).Append(" for a budget of ").AppendFormatted(Limit).Append(" a week)");
            return;
        }

        Day(text, Date);
        if (Channel is { } channel)
        {
            text.Append(" is over its ");
            Lower(text, channel);
            text.Append(" budget");
        }
        else
        {
            text.Append(" is over budget");
        }

        text.Append(" with fixed touches (").AppendFormatted(Count).Append(" for a budget of ").AppendFormatted(Limit).Append(')');
    }
}

/// <summary>The hours when both sides are at work, for a call or meeting across time zones.</summary>
/// <param name="Window">The window.</param>
public sealed record CallWindowReason(CallWindow Window) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => text.Append("best time ").Append(Window?.ToString());
}

/// <summary>The working hours of the owner and the contact do not overlap that day.</summary>
/// <param name="Place">Where the contact is.</param>
public sealed record NoCommonHoursReason(string Place) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => text.Append("no working hours in common with ").Append(Place).Append(" that day");
}

/// <summary>
/// A call or meeting placed on the contact's weekend after a week of waiting, because none of the owner's working
/// days was a weekday for the contact.
/// </summary>
/// <param name="Place">Where the contact is.</param>
public sealed record OnContactWeekendReason(string Place) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => text.Append("on the weekend in ").Append(Place).Append(": none of your working days is a weekday there");
}
