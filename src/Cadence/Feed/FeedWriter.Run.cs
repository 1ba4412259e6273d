using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using Cadence.Internal;
using Cadence.Planning;
using NodaTime;

namespace Cadence.Feed;

/// <content>A write's buffers and output (<see cref="Run"/>), and what rendering an event needs on one thread (<see cref="Renderer"/>).</content>
public sealed partial class FeedWriter
{
    /// <summary>What one write needs: its writers and buffers, its UID hash and the next state. One per write.</summary>
    private sealed class Run
    {
        /// <summary>How much of the feed is handed to the output at a time.</summary>
        private const int Chunk = 16 * 1024;

        private readonly IBufferWriter<byte>? _output;
        private readonly Stream? _stream;
        private readonly FeedOptions _options;
        private readonly EventCache? _previousCache;
        private EventCache.Builder? _cache;
        private int _reused;

        /// <summary>Where in the previous cache the next event probably is: after the last one copied.</summary>
        private int _next;

        /// <summary>The run of kept events not yet handed to the output: where in which cache's bytes.</summary>
        private EventCache? _kept;
        private int _keptStart;
        private int _keptLength;

        /// <summary>Prepares a write to a buffer writer or a stream.</summary>
        internal Run(IBufferWriter<byte>? output, Stream? stream, FeedState previous, Instant now, FeedOptions options)
        {
            _output = output;
            _stream = stream;
            _options = options;
            Out = new ContentLineWriter(Chunk + 4096);
            State = new FeedStateBuilder(previous, now);
            Render = new Renderer(options);
            if (options.CachesEvents)
            {
                Fingerprints = new EventFingerprint();
                if (previous?.Cache is { } cache && (ReferenceEquals(cache.Options, options) || cache.Options.WritesSameBytesAs(options)))
                {
                    _previousCache = cache;
                }
            }
        }

        /// <summary>The fingerprints of what events are made of, when the options cache events; otherwise <see langword="null"/>.</summary>
        internal EventFingerprint? Fingerprints { get; }

        /// <summary>Writes the feed, a chunk of whole lines at a time.</summary>
        internal ContentLineWriter Out { get; }

        internal FeedStateBuilder State { get; }

        /// <summary>What rendering an event needs on the calling thread.</summary>
        internal Renderer Render { get; }

        /// <summary>What reading ahead summed, kept so the reads are not optimised away.</summary>
        internal long ReadSum { get; set; }

        /// <summary>Gives the pooled buffers back and frees the UID hash, once the write is done or has failed.</summary>
        internal void ReturnBuffers()
        {
            Out.ReturnBuffer();
            Render.Dispose();
            Fingerprints?.Dispose();
        }

        /// <summary>Starts collecting the events' bytes for the next state, when the options cache events.</summary>
        internal void StartCache(int events, PlannedTouch[]? touches)
        {
            if (Fingerprints is not null)
            {
                _cache = new EventCache.Builder(_options, _previousCache, events, touches);
            }
        }

        /// <summary>The result, with the cache of this write's events when the options keep one.</summary>
        internal FeedResult Finish() => State.Finish(_cache?.Finish(), _reused);

        /// <summary>Where in the previous cache the next event probably is.</summary>
        internal int Next => _next;

        /// <summary>
        /// Whether the previous write, with equal options and the event cache, wrote its event at position
        /// <paramref name="at"/> from this very touch.
        /// </summary>
        internal bool WroteAt(int at, PlannedTouch touch) => _previousCache is { } previous && previous.IsFrom(at, touch);

        /// <summary>Whether the previous write, with equal options and the event cache, was of this very plan's touches.</summary>
        internal bool WroteFrom(PlannedTouch[] touches) => _previousCache is { } previous && previous.IsFrom(touches);

        /// <summary>Copies the previous write's event that was written from this very touch at the next position, if it was.</summary>
        internal bool TryWriteSame(PlannedTouch touch)
        {
            var previous = _previousCache;
            if (previous is null || !previous.IsFrom(_next, touch))
            {
                return false;
            }

            WriteKept(previous, _next);
            return true;
        }

        /// <summary>Copies the previous write's event of the same fingerprint, if it has one, and records it as kept.</summary>
        internal bool TryWriteKept(UInt128 fingerprint)
        {
            var previous = _previousCache;

            // Most often the event at the next position, in the order of the previous write: compared in place, the
            // index (a random read in a large table) is asked only when that is another event.
            int at = previous is null ? -1 : _next < previous.Count && previous.Fingerprint(_next) == fingerprint ? _next : previous.Find(fingerprint);
            if (at < 0)
            {
                return false;
            }

            WriteKept(previous!, at);
            return true;
        }

        private void WriteKept(EventCache previous, int at)
        {
            _next = at + 1;
            State.AddKept(at);
            _cache!.AddKept(at);
            _reused++;

            // Events kept one after another are one run of the cache's bytes, handed to the output in one piece when
            // the run ends: while a run is open, nothing is pending in Out before it.
            var (start, length) = previous.Range(at);
            if (_keptLength > 0 && start == _keptStart + _keptLength && ReferenceEquals(previous, _kept) && Out.Pending.Length == 0)
            {
                _keptLength += length;
                return;
            }

            Flush();
            _kept = previous;
            _keptStart = start;
            _keptLength = length;
        }

