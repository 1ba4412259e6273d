using System;
using Cadence.Internal;

namespace Cadence;

/// <summary>What was wrong with a text a notation could not read (<see cref="NotationException.Error"/>).</summary>
public enum NotationError
{
    /// <summary>A word that is not a channel (<see cref="ChannelWord"/>); the value is the word.</summary>
    UnknownChannel,

    /// <summary>A follow-up step not written as days, <c>wd</c> or <c>d</c>, a colon and a channel; the value is the step.</summary>
    BadStep,

    /// <summary>A follow-up ladder that mixes working days and calendar days; the value is the ladder's steps.</summary>
    MixedDayCounts,

    /// <summary>A follow-up ladder with no steps or more than <see cref="FollowUpLadder.MaxSteps"/>; the value is the ladder's steps.</summary>
    StepCount,

    /// <summary>A date that happens once written without its year; the value is the date as given.</summary>
    NoYear,

    /// <summary>A date that is not MM-DD, --MM-DD or YYYY-MM-DD, or not a day of the calendar; the value is the date, trimmed.</summary>
    BadDate,

    /// <summary>A rule that is not four words such as "third monday of september"; the value is the rule.</summary>
    BadRule,

    /// <summary>A rule's first word is not first to fourth, 1st to 4th or last; the value is the word.</summary>
    BadWeek,

    /// <summary>A rule's second word is not a day of the week; the value is the word.</summary>
    BadWeekday,

    /// <summary>A rule's last word is not a month; the value is the word.</summary>
    BadMonth,
}

/// <summary>
/// A text that a notation of the library could not read: a follow-up ladder (<see cref="FollowUpLadder.Parse"/>), a
/// date that matters (<see cref="ImportantDate.ParseOn"/>, <see cref="ImportantDate.ParseRule"/>) or a channel word
/// (<see cref="ChannelWord.Parse"/>). The message quotes the value (shortened) and says what is expected;
/// <see cref="Error"/> and <see cref="Value"/> let a host word its own message, as
/// <see cref="System.Text.RegularExpressions.RegexParseException"/> does for a pattern.
/// </summary>
public sealed class NotationException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What was wrong.</param>
    /// <param name="value">The part of the text at fault, as given (a step of a ladder, a word of a rule).</param>
    /// <param name="message">The message: the value, quoted and shortened, and what is expected.</param>
    public NotationException(NotationError error, string value, string message)
        : base(message)
    {
        Error = Guard.Defined(error, nameof(error));
        Value = Guard.NotNull(value, nameof(value));
    }

    /// <summary>What was wrong.</summary>
    public NotationError Error { get; }

    /// <summary>The part of the text at fault, as given: a step of a ladder, a word of a rule, the whole text otherwise.</summary>
    public string Value { get; }
}
