namespace Cadence;

/// <summary>Where a <see cref="Commitment"/> stands.</summary>
public enum CommitmentStatus
{
    /// <summary>Still to do: it pins the relationship's next touch.</summary>
    Open = 0,

    /// <summary>Done: it no longer pins anything (log the touch it produced as a <see cref="Touch"/>).</summary>
    Done = 1,

    /// <summary>Dropped: it no longer pins anything.</summary>
    Dropped = 2,
}
