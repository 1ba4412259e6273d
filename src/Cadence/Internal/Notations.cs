using System;

namespace Cadence.Internal;

/// <summary>What the notations share.</summary>
internal static class Notations
{
    /// <summary>A list written with commas: each entry trimmed, blank entries skipped.</summary>
    internal static string[] SplitList(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
