using System;

namespace Cadence.Import.Tests;

/// <summary>Reordering for the order-independence properties.</summary>
internal static class Shuffling
{
    /// <summary>The items in an order drawn from <paramref name="seed"/> (one generator for all, so the order really changes).</summary>
    internal static T[] Shuffle<T>(T[] items, int seed)
    {
        var shuffled = (T[])items.Clone();
        new Random(seed).Shuffle(shuffled);
        return shuffled;
    }
}
