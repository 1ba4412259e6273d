using System.Collections.Generic;
using Cadence.Planning;
using NodaTime;

namespace Cadence.Benchmarks.Simulation;

/// <summary>A tier of the simulated population: its name, its cadence rule and the share of members in it.</summary>
/// <param name="Name">The tier's name, as the rules name it.</param>
/// <param name="Rule">Its cadence rule (the same in both arms; only learning differs).</param>
/// <param name="Share">The share of members drawn into it (the shares are normalised).</param>
public sealed record SimulatedTier(string Name, CadenceRule Rule, double Share);

/// <summary>
/// The model of the simulated population and of its owner (issue 29), every choice in one record so anyone can change
/// it: <c>PopulationModel.Default with { TouchesPerDay = 6 }</c>. benchmarks/README.md, "The population model", says the
/// same in words. Days are whole days; "the gap" of a touch is the days since the member last heard from you or you from
/// them (the later of the latest exchange and your latest attempt).
/// </summary>
/// <remarks>
/// Each member has a hidden comfortable rhythm <c>r</c> (days) and responsiveness <c>p</c>, and an affinity <c>a</c>
/// that starts at 1. Your touch at gap <c>g</c> is answered with probability <c>p · f(g / r) · a</c>, where
/// <c>f(x) = x^TooSoonExponent</c> below 1 and 1 from 1 on. A touch at <c>g &lt; PesterBelow · r</c> is judged as
/// pestering and costs <see cref="PesterPenalty"/> of affinity. Each day the silence (days since the latest exchange)
/// is past <c>DriftAfter · r</c>, affinity is multiplied by <c>1 − DriftRate / r</c>; an exchange that is not
/// pestering adds <see cref="RestoreOnExchange"/> (at most 1). From a silence of <c>r</c> on, a member starts an
/// exchange on a day with probability <c>Initiative · a / r</c>. At the end a member has decayed when the silence is
/// past <c>DecayedAfter · r</c> or its affinity is below <see cref="DecayedBelow"/>.
/// </remarks>
public sealed record PopulationModel
{
    /// <summary>The model the README's figures come from.</summary>
    public static PopulationModel Default { get; } = new();

    /// <summary>
    /// The tiers: client (14, 30, 45 days) 40%, referral source (3, 6, 8 weeks) 35%, prospect (1, 2, 3 weeks) 25%: the
    /// library's default rules for those tiers.
    /// </summary>
    public IReadOnlyList<SimulatedTier> Tiers { get; init; } =
    [
        new("client", CadenceRule.FromDays(14, 30, 45), 0.40),
        new("referral source", CadenceRule.FromWeeks(3, 6, 8), 0.35),
        new("prospect", CadenceRule.FromWeeks(1, 2, 3), 0.25),
    ];

    /// <summary>
    /// Whether a touch's gap counts from your latest attempt too (true: the later of the latest exchange and your latest
    /// attempt; a member touched again a week after an unanswered touch feels it), or from the latest exchange only (false).
    /// </summary>
    public bool GapFromAttempts { get; init; } = true;

    /// <summary>The lowest comfortable rhythm, as a multiple of the tier's minimum gap (0.6).</summary>
    public double RhythmFromMinGap { get; init; } = 0.6;

    /// <summary>The highest comfortable rhythm, as a multiple of the tier's maximum gap (1.3); rhythms are log-uniform between the two.</summary>
    public double RhythmToMaxGap { get; init; } = 1.3;

    /// <summary>The lowest responsiveness (0.35); responsiveness is uniform between it and <see cref="ResponsivenessTo"/>.</summary>
    public double ResponsivenessFrom { get; init; } = 0.35;

    /// <summary>The highest responsiveness (0.95).</summary>
    public double ResponsivenessTo { get; init; } = 0.95;

    /// <summary>The exponent of <c>f(x) = x^e</c> for a touch sooner than the rhythm (1.5): at half the rhythm, 35% of the reply chance.</summary>
    public double TooSoonExponent { get; init; } = 1.5;

    /// <summary>A touch at a gap under this share of the rhythm is judged as pestering (0.5).</summary>
    public double PesterBelow { get; init; } = 0.5;

    /// <summary>The affinity a touch judged as pestering costs (0.05, not below 0).</summary>
    public double PesterPenalty { get; init; } = 0.05;

    /// <summary>Affinity starts to drift once the silence passes this many rhythms (2).</summary>
    public double DriftAfter { get; init; } = 2;

    /// <summary>Beyond that, each day of silence multiplies affinity by <c>1 − DriftRate / r</c> (1/3: about 0.72 per rhythm of silence).</summary>
    public double DriftRate { get; init; } = 1.0 / 3;

    /// <summary>An exchange not judged as pestering adds this to affinity, up to 1 (0.2).</summary>
    public double RestoreOnExchange { get; init; } = 0.2;

    /// <summary>The factor of a member's daily chance to start an exchange, <c>Initiative · a / r</c>, once the silence reaches <c>r</c> (1).</summary>
    public double Initiative { get; init; } = 1;

    /// <summary>The chance a reply to a note comes the same day, the next day and two days later (0.5, 0.35, 0.15).</summary>
    public IReadOnlyList<double> ReplyLag { get; init; } = [0.50, 0.35, 0.15];

    /// <summary>
    /// The channel members prefer (the plan suggests it; "take it offline" after three online touches may suggest a
    /// call): note 55%, call 30%, meeting 15%. A call or meeting that connects is itself the reply; a note's reply is
    /// their note.
    /// </summary>
    public IReadOnlyList<(Channel Channel, double Share)> Channels { get; init; } =
    [
        (Channel.Note, 0.55),
        (Channel.Call, 0.30),
        (Channel.Meeting, 0.15),
    ];

    /// <summary>At the end, a member has decayed when the silence is past this many rhythms (8, the library's decay warning)…</summary>
    public double DecayedAfter { get; init; } = 8;

    /// <summary>…or its affinity is below this (0.25).</summary>
    public double DecayedBelow { get; init; } = 0.25;

    /// <summary>The days of history before the year (180): exchanges at about the member's rhythm, the same in both arms.</summary>
    public int PriorDays { get; init; } = 180;

    /// <summary>The prior gaps are the rhythm times a uniform factor in <c>1 ± PriorNoise</c> (0.3).</summary>
    public double PriorNoise { get; init; } = 0.3;

    /// <summary>The share of prior exchanges the member started (0.4); the rest you started and they answered.</summary>
    public double PriorTheyStarted { get; init; } = 0.4;

    /// <summary>The owner's budget: touches a working day (4; Monday to Friday, no holidays).</summary>
    public int TouchesPerDay { get; init; } = 4;

    /// <summary>
    /// The owner's credits (<see cref="SchedulerOptions.Credits"/>): the library's defaults (a note 0.6 of the target),
    /// the same in both arms.
    /// </summary>
    public ChannelCredits Credits { get; init; } = ChannelCredits.Default;

    /// <summary>The first day of the year simulated (Monday 4 January 2027).</summary>
    public LocalDate Start { get; init; } = new(2027, 1, 4);
}
