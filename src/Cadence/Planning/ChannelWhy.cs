namespace Cadence.Planning;

/// <summary>Why the scheduler suggested a channel.</summary>
internal enum ChannelWhy : byte
{
    /// <summary>The default channel.</summary>
    Default = 0,

    /// <summary>The contact's first preferred channel.</summary>
    Preferred = 1,

    /// <summary>A live channel after too many online touches.</summary>
    Offline = 2,

    /// <summary>The channel a commitment names.</summary>
    Promised = 3,

    /// <summary>The channel of a follow-up ladder's step.</summary>
    Ladder = 4,

    /// <summary>A channel the reconnect campaign prefers.</summary>
    Campaign = 5,
}
