using System.Collections.Immutable;
using Cadence.Explanations;

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

/// <summary>
/// The channel of the touch the rules chose: the one its rule sets (a ladder's step), else the one a promise names, else
/// a live channel after <see cref="SchedulerOptions.OfflineAfterOnlineTouches"/> online touches in a row ("take it
/// offline"), else the contact's first preferred channel, else the default (docs/design.md, "Channels").
/// </summary>
internal static class ChannelChoice
{
    /// <summary>The channel for a candidate, and why.</summary>
    internal static (Channel Channel, ChannelWhy Why) For(in RelationshipFacts facts, in Candidate candidate)
    {
        if (candidate.Channel is { } own)
        {
            return (own, ChannelWhy.Ladder);
        }

        if (candidate.Commitment?.Channel is { } promised)
        {
            return (promised, ChannelWhy.Promised);
        }

        var options = facts.Context.Options;
        var preferred = facts.Relationship.PreferredChannels;
        if (facts.OnlineStreak >= options.OfflineAfterOnlineTouches)
        {
            for (int i = 0; i < preferred.Count; i++)
            {
                if (preferred[i].IsLive())
                {
                    return (preferred[i], ChannelWhy.Offline);
                }
            }

            return (options.DefaultChannel.IsLive() ? options.DefaultChannel : Channel.Call, ChannelWhy.Offline);
        }

        return preferred.Count > 0 ? (preferred[0], ChannelWhy.Preferred) : (options.DefaultChannel, ChannelWhy.Default);
    }

    /// <summary>Its reason, when the channel was chosen for the relationship (not set by a rule or a promise).</summary>
    internal static void Explain(PlannedTouch touch, in Decision decision, ImmutableArray<Reason>.Builder reasons)
    {
        switch (decision.ChannelWhy)
        {
            case ChannelWhy.Offline:
                reasons.Add(new TakeItOfflineReason(decision.OnlineStreak, touch.Channel));
                break;
            case ChannelWhy.Preferred:
                reasons.Add(new PreferredChannelReason(touch.Channel));
                break;
        }
    }
}
