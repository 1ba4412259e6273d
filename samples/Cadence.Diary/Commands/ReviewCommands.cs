using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cadence.Explanations;
using Cadence.Planning;
using Cadence.Sample.Cli;
using Cadence.Sample.Output;
using NodaTime;

namespace Cadence.Sample.Commands;

/// <summary>
/// <c>review</c>, <c>suggestions</c> and <c>accept</c>: the week looked back on, the changes the plan suggests, and
/// accepting one (docs/design.md, "A rhythm that learns"). The library decides and words them; this reads and prints.
/// </summary>
internal static class ReviewCommands
{
    public static int Review(App app, Invocation invocation)
    {
        var session = app.Open(invocation);
        var week = invocation.Get("week") is { } w ? Text.ParseDate(w, "--week") : session.Today;
        var review = new Scheduler(session.Data.SchedulerOptions).Review(session.Data.Diary, week, session.Today);
        var diary = session.Data.Diary;

        if (invocation.Has("json"))
        {
            app.Out.Write(JsonOutput.Document("review", session, ReviewJson.Review(review, diary)));
            return ExitCodes.Ok;
        }

        var t = app.Terminal;
        var today = session.Today;
        string asOf = review.AsOf == review.Sunday ? string.Empty : $", as of {English.Day(review.AsOf)}";
        t.Line($"Week of {English.Day(review.Monday)} to {English.Day(review.Sunday)}{asOf} ({session.Data.Owner.TimeZone.Id}), from {session.Source}", Style.Bold);
        if (session.IsDemo)
        {
            t.Line($"This is the built-in demo diary (read-only); run `{CommandLine.Program} init` to start your own.", Style.Dim);
        }

        t.Line();
        t.Line($"Done: {Count(review.Done.Count, "touch", "touches")}, {Count(review.StepsClosed.Count, "step", "steps")} closed", Style.Bold);
        if (review.Done.Count > 0)
        {
            var table = new Table("DAY", "ID", "TOUCH", "NOTE");
            foreach (var touch in review.Done)
            {
                table.Add(Text.Day(touch.Date, touch.Time, today), new Cell(touch.RelationshipId, Style.Cyan), $"{EditCommands.Describe(touch)} with {NameOf(diary, touch.RelationshipId)}", touch.Summary ?? string.Empty);
            }

            table.Write(t);
        }

        WriteSteps(t, "closed", review.StepsClosed, diary, today);
        t.Line();

        t.Line($"Slipped: {review.Slipped.Count} overdue, {review.Dropped.Count} dropped", Style.Bold);
        if (review.Slipped.Count > 0)
        {
            var table = new Table("DUE", "ID", "TOUCH", "LATE", "WHY");
            foreach (var touch in review.Slipped)
            {
                table.Add(
                    Text.Day(touch.Due.PlusDays(-touch.DaysOverdue), today),
                    new Cell(touch.RelationshipId, Style.Cyan),
                    touch.Title,
                    new Cell(touch.DaysOverdue.ToString(CultureInfo.InvariantCulture) + "d", Style.Red),
                    touch.Why);
            }

            table.Write(t);
        }

        WriteSteps(t, "dropped", review.Dropped, diary, today);
        t.Line();

        t.Line($"Fading: {review.Fading.Count}", Style.Bold);
        if (review.Fading.Count > 0)
        {
            var table = new Table("ID", "NAME", "HEALTH");
            foreach (var fading in review.Fading)
            {
                table.Add(new Cell(fading.Relationship.Id, Style.Cyan), fading.Relationship.Name, new Cell(fading.Health.ToString(), fading.Health.Level == HealthLevel.Dormant ? Style.Red : Style.Yellow));
            }

            table.Write(t);
        }

        t.Line();
        WriteSuggestions(t, review.Suggestions);

        var campaigns = review.Campaigns.Where(c => c.Campaign.Status != CampaignStatus.Ended).ToList();
        if (campaigns.Count > 0)
        {
            t.Line();
            t.Line("Campaigns", Style.Bold);
            foreach (var c in campaigns)
            {
                string left = c.IsComplete ? "all done" : $"{c.Left.Count} left" + (c.CannotFit.Count > 0 ? $", {c.CannotFit.Count} of them past the budget" : string.Empty);
                string paused = c.Campaign.Status == CampaignStatus.Paused ? " (paused)" : string.Empty;
                t.Line($"  \"{c.Name}\"{paused}: {c.Done} of {c.Members} done by {Text.Day(c.By, today)}; {left}.");
            }
        }

        return ExitCodes.Ok;
    }

