namespace Cadence.Explanations;

/// <summary>The latest touches were all online: the suggestion is a live channel.</summary>
/// <param name="OnlineTouches">How many online touches in a row came last.</param>
/// <param name="Suggested">The live channel suggested.</param>
public sealed record TakeItOfflineReason(int OnlineTouches, Channel Suggested) : Reason;
