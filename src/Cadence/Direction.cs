namespace Cadence;

/// <summary>Who started a touch.</summary>
public enum Direction
{
    /// <summary>You reached out to the contact.</summary>
    Outbound = 0,

    /// <summary>The contact reached out to you. Inbound touches renew a relationship too.</summary>
    Inbound = 1,
}
