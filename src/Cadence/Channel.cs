namespace Cadence;

/// <summary>The way a touch reaches a contact.</summary>
/// <remarks>
/// <see cref="Meeting"/> and <see cref="Call"/> are live; <see cref="Note"/> and <see cref="Social"/> are written.
/// A touch may add a free-form medium ("coffee", "Skype video", "handwritten card", "email", "LinkedIn").
/// </remarks>
public enum Channel
{
    /// <summary>Face to face, or a video meeting: the strongest touch.</summary>
    Meeting = 0,

    /// <summary>A telephone or voice call.</summary>
    Call = 1,

    /// <summary>A written note: a letter, a card, an e-mail.</summary>
    Note = 2,

    /// <summary>A social-media touch: a message, a comment, a like.</summary>
    Social = 3,
}

/// <summary>Facts about <see cref="Channel"/> values.</summary>
public static class ChannelExtensions
{
    /// <summary>Whether the channel is live (a meeting or a call), the kind of touch that "seals" a relationship.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns><see langword="true"/> for <see cref="Channel.Meeting"/> and <see cref="Channel.Call"/>.</returns>
    public static bool IsLive(this Channel channel) => channel is Channel.Meeting or Channel.Call;

    /// <summary>Whether the channel is written (a note or a social touch).</summary>
    /// <param name="channel">The channel.</param>
    /// <returns><see langword="true"/> for <see cref="Channel.Note"/> and <see cref="Channel.Social"/>.</returns>
    public static bool IsWritten(this Channel channel) => channel is Channel.Note or Channel.Social;
}
