using System;
using System.Diagnostics.Contracts;
using Cadence.Internal;
using NodaTime;

namespace Cadence;

/// <summary>
/// An explicit, dated next step with a relationship: "chase feedback on the proposal", "they said they'd
/// call next week: call them if not". While open it pins the date of the next touch and wins over the
/// cadence. It can be moved forwards or backwards, done, dropped or reopened. Immutable.
/// </summary>
/// <remarks>
/// What closes one is the diary's rule (<see cref="Diary.CommitmentsClosedBy"/>); a closed one remembers the day it
/// was closed and, when a logged touch closed it, that touch's id, so correcting or removing the touch reopens it.
/// </remarks>
public sealed record Commitment
{
    /// <summary>Creates an open commitment.</summary>
    /// <param name="id">A stable id, unique in a diary.</param>
    /// <param name="relationshipId">The relationship it is with.</param>
    /// <param name="date">The day it is due.</param>
    /// <param name="purpose">What the step is, in a few words.</param>
    /// <param name="channel">The channel to use, when decided.</param>
    /// <param name="time">The time of day in the owner's time zone, when agreed ("call on Tuesday at 10:00").</param>
    /// <param name="madeOn">The day it was made, when known: a reply counts only after it, and the plan of an earlier day leaves it out.</param>
    /// <param name="kind">A step you take, one you take only if they have not replied (which needs <paramref name="madeOn"/>), or a meeting booked in your calendar.</param>
    /// <exception cref="ArgumentException">
    /// An id or the purpose is blank or malformed; it is made after it is due; or it waits for a reply without the day it was made.
    /// </exception>
    public Commitment(
        string id,
        string relationshipId,
        LocalDate date,
        string purpose,
        Channel? channel = null,
        LocalTime? time = null,
        LocalDate? madeOn = null,
        CommitmentKind kind = CommitmentKind.Step)
    {
        Id = Guard.Id(id, nameof(id));
        RelationshipId = Guard.Id(relationshipId, nameof(relationshipId));
        Date = Guard.Date(date, nameof(date));
        Purpose = Guard.Name(purpose, nameof(purpose));
        Channel = channel is { } c ? Guard.Defined(c, nameof(channel)) : null;
        Time = time;
        Kind = Guard.Defined(kind, nameof(kind));
        if (madeOn is { } made && Guard.Date(made, nameof(madeOn)) > date)
        {
            throw new ArgumentException(
                $"The commitment \"{id}\" is made on {made:uuuu'-'MM'-'dd}, after the day it is due ({date:uuuu'-'MM'-'dd}); a next step is made on or before its day.",
                nameof(madeOn));
        }

        if (kind == CommitmentKind.UnlessReply && madeOn is null)
        {
            throw new ArgumentException(
                $"The commitment \"{id}\" waits for a reply, so it needs the day it was made (madeOn): only a reply after that day closes it.",
                nameof(madeOn));
        }

        MadeOn = madeOn;
    }

    /// <summary>The stable id, unique in a diary.</summary>
    public string Id { get; }

    /// <summary>The relationship it is with.</summary>
    public string RelationshipId { get; private init; }

    /// <summary>The day it is due.</summary>
    public LocalDate Date { get; private init; }

    /// <summary>The time of day it is due, in the owner's time zone, or <see langword="null"/> for any time that day.</summary>
    public LocalTime? Time { get; private init; }

    /// <summary>What the step is.</summary>
    public string Purpose { get; }

    /// <summary>The channel to use, or <see langword="null"/> to let the scheduler suggest one.</summary>
    public Channel? Channel { get; }

    /// <summary>A step you take, one you take only if they have not replied, or a meeting booked in your calendar.</summary>
    public CommitmentKind Kind { get; }

    /// <summary>The day it was made, or <see langword="null"/> when unknown.</summary>
    public LocalDate? MadeOn { get; }

    /// <summary>Open, done or dropped.</summary>
    public CommitmentStatus Status { get; private init; }

    /// <summary>The day it was done or dropped, when known; <see langword="null"/> while open.</summary>
    public LocalDate? ClosedOn { get; private init; }

    /// <summary>The id of the logged touch that closed it, or <see langword="null"/> (open, or closed by hand).</summary>
    public string? ClosedBy { get; private init; }

    /// <summary>Whether it is still open, and so pins the next touch.</summary>
    public bool IsOpen => Status == CommitmentStatus.Open;

