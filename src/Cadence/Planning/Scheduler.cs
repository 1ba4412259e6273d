using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using Cadence.Internal;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// Plans the next touch of every relationship in a diary: when, inside which window, by which channel, and why.
/// Pure and deterministic: it reads no clock (today, or an <see cref="IClock"/> and a time zone, comes in), and the
/// same input gives an equal plan whatever the order of the diary's lists. Thread-safe.
/// </summary>
/// <remarks>
/// Each relationship's day is decided by the planning rules (docs/design.md, "Planning rules"), passed one candidate
/// down the precedence list below: the cadence and its floor (a touch with credit <c>c</c> on day <c>d</c> renews the
/// relationship until <c>d + c·Target</c>, at most <c>d + c·MaxGap</c>, and no attempt comes before the last one's
/// <c>+ MinGap</c>), a follow-up ladder's step, a promise, a move by hand (<see cref="ManualMove"/>), a pause, a date
/// that matters; then reconnect campaigns over the whole plan. Archived relationships are left out; a relationship
/// never touched is due today; a touch due before today is due today, with its lateness.
/// </remarks>
public sealed partial class Scheduler
{
    /// <summary>Creates a scheduler.</summary>
    /// <param name="options">The options; <see cref="SchedulerOptions.Default"/> when null.</param>
    public Scheduler(SchedulerOptions? options = null)
    {
        Options = options ?? SchedulerOptions.Default;
        _hasTierLadders = Options.Rules.HasLadders;
        _credits = PlanningContext.CreditsOf(Options);
    }

    /// <summary>Relationships planned together by one thread: large enough to pay for the hand-over, small enough to balance.</summary>
    private const int ChunkSize = 4096;

    /// <summary>The credit of each <see cref="TouchFacts.Kind"/> under <see cref="Options"/>.</summary>
    private readonly double[] _credits;

    /// <summary>Whether any tier has a follow-up ladder: when none has and no touch carries one, ladders cost nothing.</summary>
    private readonly bool _hasTierLadders;

    /// <summary>
    /// The index of each diary planned (<see cref="DiaryIndex"/>), kept beside the diary rather than in it: built on its
    /// first plan, it makes replanning one relationship after a change cheap, and goes when the diary goes.
    /// </summary>
    private readonly ConditionalWeakTable<Diary, DiaryIndex> _indexes = new();

    /// <summary>The options in use.</summary>
    public SchedulerOptions Options { get; }

    /// <summary>Plans every active or paused relationship for today as given by a clock in a time zone.</summary>
    /// <param name="diary">The diary.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="zone">The owner's time zone, which decides what day it is.</param>
    /// <returns>The plan.</returns>
    public Plan Plan(Diary diary, IClock clock, DateTimeZone zone)
    {
        Guard.NotNull(clock, nameof(clock));
        Guard.NotNull(zone, nameof(zone));
        return Plan(diary, Guard.Instant(clock.GetCurrentInstant(), nameof(clock)).InZone(zone).Date);
    }

