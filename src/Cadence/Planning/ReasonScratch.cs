using System;
using System.Collections.Immutable;
using Cadence.Explanations;

namespace Cadence.Planning;

/// <summary>
/// Room to make one touch's reasons at a time and read them as a span, reused from touch to touch: a writer that
/// renders many touches' sentences once each makes no array per touch. Not thread-safe: one per write.
/// </summary>
internal sealed class ReasonScratch
{
    private readonly ImmutableArray<Reason>.Builder _builder = ImmutableArray.CreateBuilder<Reason>(16);
    private Reason[] _items = new Reason[16];

    /// <summary>The reasons of <paramref name="touch"/>: those it keeps when they are made, otherwise made here (not kept); valid until the next call.</summary>
    internal ReadOnlySpan<Reason> Fill(PlannedTouch touch)
    {
        if (touch.ReasonsMade)
        {
            return touch.ReasonSpan;
        }

        Array.Clear(_items, 0, Math.Min(_items.Length, _builder.Count));
        touch.MakeReasons(_builder);
        if (_items.Length < _builder.Count)
        {
            _items = new Reason[_builder.Count * 2];
        }

        _builder.CopyTo(_items, 0);
        return _items.AsSpan(0, _builder.Count);
    }
}
