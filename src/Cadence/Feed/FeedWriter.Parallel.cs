using System;
using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Cadence.Planning;

namespace Cadence.Feed;

/// <content>Rendering a large feed's events on several threads, in batches written in order.</content>
public sealed partial class FeedWriter
{
    /// <summary>How many events a thread renders at a time: about 60 KB of feed.</summary>
    private const int DefaultBatchEvents = 128;

    /// <summary>The fewest events rendered on several threads: fewer are written before another thread would have started.</summary>
    private const int DefaultParallelFromEvents = 16 * DefaultBatchEvents;

    private readonly int _batchEvents = DefaultBatchEvents;
    private readonly int _parallelFromEvents = DefaultParallelFromEvents;

    /// <summary>Called before each event a batch renders (tests only: to fail one).</summary>
    private readonly Action<PlannedTouch>? _beforeBatchEvent;

    /// <summary>A writer that renders on several threads from fewer events, in smaller batches (tests only).</summary>
    /// <param name="options">The options.</param>
    /// <param name="batchEvents">How many events a thread renders at a time.</param>
    /// <param name="parallelFromEvents">The fewest events rendered on several threads.</param>
    /// <param name="beforeBatchEvent">Called before each event a batch renders, on the thread that renders it.</param>
    internal FeedWriter(FeedOptions options, int batchEvents, int parallelFromEvents, Action<PlannedTouch>? beforeBatchEvent = null)
        : this(options)
    {
        _batchEvents = batchEvents;
        _parallelFromEvents = parallelFromEvents;
        _beforeBatchEvent = beforeBatchEvent;
    }

    /// <summary>
    /// How many threads render the touches' events: one for a small feed, and with the event cache (whose kept events
    /// are copied in order from the previous write's bytes); else up to <see cref="FeedOptions.MaxDegreeOfParallelism"/>.
    /// </summary>
    private int RenderThreads(Run run, int events) => run.Fingerprints is not null ? 1 : Threads(events);

    /// <summary>How many threads a step over <paramref name="events"/> events may use: one below <see cref="DefaultParallelFromEvents"/>.</summary>
    private int Threads(int events) =>
        events < _parallelFromEvents ? 1 : Math.Min(Options.MaxDegreeOfParallelism ?? Environment.ProcessorCount, (events + _batchEvents - 1) / _batchEvents);

    /// <summary>
    /// The touches' events rendered on <paramref name="threads"/> threads, a batch at a time, and handed to the output
    /// and the state in plan order on the calling thread: the same bytes, the same state and the same first failure as
    /// on one thread.
    /// </summary>
    private void WriteTouchesInParallel(Run run, PlannedTouch[] touches, int count, string component, int threads)
    {
        using var batches = new ParallelBatches(this, run, touches, count, component, threads);
        batches.Write();
    }

    /// <summary>
    /// The objects of touches <paramref name="from"/> to <paramref name="to"/> read in one short loop (see
    /// <see cref="PlannedTouch.ReadAhead"/>), but not those the previous write of <paramref name="copied"/> wrote at the
    /// same position (they are copied, not read); returns what the reads summed.
    /// </summary>
    private static long ReadAhead(PlannedTouch[] touches, int from, int to, bool reasons, Run? copied)
    {
        long read = 0;
        for (int k = from; k < to; k++)
        {
            if (copied is null || !copied.WroteAt(k, touches[k]))
            {
                read += touches[k].ReadAhead(reasons);
            }
        }

        return read;
    }

    /// <summary>
    /// The batches of one parallel write: a ring of a few batch buffers per thread, so memory stays a few hundred
    /// kilobytes whatever the feed's size. Each thread claims the next batch once its buffer has been written out;
    /// the calling thread writes the finished batches in order, and renders batches itself while the next one is not
    /// ready. It never waits for a thread that has not claimed a batch, so a busy thread pool only makes it slower.
    /// </summary>
    private sealed class ParallelBatches : IDisposable
    {
        private readonly FeedWriter _writer;
        private readonly Run _run;
        private readonly PlannedTouch[] _touches;
        private readonly int _count;
        private readonly string _component;
        private readonly int _threads;
        private readonly Batch[] _ring;
        private readonly int _batchEvents;
        private readonly int _batches;
        private readonly object _gate = new();

        /// <summary>The next batch to claim, the next to write, and how many are being rendered (all under <see cref="_gate"/>).</summary>
        private int _claimed;
        private int _written;
        private int _rendering;
        private bool _finished;

        /// <summary>The earliest batch that failed, and how.</summary>
        private int _failedAt = int.MaxValue;
        private ExceptionDispatchInfo? _failure;
        private long _readSum;

