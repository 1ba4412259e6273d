using System;
using System.Diagnostics.Contracts;
using Cadence.Internal;
using NodaTime;

namespace Cadence;

/// <summary>
/// Two-sided pacing: not before <see cref="MinGap"/> after an attempt, aim for <see cref="Target"/>, never longer
/// than <see cref="MaxGap"/>. Periods are made of years, months, weeks and days, and
/// <c>MinGap ≤ Target ≤ MaxGap</c> must hold from every start date. Immutable.
/// </summary>
/// <example>
/// <code>
/// // "aim for every 4 weeks, never longer than 6, and not more often than every 2"
/// var rule = new CadenceRule(Period.FromWeeks(2), Period.FromWeeks(4), Period.FromWeeks(6));
/// </code>
/// </example>
public sealed record CadenceRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="minGap">The least time between two attempts: the "not too frequent" side.</param>
    /// <param name="target">The time a full touch renews the relationship for.</param>
    /// <param name="maxGap">The most time a full touch may keep it waiting: the "not too rare" side.</param>
    /// <exception cref="ArgumentException">
    /// A period is null, negative, has a time part, or the periods are out of order; the message names it.
    /// </exception>
    public CadenceRule(Period minGap, Period target, Period maxGap)
    {
        MinGap = PeriodMath.Validate(minGap, nameof(minGap));
        Target = PeriodMath.Validate(target, nameof(target));
        MaxGap = PeriodMath.Validate(maxGap, nameof(maxGap));
        if (Target.Equals(Period.Zero))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, $"The target {target} must be longer than zero days.");
        }

        if (!PeriodMath.AlwaysAtMost(MinGap, Target))
        {
            throw new ArgumentException(
                $"The minimum gap {PeriodMath.Describe(MinGap)} ({MinGap}) is longer than the target {PeriodMath.Describe(Target)} ({Target}); it must be at most the target.",
                nameof(minGap));
        }

        if (!PeriodMath.AlwaysAtMost(Target, MaxGap))
        {
            throw new ArgumentException(
                $"The target {PeriodMath.Describe(Target)} ({Target}) is longer than the maximum gap {PeriodMath.Describe(MaxGap)} ({MaxGap}); it must be at most the maximum gap.",
                nameof(maxGap));
        }

        MinGapDays = PeriodMath.FixedDays(MinGap);
        TargetDays = PeriodMath.FixedDays(Target);
        MaxGapDays = PeriodMath.FixedDays(MaxGap);
    }

    /// <summary>The minimum gap in days, or -1 when it has months or years (its length depends on the start date).</summary>
    internal int MinGapDays { get; }

    /// <summary>The target in days, or -1 when it has months or years.</summary>
    internal int TargetDays { get; }

    /// <summary>The maximum gap in days, or -1 when it has months or years.</summary>
    internal int MaxGapDays { get; }

    /// <summary>The least time between two attempts (answered or not).</summary>
    public Period MinGap { get; }

    /// <summary>How long a full touch renews the relationship for.</summary>
    public Period Target { get; }

    /// <summary>The most a full touch may keep the relationship waiting.</summary>
    public Period MaxGap { get; }

    /// <summary>A rule given in days.</summary>
    /// <param name="minGap">The least days between attempts.</param>
    /// <param name="target">The target in days.</param>
    /// <param name="maxGap">The most days.</param>
    /// <returns>The rule.</returns>
    public static CadenceRule FromDays(int minGap, int target, int maxGap) =>
        new(Period.FromDays(minGap), Period.FromDays(target), Period.FromDays(maxGap));

    /// <summary>A rule given in weeks.</summary>
    /// <param name="minGap">The least weeks between attempts.</param>
    /// <param name="target">The target in weeks.</param>
    /// <param name="maxGap">The most weeks.</param>
    /// <returns>The rule.</returns>
    public static CadenceRule FromWeeks(int minGap, int target, int maxGap) =>
        new(Period.FromWeeks(minGap), Period.FromWeeks(target), Period.FromWeeks(maxGap));

    /// <summary>Returns a copy with another target (checked against the gaps).</summary>
    /// <param name="target">The new target.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public CadenceRule WithTarget(Period target) => new(MinGap, target, MaxGap);

    /// <summary>Returns a copy with another minimum gap (checked).</summary>
    /// <param name="minGap">The new minimum gap.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public CadenceRule WithMinGap(Period minGap) => new(minGap, Target, MaxGap);

    /// <summary>Returns a copy with another maximum gap (checked).</summary>
    /// <param name="maxGap">The new maximum gap.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public CadenceRule WithMaxGap(Period maxGap) => new(MinGap, Target, maxGap);

    /// <inheritdoc/>
    public override string ToString() =>
        $"at least {PeriodMath.Describe(MinGap)}, target {PeriodMath.Describe(Target)}, at most {PeriodMath.Describe(MaxGap)}";
}
