using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cadence.Calendars;
using Cadence.Explanations;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// Rule 8, a reconnect campaign, over the whole plan once every relationship has its touch. It only brings touches
/// earlier: of the members left, it pulls in those the cadence would leave until after the campaign's last day (a routine
/// touch due after it, whose window opens by then) and spreads them over the working days left, inside the owner's
/// budget; every other member keeps its touch (a routine touch due inside the period, overdue or a first touch included,
/// a promise, a follow-up, a move, a date) and says it counts. No member is ever later than the cadence would have it
/// (docs/design.md, "Reconnect campaigns").
/// </summary>
/// <remarks>
/// Campaigns are taken by name (ordinal), a relationship by the first campaign it is a member of. A member is done at its
/// first connected touch on or after the campaign's start. The spread members, most faded first, are aimed at evenly
/// spaced working days: member k of n, in the order of how faded they were when it started, aims k/n of the way through
/// its working days (an aim already past is today), so the plan stays put from one morning to the next. Each takes the
/// first working day from its aim (never before its window opens) with room in the budget counting the fixed touches due
/// that day (levelling places the flexible ones around them, as fixed touches take the budget first), else the latest
/// one before its aim, else it cannot fit.
/// </remarks>
internal sealed class CampaignRule : PlanningRule
{
    private CampaignRule()
    {
    }

    /// <summary>The rule.</summary>
    internal static CampaignRule Instance { get; } = new();

    /// <summary>Applies the campaigns to the touches (by id rank) and returns their progress, by campaign name.</summary>
    internal static ImmutableArray<CampaignProgress> ApplyToPlan(DiaryIndex index, LocalDate today, SchedulerOptions options, PlannedTouch?[] slots)
    {
        var diary = index.Diary;
        if (diary.Campaigns.Count == 0)
        {
            return ImmutableArray<CampaignProgress>.Empty;
        }

        int[] order = index.OrdinalOrder;
        var rankOf = new int[order.Length];
        for (int rank = 0; rank < order.Length; rank++)
        {
            rankOf[order[rank]] = rank;
        }

        var claimed = new HashSet<int>();
        var progress = ImmutableArray.CreateBuilder<CampaignProgress>();
        // A campaign that starts after the plan's day is not there yet, as Diary.AsOf leaves it out.
        foreach (var campaign in diary.Campaigns.Where(c => c.Start <= today).OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            progress.Add(ApplyOne(index, today, options, slots, rankOf, campaign, claimed));
        }

        return progress.ToImmutable();
    }

    private static CampaignProgress ApplyOne(DiaryIndex index, LocalDate today, SchedulerOptions options, PlannedTouch?[] slots, int[] rankOf, Campaign campaign, HashSet<int> claimed)
    {
        var diary = index.Diary;
        int startDay = campaign.Start.ToDateOnly().DayNumber;
        int members = 0;
        var all = new List<(int Index, int LastConnected, string Id, bool Done)>();
        foreach (var id in campaign.Members)
        {
            // The diary checks that every member is one of its relationships.
            int i = diary.IndexOf(id);
            if (slots[rankOf[i]] is null)
            {
                // Archived: not counted.
                continue;
            }

            members++;
            var (start, count) = index.TouchRange(i);
            var facts = index.GroupedFacts.AsSpan(start, count);
            // Faded as of the start, so a member's place in the order (and its day) stays put while others reply.
            int lastConnected = int.MinValue;
            bool done = false;
            foreach (var fact in facts)
            {
                if (!fact.IsNoReply)
                {
                    if (fact.Day >= startDay)
                    {
                        done = true;
                    }
                    else
                    {
                        lastConnected = Math.Max(lastConnected, fact.Day);
                    }
                }
            }

            all.Add((i, lastConnected, id, done));
        }

        // Most faded first: the longest without a connected touch before the start (never touched first), then by id.
        all.Sort((a, b) => a.LastConnected != b.LastConnected ? a.LastConnected.CompareTo(b.LastConnected) : string.CompareOrdinal(a.Id, b.Id));
        var left = new List<(int Index, int Rank, string Id)>(all.Count);
        for (int rank = 0; rank < all.Count; rank++)
        {
            if (!all[rank].Done)
            {
                left.Add((all[rank].Index, rank, all[rank].Id));
            }
        }

        int doneCount = members - left.Count;
        var cannotFit = new List<string>();
        bool running = campaign.Status == CampaignStatus.Active && campaign.By >= today;
        if (running)
        {
            Spread(today, options, slots, rankOf, campaign, claimed, left, doneCount, members, cannotFit);
        }

        return new CampaignProgress(campaign, members, doneCount, left.Select(m => m.Id).ToImmutableArray(), cannotFit.ToImmutableArray());
    }

