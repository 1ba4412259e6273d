using System.Linq;
using Cadence.Planning;
using Cadence.Sample.Commands;

namespace Cadence.Sample.Output;

/// <summary>The <c>--json</c> shapes of <c>review</c> and <c>suggestions</c> (docs/json-output.md).</summary>
internal static class ReviewJson
{
    /// <summary>A week in review.</summary>
    public static object Review(WeeklyReview review, Diary diary) => new
    {
        week = new { monday = review.Monday, sunday = review.Sunday, asOf = review.AsOf },
        done = review.Done.Select(t => new
        {
            id = t.Id,
            relationship = t.RelationshipId,
            date = t.Date,
            time = t.Time is { } time ? Cli.Text.Format(time) : null,
            channel = t.Channel,
            direction = t.Direction,
            outcome = t.Outcome,
            medium = t.Medium,
            summary = t.Summary,
        }),
        stepsClosed = review.StepsClosed.Select(Step),
        dropped = review.Dropped.Select(Step),
        slipped = review.Slipped.Select(JsonOutput.Touch),
        fading = review.Fading.Select(f => new { id = f.Relationship.Id, name = f.Relationship.Name, health = JsonOutput.Health(f.Health) }),
        suggestions = review.Suggestions.Select(s => Suggestion(s, diary)),
        campaigns = review.Campaigns.Select(c => new
        {
            name = c.Name,
            status = c.Campaign.Status,
            by = c.By,
            members = c.Members,
            done = c.Done,
            left = c.Left,
            cannotFit = c.CannotFit,
        }),
    };

    /// <summary>A suggestion: what, for whom, the facts, the sentence and the command that accepts it.</summary>
    public static object Suggestion(Suggestion s, Diary diary) => new
    {
        id = s.Id,
        relationship = s.RelationshipId,
        name = diary.TryGet(s.RelationshipId, out var r) ? r.Name : null,
        kind = s.Kind,
        rule = s.Rule is { } rule ? new { minGap = rule.MinGap, target = rule.Target, maxGap = rule.MaxGap } : null,
        currentRule = s.CurrentRule is { } current ? new { minGap = current.MinGap, target = current.Target, maxGap = current.MaxGap } : null,
        channel = s.Channel,
        gapDays = s.GapDays,
        movedFrom = s.MovedFrom,
        movedTo = s.MovedTo,
        unanswered = s.Unanswered,
        triedChannel = s.TriedChannel,
        firstUnanswered = s.FirstUnanswered,
        lastReply = s.LastReply,
        lastReplyChannel = s.LastReplyChannel,
        quietDays = s.Kind == SuggestionKind.Archive ? s.QuietDays : (int?)null,
        why = s.Why,
        accept = ReviewCommands.AcceptCommand(s),
    };

    private static object Step(Commitment c) => new
    {
        id = c.Id,
        relationship = c.RelationshipId,
        what = c.Purpose,
        due = c.Date,
        closedOn = c.ClosedOn,
        closedBy = c.ClosedBy,
    };
}