    /// <summary>Plans every active or paused relationship for a day.</summary>
    /// <param name="diary">The diary.</param>
    /// <param name="today">The day to plan from.</param>
    /// <returns>The plan, by due day then relationship id.</returns>
    /// <remarks>
    /// A diary that dates anything after <paramref name="today"/> (a touch, a commitment or move made or closed) is
    /// planned as it stood that day (<see cref="Diary.AsOf"/>): "what did my agenda say on 31 May?".
    /// </remarks>
    /// <exception cref="KeyNotFoundException">A relationship's tier has no rule and there is no fallback.</exception>
    /// <remarks>
    /// A large diary is planned on several threads (see <see cref="SchedulerOptions.MaxDegreeOfParallelism"/>); the
    /// plan, and the exception when there is one, are the same as on one thread.
    /// </remarks>
    public Plan Plan(Diary diary, LocalDate today)
    {
        Guard.NotNull(diary, nameof(diary));
        Guard.Date(today, nameof(today));
        var index = IndexAsOf(diary, today);

        int[] order = index.OrdinalOrder;
        var context = new PlanningContext(index, today, Options, _credits, _hasTierLadders);
        var slots = new PlannedTouch?[order.Length];
        int chunks = (order.Length + ChunkSize - 1) / ChunkSize;
        int threads = Math.Min(chunks, Options.MaxDegreeOfParallelism ?? Environment.ProcessorCount);
        if (threads <= 1)
        {
            PlanChunk(context, slots, 0, order.Length);
        }
        else
        {
            // Each chunk is a run of id ranks, planned in order; the first failure of the earliest chunk is the one
            // a single thread would have met first.
            var failures = new ExceptionDispatchInfo?[chunks];
            Parallel.For(
                0,
                chunks,
                new ParallelOptions { MaxDegreeOfParallelism = threads },
                chunk =>
                {
                    try
                    {
                        PlanChunk(context, slots, chunk * ChunkSize, Math.Min(order.Length, (chunk + 1) * ChunkSize));
                    }
                    catch (Exception e)
                    {
                        failures[chunk] = ExceptionDispatchInfo.Capture(e);
                    }
                });
            foreach (var failure in failures)
            {
                failure?.Throw();
            }
        }

        var campaigns = CampaignRule.ApplyToPlan(index, today, Options, slots);

        // Leave out the archived (their slots are empty), keeping id order.
        int planned = 0;
        for (int i = 0; i < slots.Length; i++)
        {
            if (slots[i] is { } touch)
            {
                slots[planned++] = touch;
            }
        }

        return new Plan(today, ImmutableCollectionsMarshal.AsImmutableArray<PlannedTouch>(PlanOrder.ByDueThenId<PlannedTouch>(slots.AsSpan(0, planned)!, today)), campaigns)
        {
            // Only a commitment with a time gives a touch one.
            MayHaveTimes = diary.Commitments.Any(c => c.Time is not null),
            MayHaveBookings = diary.Commitments.Any(c => c.IsBooked && c.IsOpen),
        };
    }

    /// <summary>Plans one relationship, as <see cref="Plan(Diary, LocalDate)"/> would.</summary>
    /// <param name="diary">The diary.</param>
    /// <param name="relationshipId">The relationship id.</param>
    /// <param name="today">The day to plan from.</param>
    /// <returns>The planned touch, or <see langword="null"/> for an archived relationship.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id.</exception>
    /// <remarks>A diary that dates anything after <paramref name="today"/> is planned as it stood that day (<see cref="Diary.AsOf"/>).</remarks>
    public PlannedTouch? PlanFor(Diary diary, string relationshipId, LocalDate today)
    {
        Guard.NotNull(diary, nameof(diary));
        Guard.Date(today, nameof(today));
        int relationshipIndex = diary.IndexOf(relationshipId);
        if (diary.Campaigns.Any(c => c.Status != CampaignStatus.Ended && c.Members.Contains(relationshipId, StringComparer.Ordinal)))
        {
            // A campaign places its members among all the touches: plan them all.
            return Plan(diary, today).TryGet(relationshipId, out var touch) ? touch : null;
        }

        var index = IndexAsOf(diary, today);
        diary = index.Diary;
        return diary.RelationshipArray[relationshipIndex].State.Status == RelationshipStatus.Archived
            ? null
            : PlanOne(new PlanningContext(index, today, Options, _credits, _hasTierLadders), relationshipIndex);
    }

    /// <summary>
    /// How a relationship stands on a day, archived ones too: its level against its own rhythm and its rule's window,
    /// its balance and a decay warning (docs/design.md, "A rhythm that learns"). A planned touch has the same as
    /// <see cref="PlannedTouch.Health"/>.
    /// </summary>
    /// <param name="diary">The diary.</param>
    /// <param name="relationshipId">The relationship id.</param>
    /// <param name="today">The day.</param>
    /// <returns>Its health.</returns>
    /// <exception cref="KeyNotFoundException">No relationship has that id, or its tier has no rule and there is no fallback.</exception>
    public RelationshipHealth Health(Diary diary, string relationshipId, LocalDate today)
    {
        Guard.NotNull(diary, nameof(diary));
        Guard.Date(today, nameof(today));
        int relationshipIndex = diary.IndexOf(relationshipId);
        var index = IndexAsOf(diary, today);
        var relationship = index.Diary.RelationshipArray[relationshipIndex];
        var (start, count) = index.TouchRange(relationshipIndex);
        int day = today.ToDateOnly().DayNumber;
        return Rhythm.Of(index.GroupedFacts.AsSpan(start, count), day).Health(relationship.Rule ?? Options.Rules.For(relationship.Tier), day);
    }

