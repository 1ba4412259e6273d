using System.Diagnostics.Contracts;

namespace Cadence.Levelling;

/// <summary>Options of the <see cref="Leveller"/>. Immutable: start from <see cref="Default"/> and change it with the <c>With…</c> methods.</summary>
public sealed record LevellingOptions
{
    private LevellingOptions()
    {
    }

    /// <summary>The default: overdue touches keep their deadlines and are spread over the coming working days.</summary>
    public static LevellingOptions Default { get; } = new();

    /// <summary>
    /// When set, an overdue touch is rebased on today: its window starts again from today with the slack it had
    /// (its latest day moves by as many days as it is overdue), instead of counting as late from its old deadline.
    /// </summary>
    public bool RebaseOverdue { get; private init; }

    /// <summary>Returns a copy that rebases overdue touches on today, or not (see <see cref="RebaseOverdue"/>).</summary>
    /// <param name="rebase">Whether to rebase.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public LevellingOptions WithRebaseOverdue(bool rebase) => this with { RebaseOverdue = rebase };
}
