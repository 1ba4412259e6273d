using System;
using System.Linq;
using Cadence.Sample.Cli;
using Cadence.Sample.Store;

namespace Cadence.Sample.Commands;

/// <summary>
/// <c>learn [TIER] [--off]</c>: the tiers whose relationships learn their own rhythm (the data file's <c>learning</c>,
/// <see cref="DiaryData.LearningTiers"/>, passed to the library's <see cref="CadenceRules.WithLearning"/>), as
/// <c>ladder default</c> sets a tier's ladder. A relationship's own pacing is <c>edit ID --pacing</c>.
/// </summary>
internal static class LearnCommands
{
    public static int Learn(App app, Invocation invocation)
    {
        if (invocation.Positionals.Count == 0)
        {
            return invocation.Has("off")
                ? throw new UsageException($"learn --off takes the TIER to stop learning; run `{CommandLine.Program} learn --help`.")
                : List(app, invocation);
        }

        string tier = invocation.Positionals[0].Trim();
        _ = Text.Naming(() => CadenceRules.Default.WithLearning(tier), ("tier", "learn TIER"));
        bool learns = !invocation.Has("off");
        return app.Change(invocation, (data, _) =>
        {
            bool learnsNow = data.LearningTiers.TryGetValue(tier, out string? stored);
            if (learnsNow == learns)
            {
                return ((DiaryData?)null, learns
                    ? $"The tier \"{stored}\" already learns; nothing changed."
                    : $"The tier \"{tier}\" does not learn; nothing changed.");
            }

            var members = data.Diary.Relationships.Where(r => string.Equals(r.Tier, tier, StringComparison.OrdinalIgnoreCase)).ToList();
            var own = members.Where(r => r.Pacing != Pacing.ByTier).Select(r => $"{r.Id} ({(r.Pacing == Pacing.Learn ? "learns" : "pinned")})").ToList();
            string nobody = members.Count == 0 ? $" No relationship is in the tier \"{tier}\" yet." : string.Empty;
            string exceptions = own.Count > 0 ? $" Their own pacing stays: {string.Join(", ", own)}." : string.Empty;
            return learns
                ? (data with { LearningTiers = data.LearningTiers.Add(tier) },
                    $"The tier \"{tier}\" now learns: from 4 exchanges on, each relationship's target moves toward its own rhythm inside the rule, and unanswered attempts space the next one out; each moved day says why.{exceptions}{nobody}")
                : (data with { LearningTiers = data.LearningTiers.Remove(tier) },
                    $"The tier \"{stored}\" no longer learns: its relationships keep exactly their rule.{exceptions}{nobody}");
        });
    }

    /// <summary><c>learn</c>: the tiers that learn, and the relationships whose own pacing says otherwise.</summary>
    private static int List(App app, Invocation invocation)
    {
        var session = app.Open(invocation);
        var data = session.Data;
        var t = app.Terminal;
        t.Line(data.LearningTiers.Count == 0
            ? $"No tier learns: every relationship keeps exactly its rule. `{CommandLine.Program} learn TIER` makes one learn."
            : $"Tiers that learn: {string.Join(", ", data.LearningTiers)}.");
        var own = data.Diary.Relationships.Where(r => r.Pacing != Pacing.ByTier).ToList();
        foreach (var (pacing, word) in new[] { (Pacing.Learn, "Learn whatever their tier says"), (Pacing.Pinned, "Pinned to their rule") })
        {
            var ids = own.Where(r => r.Pacing == pacing).Select(r => r.Id).ToList();
            if (ids.Count > 0)
            {
                t.Line($"{word}: {string.Join(", ", ids)}.");
            }
        }

        return ExitCodes.Ok;
    }
}
