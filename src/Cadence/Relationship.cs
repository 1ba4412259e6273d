using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using Cadence.Internal;
using NodaTime;

namespace Cadence;

/// <summary>
/// Someone you keep in touch with: a stable id, a name, a tier that gives the default cadence, tags, an
/// optional time zone, preferred channels, a state and an optional cadence override. Immutable: the
/// <c>With…</c> methods return changed copies.
/// </summary>
/// <example>
/// <code>
/// var zoe = new Relationship("zoe", "Zoë Müller", "client")
///     .WithPreferredChannels(Channel.Call, Channel.Meeting)
///     .WithRule(new CadenceRule(Period.FromWeeks(2), Period.FromWeeks(4), Period.FromWeeks(6)));
/// </code>
/// </example>
public sealed record Relationship
{
    /// <summary>Creates an active relationship.</summary>
    /// <param name="id">A stable id, unique in a diary (compared ordinally).</param>
    /// <param name="name">The person's name as it should be shown.</param>
    /// <param name="tier">The tier ("client", "prospect", "referral source", …) whose rule applies.</param>
    /// <exception cref="ArgumentException">The id, name or tier is blank or malformed.</exception>
    public Relationship(string id, string name, string tier)
        : this(
            Guard.Id(id, nameof(id)),
            Guard.Name(name, nameof(name)),
            Guard.Id(tier, nameof(tier)),
            ImmutableArray<string>.Empty,
            null,
            ImmutableArray<Channel>.Empty,
            RelationshipState.Active,
            null)
    {
    }

