namespace Cadence.Explanations;

/// <summary>
/// A call or meeting placed on the contact's weekend after a week of waiting, because none of the owner's working
/// days was a weekday for the contact.
/// </summary>
/// <param name="Place">Where the contact is.</param>
public sealed record OnContactWeekendReason(string Place) : Reason;