        internal ParallelBatches(FeedWriter writer, Run run, PlannedTouch[] touches, int count, string component, int threads)
        {
            _writer = writer;
            _run = run;
            _touches = touches;
            _count = count;
            _component = component;
            _threads = threads;
            _batchEvents = writer._batchEvents;
            _batches = (count + _batchEvents - 1) / _batchEvents;
            _ring = new Batch[Math.Min(_batches, 4 * threads)];
            for (int i = 0; i < _ring.Length; i++)
            {
                _ring[i] = new Batch(_batchEvents);
            }
        }

        /// <summary>Renders and writes every batch; returns once no other thread touches a batch.</summary>
        internal void Write()
        {
            for (int t = 1; t < _threads; t++)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static batches => batches.Work(), this, preferLocal: false);
            }

            try
            {
                while (true)
                {
                    Batch? ready = null;
                    int claimed = -1;
                    lock (_gate)
                    {
                        while (_written < _batches)
                        {
                            if (_written == _failedAt)
                            {
                                _failure!.Throw();
                            }

                            var next = _ring[_written % _ring.Length];
                            if (next.Ready)
                            {
                                ready = next;
                                break;
                            }

                            if (TryClaim(out claimed))
                            {
                                break;
                            }

                            Monitor.Wait(_gate);
                        }
                    }

                    if (ready is not null)
                    {
                        WriteOut(ready);
                    }
                    else if (claimed >= 0)
                    {
                        Render(_run.Render, claimed);
                    }
                    else
                    {
                        break;
                    }
                }
            }
            finally
            {
                lock (_gate)
                {
                    _finished = true;
                    Monitor.PulseAll(_gate);
                    while (_rendering > 0)
                    {
                        Monitor.Wait(_gate);
                    }
                }

                _run.ReadSum += Interlocked.Read(ref _readSum);
            }
        }

        /// <summary>Gives the batches' buffers back; only once <see cref="Write"/> has returned.</summary>
        public void Dispose()
        {
            foreach (var batch in _ring)
            {
                batch.Lines.ReturnBuffer();
            }
        }

        /// <summary>Another thread's share: batches until there are none left to claim, with a renderer of its own.</summary>
        private void Work()
        {
            Renderer? render = null;
            try
            {
                while (true)
                {
                    int claimed;
                    lock (_gate)
                    {
                        while (!TryClaim(out claimed) && !NothingLeft)
                        {
                            Monitor.Wait(_gate);
                        }
                    }

                    if (claimed < 0)
                    {
                        return;
                    }

                    render ??= new Renderer(_writer.Options);
                    Render(render, claimed);
                }
            }
            finally
            {
                render?.Dispose();
            }
        }

        /// <summary>Whether no batch is left to claim (under <see cref="_gate"/>).</summary>
        private bool NothingLeft => _finished || _claimed >= Math.Min(_batches, _failedAt);

        /// <summary>Claims the next batch if there is one and its buffer has been written out (under <see cref="_gate"/>).</summary>
        private bool TryClaim(out int claimed)
        {
            if (!NothingLeft && _claimed < _written + _ring.Length)
            {
                claimed = _claimed++;
                _rendering++;
                return true;
            }

            claimed = -1;
            return false;
        }

        private void Render(Renderer render, int index)
        {
            var batch = _ring[index % _ring.Length];
            try
            {
                RenderBatch(render, batch, index);
                lock (_gate)
                {
                    batch.Ready = true;
                    _rendering--;
                    Monitor.PulseAll(_gate);
                }
            }
            catch (Exception e)
            {
                lock (_gate)
                {
                    if (index < _failedAt)
                    {
                        _failedAt = index;
                        _failure = ExceptionDispatchInfo.Capture(e);
                    }

                    _rendering--;
                    Monitor.PulseAll(_gate);
                }
            }
        }

        /// <summary>The events of one batch, each with its entry of the next state, in the batch's buffer.</summary>
        private void RenderBatch(Renderer render, Batch batch, int index)
        {
            int start = index * _batchEvents;
            int end = Math.Min(_count, start + _batchEvents);
            var lines = batch.Lines;
            lines.DiscardPending();
            batch.Changed = false;
            bool task = _component == "VTODO";

            // The previous state's event is most likely at the same position.
            int hint = start;
            long read = 0;
            for (int i = start; i < end; i++)
            {
                if ((i - start) % ReadAheadCount == 0)
                {
                    read += ReadAhead(_touches, i, Math.Min(end, i + ReadAheadCount), reasons: true, null);
                }

                var touch = _touches[i];
                _writer._beforeBatchEvent?.Invoke(touch);
                var uid = TouchUid(render.Uids, touch, _component);
                _writer.RenderTouch(render, touch, _component);
                var entry = _run.State.SlotOf(uid, render.Body.Pending, ref hint, out bool changed);
                render.WriteComponent(lines, task, uid, entry);
                batch.Slots[i - start] = entry;
                batch.Changed |= changed;
            }

            batch.Count = end - start;
            Interlocked.Add(ref _readSum, read);
        }

        /// <summary>A finished batch to the output and its entries to the state, on the calling thread; frees its buffer.</summary>
        private void WriteOut(Batch batch)
        {
            _run.WriteLines(batch.Lines.PendingSegment);
            var state = _run.State;
            for (int i = 0; i < batch.Count; i++)
            {
                state.Add(batch.Slots[i], batch.Changed);
            }

            lock (_gate)
            {
                batch.Ready = false;
                _written++;
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>One batch's buffer: its events' lines and their entries.</summary>
        private sealed class Batch(int events)
        {
            internal ContentLineWriter Lines { get; } = new(640 * events);

            internal FeedSlot[] Slots { get; } = new FeedSlot[events];

            internal int Count { get; set; }

            internal bool Changed { get; set; }

            /// <summary>Rendered and not yet written out (under the gate).</summary>
            internal bool Ready { get; set; }
        }
    }

    /// <summary>
    /// The fingerprints of a cached write's touches, made on several threads before the write copies or renders the
    /// events in order on the calling thread: a plan made again for each poll spends most of its write on them. A touch
    /// the previous write wrote at the same position from the very same object gets none: it is copied without one.
    /// </summary>
    private sealed class ParallelPrints : IDisposable
    {
        private UInt128[] _prints;
        private bool[] _made;

        private ParallelPrints(int count)
        {
            _prints = ArrayPool<UInt128>.Shared.Rent(count);
            _made = ArrayPool<bool>.Shared.Rent(count);
        }

        /// <summary>
        /// The fingerprints of the first <paramref name="count"/> touches; or <see langword="null"/> when one thread
        /// makes them as it goes: a small plan, one thread, or the very plan the previous write was of (its events are
        /// copied by reference, and those that moved are few).
        /// </summary>
        internal static ParallelPrints? Make(FeedWriter writer, Run run, PlannedTouch[] touches, int count, EventFingerprint.Kind kind)
        {
            int threads = writer.Threads(count);
            if (threads <= 1 || run.WroteFrom(touches))
            {
                return null;
            }

            var prints = new ParallelPrints(count);
            int chunk = 8 * writer._batchEvents;
            int chunks = (count + chunk - 1) / chunk;
            var failures = new ExceptionDispatchInfo?[chunks];
            try
            {
                Parallel.For(
                    0,
                    chunks,
                    new ParallelOptions { MaxDegreeOfParallelism = threads },
                    () => new EventFingerprint(),
                    (c, _, fingerprints) =>
                    {
                        try
                        {
                            prints.MakeChunk(run, fingerprints, touches, c * chunk, Math.Min(count, (c + 1) * chunk), kind);
                        }
                        catch (Exception e)
                        {
                            failures[c] = ExceptionDispatchInfo.Capture(e);
                        }

                        return fingerprints;
                    },
                    fingerprints => fingerprints.Dispose());

                // The first failure in plan order, as one thread would have met it.
                foreach (var failure in failures)
                {
                    failure?.Throw();
                }

                return prints;
            }
            catch
            {
                prints.Dispose();
                throw;
            }
        }

        /// <summary>The fingerprint of touch <paramref name="at"/>, if one was made.</summary>
        internal bool TryGet(int at, out UInt128 print)
        {
            print = _prints[at];
            return _made[at];
        }

        /// <summary>Gives the arrays back to the pool.</summary>
        public void Dispose()
        {
            ArrayPool<UInt128>.Shared.Return(_prints);
            ArrayPool<bool>.Shared.Return(_made);
            _prints = [];
            _made = [];
        }

        private void MakeChunk(Run run, EventFingerprint fingerprints, PlannedTouch[] touches, int start, int end, EventFingerprint.Kind kind)
        {
            long read = 0;
            for (int i = start; i < end; i++)
            {
                if ((i - start) % ReadAheadCount == 0)
                {
                    read += ReadAhead(touches, i, Math.Min(end, i + ReadAheadCount), reasons: false, run);
                }

                var touch = touches[i];
                bool make = !run.WroteAt(i, touch);
                _made[i] = make;
                if (make)
                {
                    _prints[i] = fingerprints.Of(touch, kind);
                }
            }

            GC.KeepAlive(read);
        }
    }
}
