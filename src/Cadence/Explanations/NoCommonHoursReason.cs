namespace Cadence.Explanations;

/// <summary>The working hours of the owner and the contact do not overlap that day.</summary>
/// <param name="Place">Where the contact is.</param>
public sealed record NoCommonHoursReason(string Place) : Reason;
