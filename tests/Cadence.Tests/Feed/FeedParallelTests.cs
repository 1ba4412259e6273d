using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using Cadence.Calendars;
using Cadence.Levelling;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;
using static Cadence.Tests.Feed.FeedFixtures;

namespace Cadence.Tests.Feed;

/// <summary>
/// A large feed's events rendered on several threads (<see cref="FeedOptions.MaxDegreeOfParallelism"/>): the same
/// bytes, the same state and the same failure as on one thread. The small-batch writer (an internal constructor)
/// takes the parallel path with generated diaries of a few dozen touches, so batches, the ring of buffers and its
/// wrapping are all exercised.
/// </summary>
public class FeedParallelTests
{
    /// <summary>
    /// Over every-feature diaries, planned or levelled, in every layout and privacy, with or without dates, with or
    /// without the event cache (whose fingerprints are then made on several threads), from an empty state or from the
    /// state of an earlier day's write: a write on 2 to 4 threads in batches of 1 to 3 events gives the bytes, the
    /// result and the state of a write on one thread (and keeps as many events); and so do the next writes from either
    /// state: of a later day's plan, of that day's plan made again, and of that very plan again.
    /// </summary>
    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property Write_OnSeveralThreads_SameBytesAndStateAsOnOne() =>
        Prop.ForAll(
            (from s in AllFeatures.Scenario
             from layout in Gen.Elements(FeedLayout.Events, FeedLayout.Tasks, FeedLayout.DailyDigest)
             from privacy in Gen.Elements(FeedPrivacy.FullNames, FeedPrivacy.Initials, FeedPrivacy.ChannelOnly)
             from dates in Gen.Elements(false, true)
             from levelled in Gen.Elements(false, true)
             from fromEarlier in Gen.Elements(false, true)
             from cached in Gen.Elements(false, true)
             from threads in Gen.Choose(2, 4)
             from batch in Gen.Choose(1, 3)
             select (s, layout, privacy, dates, levelled, fromEarlier, cached, threads, batch)).ToArbitrary(),
            x =>
            {
                var (s, layout, privacy, dates, levelled, fromEarlier, cached, threads, batch) = x;
                var calendar = s.Options.Calendar ?? new OwnerCalendar(DateTimeZone.Utc);
                var options = new FeedOptions("Cadence", Key).WithLayout(layout).WithPrivacy(privacy).WithYearlyDates(dates)
                    .WithTimeZone(calendar.TimeZone).WithEventCache(cached);
                var one = new FeedWriter(options.WithMaxDegreeOfParallelism(1));
                var several = new FeedWriter(options.WithMaxDegreeOfParallelism(threads), batch, parallelFromEvents: 1);
                Schedule Plan(LocalDate day)
                {
                    var plan = new Scheduler(s.Options).Plan(s.Diary, day);
                    return levelled ? new Leveller(calendar).Level(plan) : plan;
                }

                var now = s.Today.At(new LocalTime(7, 0)).InUtc().ToInstant();
                var previous = fromEarlier ? one.Write(Plan(s.Today.PlusDays(-3)), FeedState.Empty, now - Duration.FromDays(3), out _).State : FeedState.Empty;
                var plan = Plan(s.Today);

                var expected = one.Write(plan, previous, now, out string expectedText);
                var actual = several.Write(plan, previous, now, out string actualText);

                Assert.Equal(expectedText, actualText);
                AssertSameResult(expected, actual);

                var later = Plan(s.Today.PlusDays(2));
                var laterNow = now + Duration.FromDays(2);
                var expectedNext = one.Write(later, expected.State, laterNow, out string expectedNextText);
                var actualNext = several.Write(later, actual.State, laterNow, out string actualNextText);
                Assert.Equal(expectedNextText, actualNextText);
                AssertSameResult(expectedNext, actualNext);

                Assert.Equal(expectedNext.Reused, actualNext.Reused);

                // The same day's plan made again (equal, other objects: kept by fingerprint), then that very plan again.
                var again = Plan(s.Today.PlusDays(2));
                var (expectedState, actualState) = (expectedNext.State, actualNext.State);
                for (int k = 0; k < 2; k++)
                {
                    var expectedAgain = one.Write(again, expectedState, laterNow, out string expectedAgainText);
                    var actualAgain = several.Write(again, actualState, laterNow, out string actualAgainText);
                    Assert.Equal(expectedAgainText, actualAgainText);
                    AssertSameResult(expectedAgain, actualAgain);
                    Assert.Equal(expectedAgain.Reused, actualAgain.Reused);
                    (expectedState, actualState) = (expectedAgain.State, actualAgain.State);
                }

                return true.Classify(plan.Touches.Count > 2 * batch, "several batches");
            });

