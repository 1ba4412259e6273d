using System;
using System.Diagnostics.Contracts;
using Cadence.Internal;
using NodaTime;

namespace Cadence;

/// <summary>
/// One contact with a relationship that happened: a meeting, a call, a note or a social touch, in either
/// direction, answered or not. Immutable.
/// </summary>
/// <example>
/// <code>
/// var coffee = new Touch("zoe", new LocalDate(2026, 3, 2), Channel.Meeting, medium: "coffee");
/// var voicemail = new Touch("zoe", new LocalDate(2026, 3, 9), Channel.Call, outcome: Outcome.NoReply);
/// </code>
/// </example>
public sealed record Touch
{
    /// <summary>Creates a touch.</summary>
    /// <param name="relationshipId">The id of the relationship touched.</param>
    /// <param name="date">The day it happened, in the owner's calendar.</param>
    /// <param name="channel">The channel used.</param>
    /// <param name="direction">Who started it; outbound by default.</param>
    /// <param name="outcome">Whether you connected; connected by default.</param>
    /// <param name="medium">Free-form medium such as "coffee" or "email"; optional.</param>
    /// <param name="summary">A short summary; optional.</param>
    /// <param name="time">The time of day, when known.</param>
    /// <exception cref="ArgumentException">The id is blank, an enum value is undefined, or a text is too long.</exception>
    public Touch(
        string relationshipId,
        LocalDate date,
        Channel channel,
        Direction direction = Direction.Outbound,
        Outcome outcome = Outcome.Connected,
        string? medium = null,
        string? summary = null,
        LocalTime? time = null)
    {
        RelationshipId = Guard.Id(relationshipId, nameof(relationshipId));
        Date = Guard.Date(date, nameof(date));
        Channel = Guard.Defined(channel, nameof(channel));
        Direction = Guard.Defined(direction, nameof(direction));
        Outcome = Guard.Defined(outcome, nameof(outcome));
        Medium = string.IsNullOrWhiteSpace(medium) ? null : Guard.Name(medium.Trim(), nameof(medium));
        Summary = string.IsNullOrWhiteSpace(summary) ? null : Guard.Text(summary, nameof(summary));
        Time = time;
    }

    /// <summary>
    /// The touch's stable id, unique in a diary, by which it is corrected or removed; <see langword="null"/> until it
    /// has one (<see cref="Diary.Log(Touch)"/> gives one to a touch logged without).
    /// </summary>
    public string? Id { get; private init; }

    /// <summary>
    /// The follow-ups decided when this outbound touch was made ("no reply in 3 working days: write again; 5 more:
    /// call"): <see langword="null"/> for the tier's ladder (<see cref="CadenceRules.LadderFor"/>), or
    /// <see cref="FollowUpLadder.None"/> for none.
    /// </summary>
    public FollowUpLadder? FollowUp { get; private init; }

    /// <summary>The id of the relationship this touch belongs to.</summary>
    public string RelationshipId { get; private init; }

    /// <summary>The day the touch happened.</summary>
    public LocalDate Date { get; private init; }

    /// <summary>The time of day, when known.</summary>
    public LocalTime? Time { get; }

    /// <summary>The channel used.</summary>
    public Channel Channel { get; }

    /// <summary>Who started the touch.</summary>
    public Direction Direction { get; }

    /// <summary>Whether you connected.</summary>
    public Outcome Outcome { get; private init; }

    /// <summary>The free-form medium ("coffee", "email", "LinkedIn"), or <see langword="null"/>.</summary>
    public string? Medium { get; }

    /// <summary>A short summary, or <see langword="null"/>.</summary>
    public string? Summary { get; private init; }

    /// <summary>Whether you started this touch (an attempt, answered or not).</summary>
    public bool IsOutbound => Direction == Direction.Outbound;

    /// <summary>Returns a copy on another date.</summary>
    /// <param name="date">The new date.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public Touch WithDate(LocalDate date) => this with { Date = Guard.Date(date, nameof(date)) };

    /// <summary>Returns a copy with another outcome.</summary>
    /// <param name="outcome">The new outcome.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public Touch WithOutcome(Outcome outcome) => this with { Outcome = Guard.Defined(outcome, nameof(outcome)) };

    /// <summary>Returns a copy with another summary.</summary>
    /// <param name="summary">The new summary, or <see langword="null"/>.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public Touch WithSummary(string? summary) => this with { Summary = string.IsNullOrWhiteSpace(summary) ? null : Guard.Text(summary, nameof(summary)) };

    /// <summary>Returns a copy with an id (or without one).</summary>
    /// <param name="id">The id, unique in the diary, or <see langword="null"/>.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">The id is blank or malformed.</exception>
    [Pure]
    public Touch WithId(string? id) => this with { Id = id is null ? null : Guard.Id(id, nameof(id)) };

    /// <summary>
    /// Returns a copy carrying the follow-ups decided when it was made: a ladder, <see cref="FollowUpLadder.None"/>
    /// for none, or <see langword="null"/> for the tier's ladder.
    /// </summary>
    /// <param name="ladder">The ladder.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">A ladder on a touch they started: follow-ups are for your own attempts.</exception>
    [Pure]
    public Touch WithFollowUp(FollowUpLadder? ladder)
    {
        if (ladder is { IsNone: false } && Direction == Direction.Inbound)
        {
            throw new ArgumentException(
                $"The follow-up ladder \"{ladder.Name}\" is on an inbound touch with \"{RelationshipId}\" on {Date:uuuu'-'MM'-'dd}; a ladder follows up an attempt of yours.",
                nameof(ladder));
        }

        return this with { FollowUp = ladder };
    }

    /// <summary>A copy with an id the diary gave it (not checked as a caller's id is: it is made of a checked one).</summary>
    internal Touch WithGeneratedId(string id) => this with { Id = id };

    /// <summary>The same touch with another relationship (a merge re-points it; the id is kept).</summary>
    internal Touch WithRelationship(string relationshipId) => this with { RelationshipId = relationshipId };

    /// <summary>The same touch as a value, ignoring its <see cref="Id"/>: what was logged, not the name it was given.</summary>
    /// <param name="other">The other touch.</param>
    /// <returns>Whether the two are the same touch but for their ids.</returns>
    public bool SameAs(Touch? other) => other is not null && Equals(other with { Id = Id });
}