        /// <summary>Writes the component around the body <see cref="Render"/> holds, and records it in the state.</summary>
        internal void WriteComponent(string component, UidKey uid, UInt128 fingerprint)
        {
            var entry = State.Add(uid, Render.Body.Pending);
            var written = Render.WriteComponent(Out, component == "VTODO", uid, entry);
            _cache?.Add(fingerprint, written);
            _next++;
            if (Out.Pending.Length >= Chunk)
            {
                Flush();
            }
        }

        /// <summary>Hands whole lines rendered elsewhere (a batch of events) to the output, after those written so far.</summary>
        internal void WriteLines(ArraySegment<byte> lines)
        {
            Flush();
            if (_stream is not null)
            {
                _stream.Write(lines.Array!, lines.Offset, lines.Count);
            }
            else
            {
                _output!.Write(lines.AsSpan());
            }
        }

        /// <summary>Hands the whole lines written so far to the output, so memory does not grow with the feed.</summary>
        internal void Flush()
        {
            if (_keptLength > 0)
            {
                var run = _kept!.Bytes.Slice(_keptStart, _keptLength);
                if (_stream is not null)
                {
                    _stream.Write(run);
                }
                else
                {
                    _output!.Write(run);
                }

                _keptLength = 0;
            }

            var pending = Out.PendingSegment;
            if (_stream is not null)
            {
                _stream.Write(pending.Array!, 0, pending.Count);
            }
            else
            {
                _output!.Write(pending.AsSpan());
            }

            Out.DiscardPending();
        }
    }

    /// <summary>
    /// What rendering an event needs on one thread: the text buffers its words are put in, the writer of its body, the
    /// UID hash and the last DTSTAMP formatted. Not thread-safe: one per thread of a write, disposed when it is done.
    /// </summary>
    private sealed class Renderer : IDisposable
    {
        private readonly byte[] _stamp = new byte[16];
        private Instant _stamped;
        private bool _hasStamp;

        internal Renderer(FeedOptions options)
        {
            Uids = new UidHash(options.UidKeySpan);
        }

        /// <summary>Writes an event's body (all but UID, DTSTAMP, LAST-MODIFIED and SEQUENCE), which is hashed and then copied into the component.</summary>
        internal ContentLineWriter Body { get; } = new(4096);

        internal UidHash Uids { get; }

        internal TextBuffer Summary { get; } = TextBuffer.Pooled(128);

        /// <summary>Room to make each touch's reasons where its description is written.</summary>
        internal ReasonScratch Reasons { get; } = new();

        internal TextBuffer Description { get; } = TextBuffer.Pooled(1024);

        internal ContentLineWriter StartBody()
        {
            Body.DiscardPending();
            return Body;
        }

        /// <summary>
        /// Writes the component around the body <see cref="Body"/> holds to <paramref name="output"/>, with the
        /// entry's DTSTAMP, LAST-MODIFIED and SEQUENCE; returns the component's octets (valid until the output grows).
        /// </summary>
        internal ReadOnlySpan<byte> WriteComponent(ContentLineWriter output, bool task, UidKey uid, in FeedSlot entry)
        {
            var body = Body.Pending;
            var stamp = Stamp(entry.LastModified);

            // BEGIN, UID, DTSTAMP, LAST-MODIFIED and SEQUENCE: short lines of ASCII, none of them folded.
            var lines = output.LinesRoom(160 + body.Length);
            int n = 0;
            n += Put(lines, task ? "BEGIN:VTODO\r\nUID:"u8 : "BEGIN:VEVENT\r\nUID:"u8, n);
            uid.Write(lines[n..]);
            n += UidKey.UidLength;
            n += Put(lines, "\r\nDTSTAMP:"u8, n);
            n += Put(lines, stamp, n);
            n += Put(lines, "\r\nLAST-MODIFIED:"u8, n);
            n += Put(lines, stamp, n);
            n += Put(lines, "\r\nSEQUENCE:"u8, n);
            entry.Sequence.TryFormat(lines[n..], out int digits, default, CultureInfo.InvariantCulture);
            n += digits;
            n += Put(lines, "\r\n"u8, n);
            n += Put(lines, body, n);
            n += Put(lines, task ? "END:VTODO\r\n"u8 : "END:VEVENT\r\n"u8, n);
            output.AdvanceLines(n);
            return lines[..n];

            static int Put(Span<byte> to, ReadOnlySpan<byte> bytes, int at)
            {
                bytes.CopyTo(to[at..]);
                return bytes.Length;
            }
        }

        /// <summary>Gives the pooled buffers back and frees the UID hash.</summary>
        public void Dispose()
        {
            Body.ReturnBuffer();
            Uids.Dispose();
            Summary.ReturnBuffer();
            Description.ReturnBuffer();
        }

        /// <summary>An instant as DTSTAMP writes it; most events of a feed share one or a few.</summary>
        private ReadOnlySpan<byte> Stamp(Instant instant)
        {
            if (!_hasStamp || instant != _stamped)
            {
                ContentLineWriter.FormatDateTimeUtc(instant, _stamp);
                _stamped = instant;
                _hasStamp = true;
            }

            return _stamp;
        }
    }
}
