using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cadence.Explanations;
using Cadence.Internal;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// The next touch of one relationship: when (<see cref="Due"/>, inside the window <see cref="NotBefore"/> to
/// <see cref="NotAfter"/>), by which channel, how late, and why. Immutable, with value equality.
/// </summary>
/// <remarks>
/// A plan's touches are planned touches; levelling places each on the owner's calendar as a <c>LevelledTouch</c>, a
/// planned touch with a placement of its own. No other type derives from it.
/// </remarks>
public class PlannedTouch : IEquatable<PlannedTouch>
{
    private readonly Decision _decision;
    private ImmutableArray<Reason> _reasons;

    internal PlannedTouch(
        Relationship relationship,
        LocalDate due,
        LocalDate notBefore,
        LocalDate notAfter,
        int daysOverdue,
        Channel channel,
        Commitment? commitment,
        CadenceRule rule,
        Decision decision,
        ManualMove? move = null)
    {
        _decision = decision;
        Move = move;
        Relationship = relationship;
        Due = due;
        NotBefore = notBefore;
        NotAfter = notAfter;
        DaysOverdue = daysOverdue;
        Channel = channel;
        Commitment = commitment;
        Rule = rule;
    }

    /// <summary>A copy on another day, with another latest day: a touch placed by levelling.</summary>
    /// <param name="planned">The touch as planned.</param>
    /// <param name="due">The day it is placed on.</param>
    /// <param name="notAfter">Its latest day.</param>
    /// <param name="daysOverdue">Its lateness as levelling counts it (days off are not lateness).</param>
    private protected PlannedTouch(PlannedTouch planned, LocalDate due, LocalDate notAfter, int daysOverdue)
        : this(planned.Relationship, due, planned.NotBefore, notAfter, daysOverdue, planned.Channel, planned.Commitment, planned.Rule, planned._decision, planned.Move)
    {
        IdRank = planned.IdRank;
        WindowOpens = planned.WindowOpens;
    }

    /// <summary>The rank of the relationship's id (ordinal) in its diary, for fast ordering; -1 when unknown.</summary>
    internal int IdRank { get; init; } = -1;

    /// <summary>
    /// The day the window opens, as the rules set it (the end of the minimum gap after the last attempt, of a pause,
    /// a commitment's or a move's day), before it is clamped to the plan's day: <see cref="NotBefore"/> is this day
    /// or the plan's day, whichever is later. It stays the same from one morning to the next, so the feed writes it.
    /// <see langword="null"/> for a touch with no day of its own (no attempt yet: due from the plan's day).
    /// </summary>
    public LocalDate? WindowOpens { get; internal init; }

    /// <summary>The relationship the touch is with.</summary>
    public Relationship Relationship { get; }

    /// <summary>The relationship's id.</summary>
    public string RelationshipId => Relationship.Id;

    /// <summary>The contact's name.</summary>
    public string Name => Relationship.Name;

    /// <summary>The day to make the touch: never before today (an overdue touch is due today).</summary>
    public LocalDate Due { get; }

    /// <summary>
    /// The earliest acceptable day: today, the end of the minimum gap after the last attempt, the end of a pause,
    /// or a pinned commitment's day, whichever is latest.
    /// </summary>
    public LocalDate NotBefore { get; }

    /// <summary>
    /// The latest acceptable day: the furthest any touch renews the relationship to at its maximum gap (or a
    /// pinned commitment's day). It can be before <see cref="Due"/> when the touch is overdue, or when a
    /// pause or the minimum gap after an unanswered attempt pushes the touch past it; see <see cref="IsLate"/>.
    /// </summary>
    public LocalDate NotAfter { get; }

    /// <summary>
    /// The time of day agreed for the touch, in the owner's time zone: a pinned commitment's time, or
    /// <see langword="null"/> for any time that day. It applies only while the touch is on its pinned day.
    /// </summary>
    public LocalTime? Time => Commitment is { Time: { } time } pin && pin.Date == Due ? time : null;

    /// <summary>How many days late the touch is (0 when it is not overdue).</summary>
    public int DaysOverdue { get; }

