using Cadence.Internal;

namespace Cadence;

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

    /// <summary>
    /// The channel's own word, as <see cref="ChannelWord.Parse"/> reads it and as the library writes it in a
    /// follow-up ladder's steps: "meeting", "call", "note" or "social".
    /// </summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The word, in lower case.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">An undefined channel.</exception>
    public static string ToWord(this Channel channel) => Guard.Defined(channel, nameof(channel)) switch
    {
        Channel.Meeting => "meeting",
        Channel.Call => "call",
        Channel.Note => "note",
        _ => "social",
    };
}
