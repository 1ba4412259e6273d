using System.Collections.Generic;
using Cadence.Internal;
using NodaTime;

namespace Cadence.Explanations;

// The sentences of the plan's suggestions (docs/design.md, "A rhythm that learns", Suggestions): plain values in, one
// sentence out, the facts first and the proposal last.
public static partial class English
{
    /// <summary>
    /// "Your last 3 attempts with Zoë Müller came 41, 45 and 50 days apart, against every 30 days (at most 45), and her next
    /// touch is moved by hand from Tue 3 Mar 2026 to Fri 20 Mar 2026: loosen the rule to every 7 weeks (at most 9)."
    /// </summary>
    internal static string LoosenSuggestion(string name, IReadOnlyList<int> gapDays, CadenceRule current, CadenceRule proposed, LocalDate? movedFrom, LocalDate? movedTo)
    {
        var text = new TextBuffer(200);
        text.Append("Your last ").AppendCount(gapDays.Count + 1, "attempt").Append(" with ").Append(name).Append(" came ");
        for (int i = 0; i < gapDays.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : i == gapDays.Count - 1 ? " and " : ", ").Append(gapDays[i]);
        }

        text.Append(" days apart, against ");
        Every(text, current);
        if (movedFrom is { } from && movedTo is { } to)
        {
            text.Append(", and the next touch is moved by hand from ").AppendDay(from).Append(" to ").AppendDay(to);
        }

        text.Append(": loosen the rule to ");
        Every(text, proposed);
        return text.Append('.').ToString();
    }

    /// <summary>
    /// "Your last 3 notes to Zoë Müller went unanswered (since Tue 3 Mar 2026); their last reply was a call on Mon 2 Feb
    /// 2026: try a call first."
    /// </summary>
    internal static string ChannelSuggestion(string name, int unanswered, Channel triedChannel, LocalDate firstUnanswered, Channel? lastReplyChannel, LocalDate? lastReply, Channel proposed)
    {
        var text = new TextBuffer(200);
        text.Append("Your last ").Append(unanswered).Append(' ').Append(PluralNoun(triedChannel)).Append(" to ").Append(name)
            .Append(" went unanswered (since ").AppendDay(firstUnanswered).Append(')');
        if (lastReply is { } day && lastReplyChannel is { } channel)
        {
            text.Append("; their last reply was ").Append(WithArticle(channel)).Append(" on ").AppendDay(day);
        }
        else
        {
            text.Append("; no reply yet");
        }

        return text.Append(": try ").Append(WithArticle(proposed)).Append(" first.").ToString();
    }

    /// <summary>
    /// "No reply from Zoë Müller for 200 days (since Mon 2 Feb 2026) and 4 attempts unanswered since: archive the
    /// relationship?" (without a reply ever: "No reply from … in 200 days of attempts (since …, the first touch)").
    /// </summary>
    internal static string ArchiveSuggestion(string name, int quietDays, LocalDate since, bool everReplied, int unanswered)
    {
        var text = new TextBuffer(160);
        text.Append("No reply from ").Append(name).Append(everReplied ? " for " : " ever, in ");
        Days(text, quietDays);
        text.Append(" (since ").AppendDay(since).Append(everReplied ? ")" : ", the first touch)")
            .Append(" and ").AppendCount(unanswered, "attempt").Append(" unanswered").Append(everReplied ? " since" : string.Empty)
            .Append(": archive the relationship?");
        return text.ToString();
    }

    /// <summary>"notes", "calls", "meetings", "social touches".</summary>
    private static string PluralNoun(Channel channel) => channel == Channel.Social ? "social touches" : channel.ToWord() + "s";
}
