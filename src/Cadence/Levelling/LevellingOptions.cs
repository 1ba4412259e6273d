namespace Cadence.Levelling;

/// <summary>Options of the <see cref="Leveller"/>. Immutable.</summary>
public sealed record LevellingOptions
{
    /// <summary>The default: overdue touches keep their deadlines and are spread over the coming working days.</summary>
    public static LevellingOptions Default { get; } = new();

    /// <summary>
    /// When set, an overdue touch is rebased on today: its window starts again from today with the slack it had
    /// (its latest day moves by as many days as it is overdue), instead of counting as late from its old deadline.
    /// </summary>
    public bool RebaseOverdue { get; init; }
}