    public static int Suggestions(App app, Invocation invocation)
    {
        var session = app.Open(invocation);
        var suggestions = new Scheduler(session.Data.SchedulerOptions).Suggest(session.Data.Diary, session.Today);
        if (invocation.Has("json"))
        {
            app.Out.Write(JsonOutput.Document("suggestions", session, new { suggestions = suggestions.Select(s => ReviewJson.Suggestion(s, session.Data.Diary)) }));
            return ExitCodes.Ok;
        }

        var t = app.Terminal;
        t.Line($"Suggestions as of {English.Day(session.Today)}, from {session.Source}", Style.Bold);
        t.Line();
        WriteSuggestions(t, suggestions);
        return ExitCodes.Ok;
    }

    public static int Accept(App app, Invocation invocation)
    {
        string id = invocation.Positionals[0].Trim();
        return app.Change(invocation, (data, today) =>
        {
            var suggestions = new Scheduler(data.SchedulerOptions).Suggest(data.Diary, today);
            var suggestion = suggestions.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase))
                ?? throw new UserException(
                    $"No suggestion has the id \"{Text.Printable(id)}\" today{Cli.Suggestions.For(id, suggestions.Select(s => s.Id))}; nothing was changed; `{CommandLine.Program} suggestions` lists them.");
            var before = data.Diary[suggestion.RelationshipId];
            string who = $"{before.Name} ({before.Id})";
            string message = suggestion.Kind switch
            {
                SuggestionKind.LoosenRule => $"Loosened the rule of {who}: {suggestion.Rule}.",
                SuggestionKind.TryChannel => $"{who} now prefers {English.WithArticle(suggestion.Channel!.Value)} first.",
                _ => $"Archived {who}: no longer scheduled.",
            };
            return (data.WithDiary(suggestion.Apply(data.Diary)), message);
        });
    }

    /// <summary>The suggestions: id, who and the sentence; then how to accept one.</summary>
    private static void WriteSuggestions(Terminal t, IReadOnlyList<Suggestion> suggestions)
    {
        t.Line($"Suggestions: {suggestions.Count}", Style.Bold);
        if (suggestions.Count == 0)
        {
            t.Line("None: nothing keeps slipping or going unanswered.", Style.Dim);
            return;
        }

        var table = new Table("ID", "ACCEPT WITH", "WHY");
        foreach (var suggestion in suggestions)
        {
            table.Add(new Cell(suggestion.Id, Style.Cyan), AcceptCommand(suggestion), suggestion.Why);
        }

        table.Write(t);
    }

    /// <summary>"Cadence.Diary accept loosen/zoe".</summary>
    public static string AcceptCommand(Suggestion suggestion) => $"{CommandLine.Program} accept {suggestion.Id}";

    /// <summary>The commitments closed or dropped in the week, one line each.</summary>
    private static void WriteSteps(Terminal t, string how, IReadOnlyList<Commitment> steps, Diary diary, LocalDate today)
    {
        foreach (var step in steps)
        {
            t.Line($"  Step {how} {Text.Day(step.ClosedOn!.Value, today)}: {step.Purpose} ({NameOf(diary, step.RelationshipId)}, {step.Id}).", how == "closed" ? Style.Green : Style.Dim);
        }
    }

    private static string NameOf(Diary diary, string id) => diary.TryGet(id, out var r) ? r.Name : id;

    private static string Count(int n, string one, string many) => $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";
}