    /// <summary>Whether the touch is due before today, and so due today.</summary>
    public bool IsOverdue => DaysOverdue > 0;

    /// <summary>Whether the due day is after <see cref="NotAfter"/>.</summary>
    public bool IsLate => Due > NotAfter;

    /// <summary>The channel suggested.</summary>
    public Channel Channel { get; }

    /// <summary>The open commitment that pins the date, or <see langword="null"/> when the cadence sets it.</summary>
    public Commitment? Commitment { get; }

    /// <summary>Whether an open commitment pins the date.</summary>
    public bool IsPinned => Commitment is not null;

    /// <summary>The move by hand that set the date, or <see langword="null"/>.</summary>
    public ManualMove? Move { get; }

    /// <summary>
    /// The open promise that comes after this touch, or <see langword="null"/>: a promise later than the cadence's latest
    /// day does not pin the next touch (the cadence's own touch comes first, so the relationship does not go cold
    /// meanwhile), and a date that matters may come before a promise; a <see cref="Explanations.BeforeNextStepReason"/>
    /// names it. Logging this touch leaves the promise open.
    /// </summary>
    public Commitment? PromiseAfter => _decision.Next?.Following;

    /// <summary>Whether the date is a step of the follow-up ladder chosen with an unanswered attempt (a <see cref="Explanations.FollowUpReason"/> says which).</summary>
    public bool IsFollowUp => _decision.Rule == FollowUpRule.Instance;

    /// <summary>Whether a date that matters sets the touch (an <see cref="Explanations.ImportantDateReason"/> says which).</summary>
    public bool IsDateTouch => _decision.Rule == DateRule.Instance;

    /// <summary>Whether a reconnect campaign placed the touch on its day (a <see cref="Explanations.CampaignReason"/> says which).</summary>
    public bool IsCampaignTouch => _decision.Rule == CampaignRule.Instance;

    /// <summary>The reconnect campaign the relationship is a member of, when one is running and it is not done yet; otherwise <see langword="null"/>.</summary>
    public string? CampaignName => _decision.Next?.Campaign?.Campaign;

    /// <summary>
    /// Whether the date is fixed (a commitment, a move by hand, a date that matters, or a campaign that placed it inside
    /// the budget), so levelling leaves it where it is.
    /// </summary>
    public bool IsFixed => _decision.IsFixed;

    /// <summary>
    /// How the relationship stands as of the plan's day against its own rhythm and its rule's window, with its two-way
    /// balance and a decay warning (docs/design.md, "A rhythm that learns"); read from its touches when asked (one pass
    /// over them: a plan of a million keeps nothing for it).
    /// </summary>
    public RelationshipHealth Health => _decision.Health(Rule);

    /// <summary>Whether the relationship's own rhythm or its unanswered attempts changed this touch's day (its reasons say how).</summary>
    public bool IsLearned => _decision.IsLearned;

    /// <summary>The most recent touch, or <see langword="null"/> when there was none.</summary>
    public Touch? LastTouch => _decision.Last;

    /// <summary>The cadence rule that applied.</summary>
    public CadenceRule Rule { get; }

    /// <summary>Why: structured reasons, in the order of the sentence <see cref="Why"/>.</summary>
    public IReadOnlyList<Reason> Reasons => ReasonArray;

    /// <summary>The reasons as one English sentence.</summary>
    public string Why => Reason.Sentence(ReasonArray);

    /// <summary>
    /// <see cref="Why"/> worded with dates instead of days counted from the plan's day: "Last met Tue 3 Mar 2026
    /// (coffee); …; due since Mon 2 Mar 2026." rather than "Last met 41 days ago (coffee); …; 11 days overdue (was due
    /// Mon 2 Mar 2026).", and without a levelling move from the plan's day (a touch due now is levelled from another
    /// day tomorrow). The feed writes this wording, so an event's text stays the same from one day to the next while
    /// nothing about it changes; the agenda, read the morning it is made, keeps <see cref="Why"/>.
    /// </summary>
    public string DatedWhy
    {
        get
        {
            var text = new TextBuffer(128);
            English.AppendSentence(text, ReasonArray.AsSpan(), dated: true, _decision.Today);
            return text.ToString();
        }
    }

