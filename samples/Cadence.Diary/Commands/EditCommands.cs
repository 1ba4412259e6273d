using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Cadence.Explanations;
using Cadence.Sample.Cli;
using Cadence.Sample.Demo;
using Cadence.Sample.Output;
using Cadence.Sample.Store;
using Cadence.Levelling;
using Cadence.Planning;
using NodaTime;

namespace Cadence.Sample.Commands;

/// <summary>The commands that change the diary. Each checks everything before it writes, and writes atomically.</summary>
internal static class EditCommands
{
    public static int Init(App app, Invocation invocation)
    {
        string path = invocation.Get("data") ?? App.DefaultDataFile;
        var store = app.Store(path);
        if (store.Exists)
        {
            throw new UserException($"{path} already exists; remove it first or choose another file with --data.");
        }

        var today = app.TodayFor(invocation, new DiaryData(Diary.Empty));
        var data = invocation.Has("empty") ? new DiaryData(Diary.Empty) : DemoDiary.Create(today);
        data = data with { Feed = new FeedSettings { Token = Secrets.NewToken(), UidKey = [.. Secrets.NewUidKey()] } };
        store.Create(data);
        app.Out.Write(invocation.Has("empty")
            ? $"Wrote an empty diary to {path}.\n"
            : $"Wrote the demo diary ({data.Diary.Relationships.Count} relationships, dated from {Text.Format(today)}) to {path}; it is yours to change.\n");
        return ExitCodes.Ok;
    }

    public static int Add(App app, Invocation invocation)
    {
        string name = string.Join(' ', invocation.Positionals).Trim();
        string tier = invocation.Get("tier")!;
        var zone = invocation.Get("zone") is { } z ? Text.ParseZone(z.Trim()) : null;
        var prefers = invocation.Get("prefers") is { } p ? Text.ParseChannels(p, "--prefers") : [];
        string? wantedId = invocation.Get("id");
        LocalDate? firstTouchBy = invocation.Get("first-touch-by") is { } f ? Text.ParseDate(f, "--first-touch-by") : null;

        string id = app.WriteStore(invocation).Update(data =>
        {
            if (wantedId is null && data.Diary.Relationships.FirstOrDefault(r => SameName(r.Name, name)) is { } namesake)
            {
                throw new UserException(
                    $"{Text.Printable(namesake.Name)} is already in the diary as {namesake.Id}; log against that id, or add with --id to keep a second person of that name.");
            }

            string id = wantedId is not null ? wantedId.Trim() : RelationshipIds.Unique(Slug(name), taken => data.Diary.TryResolve(taken, out _));
            if (data.Diary.TryResolve(id, out var existing))
            {
                string whose = existing.Id == id ? existing.Name : $"{existing.Name} ({existing.Id}, merged from it)";
                throw new UserException($"The id \"{Text.Printable(id)}\" is already used by {whose}; choose another with --id.");
            }

            var relationship = new Relationship(id, name, tier).WithTimeZone(zone).WithPreferredChannels(prefers)
                .WithEmails(invocation.All("email")).WithPhones(invocation.All("phone")).WithMetAt(invocation.Get("met-at"));
            relationship = Text.Naming(() => relationship.WithTags(invocation.All("tag").Select(t => t.Trim())), ("tags", "--tag"));
            var diary = data.Diary.Add(relationship);
            if (firstTouchBy is { } by)
            {
                // The first touch on that day, not the day it was added: said so in its reason.
                var today = app.TodayFor(invocation, data);
                if (by < today)
                {
                    throw new UserException($"--first-touch-by {Text.Format(by)} is before today ({Text.Format(today)}); give today or a later day.");
                }

                diary = diary.Move(new ManualMove(id, by, today) { FirstTouch = true });
            }

            return (data.WithDiary(diary), id);
        });
        app.Say(id);
        return ExitCodes.Ok;
    }

