using NodaTime;

namespace Cadence;

/// <summary>Whether a relationship is scheduled: active, paused until a date, or archived. Immutable.</summary>
public sealed record RelationshipState
{
    private RelationshipState(RelationshipStatus status, LocalDate? pausedUntil)
    {
        Status = status;
        PausedUntil = pausedUntil;
    }

    /// <summary>Scheduled as usual.</summary>
    public static RelationshipState Active { get; } = new(RelationshipStatus.Active, null);

    /// <summary>Never scheduled.</summary>
    public static RelationshipState Archived { get; } = new(RelationshipStatus.Archived, null);

    /// <summary>The kind of state.</summary>
    public RelationshipStatus Status { get; }

    /// <summary>For a paused relationship, the day it resumes: nothing is due before it. Otherwise <see langword="null"/>.</summary>
    public LocalDate? PausedUntil { get; }

    /// <summary>A pause that ends on <paramref name="until"/>: the relationship is due again from that day on.</summary>
    /// <param name="until">The first day the relationship may be contacted again.</param>
    /// <returns>The paused state.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">The day is outside <see cref="SupportedDates"/>.</exception>
    public static RelationshipState Paused(LocalDate until) => new(RelationshipStatus.Paused, Internal.Guard.Date(until, nameof(until)));

    /// <inheritdoc/>
    public override string ToString() => Status switch
    {
        RelationshipStatus.Paused => $"paused until {PausedUntil:uuuu'-'MM'-'dd}",
        RelationshipStatus.Archived => "archived",
        _ => "active",
    };
}
