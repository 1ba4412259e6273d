namespace Cadence;

/// <summary>What kind of next step a <see cref="Commitment"/> is, which decides what closes it (docs/design.md, "Domain rules").</summary>
public enum CommitmentKind
{
    /// <summary>
    /// A step you take ("chase feedback on the proposal on Friday"): a touch logged on or after its day closes it,
    /// an attempt of yours (answered or not) or any conversation with them.
    /// </summary>
    Step = 0,

    /// <summary>
    /// A step you take only if they have not replied ("they said they'd call next week: call them if not"; "no reply to
    /// the proposal by Friday? chase"): it closes as a <see cref="Step"/> does, and also as soon as they reply after it
    /// was made (an inbound touch, or a call or meeting of yours that connected), whatever the day.
    /// </summary>
    UnlessReply = 1,

    /// <summary>
    /// A meeting already booked in the owner's calendar (<c>CalendarImporter</c> makes one per future meeting with a
    /// relationship, with its time): it closes as a <see cref="Step"/> does (the imported meeting, once past, is the
    /// touch that closes it), it pins the next touch as a step does but is never carried to the end of the minimum gap
    /// (the meeting is at its time), and the feed leaves it out unless asked (it is in the calendar already).
    /// </summary>
    Booked = 2,
}