    public static int Log(App app, Invocation invocation)
    {
        string id = invocation.Positionals[0];
        var said = Text.ParseChannelWord(invocation.Get("channel")!, "--channel");
        LocalDate? on = invocation.Get("on") is { } o ? Text.ParseDate(o, "--on") : null;
        var direction = invocation.Has("inbound") ? Direction.Inbound : Direction.Outbound;
        var outcome = invocation.Has("no-reply") ? Outcome.NoReply : Outcome.Connected;
        string? followUp = invocation.Get("follow-up");
        if (followUp is not null && direction == Direction.Inbound)
        {
            throw new UserException("--follow-up follows up a touch of yours; an --inbound touch is their reply, and closes any follow-ups.");
        }

        return app.Change(invocation, (data, today) =>
        {
            var relationship = Find(data, id);
            if (relationship.State.Status == RelationshipStatus.Archived && !invocation.Has("archived"))
            {
                throw new UserException(ArchivedRefusal(data, relationship));
            }

            var date = on ?? today;
            if (date > today)
            {
                throw new UserException($"--on {Text.Format(date)} is after today ({Text.Format(today)}); log touches once they have happened.");
            }

            var touch = Text.Naming(
                    () => new Touch(relationship.Id, date, said.Channel, direction, outcome, invocation.Get("medium") ?? said.Medium, invocation.Get("note")),
                    ("summary", "--note"),
                    ("medium", "--medium"))
                .WithFollowUp(followUp is null ? null : Ladder(data, followUp));
            // The library's rules: the touch closes the open commitments it satisfies (unless --keep-open) and ends a
            // move by hand made on or before it.
            bool close = !invocation.Has("keep-open");
            var closed = close ? data.Diary.CommitmentsClosedBy(touch) : [];
            var diary = data.Diary.Log(touch, close);
            var logged = diary.TouchesOf(relationship.Id).Last(t => t.SameAs(touch));

            var text = new StringBuilder($"Logged {Describe(touch)} with {relationship.Name} on {English.Day(date)} ({logged.Id}).\n");
            foreach (var commitment in closed)
            {
                text.Append(diary.WhyClosed(commitment.Id) is { ByReply: true } reason
                    ? $"Closed: {Capitalized(reason.ToString())} ({commitment.Id}).\n"
                    : $"Done: {commitment.Purpose} ({commitment.Id}).\n");
            }

            if (relationship.State.Status == RelationshipStatus.Archived)
            {
                text.Append($"{relationship.Name} stays archived: not planned.\n");
            }

            return Changed(data, diary, relationship.Id, today, text.ToString());
        });
    }

    /// <summary>
    /// Why <c>log</c> refuses an archived relationship, in one line naming it and the active relationships of the same
    /// name (compared as <c>add</c> compares them), such as the duplicate an import made: the touch most likely
    /// belongs to one of them.
    /// </summary>
    private static string ArchivedRefusal(DiaryData data, Relationship archived)
    {
        var namesakes = data.Diary.Relationships
            .Where(r => r.Id != archived.Id && r.State.Status != RelationshipStatus.Archived && SameName(r.Name, archived.Name))
            .Select(r => $"{Text.Printable(r.Name)} ({r.Id})")
            .ToList();
        string name = $"{Text.Printable(archived.Name)} ({archived.Id})";
        return namesakes.Count == 0
            ? $"{name} is archived, so nothing was logged; `{CommandLine.Program} unarchive {archived.Id}` plans it again, or add --archived to log it anyway."
            : $"{name} is archived, so nothing was logged; the active {string.Join(" and ", namesakes)} has the same name: log against {(namesakes.Count == 1 ? "that id" : "one of those ids")}, or add --archived to log it for {archived.Id} anyway.";
    }

    /// <summary>
    /// The changed data, and <paramref name="message"/> with "Next: …": what comes next for the relationship, on the
    /// day the agenda will show it (the plan levelled on the owner's calendar, as <c>agenda</c> and <c>plan</c> level it,
    /// not the scheduler's day before levelling: a touch due on a Saturday is next on Monday).
    /// </summary>
    internal static (DiaryData, string) Changed(DiaryData data, Diary diary, string relationshipId, LocalDate today, string message)
    {
        var changed = data.WithDiary(diary);
        return (changed, DiaryPlanner.Level(changed, today).TryGet(relationshipId, out var next)
            ? $"{message.TrimEnd('\n')}\nNext: {NextStep(next)}"
            : message);
    }

