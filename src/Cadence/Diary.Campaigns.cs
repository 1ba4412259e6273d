using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using Cadence.Internal;

namespace Cadence;

// Reconnect campaigns: starting, finding and changing them, and their checks.
public sealed partial class Diary
{
    /// <summary>The campaign with a name (ignoring case).</summary>
    /// <param name="name">Its name.</param>
    /// <returns>The campaign.</returns>
    /// <exception cref="KeyNotFoundException">No campaign has that name; the message names it.</exception>
    public Campaign GetCampaign(string name) => _campaigns[CampaignIndexOf(name)];

    /// <summary>
    /// Returns a copy with a campaign started: when it has no members yet, they are chosen now
    /// (<see cref="Campaign.Choose"/>, from the diary as it stood on the campaign's start day).
    /// </summary>
    /// <param name="campaign">The campaign.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="ArgumentException">A campaign already has that name (ignoring case), or a member is not in the diary; the message names it.</exception>
    [Pure]
    public Diary StartCampaign(Campaign campaign)
    {
        Guard.NotNull(campaign, nameof(campaign));
        if (FindCampaign(campaign.Name) is >= 0 and var same)
        {
            throw new ArgumentException($"A campaign is already named \"{_campaigns[same].Name}\"; choose another name (an ended campaign keeps its name).", nameof(campaign));
        }

        if (campaign.Members.Count == 0)
        {
            campaign = campaign.WithMembers(campaign.Choose(AsOf(campaign.Start)));
        }

        CheckMembers(campaign, _byId, nameof(campaign));
        return With(campaigns: _campaigns.Add(campaign));
    }

    /// <summary>Returns a copy where the campaign with the same name (ignoring case) is replaced: paused, resumed or ended.</summary>
    /// <param name="campaign">The changed campaign.</param>
    /// <returns>The changed copy.</returns>
    /// <exception cref="KeyNotFoundException">No campaign has that name.</exception>
    /// <exception cref="ArgumentException">A member is not in the diary.</exception>
    [Pure]
    public Diary UpdateCampaign(Campaign campaign)
    {
        Guard.NotNull(campaign, nameof(campaign));
        int index = CampaignIndexOf(campaign.Name);
        CheckMembers(campaign, _byId, nameof(campaign));
        return With(campaigns: _campaigns.SetItem(index, campaign));
    }

    private int CampaignIndexOf(string name) =>
        FindCampaign(Guard.NotNull(name, nameof(name))) is >= 0 and var index
            ? index
            : throw new KeyNotFoundException($"No campaign is named \"{Guard.Shorten(name)}\".");

    /// <summary>The position of the campaign with a name (ignoring case), or -1.</summary>
    private int FindCampaign(string name)
    {
        for (int i = 0; i < _campaigns.Length; i++)
        {
            if (string.Equals(_campaigns[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Checks campaigns given from outside: none null, names unique ignoring case, members known.</summary>
    private static void CheckCampaigns(ImmutableArray<Campaign> campaigns, Dictionary<string, int> byId)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < campaigns.Length; i++)
        {
            var campaign = campaigns[i] ?? throw new ArgumentException($"The campaign at position {i} is null.", nameof(campaigns));
            if (!names.Add(campaign.Name))
            {
                throw new ArgumentException($"Two campaigns are named \"{campaign.Name}\"; names must be unique (ignoring case).", nameof(campaigns));
            }

            CheckMembers(campaign, byId, nameof(campaigns));
        }
    }

    private static void CheckMembers(Campaign campaign, Dictionary<string, int> byId, string paramName)
    {
        foreach (var member in campaign.Members)
        {
            if (!byId.ContainsKey(member))
            {
                throw new ArgumentException($"The campaign \"{campaign.Name}\" names the unknown relationship id \"{member}\".", paramName);
            }
        }
    }
}