    /// <summary>The reasons, built from the explanation on first use (a plan of a million touches needs no reasons until read).</summary>
    private ImmutableArray<Reason> ReasonArray
    {
        get
        {
            var reasons = _reasons;
            if (reasons.IsDefault)
            {
                reasons = BuildReasons();
                _reasons = reasons;
            }

            return reasons;
        }
    }

    /// <summary>A short title: "Call Zoë Müller", "Meet Zoë Müller", "Write to Zoë Müller", "Reach out online to Zoë Müller".</summary>
    public string Title => English.Title(Channel, Name);

    /// <summary>
    /// A copy for a member of a reconnect campaign: placed by the campaign on <paramref name="placedOn"/> (a fixed touch
    /// with the window to the campaign's last day, by <paramref name="channel"/> when the campaign chose one), or, with
    /// no day, this touch as it is with the campaign's reason added.
    /// </summary>
    internal PlannedTouch WithCampaign(CampaignReason reason, LocalDate? placedOn, Channel? channel)
    {
        var note = _decision.Next?.Copy() ?? new NextStepNote();
        note.Campaign = reason;
        if (placedOn is not { } day)
        {
            return new(Relationship, Due, NotBefore, NotAfter, DaysOverdue, Channel, Commitment, Rule, _decision.WithCampaign(note, placed: false, campaignChannel: false), Move)
            {
                IdRank = IdRank,
                WindowOpens = WindowOpens,
            };
        }

        return new(Relationship, day, day, reason.By, 0, channel ?? Channel, null, Rule, _decision.WithCampaign(note, placed: true, campaignChannel: channel is not null))
        {
            IdRank = IdRank,
            WindowOpens = day,
        };
    }

    /// <summary>Appends <see cref="Why"/> (the feed writes it without making the string).</summary>
    /// <param name="text">Where to append the sentence.</param>
    internal void AppendWhy(TextBuffer text) => English.AppendSentence(text, ReasonArray.AsSpan());

