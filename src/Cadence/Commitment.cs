using System;
using System.Diagnostics.Contracts;
using Cadence.Internal;
using NodaTime;

namespace Cadence;

/// <summary>
/// An explicit, dated next step with a relationship: "chase feedback on the proposal", "they said they'd
/// call next week: call them if not". While open it pins the date of the next touch and wins over the
/// cadence. It can be moved forwards or backwards, done or dropped. Immutable.
/// </summary>
public sealed record Commitment
{
    /// <summary>Creates an open commitment.</summary>
    /// <param name="id">A stable id, unique in a diary.</param>
    /// <param name="relationshipId">The relationship it is with.</param>
    /// <param name="date">The day it is due.</param>
    /// <param name="purpose">What the step is, in a few words.</param>
    /// <param name="channel">The channel to use, when decided.</param>
    /// <param name="time">The time of day in the owner's time zone, when agreed ("call on Tuesday at 10:00").</param>
    /// <exception cref="ArgumentException">An id or the purpose is blank or malformed.</exception>
    public Commitment(string id, string relationshipId, LocalDate date, string purpose, Channel? channel = null, LocalTime? time = null)
        : this(
            Guard.Id(id, nameof(id)),
            Guard.Id(relationshipId, nameof(relationshipId)),
            date,
            Guard.Name(purpose, nameof(purpose)),
            channel is { } c ? Guard.Defined(c, nameof(channel)) : null,
            CommitmentStatus.Open,
            time)
    {
    }

    private Commitment(string id, string relationshipId, LocalDate date, string purpose, Channel? channel, CommitmentStatus status, LocalTime? time)
    {
        Id = id;
        RelationshipId = relationshipId;
        Date = date;
        Purpose = purpose;
        Channel = channel;
        Status = status;
        Time = time;
    }

    /// <summary>The stable id, unique in a diary.</summary>
    public string Id { get; }

    /// <summary>The relationship it is with.</summary>
    public string RelationshipId { get; }

    /// <summary>The day it is due.</summary>
    public LocalDate Date { get; }

    /// <summary>The time of day it is due, in the owner's time zone, or <see langword="null"/> for any time that day.</summary>
    public LocalTime? Time { get; }

    /// <summary>What the step is.</summary>
    public string Purpose { get; }

    /// <summary>The channel to use, or <see langword="null"/> to let the scheduler suggest one.</summary>
    public Channel? Channel { get; }

    /// <summary>Open, done or dropped.</summary>
    public CommitmentStatus Status { get; }

    /// <summary>Whether it is still open, and so pins the next touch.</summary>
    public bool IsOpen => Status == CommitmentStatus.Open;

    /// <summary>Returns a copy moved to another day, earlier or later.</summary>
    /// <param name="date">The new day.</param>
    /// <returns>The moved copy.</returns>
    [Pure]
    public Commitment MoveTo(LocalDate date) => new(Id, RelationshipId, date, Purpose, Channel, Status, Time);

    /// <summary>Returns a copy moved to another day and time (or to any time that day with <see langword="null"/>).</summary>
    /// <param name="date">The new day.</param>
    /// <param name="time">The new time, or <see langword="null"/>.</param>
    /// <returns>The moved copy.</returns>
    [Pure]
    public Commitment MoveTo(LocalDate date, LocalTime? time) => new(Id, RelationshipId, date, Purpose, Channel, Status, time);

    /// <summary>Returns a done copy.</summary>
    /// <returns>The done copy.</returns>
    [Pure]
    public Commitment MarkDone() => new(Id, RelationshipId, Date, Purpose, Channel, CommitmentStatus.Done, Time);

    /// <summary>Returns a dropped copy.</summary>
    /// <returns>The dropped copy.</returns>
    [Pure]
    public Commitment Drop() => new(Id, RelationshipId, Date, Purpose, Channel, CommitmentStatus.Dropped, Time);

    /// <summary>Returns a reopened copy.</summary>
    /// <returns>The open copy.</returns>
    [Pure]
    public Commitment Reopen() => new(Id, RelationshipId, Date, Purpose, Channel, CommitmentStatus.Open, Time);
}
