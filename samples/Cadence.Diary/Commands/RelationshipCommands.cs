using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cadence.Explanations;
using Cadence.Sample.Cli;
using Cadence.Sample.Output;
using Cadence.Sample.Store;
using Cadence.Planning;
using NodaTime;
using NodaTime.Text;

namespace Cadence.Sample.Commands;

/// <summary>
/// <c>list</c>, <c>show</c>, <c>edit</c>, <c>unarchive</c>, <c>resume</c> and <c>unlog</c>: looking at the diary and
/// correcting it without editing the JSON. Every change is one library call that returns a new diary.
/// </summary>
internal static class RelationshipCommands
{
    public static int List(App app, Invocation invocation)
    {
        var session = app.Open(invocation);
        var diary = session.Data.Diary;
        string? tier = invocation.Get("tier")?.Trim();
        string? search = invocation.Get("search")?.Trim();
        var plan = DiaryPlanner.Level(session.Data, session.Today);
        var rules = session.Data.Rules;
        var rows = diary.Relationships
            .Where(r => tier is null || string.Equals(r.Tier, tier, StringComparison.OrdinalIgnoreCase))
            .Where(r => string.IsNullOrEmpty(search) || Matches(r, search))
            .OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => (Relationship: r, Last: LastTouch(diary, r.Id), Next: plan.TryGet(r.Id, out var next) ? next : null, Health: DiaryPlanner.Health(session.Data, plan, r.Id, session.Today)))
            .ToList();

        if (invocation.Has("json"))
        {
            app.Out.Write(JsonOutput.Document("list", session, new
            {
                relationships = rows.Select(row => new
                {
                    id = row.Relationship.Id,
                    name = row.Relationship.Name,
                    tier = row.Relationship.Tier,
                    state = row.Relationship.State.Status,
                    pausedUntil = row.Relationship.State.PausedUntil,
                    pacing = row.Relationship.Pacing,
                    learns = rules.Learns(row.Relationship),
                    health = JsonOutput.Health(row.Health),
                    lastTouch = row.Last is { } last ? TouchJson(last) : null,
                    next = row.Next is { } next ? new { due = next.Due, time = next.Time is { } time ? Text.Format(time) : null, channel = next.Channel, daysOverdue = next.DaysOverdue } : null,
                }),
            }));
            return ExitCodes.Ok;
        }

        var t = app.Terminal;
        t.Line($"Relationships ({rows.Count} of {diary.Relationships.Count}), from {session.Source}", Style.Bold);
        t.Line();
        if (rows.Count == 0)
        {
            t.Line(diary.Relationships.Count == 0 ? $"None yet: `{CommandLine.Program} add NAME --tier TIER` adds one." : "None match.");
            return ExitCodes.Ok;
        }

        var table = new Table("ID", "NAME", "TIER", "STATE", "HEALTH", "LAST TOUCH", "NEXT");
        foreach (var (r, last, next, health) in rows)
        {
            table.Add(
                new Cell(r.Id, Style.Cyan),
                r.Name,
                r.Tier,
                new Cell(State(r), r.State.Status == RelationshipStatus.Active ? Style.Plain : Style.Dim),
                new Cell(DiaryPlanner.HealthWord(health), DiaryPlanner.HealthStyle(health)),
                last is null ? "never" : $"{Text.Day(last.Date, session.Today)} ({last.Channel.ToWord()})",
                next is null ? "-" : new Cell($"{Text.Day(next.Due, next.Time, session.Today)} ({next.Channel.ToWord()})", next.IsOverdue ? Style.Red : Style.Plain));
        }

