using System;
using System.Collections.Generic;
using System.Linq;
using Cadence.Internal;

namespace Cadence;

/// <summary>
/// A channel as people write it: one of the four channels ("meeting", "call", "note", "social"), or a word for a
/// medium that implies one ("email" or "e-mail", "card" and "letter" are notes, "phone" a call, "linkedin" social),
/// which comes back as <see cref="Medium"/>. Case and surrounding blanks do not matter. Immutable, with value equality;
/// <see cref="ToString"/> writes the word back as <see cref="Parse"/> reads it.
/// </summary>
/// <example>
/// <code>
/// var word = ChannelWord.Parse("E-mail");                         // word.Channel is Channel.Note, word.Medium "email"
/// IReadOnlyList&lt;Channel&gt; prefers = ChannelWord.ParseList("call, note");
/// string call = Channel.Call.ToWord();                          // "call"
/// </code>
/// </example>
public readonly record struct ChannelWord
{
    private const string Expected = "use meeting, call, note or social (or email, e-mail, card, letter, phone, linkedin)";

    private ChannelWord(Channel channel, string? medium)
    {
        Channel = channel;
        Medium = medium;
    }

    /// <summary>The channel.</summary>
    public Channel Channel { get; }

    /// <summary>The medium the word names ("email", "card", "letter", "phone", "LinkedIn"), or <see langword="null"/> for a channel's own word.</summary>
    public string? Medium { get; }

    /// <summary>Reads a channel word.</summary>
    /// <param name="text">"meeting", "call", "note", "social", "email", "e-mail", "card", "letter", "phone" or "linkedin", in any case.</param>
    /// <returns>The channel, with the medium the word names.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="NotationException">Not a channel word (<see cref="NotationError.UnknownChannel"/>); the message quotes it.</exception>
    public static ChannelWord Parse(string text) =>
        TryParse(Guard.NotNull(text, nameof(text)), out var word) ? word : throw Unknown(text);

    /// <summary>Reads a channel word, or says it is not one.</summary>
    /// <param name="text">The word, as <see cref="Parse"/> reads it.</param>
    /// <param name="word">The channel and medium, or the default when it is not a channel word.</param>
    /// <returns>Whether <paramref name="text"/> is a channel word.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static bool TryParse(string text, out ChannelWord word)
    {
        ChannelWord? read = Guard.NotNull(text, nameof(text)).Trim().ToLowerInvariant() switch
        {
            "meeting" => new ChannelWord(Channel.Meeting, null),
            "call" => new ChannelWord(Channel.Call, null),
            "note" => new ChannelWord(Channel.Note, null),
            "social" => new ChannelWord(Channel.Social, null),
            "email" or "e-mail" => new ChannelWord(Channel.Note, "email"),
            "card" => new ChannelWord(Channel.Note, "card"),
            "letter" => new ChannelWord(Channel.Note, "letter"),
            "phone" => new ChannelWord(Channel.Call, "phone"),
            "linkedin" => new ChannelWord(Channel.Social, "LinkedIn"),
            _ => null,
        };
        word = read.GetValueOrDefault();
        return read.HasValue;
    }

    /// <summary>
    /// Reads a list of channel words separated by commas ("call, note", "email,phone"): the channels in the order first
    /// named, each once (the media are dropped). Blank entries are skipped, so an empty text is an empty list.
    /// </summary>
    /// <param name="text">The words, separated by commas.</param>
    /// <returns>The channels.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="NotationException">A word that is not a channel word (<see cref="NotationError.UnknownChannel"/>); the message quotes it.</exception>
    public static IReadOnlyList<Channel> ParseList(string text) =>
        Notations.SplitList(Guard.NotNull(text, nameof(text))).Select(w => Parse(w).Channel).Distinct().ToArray();

    /// <summary>Writes channels as <see cref="ParseList"/> reads them: "call,note".</summary>
    /// <param name="channels">The channels.</param>
    /// <returns>Their words, separated by commas (empty for none).</returns>
    /// <exception cref="ArgumentException">A null list or an undefined channel.</exception>
    public static string FormatList(IEnumerable<Channel> channels) =>
        string.Join(',', Guard.NotNull(channels, nameof(channels)).Select(c => c.ToWord()));

    /// <summary>The word, as <see cref="Parse"/> reads it back: the medium's word ("email", "phone", "linkedin") or the channel's ("call").</summary>
    /// <returns>The word, in lower case.</returns>
    public override string ToString() => Medium?.ToLowerInvariant() ?? Channel.ToWord();

    internal static NotationException Unknown(string word) =>
        new(NotationError.UnknownChannel, word, $"Unknown channel \"{Guard.Shorten(word)}\": {Expected}.");
}
