using Cadence.Internal;

namespace Cadence.Explanations;

/// <summary>The suggested channel is the one the contact prefers.</summary>
/// <param name="Channel">The preferred channel.</param>
public sealed record PreferredChannelReason(Channel Channel) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => Append(text, Channel);

    internal static void Append(TextBuffer text, Channel channel) => text.Append(channel switch
    {
        Channel.Meeting => "prefers to meet",
        Channel.Call => "prefers a call",
        Channel.Note => "prefers a note",
        _ => "prefers social media",
    });
}
