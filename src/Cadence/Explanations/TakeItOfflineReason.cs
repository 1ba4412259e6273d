using Cadence.Internal;

namespace Cadence.Explanations;

/// <summary>The latest touches were all online: the suggestion is a live channel.</summary>
/// <param name="OnlineTouches">How many online touches in a row came last.</param>
/// <param name="Suggested">The live channel suggested.</param>
public sealed record TakeItOfflineReason(int OnlineTouches, Channel Suggested) : Reason
{
    /// <inheritdoc/>
    public override string ToString() => Clause();

    internal override void AppendTo(TextBuffer text) => Append(text, OnlineTouches, Suggested);

    internal static void Append(TextBuffer text, int onlineTouches, Channel suggested)
    {
        if (onlineTouches == 1)
        {
            text.Append("the last touch was online");
        }
        else
        {
            text.Append("the last ").AppendCount(onlineTouches, "touch", "touches").Append(" were online");
        }

        text.Append(": take it offline with a ");
        Lower(text, suggested);
    }
}
