using System;
using System.Collections.Immutable;
using Cadence.Explanations;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// Rule 7, a date that matters: of a relationship's dates, the one whose touch (its day, or its lead day) comes first;
/// an occurrence is done once you reached out on a day from its lead day on, and one before a pause ends is left out.
/// It takes over when it comes before the day chosen so far, or when the routine touch is due at most
/// <see cref="SchedulerOptions.DateWindowDays"/> before it (the routine touch waits for it); a move made on or after its
/// lead day wins (the owner saw the date and chose) (docs/design.md, "Dates that matter").
/// </summary>
internal sealed class DateRule : PlanningRule
{
    private DateRule()
    {
    }

    /// <summary>The rule.</summary>
    internal static DateRule Instance { get; } = new();

    /// <inheritdoc/>
    internal override bool NamesCampaign => true;

    /// <summary>Takes over with the date's touch when it comes first, or holds a routine touch due shortly before it.</summary>
    internal override void Apply(in RelationshipFacts facts, ref Candidate candidate)
    {
        // An occurrence whose lead day came by the last touch you made, or by the day a move by hand was made (you moved
        // the touch knowing of it), is done: the next one is read.
        int doneThrough = candidate.Move is { } move ? Math.Max(facts.LastOutboundDay, move.MadeOn.ToDateOnly().DayNumber) : facts.LastOutboundDay;
        if (facts.Relationship.ImportantDates.Count == 0
            || Next(facts, doneThrough) is not { } date)
        {
            return;
        }

        bool routine = candidate.Rule == RoutineRule.Instance && candidate.Move is null;
        int window = facts.Context.Options.DateWindowDays;
        if (!(date.Reminder < candidate.Day || (routine && date.Reminder <= candidate.Day.PlusDays(window))))
        {
            return;
        }

        var note = new NextStepNote
        {
            Date = new ImportantDateReason(date.Date.Label, date.Day, date.Date.YearsOn(date.Day), date.Date.LeadDays),
            Ended = candidate.Note?.Ended,
            HeldFor = routine && date.Reminder >= candidate.Day ? new HeldForDateReason(facts.Renewal < 0 ? null : candidate.Day, window) : null,
            Before = candidate.Commitment is { } pinned ? new BeforeNextStepReason(candidate.Day, pinned.Purpose) : candidate.Note?.Before,
            Following = candidate.Commitment ?? candidate.Note?.Following,
        };
        // A lead day inside a pause waits for the pause's end (the date itself falls after it), and once the pause has
        // passed the touch is late from that end, the day the plan gave it.
        bool held = facts.Relationship.State.PausedUntil is { } end && end > date.Reminder;
        var day = held ? facts.Relationship.State.PausedUntil!.Value : date.Reminder;
        candidate = new Candidate
        {
            Rule = this,
            IsFixed = true,
            Day = day,
            NotAfter = date.Day,
            Opens = day,
            Paused = held,
            WaitedFor = -1,
            Note = note,
        };
    }

    /// <summary>
    /// Its reasons when it set the day: the date, the routine touch it holds or the promise that follows, the campaign it
    /// counts for, then what the cadence would have said.
    /// </summary>
    internal override void Explain(PlannedTouch touch, in Decision decision, ImmutableArray<Reason>.Builder reasons)
    {
        var note = decision.Next!;
        reasons.Add(note.Date!);
        AddIfAny(reasons, note.HeldFor);
        AddIfAny(reasons, note.Before);
        AddIfAny(reasons, note.Campaign);
        RoutineRule.AddContext(touch, decision, reasons, firstTouch: false);
        RoutineRule.AddSpacing(touch, decision, reasons);
    }

    private static void AddIfAny(ImmutableArray<Reason>.Builder reasons, Reason? reason)
    {
        if (reason is not null)
        {
            reasons.Add(reason);
        }
    }

    /// <summary>
    /// The next date touch: of the relationship's dates, the one whose touch comes first. An occurrence on or after the
    /// plan's day (or the pause's end) counts unless you reached out on a day from its reminder day on (then the next one
    /// counts). Ties: the earlier date, then the label (ordinal), so the order of the list does not matter.
    /// </summary>
    private static DateTouch? Next(in RelationshipFacts facts, int doneThrough)
    {
        LocalDate from = facts.PauseEnd ?? facts.Today;
        int best = -1;
        LocalDate bestReminder = default, bestDay = default;
        var dates = facts.Relationship.ImportantDates;
        for (int i = 0; i < dates.Count; i++)
        {
            var date = dates[i];
            var occurrence = date.Next(from);
            if (occurrence is { } first && first.PlusDays(-date.LeadDays).ToDateOnly().DayNumber <= doneThrough)
            {
                occurrence = date.Next(first.PlusDays(1));
            }

            if (occurrence is not { } day)
            {
                continue;
            }

            var reminder = day.PlusDays(-date.LeadDays);
            if (best >= 0
                && (bestReminder < reminder
                    || (bestReminder == reminder && (bestDay < day || (bestDay == day && string.CompareOrdinal(dates[best].Label, date.Label) < 0)))))
            {
                continue;
            }

            best = i;
            bestReminder = reminder;
            bestDay = day;
        }

        return best < 0 ? null : new DateTouch(bestReminder, dates[best], bestDay);
    }

    /// <summary>A date touch: the day it is planned on (the date, or its lead day), the date and the day it falls on.</summary>
    private readonly record struct DateTouch(LocalDate Reminder, ImportantDate Date, LocalDate Day);
}
