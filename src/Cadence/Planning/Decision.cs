using System;
using System.Collections.Immutable;
using Cadence.Explanations;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// What the scheduler decided for one relationship, kept so the reasons can be made when asked: the rule that won, what
/// the other rules changed (a move, a pause, the channel), and the facts its reasons quote. Touches are kept as their
/// indexes in the diary's list and looked up on demand: planning a million relationships reads only the packed facts
/// of their touches. The reasons come out of this record and nothing else (<see cref="Explain"/>), in one order per
/// winning rule, so nothing decides the precedence a second time.
/// </summary>
internal readonly struct Decision
{
    private const int None = int.MinValue;
    private const byte FixedFlag = 1;
    private const byte PausedFlag = 2;
    private const byte RhythmFlag = 4;
    private const byte SpacedFlag = 8;

    private readonly int _renewal;
    private readonly int _waitedFor;
    private readonly int _last;
    private readonly PlanningContext _context;
    private readonly int _relationship;

    // Days as day numbers (None for none) and two flags in a byte: a plan keeps one decision per relationship.
    private readonly int _waitedUntil;
    private readonly int _movedFrom;
    private readonly byte _flags;

    /// <summary>Creates a decision from the candidate that won and the relationship's facts.</summary>
    internal Decision(in Candidate winner, in RelationshipFacts facts, ChannelWhy channelWhy)
    {
        Rule = winner.Rule;
        _flags = (byte)((winner.IsFixed ? FixedFlag : 0) | (winner.Paused ? PausedFlag : 0) | (facts.RhythmAdjusted ? RhythmFlag : 0) | (facts.Spaced ? SpacedFlag : 0));
        Today = facts.Today;
        _renewal = facts.TouchIndex(facts.Renewal);
        RenewalCredit = facts.RenewalCredit;
        Unanswered = facts.Unanswered;
        Uncredited = facts.Uncredited;
        _waitedFor = facts.TouchIndex(winner.WaitedFor);
        _waitedUntil = winner.WaitedFor >= 0 ? facts.RoutineFloor : None;
        _movedFrom = winner.MovedFrom is { } from ? from.ToDateOnly().DayNumber : None;
        ChannelWhy = channelWhy;
        OnlineStreak = facts.OnlineStreak;
        _last = facts.TouchIndex(facts.Count - 1);
        Next = winner.Note;
        _context = facts.Context;
        _relationship = facts.Index;
    }

    private Decision(Decision decision, PlanningRule rule, bool isFixed, NextStepNote? next, ChannelWhy channelWhy)
    {
        this = decision;
        Rule = rule;
        _flags = (byte)((decision._flags & ~FixedFlag) | (isFixed ? FixedFlag : 0));
        Next = next;
        ChannelWhy = channelWhy;
    }

    /// <summary>The rule that set the day.</summary>
    public PlanningRule Rule { get; }

    /// <summary>Whether levelling must leave the touch on its day.</summary>
    public bool IsFixed => (_flags & FixedFlag) != 0;

    /// <summary>The day of the plan.</summary>
    public LocalDate Today { get; }

    /// <summary>The touch that renews the relationship furthest, if any.</summary>
    public Touch? Renewal => _renewal < 0 ? null : Touches[_renewal];

    /// <summary>Its credit.</summary>
    public double RenewalCredit { get; }

    /// <summary>Unanswered outbound attempts, when nothing renewed.</summary>
    public int Unanswered { get; }

    /// <summary>Connected touches that counted for nothing, when nothing renewed.</summary>
    public int Uncredited { get; }

    /// <summary>The attempt whose minimum gap held a routine touch back, if it did.</summary>
    public Touch? WaitedFor => _waitedFor < 0 ? null : Touches[_waitedFor];

    /// <summary>The end of the minimum gap that held a routine touch back (the floor), if it did.</summary>
    public LocalDate? WaitedUntil => _waitedUntil == None ? null : PlanningContext.DateOf(_waitedUntil);

    /// <summary>The day the rules asked for, when a move by hand changed it.</summary>
    public LocalDate? MovedFrom => _movedFrom == None ? null : PlanningContext.DateOf(_movedFrom);

    /// <summary>Whether a pause held the touch back.</summary>
    public bool Paused => (_flags & PausedFlag) != 0;

    /// <summary>Why the channel was suggested.</summary>
    public ChannelWhy ChannelWhy { get; }

    /// <summary>How many online touches came last.</summary>
    public int OnlineStreak { get; }

    /// <summary>The most recent touch, if any.</summary>
    public Touch? Last => _last < 0 ? null : Touches[_last];

    /// <summary>What the rarer rules added (a promise carried, a ladder's step, a date, a campaign), if anything.</summary>
    public NextStepNote? Next { get; }

    /// <summary>The diary's touches, which the indexes above point into.</summary>
    private ImmutableArray<Touch> Touches => _context.Diary.TouchArray;

    /// <summary>Whether the relationship's own rhythm or its unanswered attempts changed its facts.</summary>
    public bool IsLearned => (_flags & (RhythmFlag | SpacedFlag)) != 0;

    /// <summary>
    /// What the relationship's learned rhythm changed, if anything, worked out again from its touches (the plan keeps
    /// two bits of it): the same <see cref="LearnedFacts"/> planning applied.
    /// </summary>
    /// <param name="rule">The relationship's rule.</param>
    /// <returns>Its reasons, or <see langword="null"/> when learning changed nothing.</returns>
    public RhythmNote? Learned(CadenceRule rule)
    {
        if (!IsLearned)
        {
            return null;
        }

        var (start, count) = _context.Index.TouchRange(_relationship);
        var touches = _context.Index.GroupedFacts.AsSpan(start, count);
        int lastAttempt = touches.Length - 1;
        while (lastAttempt >= 0 && !touches[lastAttempt].IsOutbound)
        {
            lastAttempt--;
        }

        int floor = lastAttempt >= 0 ? RelationshipFacts.FloorAfter(rule, touches[lastAttempt].Day) : 0;
        return LearnedFacts.Of(touches, _context.Credits, rule, _context.TodayDay, renews: (_flags & RhythmFlag) != 0, lastAttempt, floor).Note();
    }

    /// <summary>The relationship's health as of the plan's day, read from its touches under a rule.</summary>
    public RelationshipHealth Health(CadenceRule rule)
    {
        var (start, count) = _context.Index.TouchRange(_relationship);
        return Rhythm.Of(_context.Index.GroupedFacts.AsSpan(start, count), _context.TodayDay).Health(rule, _context.TodayDay);
    }

    /// <summary>Whether the renewal and the most recent touch are the same touch.</summary>
    public bool RenewalIsLast => _renewal >= 0 && _renewal == _last;

    /// <summary>The same decision with a campaign's word: its note, and the rule and channel when it placed the touch.</summary>
    public Decision WithCampaign(NextStepNote next, bool placed, bool campaignChannel) =>
        new(this, placed ? CampaignRule.Instance : Rule, placed || IsFixed, next, campaignChannel ? ChannelWhy.Campaign : ChannelWhy);

    /// <summary>
    /// Adds everything <see cref="Explain"/> and the rules it calls read to make the reasons, besides what the feed's
    /// fingerprint takes from the touch itself (its days, lateness, channel, relationship's id, name and tier, commitment,
    /// move and latest touch): equal facts make equal reasons, so a feed tells an event unchanged without making them.
    /// Whatever a rule's reasons come to read must be added here with it (the feed's cache property catches what is not).
    /// </summary>
    /// <param name="touch">The planned touch.</param>
    /// <param name="facts">Where to add them.</param>
    internal void AddFacts(PlannedTouch touch, FactBuffer facts)
    {
        // The rules are stateless, one instance each: the instance says which.
        facts.Add(Rule.Code);
        facts.Add(_flags);
        facts.Add(Today);
        facts.Add(RenewalIsLast);
        if (!RenewalIsLast)
        {
            facts.Add(Renewal);
        }

        facts.Add(BitConverter.DoubleToInt64Bits(RenewalCredit));
        facts.Add(Unanswered);
        facts.Add(Uncredited);
        facts.Add(WaitedFor?.Date);
        facts.Add(_waitedUntil);
        facts.Add(_movedFrom);
        facts.Add((int)ChannelWhy);
        facts.Add(OnlineStreak);

        // The cadence's reason: the tier's (or the relationship's own) rule; the end of a pause that held the touch.
        facts.Add(touch.Rule);
        facts.Add(touch.Relationship.Rule is not null);
        facts.Add(Paused ? touch.Relationship.State.PausedUntil : null);

        // What learning changed.
        var learned = Learned(touch.Rule);
        facts.AddRecord(learned?.Rhythm);
        facts.AddRecord(learned?.Spaced);

        // The rarer rules' reasons, made when they decided, by their record hash.
        if (Next is not { } next)
        {
            facts.Add(0);
            return;
        }

        facts.Add(1);
        facts.AddRecord(next.Carried);
        facts.AddRecord(next.Following);
        facts.AddRecord(next.FollowUp);
        facts.AddRecord(next.CallBack);
        facts.AddRecord(next.Ended);
        facts.AddRecord(next.Date);
        facts.AddRecord(next.HeldFor);
        facts.AddRecord(next.Before);
        facts.AddRecord(next.Campaign);
    }

    /// <summary>
    /// Makes the reasons of a planned touch from this decision: the winning rule's own (each rule words what it decided),
    /// then what the others changed: a move by hand, a pause, lateness, the channel, a campaign the touch counts for
    /// (docs/design.md, "How a reason is made").
    /// </summary>
    /// <param name="touch">The planned touch.</param>
    /// <param name="reasons">Where to add them.</param>
    public void Explain(PlannedTouch touch, ImmutableArray<Reason>.Builder reasons)
    {
        Rule.Explain(touch, this, reasons);
        MoveRule.ExplainAdjustment(touch, this, reasons);
        PauseRule.ExplainAdjustment(touch, this, reasons);
        if (touch.DaysOverdue > 0)
        {
            reasons.Add(new OverdueReason(touch.DaysOverdue, Today.PlusDays(-touch.DaysOverdue)));
        }

        ChannelChoice.Explain(touch, this, reasons);
        if (!Rule.NamesCampaign)
        {
            CampaignRule.ExplainCounts(this, reasons);
        }
    }
}