    private static void Spread(
        LocalDate today,
        SchedulerOptions options,
        PlannedTouch?[] slots,
        int[] rankOf,
        Campaign campaign,
        HashSet<int> claimed,
        List<(int Index, int Rank, string Id)> left,
        int done,
        int members,
        List<string> cannotFit)
    {
        var from = campaign.Start > today ? campaign.Start : today;
        int fromDay = from.ToDateOnly().DayNumber;

        // Who the campaign spreads: members left, not claimed by an earlier campaign, whose touch the cadence has
        // nothing better for.
        var spread = new List<(int Index, int Rank, string Id)>();
        var spreadRanks = new HashSet<int>();
        foreach (var (i, memberRank, id) in left)
        {
            if (!claimed.Add(i))
            {
                continue;
            }

            var touch = slots[rankOf[i]]!;
            bool routine = !touch.IsFixed && !touch.IsFollowUp && !touch.IsDateTouch;
            if (routine && touch.Due > campaign.By && touch.NotBefore <= campaign.By)
            {
                spread.Add((i, memberRank, id));
                spreadRanks.Add(rankOf[i]);
            }
            else
            {
                slots[rankOf[i]] = touch.WithCampaign(new CampaignReason(campaign.Name, campaign.By, done, members, null, false), null, null);
            }
        }

        if (spread.Count == 0)
        {
            return;
        }

        // The load of each day: the fixed touches due on it (promises, moves, dates, what campaigns placed). The flexible
        // ones do not count: levelling places them around the fixed ones, which take the budget first; counted on their
        // due day they would fill today with every overdue touch, and push a reconnection due now to tomorrow, every
        // morning.
        var budget = options.Calendar?.Budget is { } limits ? new BudgetCounter(limits, from) : null;
        if (budget is not null)
        {
            for (int rank = 0; rank < slots.Length; rank++)
            {
                if (slots[rank] is { IsFixed: true } touch && !spreadRanks.Contains(rank))
                {
                    budget.Add(Period.DaysBetween(from, touch.Due), touch.Channel);
                }
            }
        }

        // The working days of the whole period, from its start: each member's aim is fixed by its place in the order
        // (the k-th of n members aims at the working day k/n of the way), so it stays put from one morning to the next;
        // an aim already past is today.
        var aims = new List<int>();
        for (var day = campaign.Start; day <= campaign.By; day = day.PlusDays(1))
        {
            if (WorkingDays.IsWorkingDay(options.Calendar, day))
            {
                aims.Add(day.ToDateOnly().DayNumber - fromDay);
            }
        }

        // The working days a member can be placed on, from today: the aims not in the past.
        var working = aims.FindAll(d => d >= 0);

        for (int k = 0; k < spread.Count; k++)
        {
            var (i, memberRank, id) = spread[k];
            int rank = rankOf[i];
            var touch = slots[rank]!;
            var channel = ChannelFor(campaign, touch.Relationship);
            int opens = Math.Max(0, Period.DaysBetween(from, touch.NotBefore));
            int aimDay = aims.Count == 0 ? 0 : Math.Max(0, aims[(int)((long)memberRank * aims.Count / members)]);
            int aim = working.BinarySearch(aimDay);
            aim = aim < 0 ? ~aim : aim;
            int placed = -1;
            for (int w = aim; w < working.Count && placed < 0; w++)
            {
                if (working[w] >= opens && (budget?.HasRoom(working[w], channel ?? touch.Channel) ?? true))
                {
                    placed = working[w];
                }
            }

            for (int w = Math.Min(aim, working.Count) - 1; w >= 0 && placed < 0; w--)
            {
                if (working[w] >= opens && (budget?.HasRoom(working[w], channel ?? touch.Channel) ?? true))
                {
                    placed = working[w];
                }
            }

            if (placed < 0)
            {
                cannotFit.Add(id);
                slots[rank] = touch.WithCampaign(new CampaignReason(campaign.Name, campaign.By, done, members, null, true), null, null);
                continue;
            }

            var on = from.PlusDays(placed);
            LocalDate? cadenceDue = touch.HasRenewal ? touch.Due.PlusDays(-touch.DaysOverdue) : null;
            var placedTouch = touch.WithCampaign(new CampaignReason(campaign.Name, campaign.By, done, members, cadenceDue, false), on, channel);
            slots[rank] = placedTouch;
            budget?.Add(placed, placedTouch.Channel);
        }
    }

    /// <summary>The campaign's channel for a member: the first of the member's preferred channels it prefers, else its first; null when it prefers none.</summary>
    private static Channel? ChannelFor(Campaign campaign, Relationship relationship)
    {
        if (campaign.Channels.Count == 0)
        {
            return null;
        }

        foreach (var preferred in relationship.PreferredChannels)
        {
            if (campaign.Channels.Contains(preferred))
            {
                return preferred;
            }
        }

        return campaign.Channels[0];
    }

    /// <inheritdoc/>
    internal override bool NamesCampaign => true;

    /// <summary>Its reasons when it placed the touch: the campaign, then what the cadence had.</summary>
    internal override void Explain(PlannedTouch touch, in Decision decision, ImmutableArray<Reason>.Builder reasons)
    {
        reasons.Add(decision.Next!.Campaign!);
        RoutineRule.AddFollowing(decision, reasons);
        RoutineRule.AddContext(touch, decision, reasons, firstTouch: true);
        RoutineRule.AddSpacing(touch, decision, reasons);
    }

    /// <summary>Its reason on a member's touch it did not place (another rule's, or one it could not fit): that it counts.</summary>
    internal static void ExplainCounts(in Decision decision, ImmutableArray<Reason>.Builder reasons)
    {
        if (decision.Next?.Campaign is { } counts)
        {
            reasons.Add(counts);
        }
    }
}
