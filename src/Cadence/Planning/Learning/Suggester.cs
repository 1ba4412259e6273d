using System;
using System.Collections.Generic;
using System.Linq;
using Cadence.Explanations;
using Cadence.Internal;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// The evidence behind each <see cref="Suggestion"/> (docs/design.md, "A rhythm that learns", Suggestions), read from one
/// relationship's touches in <see cref="TouchOrder"/>: the gaps between days with an attempt of yours, the move by hand
/// in force, the attempts left unanswered since their latest reply.
/// </summary>
internal static class Suggester
{
    /// <summary>The gaps between attempts the loosening reads: the latest ones.</summary>
    internal const int LoosenGaps = 3;

    /// <summary>Days past the target a gap must be to count as left overdue.</summary>
    internal const int OverdueSlack = 7;

    /// <summary>Gaps over the target needed when a move by hand snoozes the next touch too.</summary>
    internal const int GapsWithSnooze = 2;

    /// <summary>Unanswered attempts in a row by one channel before another is suggested.</summary>
    internal const int UnansweredForChannel = 3;

    /// <summary>Days without a reply before archiving is suggested.</summary>
    internal const int ArchiveQuietDays = 180;

    /// <summary>Unanswered attempts in that time before archiving is suggested.</summary>
    internal const int UnansweredForArchive = 3;

    /// <summary>
    /// The suggestions for one relationship that is not archived, by kind. <paramref name="snooze"/> gives the day the
    /// rules gave its next touch and the day a move by hand put it on, when a move is in force (asked only when needed).
    /// </summary>
    internal static void For(Diary diary, Relationship relationship, CadenceRule rule, LocalDate today, Func<(LocalDate From, LocalDate To)?> snooze, List<Suggestion> into)
    {
        var touches = diary.TouchesOf(relationship.Id).ToArray();
        if (touches.Length == 0)
        {
            return;
        }

        Array.Sort(touches, TouchOrder.Instance);
        var attemptDays = new List<int>();
        Touch? lastReply = null;
        var unanswered = new List<Touch>();
        foreach (var touch in touches)
        {
            int day = touch.Date.ToDateOnly().DayNumber;
            if (touch.IsOutbound && (attemptDays.Count == 0 || attemptDays[^1] != day))
            {
                attemptDays.Add(day);
            }

            if (Diary.IsReply(touch))
            {
                lastReply = touch;
                unanswered.Clear();
            }
            else if (touch.IsOutbound && touch.Outcome == Outcome.NoReply)
            {
                unanswered.Add(touch);
            }
        }

        if (Loosen(relationship, rule, attemptDays, snooze) is { } loosen)
        {
            into.Add(loosen);
        }

        if (TryChannel(relationship, unanswered, lastReply) is { } channel)
        {
            into.Add(channel);
        }

        if (Archive(relationship, today, touches[0], unanswered, lastReply) is { } archive)
        {
            into.Add(archive);
        }
    }

    /// <summary>Loosen the rule: the latest three gaps between attempts each a week or more past the target, or two and a snooze.</summary>
    private static Suggestion? Loosen(Relationship relationship, CadenceRule rule, List<int> attemptDays, Func<(LocalDate From, LocalDate To)?> snooze)
    {
        if (attemptDays.Count < LoosenGaps + 1)
        {
            return null;
        }

        var gaps = new int[LoosenGaps];
        int over = 0;
        for (int i = 0; i < LoosenGaps; i++)
        {
            int from = attemptDays[attemptDays.Count - LoosenGaps - 1 + i];
            gaps[i] = attemptDays[attemptDays.Count - LoosenGaps + i] - from;
            int target = PeriodMath.Plus(from, rule.Target, rule.TargetDays) - from;
            over += gaps[i] >= target + OverdueSlack ? 1 : 0;
        }

        (LocalDate From, LocalDate To)? moved = null;
        if (over < LoosenGaps && (over < GapsWithSnooze || (moved = snooze()) is null))
        {
            return null;
        }

        if (Loosened(rule, gaps) is not { } proposed)
        {
            return null;
        }

        return new Suggestion(
            relationship.Id,
            SuggestionKind.LoosenRule,
            English.LoosenSuggestion(relationship.Name, gaps, rule, proposed, moved?.From, moved?.To))
        {
            Rule = proposed,
            CurrentRule = rule,
            GapDays = gaps,
            GapsOverTarget = over,
            MovedFrom = moved?.From,
            MovedTo = moved?.To,
        };
    }

