using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Cadence.Scheduling;

/// <summary>
/// One structured reason behind a planned touch: a kind (the derived type) and the dates and numbers behind it.
/// <see cref="ToString"/> gives one short English clause; <see cref="Sentence"/> joins clauses into a sentence
/// such as "Last met 41 days ago; clients are due every 30 days (at most 45)."
/// </summary>
public abstract record Reason
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Create("ddd d MMM uuuu", CultureInfo.InvariantCulture);

    private protected Reason()
    {
    }

    /// <summary>Joins reasons into one sentence: clauses separated by "; ", the first capitalized, a full stop at the end.</summary>
    /// <param name="reasons">The reasons, in order.</param>
    /// <returns>The sentence, or an empty string for no reasons.</returns>
    public static string Sentence(IEnumerable<Reason> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var builder = new StringBuilder();
        foreach (var reason in reasons)
        {
            if (builder.Length > 0)
            {
                builder.Append("; ");
            }

            builder.Append(reason.ToString());
        }

        if (builder.Length == 0)
        {
            return string.Empty;
        }

        builder[0] = char.ToUpperInvariant(builder[0]);
        builder.Append('.');
        return builder.ToString();
    }

    /// <summary>The reason as one lower-case English clause, without a full stop.</summary>
    /// <returns>The clause.</returns>
    public abstract override string ToString();

    /// <summary>"Mon 3 Mar 2025".</summary>
    private protected static string Day(LocalDate date) => DatePattern.Format(date);

    /// <summary>"today", "yesterday", "41 days ago".</summary>
    private protected static string Ago(int days) => days switch
    {
        0 => "today",
        1 => "yesterday",
        _ => PeriodMath.Count(days, "day") + " ago",
    };

    /// <summary>An English phrase for a touch, such as "last met 41 days ago (coffee)" or "called 3 days ago with no answer".</summary>
    private protected static string Describe(Touch touch, int daysAgo, bool last)
    {
        string when = Ago(daysAgo);
        string medium = touch.Medium is null ? string.Empty : $" ({touch.Medium})";
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
                return $"they tried {by} {when}{medium} and did not get through";
            }

            return touch.Channel switch
            {
                Channel.Meeting => $"a meeting {when}{medium} fell through",
                Channel.Call => $"called {when}{medium} with no answer",
                Channel.Note => $"wrote {when}{medium} with no reply",
                _ => $"reached out online {when}{medium} with no reply",
            };
        }

        if (touch.Direction == Direction.Inbound)
        {
            return touch.Channel switch
            {
                Channel.Meeting => $"{lastWord}met {when}{medium}, at their request",
                Channel.Call => $"they {lastWord}called {when}{medium}",
                Channel.Note => $"they {lastWord}wrote {when}{medium}",
                _ => $"they {lastWord}reached out online {when}{medium}",
            };
        }

        return touch.Channel switch
        {
            Channel.Meeting => $"{lastWord}met {when}{medium}",
            Channel.Call => $"{lastWord}called {when}{medium}",
            Channel.Note => $"{lastWord}wrote {when}{medium}",
            _ => $"{lastWord}touched base online {when}{medium}",
        };
    }

    /// <summary>"every 30 days (at most 45)", "every 4 weeks (at most 2 months)".</summary>
    private protected static string Every(CadenceRule rule)
    {
        string target = PeriodMath.Describe(rule.Target);
        var t = PeriodMath.SingleUnit(rule.Target);
        var m = PeriodMath.SingleUnit(rule.MaxGap);
        string max = t is { } tu && m is { } mu && tu.Unit == mu.Unit
            ? mu.Count.ToString(CultureInfo.InvariantCulture)
            : PeriodMath.Describe(rule.MaxGap);
        return $"every {target} (at most {max})";
    }

    /// <summary>"client" → "clients", "referral source" → "referral sources", "agency" → "agencies".</summary>
    private protected static string Plural(string noun)
    {
        if (noun.Length == 0)
        {
            return noun;
        }

        if (noun.EndsWith("s", StringComparison.OrdinalIgnoreCase)
            || noun.EndsWith("x", StringComparison.OrdinalIgnoreCase)
            || noun.EndsWith("ch", StringComparison.OrdinalIgnoreCase)
            || noun.EndsWith("sh", StringComparison.OrdinalIgnoreCase))
        {
            return noun + "es";
        }

        // Tier names are usually lower case; an acronym keeps a lower-case "s" ("VIPs").
        if (noun.Length > 1 && noun[^1] == 'y' && "aeiou".IndexOf(char.ToLowerInvariant(noun[^2])) < 0)
        {
            return noun[..^1] + "ies";
        }

        return noun + "s";
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
    public override string ToString() =>
        UncreditedTouches > 0 ? "no touch so far counts towards the cadence: time for one that does"
        : UnansweredAttempts > 0 ? $"no connection yet after {PeriodMath.Count(UnansweredAttempts, "attempt")}"
        : "no touch yet: time for a first one";
}

