using System;
using System.Collections.Generic;
using Cadence.Internal;
using NodaTime;

namespace Cadence.Explanations;

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
