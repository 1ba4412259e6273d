namespace Cadence;

/// <summary>How a touch ended.</summary>
public enum Outcome
{
    /// <summary>You and the contact actually connected: a conversation, a meeting, a reply.</summary>
    Connected = 0,

    /// <summary>No reply, no answer, a voicemail left: it keeps you from pestering but renews nothing by default.</summary>
    NoReply = 1,
}