        table.Write(t);
        return ExitCodes.Ok;
    }

    public static int Show(App app, Invocation invocation)
    {
        var session = app.Open(invocation);
        var data = session.Data;
        var r = EditCommands.Find(data, invocation.Positionals[0]);
        string asked = invocation.Positionals[0].Trim();
        string? alias = asked == r.Id ? null : asked;
        var touches = data.Diary.TouchesOf(r.Id);
        var commitments = data.Diary.CommitmentsOf(r.Id);
        var levelled = DiaryPlanner.Level(data, session.Today);
        var next = levelled.TryGet(r.Id, out var planned) ? planned : null;
        var rules = data.Rules;
        var rule = rules.For(r);
        var health = DiaryPlanner.Health(data, levelled, r.Id, session.Today);

        if (invocation.Has("json"))
        {
            app.Out.Write(JsonOutput.Document("show", session, new
            {
                relationship = new
                {
                    id = r.Id,
                    name = r.Name,
                    tier = r.Tier,
                    state = r.State.Status,
                    pausedUntil = r.State.PausedUntil,
                    zone = r.TimeZone?.Id,
                    weekend = r.Weekend.Select(Text.Format),
                    prefers = r.PreferredChannels,
                    tags = r.Tags,
                    emails = r.Emails,
                    phones = r.Phones,
                    metAt = r.MetAt,
                    note = r.Note,
                    aliases = r.Aliases,
                    otherNames = r.OtherNames,
                    askedBy = alias,
                    rule = new { minGap = rule.MinGap, target = rule.Target, maxGap = rule.MaxGap, own = r.Rule is not null },
                    pacing = r.Pacing,
                    learns = rules.Learns(r),
                    health = JsonOutput.Health(health),
                },
                touches = touches.Select(TouchJson),
                commitments = commitments.Select(c => new
                {
                    id = c.Id,
                    date = c.Date,
                    time = c.Time is { } time ? Text.Format(time) : null,
                    what = c.Purpose,
                    status = c.Status,
                    unlessReply = c.WaitsForReply,
                    closedOn = c.ClosedOn,
                    why = data.Diary.WhyClosed(c.Id)?.ToString(),
                }),
                next = next is null ? null : JsonOutput.Touch(next),
            }));
            return ExitCodes.Ok;
        }

        var t = app.Terminal;
        t.Line($"{r.Name} ({r.Id})", Style.Bold);
        if (alias is not null)
        {
            t.Line($"({alias} is an alias of {r.Id})", Style.Dim);
        }

        var details = new List<(string Key, string Value)>
        {
            ("tier", r.Tier),
            ("state", State(r)),
            ("rule", $"at least {InWords(rule.MinGap)}, aim for {InWords(rule.Target)}, at most {InWords(rule.MaxGap)}{(r.Rule is null ? $" (the {r.Tier} tier's)" : " (its own)")}"),
            ("pacing", PacingText(rules, r, health, next)),
            ("health", health.ToString()),
            ("prefers", r.PreferredChannels.Count == 0 ? "no channel" : string.Join(", ", r.PreferredChannels.Select(ChannelExtensions.ToWord))),
            ("zone", r.TimeZone?.Id ?? "yours"),
            ("weekend", string.Join(", ", r.Weekend.Select(Text.Format))),
        };
        if (r.Tags.Count > 0)
        {
            details.Add(("tags", string.Join(", ", r.Tags)));
        }

        if (r.Emails.Count > 0)
        {
            details.Add(("e-mail", string.Join(", ", r.Emails)));
        }

        if (r.Phones.Count > 0)
        {
            details.Add(("phone", string.Join(", ", r.Phones)));
        }

        if (r.Aliases.Count > 0)
        {
            details.Add(("aliases", string.Join(", ", r.Aliases)));
        }

        if (r.OtherNames.Count > 0)
        {
            details.Add(("also", string.Join("; ", r.OtherNames.Select(Text.Printable))));
        }

        if (r.MetAt is { } metAt)
        {
            details.Add(("met at", metAt));
        }

        foreach (var (key, value) in details)
        {
            t.Line($"  {key,-9}{value}");
        }

        if (r.Note is { } note)
        {
            // A note of several lines: the first beside "note", the others indented under it (each its own line, as
            // the terminal shows a line break inside a line as a space).
            string[] lines = note.ReplaceLineEndings("\n").Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                t.Line($"  {(i == 0 ? "note" : string.Empty),-9}{lines[i]}");
            }
        }

        t.Line();
        t.Line("Next", Style.Bold);
        t.Line(next is null ? "  Not planned (archived)." : $"  {Text.Day(next.Due, next.Time, session.Today)}: {next.Title}. {next.Why}");
        t.Line();
        t.Line($"Touches ({touches.Count})", Style.Bold);
        if (touches.Count > 0)
        {
            var table = new Table("ID", "DAY", "TOUCH", "NOTE");
            foreach (var touch in touches.Reverse())
            {
                table.Add(new Cell(touch.Id ?? "-", Style.Cyan), Text.Day(touch.Date, session.Today), EditCommands.Describe(touch), touch.Summary ?? string.Empty);
            }

            table.Write(t);
        }

        t.Line();
        t.Line($"Next steps ({commitments.Count})", Style.Bold);
        if (commitments.Count > 0)
        {
            var table = new Table("ID", "DAY", "STEP", "STATUS");
            foreach (var c in commitments.OrderByDescending(c => c.Date).ThenBy(c => c.Id, StringComparer.Ordinal))
            {
                string status = data.Diary.WhyClosed(c.Id) is { } why ? why.ToString() : c.WaitsForReply ? "open, unless they reply" : "open";
                table.Add(new Cell(c.Id, Style.Cyan), Text.Day(c.Date, c.Time, session.Today), c.Purpose, new Cell(status, c.IsOpen ? Style.Yellow : Style.Dim));
            }

            table.Write(t);
        }

        return ExitCodes.Ok;
    }

    public static int Edit(App app, Invocation invocation)
    {
        string id = invocation.Positionals[0];
        string? name = invocation.Get("name");
        string? tier = invocation.Get("tier");
        var zone = invocation.Get("zone") is { } z ? z.Trim() is "none" or "" ? null : Text.ParseZone(z.Trim()) : null;
        var prefers = invocation.Get("prefers") is { } p ? p.Trim() == "none" ? [] : Text.ParseChannels(p, "--prefers") : null;
        var weekend = invocation.Get("weekend") is { } d ? d.Trim() == "none" ? [] : Text.ParseDays(d, "--weekend") : null;
        var rule = invocation.Get("rule") is { } ru ? ParseRule(ru) : null;
        var emails = invocation.Has("email") ? NoneOr(invocation.All("email")) : null;
        var phones = invocation.Has("phone") ? NoneOr(invocation.All("phone")) : null;
        string? metAt = invocation.Get("met-at") is { } m ? m.Trim() == "none" ? string.Empty : m : null;
        var tags = invocation.All("tag").Select(t => t.Trim()).ToList();
        var untags = invocation.All("untag").Select(t => t.Trim()).ToList();
        string? about = invocation.Get("about");
        Pacing? pacing = invocation.Get("pacing") is { } pa ? ParsePacing(pa) : null;
        if (name is null && tier is null && !invocation.Has("zone") && prefers is null && weekend is null && rule is null && emails is null && phones is null && metAt is null
            && tags.Count == 0 && untags.Count == 0 && about is null && pacing is null)
        {
            throw new UsageException($"edit needs something to change: --name, --tier, --zone, --prefers, --weekend, --rule, --pacing, --email, --phone, --met-at, --tag, --untag or --about; run `{CommandLine.Program} edit --help`.");
        }

        return app.Change(invocation, (data, today) =>
        {
            var before = EditCommands.Find(data, id);
            RefuseTaken(data.Diary, before, emails, phones);
            if (untags.FirstOrDefault(u => !before.Tags.Any(t => string.Equals(t, u, StringComparison.OrdinalIgnoreCase))) is { } missing)
            {
                throw new UserException($"--untag {Text.Printable(missing)}: {before.Name} ({before.Id}) has no such tag ({(before.Tags.Count == 0 ? "it has none" : "its tags: " + string.Join(", ", before.Tags))}); nothing was changed.");
            }

            var diary = data.Diary.Update(before.Id, r =>
            {
                r = name is null ? r : r.WithName(name);
                r = tier is null ? r : r.WithTier(tier.Trim());
                r = invocation.Has("zone") ? r.WithTimeZone(zone) : r;
                r = prefers is null ? r : r.WithPreferredChannels(prefers);
                r = weekend is null ? r : r.WithWeekend(weekend);
                r = emails is null ? r : r.WithEmails(emails);
                r = phones is null ? r : r.WithPhones(phones);
                r = metAt is null ? r : r.WithMetAt(metAt);
                r = about is null ? r : Text.Naming(() => r.WithNote(about), ("note", "--about"));
                if (tags.Count > 0 || untags.Count > 0)
                {
                    var kept = r.Tags.Where(t => !untags.Contains(t, StringComparer.OrdinalIgnoreCase)).Concat(tags).ToList();
                    r = Text.Naming(() => r.WithTags(kept), ("tags", "--tag"));
                }

                r = pacing is null ? r : r.WithPacing(pacing.Value);
                return rule is null ? r : r.WithRule(rule.Value.Rule);
            });
            var after = diary[before.Id];
            var changes = new List<string>();
            void Changed(string what, string from, string to)
            {
                if (from != to)
                {
                    changes.Add($"{what} {from} → {to}");
                }
            }

            Changed("name", before.Name, after.Name);
            Changed("tier", before.Tier, after.Tier);
            Changed("zone", before.TimeZone?.Id ?? "yours", after.TimeZone?.Id ?? "yours");
            Changed("prefers", Channels(before), Channels(after));
            Changed("weekend", string.Join(",", before.Weekend.Select(Text.Format)), string.Join(",", after.Weekend.Select(Text.Format)));
            Changed("rule", RuleText(before.Rule), RuleText(after.Rule));
            Changed("pacing", PacingWord(before.Pacing), PacingWord(after.Pacing));
            Changed("e-mail", List(before.Emails), List(after.Emails));
            Changed("phone", List(before.Phones), List(after.Phones));
            Changed("met at", before.MetAt ?? "none", after.MetAt ?? "none");
            Changed("tags", List(before.Tags), List(after.Tags));
            if (before.Note != after.Note)
            {
                changes.Add(after.Note is null ? "note cleared" : before.Note is null ? "note set" : "note changed");
            }
            if (changes.Count == 0)
            {
                return ((DiaryData?)null, $"{before.Name} ({before.Id}) already has those details; nothing changed.\n");
            }

            return EditCommands.Changed(data, diary, after.Id, today, $"Changed {after.Name} ({after.Id}): {string.Join("; ", changes)}.");
        });
    }

    /// <summary>
    /// An e-mail address or phone number already another relationship's is refused, naming whose, compared as imports
    /// compare them (the library's <see cref="Relationship.EmailKey"/> and <see cref="Relationship.PhoneKey"/>): one
    /// person's address on two entries would make imports match either.
    /// </summary>
    private static void RefuseTaken(Diary diary, Relationship editing, IReadOnlyList<string>? emails, IReadOnlyList<string>? phones)
    {
        foreach (string email in emails ?? [])
        {
            string? key = Relationship.EmailKey(email);
            if (key is not null && diary.Relationships.FirstOrDefault(r => r.Id != editing.Id && r.Emails.Any(e => string.Equals(Relationship.EmailKey(e), key, StringComparison.OrdinalIgnoreCase))) is { } owner)
            {
                throw new UserException($"The e-mail {Text.Printable(email.Trim())} is already {owner.Id}'s ({Text.Printable(owner.Name)}); nothing was changed.");
            }
        }

        foreach (string phone in phones ?? [])
        {
            string key = Relationship.PhoneKey(phone);
            if (key.Length > 0 && diary.Relationships.FirstOrDefault(r => r.Id != editing.Id && r.Phones.Any(p => Relationship.PhoneKey(p) == key)) is { } owner)
            {
                throw new UserException($"The phone number {Text.Printable(phone.Trim())} is already {owner.Id}'s ({Text.Printable(owner.Name)}); nothing was changed.");
            }
        }
    }

    /// <summary>The values given, or none for <c>none</c>.</summary>
    private static IReadOnlyList<string> NoneOr(IReadOnlyList<string> values) => values is ["none"] ? [] : values;

    private static string List(IReadOnlyList<string> values) => values.Count == 0 ? "none" : string.Join(", ", values);

    public static int Unarchive(App app, Invocation invocation) =>
        Reactivate(app, invocation, RelationshipStatus.Archived, (diary, id) => diary.Unarchive(id), "archived", "Unarchived");

    public static int Resume(App app, Invocation invocation) =>
        Reactivate(app, invocation, RelationshipStatus.Paused, (diary, id) => diary.Resume(id), "paused", "Resumed");

    public static int Unlog(App app, Invocation invocation)
    {
        string touchId = invocation.Positionals[0].Trim();
        return app.Change(invocation, (data, today) =>
        {
            var touch = data.Diary.Touches.FirstOrDefault(t => t.Id == touchId)
                ?? throw new UserException($"No touch has the id \"{Text.Printable(touchId)}\"{Suggestions.For(touchId, data.Diary.Touches.Select(t => t.Id).OfType<string>())}; `{CommandLine.Program} show ID` lists a relationship's touches with their ids.");
            var relationship = data.Diary[touch.RelationshipId];
            var diary = data.Diary.RemoveTouch(touchId);
            string note = touch.Summary is { } summary ? $" \"{summary}\"" : string.Empty;
            var text = new System.Text.StringBuilder($"Removed {touchId}: {EditCommands.Describe(touch)}{note} with {relationship.Name} on {English.Day(touch.Date)}.\n");
            var reopened = diary.CommitmentsOf(relationship.Id).Where(c => c.IsOpen && !data.Diary.GetCommitment(c.Id).IsOpen).ToList();
            foreach (var c in reopened)
            {
                text.Append($"Open again: {c.Purpose} ({c.Id}), which it had closed.\n");
            }

            return EditCommands.Changed(data, diary, relationship.Id, today, text.ToString());
        });
    }

    /// <summary>
    /// <c>fix TOUCH-ID</c>: corrects a logged touch through the library's <see cref="Diary.CorrectTouch"/> (the id stays;
    /// the steps the touch had closed open again and the corrected touch closes what it takes), and says in one line what
    /// changed, then any step opened again or done by it.
    /// </summary>
    public static int Fix(App app, Invocation invocation)
    {
        string touchId = invocation.Positionals[0].Trim();
        if (invocation.Has("inbound") && invocation.Has("outbound"))
        {
            throw new UsageException("fix takes --inbound or --outbound, not both.");
        }

        if (invocation.Has("no-reply") && invocation.Has("replied"))
        {
            throw new UsageException("fix takes --no-reply or --replied, not both.");
        }

        string[] options = ["on", "channel", "medium", "note", "inbound", "outbound", "no-reply", "replied"];
        if (!options.Any(invocation.Has))
        {
            throw new UsageException($"fix needs something to change: --on, --channel, --medium, --note, --inbound, --outbound, --no-reply or --replied; run `{CommandLine.Program} fix --help`.");
        }

        LocalDate? on = invocation.Get("on") is { } o ? Text.ParseDate(o, "--on") : null;
        ChannelWord? said = invocation.Get("channel") is { } c ? Text.ParseChannelWord(c, "--channel") : null;

        return app.Change(invocation, (data, today) =>
        {
            var before = data.Diary.Touches.FirstOrDefault(t => t.Id == touchId)
                ?? throw new UserException($"No touch has the id \"{Text.Printable(touchId)}\"{Suggestions.For(touchId, data.Diary.Touches.Select(t => t.Id).OfType<string>())}; nothing was changed; `{CommandLine.Program} show ID` lists a relationship's touches with their ids.");
            if (on is { } date && date > today)
            {
                throw new UserException($"--on {Text.Format(date)} is after today ({Text.Format(today)}); a touch is logged once it has happened.");
            }

            var direction = invocation.Has("inbound") ? Direction.Inbound : invocation.Has("outbound") ? Direction.Outbound : before.Direction;
            var outcome = invocation.Has("no-reply") ? Outcome.NoReply : invocation.Has("replied") ? Outcome.Connected : before.Outcome;
            string? medium = invocation.Get("medium") ?? said?.Medium ?? before.Medium;
            string? note = invocation.Has("note") ? invocation.Get("note") : before.Summary;
            var after = Text.Naming(
                    () => new Touch(before.RelationshipId, on ?? before.Date, said?.Channel ?? before.Channel, direction, outcome, medium, note, before.Time),
                    ("summary", "--note"),
                    ("medium", "--medium"))
                // A ladder follows up an attempt of yours: a touch corrected to theirs has none.
                .WithFollowUp(direction == Direction.Inbound ? null : before.FollowUp);

            var changes = new List<string>();
            if (after.Date != before.Date)
            {
                string was = English.Day(before.Date);
                changes.Add($"on {English.Day(after.Date)} (was {(before.Date.Year == after.Date.Year ? was[..was.LastIndexOf(' ')] : was)})");
            }

            if (after.Channel != before.Channel)
            {
                changes.Add($"{after.Channel.ToWord()} (was {before.Channel.ToWord()})");
            }

            if (after.Medium != before.Medium)
            {
                changes.Add($"medium {after.Medium ?? "none"} (was {before.Medium ?? "none"})");
            }

            if (after.Summary != before.Summary)
            {
                changes.Add($"note {Quoted(after.Summary)} (was {Quoted(before.Summary)})");
            }

            if (after.Direction != before.Direction)
            {
                changes.Add($"{Word(after.Direction)} (was {Word(before.Direction)})");
            }

            if (after.Outcome != before.Outcome)
            {
                changes.Add($"{Word(after.Outcome)} (was {Word(before.Outcome)})");
            }

            if (changes.Count == 0)
            {
                return ((DiaryData?)null, $"{touchId} already has those details; nothing changed.");
            }

            var diary = data.Diary.CorrectTouch(touchId, after);
            var text = new System.Text.StringBuilder($"Fixed {touchId}: {string.Join(", ", changes)}.\n");
            foreach (var commitment in diary.CommitmentsOf(before.RelationshipId))
            {
                bool was = data.Diary.GetCommitment(commitment.Id).IsOpen;
                if (commitment.IsOpen && !was)
                {
                    text.Append($"Open again: {commitment.Purpose} ({commitment.Id}), which it had closed.\n");
                }
                else if (!commitment.IsOpen && was)
                {
                    text.Append($"Done: {commitment.Purpose} ({commitment.Id}).\n");
                }
            }

            return (data.WithDiary(diary), text.ToString().TrimEnd('\n'));
        });

        static string Quoted(string? text) => text is null ? "none" : $"\"{text}\"";

        static string Word(Enum value) => value switch
        {
            Direction.Inbound => "inbound",
            Direction.Outbound => "outbound",
            Outcome.NoReply => "no reply",
            _ => "connected",
        };
    }

    private static int Reactivate(App app, Invocation invocation, RelationshipStatus from, Func<Diary, string, Diary> change, string state, string done)
    {
        return app.Change(invocation, (data, today) =>
        {
            var relationship = EditCommands.Find(data, invocation.Positionals[0]);
            return relationship.State.Status == from
                ? EditCommands.Changed(data, change(data.Diary, relationship.Id), relationship.Id, today, $"{done} {relationship.Name}: planned again.")
                : throw new UserException($"{relationship.Name} ({relationship.Id}) is {State(relationship)}, not {state}.");
        });
    }

    /// <summary>--pacing learn|pinned|tier: learn its own rhythm, keep exactly its rule, or as its tier says (also "default", as --rule takes).</summary>
    private static Pacing ParsePacing(string value) => value.Trim().ToLowerInvariant() switch
    {
        "learn" => Pacing.Learn,
        "pinned" => Pacing.Pinned,
        "tier" or "default" => Pacing.ByTier,
        _ => throw new UserException($"Bad pacing \"{Text.Printable(value)}\" for --pacing: use learn (its own rhythm), pinned (exactly its rule) or tier (as its tier says)."),
    };

    private static string PacingWord(Pacing pacing) => pacing switch
    {
        Pacing.Learn => "learn",
        Pacing.Pinned => "pinned",
        _ => "the tier's",
    };

    /// <summary>--rule MIN,TARGET,MAX: days (14,30,45) or ISO 8601 periods (P2W,P4W,P6W); "default" for the tier's.</summary>
    private static (CadenceRule? Rule, bool Set)? ParseRule(string value)
    {
        if (value.Trim() == "default")
        {
            return (null, true);
        }

        var parts = Text.SplitList(value);
        if (parts.Length != 3)
        {
            throw new UserException($"Bad rule \"{Text.Printable(value)}\" for --rule: give MIN,TARGET,MAX in days (14,30,45) or ISO periods (P2W,P4W,P6W), or default.");
        }

        Period Parse(string part) =>
            int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int days) && days <= 36_600 ? Period.FromDays(days)
            : PeriodPattern.Roundtrip.Parse(part.ToUpperInvariant()) is { Success: true } parsed ? parsed.Value
            : throw new UserException($"Bad period \"{Text.Printable(part)}\" in --rule: use days (30) or ISO 8601 (P4W).");

        return (new CadenceRule(Parse(parts[0]), Parse(parts[1]), Parse(parts[2])), true);
    }

    /// <summary>
    /// Whether the relationship's pacing learns, and why (its own choice or its tier's), with the learned target when its
    /// own rhythm moved the next touch: "learns its own rhythm (the client tier learns); aiming every 24 days: …".
    /// </summary>
    private static string PacingText(CadenceRules rules, Relationship r, RelationshipHealth health, PlannedTouch? next)
    {
        string text = r.Pacing switch
        {
            Pacing.Learn => "learns its own rhythm (set for it)",
            Pacing.Pinned => "pinned to its rule (set for it)",
            _ => rules.Learns(r.Tier) ? $"learns its own rhythm (the {r.Tier} tier learns)" : $"its rule (the {r.Tier} tier does not learn)",
        };
        if (!rules.Learns(r))
        {
            return text;
        }

        if (next?.Reasons.OfType<RhythmReason>().FirstOrDefault() is { } rhythm)
        {
            return $"{text}; {rhythm}";
        }

        return health.UsualGapDays is null ? $"{text}; too few exchanges yet to learn from (4 are needed): the rule's target" : text;
    }

    private static bool Matches(Relationship r, string search) =>
        r.Name.Contains(search, StringComparison.CurrentCultureIgnoreCase)
        || r.Id.Contains(search, StringComparison.OrdinalIgnoreCase)
        || r.Tags.Any(tag => tag.Contains(search, StringComparison.CurrentCultureIgnoreCase))
        || EditCommands.Slug(r.Name).Contains(EditCommands.Slug(search), StringComparison.Ordinal);

    private static Touch? LastTouch(Diary diary, string id) =>
        diary.TouchesOf(id).OrderBy(t => t.Date).LastOrDefault();

    private static string State(Relationship r) => r.State.Status switch
    {
        RelationshipStatus.Paused => $"paused until {English.Day(r.State.PausedUntil!.Value)}",
        RelationshipStatus.Archived => "archived",
        _ => "active",
    };

    private static string Channels(Relationship r) => r.PreferredChannels.Count == 0 ? "none" : ChannelWord.FormatList(r.PreferredChannels);

    private static string RuleText(CadenceRule? rule) => rule is null
        ? "the tier's"
        : $"{Days(rule.MinGap)}/{Days(rule.Target)}/{Days(rule.MaxGap)}";

    /// <summary>A gap as show says it: "30 days", "3 months", "1 year 6 months", "2 months 10 days" (days and weeks as days).</summary>
    internal static string InWords(Period period)
    {
        if (period.HasTimeComponent)
        {
            return PeriodPattern.Roundtrip.Format(period);
        }

        static string Part(long n, string unit) => $"{n.ToString(CultureInfo.InvariantCulture)} {unit}{(n == 1 ? string.Empty : "s")}";
        var parts = new List<string>();
        if (period.Years != 0)
        {
            parts.Add(Part(period.Years, "year"));
        }

        if (period.Months != 0)
        {
            parts.Add(Part(period.Months, "month"));
        }

        long days = (period.Weeks * 7L) + period.Days;
        if (days != 0 || parts.Count == 0)
        {
            parts.Add(Part(days, "day"));
        }

        return string.Join(' ', parts);
    }

    /// <summary>"30 days" for a period of days, else ISO 8601 ("P1M").</summary>
    private static string Days(Period period) =>
        period is { Years: 0, Months: 0, HasTimeComponent: false }
            ? $"{((period.Weeks * 7) + period.Days).ToString(CultureInfo.InvariantCulture)} days"
            : PeriodPattern.Roundtrip.Format(period);

    private static object TouchJson(Touch touch) => new
    {
        id = touch.Id,
        date = touch.Date,
        channel = touch.Channel,
        direction = touch.Direction,
        outcome = touch.Outcome,
        medium = touch.Medium,
        note = touch.Summary,
        followUp = touch.FollowUp is { IsNone: false } ladder ? ladder.FormatSteps() : null,
    };
}
