using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using Cadence.Internal;
using NodaTime;

namespace Cadence;

/// <summary>
/// The cadence rule of each tier ("client", "prospect", …; names compared ignoring case), plus an optional
/// fallback for tiers it does not name. Immutable: <see cref="With"/> returns a changed copy.
/// </summary>
public sealed class CadenceRules
{
    private readonly ImmutableSortedDictionary<string, CadenceRule> _tiers;
    private readonly FrozenDictionary<string, CadenceRule> _lookup;
    private readonly ImmutableSortedDictionary<string, FollowUpLadder> _ladders;
    private readonly ImmutableSortedSet<string> _learning;

    private CadenceRules(
        ImmutableSortedDictionary<string, CadenceRule> tiers,
        CadenceRule? fallback,
        ImmutableSortedDictionary<string, FollowUpLadder> ladders,
        ImmutableSortedSet<string> learning)
    {
        _tiers = tiers;
        _lookup = tiers.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Fallback = fallback;
        _ladders = ladders;
        _learning = learning;
    }

    /// <summary>No tiers, no fallback and no ladders: every tier must be added.</summary>
    public static CadenceRules Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, CadenceRule>(StringComparer.OrdinalIgnoreCase),
        null,
        ImmutableSortedDictionary.Create<string, FollowUpLadder>(StringComparer.OrdinalIgnoreCase),
        ImmutableSortedSet.Create<string>(StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Sensible defaults. client: at least 2 weeks, target 30 days, at most 45 days; prospect: 1 week, 2 weeks,
    /// 3 weeks; referral source: 3 weeks, 6 weeks, 8 weeks; past associate: 1 month, 3 months, 4 months;
    /// any other tier: 2 weeks, 6 weeks, 3 months.
    /// </summary>
    public static CadenceRules Default { get; } = Empty
        .With("client", CadenceRule.FromDays(14, 30, 45))
        .With("prospect", CadenceRule.FromWeeks(1, 2, 3))
        .With("referral source", CadenceRule.FromWeeks(3, 6, 8))
        .With("past associate", new CadenceRule(Period.FromMonths(1), Period.FromMonths(3), Period.FromMonths(4)))
        .WithFallback(new CadenceRule(Period.FromWeeks(2), Period.FromWeeks(6), Period.FromMonths(3)));

    /// <summary>The named tiers, in ordinal-ignore-case order.</summary>
    public IReadOnlyCollection<string> Tiers => _tiers.Keys.ToArray();

    /// <summary>The rule for tiers not named, or <see langword="null"/> when an unknown tier is an error.</summary>
    public CadenceRule? Fallback { get; }

    /// <summary>Returns a copy where <paramref name="tier"/> has <paramref name="rule"/>.</summary>
    /// <param name="tier">The tier name.</param>
    /// <param name="rule">Its rule.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public CadenceRules With(string tier, CadenceRule rule) =>
        new(_tiers.SetItem(Guard.Id(tier, nameof(tier)), Guard.NotNull(rule, nameof(rule))), Fallback, _ladders, _learning);

    /// <summary>Returns a copy without <paramref name="tier"/>.</summary>
    /// <param name="tier">The tier name.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public CadenceRules Without(string tier) => new(_tiers.Remove(Guard.NotNull(tier, nameof(tier))), Fallback, _ladders, _learning);

    /// <summary>Returns a copy with another fallback (or none).</summary>
    /// <param name="fallback">The rule for unnamed tiers, or <see langword="null"/>.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public CadenceRules WithFallback(CadenceRule? fallback) => new(_tiers, fallback, _ladders, _learning);

    /// <summary>The tiers with a follow-up ladder, in ordinal-ignore-case order.</summary>
    public IReadOnlyCollection<string> TiersWithLadders => _ladders.Keys.ToArray();

    /// <summary>Whether any tier has a follow-up ladder.</summary>
    public bool HasLadders => !_ladders.IsEmpty;

    /// <summary>
    /// Returns a copy where an attempt with a relationship of <paramref name="tier"/> follows up by
    /// <paramref name="ladder"/> unless the touch says otherwise (<see cref="Touch.FollowUp"/>); <see langword="null"/>
    /// or <see cref="FollowUpLadder.None"/> removes the tier's ladder.
    /// </summary>
    /// <param name="tier">The tier name.</param>
    /// <param name="ladder">Its default ladder, or <see langword="null"/>.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public CadenceRules WithLadder(string tier, FollowUpLadder? ladder)
    {
        Guard.Id(tier, nameof(tier));
        return new(_tiers, Fallback, ladder is null || ladder.IsNone ? _ladders.Remove(tier) : _ladders.SetItem(tier, ladder), _learning);
    }

    /// <summary>The default follow-up ladder of a tier (names compared ignoring case), or <see langword="null"/>.</summary>
    /// <param name="tier">The tier name.</param>
    /// <returns>Its ladder, or <see langword="null"/> when it has none.</returns>
    public FollowUpLadder? LadderFor(string tier) =>
        tier is not null && !_ladders.IsEmpty && _ladders.TryGetValue(tier, out var ladder) ? ladder : null;

    /// <summary>The tiers whose relationships learn their own rhythm (unless pinned), in ordinal-ignore-case order.</summary>
    public IReadOnlyCollection<string> TiersThatLearn => _learning.ToArray();

    /// <summary>Whether any tier learns.</summary>
    public bool HasLearning => !_learning.IsEmpty;

    /// <summary>
    /// Returns a copy where the relationships of <paramref name="tier"/> learn their own rhythm inside the rule's gaps,
    /// or no longer do (docs/design.md, "A rhythm that learns"); a relationship's own <see cref="Relationship.Pacing"/>
    /// wins over its tier's choice.
    /// </summary>
    /// <param name="tier">The tier name (compared ignoring case).</param>
    /// <param name="learns">Whether it learns.</param>
    /// <returns>The changed copy.</returns>
    [Pure]
    public CadenceRules WithLearning(string tier, bool learns = true)
    {
        Guard.Id(tier, nameof(tier));
        return new(_tiers, Fallback, _ladders, learns ? _learning.Add(tier) : _learning.Remove(tier));
    }

    /// <summary>Whether the relationships of a tier learn their own rhythm (names compared ignoring case).</summary>
    /// <param name="tier">The tier name.</param>
    /// <returns>Whether it learns.</returns>
    public bool Learns(string tier) => tier is not null && !_learning.IsEmpty && _learning.Contains(tier);

    /// <summary>Whether a relationship learns its own rhythm: its own <see cref="Relationship.Pacing"/>, else its tier's choice.</summary>
    /// <param name="relationship">The relationship.</param>
    /// <returns>Whether it learns.</returns>
    public bool Learns(Relationship relationship) =>
        Guard.NotNull(relationship, nameof(relationship)).Pacing switch
        {
            Pacing.Learn => true,
            Pacing.Pinned => false,
            _ => Learns(relationship.Tier),
        };

    /// <summary>Whether the tier is named, or a fallback covers it.</summary>
    /// <param name="tier">The tier name.</param>
    /// <param name="rule">The rule that applies.</param>
    /// <returns>Whether a rule applies.</returns>
    public bool TryGet(string tier, out CadenceRule rule)
    {
        if (_lookup.TryGetValue(tier, out var found) || (found = Fallback) is not null)
        {
            rule = found;
            return true;
        }

        rule = null!;
        return false;
    }

    /// <summary>The rule of a tier.</summary>
    /// <param name="tier">The tier name.</param>
    /// <returns>The tier's rule, or the fallback.</returns>
    /// <exception cref="KeyNotFoundException">The tier is unknown and there is no fallback; the message names it.</exception>
    public CadenceRule For(string tier) =>
        TryGet(tier, out var rule)
            ? rule
            : throw new KeyNotFoundException(
                $"No cadence rule for the tier \"{tier}\" and no fallback rule; known tiers: {string.Join(", ", _tiers.Keys.Select(k => $"\"{k}\""))}.");

    /// <summary>The rule that applies to a relationship: its own override, else its tier's.</summary>
    /// <param name="relationship">The relationship.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="KeyNotFoundException">No override, an unknown tier and no fallback.</exception>
    public CadenceRule For(Relationship relationship) =>
        Guard.NotNull(relationship, nameof(relationship)).Rule ?? For(relationship.Tier);
}