/// <summary>The touch that renews the relationship furthest, which the due date is counted from.</summary>
/// <param name="Touch">The touch.</param>
/// <param name="DaysAgo">Days between it and today.</param>
/// <param name="Credit">The share of a full touch it counts for.</param>
public sealed record RenewalReason(Touch Touch, int DaysAgo, double Credit) : Reason
{
    /// <inheritdoc/>
    public override string ToString()
    {
        string phrase = Describe(Touch, DaysAgo, last: true);
        // Below a full touch the share is shown, rounded half up but never shown as 100%.
        double percent = Math.Min(99, Math.Round(Credit * 100, MidpointRounding.AwayFromZero));
        return Credit < 1
            ? $"{phrase}, which counts as {percent.ToString(CultureInfo.InvariantCulture)}% of a full touch"
            : phrase;
    }
}

/// <summary>The most recent touch, when it is not the one the due date is counted from.</summary>
/// <param name="Touch">The touch.</param>
/// <param name="DaysAgo">Days between it and today.</param>
public sealed record LatestTouchReason(Touch Touch, int DaysAgo) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Describe(Touch, DaysAgo, last: false);
}

/// <summary>The cadence rule that applies: the tier's or the relationship's own.</summary>
/// <param name="Tier">The relationship's tier.</param>
/// <param name="Rule">The rule.</param>
/// <param name="IsOverride">Whether the rule is the relationship's own rather than its tier's.</param>
public sealed record CadenceReason(string Tier, CadenceRule Rule, bool IsOverride) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => IsOverride
        ? $"this relationship is due {Every(Rule)}"
        : $"{Plural(Tier)} are due {Every(Rule)}";
}

/// <summary>An unanswered or recent attempt keeps the next one from coming too soon.</summary>
/// <param name="LastAttempt">The day of the latest outbound attempt.</param>
/// <param name="DaysAgo">Days between it and today.</param>
/// <param name="MinGap">The least time between attempts.</param>
/// <param name="NotBefore">The first day the next attempt may be made.</param>
public sealed record WaitReason(LocalDate LastAttempt, int DaysAgo, Period MinGap, LocalDate NotBefore) : Reason
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"last attempt {Ago(DaysAgo)}: leave at least {PeriodMath.Describe(MinGap)} between attempts, so not before {Day(NotBefore)}";
}

/// <summary>An open commitment pins the date.</summary>
/// <param name="CommitmentId">The commitment's id.</param>
/// <param name="Purpose">What was promised.</param>
/// <param name="Date">The day it is due.</param>
public sealed record CommitmentReason(string CommitmentId, string Purpose, LocalDate Date) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => $"next step for {Day(Date)}: {Purpose}";
}

/// <summary>The relationship is paused: nothing is due before the pause ends.</summary>
/// <param name="Until">The day it resumes.</param>
public sealed record PausedReason(LocalDate Until) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => $"paused until {Day(Until)}";
}

/// <summary>The touch was due before today: it is due today, this many days late.</summary>
/// <param name="Days">Days late.</param>
/// <param name="WasDue">The day it was due.</param>
public sealed record OverdueReason(int Days, LocalDate WasDue) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => $"{PeriodMath.Count(Days, "day")} overdue (was due {Day(WasDue)})";
}

