using System;
using Cadence.Calendars;
using Cadence.Internal;
using NodaTime;

namespace Cadence.Explanations;

/// <summary>
/// The one place Cadence words things in English: each reason as a clause and reasons as a sentence ("Last met 41 days
/// ago (coffee); clients are due every 30 days (at most 45)."), the titles of touches ("Call Zoë Müller"), channels as
/// people say them ("a call"), days ("Thu 5 Mar 2026") and ordinals ("second"), and the lines a feed's events add.
/// <see cref="Reason.ToString"/>, <see cref="Reason.Sentence"/>, <c>PlannedTouch.Title</c> and <c>Why</c>, the
/// <c>Agenda</c>, the feed and the sample all word things through here, so they cannot disagree.
/// </summary>
/// <remarks>
/// To add a reason: one record in this folder (data only, documented), one case in <see cref="AppendClause"/>, and
/// the line in the scheduler or the leveller that decides it (for the scheduler, also the field of its
/// <c>Explanation</c> that it is made of). Then a test that reads the sentence. See docs/design.md, "How a reason is
/// made".
/// </remarks>
public static partial class English
{
    /// <summary>Appends reasons as one sentence: clauses separated by "; ", the first letter capitalized, a full stop at the end; nothing for none.</summary>
    /// <param name="text">Where to append the sentence.</param>
    /// <param name="reasons">The reasons, in order.</param>
    /// <param name="dated">
    /// Dates instead of days counted from the plan's day ("last met Tue 3 Mar 2026 (coffee)", "due since Mon 2 Mar
    /// 2026" rather than "last met 41 days ago", "11 days overdue"), and no levelling move from the plan's day: the
    /// feed's wording, which stays the same from one day to the next while nothing changes.
    /// </param>
    /// <param name="planDay">With <paramref name="dated"/>, the day the plan was made for: a levelling move from it is left out.</param>
    internal static void AppendSentence(TextBuffer text, ReadOnlySpan<Reason> reasons, bool dated = false, LocalDate? planDay = null)
    {
        int start = text.Length;
        foreach (var reason in reasons)
        {
            if (dated && reason is LateReason && DueNow(reasons))
            {
                // The latest day of a touch due now is counted from the plan's day (a first touch's window, an overdue
                // touch's rebased on today), another day tomorrow: dated, it is left out (an overdue touch says since
                // when it is due).
                continue;
            }

            if (dated && reason is LevelledReason levelled && levelled.From == planDay && DueNow(reasons))
            {
                // A touch due "now" (overdue, or a first touch) is levelled from the plan's day, which is another day
                // tomorrow ("moved from Sat 7 Mar", then "from Sun 8 Mar") while its event stays on Monday: dated, the
                // move is left out. (A touch due on the plan's day itself keeps it: it said so the days before.)
                continue;
            }

            if (text.Length > start)
            {
                text.Append("; ");
            }

            AppendClause(text, reason, dated);
        }

        if (text.Length > start)
        {
            text.Set(start, char.ToUpperInvariant(text[start]));
            text.Append('.');
        }
    }

