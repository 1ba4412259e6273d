using System;
using System.Linq;
using System.Text;
using Cadence.Explanations;
using Cadence.Sample.Cli;
using Cadence.Sample.Output;
using Cadence.Sample.Store;
using Cadence.Planning;
using NodaTime;

namespace Cadence.Sample.Commands;

/// <summary><c>done</c>, <c>drop</c>, <c>reopen</c> and <c>ladders</c>: the next steps' lifecycle, on the library's rules.</summary>
internal static class NextStepCommands
{
    public static int Done(App app, Invocation invocation) => Close(app, invocation, done: true);

    public static int Drop(App app, Invocation invocation) => Close(app, invocation, done: false);

    public static int Reopen(App app, Invocation invocation) => app.Change(invocation, (data, today) =>
    {
        var commitment = FindCommitment(data, invocation.Positionals[0].Trim());
        if (commitment.IsOpen)
        {
            throw new UserException($"{commitment.Id} (\"{Text.Printable(commitment.Purpose)}\") is already open; only a done or dropped step can be reopened.");
        }

        return EditCommands.Changed(data, data.Diary.ReopenCommitment(commitment.Id), commitment.RelationshipId, today,
            $"Reopened {commitment.Id}: {commitment.Purpose}, due {English.Day(commitment.Date)}.");
    });

    public static int Ladders(App app, Invocation invocation)
    {
        var session = app.Open(invocation);
        var t = app.Terminal;
        t.Line($"Follow-up ladders ({session.Source})", Style.Bold);
        if (session.Data.Ladders.Count == 0)
        {
            t.Line("None named yet: `ladder add NAME 3wd:note,5wd:call` names one, or give steps to log --follow-up, e.g. 3wd:note,5wd:call.");
            return ExitCodes.Ok;
        }

        var table = new Table("NAME", "STEPS", "DEFAULT FOR");
        foreach (var (name, named) in session.Data.Ladders)
        {
            table.Add(new Cell(name, Style.Cyan), named.Ladder.FormatSteps(), named.Tiers.Length == 0 ? "-" : string.Join(", ", named.Tiers));
        }

        table.Write(t);
        t.Line();
        t.Line("Steps: days to wait (wd working days, d calendar days) and the channel; a reply stops the ladder.", Style.Dim);
        return ExitCodes.Ok;
    }

    /// <summary>Marks a step done or dropped: a commitment id, or a relationship id for its open next step.</summary>
    private static int Close(App app, Invocation invocation, bool done)
    {
        string id = invocation.Positionals[0].Trim();
        LocalDate? on = invocation.Get("on") is { } o ? Text.ParseDate(o, "--on") : null;
        return app.Change(invocation, (data, today) =>
        {
            var day = on ?? today;
            if (day > today)
            {
                throw new UserException($"--on {Text.Format(day)} is after today ({Text.Format(today)}); say a step is {(done ? "done" : "dropped")} once it is.");
            }

            var commitment = FindCommitment(data, id);
            if (!commitment.IsOpen)
            {
                string how = data.Diary.WhyClosed(commitment.Id) is { } why ? why.ToString() : commitment.Status.ToString();
                throw new UserException($"{commitment.Id} is not open ({Text.Printable(how)}); `{CommandLine.Program} reopen {commitment.Id}` opens it again.");
            }

            var diary = done ? data.Diary.CompleteCommitment(commitment.Id, day) : data.Diary.DropCommitment(commitment.Id, day);
            return EditCommands.Changed(data, diary, commitment.RelationshipId, today,
                $"{(done ? "Done" : "Dropped")}: {commitment.Purpose} ({commitment.Id}), on {English.Day(day)}.");
        });
    }

    /// <summary>
    /// A commitment by its id, or a relationship's open next step by the relationship's id (the commitment that pins
    /// its next touch).
    /// </summary>
    private static Commitment FindCommitment(DiaryData data, string id)
    {
        if (data.Diary.Commitments.FirstOrDefault(c => c.Id == id) is { } commitment)
        {
            return commitment;
        }

        if (data.Diary.TryResolve(id, out var relationship))
        {
            return data.Diary.PinningCommitmentOf(relationship.Id)
                ?? throw new UserException($"{relationship.Name} ({relationship.Id}) has no open next step; `{CommandLine.Program} promise {relationship.Id}` makes one.");
        }

        var ids = data.Diary.Commitments.Select(c => c.Id).Concat(data.Diary.Relationships.Select(r => r.Id));
        throw new UserException($"No commitment or relationship has the id \"{Text.Printable(id)}\"{Suggestions.For(id, ids)}.");
    }
}