    [Fact]
    public void Write_LargeFeed_RendersInBatchesOnlyWhenAllowed_AndTheBytesAreTheSame()
    {
        var relationships = Enumerable.Range(0, 3000).Select(i => new Relationship("r" + i, "Person number " + i, i % 3 == 0 ? "client" : "prospect"));
        var plan = new Scheduler().Plan(new Diary(relationships), Today);
        var batched = new ConcurrentBag<string>();

        // The default sizes, with the hook that shows which touches a batch rendered.
        var several = new FeedWriter(Options.WithMaxDegreeOfParallelism(2), 128, 2048, t => batched.Add(t.RelationshipId));
        var one = new FeedWriter(Options.WithMaxDegreeOfParallelism(1), 128, 2048, t => batched.Add(t.RelationshipId));
        var sequential = one.Write(plan, FeedState.Empty, Now, out string sequentialText);
        Assert.Empty(batched);

        var parallel = several.Write(plan, FeedState.Empty, Now, out string parallelText);
        Assert.Equal(3000, batched.Count);
        Assert.Equal(sequentialText, parallelText);
        AssertSameResult(sequential, parallel);

        // With the event cache, kept events are copied in order: one thread.
        batched.Clear();
        new FeedWriter(Options.WithEventCache(true), 128, 2048, t => batched.Add(t.RelationshipId)).Write(plan, FeedState.Empty, Now, out string cachedText);
        Assert.Empty(batched);
        Assert.Equal(sequentialText, cachedText);
    }

    [Fact]
    public void Write_LargeFeedToStream_OnSeveralThreads_WritesInBoundedPiecesInOrder()
    {
        var relationships = Enumerable.Range(0, 3000).Select(i => new Relationship("r" + i, "Person number " + i, "client"));
        var plan = new Scheduler().Plan(new Diary(relationships), Today);
        using var stream = new MemoryStream();
        var buffer = new ArrayBufferWriter<byte>();

        new FeedWriter(Options.WithMaxDegreeOfParallelism(4)).Write(plan, FeedState.Empty, Now, stream);
        new FeedWriter(Options.WithMaxDegreeOfParallelism(1)).Write(plan, FeedState.Empty, Now, buffer);

        Assert.Equal(buffer.WrittenSpan.ToArray(), stream.ToArray());
    }

    /// <summary>
    /// A failure while rendering on several threads is the one a single thread meets first: of two touches that fail,
    /// the earlier in the plan, even when the later one failed first. The earlier touch's renderer waits until the later
    /// one has failed (or, if no other thread took that batch in time, goes on after a while: the assertion is the same
    /// either way); tried many times, as threads race.
    /// </summary>
    [Fact]
    public void Write_FailingOnSeveralThreads_ThrowsTheFirstFailureInPlanOrder()
    {
        var relationships = Enumerable.Range(0, 200).Select(i => new Relationship("r" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), "Person " + i, "client"));
        var plan = new Scheduler().Plan(new Diary(relationships), Today);

        // Batches of four: the early touch is the last of batch 9, the late one the first of batch 11.
        string early = plan.Touches[39].RelationshipId;
        string late = plan.Touches[44].RelationshipId;
        for (int attempt = 0; attempt < 20; attempt++)
        {
            using var lateFailed = new System.Threading.ManualResetEventSlim();
            var writer = new FeedWriter(Options.WithMaxDegreeOfParallelism(4), 4, 8, t =>
            {
                if (t.RelationshipId == early)
                {
                    lateFailed.Wait(TimeSpan.FromSeconds(1));
                    throw new InvalidOperationException(early);
                }

                if (t.RelationshipId == late)
                {
                    lateFailed.Set();
                    throw new InvalidOperationException(late);
                }
            });

            var ex = Assert.Throws<InvalidOperationException>(() => writer.Write(plan, FeedState.Empty, Now, new MemoryStream()));
            Assert.Equal(early, ex.Message);
        }

        // The writer is not left broken: the same options write the plan on several threads after.
        var result = new FeedWriter(Options.WithMaxDegreeOfParallelism(4), 4, 8).Write(plan, FeedState.Empty, Now, out string parallelText);
        new FeedWriter(Options).Write(plan, FeedState.Empty, Now, out string expected);
        Assert.Equal(expected, parallelText);
        Assert.Equal(200, result.Components);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void WithMaxDegreeOfParallelism_BelowOne_ThrowsNamingTheValue(int max)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Options.WithMaxDegreeOfParallelism(max));
        Assert.Equal("max", ex.ParamName);
        Assert.Contains(max.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The number of threads is part of the options' equality, but not of what the event cache compares: it changes
    /// no byte, so a state cached with one thread is kept by a writer allowed several.
    /// </summary>
    [Fact]
    public void MaxDegreeOfParallelism_IsAnOption_ButTheCacheKeepsEventsAcrossIt()
    {
        var cached = Options.WithEventCache(true);
        Assert.Null(cached.MaxDegreeOfParallelism);
        Assert.Equal(2, cached.WithMaxDegreeOfParallelism(2).MaxDegreeOfParallelism);
        Assert.NotEqual(cached, cached.WithMaxDegreeOfParallelism(1));
        Assert.Equal(cached.WithMaxDegreeOfParallelism(1), cached.WithMaxDegreeOfParallelism(1));

        var plan = Plan();
        var state = new FeedWriter(cached.WithMaxDegreeOfParallelism(1)).Write(plan, FeedState.Empty, Now, out _).State;
        var again = new FeedWriter(cached.WithMaxDegreeOfParallelism(3)).Write(Plan(), state, Now, out _);
        Assert.Equal(again.Components, again.Reused);
        Assert.True(again.Components > 0);
    }

    private static void AssertSameResult(FeedResult expected, FeedResult actual)
    {
        Assert.Equal(expected.Components, actual.Components);
        Assert.Equal(expected.Changed, actual.Changed);
        Assert.Equal(expected.State.LastModified, actual.State.LastModified);
        Assert.Equal(expected.State.Entries, actual.State.Entries);
    }
}
