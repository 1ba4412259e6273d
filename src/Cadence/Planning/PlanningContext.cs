using System;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// What every relationship of one plan is planned with: the diary's index, the plan's day and the scheduler's options,
/// with the tables derived from them once (each touch kind's credit, which media are online). Made once per plan.
/// </summary>
internal sealed class PlanningContext
{
    internal PlanningContext(DiaryIndex index, LocalDate today, SchedulerOptions options, double[] credits, bool hasTierLadders)
    {
        Index = index;
        Today = today;
        TodayDay = today.ToDateOnly().DayNumber;
        Options = options;
        Credits = credits;
        HasLadders = hasTierLadders || index.HasFollowUps;
        OnlineMedia = index.OnlineMedia(options);
    }

    /// <summary>The diary's index.</summary>
    internal DiaryIndex Index { get; }

    /// <summary>The diary.</summary>
    internal Diary Diary => Index.Diary;

    /// <summary>The day planned for.</summary>
    internal LocalDate Today { get; }

    /// <summary>The day planned for, as a day number.</summary>
    internal int TodayDay { get; }

    /// <summary>The scheduler's options.</summary>
    internal SchedulerOptions Options { get; }

    /// <summary>The credit of each <see cref="TouchFacts.Kind"/>.</summary>
    internal double[] Credits { get; }

    /// <summary>Whether a follow-up ladder can run at all (a tier has one, or a touch carries one): when none can, ladders cost nothing.</summary>
    internal bool HasLadders { get; }

    /// <summary>For each of the diary's media, whether a note with it is online.</summary>
    internal bool[] OnlineMedia { get; }

    /// <summary>The context of a plan of a diary (its index built anew), for one relationship's facts in tests and tools.</summary>
    internal static PlanningContext Of(Diary diary, LocalDate today, SchedulerOptions options) =>
        new(DiaryIndex.Of(diary), today, options, CreditsOf(options), options.Rules.HasLadders);

    /// <summary>The credit of each <see cref="TouchFacts.Kind"/> under the options.</summary>
    internal static double[] CreditsOf(SchedulerOptions options)
    {
        var credits = new double[16];
        for (int kind = 0; kind < credits.Length; kind++)
        {
            var outcome = (Outcome)((kind >> 3) & 1);
            credits[kind] = outcome == Outcome.NoReply ? options.Credits.NoReply : options.Credits[(Channel)(kind & 3)];
        }

        return credits;
    }

    /// <summary>The date of a day number.</summary>
    internal static LocalDate DateOf(int dayNumber) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(dayNumber));
}
