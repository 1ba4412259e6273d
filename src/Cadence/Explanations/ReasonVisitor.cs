using System.Collections.Immutable;
using Cadence.Internal;
using Cadence.Planning;
using NodaTime;

namespace Cadence.Explanations;

/// <summary>
/// Receives a planned touch's reasons, in order, as the values they are made of (see
/// <see cref="PlannedTouch.VisitReasons{TVisitor}"/>): building the <see cref="Reason"/> records and rendering
/// their sentence are two visitors of the one walk, so they cannot disagree.
/// </summary>
internal interface IReasonVisitor
{
    void Commitment(string id, string purpose, LocalDate date);

    void FirstTouch(int unansweredAttempts, int uncreditedTouches);

    void Renewal(Touch touch, int daysAgo, double credit);

    void LatestTouch(Touch touch, int daysAgo);

    void Cadence(string tier, CadenceRule rule, bool isOverride);

    void Wait(LocalDate lastAttempt, int daysAgo, Period minGap, LocalDate notBefore);

    void MovedByHand(LocalDate from, LocalDate to);

    void Paused(LocalDate until);

    void Overdue(int days, LocalDate wasDue);

    void TakeItOffline(int onlineTouches, Channel suggested);

    void PreferredChannel(Channel channel);

    /// <summary>A reason already built (levelling's).</summary>
    void Other(Reason reason);
}

/// <summary>Builds the <see cref="Reason"/> records.</summary>
internal readonly struct ReasonCollector : IReasonVisitor
{
    internal ReasonCollector(ImmutableArray<Reason>.Builder reasons)
    {
        Reasons = reasons;
    }

    internal ImmutableArray<Reason>.Builder Reasons { get; }

    public void Commitment(string id, string purpose, LocalDate date) => Reasons.Add(new CommitmentReason(id, purpose, date));

    public void FirstTouch(int unansweredAttempts, int uncreditedTouches) => Reasons.Add(new FirstTouchReason(unansweredAttempts, uncreditedTouches));

    public void Renewal(Touch touch, int daysAgo, double credit) => Reasons.Add(new RenewalReason(touch, daysAgo, credit));

    public void LatestTouch(Touch touch, int daysAgo) => Reasons.Add(new LatestTouchReason(touch, daysAgo));

    public void Cadence(string tier, CadenceRule rule, bool isOverride) => Reasons.Add(new CadenceReason(tier, rule, isOverride));

    public void Wait(LocalDate lastAttempt, int daysAgo, Period minGap, LocalDate notBefore) => Reasons.Add(new WaitReason(lastAttempt, daysAgo, minGap, notBefore));

    public void MovedByHand(LocalDate from, LocalDate to) => Reasons.Add(new MovedByHandReason(from, to));

    public void Paused(LocalDate until) => Reasons.Add(new PausedReason(until));

    public void Overdue(int days, LocalDate wasDue) => Reasons.Add(new OverdueReason(days, wasDue));

    public void TakeItOffline(int onlineTouches, Channel suggested) => Reasons.Add(new TakeItOfflineReason(onlineTouches, suggested));

    public void PreferredChannel(Channel channel) => Reasons.Add(new PreferredChannelReason(channel));

    public void Other(Reason reason) => Reasons.Add(reason);
}

/// <summary>
/// Renders reasons as <see cref="Reason.Sentence"/> does, into a <see cref="TextBuffer"/>: clauses separated by
/// "; ", the first character capitalized, a full stop at the end; nothing for no reasons.
/// </summary>
internal struct SentenceWriter : IReasonVisitor
{
    private readonly TextBuffer _text;
    private readonly int _start;

    internal SentenceWriter(TextBuffer text)
    {
        _text = text;
        _start = text.Length;
    }

    public void Commitment(string id, string purpose, LocalDate date) => CommitmentReason.Append(Clause(), purpose, date);

    public void FirstTouch(int unansweredAttempts, int uncreditedTouches) => FirstTouchReason.Append(Clause(), unansweredAttempts, uncreditedTouches);

    public void Renewal(Touch touch, int daysAgo, double credit) => RenewalReason.Append(Clause(), touch, daysAgo, credit);

    public void LatestTouch(Touch touch, int daysAgo) => LatestTouchReason.Append(Clause(), touch, daysAgo);

    public void Cadence(string tier, CadenceRule rule, bool isOverride) => CadenceReason.Append(Clause(), tier, rule, isOverride);

    public void Wait(LocalDate lastAttempt, int daysAgo, Period minGap, LocalDate notBefore) => WaitReason.Append(Clause(), daysAgo, minGap, notBefore);

    public void MovedByHand(LocalDate from, LocalDate to) => MovedByHandReason.Append(Clause(), from, to);

    public void Paused(LocalDate until) => PausedReason.Append(Clause(), until);

    public void Overdue(int days, LocalDate wasDue) => OverdueReason.Append(Clause(), days, wasDue);

    public void TakeItOffline(int onlineTouches, Channel suggested) => TakeItOfflineReason.Append(Clause(), onlineTouches, suggested);

    public void PreferredChannel(Channel channel) => PreferredChannelReason.Append(Clause(), channel);

    public void Other(Reason reason) => reason.AppendTo(Clause());

    /// <summary>Capitalizes the sentence and ends it with a full stop, unless it is empty.</summary>
    internal readonly void Finish()
    {
        if (_text.Length > _start)
        {
            _text.Set(_start, char.ToUpperInvariant(_text[_start]));
            _text.Append('.');
        }
    }

    private readonly TextBuffer Clause()
    {
        if (_text.Length > _start)
        {
            _text.Append("; ");
        }

        return _text;
    }
}