    /// <summary>Whether it is a meeting booked in the owner's calendar (<see cref="CommitmentKind.Booked"/>).</summary>
    public bool IsBooked => Kind == CommitmentKind.Booked;

    /// <summary>Whether it is closed by a reply from them, whatever the day (<see cref="CommitmentKind.UnlessReply"/>).</summary>
    public bool WaitsForReply => Kind == CommitmentKind.UnlessReply;

    /// <summary>Returns a copy moved to another day, earlier or later, keeping its time.</summary>
    /// <param name="date">The new day.</param>
    /// <returns>The moved copy.</returns>
    /// <exception cref="ArgumentException">The new day is before the day it was made.</exception>
    [Pure]
    public Commitment MoveTo(LocalDate date) => MoveTo(date, Time);

    /// <summary>Returns a copy moved to another day and time (or to any time that day with <see langword="null"/>).</summary>
    /// <param name="date">The new day.</param>
    /// <param name="time">The new time, or <see langword="null"/>.</param>
    /// <returns>The moved copy.</returns>
    /// <exception cref="ArgumentException">The new day is before the day it was made.</exception>
    [Pure]
    public Commitment MoveTo(LocalDate date, LocalTime? time)
    {
        Guard.Date(date, nameof(date));
        if (MadeOn is { } made && date < made)
        {
            throw new ArgumentException(
                $"The commitment \"{Id}\" cannot move to {date:uuuu'-'MM'-'dd}, before the day it was made ({made:uuuu'-'MM'-'dd}).",
                nameof(date));
        }

        return this with { Date = date, Time = time };
    }

    /// <summary>Returns a done copy, the day unknown.</summary>
    /// <returns>The done copy.</returns>
    [Pure]
    public Commitment MarkDone() => this with { Status = CommitmentStatus.Done, ClosedOn = null, ClosedBy = null };

    /// <summary>Returns a copy done on a day, by a logged touch or by hand.</summary>
    /// <param name="on">The day it was done.</param>
    /// <param name="byTouchId">The id of the logged touch that took the step, or <see langword="null"/> for done by hand.</param>
    /// <returns>The done copy.</returns>
    /// <exception cref="ArgumentException">The day is before the day it was made, or the touch id is blank or malformed.</exception>
    [Pure]
    public Commitment MarkDone(LocalDate on, string? byTouchId = null) =>
        Close(CommitmentStatus.Done, on, byTouchId is null ? null : Guard.Id(byTouchId, nameof(byTouchId)));

    /// <summary>Returns a dropped copy, the day unknown.</summary>
    /// <returns>The dropped copy.</returns>
    [Pure]
    public Commitment Drop() => this with { Status = CommitmentStatus.Dropped, ClosedOn = null, ClosedBy = null };

    /// <summary>Returns a copy dropped on a day.</summary>
    /// <param name="on">The day it was dropped.</param>
    /// <returns>The dropped copy.</returns>
    /// <exception cref="ArgumentException">The day is before the day it was made.</exception>
    [Pure]
    public Commitment Drop(LocalDate on) => Close(CommitmentStatus.Dropped, on, null);

    /// <summary>Returns a reopened copy: open again, with no day or touch that closed it.</summary>
    /// <returns>The open copy.</returns>
    [Pure]
    public Commitment Reopen() => this with { Status = CommitmentStatus.Open, ClosedOn = null, ClosedBy = null };

    /// <summary>A copy done by a logged touch (which must have an id).</summary>
    /// <summary>The same commitment with another relationship (a merge re-points it; the id and status are kept).</summary>
    internal Commitment WithRelationship(string relationshipId) => this with { RelationshipId = relationshipId };

    internal Commitment ClosedByTouch(Touch touch) => this with { Status = CommitmentStatus.Done, ClosedOn = touch.Date, ClosedBy = touch.Id };

    private Commitment Close(CommitmentStatus status, LocalDate on, string? byTouch)
    {
        Guard.Date(on, nameof(on));
        if (MadeOn is { } made && on < made)
        {
            throw new ArgumentException(
                $"The commitment \"{Id}\" cannot be {(status == CommitmentStatus.Done ? "done" : "dropped")} on {on:uuuu'-'MM'-'dd}, before the day it was made ({made:uuuu'-'MM'-'dd}).",
                nameof(on));
        }

        return this with { Status = status, ClosedOn = on, ClosedBy = byTouch };
    }
}
