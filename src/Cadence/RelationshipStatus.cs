namespace Cadence;

/// <summary>The kinds of <see cref="RelationshipState"/>.</summary>
public enum RelationshipStatus
{
    /// <summary>Scheduled as usual.</summary>
    Active = 0,

    /// <summary>Not scheduled before a date (out of office, on leave).</summary>
    Paused = 1,

    /// <summary>Never scheduled.</summary>
    Archived = 2,
}
