namespace Cadence.Import;

/// <summary>One line of an import's report: what was read, what was done with it, and why.</summary>
/// <param name="Action">What was done.</param>
/// <param name="Source">What was read, as a person would find it in the file: "line 12", "event \"Quarterly review\" on 2026-03-02".</param>
/// <param name="RelationshipId">The relationship it was added to or matched with, if any.</param>
/// <param name="Detail">What was added or changed, or why it was skipped, in a short English sentence.</param>
public sealed record ImportLine(ImportAction Action, string Source, string? RelationshipId, string Detail)
{
    /// <inheritdoc/>
    public override string ToString() => RelationshipId is null ? $"{Action}: {Source}: {Detail}" : $"{Action}: {Source} ({RelationshipId}): {Detail}";
}
