namespace Cadence.Explanations;

/// <summary>The suggested channel is the one the contact prefers.</summary>
/// <param name="Channel">The preferred channel.</param>
public sealed record PreferredChannelReason(Channel Channel) : Reason;
