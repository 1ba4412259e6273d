using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using Cadence.Calendars;
using Cadence.Feed;
using Cadence.Levelling;
using Cadence.Planning;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace Cadence.Tests.Feed;

/// <summary>
/// <see cref="FeedOptions.CachesEvents"/>: a write copies the events whose touches are unchanged from the previous
/// state instead of rendering them, and its output and state are exactly those of a writer that renders everything.
/// </summary>
[Properties(Arbitrary = new[] { typeof(FeedProperties) }, MaxTest = Generators.Runs, QuietOnSuccess = true)]
public sealed class EventCacheTests
{
    private static readonly LocalDate Start = new(2026, 3, 2);

    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)(i * 11)).ToArray();

    private static readonly OwnerCalendar Calendar = new OwnerCalendar(DateTimeZone.Utc).WithBudget(new TouchBudget(3));

    /// <summary>A diary built afresh on every call: equal data, new objects.</summary>
    private static Diary Diary() => FeedStabilityTests.Diary();

    private static Schedule PlanOn(Diary diary, LocalDate today) => new Leveller(Calendar).Level(new Scheduler().Plan(diary, today));

    private static FeedOptions Options(FeedLayout layout = FeedLayout.Events, bool cached = true) =>
        new FeedOptions("Cadence", Key).WithLayout(layout).WithTimeZone(DateTimeZoneProviders.Tzdb["Europe/London"]).WithEventCache(cached);

    private static (byte[] Bytes, FeedResult Result) Write(FeedWriter writer, Schedule plan, FeedState previous, Instant now)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var result = writer.Write(plan, previous, now, buffer);
        return (buffer.WrittenSpan.ToArray(), result);
    }

    [Theory]
    [InlineData(FeedLayout.Events)]
    [InlineData(FeedLayout.Tasks)]
    [InlineData(FeedLayout.DailyDigest)]
    public void PlanMadeAgainFromARebuiltDiary_EveryEventCopied_SameBytesAndState(FeedLayout layout)
    {
        var writer = new FeedWriter(Options(layout));
        var now = Instant.FromUtc(2026, 3, 2, 6, 0);
        var (first, firstResult) = Write(writer, PlanOn(Diary(), Start), FeedState.Empty, now);
        Assert.Equal(0, firstResult.Reused);

        // A poll four hours later: the diary read again and planned again, so every object is new.
        var (again, againResult) = Write(writer, PlanOn(Diary(), Start), firstResult.State, now.Plus(Duration.FromHours(4)));

        Assert.Equal(first, again);
        Assert.False(againResult.Changed);
        Assert.Equal(againResult.Components, againResult.Reused);
        Assert.True(againResult.Components > 0);
        Assert.Equal(firstResult.State.Entries, againResult.State.Entries);
        Assert.Equal(firstResult.State.LastModified, againResult.State.LastModified);
    }

    /// <summary>
    /// EventFingerprint takes a touch's reasons from the facts they are made of (<c>Decision.AddFacts</c>,
    /// <c>LevellingNote.AddFacts</c>) and touches by these of their fields: a field added to any of these types must
    /// be added there too (or shown to be in no reason and no event), and then here. The touch's Id, FollowUp and
    /// RelationshipId are left out: no event or reason renders them from a touch.
    /// </summary>
    [Theory]
    [InlineData(typeof(Decision), "ChannelWhy Next OnlineStreak RenewalCredit Rule Today Unanswered Uncredited _context _flags _last _movedFrom _relationship _renewal _waitedFor _waitedUntil")]
    [InlineData(typeof(NextStepNote), "CallBack Campaign Carried Date Before Ended Following FollowUp HeldFor")]
    [InlineData(typeof(LevellingNote), "Cause Flexible From Head Limit OnContactWeekend")]
    [InlineData(typeof(Touch), "Channel Date Direction FollowUp Id IsOutbound Medium Outcome RelationshipId Summary Time")]
    public void Fingerprint_TypesHashedByTheirFields_HaveTheFieldsItKnows(Type type, string known)
    {
        const System.Reflection.BindingFlags instance = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance;
        var fields = type == typeof(Touch)
            ? type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Select(p => p.Name).Where(name => name != "EqualityContract")
            : type.GetFields(instance).Select(f => f.Name.StartsWith('<') ? f.Name[1..f.Name.IndexOf('>')] : f.Name);

        Assert.Equal(
            known.Split(' ').Order(StringComparer.Ordinal),
            fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PlanMadeAgainWithTheSameRuleInOtherUnits_OnlyThatEventRenderedAgain()
    {
        // Zoë's own rule in days, then the same in weeks: the same days (so the same dates, windows and lateness), only
        // the wording differs ("every 14 days" or "every 2 weeks"), which the cadence reason alone carries. It is
        // hashed by its fields, its rule by the rule's record hash kept for the write.
        var writer = new FeedWriter(Options());
        var renderer = new FeedWriter(Options(cached: false));
        var now = Instant.FromUtc(2026, 3, 2, 6, 0);
        var before = Diary().Update("zoe", r => r.WithRule(CadenceRule.FromDays(7, 14, 28)));
        var after = Diary().Update("zoe", r => r.WithRule(CadenceRule.FromWeeks(1, 2, 4)));
        var (_, first) = Write(writer, PlanOn(before, Start), FeedState.Empty, now);

        var (bytes, result) = Write(writer, PlanOn(after, Start), first.State, now);
        var (expected, _) = Write(renderer, PlanOn(after, Start), first.State, now);

        Assert.Equal(expected, bytes);
        Assert.Equal(result.Components - 1, result.Reused);
    }

    [Fact]
    public void OneTouchLogged_OnlyThatRelationshipsEventRendered_OutputAsWithoutCache()
    {
        var cached = new FeedWriter(Options());
        var plain = new FeedWriter(Options(cached: false));
        var now = Instant.FromUtc(2026, 3, 2, 6, 0);
        var before = PlanOn(Diary(), Start);
        var (_, cachedFirst) = Write(cached, before, FeedState.Empty, now);
        var (_, plainFirst) = Write(plain, before, FeedState.Empty, now);

        var after = PlanOn(Diary().Log(new Touch("zoe", Start, Channel.Call, summary: "Booked the review")), Start);
        var later = now.Plus(Duration.FromHours(2));
        var (cachedBytes, cachedResult) = Write(cached, after, cachedFirst.State, later);
        var (plainBytes, plainResult) = Write(plain, after, plainFirst.State, later);

        Assert.Equal(plainBytes, cachedBytes);
        Assert.Equal(plainResult.State.Entries, cachedResult.State.Entries);
        Assert.True(cachedResult.Changed);
        Assert.Equal(0, plainResult.Reused);

        // Zoë's event is new (its UID follows the touch it comes after); the budget may move others, which are rendered too.
        int moved = after.Touches.Count(t => before.Touches.Single(b => b.RelationshipId == t.RelationshipId).Due != t.Due);
        Assert.InRange(cachedResult.Reused, cachedResult.Components - 1 - moved, cachedResult.Components - 1);
    }

    [Fact]
    public void NextMorning_EverythingRenderedAgain_SequencesKeptWhereTheTextIsTheSame()
    {
        var cached = new FeedWriter(Options());
        var plain = new FeedWriter(Options(cached: false));
        var today = Write(cached, PlanOn(Diary(), Start), FeedState.Empty, Instant.FromUtc(2026, 3, 2, 6, 0)).Result;
        var plainToday = Write(plain, PlanOn(Diary(), Start), FeedState.Empty, Instant.FromUtc(2026, 3, 2, 6, 0)).Result;

        var tomorrow = PlanOn(Diary(), Start.PlusDays(1));
        var next = Instant.FromUtc(2026, 3, 3, 6, 0);
        var (bytes, result) = Write(cached, tomorrow, today.State, next);
        var (plainBytes, plainResult) = Write(plain, tomorrow, plainToday.State, next);

        // The plan's day is part of every fingerprint: a new day renders everything, and the content hash keeps what is the same.
        Assert.Equal(0, result.Reused);
        Assert.Equal(plainBytes, bytes);
        Assert.Equal(plainResult.State.Entries, result.State.Entries);
    }

    [Fact]
    public void OtherOptionsOrAStoredState_NothingCopied()
    {
        var plan = PlanOn(Diary(), Start);
        var now = Instant.FromUtc(2026, 3, 2, 6, 0);
        var first = Write(new FeedWriter(Options()), plan, FeedState.Empty, now).Result;

        // Another privacy level renders other text; another key other UIDs; a state rebuilt from storage has no bytes.
        var initials = Write(new FeedWriter(Options().WithPrivacy(FeedPrivacy.Initials)), plan, first.State, now).Result;
        var otherKey = Write(new FeedWriter(new FeedOptions("Cadence", [.. Key.Reverse()]).WithTimeZone(DateTimeZoneProviders.Tzdb["Europe/London"]).WithEventCache(true)), plan, first.State, now).Result;
        var stored = Write(new FeedWriter(Options()), plan, FeedState.FromEntries(first.State.Entries, first.State.LastModified), now).Result;
        var off = Write(new FeedWriter(Options(cached: false)), plan, first.State, now).Result;

        Assert.Equal(0, initials.Reused);
        Assert.Equal(0, otherKey.Reused);
        Assert.Equal(0, stored.Reused);
        Assert.False(stored.Changed);
        Assert.Equal(0, off.Reused);
    }

    [Theory]
    [InlineData(FeedLayout.Events)]
    [InlineData(FeedLayout.Tasks)]
    [InlineData(FeedLayout.DailyDigest)]
    public void SamePlanWrittenAgain_EveryEventCopied(FeedLayout layout)
    {
        var writer = new FeedWriter(Options(layout));
        var plan = PlanOn(Diary(), Start);
        var now = Instant.FromUtc(2026, 3, 2, 6, 0);
        var (first, firstResult) = Write(writer, plan, FeedState.Empty, now);
        var (again, againResult) = Write(writer, plan, firstResult.State, now.Plus(Duration.FromMinutes(5)));
        var (third, thirdResult) = Write(writer, plan, againResult.State, now.Plus(Duration.FromMinutes(10)));

        Assert.Equal(first, again);
        Assert.Equal(first, third);
        Assert.Equal(againResult.Components, againResult.Reused);
        Assert.Equal(thirdResult.Components, thirdResult.Reused);
        Assert.Same(firstResult.State, thirdResult.State);
    }

    [Fact]
    public void OptionsEqualButNotTheSameObject_Copied()
    {
        var plan = PlanOn(Diary(), Start);
        var now = Instant.FromUtc(2026, 3, 2, 6, 0);
        var first = Write(new FeedWriter(Options()), plan, FeedState.Empty, now).Result;
        var again = Write(new FeedWriter(Options()), plan, first.State, now).Result;
        Assert.Equal(again.Components, again.Reused);
    }

    /// <summary>What changes between two writes, besides the clock: nothing, or one thing about one relationship.</summary>
    public enum Change
    {
        None,
        Log,
        Rename,
        Retier,
        Pause,
        Rule,
        Promise,
        MoveCommitment,
        MoveByHand,
        Add,
        Date,
        Campaign,
    }

    /// <summary>A step of a diary's life between two writes: days and hours forward, and one change to relationship <see cref="Of"/>.</summary>
    public sealed record Step(int Days, int Hours, Change Change, int Of, Channel Channel, bool Reply, CadenceRule Rule, int Shift);

    private static Gen<Step[]> Steps =>
        Gen.ArrayOf(
            from days in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 3)))
            from hours in Gen.Choose(1, 8)
            from change in Gen.Frequency((2, Gen.Constant(Change.None)), (3, Gen.Elements(Enum.GetValues<Change>())))
            from of in Gen.Choose(0, 7)
            from channel in Gen.Elements(Enum.GetValues<Channel>())
            from reply in Gen.Elements(true, false)
            from rule in Generators.Rule
            from shift in Gen.Choose(1, 20)
            select new Step(days, hours, change, of, channel, reply, rule, shift),
            6);

    /// <summary>One change, made the way the sample makes it; the same day otherwise, so nothing else tells the events apart.</summary>
    private static Diary Apply(Diary diary, Step step, LocalDate today, int n)
    {
        if (step.Of >= diary.Relationships.Count)
        {
            return diary;
        }

        var relationship = diary.Relationships[step.Of];
        string id = relationship.Id;
        var open = diary.Commitments.FirstOrDefault(c => c.RelationshipId == id && c.Status == CommitmentStatus.Open);
        return step.Change switch
        {
            Change.Log => diary.Log(new Touch(id, today, step.Channel, step.Reply ? Direction.Inbound : Direction.Outbound, summary: "step " + n)),
            Change.Rename => diary.Update(relationship.WithName(relationship.Name + " " + n)),
            Change.Retier => diary.Update(relationship.WithTier("tier" + n)),
            Change.Pause => diary.Update(relationship.PauseUntil(today.PlusDays(step.Shift))),
            Change.Rule => diary.Update(relationship.WithRule(step.Rule)),
            Change.Promise => diary.Promise(new Commitment("p" + n, id, today.PlusDays(step.Shift), "promise " + n, step.Channel)),
            Change.MoveCommitment when open is not null => diary.Update(open.MoveTo(today.PlusDays(step.Shift))),
            Change.MoveByHand => diary.MoveNextTouch(id, today.PlusDays(step.Shift), today),
            Change.Add => diary.Add(new Relationship("new" + n, "New " + n, relationship.Tier)),
            Change.Date => diary.Update(relationship.WithImportantDates(relationship.ImportantDates.Append(
                ImportantDate.Yearly("date " + n, new AnnualDate(today.PlusDays(step.Shift).Month, today.PlusDays(step.Shift).Day), step.Reply ? 1980 : null).WithLeadDays(step.Shift % 3)))),
            Change.Campaign => diary.StartCampaign(Campaign.ForTier("campaign " + n, relationship.Tier, today, today.PlusDays(step.Shift * 5))),
            _ => diary,
        };
    }

    /// <summary>
    /// The cache changes nothing but the work: over a diary's life (days passing, touches logged, names, tiers, rules,
    /// pauses, promises, moves, dates that matter and campaigns changed, polls in between), the cached writer's bytes and state are the uncached
    /// writer's, in every layout, privacy and option, whether the cached writer makes its fingerprints on one thread or
    /// several.
    /// </summary>
    [Property]
    public Property CachedWriter_WritesExactlyWhatTheRenderingWriterWrites(FeedCase x) =>
        Prop.ForAll(Steps.ToArbitrary(), Gen.Choose(1, 3).ToArbitrary(), (steps, threads) =>
        {
            // On one thread, or with the fingerprints made on several (in chunks of 8 touches, from the first touch).
            var cached = new FeedWriter(x.Options.WithEventCache(true).WithMaxDegreeOfParallelism(threads), batchEvents: 1, parallelFromEvents: 1);
            var plain = new FeedWriter(x.Options.WithEventCache(false));
            var diary = x.Scenario.Diary;
            var today = x.Scenario.Today;
            var now = today.At(new LocalTime(6, 0)).InUtc().ToInstant();
            FeedState cachedState = FeedState.Empty, plainState = FeedState.Empty;
            int reused = 0, n = 0;
            Plan? plan = null;
            foreach (var step in steps.Prepend(new Step(0, 0, Change.None, 0, Channel.Call, false, CadenceRule.FromDays(7, 30, 45), 1)))
            {
                today = today.PlusDays(step.Days);
                now = now.Plus(Duration.FromDays(step.Days) + Duration.FromHours(step.Hours));
                diary = Apply(diary, step, today, n++);
                // A plan kept between polls (the same objects) or made again (equal ones).
                plan = plan is not null && step.Days == 0 && step.Change == Change.None && step.Shift % 2 == 0
                    ? plan
                    : new Scheduler(x.Scenario.Options).Plan(diary, today);
                var (cachedBytes, cachedResult) = Write(cached, plan, cachedState, now);
                var (plainBytes, plainResult) = Write(plain, plan, plainState, now);
                if (!cachedBytes.AsSpan().SequenceEqual(plainBytes)
                    || !cachedResult.State.Entries.SequenceEqual(plainResult.State.Entries)
                    || cachedResult.Changed != plainResult.Changed
                    || cachedResult.State.LastModified != plainResult.State.LastModified)
                {
                    return false.Label($"differs after {step}");
                }

                reused += cachedResult.Reused;
                cachedState = cachedResult.State;
                plainState = plainResult.State;
            }

            return true.Classify(reused > 0, "some events copied");
        });

    /// <summary>
    /// Where the features meet (<see cref="AllFeatures"/>: campaigns, ladders, dates, promises, moves, pauses, the owner's
    /// calendar with its budget and time off, call windows), levelled, over a diary's life (days passing, one change at a
    /// time as in <see cref="CachedWriter_WritesExactlyWhatTheRenderingWriterWrites"/>), with the plan made afresh for
    /// every poll: the cached writer writes it before anything made its reasons, so it tells kept events by the facts
    /// the reasons are made of. Its bytes and state are the rendering writer's, and a second poll with nothing changed
    /// keeps every event without making one reason; with the fingerprints made on one thread or several.
    /// </summary>
    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property EveryFeatureLevelled_PlanMadeAfreshForEachPoll_CachedBytesAreRenderedBytes_KeptEventsMakeNoReasons() =>
        Prop.ForAll(
            (from s in AllFeatures.Scenario
             from layout in Gen.Elements(FeedLayout.Events, FeedLayout.Tasks, FeedLayout.DailyDigest)
             from steps in Steps
             from threads in Gen.Choose(1, 3)
             from batch in Gen.Choose(1, 3)
             select (s, layout, steps, threads, batch)).ToArbitrary(),
            x =>
            {
                var (s, layout, steps, threads, batch) = x;
                var calendar = s.Options.Calendar ?? new OwnerCalendar(DateTimeZone.Utc);
                var options = new FeedOptions("Cadence", Key).WithLayout(layout).WithTimeZone(calendar.TimeZone);

                // On one thread, or with the fingerprints made on several (in chunks of 8 batches), from the first touch.
                var cached = new FeedWriter(options.WithEventCache(true).WithMaxDegreeOfParallelism(threads), batch, parallelFromEvents: 1);
                var plain = new FeedWriter(options);
                var scheduler = new Scheduler(s.Options);
                var leveller = new Leveller(calendar);
                var diary = s.Diary.AsOf(s.Today);
                var today = s.Today;
                var now = today.At(new LocalTime(6, 0)).InUtc().ToInstant();
                FeedState cachedState = FeedState.Empty, plainState = FeedState.Empty;
                int n = 0, reused = 0;
                foreach (var step in steps.Prepend(new Step(0, 0, Change.None, 0, Channel.Call, false, CadenceRule.FromDays(7, 30, 45), 1)))
                {
                    today = today.PlusDays(step.Days);
                    diary = Apply(diary, step, today, n++);
                    foreach (bool again in new[] { false, true })
                    {
                        now = now.Plus(Duration.FromDays(again ? 0 : step.Days) + Duration.FromHours(again ? 1 : step.Hours));
                        var plan = leveller.Level(scheduler.Plan(diary, today));
                        var (cachedBytes, cachedResult) = Write(cached, plan, cachedState, now);
                        bool noneMade = plan.Touches.All(t => !t.ReasonsMade);
                        var (plainBytes, plainResult) = Write(plain, leveller.Level(scheduler.Plan(diary, today)), plainState, now);
                        Assert.True(
                            cachedBytes.AsSpan().SequenceEqual(plainBytes),
                            $"{s}\n{layout}, after {step}{(again ? ", polled again" : string.Empty)}: the cached writer wrote other bytes");
                        Assert.Equal(plainResult.State.Entries, cachedResult.State.Entries);
                        Assert.Equal(plainResult.Changed, cachedResult.Changed);
                        if (again)
                        {
                            Assert.Equal(cachedResult.Components, cachedResult.Reused);
                            Assert.True(noneMade, $"{s}\n{layout}, after {step}: a kept event made its touch's reasons");
                        }
                        else
                        {
                            reused += cachedResult.Reused;
                        }

                        cachedState = cachedResult.State;
                        plainState = plainResult.State;
                    }
                }

                return true.Classify(reused > 0, "events kept across a change");
            });
}