    /// <summary>
    /// Appends <see cref="DatedWhy"/>, its reasons made in <paramref name="scratch"/> when the touch has not made them
    /// yet (and then not kept): a feed writes each touch's sentence once, so a plan made for one write need not keep
    /// a hundred thousand arrays of reasons. The reasons are those <see cref="Reasons"/> has (the same code makes both).
    /// </summary>
    /// <param name="text">Where to append the sentence.</param>
    /// <param name="scratch">Reused for the reasons; cleared first.</param>
    /// <returns>Whether the touch is a first touch (a <see cref="FirstTouchReason"/> is among them).</returns>
    internal bool AppendDatedWhy(TextBuffer text, ReasonScratch scratch)
    {
        var reasons = scratch.Fill(this);
        English.AppendSentence(text, reasons, dated: true, _decision.Today);
        foreach (var reason in reasons)
        {
            if (reason is FirstTouchReason)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Makes the reasons into <paramref name="builder"/> (cleared first) without storing them.</summary>
    internal void MakeReasons(ImmutableArray<Reason>.Builder builder)
    {
        builder.Clear();
        _decision.Explain(this, builder);
        AddPlacementReasons(builder);
    }

    /// <summary>The day the plan was made for, which the dated wording leaves out levelling moves from.</summary>
    internal LocalDate PlanDay => _decision.Today;

    /// <summary>Whether the reasons have been made (they are made on first use).</summary>
    internal bool ReasonsMade => !_reasons.IsDefault;

    /// <summary>The reasons without boxing them.</summary>
    internal ReadOnlySpan<Reason> ReasonSpan => ReasonArray.AsSpan();

    /// <summary>
    /// Reads the objects an event of this touch is written from: its relationship and names, commitment, last and
    /// renewing touches, rule, pause, the rarer rules' note, and with <paramref name="reasons"/> the reasons when they
    /// are built (it builds none; a writer that fingerprints touches reads their facts, not their reasons). A plan's
    /// objects lie all over the heap; a writer that reads those of the next few touches in one short loop lets the
    /// processor fetch them side by side instead of one miss after another while it writes. The sum is only there so
    /// the reads are kept.
    /// </summary>
    /// <param name="reasons">Whether to read the reasons too, when they are built.</param>
    internal long ReadAhead(bool reasons)
    {
        var relationship = Relationship;
        var rule = Rule;
        long sum = relationship.Id.Length + relationship.Name.Length + relationship.Tier.Length
            + rule.Target.Days + rule.MaxGap.Days + rule.MinGap.Days;
        if (_decision.Last is { } last)
        {
            sum += last.Date.Day + (last.Medium?.Length ?? 0) + (last.Summary?.Length ?? 0);
        }

        if (!_decision.RenewalIsLast && _decision.Renewal is { } renewal)
        {
            sum += renewal.Date.Day + (renewal.Medium?.Length ?? 0);
        }

        if (Commitment is { } commitment)
        {
            sum += commitment.Id.Length + commitment.Purpose.Length;
        }

        if (_decision.WaitedFor is { } attempt)
        {
            sum += attempt.Date.Day;
        }

        if (_decision.Next is { } next)
        {
            sum += next.Campaign is null ? 0 : 1;
        }

        var built = _reasons;
        if (reasons && !built.IsDefault)
        {
            foreach (var reason in built.AsSpan())
            {
                sum += reason is FirstTouchReason ? 1 : 0;
            }
        }

        return sum;
    }

    /// <summary>Whether a touch renews the relationship (so a routine touch is not a first touch), read without building the reasons.</summary>
    internal bool HasRenewal => _decision.Renewal is not null;

    /// <summary>
    /// Makes the reasons from the scheduler's decision (the rule that won and what the others changed) and levelling's
    /// note: docs/design.md, "How a reason is made".
    /// </summary>
    private ImmutableArray<Reason> BuildReasons()
    {
        var reasons = ImmutableArray.CreateBuilder<Reason>(8);
        MakeReasons(reasons);
        return reasons.DrainToImmutable();
    }

    /// <summary>
    /// Adds the facts its reasons are made of beyond the touch's own fields (<see cref="Decision.AddFacts"/>, then
    /// levelling's): a feed compares them instead of making the reasons.
    /// </summary>
    /// <param name="facts">Where to add them.</param>
    internal void AddReasonFacts(FactBuffer facts)
    {
        _decision.AddFacts(this, facts);
        AddPlacementFacts(facts);
    }

    /// <summary>Adds the facts the reasons of where the touch was placed are made of (none for a planned touch).</summary>
    /// <param name="facts">Where to add them.</param>
    private protected virtual void AddPlacementFacts(FactBuffer facts)
    {
    }

    /// <summary>Adds the reasons of where the touch was placed, after the planner's (levelling's; none for a planned touch).</summary>
    /// <param name="reasons">Where to add them.</param>
    private protected virtual void AddPlacementReasons(ImmutableArray<Reason>.Builder reasons)
    {
    }

    /// <inheritdoc/>
    public bool Equals(PlannedTouch? other) => other is not null && other.GetType() == GetType() && EqualsCore(other);

    /// <summary>Whether another touch of the same type is equal to this one.</summary>
    /// <param name="other">The other touch.</param>
    /// <returns>Whether every value and reason is the same.</returns>
    private protected virtual bool EqualsCore(PlannedTouch other) =>
        Relationship.Equals(other.Relationship)
        && Due == other.Due
        && NotBefore == other.NotBefore
        && NotAfter == other.NotAfter
        && DaysOverdue == other.DaysOverdue
        && Channel == other.Channel
        && Equals(Commitment, other.Commitment)
        && Equals(LastTouch, other.LastTouch)
        && Rule.Equals(other.Rule)
        && Equals(Move, other.Move)
        && ReasonArray.SequenceEqual(other.ReasonArray);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PlannedTouch);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(RelationshipId, Due, NotBefore, NotAfter, DaysOverdue, Channel);

    /// <inheritdoc/>
    public override string ToString() => $"{Due:uuuu'-'MM'-'dd} {Title}: {Why}";
}