    /// <summary>
    /// "Thu 5 Mar 2026, a note: first follow-up of 2 if no reply (ladder "3wd:note,5wd:call")", "Thu 5 Mar 2026, a
    /// call", or "Fri 13 Mar 2026 at 10:00, a call: …" for a timed promise.
    /// </summary>
    internal static string NextStep(PlannedTouch next)
    {
        string at = next.Time is { } time ? " at " + Text.Format(time) : string.Empty;
        string text = $"{English.Day(next.Due)}{at}, {English.WithArticle(next.Channel)}";
        if (next.Reasons.OfType<Cadence.Explanations.FollowUpReason>().FirstOrDefault() is { } step)
        {
            return text + $": {English.Ordinal(step.Step)} follow-up of {step.Steps.ToString(CultureInfo.InvariantCulture)} if no reply (ladder \"{step.Ladder}\").";
        }

        return next.Commitment is { } commitment ? text + $": {commitment.Purpose} ({commitment.Id})." : text + ".";
    }

    /// <summary>The ladder --follow-up names: "none", a named ladder of the data file, or steps such as 3wd:note,5wd:call.</summary>
    internal static FollowUpLadder Ladder(DiaryData data, string value)
    {
        string name = value.Trim();
        if (name.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return FollowUpLadder.None;
        }

        if (data.Ladders.TryGetValue(name, out var named))
        {
            return named.Ladder;
        }

        if (name.Contains(':', StringComparison.Ordinal))
        {
            // Named after its steps as the file writes them: "3wd:note,5wd:call" for "3wd:email,5wd:phone".
            var inline = Text.ParseLadder(name, name, "--follow-up");
            return new FollowUpLadder(inline.FormatSteps(), inline.Count, inline.Steps);
        }

        string known = data.Ladders.Count == 0 ? "the data file has none" : "named ones: " + string.Join(", ", data.Ladders.Keys);
        throw new UserException($"No follow-up ladder is named \"{Text.Printable(name)}\" ({known}); give one by name, steps such as 3wd:note,5wd:call, or none.");
    }

    public static int Promise(App app, Invocation invocation)
    {
        string id = invocation.Positionals[0];
        var on = Text.ParseDate(invocation.Get("on")!, "--on");
        string what = invocation.Get("what")!;
        Channel? channel = invocation.Get("channel") is { } c ? Text.ParseChannelWord(c, "--channel").Channel : null;
        LocalTime? at = invocation.Get("at") is { } a ? Text.ParseTime(a, "--at") : null;
        var kind = invocation.Has("unless-reply") ? CommitmentKind.UnlessReply : CommitmentKind.Step;

        return app.Change(invocation, (data, today) =>
        {
            var relationship = Find(data, id);
            if (on < today)
            {
                throw new UserException($"--on {Text.Format(on)} is before today ({Text.Format(today)}); a commitment is a step still to take.");
            }

            var taken = data.Diary.Commitments.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
            int n = 1;
            while (taken.Contains($"{relationship.Id}-{n.ToString(CultureInfo.InvariantCulture)}"))
            {
                n++;
            }

            var commitment = Text.Naming(
                () => new Commitment($"{relationship.Id}-{n.ToString(CultureInfo.InvariantCulture)}", relationship.Id, on, what, channel, at, madeOn: today, kind: kind),
                ("purpose", "--what"));
            var diary = data.Diary.Promise(commitment);
            string when = English.Day(on) + (at is { } t ? " at " + Text.Format(t) : string.Empty);
            string unless = kind == CommitmentKind.UnlessReply ? " unless they reply first" : string.Empty;
            string message = $"Promised {relationship.Name} for {when}{unless}: {commitment.Purpose} ({commitment.Id}).";
            var changed = data.WithDiary(diary);
            if (DiaryPlanner.Level(changed, today).TryGet(relationship.Id, out var first) && first.PromiseAfter?.Id == commitment.Id)
            {
                // Said once, here: the plan keeps in touch before a promise later than the cadence allows.
                message += $"\nBeyond the cadence: {English.Day(on)} is after its latest day, {English.Day(first.Planned.NotAfter)}; "
                    + $"the plan keeps in touch before then ({English.WithArticle(first.Channel)} on {English.Day(first.Due)}), and the promise follows.";
            }

            return (changed, message);
        });
    }

