using System;
using System.Globalization;
using Cadence.Internal;
using NodaTime;
using NodaTime.Text;

namespace Cadence.Explanations;

/// <summary>The words for touches: titles, channels as people say them, days and ordinals, and the lines of a feed's events.</summary>
public static partial class English
{
    private static readonly LocalDatePattern ShortDayPattern = LocalDatePattern.Create("ddd d MMM", CultureInfo.InvariantCulture);

    /// <summary>A touch's title: "Meet Zoë Müller", "Call Zoë Müller", "Write to Zoë Müller", "Reach out online to Zoë Müller".</summary>
    /// <param name="channel">The touch's channel.</param>
    /// <param name="who">Whom to reach: a name, or initials.</param>
    /// <returns>The title.</returns>
    public static string Title(Channel channel, string who) => TitleVerb(channel) + " " + who;

    /// <summary>A channel with its article, as in "Next: Thu 5 Mar 2026, a call": "a meeting", "a call", "a note", "a social touch".</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The words.</returns>
    public static string WithArticle(Channel channel) => "a " + CountNoun(channel);

    /// <summary>"first" to "twelfth", then "13th", "14th"…: a follow-up ladder has at most twelve steps.</summary>
    /// <param name="n">A number from 1.</param>
    /// <returns>The ordinal.</returns>
    public static string Ordinal(int n) => n switch
    {
        1 => "first",
        2 => "second",
        3 => "third",
        4 => "fourth",
        5 => "fifth",
        6 => "sixth",
        7 => "seventh",
        8 => "eighth",
        9 => "ninth",
        10 => "tenth",
        11 => "eleventh",
        12 => "twelfth",
        _ => n.ToString(CultureInfo.InvariantCulture) + "th",
    };

    /// <summary>A day as reasons write it: "Thu 5 Mar 2026".</summary>
    /// <param name="date">The day.</param>
    /// <returns>The words.</returns>
    public static string Day(LocalDate date) => new TextBuffer(16).AppendDay(date).ToString();

    /// <summary>A day without its year, as an agenda lists it: "Thu 5 Mar".</summary>
    /// <param name="date">The day.</param>
    /// <returns>The words.</returns>
    public static string ShortDay(LocalDate date) => ShortDayPattern.Format(date);

    /// <summary>The verb of a title: "Meet", "Call", "Write to", "Reach out online to".</summary>
    internal static string TitleVerb(Channel channel) => channel switch
    {
        Channel.Meeting => "Meet",
        Channel.Call => "Call",
        Channel.Note => "Write to",
        _ => "Reach out online to",
    };

    /// <summary>A title that names nobody: "Meet", "Call", "Write a note", "Reach out online".</summary>
    internal static string TitleWithoutName(Channel channel) => channel switch
    {
        Channel.Meeting => "Meet",
        Channel.Call => "Call",
        Channel.Note => "Write a note",
        _ => "Reach out online",
    };

    /// <summary>The title of a date that matters that names nobody.</summary>
    internal const string DateWithoutName = "Date that matters";

    /// <summary>A date's title: "Zoë Müller: birthday".</summary>
    internal static string DateTitle(string who, string label) => who + ": " + label;

    /// <summary>A digest's title before the names: "Cadence: 1 touch", "Cadence: 3 touches".</summary>
    internal static void AppendDigestTitle(TextBuffer text, int touches) =>
        text.Append("Cadence: ").AppendCount(touches, "touch", "touches");

    /// <summary>A channel's name as a category: "Meeting", "Call", "Note", "Social".</summary>
    internal static string Category(Channel channel) => channel switch
    {
        Channel.Meeting => "Meeting",
        Channel.Call => "Call",
        Channel.Note => "Note",
        _ => "Social",
    };

    /// <summary>An event's categories: "Cadence" and the channel's, as ASCII octets.</summary>
    internal static ReadOnlySpan<byte> CategoriesUtf8(Channel channel) => channel switch
    {
        Channel.Meeting => "Cadence,Meeting"u8,
        Channel.Call => "Cadence,Call"u8,
        Channel.Note => "Cadence,Note"u8,
        _ => "Cadence,Social"u8,
    };

    /// <summary>"\nSuggested channel: call."</summary>
    internal static void AppendSuggestedChannel(TextBuffer text, Channel channel) =>
        text.Append("\nSuggested channel: ").Append(channel.ToWord()).Append('.');

    /// <summary>
    /// An event's window, as the rules set it: "\nWindow: Mon 2 Mar 2026 to Fri 13 Mar 2026.", "\nOnly on …", "\nFrom …"
    /// for a first touch, "\nLatest day was …" when the touch is past it, or nothing when it has no day of its own.
    /// </summary>
    internal static void AppendWindow(TextBuffer text, LocalDate? opens, LocalDate notBefore, LocalDate notAfter, LocalDate due, bool firstTouch)
    {
        // (A first touch has no latest day of its own: it is counted from the plan's day, another day tomorrow.)
        if (!firstTouch && (notAfter < notBefore || due > notAfter))
        {
            text.Append("\nLatest day was ").AppendDay(notAfter).Append('.');
        }
        else if (opens is { } from)
        {
            if (firstTouch)
            {
                text.Append("\nFrom ").AppendDay(from).Append('.');
            }
            else if (from == notAfter)
            {
                text.Append("\nOnly on ").AppendDay(notAfter).Append('.');
            }
            else
            {
                text.Append("\nWindow: ").AppendDay(from).Append(" to ").AppendDay(notAfter).Append('.');
            }
        }
    }

    /// <summary>"\nLast touch: Tue 3 Mar 2026, inbound call (phone), no reply: summary."</summary>
    internal static void AppendLastTouch(TextBuffer text, Touch last)
    {
        text.Append("\nLast touch: ").AppendDay(last.Date).Append(", ")
            .Append(last.Direction == Direction.Inbound ? "inbound " : string.Empty);
        Lower(text, last.Channel);
        if (last.Medium is { } medium)
        {
            text.Append(" (").Append(medium).Append(')');
        }

        if (last.Outcome == Outcome.NoReply)
        {
            text.Append(", no reply");
        }

        if (last.Summary is { } summary)
        {
            text.Append(": ").Append(summary);
        }

        text.Append('.');
    }

    /// <summary>A channel's noun when counting touches: "meeting", "call", "note", "social touch".</summary>
    private static string CountNoun(Channel channel) => channel == Channel.Social ? "social touch" : channel.ToWord();
}