/// <summary>The latest touches were all online: the suggestion is a live channel.</summary>
/// <param name="OnlineTouches">How many online touches in a row came last.</param>
/// <param name="Suggested">The live channel suggested.</param>
public sealed record TakeItOfflineReason(int OnlineTouches, Channel Suggested) : Reason
{
    /// <inheritdoc/>
    public override string ToString() =>
        (OnlineTouches == 1 ? "the last touch was online" : $"the last {PeriodMath.Count(OnlineTouches, "touch", "touches")} were online")
        + $": take it offline with a {Suggested.ToString().ToLowerInvariant()}";
}

/// <summary>The suggested channel is the one the contact prefers.</summary>
/// <param name="Channel">The preferred channel.</param>
public sealed record PreferredChannelReason(Channel Channel) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Channel switch
    {
        Channel.Meeting => "prefers to meet",
        Channel.Call => "prefers a call",
        Channel.Note => "prefers a note",
        _ => "prefers social media",
    };
}

/// <summary>The next touch was moved by hand: snoozed or brought forward.</summary>
/// <param name="From">The day the rules asked for.</param>
/// <param name="To">The day it was moved to.</param>
public sealed record MovedByHandReason(LocalDate From, LocalDate To) : Reason
{
    /// <inheritdoc/>
    public override string ToString() =>
        To == From ? $"set by hand to {Day(To)}"
        : To > From ? $"snoozed by hand from {Day(From)} to {Day(To)}"
        : $"brought forward by hand from {Day(From)} to {Day(To)}";
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
    public override string ToString() => $"moved from {Day(From)}: " + Cause switch
    {
        MoveCause.NotAWorkingDay => "not a working day",
        MoveCause.Holiday => "a holiday",
        MoveCause.TimeOff => "time off",
        MoveCause.DailyBudget => $"budget of {Limit} a day reached",
        MoveCause.ChannelBudget => $"budget of {PeriodMath.Count(Limit ?? 0, ChannelNoun(Channel), ChannelNoun(Channel) + "s")} a day reached",
        MoveCause.WeeklyBudget => $"budget of {Limit} a week reached",
        _ => $"the weekend in {Place}",
    };

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
    public override string ToString() => NothingFit
        ? $"{PeriodMath.Count(Days, "day")} late: nothing fit by {Day(NotAfter)}"
        : $"{PeriodMath.Count(Days, "day")} past its latest day, {Day(NotAfter)}";
}

/// <summary>A fixed touch (a commitment or a move by hand) is on one of the owner's days off, and stays there.</summary>
/// <param name="Date">The day.</param>
/// <param name="DayOff">Why it is a day off.</param>
public sealed record FixedOnDayOffReason(LocalDate Date, DayOff DayOff) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => $"kept on {Day(Date)} as promised, though it is " + DayOff switch
    {
        DayOff.Holiday => "a holiday",
        DayOff.TimeOff => "time off",
        _ => "not a working day",
    };
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
    public override string ToString() =>
        Week ? $"the week of {Day(Date)} is over budget with fixed touches ({Count} for a budget of {Limit} a week)"
        : Channel is { } channel ? $"{Day(Date)} is over its {channel.ToString().ToLowerInvariant()} budget with fixed touches ({Count} for a budget of {Limit})"
        : $"{Day(Date)} is over budget with fixed touches ({Count} for a budget of {Limit})";
}

/// <summary>The hours when both sides are at work, for a call or meeting across time zones.</summary>
/// <param name="Window">The window.</param>
public sealed record CallWindowReason(CallWindow Window) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => $"best time {Window}";
}

/// <summary>The working hours of the owner and the contact do not overlap that day.</summary>
/// <param name="Place">Where the contact is.</param>
public sealed record NoCommonHoursReason(string Place) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => $"no working hours in common with {Place} that day";
}

/// <summary>
/// A call or meeting placed on the contact's weekend after a week of waiting, because none of the owner's working
/// days was a weekday for the contact.
/// </summary>
/// <param name="Place">Where the contact is.</param>
public sealed record OnContactWeekendReason(string Place) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => $"on the weekend in {Place}: none of your working days is a weekday there";
}
