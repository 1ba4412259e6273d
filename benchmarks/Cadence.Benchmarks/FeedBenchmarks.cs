using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Cadence.Feed;
using Cadence.Planning;
using NodaTime;

namespace Cadence.Benchmarks;

/// <summary>
/// The iCalendar feed of a plan of exactly <see cref="PlannedTouches"/> planned touches, written to a stream as one
/// all-day event per touch (default <see cref="FeedOptions"/> with a 3,660-day horizon, so no touch is cut), against
/// writing the same bytes already encoded to the same stream.
/// </summary>
[MemoryDiagnoser]
public class FeedBenchmarks
{
    /// <summary>The instant of the earlier write the steady state starts from.</summary>
    public static readonly Instant FirstWrite = Instant.FromUtc(2026, 3, 2, 6, 0);

    /// <summary>The instant of the timed writes: four hours later, as a calendar polling the feed.</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 10, 0);

    private static readonly byte[] UidKey = Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray();

    private Plan _plan = null!;
    private Plan _freshPlan = null!;
    private FeedWriter _writer = null!;
    private FeedWriter _cachingWriter = null!;
    private FeedWriter _oneThreadWriter = null!;
    private FeedState _previous = FeedState.Empty;
    private FeedState _cachedPrevious = FeedState.Empty;
    private FeedState _samePlanPrevious = FeedState.Empty;
    private byte[] _encoded = [];
    private MemoryStream _sink = new();

    /// <summary>How many planned touches (and so events) the feed has.</summary>
    [Params(1_000, 100_000)]
    public int PlannedTouches { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _plan = PlanOf(PlannedTouches);
        if (_plan.Touches.Count != PlannedTouches)
        {
            throw new InvalidOperationException($"The plan has {_plan.Touches.Count} touches, not {PlannedTouches}.");
        }

        var options = new FeedOptions("Cadence", UidKey).WithHorizonDays(3660);
        _writer = new FeedWriter(options);
        _cachingWriter = new FeedWriter(options.WithEventCache(true));
        _oneThreadWriter = new FeedWriter(options.WithMaxDegreeOfParallelism(1));

        // The earlier identical write whose state the steady-state writes get, of a plan made again from the same
        // diary (equal data, other objects, as when a server plans again for each poll); its bytes differ from the
        // timed ones only in being written at another instant, which does not show since nothing changed.
        var earlierPlan = PlanOf(PlannedTouches);
        var first = new MemoryStream();
        var result = _writer.Write(earlierPlan, FeedState.Empty, FirstWrite, first);
        _previous = result.State;
        if (result.Components != PlannedTouches)
        {
            throw new InvalidOperationException($"The feed has {result.Components} events, not {PlannedTouches}.");
        }

        _encoded = first.ToArray();
        var cachedFirst = new MemoryStream();
        _cachedPrevious = _cachingWriter.Write(earlierPlan, FeedState.Empty, FirstWrite, cachedFirst).State;
        if (!cachedFirst.ToArray().AsSpan().SequenceEqual(_encoded))
        {
            throw new InvalidOperationException("The caching writer wrote other bytes.");
        }

        // The timed plan's reasons are made here, as when something read them before the feed was written (an agenda
        // shown, `Why` asked): a writer reads them then. A plan whose reasons nobody made is the row below.
        foreach (var touch in _plan.Touches)
        {
            _ = touch.Reasons;
        }

        // An equal plan whose reasons nobody has made, as a server that plans and then writes the feed has it: the
        // writer makes each touch's reasons where it writes them, and keeps none, so it stays so from write to write.
        _freshPlan = PlanOf(PlannedTouches);

        var again = new MemoryStream();
        var steady = _writer.Write(_plan, _previous, Now, again);
        if (steady.Changed || !again.ToArray().AsSpan().SequenceEqual(_encoded))
        {
            throw new InvalidOperationException("The steady-state write changed the feed.");
        }

        var cachedAgain = new MemoryStream();
        var cachedSteady = _cachingWriter.Write(_plan, _cachedPrevious, Now, cachedAgain);
        if (cachedSteady.Changed || cachedSteady.Reused != PlannedTouches || !cachedAgain.ToArray().AsSpan().SequenceEqual(_encoded))
        {
            throw new InvalidOperationException($"The cached steady-state write changed the feed or rendered events ({cachedSteady.Reused} of {PlannedTouches} copied).");
        }

        // The state of a cached write of the timed plan itself: a server that keeps its plan between polls.
        _samePlanPrevious = cachedSteady.State;

        // One sink for all: big enough for the whole feed, so no benchmark pays for it growing.
        _sink = new MemoryStream(_encoded.Length + (64 * 1024));
    }

    /// <summary>The feed's bytes, already encoded, copied to the stream: what any writer must do at least.</summary>
    [Benchmark(Baseline = true, Description = "Copy the encoded feed")]
    public long CopyEncoded()
    {
        var sink = Reset();
        sink.Write(_encoded, 0, _encoded.Length);
        return sink.Length;
    }

    /// <summary>The feed written with the state of an earlier identical write: nothing changed, as when a calendar polls.</summary>
    [Benchmark(Description = "FeedWriter.Write (unchanged since the previous state)")]
    public FeedResult WriteSteady() => _writer.Write(_plan, _previous, Now, Reset());