    public static int Move(App app, Invocation invocation)
    {
        string id = invocation.Positionals[0];
        var to = Text.ParseDate(invocation.Get("to")!, "--to");

        return app.Change(invocation, (data, today) =>
        {
            var relationship = Find(data, id);
            if (to < today)
            {
                throw new UserException($"--to {Text.Format(to)} is before today ({Text.Format(today)}); move a touch to today or later.");
            }

            // The levelled plan the agenda and the feed show: its day is the one the touch is moved from.
            if (!DiaryPlanner.Level(data, today).TryGet(relationship.Id, out var planned))
            {
                throw new UserException($"{relationship.Name} ({relationship.Id}) is archived: there is no next touch to move.");
            }

            // The library's rule: a next touch pinned by a commitment moves the commitment; otherwise it is moved by hand.
            var diary = data.Diary.MoveNextTouch(relationship.Id, to, today);
            string what = planned.Move is null && planned.Commitment is { } pinned
                ? $"Moved {relationship.Name}'s commitment \"{pinned.Purpose}\" ({pinned.Id})"
                : $"Moved {relationship.Name}'s next touch";

            return (data.WithDiary(diary), $"{what} from {English.Day(planned.Due)} to {English.Day(to)}.");
        });
    }

    public static int Pause(App app, Invocation invocation)
    {
        string id = invocation.Positionals[0];
        var until = Text.ParseDate(invocation.Get("until")!, "--until");
        return app.Change(invocation, (data, today) =>
        {
            var relationship = Find(data, id);
            if (until <= today)
            {
                throw new UserException($"--until {Text.Format(until)} is not after today ({Text.Format(today)}); a pause ends on a later day.");
            }

            var diary = data.Diary.Update(relationship.PauseUntil(until));
            return (data.WithDiary(diary), $"Paused {relationship.Name} until {English.Day(until)}.");
        });
    }

    public static int Archive(App app, Invocation invocation)
    {
        string id = invocation.Positionals[0];
        return app.Change(invocation, (data, _) =>
        {
            var relationship = Find(data, id);
            return relationship.State.Status == RelationshipStatus.Archived
                ? (null, $"{relationship.Name} is already archived.")
                : (data.WithDiary(data.Diary.Update(relationship.Archive())), $"Archived {relationship.Name}: no longer scheduled.");
        });
    }

    public static int Owner(App app, Invocation invocation)
    {
        bool changes = invocation.Has("zone") || invocation.Has("per-day") || invocation.Has("working-days") || invocation.Has("off") || invocation.Has("clear-off");
        if (!changes)
        {
            var session = app.Open(invocation);
            WriteOwner(app.Terminal, session.Data.Owner, session.Source);
            return ExitCodes.Ok;
        }

        string? zone = invocation.Get("zone") is { } z ? Text.ParseZone(z.Trim()).Id : null;
        int? perDay = invocation.Get("per-day") is { } p ? Text.ParseInt(p, "--per-day", 1, 1000) : null;
        IReadOnlyList<IsoDayOfWeek>? workingDays = invocation.Get("working-days") is { } w ? Text.ParseDays(w, "--working-days") : null;
        if (workingDays is { Count: 0 })
        {
            throw new UserException("--working-days needs at least one day, e.g. mon,tue,wed,thu,fri.");
        }

        var off = invocation.All("off").Select(ParseRange).ToList();
        var store = app.WriteStore(invocation);
        var owner = store.Update(data =>
        {
            var owner = data.Owner;
            owner = owner with
            {
                Zone = zone ?? owner.Zone,
                PerDay = perDay ?? owner.PerDay,
                WorkingDays = workingDays is null ? owner.WorkingDays : [.. workingDays],
                TimeOff = (invocation.Has("clear-off") ? [] : owner.TimeOff).AddRange(off),
                Holidays = invocation.Has("clear-off") ? [] : owner.Holidays,
            };
            owner.ToCalendar(); // checks it as the library would
            return (data with { Owner = owner }, owner);
        });
        WriteOwner(app.Terminal, owner, store.Path);
        return ExitCodes.Ok;
    }