    /// <summary>Plans the relationships with id ranks from <paramref name="from"/> up to <paramref name="to"/>, into their slots.</summary>
    private static void PlanChunk(PlanningContext context, PlannedTouch?[] slots, int from, int to)
    {
        var relationships = context.Diary.RelationshipArray;
        int[] order = context.Index.OrdinalOrder;
        for (int rank = from; rank < to; rank++)
        {
            int i = order[rank];
            if (relationships[i].State.Status != RelationshipStatus.Archived)
            {
                slots[rank] = PlanOne(context, i, rank);
            }
        }
    }

    /// <summary>The index of a diary: the one this scheduler built for it, or a new one, then kept.</summary>
    internal DiaryIndex IndexOf(Diary diary) => _indexes.GetValue(diary, DiaryIndex.Of);

    /// <summary>The index of the diary as it stood on a day: itself, or when it dates something later, the diary cut at that day.</summary>
    private DiaryIndex IndexAsOf(Diary diary, LocalDate today)
    {
        var index = IndexOf(diary);
        return index.LatestEntryDay <= today.ToDateOnly().DayNumber ? index : DiaryIndex.Of(diary.AsOf(today));
    }

    /// <summary>Plans one relationship: its facts, the candidate the precedence list leaves, then lateness, the window and the channel.</summary>
    private static PlannedTouch PlanOne(PlanningContext context, int index, int idRank = -1)
    {
        var facts = RelationshipFacts.Of(context, index);
        var winner = Decide(facts);
        var (channel, why) = ChannelChoice.For(facts, winner);
        var today = context.Today;
        int daysOverdue = winner.Day < today ? Period.DaysBetween(winner.Day, today) : 0;
        var opens = PauseRule.WindowOpens(facts, winner.Opens);
        return new PlannedTouch(
            facts.Relationship,
            daysOverdue > 0 ? today : winner.Day,
            opens is { } day && day > today ? day : today,
            winner.NotAfter,
            daysOverdue,
            channel,
            winner.Commitment,
            facts.Rule,
            new Decision(winner, facts, why),
            winner.Move)
        {
            IdRank = idRank,
            WindowOpens = opens,
        };
    }

    /// <summary>
    /// The precedence list (docs/design.md, "Planning rules"), lowest first: the cadence offers the first candidate, and
    /// each rule after it may take it over with its own, or adjust its day. A campaign comes last, over the whole plan
    /// (<see cref="CampaignRule"/>). A rule is one unit of its own (Rules/) and one line here.
    /// </summary>
    private static readonly ImmutableArray<PlanningRule> Precedence =
    [
        RoutineRule.Instance,   // 1. the cadence and its floor
        FollowUpRule.Instance,  // 2. a running follow-up ladder's next step
        CallBackRule.Instance,  // 3. their missed call: call back the next working day
        PromiseRule.Instance,   // 4. an open commitment, carried past the floor if it must be
        MoveRule.Instance,      // 5. a move by hand, for the next touch only
        PauseRule.Instance,     // 6. a pause holds it to its end
        DateRule.Instance,      // 7. a date that matters, when it comes first or shortly after
    ];

    /// <summary>The candidate the precedence list leaves for a relationship.</summary>
    private static Candidate Decide(in RelationshipFacts facts)
    {
        Candidate candidate = default;
        foreach (var rule in Precedence)
        {
            rule.Apply(facts, ref candidate);
        }

        return candidate;
    }
}
