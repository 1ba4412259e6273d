using System;
using Cadence.Explanations;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// How a relationship stands, read from its own history as of a day (docs/design.md, "A rhythm that learns"): its level
/// against its own rhythm and its rule's window, the silence since the latest exchange, its usual gap, its two-way
/// balance (the share of exchanges they started, your attempts they answered and how fast) and a decay warning once the
/// silence passes <see cref="DecayFactor"/> usual gaps. <see cref="PlannedTouch.Health"/> and <see cref="Scheduler.Health"/> give it.
/// </summary>
/// <param name="Level">Strong, steady, fading or dormant.</param>
/// <param name="LastExchange">The day of the latest exchange (a touch they started, or a call or meeting of yours that connected), or <see langword="null"/>.</param>
/// <param name="QuietDays">Days since the latest exchange (since the first touch when none yet), or <see langword="null"/> without touches.</param>
/// <param name="UsualGapDays">The median of the latest gaps between exchanges (up to 6; at least 3 needed), or <see langword="null"/>.</param>
/// <param name="Gaps">How many gaps <see cref="UsualGapDays"/> is the median of.</param>
/// <param name="Exchanges">Days with an exchange, in all.</param>
/// <param name="TheyStarted">Of the latest replies (up to 12), the ones they started.</param>
/// <param name="Replies">The latest replies counted (up to 12).</param>
/// <param name="Answered">Of your latest attempts (up to 12, the last two days' still awaited), the ones answered.</param>
/// <param name="Attempts">Your latest attempts counted.</param>
/// <param name="ReplyDays">The median days from an answered attempt to its reply, or <see langword="null"/>.</param>
/// <param name="UnansweredInARow">Attempts left unanswered since the latest reply.</param>
/// <param name="DecayWarning">Whether the silence is past eight usual gaps.</param>
public sealed record RelationshipHealth(
    HealthLevel Level,
    LocalDate? LastExchange,
    int? QuietDays,
    int? UsualGapDays,
    int Gaps,
    int Exchanges,
    int TheyStarted,
    int Replies,
    int Answered,
    int Attempts,
    int? ReplyDays,
    int UnansweredInARow,
    bool DecayWarning)
{
    /// <summary>The share of the latest replies they started (0 to 1), or <see langword="null"/> without replies.</summary>
    public double? TheyStartedShare => Replies > 0 ? TheyStarted / (double)Replies : null;

    /// <summary>The share of your latest attempts they answered (0 to 1), or <see langword="null"/> without attempts.</summary>
    public double? AnsweredShare => Attempts > 0 ? Answered / (double)Attempts : null;

    /// <summary>The health in one line: "fading: quiet 95 days, usually every 30 days; they started 2 of the last 6 exchanges; answered 3 of 5 attempts, usually within 2 days".</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        English.Health(Level, LastExchange is not null, QuietDays, UsualGapDays, DecayWarning, DecayFactor, TheyStarted, Replies, Answered, Attempts, ReplyDays, UnansweredInARow);

    /// <summary>Its level in one word: "strong", "steady", "fading" or "dormant".</summary>
    public string LevelWord => English.HealthWord(Level);

    /// <summary>A silence longer than this many usual gaps is a decay warning (Navarro et al., EPJ Data Science 2017).</summary>
    public const int DecayFactor = 8;

    /// <summary>The level of a silence against a usual gap (or target) and a window: the one rule of levels.</summary>
    internal static HealthLevel LevelOf(int? quiet, int usual, int window)
    {
        if (quiet is not { } days)
        {
            return HealthLevel.Steady;
        }

        if (days <= usual)
        {
            return HealthLevel.Strong;
        }

        int steady = Math.Max(usual, window);
        return days <= steady ? HealthLevel.Steady
            : days <= Math.Max((long)DecayFactor * usual, steady) ? HealthLevel.Fading
            : HealthLevel.Dormant;
    }
}