    public static int Token(App app, Invocation invocation)
    {
        var store = app.ReadStore(invocation);
        if (store is null)
        {
            throw new UserException($"The demo diary has no lasting token (serve makes one for each run); run `{CommandLine.Program} init` to start your own diary.");
        }

        app.Out.Write(Secrets.Token(store, invocation.Has("rotate")) + "\n");
        return ExitCodes.Ok;
    }

    /// <summary>The relationship an id or an alias (an id merged into it) names.</summary>
    internal static Relationship Find(DiaryData data, string id) =>
        data.Diary.TryResolve(id.Trim(), out var relationship)
            ? relationship
            : throw new UserException($"No relationship has the id \"{Text.Printable(id)}\"{Suggestions.For(id, data.Diary.Relationships.Select(r => r.Id))}; `{CommandLine.Program} list` lists them.");

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static DateInterval ParseRange(string value)
    {
        int dots = value.IndexOf("..", StringComparison.Ordinal);
        var from = Text.ParseDate(dots < 0 ? value : value[..dots], "--off");
        var to = dots < 0 ? from : Text.ParseDate(value[(dots + 2)..], "--off");
        return to >= from
            ? new DateInterval(from, to)
            : throw new UserException($"--off {Text.Printable(value)} ends before it starts; use FIRST..LAST.");
    }

    private static void WriteOwner(Terminal t, OwnerSettings owner, string source)
    {
        t.Line($"Owner calendar ({source})", Style.Bold);
        var rows = new List<(string Key, string Value)>();
        rows.Add(("time zone", owner.Zone ?? $"{owner.TimeZone.Id} (this machine's; set it with --zone)"));
        rows.Add(("working days", string.Join(", ", owner.WorkingDays.Select(Text.Format))));
        rows.Add(("budget", $"{owner.PerDay} {(owner.PerDay == 1 ? "touch" : "touches")} a day" + (owner.PerWeek is { } week ? $", {week} a week" : string.Empty)));
        var off = owner.Holidays.Select(Text.Format)
            .Concat(owner.TimeOff.Select(r => r.Start == r.End ? Text.Format(r.Start) : $"{Text.Format(r.Start)}..{Text.Format(r.End)}"))
            .ToList();
        rows.Add(("days off", off.Count == 0 ? "none" : string.Join(", ", off)));
        foreach (var (key, value) in rows)
        {
            t.Line($"  {key,-14}{value}");
        }
    }

    internal static string Describe(Touch touch)
    {
        string what = English.WithArticle(touch.Channel);
        if (touch.Medium is { } medium)
        {
            what += $" ({medium})";
        }

        if (touch.Direction == Direction.Inbound)
        {
            what = "an inbound " + what[(what.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        }

        return touch.Outcome == Outcome.NoReply ? what + " with no reply" : what;
    }

    /// <summary>Two names are the same person's when they differ only in case, accents or spacing ("Zoe Muller", "Zoë Müller").</summary>
    /// <summary>Whether two names are the same person's as names are compared (<see cref="RelationshipIds.NameKey"/>: "Rossi, Maria" is Maria Rossi), as import matches them.</summary>
    private static bool SameName(string a, string b) => RelationshipIds.NameKey(a) is { } key && key == RelationshipIds.NameKey(b);

    /// <summary>
    /// The library's id from a name (<see cref="RelationshipIds.FromName"/>: "Zoë Müller" → "zoe-muller", "陈静" →
    /// "chenjing"), or "contact" for a name with no letter or digit.
    /// </summary>
    internal static string Slug(string name) => RelationshipIds.FromName(name) ?? "contact";
}