    /// <summary>
    /// The same, with <see cref="FeedOptions.CachesEvents"/>: each touch's inputs are fingerprinted, found unchanged in
    /// the previous state, and its event's bytes copied from there instead of rendered.
    /// </summary>
    [Benchmark(Description = "FeedWriter.Write (unchanged, events cached, plan made again)")]
    public FeedResult WriteSteadyCached() => _cachingWriter.Write(_plan, _cachedPrevious, Now, Reset());

    /// <summary>
    /// The same, of the plan the previous state was written from (kept between polls): each touch is the very object
    /// the cached event was written from, so its bytes are copied without fingerprinting it.
    /// </summary>
    [Benchmark(Description = "FeedWriter.Write (unchanged, events cached, the same plan)")]
    public FeedResult WriteSteadySamePlan() => _cachingWriter.Write(_plan, _samePlanPrevious, Now, Reset());

    /// <summary>The feed written for the first time: every event is new.</summary>
    [Benchmark(Description = "FeedWriter.Write (from FeedState.Empty)")]
    public FeedResult WriteFirst() => _writer.Write(_plan, FeedState.Empty, Now, Reset());

    /// <summary>The same on the calling thread only (<see cref="FeedOptions.WithMaxDegreeOfParallelism"/> 1): what the other threads add.</summary>
    [Benchmark(Description = "FeedWriter.Write (from FeedState.Empty, one thread)")]
    public FeedResult WriteFirstOneThread() => _oneThreadWriter.Write(_plan, FeedState.Empty, Now, Reset());

    /// <summary>
    /// The same, of a plan whose reasons nobody has made yet (a server that plans and writes): the writer makes each
    /// touch's reasons to word its description, and keeps none.
    /// </summary>
    [Benchmark(Description = "FeedWriter.Write (from FeedState.Empty, reasons not made yet)")]
    public FeedResult WriteFirstFresh() => _writer.Write(_freshPlan, FeedState.Empty, Now, Reset());

    /// <summary>
    /// The same plan serialised by Ical.Net 5.2.4, the iCalendar package .NET users reach for: one all-day event per
    /// touch with the same properties the feed writes (UID, DTSTAMP, SEQUENCE, dates, TRANSP, SUMMARY, DESCRIPTION,
    /// CATEGORIES, CLASS), serialised to a string and encoded to the stream. It keeps no state between writes.
    /// </summary>
    [Benchmark(Description = "Ical.Net 5.2.4: build and serialise the same events")]
    public long IcalNetSerialize()
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Cadence//Benchmark//EN" };
        var stamp = new Ical.Net.DataTypes.CalDateTime(2026, 3, 2, 10, 0, 0, "UTC");
        foreach (var touch in _plan.Touches)
        {
            var due = touch.Due;
            var next = due.PlusDays(1);
            calendar.Events.Add(new Ical.Net.CalendarComponents.CalendarEvent
            {
                Uid = touch.RelationshipId + "@cadence",
                DtStamp = stamp,
                Sequence = 0,
                DtStart = new Ical.Net.DataTypes.CalDateTime(due.Year, due.Month, due.Day),
                DtEnd = new Ical.Net.DataTypes.CalDateTime(next.Year, next.Month, next.Day),
                Transparency = "TRANSPARENT",
                Summary = touch.Title,
                Description = touch.DatedWhy,
                Categories = ["Cadence", touch.Channel.ToString(), touch.Relationship.Tier],
                Class = "PRIVATE",
            });
        }

        string text = new Ical.Net.Serialization.CalendarSerializer().SerializeToString(calendar)!;
        var sink = Reset();
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
        sink.Write(bytes, 0, bytes.Length);
        return sink.Length;
    }

    /// <summary>
    /// A plan of exactly <paramref name="touches"/> planned touches: the first that many relationships that are not
    /// archived (each gets one planned touch) of a generated diary, with their touches and commitments.
    /// </summary>
    public static Plan PlanOf(int touches)
    {
        // About 3% of the generated relationships are archived; 5% more is plenty.
        var generated = DiaryGenerator.Generate(touches + (touches / 20) + 10, SchedulerBenchmarks.TouchesPerRelationship, SchedulerBenchmarks.Seed, SchedulerBenchmarks.Today);
        var kept = new List<Relationship>(touches);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relationship in generated.Relationships)
        {
            if (kept.Count == touches)
            {
                break;
            }

            if (relationship.State.Status != RelationshipStatus.Archived)
            {
                kept.Add(relationship);
                ids.Add(relationship.Id);
            }
        }

        if (kept.Count < touches)
        {
            throw new InvalidOperationException($"The generated diary has only {kept.Count} relationships that are not archived.");
        }

        var diary = new Diary(
            kept,
            generated.Touches.Where(t => ids.Contains(t.RelationshipId)).ToList(),
            generated.Commitments.Where(c => ids.Contains(c.RelationshipId)).ToList());
        return new Scheduler().Plan(diary, SchedulerBenchmarks.Today);
    }

    private MemoryStream Reset()
    {
        _sink.Position = 0;
        _sink.SetLength(0);
        return _sink;
    }
}