    private static readonly ImmutableArray<IsoDayOfWeek> SaturdayAndSunday = [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    private Relationship(
        string id,
        string name,
        string tier,
        ImmutableArray<string> tags,
        DateTimeZone? timeZone,
        ImmutableArray<Channel> preferredChannels,
        RelationshipState state,
        CadenceRule? rule)
    {
        Id = id;
        Name = name;
        Tier = tier;
        Tags = tags;
        TimeZone = timeZone;
        PreferredChannels = preferredChannels;
        State = state;
        Rule = rule;
    }

    /// <summary>The stable id, unique in a diary.</summary>
    public string Id { get; }

    /// <summary>The name to show.</summary>
    public string Name { get; }

    /// <summary>The tier whose cadence rule applies unless <see cref="Rule"/> overrides it.</summary>
    public string Tier { get; }

    /// <summary>Free-form tags ("met at ExpoLondon", "Atlanta").</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The contact's time zone, when known.</summary>
    public DateTimeZone? TimeZone { get; }

    /// <summary>Channels the contact prefers, most preferred first.</summary>
    public IReadOnlyList<Channel> PreferredChannels { get; }

    /// <summary>Active, paused until a date, or archived.</summary>
    public RelationshipState State { get; }

    /// <summary>A cadence for this relationship only, overriding its tier's; or <see langword="null"/>.</summary>
    public CadenceRule? Rule { get; }

    /// <summary>
    /// The contact's weekend, in their own time zone: calls and meetings avoid it when the time zone is known.
    /// Saturday and Sunday unless set.
    /// </summary>
    public IReadOnlyList<IsoDayOfWeek> Weekend { get; private init; } = SaturdayAndSunday;

    /// <summary>
    /// The contact's e-mail addresses, as given (trimmed), first the main one; compared without regard to case
    /// (<see cref="HasEmail"/>), so imports can match calendar attendees and contacts to the relationship.
    /// </summary>
    public IReadOnlyList<string> Emails { get; private init; } = ImmutableArray<string>.Empty;

    /// <summary>The contact's phone numbers, as given (trimmed); <see cref="HasPhone"/> compares their digits.</summary>
    public IReadOnlyList<string> Phones { get; private init; } = ImmutableArray<string>.Empty;

    /// <summary>Where you met ("ExpoLondon 2025", "Anna's wedding"), or <see langword="null"/>.</summary>
    public string? MetAt { get; private init; }

    /// <summary>
    /// A free-text note about the person ("prefers mornings; two kids; met her boss at the expo"), or
    /// <see langword="null"/>. Private to the owner: the feed never writes it.
    /// </summary>
    public string? Note { get; private init; }

    /// <summary>The dates that matter in the relationship: birthdays, anniversaries, relative and one-off dates.</summary>
    public IReadOnlyList<ImportantDate> ImportantDates { get; private init; } = ImmutableArray<ImportantDate>.Empty;

    /// <summary>
    /// Other ids that name this relationship: the ids of relationships merged into it (<see cref="Diary.Merge"/>). A
    /// diary resolves them to this one (<see cref="Diary.Resolve"/>, and a touch or commitment logged with one lands
    /// here). Each is a valid id; in a diary none equals another relationship's id or alias.
    /// </summary>
    public IReadOnlyList<string> Aliases { get; private init; } = ImmutableArray<string>.Empty;

    /// <summary>Returns a copy with these aliases (duplicates kept once); the diary checks they name nobody else.</summary>
    /// <param name="aliases">The aliases: ids, not this relationship's own.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">An alias that is blank, malformed or this relationship's own id, naming it.</exception>
    [Pure]
    public Relationship WithAliases(params IEnumerable<string> aliases)
    {
        Guard.NotNull(aliases, nameof(aliases));
        var list = aliases.Select(a => string.Equals(Guard.Id(a, nameof(aliases)), Id, StringComparison.Ordinal)
            ? throw new ArgumentException($"\"{Id}\" cannot be an alias of itself.", nameof(aliases))
            : a).Distinct(StringComparer.Ordinal).ToImmutableArray();
        return this with { Aliases = list };
    }

    /// <summary>
    /// Other names this person is known by: the names of relationships merged into it (<see cref="Diary.Merge"/>) when
    /// they are not this one's, as names are compared (<see cref="RelationshipIds.NameKey"/>). An import matches a
    /// contact by them as by <see cref="Name"/>, so merging a duplicate away keeps a later import from adding it again.
    /// </summary>
    public IReadOnlyList<string> OtherNames { get; private init; } = ImmutableArray<string>.Empty;

    /// <summary>
    /// Whether its pacing learns from its own history: as its tier says (the default), on, or pinned to its rule
    /// (docs/design.md, "A rhythm that learns").
    /// </summary>
    public Pacing Pacing { get; private init; } = Pacing.ByTier;

    /// <summary>Returns a copy whose pacing learns as its tier says, learns, or is pinned to its rule.</summary>
    /// <param name="pacing">The choice.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one of <see cref="Cadence.Pacing"/>'s.</exception>
    [Pure]
    public Relationship WithPacing(Pacing pacing) =>
        this with { Pacing = Enum.IsDefined(pacing) ? pacing : throw new ArgumentOutOfRangeException(nameof(pacing), pacing, $"The pacing {(int)pacing} is not one of by-tier, learn or pinned.") };

    /// <summary>Returns a copy with these other names (each checked as a name; one that is the name, or another of them, as names are compared, is kept once).</summary>
    /// <param name="names">The names.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">A null, blank or too long name, or one with control characters, naming it.</exception>
    [Pure]
    public Relationship WithOtherNames(params IEnumerable<string> names)
    {
        Guard.NotNull(names, nameof(names));
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (RelationshipIds.NameKey(Name) is { } own)
        {
            keys.Add(own);
        }

        var list = ImmutableArray.CreateBuilder<string>();
        foreach (string name in names)
        {
            string checkedName = Guard.Name(name, nameof(names)).Trim();
            if (RelationshipIds.NameKey(checkedName) is not { } key || keys.Add(key))
            {
                list.Add(checkedName);
            }
        }

        return this with { OtherNames = list.ToImmutable() };
    }

    /// <summary>Returns a copy with these important dates (two with the same label are refused).</summary>
    /// <param name="dates">The dates.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">A null date, or two with the same label (ignoring case), naming it.</exception>
    [Pure]
    public Relationship WithImportantDates(params IEnumerable<ImportantDate> dates)
    {
        Guard.NotNull(dates, nameof(dates));
        var list = dates.Select(d => d ?? throw new ArgumentException("An important date must not be null.", nameof(dates))).ToImmutableArray();
        if (list.GroupBy(d => d.Label, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"\"{Id}\" has two dates labelled \"{Guard.Shorten(twice.Key)}\".", nameof(dates));
        }

        return this with { ImportantDates = list };
    }

    /// <summary>Returns a copy with these e-mail addresses, main one first (the same address in another case is kept once).</summary>
    /// <param name="emails">The addresses: each one '@' with text on both sides, no spaces or control characters, at most 254 characters.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">An address that is not of that form, naming it.</exception>
    [Pure]
    public Relationship WithEmails(params IEnumerable<string> emails)
    {
        Guard.NotNull(emails, nameof(emails));
        var list = emails.Select(e => ContactPoints.Email(e, nameof(emails))).Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray();
        return this with { Emails = list };
    }

    /// <summary>Returns a copy with these phone numbers (the same digits are kept once).</summary>
    /// <param name="phones">The numbers: at least three digits, and only digits, spaces and <c>+ ( ) - . /</c> besides an optional extension ("x12").</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">A number that is not of that form, naming it.</exception>
    [Pure]
    public Relationship WithPhones(params IEnumerable<string> phones)
    {
        Guard.NotNull(phones, nameof(phones));
        var list = phones.Select(p => ContactPoints.Phone(p, nameof(phones))).DistinctBy(ContactPoints.PhoneKey, StringComparer.Ordinal).ToImmutableArray();
        return this with { Phones = list };
    }

    /// <summary>Returns a copy that says where you met, or nothing with <see langword="null"/> or blank.</summary>
    /// <param name="metAt">Where you met.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public Relationship WithMetAt(string? metAt) => this with { MetAt = string.IsNullOrWhiteSpace(metAt) ? null : Guard.Name(metAt.Trim(), nameof(metAt)) };

    /// <summary>Returns a copy with this note (trimmed), or with none for <see langword="null"/> or blank.</summary>
    /// <param name="note">The note: free text of at most 4000 characters; line breaks and tabs are text.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">The note is too long or holds a control character other than a tab or a line break, naming it.</exception>
    [Pure]
    public Relationship WithNote(string? note) => this with { Note = string.IsNullOrWhiteSpace(note) ? null : Guard.Text(note.Trim(), nameof(note)) };

    /// <summary>
    /// What <see cref="HasEmail"/> compares an address by: trimmed, without a leading <c>mailto:</c>; two addresses are
    /// the same when their keys are equal ignoring case (<see cref="StringComparer.OrdinalIgnoreCase"/>). For indexing
    /// many relationships by address (an import), where asking each one would be quadratic.
    /// </summary>
    /// <param name="email">The address.</param>
    /// <returns>Its key; <see langword="null"/> for none (null or blank).</returns>
    public static string? EmailKey(string? email) => ContactPoints.EmailKey(email);

    /// <summary>
    /// What <see cref="HasPhone"/> compares a number by: a leading '+' and the digits (an extension after an 'x'); two
    /// numbers are the same when their keys are equal (ordinal).
    /// </summary>
    /// <param name="phone">The number.</param>
    /// <returns>Its key; empty for none (null, blank or no digits).</returns>
    public static string PhoneKey(string? phone) => string.IsNullOrWhiteSpace(phone) ? string.Empty : ContactPoints.PhoneKey(phone);

    /// <summary>Whether one of <see cref="Emails"/> is this address (ignoring case and surrounding spaces, and a <c>mailto:</c> in front).</summary>
    /// <param name="email">The address.</param>
    /// <returns>Whether it is one of the contact's.</returns>
    public bool HasEmail(string? email)
    {
        string? key = ContactPoints.EmailKey(email);
        return key is not null && Emails.Any(e => string.Equals(e, key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether one of <see cref="Phones"/> has the same digits (and leading '+') as this number.</summary>
    /// <param name="phone">The number.</param>
    /// <returns>Whether it is one of the contact's.</returns>
    public bool HasPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return false;
        }

        string key = ContactPoints.PhoneKey(phone);
        return key.Length > 0 && Phones.Any(p => ContactPoints.PhoneKey(p) == key);
    }

    /// <summary>Returns a copy with another weekend (for example Friday and Saturday).</summary>
    /// <param name="days">The days of the contact's weekend; may be none, but not all seven.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">An undefined day, or all seven days.</exception>
    [Pure]
    public Relationship WithWeekend(params IEnumerable<IsoDayOfWeek> days)
    {
        var list = Guard.NotNull(days, nameof(days)).Select(d => d is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday
            ? d
            : throw new ArgumentOutOfRangeException(nameof(days), d, $"{d} is not a day of the week.")).Distinct().Order().ToImmutableArray();
        if (list.Length == 7)
        {
            throw new ArgumentException($"A weekend of all seven days leaves \"{Id}\" no day to be called; give at most six.", nameof(days));
        }

        return this with { Weekend = list };
    }

    /// <summary>Returns a copy with another name.</summary>
    /// <param name="name">The new name.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public Relationship WithName(string name) => Copy(name: Guard.Name(name, nameof(name)));

    /// <summary>Returns a copy in another tier.</summary>
    /// <param name="tier">The new tier.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public Relationship WithTier(string tier) => Copy(tier: Guard.Id(tier, nameof(tier)));

    /// <summary>Returns a copy with these tags (blank tags are rejected, duplicates kept once).</summary>
    /// <param name="tags">The tags.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public Relationship WithTags(params IEnumerable<string> tags)
    {
        Guard.NotNull(tags, nameof(tags));
        var list = tags.Select(t => Guard.Name(t, nameof(tags))).Distinct(StringComparer.Ordinal).ToImmutableArray();
        return Copy(tags: list);
    }

    /// <summary>Returns a copy in a time zone (or with none).</summary>
    /// <param name="timeZone">The contact's time zone, or <see langword="null"/>.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public Relationship WithTimeZone(DateTimeZone? timeZone) => Keep(new Relationship(Id, Name, Tier, Tags.ToImmutableArray(), timeZone, PreferredChannels.ToImmutableArray(), State, Rule));

    /// <summary>Returns a copy with these preferred channels, most preferred first (duplicates kept once).</summary>
    /// <param name="channels">The channels.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public Relationship WithPreferredChannels(params IEnumerable<Channel> channels)
    {
        Guard.NotNull(channels, nameof(channels));
        var list = channels.Select(c => Guard.Defined(c, nameof(channels))).Distinct().ToImmutableArray();
        return Copy(preferred: list);
    }

    /// <summary>Returns a copy in another state.</summary>
    /// <param name="state">The new state.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public Relationship WithState(RelationshipState state) => Copy(state: Guard.NotNull(state, nameof(state)));

    /// <summary>Returns a copy paused until a date.</summary>
    /// <param name="until">The day it resumes.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public Relationship PauseUntil(LocalDate until) => WithState(RelationshipState.Paused(until));

    /// <summary>Returns an archived copy: it is never scheduled.</summary>
    /// <returns>The changed copy.</returns>
    [Pure]
    public Relationship Archive() => WithState(RelationshipState.Archived);

    /// <summary>Returns an active copy.</summary>
    /// <returns>The changed copy.</returns>
    [Pure]
    public Relationship Activate() => WithState(RelationshipState.Active);

    /// <summary>Returns a copy with its own cadence rule, or back on its tier's rule with <see langword="null"/>.</summary>
    /// <param name="rule">The override, or <see langword="null"/>.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public Relationship WithRule(CadenceRule? rule) => Keep(new Relationship(Id, Name, Tier, Tags.ToImmutableArray(), TimeZone, PreferredChannels.ToImmutableArray(), State, rule));

    /// <inheritdoc/>
    public bool Equals(Relationship? other) =>
        other is not null
        && Id == other.Id
        && Name == other.Name
        && Tier == other.Tier
        && Tags.SequenceEqual(other.Tags, StringComparer.Ordinal)
        && Equals(TimeZone, other.TimeZone)
        && PreferredChannels.SequenceEqual(other.PreferredChannels)
        && State.Equals(other.State)
        && Equals(Rule, other.Rule)
        && Weekend.SequenceEqual(other.Weekend)
        && Emails.SequenceEqual(other.Emails, StringComparer.Ordinal)
        && Phones.SequenceEqual(other.Phones, StringComparer.Ordinal)
        && MetAt == other.MetAt
        && Note == other.Note
        && ImportantDates.SequenceEqual(other.ImportantDates)
        && Aliases.SequenceEqual(other.Aliases, StringComparer.Ordinal)
        && OtherNames.SequenceEqual(other.OtherNames, StringComparer.Ordinal)
        && Pacing == other.Pacing;

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({Name}, {Tier}, {State})";

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Name, Tier, State, Rule, Note);

    private Relationship Copy(
        string? name = null,
        string? tier = null,
        ImmutableArray<string>? tags = null,
        ImmutableArray<Channel>? preferred = null,
        RelationshipState? state = null) =>
        Keep(new Relationship(
            Id,
            name ?? Name,
            tier ?? Tier,
            tags ?? Tags.ToImmutableArray(),
            TimeZone,
            preferred ?? PreferredChannels.ToImmutableArray(),
            state ?? State,
            Rule));

    /// <summary>A copy made with the constructor, with what the constructor does not take kept from this one.</summary>
    private Relationship Keep(Relationship copy) => copy with { Weekend = Weekend, Emails = Emails, Phones = Phones, MetAt = MetAt, Note = Note, ImportantDates = ImportantDates, Aliases = Aliases, OtherNames = OtherNames, Pacing = Pacing };
}
