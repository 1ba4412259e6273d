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
        Date = date;
        Channel = Guard.Defined(channel, nameof(channel));
        Direction = Guard.Defined(direction, nameof(direction));
        Outcome = Guard.Defined(outcome, nameof(outcome));
        Medium = string.IsNullOrWhiteSpace(medium) ? null : Guard.Text(medium.Trim(), nameof(medium));
        Summary = string.IsNullOrWhiteSpace(summary) ? null : Guard.Text(summary, nameof(summary));
        Time = time;
    }

    /// <summary>The id of the relationship this touch belongs to.</summary>
    public string RelationshipId { get; }

    /// <summary>The day the touch happened.</summary>
    public LocalDate Date { get; }

    /// <summary>The time of day, when known.</summary>
    public LocalTime? Time { get; }

    /// <summary>The channel used.</summary>
    public Channel Channel { get; }

    /// <summary>Who started the touch.</summary>
    public Direction Direction { get; }

    /// <summary>Whether you connected.</summary>
    public Outcome Outcome { get; }

    /// <summary>The free-form medium ("coffee", "email", "LinkedIn"), or <see langword="null"/>.</summary>
    public string? Medium { get; }

    /// <summary>A short summary, or <see langword="null"/>.</summary>
    public string? Summary { get; }

    /// <summary>Whether you started this touch (an attempt, answered or not).</summary>
    public bool IsOutbound => Direction == Direction.Outbound;

    /// <summary>Returns a copy on another date.</summary>
    /// <param name="date">The new date.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public Touch WithDate(LocalDate date) => new(RelationshipId, date, Channel, Direction, Outcome, Medium, Summary, Time);

    /// <summary>Returns a copy with another outcome.</summary>
    /// <param name="outcome">The new outcome.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public Touch WithOutcome(Outcome outcome) => new(RelationshipId, Date, Channel, Direction, outcome, Medium, Summary, Time);

    /// <summary>Returns a copy with another summary.</summary>
    /// <param name="summary">The new summary, or <see langword="null"/>.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public Touch WithSummary(string? summary) => new(RelationshipId, Date, Channel, Direction, Outcome, Medium, summary, Time);
}
