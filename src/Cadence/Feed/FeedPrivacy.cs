namespace Cadence.Feed;

/// <summary>How much of a contact a feed shows.</summary>
public enum FeedPrivacy
{
    /// <summary>Full names in titles, and the reasons, the last touch and the window in descriptions.</summary>
    FullNames = 0,

    /// <summary>Initials only ("Call Z. M."); descriptions keep the reasons but not the last touch's summary.</summary>
    Initials = 1,

    /// <summary>Nothing but the channel ("Call"); no description.</summary>
    ChannelOnly = 2,
}
