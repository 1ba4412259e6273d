using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cadence.Sample.Cli;
using Cadence.Sample.Output;
using Cadence.Sample.Store;

namespace Cadence.Sample.Commands;

/// <summary>
/// <c>ladder add|default|list|remove</c>: the data file's named follow-up ladders (<see cref="DiaryData.Ladders"/>) from the
/// command line. Steps are read by the library's <see cref="FollowUpLadder.Parse"/> (through <see cref="Text.ParseLadder"/>,
/// so a bad step is one line naming it); <c>log --follow-up NAME</c> reads the same ladders.
/// </summary>
internal static class LadderCommands
{
    /// <summary>The longest ladder name: a name is typed after <c>--follow-up</c> and shown in a table column.</summary>
    private const int MaxName = 100;

    public static int Ladder(App app, Invocation invocation)
    {
        string action = invocation.Positionals[0].Trim().ToLowerInvariant();
        var args = invocation.Positionals.Skip(1).ToList();
        string Usage(string what) => $"ladder {action} takes {what}; run `{CommandLine.Program} ladder --help`.";
        if (action != "add" && invocation.Has("replace"))
        {
            throw new UsageException("--replace is for ladder add.");
        }

        if (action != "list" && invocation.Has("json"))
        {
            throw new UsageException("--json is for ladder list.");
        }

        return action switch
        {
            "list" => args.Count == 0 ? List(app, invocation) : throw new UsageException(Usage("no arguments")),
            "add" => args.Count == 2 ? Add(app, invocation, args[0], args[1]) : throw new UsageException(Usage("NAME STEPS, e.g. ladder add chase 3wd:note,5wd:call")),
            "default" => args.Count == 2 ? Default(app, invocation, args[0], args[1]) : throw new UsageException(Usage("TIER NAME (or TIER none)")),
            "remove" => args.Count == 1 ? Remove(app, invocation, args[0]) : throw new UsageException(Usage("NAME")),
            _ => throw new UsageException($"ladder \"{Text.Printable(action)}\" is not add, default, list or remove; run `{CommandLine.Program} ladder --help`."),
        };
    }

