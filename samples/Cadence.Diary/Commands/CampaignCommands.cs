using System;
using System.Globalization;
using System.Linq;
using Cadence.Planning;
using Cadence.Sample.Cli;
using Cadence.Sample.Output;
using Cadence.Sample.Store;
using NodaTime;

namespace Cadence.Sample.Commands;

/// <summary><c>campaign add|list|pause|resume|end</c>: reconnect campaigns ("Commit to Connect").</summary>
internal static class CampaignCommands
{
    public static int Campaign(App app, Invocation invocation)
    {
        string action = invocation.Positionals[0].Trim().ToLowerInvariant();
        string? name = invocation.Positionals.Count > 1 ? invocation.Positionals[1].Trim() : null;
        if (action == "list")
        {
            if (name is not null)
            {
                throw new UsageException("campaign list takes no name.");
            }

            return List(app, invocation);
        }

        if (name is null or "")
        {
            throw new UsageException($"campaign {Text.Printable(action)} needs the campaign's name: campaign {Text.Printable(action)} NAME.");
        }

        return action switch
        {
            "add" => Add(app, invocation, name),
            "pause" => Change(app, invocation, name, c => c.Pause(), "Paused"),
            "resume" => Change(app, invocation, name, c => c.Resume(), "Resumed"),
            "end" => Change(app, invocation, name, null, "Ended"),
            _ => throw new UsageException($"campaign \"{Text.Printable(action)}\" is not add, list, pause, resume or end."),
        };
    }

    private static int Add(App app, Invocation invocation, string name)
    {
        string? tier = invocation.Get("tier");
        string? tag = invocation.Get("tag");
        string? faded = invocation.Get("faded");
        if (new[] { tier, tag, faded }.Count(x => x is not null) != 1)
        {
            throw new UsageException("campaign add needs one group: --tier TIER, --tag TAG or --faded MONTHS.");
        }

        string by = invocation.Get("by") ?? throw new UsageException("campaign add needs --by YYYY-MM-DD (the campaign's last day).");
        var last = Text.ParseDate(by.Trim(), "--by");
        int? months = faded is null ? null
            : int.TryParse(faded.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int m) && m is >= 1 and <= 120 ? m
            : throw new UserException($"--faded \"{Text.Printable(faded)}\" is not a number of months from 1 to 120.");
        var channels = invocation.Get("prefers") is { } p ? Text.ParseChannels(p, "--prefers") : [];
        return app.Change(invocation, (data, today) =>
        {
            if (last < today)
            {
                throw new UserException($"--by {Text.Format(last)} is before today ({Text.Format(today)}).");
            }

            if (tier is not null && !data.Diary.Relationships.Any(r => r.Tier.Equals(tier.Trim(), StringComparison.Ordinal)))
            {
                throw new UserException($"No relationship is in the tier \"{Text.Printable(tier.Trim())}\"; tiers in use: {string.Join(", ", data.Diary.Relationships.Select(r => r.Tier).Distinct().Order(StringComparer.Ordinal))}.");
            }

            var campaign = (tier, tag) switch
            {
                ({ } t, _) => Cadence.Campaign.ForTier(name, t.Trim(), today, last),
                (_, { } g) => Cadence.Campaign.ForTag(name, g.Trim(), today, last),
                _ => Cadence.Campaign.ForFaded(name, months!.Value, today, last),
            };
            var diary = data.Diary.StartCampaign(campaign.WithChannels(channels));
            var started = diary.GetCampaign(name);
            if (started.Members.Count == 0)
            {
                throw new UserException($"The campaign \"{Text.Printable(name)}\" has no members: no relationship that is not archived has {started.DescribeGroup()}.");
            }

            var changed = data.WithDiary(diary);
            var plan = DiaryPlanner.Level(changed, today);
            var progress = plan.Campaigns.First(c => c.Name == started.Name);
            string first = progress.Left.Count > 0 && plan.TryGet(progress.Left[0], out var touch)
                ? $" First: {touch.Title} on {Text.Day(touch.Due, today)}."
                : string.Empty;
            string prefers = channels.Count > 0 ? $", by {string.Join(" or ", channels.Select(ChannelExtensions.ToWord))}" : string.Empty;
            string cannot = progress.CannotFit.Count > 0 ? $" {progress.CannotFit.Count} cannot fit in the budget before then: {string.Join(", ", progress.CannotFit)}." : string.Empty;
            return (changed, $"Started \"{started.Name}\": {started.Members.Count} to reconnect with ({started.DescribeGroup()}) by {Text.Day(last, today)}{prefers}, most faded first.{first}{cannot}");
        });
    }