    /// <summary>
    /// The rule loosened to gaps: the target the median gap rounded up to whole weeks (never shorter than the current
    /// target), the maximum gap as far past it as it was past the old one (never shorter than it was), the minimum gap as
    /// it was; <see langword="null"/> when no such rule can be made.
    /// </summary>
    internal static CadenceRule? Loosened(CadenceRule rule, int[] gaps)
    {
        var sorted = gaps.ToArray();
        Array.Sort(sorted);
        int median = sorted[(sorted.Length - 1) / 2];
        int weeks = Math.Max(1, (median + 6) / 7);
        var target = Period.FromWeeks(weeks);
        for (int i = 0; i < 60 && !PeriodMath.AlwaysAtMost(rule.Target, target); i++)
        {
            target = Period.FromWeeks(++weeks);
        }

        // The margin between the target and the maximum gap, in days: fixed-day rules have one; a month-based one is
        // measured from a 31-day month's start (its widest).
        int start = new DateOnly(2025, 1, 1).DayNumber;
        int margin = Math.Max(0, PeriodMath.Plus(start, rule.MaxGap, rule.MaxGapDays) - PeriodMath.Plus(start, rule.Target, rule.TargetDays));
        var max = margin % 7 == 0 ? Period.FromWeeks(weeks + (margin / 7)) : Period.FromDays((weeks * 7) + margin);
        if (PeriodMath.AlwaysAtMost(max, rule.MaxGap))
        {
            max = rule.MaxGap;
        }

        try
        {
            return new CadenceRule(rule.MinGap, target, max);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Try another channel: the latest three or more unanswered attempts in a row all by one channel.</summary>
    private static Suggestion? TryChannel(Relationship relationship, List<Touch> unanswered, Touch? lastReply)
    {
        if (unanswered.Count < UnansweredForChannel)
        {
            return null;
        }

        var tried = unanswered[^1].Channel;
        int run = 1;
        while (run < unanswered.Count && unanswered[unanswered.Count - 1 - run].Channel == tried)
        {
            run++;
        }

        if (run < UnansweredForChannel)
        {
            return null;
        }

        var proposed = lastReply is { } reply && reply.Channel != tried ? reply.Channel
            : tried.IsWritten() ? Channel.Call
            : Channel.Note;
        if (relationship.PreferredChannels.Count > 0 && relationship.PreferredChannels[0] == proposed)
        {
            return null;
        }

        var first = unanswered[unanswered.Count - run].Date;
        return new Suggestion(
            relationship.Id,
            SuggestionKind.TryChannel,
            English.ChannelSuggestion(relationship.Name, run, tried, first, lastReply?.Channel, lastReply?.Date, proposed))
        {
            Channel = proposed,
            Unanswered = run,
            TriedChannel = tried,
            FirstUnanswered = first,
            LastReply = lastReply?.Date,
            LastReplyChannel = lastReply?.Channel,
        };
    }

    /// <summary>Archive: no reply for 180 days or more (since the first touch when none ever came), and three attempts or more unanswered in that time.</summary>
    private static Suggestion? Archive(Relationship relationship, LocalDate today, Touch firstTouch, List<Touch> unanswered, Touch? lastReply)
    {
        var since = lastReply?.Date ?? firstTouch.Date;
        int quiet = Period.DaysBetween(since, today);
        if (quiet < ArchiveQuietDays || unanswered.Count < UnansweredForArchive)
        {
            return null;
        }

        return new Suggestion(
            relationship.Id,
            SuggestionKind.Archive,
            English.ArchiveSuggestion(relationship.Name, quiet, since, lastReply is not null, unanswered.Count))
        {
            Unanswered = unanswered.Count,
            FirstUnanswered = unanswered[0].Date,
            LastReply = lastReply?.Date,
            LastReplyChannel = lastReply?.Channel,
            QuietDays = quiet,
        };
    }
}
