using System.Collections.Immutable;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// What a planned touch's reasons are made of, kept so they can be rendered when asked. Touches are kept as their
/// indexes in the diary's list of touches and looked up on demand: planning a million relationships then reads only
/// the packed facts of their touches, not the touches themselves.
/// </summary>
internal readonly struct Explanation
{
    private readonly ImmutableArray<Touch> _touches;
    private readonly int _renewal;
    private readonly int _waitedFor;
    private readonly int _last;
    private readonly NextStepNote? _next;

    /// <summary>Creates an explanation.</summary>
    /// <param name="today">The day of the plan.</param>
    /// <param name="touches">The diary's touches, which the indexes below refer to.</param>
    /// <param name="renewal">The index of the touch that renews the relationship furthest, or -1.</param>
    /// <param name="renewalCredit">Its credit.</param>
    /// <param name="unanswered">Unanswered outbound attempts, when nothing renewed.</param>
    /// <param name="uncredited">Connected touches that counted for nothing, when nothing renewed.</param>
    /// <param name="waitedFor">The index of the attempt whose minimum gap held the touch back, or -1.</param>
    /// <param name="movedFrom">The day the rules asked for, when a move by hand changed it.</param>
    /// <param name="paused">Whether a pause held the touch back.</param>
    /// <param name="channelWhy">Why the channel was suggested.</param>
    /// <param name="onlineStreak">How many online touches came last.</param>
    /// <param name="last">The index of the most recent touch, or -1.</param>
    /// <param name="next">What a commitment or a follow-up ladder added, or <see langword="null"/> (most plans).</param>
    internal Explanation(
        LocalDate today,
        ImmutableArray<Touch> touches,
        int renewal,
        double renewalCredit,
        int unanswered,
        int uncredited,
        int waitedFor,
        LocalDate? movedFrom,
        bool paused,
        ChannelWhy channelWhy,
        int onlineStreak,
        int last,
        NextStepNote? next = null)
    {
        _next = next;
        Today = today;
        _touches = touches;
        _renewal = renewal;
        RenewalCredit = renewalCredit;
        Unanswered = unanswered;
        Uncredited = uncredited;
        _waitedFor = waitedFor;
        MovedFrom = movedFrom;
        Paused = paused;
        ChannelWhy = channelWhy;
        OnlineStreak = onlineStreak;
        _last = last;
    }

    /// <summary>The day of the plan.</summary>
    public LocalDate Today { get; }

    /// <summary>The touch that renews the relationship furthest, if any.</summary>
    public Touch? Renewal => _renewal < 0 ? null : _touches[_renewal];

    /// <summary>Its credit.</summary>
    public double RenewalCredit { get; }

    /// <summary>Unanswered outbound attempts, when nothing renewed.</summary>
    public int Unanswered { get; }

    /// <summary>Connected touches that counted for nothing, when nothing renewed.</summary>
    public int Uncredited { get; }

    /// <summary>The attempt whose minimum gap held the touch back, if it did.</summary>
    public Touch? WaitedFor => _waitedFor < 0 ? null : _touches[_waitedFor];

    /// <summary>The day the rules asked for, when a move by hand changed it.</summary>
    public LocalDate? MovedFrom { get; }

    /// <summary>Whether a pause held the touch back.</summary>
    public bool Paused { get; }

    /// <summary>Why the channel was suggested.</summary>
    public ChannelWhy ChannelWhy { get; }

    /// <summary>How many online touches came last.</summary>
    public int OnlineStreak { get; }

    /// <summary>The most recent touch, if any.</summary>
    public Touch? Last => _last < 0 ? null : _touches[_last];

    /// <summary>What a commitment or a follow-up ladder added, if anything.</summary>
    public NextStepNote? Next => _next;

    /// <summary>A copy with other next-step notes.</summary>
    /// <param name="next">The notes.</param>
    /// <param name="channelWhy">Another reason for the channel, or <see langword="null"/> to keep it.</param>
    /// <returns>The copy.</returns>
    public Explanation WithNext(NextStepNote? next, ChannelWhy? channelWhy = null) =>
        new(Today, _touches, _renewal, RenewalCredit, Unanswered, Uncredited, _waitedFor, MovedFrom, Paused, channelWhy ?? ChannelWhy, OnlineStreak, _last, next);

    /// <summary>Whether the renewal and the most recent touch are the same touch.</summary>
    public bool RenewalIsLast => _renewal >= 0 && _renewal == _last;
}
