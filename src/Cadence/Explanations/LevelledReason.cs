using Cadence.Internal;
using NodaTime;

namespace Cadence.Explanations;

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
