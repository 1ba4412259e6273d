using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cadence.Internal;

namespace Cadence;

/// <summary>
/// The follow-ups decided the moment you make an attempt: "no reply in 3 working days: write again; 5 more: call;
/// then back to the cadence". Each step waits its days after the previous attempt of the exchange; the ladder stops at
/// their first reply, and one that ends unanswered hands the relationship back to its cadence. It is your explicit
/// pacing for that exchange, so its steps may come sooner than the cadence's minimum gap. Immutable, with value
/// equality.
/// </summary>
/// <example>
/// <code>
/// var prospect = new FollowUpLadder("prospect", DayCount.WorkingDays,
///     new FollowUpStep(3, Channel.Note), new FollowUpStep(5, Channel.Call));
/// var rules = CadenceRules.Default.WithLadder("prospect", prospect);
/// var email = new Touch("zoe", day, Channel.Note).WithFollowUp(prospect); // or leave it to the tier's ladder
/// </code>
/// </example>
public sealed partial class FollowUpLadder : IEquatable<FollowUpLadder>
{
    /// <summary>The most steps a ladder can have.</summary>
    public const int MaxSteps = 12;

    private readonly ImmutableArray<FollowUpStep> _steps;

    /// <summary>Creates a ladder.</summary>
    /// <param name="name">Its name ("prospect", "proposal chase").</param>
    /// <param name="count">Whether the steps count working days on the owner's calendar or calendar days.</param>
    /// <param name="steps">The steps, in order: 1 to 12.</param>
    /// <exception cref="ArgumentException">A blank name, no steps, too many, a null step or an undefined count; the message names it.</exception>
    public FollowUpLadder(string name, DayCount count, params IEnumerable<FollowUpStep> steps)
    {
        Name = Guard.Name(name, nameof(name));
        Count = Guard.Defined(count, nameof(count));
        _steps = Guard.NotNull(steps, nameof(steps)).ToImmutableArray();
        if (_steps.IsEmpty)
        {
            throw new ArgumentException($"The follow-up ladder \"{Guard.Shorten(name)}\" has no steps; give at least one, or use FollowUpLadder.None for no follow-ups.", nameof(steps));
        }

        if (_steps.Length > MaxSteps)
        {
            throw new ArgumentException($"The follow-up ladder \"{Guard.Shorten(name)}\" has {_steps.Length} steps; at most {MaxSteps} are allowed.", nameof(steps));
        }

        for (int i = 0; i < _steps.Length; i++)
        {
            if (_steps[i] is null)
            {
                throw new ArgumentException($"Step {i + 1} of the follow-up ladder \"{Guard.Shorten(name)}\" is null.", nameof(steps));
            }
        }
    }

    private FollowUpLadder()
    {
        Name = "none";
        _steps = [];
    }

    /// <summary>No follow-ups: on a touch, it overrides the tier's ladder.</summary>
    public static FollowUpLadder None { get; } = new();

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>Whether the steps count working days or calendar days.</summary>
    public DayCount Count { get; }

    /// <summary>The steps, in order (none for <see cref="None"/>).</summary>
    public IReadOnlyList<FollowUpStep> Steps => _steps;

    /// <summary>Whether this is <see cref="None"/>.</summary>
    public bool IsNone => _steps.IsEmpty;

    internal ImmutableArray<FollowUpStep> StepArray => _steps;

    /// <inheritdoc/>
    public bool Equals(FollowUpLadder? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Name == other.Name && Count == other.Count && _steps.SequenceEqual(other._steps)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FollowUpLadder);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Count, _steps.Length);

    /// <inheritdoc/>
    public override string ToString() =>
        IsNone ? "no follow-ups" : $"{Name}: {string.Join("; ", _steps)} ({(Count == DayCount.WorkingDays ? "working days" : "calendar days")})";
}
