using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cadence.Sample.Cli;
using Cadence.Sample.Store;

namespace Cadence.Sample.Commands;

/// <summary>
/// <c>merge FROM INTO</c> and <c>remove ID</c>: one person, one entry. Each is one library call (<see cref="Diary.Merge"/>,
/// <see cref="Diary.Remove"/>) and says what moved or what went.
/// </summary>
internal static class MergeCommands
{
    public static int Merge(App app, Invocation invocation)
    {
        if (invocation.Positionals.Count != 2)
        {
            throw new UsageException($"merge takes two ids, FROM and INTO (FROM goes into INTO), not {invocation.Positionals.Count.ToString(CultureInfo.InvariantCulture)}; run `{CommandLine.Program} merge --help`.");
        }

        string fromId = invocation.Positionals[0].Trim();
        string intoId = invocation.Positionals[1].Trim();
        if (invocation.Has("dry-run"))
        {
            var session = app.Open(invocation);
            app.Say(Merged(session.Data, fromId, intoId).Message + "\nNothing written (--dry-run).");
            return ExitCodes.Ok;
        }

        return app.Change(invocation, (data, today) =>
        {
            var (diary, into, message) = Merged(data, fromId, intoId);
            return EditCommands.Changed(data, diary, into, today, message);
        });
    }

    public static int Remove(App app, Invocation invocation)
    {
        string id = invocation.Positionals[0].Trim();
        if (!invocation.Has("yes"))
        {
            // Nothing is written: say what it would remove, and how to confirm.
            var session = app.Open(invocation);
            var (_, what) = Removed(session.Data, id);
            throw new UserException($"remove would delete {what}; add --yes to remove it for good (or archive {id} to keep its history).");
        }

        return app.Change(invocation, (data, today) =>
        {
            var (diary, what) = Removed(data, id);
            return (data.WithDiary(diary), $"Removed {what}.");
        });
    }

    /// <summary>The diary with FROM merged into INTO, INTO's id, and what moved, in words.</summary>
    private static (Diary Diary, string Into, string Message) Merged(DiaryData data, string fromId, string intoId)
    {
        var before = data.Diary;
        var from = EditCommands.Find(data, fromId);
        var into = EditCommands.Find(data, intoId);
        if (from.Id == into.Id)
        {
            throw new UserException(fromId == intoId
                ? $"Cannot merge {Text.Printable(fromId)} into itself; name two relationships."
                : $"{Text.Printable(fromId)} and {Text.Printable(intoId)} are the same relationship ({into.Id}); name two relationships.");
        }

        var diary = before.Merge(from.Id, into.Id);
        var after = diary[into.Id];
        var moved = new List<string>();
        void Count(int n, string one, string many)
        {
            if (n > 0)
            {
                moved.Add($"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}");
            }
        }

        Count(before.TouchesOf(from.Id).Count, "touch", "touches");
        Count(before.CommitmentsOf(from.Id).Count, "next step", "next steps");
        Count(before.MoveOf(from.Id) is { } move && diary.MoveOf(into.Id) == move with { RelationshipId = into.Id } ? 1 : 0, "move", "moves");
        Count(after.ImportantDates.Count - into.ImportantDates.Count, "date", "dates");
        Count(after.Emails.Count - into.Emails.Count, "e-mail", "e-mails");
        Count(after.Phones.Count - into.Phones.Count, "phone number", "phone numbers");
        Count(after.Tags.Count - into.Tags.Count, "tag", "tags");
        Count(before.Campaigns.Count(c => c.Members.Contains(from.Id)), "campaign", "campaigns");
        string what = moved.Count == 0 ? "nothing but its name" : string.Join(", ", moved);
        var aliases = after.Aliases.Except(into.Aliases).ToList();
        string alias = aliases.Count == 1 ? $"{aliases[0]} is now an alias" : $"{string.Join(", ", aliases)} are now aliases";
        return (diary, into.Id, $"Merged {from.Id} into {into.Id}: {what}; {alias}.");
    }

    /// <summary>The diary without a relationship, and what goes with it in words ("maria-rossi-2 (Maria Rossi): 2 touches, …").</summary>
    private static (Diary Diary, string What) Removed(DiaryData data, string id)
    {
        var diary = data.Diary;
        var relationship = EditCommands.Find(data, id);
        if (relationship.Id != id)
        {
            throw new UserException($"{Text.Printable(id)} is an alias of {relationship.Id} (merged into it); remove {relationship.Id} to remove it and everything of it.");
        }

        var parts = new List<string>();
        void Count(int n, string one, string many)
        {
            if (n > 0)
            {
                parts.Add($"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}");
            }
        }

        Count(diary.TouchesOf(id).Count, "touch", "touches");
        Count(diary.CommitmentsOf(id).Count, "next step", "next steps");
        Count(diary.MoveOf(id) is null ? 0 : 1, "move", "moves");
        Count(diary.Campaigns.Count(c => c.Members.Contains(id)), "campaign membership", "campaign memberships");
        Count(relationship.Aliases.Count, "alias", "aliases");
        string what = $"{id} ({relationship.Name})" + (parts.Count == 0 ? string.Empty : ": " + string.Join(", ", parts));
        return (diary.Remove(id), what);
    }
}