    /// <summary><c>ladder add NAME STEPS [--replace]</c>: a new named ladder; one of that name only with <c>--replace</c> (its tiers stay).</summary>
    private static int Add(App app, Invocation invocation, string rawName, string steps)
    {
        string name = CheckName(rawName);
        var ladder = Text.ParseLadder(name, steps, "ladder add");
        return app.Change(invocation, (data, _) =>
        {
            if (data.Ladders.TryGetValue(name, out var old))
            {
                string existing = data.Ladders.Keys.First(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
                if (!invocation.Has("replace"))
                {
                    throw new UserException($"A ladder is already named \"{Text.Printable(existing)}\" ({old.Ladder.FormatSteps()}); add --replace to replace its steps, or choose another name; nothing was changed.");
                }

                if (old.Ladder.FormatSteps() == ladder.FormatSteps())
                {
                    return ((DiaryData?)null, $"The ladder \"{existing}\" already has the steps {ladder.FormatSteps()}; nothing changed.");
                }

                // The name as first given stays the key, so the tiers that follow it up keep it.
                var replaced = new NamedLadder(Text.ParseLadder(existing, steps, "ladder add"), old.Tiers);
                return (data with { Ladders = data.Ladders.SetItem(existing, replaced) },
                    $"Replaced the ladder \"{existing}\": {replaced.Ladder.FormatSteps()} (was {old.Ladder.FormatSteps()}){Tiers(old.Tiers)}. Touches logged with it before keep their steps.");
            }

            return (data with { Ladders = data.Ladders.Add(name, new NamedLadder(ladder, [])) },
                $"Added the ladder \"{name}\": {ladder.FormatSteps()}. Use it with `log ID --channel C --follow-up \"{name}\"`, or as a tier's default with `ladder default TIER \"{name}\"`.");
        });
    }

    /// <summary><c>ladder default TIER NAME|none</c>: the ladder that follows up the tier's outbound touches when <c>log</c> is given no <c>--follow-up</c>.</summary>
    private static int Default(App app, Invocation invocation, string rawTier, string rawName)
    {
        string tier = rawTier.Trim();
        _ = Text.Naming(() => CadenceRules.Default.WithLadder(tier, null), ("tier", "ladder default TIER"));
        string name = rawName.Trim();
        bool none = name.Equals("none", StringComparison.OrdinalIgnoreCase);
        return app.Change(invocation, (data, _) =>
        {
            var current = data.Ladders.FirstOrDefault(p => p.Value.Tiers.Contains(tier, StringComparer.OrdinalIgnoreCase));
            string? newKey = null;
            if (!none)
            {
                newKey = data.Ladders.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                    ?? throw new UserException($"No follow-up ladder is named \"{Text.Printable(name)}\" ({Known(data)}); add it with `ladder add NAME STEPS`; nothing was changed.");
            }

            if (string.Equals(current.Key, newKey, StringComparison.Ordinal))
            {
                return ((DiaryData?)null, newKey is null
                    ? $"The tier \"{tier}\" has no default ladder; nothing changed."
                    : $"The tier \"{tier}\" already follows up with \"{newKey}\"; nothing changed.");
            }

            var ladders = data.Ladders;
            if (current.Key is not null)
            {
                ladders = ladders.SetItem(current.Key, current.Value with { Tiers = current.Value.Tiers.RemoveAll(t => string.Equals(t, tier, StringComparison.OrdinalIgnoreCase)) });
            }

            if (newKey is not null)
            {
                ladders = ladders.SetItem(newKey, ladders[newKey] with { Tiers = ladders[newKey].Tiers.Add(tier) });
            }

            string was = current.Key is null ? string.Empty : $" (was \"{current.Key}\")";
            string nobody = data.Diary.Relationships.Any(r => string.Equals(r.Tier, tier, StringComparison.OrdinalIgnoreCase))
                ? string.Empty
                : $" No relationship is in the tier \"{tier}\" yet.";
            return (data with { Ladders = ladders }, newKey is null
                ? $"The tier \"{tier}\" has no default ladder now{was}: log follows up its touches only with --follow-up.{nobody}"
                : $"The tier \"{tier}\" now follows up with \"{newKey}\" ({ladders[newKey].Ladder.FormatSteps()}){was} when log is given no --follow-up.{nobody}");
        });
    }

    /// <summary>
    /// <c>ladder remove NAME</c>: refused, naming them, while a tier has it as its default (change that first) or a touch
    /// in the diary follows it (its name stays in that touch's follow-up, and a new ladder of that name would read as
    /// the same one).
    /// </summary>
    private static int Remove(App app, Invocation invocation, string rawName)
    {
        string name = rawName.Trim();
        return app.Change(invocation, (data, _) =>
        {
            string key = data.Ladders.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new UserException($"No follow-up ladder is named \"{Text.Printable(name)}\" ({Known(data)}); nothing was changed.");
            var named = data.Ladders[key];
            if (named.Tiers.Length > 0)
            {
                throw new UserException($"The ladder \"{key}\" is the default of the tier{(named.Tiers.Length > 1 ? "s" : string.Empty)} {string.Join(", ", named.Tiers.Select(t => $"\"{t}\""))}; `ladder default TIER none` (or another ladder) first; nothing was changed.");
            }

            var following = data.Diary.Touches
                .Where(t => t.FollowUp is { IsNone: false } ladder && string.Equals(ladder.Name, key, StringComparison.OrdinalIgnoreCase))
                .Select(t => t.Id ?? t.RelationshipId)
                .ToList();
            if (following.Count > 0)
            {
                string which = following.Count <= 3 ? string.Join(", ", following) : $"{string.Join(", ", following.Take(3))} and {following.Count - 3} more";
                throw new UserException($"The ladder \"{key}\" is followed by {following.Count} touch{(following.Count > 1 ? "es" : string.Empty)} ({which}); it stays, so they keep naming a ladder of the file; nothing was changed.");
            }

            return (data with { Ladders = data.Ladders.Remove(key) }, $"Removed the ladder \"{key}\" ({named.Ladder.FormatSteps()}).");
        });
    }

    /// <summary><c>ladder list [--json]</c>: every ladder with its steps and the tiers it is the default of.</summary>
    private static int List(App app, Invocation invocation)
    {
        if (!invocation.Has("json"))
        {
            return NextStepCommands.Ladders(app, invocation);
        }

        var session = app.Open(invocation);
        app.Out.Write(JsonOutput.Document("ladder list", session, new
        {
            ladders = session.Data.Ladders.Select(p => new
            {
                name = p.Key,
                steps = p.Value.Ladder.FormatSteps(),
                tiers = p.Value.Tiers,
            }),
        }));
        return ExitCodes.Ok;
    }

    /// <summary>A ladder's name: one line, not "none" (log's word for no ladder), no ':' (steps have one), at most <see cref="MaxName"/> characters.</summary>
    private static string CheckName(string raw)
    {
        string name = raw.Trim();
        string? problem = name.Length == 0 ? "is blank"
            : name.Any(char.IsControl) ? "contains a control character; give one line of text"
            : name.Equals("none", StringComparison.OrdinalIgnoreCase) ? "means no ladder to log --follow-up; choose another name"
            : name.Contains(':', StringComparison.Ordinal) ? "has a ':', which reads as steps; choose a name without one"
            : name.Length > MaxName ? $"is {name.Length} characters long; at most {MaxName} are allowed"
            : null;
        return problem is null ? name : throw new UserException($"The ladder name \"{Text.Printable(name.Length > 40 ? name[..40] + "…" : name)}\" {problem}; nothing was changed.");
    }

    private static string Known(DiaryData data) =>
        data.Ladders.Count == 0 ? "the data file has none" : "named ones: " + string.Join(", ", data.Ladders.Keys);

    private static string Tiers(ImmutableArray<string> tiers) =>
        tiers.Length == 0 ? string.Empty : $"; still the default of {string.Join(", ", tiers.Select(t => $"\"{t}\""))}";
}
