namespace Cadence.Import;

/// <summary>What an import did with one thing it read (an event, a contact), as a line of its <see cref="ImportReport"/>.</summary>
public enum ImportAction
{
    /// <summary>Added to the diary: a new touch, relationship or day off.</summary>
    Added,

    /// <summary>Matched to a relationship already in the diary, and changed it (an e-mail address or phone number added).</summary>
    Updated,

    /// <summary>Matched to a relationship already in the diary, which already had all of it: nothing changed.</summary>
    Matched,

    /// <summary>Imported before (the same stable key is in the diary): nothing added twice.</summary>
    AlreadyImported,

    /// <summary>Not imported, for the reason the line gives.</summary>
    Skipped,

    /// <summary>
    /// Not imported: it may be one of several relationships already in the diary (a contact with the name of more than
    /// one and none of their addresses); the line names them. Merge them, or give the right one an address, and import again.
    /// </summary>
    PossibleDuplicate,

    /// <summary>
    /// A meeting booked from the calendar (<see cref="CommitmentKind.Booked"/>) that is no longer there: cancelled,
    /// declined or removed from the file. Its booking is dropped.
    /// </summary>
    Dropped,
}
