using NodaTime;

namespace Cadence.Testing;

/// <summary>The fixed day the tests take as today, so that no test reads a clock.</summary>
public static class FixedDays
{
    /// <summary>Friday 13 March 2026.</summary>
    public static readonly LocalDate Today = new(2026, 3, 13);

    /// <summary><see cref="Today"/> as the sample console takes it (<c>--date 2026-03-13</c>).</summary>
    public const string TodayIso = "2026-03-13";
}