    private static int Change(App app, Invocation invocation, string name, Func<Campaign, Campaign>? change, string verb) =>
        app.Change(invocation, (data, today) =>
        {
            Campaign campaign;
            try
            {
                campaign = data.Diary.GetCampaign(name);
            }
            catch (System.Collections.Generic.KeyNotFoundException)
            {
                var names = data.Diary.Campaigns.Select(c => c.Name).ToList();
                throw new UserException($"No campaign is named \"{Text.Printable(name)}\"" + (names.Count > 0 ? $"; campaigns: {string.Join(", ", names)}." : "; start one with `campaign add NAME --tier TIER --by DATE`."));
            }

            if (campaign.Status == CampaignStatus.Ended)
            {
                throw new UserException($"The campaign \"{campaign.Name}\" has already ended; start a new one.");
            }

            var changed = change is null ? campaign.End(today) : change(campaign);
            return (data.WithDiary(data.Diary.UpdateCampaign(changed)), $"{verb} \"{campaign.Name}\".");
        });

    private static int List(App app, Invocation invocation)
    {
        var session = app.Open(invocation);
        var today = session.Today;
        var plan = DiaryPlanner.Level(session.Data, today);
        if (invocation.Has("json"))
        {
            app.Out.Write(JsonOutput.Document("campaigns", session, new
            {
                campaigns = plan.Campaigns.Select(c => new
                {
                    name = c.Name,
                    group = c.Campaign.DescribeGroup(),
                    start = c.Campaign.Start,
                    by = c.By,
                    status = c.Campaign.Status.ToString().ToLowerInvariant(),
                    prefers = c.Campaign.Channels.Select(ChannelExtensions.ToWord),
                    members = c.Members,
                    done = c.Done,
                    left = c.Left.Select(id => new { relationship = id, due = plan.TryGet(id, out var t) ? t.Due : (LocalDate?)null }),
                    cannotFit = c.CannotFit,
                }),
            }));
            return ExitCodes.Ok;
        }

        var terminal = app.Terminal;
        terminal.Line($"Reconnect campaigns ({session.Source})", Style.Bold);
        if (plan.Campaigns.Count == 0)
        {
            terminal.Line("None yet. Start one with `campaign add \"past associates\" --tier \"past associate\" --by 2026-12-31 --prefers call,note`.");
            return ExitCodes.Ok;
        }

        var table = new Table("NAME", "GROUP", "BY", "DONE", "STATUS", "NEXT");
        foreach (var c in plan.Campaigns)
        {
            string status = c.Campaign.Status switch
            {
                CampaignStatus.Ended => $"ended {Text.Day(c.Campaign.EndedOn!.Value, today)}",
                CampaignStatus.Paused => "paused",
                _ when c.IsComplete => "complete",
                _ when c.By < today => "period over",
                _ when c.CannotFit.Count > 0 => $"{c.CannotFit.Count} cannot fit",
                _ => "running",
            };
            var next = c.Campaign.Status == CampaignStatus.Active
                ? c.Left.Select(id => plan.TryGet(id, out var t) ? t : null).Where(t => t is not null).OrderBy(t => t!.Due).FirstOrDefault()
                : null;
            table.Add(
                new Cell(c.Name, Style.Cyan),
                c.Campaign.DescribeGroup(),
                Text.Day(c.By, today),
                $"{c.Done} of {c.Members}",
                status,
                next is null ? string.Empty : $"{next.Title}, {Text.Day(next.Due, today)}");
        }

        table.Write(terminal);
        return ExitCodes.Ok;
    }
}