    /// <summary>Whether the reasons are those of a touch due "now": overdue, or a first touch.</summary>
    private static bool DueNow(ReadOnlySpan<Reason> reasons)
    {
        foreach (var reason in reasons)
        {
            if (reason is OverdueReason or FirstTouchReason)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One reason as a lower-case English clause, without a full stop.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The clause.</returns>
    internal static string Clause(Reason reason)
    {
        var text = new TextBuffer(64);
        AppendClause(text, reason);
        return text.ToString();
    }

    /// <summary>Appends one reason as a lower-case English clause: one case per kind of reason.</summary>
    /// <param name="text">Where to append it.</param>
    /// <param name="reason">The reason.</param>
    /// <param name="dated">Dates instead of days counted from the plan's day (see <see cref="AppendSentence"/>).</param>
    internal static void AppendClause(TextBuffer text, Reason reason, bool dated = false)
    {
        switch (reason)
        {
            case BookedMeetingReason r:
                text.Append("meeting booked ");
                text.AppendDay(r.Date);
                if (r.Time is { } time)
                {
                    text.Append(' ').Append(time.ToString("HH':'mm", System.Globalization.CultureInfo.InvariantCulture));
                }

                text.Append(", from your calendar");
                break;
            case CommitmentReason r:
                text.Append("next step for ");
                text.AppendDay(r.Date);
                text.Append(": ").Append(r.Purpose);
                break;
            case FirstTouchReason r:
                if (r.UncreditedTouches > 0)
                {
                    text.Append("no touch so far counts towards the cadence: time for one that does");
                }
                else if (r.UnansweredAttempts > 0)
                {
                    text.Append("no connection yet after ").AppendCount(r.UnansweredAttempts, "attempt");
                }
                else
                {
                    text.Append("no touch yet: time for a first one");
                }

                break;
            case RenewalReason r:
                Describe(text, r.Touch, r.DaysAgo, last: true, dated);
                Share(text, r.Credit);
                break;
            case LatestTouchReason r:
                Describe(text, r.Touch, r.DaysAgo, last: false, dated);
                break;
            case CadenceReason r:
                if (r.IsOverride)
                {
                    text.Append("this relationship is due ");
                }
                else if (r.Tier.Length > 0 && char.IsLetter(r.Tier[^1]))
                {
                    Plural(text, r.Tier);
                    text.Append(" are due ");
                }
                else
                {
                    // A tier that does not end in a letter ("Tier 1", "new (2025)") has no plural: its name, quoted.
                    Quoted(text, r.Tier);
                    text.Append(" relationships are due ");
                }

                Every(text, r.Rule);
                break;
            case WaitReason r:
                text.Append("last attempt ");
                if (dated)
                {
                    text.AppendDay(r.LastAttempt);
                }
                else
                {
                    Ago(text, r.DaysAgo);
                }

                text.Append(": leave at least ").AppendPeriod(r.MinGap).Append(" between attempts, so not before ");
                text.AppendDay(r.NotBefore);
                break;
            case RhythmReason r:
                text.Append("aiming every ");
                Days(text, r.TargetDays);
                text.Append(": their own rhythm, every ");
                Days(text, r.UsualGapDays);
                text.Append(" over the last ").AppendCount(r.Gaps + 1, "exchange");
                break;
            case SpacedOutReason r:
                text.AppendCount(r.Unanswered, "attempt").Append(" unanswered since ");
                text.AppendDay(r.Since);
                text.Append(": the next waits ");
                Days(text, r.WaitDays);
                text.Append(" after the last, so not before ");
                text.AppendDay(r.NotBefore);
                break;
            case MovedByHandReason r:
                if (r.To == r.From)
                {
                    text.Append("set by hand to ");
                    text.AppendDay(r.To);
                    break;
                }

                text.Append(r.To > r.From ? "snoozed by hand from " : "brought forward by hand from ");
                text.AppendDay(r.From);
                text.Append(" to ");
                text.AppendDay(r.To);
                break;
            case FirstTouchSetReason r:
                text.Append("first touch set for ");
                text.AppendDay(r.To);
                text.Append(" when added on ");
                text.AppendDay(r.SetOn);
                break;
            case PausedReason r:
                text.Append("paused until ");
                text.AppendDay(r.Until);
                break;
            case OverdueReason r when dated:
                text.Append("due since ");
                text.AppendDay(r.WasDue);
                break;
            case OverdueReason r:
                text.AppendCount(r.Days, "day").Append(" overdue (was due ");
                text.AppendDay(r.WasDue);
                text.Append(')');
                break;
            case TakeItOfflineReason r:
                if (r.OnlineTouches == 1)
                {
                    text.Append("the last touch was online");
                }
                else
                {
                    text.Append("the last ").AppendCount(r.OnlineTouches, "touch", "touches").Append(" were online");
                }

                text.Append(": take it offline with a ");
                Lower(text, r.Suggested);
                break;
            case PreferredChannelReason r:
                text.Append(r.Channel switch
                {
                    Channel.Meeting => "prefers to meet",
                    Channel.Call => "prefers a call",
                    Channel.Note => "prefers a note",
                    _ => "prefers social media",
                });
                break;
            case LevelledReason r:
                Levelled(text, r);
                break;
            case LateReason r when dated:
                // Whether anything fit before the latest day, and how many days late, depend on the plan's day (a
                // weekend says nothing fit, the Monday after says the day passed), so dated it says which day it was.
                text.Append("past its latest day, ");
                text.AppendDay(r.NotAfter);
                break;
            case LateReason r:
                text.AppendCount(r.Days, "day").Append(r.NothingFit ? " late: nothing fit by " : " past its latest day, ");
                text.AppendDay(r.NotAfter);
                break;
            case FixedOnDayOffReason r:
                text.Append("kept on ");
                text.AppendDay(r.Date);
                text.Append(r.IsDate ? " for the date, though it is " : " as promised, though it is ").Append(r.DayOff switch
                {
                    DayOff.Holiday => "a holiday",
                    DayOff.TimeOff => "time off",
                    _ => "not a working day",
                });
                break;
            case OverbookedReason r:
                Overbooked(text, r);
                break;
            case CallWindowReason r:
                text.Append("best time ").Append(r.Window?.ToString());
                break;
            case NoCommonHoursReason r:
                text.Append("no working hours in common with ").Append(r.Place).Append(" that day");
                break;
            case OnContactWeekendReason r:
                text.Append("on the weekend in ").Append(r.Place).Append(": none of your working days is a weekday there");
                break;
            case ClosedReason r:
                Closed(text, r);
                break;
            case FollowUpReason r:
                text.Append(Ordinal(r.Step)).Append(" follow-up of ").Append(r.Steps).Append(" after no reply to ");
                Attempt(text, r.Started);
                text.Append(": ").AppendCount(r.Days, r.Count == DayCount.WorkingDays ? "working day" : "day").Append(" after the attempt of ");
                text.AppendDay(r.PreviousAttempt);
                text.Append(" (ladder \"").Append(r.Ladder).Append("\")");
                if (r.MinimumGapEnds is { } gapEnds)
                {
                    text.Append(", sooner than the minimum gap allows (");
                    text.AppendDay(gapEnds);
                    text.Append(") because you chose this ladder");
                }

                break;
            case LadderEndedReason r:
                text.Append("no reply to ");
                Attempt(text, r.Started);
                text.Append(" after ").AppendCount(r.Steps, "follow-up").Append(" (ladder \"").Append(r.Ladder).Append("\"): back to the cadence");
                break;
            case CarriedToFloorReason r:
                text.Append("promised for ");
                text.AppendDay(r.Promised);
                text.Append(", but the attempt of ");
                text.AppendDay(r.LastAttempt);
                text.Append(" is unanswered: leave at least ").AppendPeriod(r.MinGap).Append(" between attempts, so carried to ");
                text.AppendDay(r.CarriedTo);
                break;
            case ImportantDateReason r:
                text.Append(r.Label).Append(" on ");
                text.AppendDay(r.Date);
                if (r.Years is { } years)
                {
                    if (r.IsBirthday)
                    {
                        text.Append("; turns ").Append((long)years);
                    }
                    else
                    {
                        text.Append("; ").AppendCount(years, "year");
                    }
                }

                if (r.LeadDays > 0)
                {
                    text.Append(" (reminder ").AppendCount(r.LeadDays, "day").Append(" before)");
                }

                break;
            case CallBackReason r:
                text.Append("they called on ");
                text.AppendDay(r.Missed.Date);
                text.Append(" and you missed it: call back");
                break;
            case HeldForDateReason r:
                if (r.RoutineDue is { } routineDue)
                {
                    text.Append("the routine touch due ");
                    text.AppendDay(routineDue);
                }
                else
                {
                    text.Append("the first touch");
                }

                text.Append(" waits for it (none in the ").AppendCount(r.WindowDays, "day").Append(" before a date)");
                break;
            case BeforeNextStepReason r:
                text.Append("before the next step for ");
                text.AppendDay(r.Day);
                text.Append(": ").Append(r.Step);
                break;
            case CampaignReason r:
                text.Append("campaign ");
                Quoted(text, r.Campaign);
                text.Append(" to reconnect by ");
                text.AppendDay(r.By);
                text.Append(": ").Append((long)r.Done).Append(" of ")
                    .Append((long)r.Members).Append(" done");
                if (r.CadenceDue is { } cadenceDue)
                {
                    text.Append(" (brought forward: the cadence had it due ");
                    text.AppendDay(cadenceDue);
                    text.Append(')');
                }

                if (r.CannotFit)
                {
                    text.Append(" (no room left in the budget before then)");
                }

                break;
            default:
                throw new ArgumentException($"No English wording for the reason {reason.GetType().Name}.", nameof(reason));
        }
    }

    /// <summary>
    /// "no need for "chase the proposal": they replied by email on …", ""chase the proposal": done by the call of …",
    /// ""chase the proposal": dropped on …": the step in the user's words, quoted.
    /// </summary>
    private static void Closed(TextBuffer text, ClosedReason r)
    {
        if (r.By is { } by && r.ByReply)
        {
            text.Append("no need for ");
            Quoted(text, r.Purpose);
            text.Append(": they replied ");
            How(text, by);
            text.Append(" on ");
            text.AppendDay(by.Date);
            return;
        }

        Quoted(text, r.Purpose);
        text.Append(": ");
        if (r.By is { } touch)
        {
            text.Append("done by ");
            Attempt(text, touch);
            return;
        }

        text.Append(r.Status == CommitmentStatus.Dropped ? "dropped" : "marked done");
        if (r.On is { } on)
        {
            text.Append(" on ");
            text.AppendDay(on);
        }
    }

    /// <summary>
    /// "the email of Tue 3 Mar 2026", "the call of …", "the meeting (his office) of …": a touch by the medium's word when
    /// it is a channel word of its channel (email, card, letter; phone is a call, LinkedIn a LinkedIn touch), else by
    /// its channel with any other medium in brackets, and its day.
    /// </summary>
    private static void Attempt(TextBuffer text, Touch touch)
    {
        text.Append("the ");
        string? medium = touch.Medium;
        switch (MediumWord(touch))
        {
            case "phone":
                text.Append("call");
                medium = null;
                break;
            case "LinkedIn":
                text.Append("LinkedIn touch");
                medium = null;
                break;
            case { } word:
                text.Append(word);
                medium = null;
                break;
            default:
                text.Append(Enum.IsDefined(touch.Channel) ? CountNoun(touch.Channel) : touch.Channel.ToString().ToLowerInvariant());
                break;
        }

        if (medium is not null)
        {
            // A medium in the user's words ("his office", "Zoom") goes in brackets, where any text reads.
            text.Append(" (").Append(medium).Append(')');
        }

        text.Append(" of ");
        text.AppendDay(touch.Date);
    }

    /// <summary>
    /// How they replied, as in "they replied by email": the medium's word when it is a channel word of the touch's
    /// channel ("by email", "by card", "by letter", "by phone", "on LinkedIn"), else the channel's ("in a meeting",
    /// "by call", "in writing", "online") with any other medium in brackets ("by call (Zoom)").
    /// </summary>
    private static void How(TextBuffer text, Touch touch)
    {
        switch (MediumWord(touch))
        {
            case "LinkedIn":
                text.Append("on LinkedIn");
                return;
            case { } word:
                text.Append("by ").Append(word);
                return;
        }

        text.Append(touch.Channel switch
        {
            Channel.Meeting => "in a meeting",
            Channel.Call => "by call",
            Channel.Note => "in writing",
            _ => "online",
        });
        if (touch.Medium is { } medium)
        {
            text.Append(" (").Append(medium).Append(')');
        }
    }

    /// <summary>
    /// The touch's medium as the notations write it ("email", "card", "letter", "phone", "LinkedIn") when it is one of
    /// <see cref="ChannelWord"/>'s words for the touch's own channel ("E-mail" on a note is "email"); otherwise
    /// <see langword="null"/>: no medium, or one in the user's own words ("his office", "Zoom", "email" on a meeting).
    /// </summary>
    private static string? MediumWord(Touch touch) =>
        touch.Medium is { } medium && ChannelWord.TryParse(medium, out var word) && word.Medium is { } known && word.Channel == touch.Channel
            ? known
            : null;

    /// <summary>The user's words in double quotes, so any text reads in the sentence around it: "chase the proposal".</summary>
    private static void Quoted(TextBuffer text, string words) => text.Append('"').Append(words).Append('"');

    /// <summary>", which counts as 60% of a full touch" below a full touch: rounded half up, never shown as 100%.</summary>
    private static void Share(TextBuffer text, double credit)
    {
        if (!(credit < 1))
        {
            // A full touch (or no number at all) says nothing more.
            return;
        }

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

    private static void Levelled(TextBuffer text, LevelledReason r)
    {
        text.Append("moved from ");
        text.AppendDay(r.From);
        text.Append(": ");
        switch (r.Cause)
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
                text.Append("budget of ").AppendFormatted(r.Limit).Append(" a day reached");
                break;
            case MoveCause.ChannelBudget:
                string noun = CountNoun(r.Channel ?? Channel.Social);
                text.Append("budget of ").AppendCount(r.Limit ?? 0, noun, noun + "s").Append(" a day reached");
                break;
            case MoveCause.WeeklyBudget:
                text.Append("budget of ").AppendFormatted(r.Limit).Append(" a week reached");
                break;
            default:
                text.Append("the weekend in ").Append(r.Place);
                break;
        }
    }

    private static void Overbooked(TextBuffer text, OverbookedReason r)
    {
        if (r.Week)
        {
            text.Append("the week of ");
            text.AppendDay(r.Date);
            text.Append(" is over budget with fixed touches (").AppendFormatted(r.Count).Append(" for a budget of ").AppendFormatted(r.Limit).Append(" a week)");
            return;
        }

        text.AppendDay(r.Date);
        if (r.Channel is { } channel)
        {
            text.Append(" is over its ");
            Lower(text, channel);
            text.Append(" budget");
        }
        else
        {
            text.Append(" is over budget");
        }

        text.Append(" with fixed touches (").AppendFormatted(r.Count).Append(" for a budget of ").AppendFormatted(r.Limit).Append(')');
    }

    /// <summary>"today", "yesterday", "41 days ago".</summary>
    private static void Ago(TextBuffer text, int days)
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
    private static void Describe(TextBuffer text, Touch touch, int daysAgo, bool last, bool dated)
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
                WhenAndMedium(text, touch, daysAgo, dated);
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
            WhenAndMedium(text, touch, daysAgo, dated);
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
            WhenAndMedium(text, touch, daysAgo, dated);
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
        WhenAndMedium(text, touch, daysAgo, dated);
    }

    /// <summary>"41 days ago (coffee)", or dated "Tue 3 Mar 2026 (coffee)": when, and the medium in brackets if there is one.</summary>
    private static void WhenAndMedium(TextBuffer text, Touch touch, int daysAgo, bool dated)
    {
        if (dated)
        {
            text.AppendDay(touch.Date);
        }
        else
        {
            Ago(text, daysAgo);
        }

        if (touch.Medium is { } medium)
        {
            text.Append(" (").Append(medium).Append(')');
        }
    }

    /// <summary>A number of days, in weeks when it is whole weeks: "33 days", "5 weeks", "1 day".</summary>
    internal static void Days(TextBuffer text, int days)
    {
        if (days >= 14 && days % 7 == 0)
        {
            text.AppendCount(days / 7, "week");
        }
        else
        {
            text.AppendCount(days, "day");
        }
    }

    /// <summary>A health level's word: "strong", "steady", "fading", "dormant".</summary>
    internal static string HealthWord(HealthLevel level) => level switch
    {
        HealthLevel.Strong => "strong",
        HealthLevel.Steady => "steady",
        HealthLevel.Fading => "fading",
        _ => "dormant",
    };

    /// <summary>
    /// A health in one line: "fading: quiet 95 days, usually every 30 days (quiet over 8 times that: likely to fade away); they started 2
    /// of the last 6 exchanges; answered 3 of 5 attempts, usually within 2 days; 2 unanswered in a row".
    /// </summary>
    internal static string Health(
        HealthLevel level,
        bool exchanged,
        int? quietDays,
        int? usualGapDays,
        bool decayWarning,
        int decayFactor,
        int theyStarted,
        int replies,
        int answered,
        int attempts,
        int? replyDays,
        int unansweredInARow)
    {
        var text = new TextBuffer(160);
        text.Append(HealthWord(level));
        if (quietDays is not { } quiet)
        {
            text.Append(": no touch yet");
            return text.ToString();
        }

        text.Append(": ").Append(exchanged ? "quiet " : "no exchange yet, first touch ");
        if (!exchanged)
        {
            Days(text, quiet);
            text.Append(" ago");
        }
        else
        {
            Days(text, quiet);
        }

        if (usualGapDays is { } usual)
        {
            text.Append(", usually every ");
            Days(text, usual);
        }

        if (decayWarning)
        {
            text.Append(" (quiet over ").Append(decayFactor).Append(" times that: likely to fade away)");
        }

        if (replies > 0)
        {
            text.Append("; they started ").Append(theyStarted).Append(" of the last ").AppendCount(replies, "exchange");
        }

        if (attempts > 0)
        {
            text.Append("; answered ").Append(answered).Append(" of ").AppendCount(attempts, "attempt");
            if (replyDays is { } days)
            {
                text.Append(days == 0 ? ", usually the same day" : ", usually within ");
                if (days > 0)
                {
                    Days(text, days);
                }
            }
        }

        if (unansweredInARow >= 2)
        {
            text.Append("; ").Append(unansweredInARow).Append(" unanswered in a row");
        }

        return text.ToString();
    }

    /// <summary>"every 30 days (at most 45)", "every 4 weeks (at most 2 months)".</summary>
    private static void Every(TextBuffer text, CadenceRule rule)
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
    private static void Plural(TextBuffer text, string noun)
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

    /// <summary>A channel's name in lower case: "meeting", "call", "note", "social" (<see cref="ChannelExtensions.ToWord"/>).</summary>
    private static void Lower(TextBuffer text, Channel channel) =>
        text.Append(Enum.IsDefined(channel) ? channel.ToWord() : channel.ToString().ToLowerInvariant());
}
