using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;

namespace Cadence.Sample.Cli;

/// <summary>An option of a command: a flag, or one that takes a value.</summary>
internal sealed record OptionSpec(string Name, string? Value, string Help, bool Repeatable = false, bool Required = false)
{
    public bool IsFlag => Value is null;

    public string Synopsis => IsFlag ? $"--{Name}" : $"--{Name} {Value}";
}

/// <summary>A command: its name, what it takes and its help.</summary>
internal sealed record CommandSpec(
    string Name,
    string Arguments,
    string Summary,
    string Description,
    IReadOnlyList<OptionSpec> Options,
    int MinPositionals,
    int MaxPositionals,
    string? Example = null);

/// <summary>A parsed command line, as the commands read it: positional arguments and the options given, by name.</summary>
internal sealed class Invocation(CommandSpec command, ParseResult parsed)
{
    public CommandSpec Command { get; } = command;

    public IReadOnlyList<string> Positionals { get; } = parsed.CommandResult.Command.Arguments.FirstOrDefault() switch
    {
        Argument<string> one => parsed.GetValue(one) is { } value ? [value] : [],
        Argument<string[]> many => parsed.GetValue(many) ?? [],
        _ => [],
    };

    /// <summary>Whether the option was given (a flag: given and not <c>--flag false</c>).</summary>
    public bool Has(string name) =>
        parsed.GetResult("--" + name) is OptionResult { Implicit: false } result && (result.Option is not Option<bool> flag || parsed.GetValue(flag));

    public string? Get(string name) => Has(name) ? parsed.GetValue<string>("--" + name) ?? string.Empty : null;

    public IReadOnlyList<string> All(string name) => Has(name) ? parsed.GetValue<string[]>("--" + name) ?? [] : [];
}

/// <summary>The commands and their options, as data; System.CommandLine parses them and writes their help.</summary>
internal static class CommandLine
{
    public const string Program = "Cadence.Diary";

    public static readonly OptionSpec Data = new("data", "FILE", "The data file (default: ./diary.json if it exists, else the built-in demo diary, which is read-only).");
    public static readonly OptionSpec Date = new("date", "YYYY-MM-DD", "The day to take as today (default: today in the owner's time zone).");
    public static readonly OptionSpec Json = new("json", null, "Machine-readable JSON instead of a table (see docs/json-output.md).");

    public static readonly IReadOnlyList<CommandSpec> Commands =
    [
        new("agenda", "", "Today's touches, overdue first, with why (the default command).",
            "Lists the touches placed on today (or on the next --days days) by the plan, levelled on the owner's calendar:\noverdue first, most overdue first, then by day. Each line says who, by which channel, and why.",
            [new("days", "N", "Cover N days from today (1 to 366; default 1)."), Json], 0, 0,
            "agenda --days 7"),
        new("plan", "", "Every active relationship's next touch, its window and why.",
            "Lists the next touch of every relationship that is not archived: the day it is placed on, its window\n(not before … not after) and why, levelled on the owner's calendar.",
            [Json], 0, 0),
        new("init", "", "Write the demo diary to the data file, to start your own.",
            "Writes the demo diary (dates relative to today) to the data file (./diary.json or --data FILE), with a new\nsecret feed token and UID key. Fails if the file exists.",
            [new("empty", null, "Start with an empty diary instead of the demo.")], 0, 0,
            "init --data ~/diary.json"),
        new("add", "NAME", "Add a relationship; prints its id.",
            "Adds a relationship and prints its id (made from the name unless --id is given).",
            [
                new("tier", "TIER", "Its tier: client, prospect, referral source, past associate, or any other name.", Required: true),
                new("id", "ID", "The id to use (default: from the name, e.g. zoe-muller)."),
                new("zone", "TZID", "The contact's IANA time zone, e.g. Australia/Sydney."),
                new("prefers", "CHANNEL,...", "Preferred channels, most preferred first: meeting, call, note, social (or email, phone, linkedin…)."),
                new("email", "ADDRESS", "An e-mail address (repeatable): calendar and contact imports match on it.", Repeatable: true),
                new("phone", "NUMBER", "A phone number (repeatable).", Repeatable: true),
                new("met-at", "TEXT", "Where you met."),
                new("tag", "TAG", "A tag (repeatable): list --search and campaign add --tag find it.", Repeatable: true),
                new("first-touch-by", "DATE", "The day of the first touch (default: today), so people added in a batch are not all due at once."),
            ],
            1, int.MaxValue,
            "add \"Zoë Müller\" --tier client --zone Europe/Berlin --prefers call,meeting"),
        new("log", "ID", "Log a touch that happened; prints what it closed and what comes next.",
            "Logs a touch with a relationship. The open commitments due on or before its day are marked done by it when it is\nan attempt of yours (answered or not) or a conversation they started, unless --keep-open is given. A reply\n(--inbound, or a call or meeting that connected) also closes every step made before it that waits for a reply.\nAn outbound touch can carry a follow-up ladder, decided now: the steps to take if no reply comes.\nAn archived relationship is refused (naming any active one of the same name) unless --archived is given.",
            [
                new("channel", "CHANNEL", "meeting, call, note or social; or email, card, letter (a note), phone (a call), linkedin (social).", Required: true),
                new("on", "DATE", "The day it happened (default: today); not after today."),
                new("inbound", null, "They reached out to you."),
                new("no-reply", null, "No answer, no reply, a voicemail left."),
                new("medium", "TEXT", "The medium: coffee, email, LinkedIn, Skype video, handwritten note…"),
                new("note", "TEXT", "A short summary."),
                new("keep-open", null, "Leave open commitments open."),
                new("follow-up", "LADDER", "If no reply: a named ladder (see ladders), steps such as 3wd:note,5wd:call (wd working days, d calendar days), or none."),
                new("archived", null, "Log it even though the relationship is archived (it stays archived)."),
            ],
            1, 1,
            "log sam-okafor --channel email --note \"Sent the proposal\" --follow-up 3wd:note,5wd:call"),
        new("promise", "ID", "Make a commitment: a dated next step.",
            "Adds an open commitment with a relationship. It pins the date of the next touch and wins over the cadence.",
            [
                new("on", "DATE", "The day it is due.", Required: true),
                new("what", "TEXT", "What the step is.", Required: true),
                new("channel", "CHANNEL", "The channel to use: meeting, call, note or social (or email, phone, linkedin, card, letter)."),
                new("at", "HH:MM", "A time of day, in the owner's time zone."),
                new("unless-reply", null, "Only if they have not replied by then: any reply from them closes it."),
            ],
            1, 1,
            "promise sam-okafor --on 2026-03-20 --what \"chase feedback on the proposal\" --channel call --unless-reply"),
        new("done", "ID", "Mark a next step done: a commitment id, or a relationship id for its open step.",
            "Marks an open commitment done without logging a touch (the step was taken another way). ID is the commitment's id\n(e.g. sam-okafor-2) or a relationship's id, for the step that pins its next touch.",
            [new("on", "DATE", "The day it was done (default: today); not after today.")], 1, 1,
            "done sam-okafor-2"),
        new("drop", "ID", "Drop a next step: it no longer pins anything.",
            "Drops an open commitment: it is kept, closed, and no longer pins the next touch. ID is the commitment's id or a\nrelationship's id, for the step that pins its next touch.",
            [new("on", "DATE", "The day it was dropped (default: today); not after today.")], 1, 1,
            "drop sam-okafor"),
        new("reopen", "COMMITMENT-ID", "Open a done or dropped step again.",
            "Opens a done or dropped commitment again: it pins the next touch again.",
            [], 1, 1,
            "reopen sam-okafor-2"),
        new("ladders", "", "List the named follow-up ladders and the tiers they follow up by default.",
            "Lists the follow-up ladders named in the data file: their steps, and the tiers whose outbound touches they follow\nup when log is given no --follow-up.",
            [], 0, 0),
        new("ladder", "add|default|list|remove ARGS", "Name follow-up ladders, set a tier's default one, list or remove them.",
            "ladder add NAME STEPS names a follow-up ladder (steps: days, wd for working days or d for calendar days, a colon\nand a channel, e.g. 3wd:note,5wd:call); a ladder of that name is replaced only with --replace. ladder default TIER\nNAME makes it the ladder log follows up the tier's outbound touches with when given no --follow-up (TIER none:\nno default). ladder list shows each ladder, its steps and the tiers it is the default of (as ladders does).\nladder remove NAME is refused while a tier has it as its default or a touch in the diary follows it.\nlog ID --follow-up NAME uses a named ladder for one touch.",
            [
                new("replace", null, "add: replace the steps of a ladder of that name (the tiers it is the default of stay)."),
                Json,
            ],
            1, 3,
            "ladder add chase 3wd:note,5wd:call"),
        new("learn", "[TIER]", "Make a tier learn its relationships' rhythm (or stop, with --off); with no TIER, list who learns.",
            "learn TIER makes the relationships of a tier learn their own rhythm: from 4 exchanges on (a touch they started,\nor a call or meeting of yours that connected), the target moves toward the gaps at which they happened, always\ninside the rule's minimum and maximum gap, and attempts left unanswered in a row space the next one out; each moved\nday says why. learn TIER --off stops it. A relationship's own pacing wins over its tier's: edit ID --pacing\nlearn|pinned|tier. With no TIER, lists the tiers that learn and the relationships with a pacing of their own.",
            [new("off", null, "Stop the tier learning: its relationships keep exactly their rule (unless one learns by its own pacing).")], 0, 1,
            "learn client"),
        new("move", "ID", "Move a relationship's next touch: snooze it or bring it forward.",
            "Moves the next touch to another day. A touch pinned by a commitment moves the commitment; otherwise the move\nholds until a touch is logged.",
            [new("to", "DATE", "The day to move it to; today or later.", Required: true)], 1, 1,
            "move zoe-muller --to 2026-03-20"),
        new("pause", "ID", "Pause a relationship until a day.",
            "Pauses a relationship (out of office, on leave): nothing is due before the day given.",
            [new("until", "DATE", "The day it resumes; after today.", Required: true)], 1, 1),
        new("list", "", "List the relationships: id, name, tier, state, last touch, next touch.",
            "Lists the relationships by name, with their state, their last touch and their next touch (levelled, as the agenda\nplaces it).",
            [
                new("tier", "TIER", "Only this tier."),
                new("search", "TEXT", "Only those whose name, id or tags contain the text."),
                Json,
            ],
            0, 0,
            "list --tier prospect"),
        new("show", "ID", "Show a relationship: details, touches with their ids, next steps, the next touch and why.",
            "Shows everything the diary holds about a relationship: its details and rule, its touches (newest first, with the\nids unlog takes), its next steps (open, done, dropped, and why), and its next touch with the reasons.",
            [Json], 1, 1,
            "show sam-okafor"),
        new("edit", "ID", "Change a relationship's name, tier, zone, preferred channels, weekend, rule, pacing, contact details or tags.",
            "Changes a relationship's details; its id, touches and next steps stay. A prospect who won becomes a client with\n--tier client.",
            [
                new("name", "NAME", "Its name."),
                new("tier", "TIER", "Its tier (its default rule and ladder come from it)."),
                new("zone", "TZID", "Its IANA time zone, or none."),
                new("prefers", "CHANNEL,...", "Preferred channels, most preferred first, or none."),
                new("weekend", "DAYS", "Its weekend days, e.g. fri,sat, or none."),
                new("rule", "MIN,TARGET,MAX", "Its own rule in days (14,30,45) or ISO periods (P2W,P4W,P6W), or default for its tier's."),
                new("pacing", "learn|pinned|tier", "learn: its touches move toward its own rhythm inside the rule; pinned: exactly its rule; tier: as its tier says (see learn)."),
                new("email", "ADDRESS", "Its e-mail addresses, main one first (repeatable; replaces them), or none.", Repeatable: true),
                new("phone", "NUMBER", "Its phone numbers (repeatable; replaces them), or none.", Repeatable: true),
                new("met-at", "TEXT", "Where you met, or none."),
                new("tag", "TAG", "Add a tag (repeatable).", Repeatable: true),
                new("untag", "TAG", "Remove a tag (repeatable; ignoring case).", Repeatable: true),
                new("about", "TEXT", "A note about the person, shown by show (\"\" clears it). Not --note: in log and fix that is a touch's summary."),
            ],
            1, 1,
            "edit sam-okafor --tier client"),
        new("unarchive", "ID", "Plan an archived relationship again.",
            "Makes an archived relationship active again: it is planned from its touches as before.",
            [], 1, 1),
        new("resume", "ID", "End a relationship's pause now.",
            "Ends a pause before the day it was set to end: the relationship is planned again from today.",
            [], 1, 1),
        new("unlog", "TOUCH-ID", "Remove a touch logged by mistake; prints what it removed.",
            "Removes a touch (show ID lists the ids, e.g. sam-okafor/3). Next steps it had closed are open again.",
            [], 1, 1,
            "unlog sam-okafor/3"),
        new("merge", "FROM INTO", "Merge two entries of one person: FROM's touches, steps, dates, addresses, tags and campaigns go to INTO.",
            "Merges FROM into INTO: FROM's touches (with their ids), next steps, move, dates that matter (a label INTO has too is\nkept as \"LABEL (from FROM)\"), e-mail addresses, phone numbers, tags and campaign memberships go to INTO, which keeps\nits name, tier, rule and state. FROM's id stays as an alias of INTO: log, show, edit and the others take it.\nPrints what moved.",
            [new("dry-run", null, "Show what would move; write nothing.")], 2, 2,
            "merge maria-rossi-2 maria-rossi --dry-run"),
        new("remove", "ID", "Remove a relationship and everything of it (with --yes); prints what it removed.",
            "Removes a relationship with its touches, next steps, move, campaign memberships and aliases, for good. Without\n--yes it only says what it would remove. To keep the history, archive it instead.",
            [new("yes", null, "Remove it: without it nothing is removed.")], 1, 1,
            "remove maria-rossi-2 --yes"),
        new("fix", "TOUCH-ID", "Correct a logged touch: its day, channel, medium, note, direction or outcome; prints what changed.",
            "Corrects a touch (show ID lists the ids, e.g. sam-okafor/3); its id stays. The next steps it had closed are open\nagain, and then those the corrected touch takes are done by it, as log marks them. Give at least one option.\n--channel email (or another word that names a medium) also sets the medium unless --medium is given.",
            [
                new("on", "DATE", "The day it happened; not after today."),
                new("channel", "CHANNEL", "meeting, call, note or social; or email, card, letter (a note), phone (a call), linkedin (social)."),
                new("medium", "TEXT", "The medium: coffee, email, LinkedIn…; \"\" for none."),
                new("note", "TEXT", "The short summary; \"\" for none."),
                new("inbound", null, "They reached out to you."),
                new("outbound", null, "You reached out to them."),
                new("no-reply", null, "No answer, no reply, a voicemail left."),
                new("replied", null, "You connected: they answered or replied."),
            ],
            1, 1,
            "fix sam-okafor/3 --on 2026-03-12 --channel call"),
        new("archive", "ID", "Archive a relationship: it is never scheduled again.",
            "Archives a relationship. Its touches stay in the diary; it leaves the plan, the agenda and the feed.",
            [], 1, 1),
        new("owner", "", "Show or set the owner's calendar.",
            "Shows the owner's calendar, after setting what the options give. Touches are levelled on it: working days,\ntime off and a daily budget. Without --zone the machine's time zone is used.",
            [
                new("zone", "TZID", "Your IANA time zone, e.g. Europe/London."),
                new("per-day", "N", "The most touches a day (1 to 1000)."),
                new("working-days", "DAYS", "Your working days, e.g. mon,tue,wed,thu,fri."),
                new("off", "DATE[..DATE]", "A day or a range of days off (repeatable).", Repeatable: true),
                new("clear-off", null, "Forget all days off (before adding --off ones)."),
            ],
            0, 0,
            "owner --zone Europe/London --per-day 5 --off 2026-08-03..2026-08-14"),
        new("feed", "", "Write the plan as an iCalendar (.ics) file.",
            "Writes the levelled plan as an iCalendar feed any calendar can import or subscribe to. The feed state is kept\nin the data file, so SEQUENCE and LAST-MODIFIED are right from one run to the next.",
            [
                new("out", "FILE", "Where to write the .ics file.", Required: true),
                new("privacy", "LEVEL", "full (default), initials or channel."),
                new("tasks", null, "Write tasks (VTODO) instead of events."),
                new("digest", null, "Write one event a day listing its touches."),
                new("horizon", "DAYS", "How many days ahead (1 to 3660; default 365)."),
                new("yearly-dates", null, "Also write each date that matters (birthdays…) as a yearly event of its own."),
            ],
            0, 0,
            "feed --out cadence.ics --privacy initials"),
        new("serve", "", "Serve the feed over HTTP on 127.0.0.1, for calendar apps on this machine.",
            "Serves the feed at a secret URL on 127.0.0.1 and prints its http and webcal links on the first line.\nThe feed is read again from the data file on every request. Stop it with Ctrl+C.",
            [
                new("port", "N", "The port (default 8765; 0 picks a free one)."),
                new("privacy", "LEVEL", "full (default), initials or channel."),
                new("tasks", null, "Serve tasks (VTODO) instead of events."),
                new("digest", null, "Serve one event a day listing its touches."),
                new("horizon", "DAYS", "How many days ahead (1 to 3660; default 365)."),
                new("yearly-dates", null, "Also write each date that matters (birthdays…) as a yearly event of its own."),
            ],
            0, 0,
            "serve --port 0"),
        new("date", "ID", "Add, change or remove a date that matters: a birthday, an anniversary, a relative or one-off date.",
            "Keeps a date with a relationship, by its label (the same label replaces it). --on MM-DD is every year; --on YYYY-MM-DD\nevery year since then (an age is said), or that day only with --once; --rule is every year on a weekday of a month.",
            [
                new("label", "TEXT", "What it is: birthday, wedding anniversary, company founded…", Required: true),
                new("on", "MM-DD|YYYY-MM-DD", "The day (and year)."),
                new("rule", "TEXT", "A weekday of a month: \"third monday of september\", \"last friday of june\"."),
                new("once", null, "The date happens once (--on YYYY-MM-DD)."),
                new("lead", "DAYS", "Remind this many days before (0 to 90)."),
                new("leap", "feb28|mar1", "Where a 29 February falls in common years (default feb28)."),
                new("remove", null, "Remove the date with this label."),
            ],
            1, 1,
            "date zoe-muller --label birthday --on 1986-03-13 --lead 7"),
        new("dates", "", "The dates that matter in the next days, with ages and reminders.",
            "Lists the dates of relationships that are not archived falling in the next --days days (default 30), or whose reminder does.",
            [new("days", "N", "Cover N days from today (1 to 366; default 30)."), Json], 0, 0,
            "dates --days 60"),
        new("campaign", "add|list|pause|resume|end NAME", "Reconnect campaigns: reconnect with a group by a day, inside your budget.",
            "campaign add NAME chooses its members now (a tier, a tag, or no connected touch for over --faded MONTHS) and\nspreads their reconnections over the working days to --by, most faded first, inside the owner's budget; a connected\ntouch or a reply completes a member. campaign list shows each one's progress; pause, resume and end change it.",
            [
                new("tier", "TIER", "add: the relationships of a tier."),
                new("tag", "TAG", "add: the relationships with a tag."),
                new("faded", "MONTHS", "add: the relationships with no connected touch for over this many months (1 to 120)."),
                new("by", "YYYY-MM-DD", "add: the campaign's last day."),
                new("prefers", "CHANNELS", "add: the channels to reconnect by, in order (call,note)."),
                Json,
            ],
            1, 2,
            "campaign add \"past associates\" --tier \"past associate\" --by 2026-12-31 --prefers call,note"),
        new("import", "calendar|contacts FILE", "Bring in touches from a calendar file, or contacts from a CSV or vCard file.",
            "import calendar FILE reads an iCalendar export or downloaded subscription (Google, Outlook, Apple): meetings from\n--since (default 90 days ago) until now whose organiser or attendees have a relationship's e-mail become touches (a\nvideo link makes it a call). Series, moved and cancelled instances and declined invitations are honoured; importing\nthe same file again adds nothing twice. Future meetings within --horizon days (default 60) become booked next steps\nwith their time (\"meeting booked …, from your calendar\"): no routine touch is planned before one unless the maximum\ngap forces it; a re-import moves or drops them as the calendar did, and logs them once past. Prints what was added\nand what was skipped, and why.\nimport contacts FILE reads a CSV (Google or Outlook export, or name,email,phone,organization,birthday) or vCard file:\ncontacts are matched to relationships by e-mail (then phone, then name) and updated, or added in --tier; with --spread\ntheir first touches are spread over a period on your working days, inside your budget.",
            [
                new("since", "DATE", "calendar: the first day to read meetings from (default: 90 days ago)."),
                new("me", "EMAIL", "calendar: one of your own addresses (repeatable): an invitation you declined adds nothing.", Repeatable: true),
                new("horizon", "DAYS", "calendar: how many days ahead meetings are read as bookings (0 to 366; default 60; 0 reads none and leaves bookings as they are)."),
                new("time-off", null, "calendar: all-day out-of-office events become your time off."),
                new("holidays", null, "calendar: the file is a public-holiday calendar; its all-day events become your holidays."),
                new("tier", "TIER", "contacts: the tier of new relationships (default: contact)."),
                new("spread", "PERIOD", "contacts: spread the first touches of the new relationships over this period from today (6w, 30d, 2m), inside your budget, instead of all due today."),
                new("dry-run", null, "Show what would change; write nothing."),
            ],
            2, 2,
            "import calendar ~/Downloads/calendar.ics --since 2026-01-01 --me me@example.com --dry-run"),
        new("token", "", "Show the feed's secret token, or replace it.",
            "Shows the secret token in the served feed's URL. With --rotate, replaces it: the old URL stops working.",
            [new("rotate", null, "Replace the token with a new one.")], 0, 0),
        new("review", "", "The week looked back on: done, slipped, fading, suggestions, campaigns.",
            "The page to read on Friday afternoon: the week (Monday to Sunday) of --week, read as of today or its Sunday:\nthe touches done and steps closed, what slipped (touches overdue, steps dropped), who is fading or dormant with\ntheir health, the suggestions with the command that accepts each, and the campaigns' progress.",
            [new("week", "DATE", "Any day of the week to review (default: this week)."), Json], 0, 0,
            "review --week 2026-03-09"),
        new("suggestions", "", "What the plan suggests changing, with the facts: loosen a rule, try a channel, archive.",
            "Lists the plan's suggestions for today, with their ids: loosen the rule of a relationship you keep leaving\noverdue or snoozing, try another channel after three unanswered attempts by one, archive after half a year without\na reply. Nothing changes until you accept one.",
            [Json], 0, 0),
        new("accept", "SUGGESTION-ID", "Accept a suggestion: loosen the rule, prefer the channel, or archive.",
            "Makes the change a suggestion proposes (suggestions and review list them with their ids, e.g. loosen/zoe-muller)\nand prints what changed. Only a suggestion made today can be accepted.",
            [], 1, 1,
            "accept channel/sam-okafor"),
        new("help", "[COMMAND]", "Show the help of a command.", "Shows the help of a command, or the list of commands.", [], 0, 1),
    ];

    /// <summary>What every command takes besides its own options.</summary>
    private static readonly OptionSpec[] Common = [Data, Date];

    private const string ExitCodesLine = "Exit codes: 0 done, 1 bad input or an error (one line on stderr), 2 a wrong command line.";

    /// <summary>
    /// The command line as System.CommandLine sees it: a root command with a subcommand per <see cref="CommandSpec"/>;
    /// each runs <paramref name="run"/> with what was parsed. Help, parse errors and completions (<c>dotnet-suggest</c>)
    /// come from System.CommandLine.
    /// </summary>
    public static RootCommand Build(Func<Invocation, int> run)
    {
        var root = new RootCommand("Cadence.Diary: a marketing diary on a JSON file. Whom to contact, when, by which channel, and why.\n"
            + "With no command it shows today's agenda.");
        foreach (var spec in Common)
        {
            root.Options.Add(ToOption(spec, recursive: true));
        }

        foreach (var spec in Commands)
        {
            var command = new Command(spec.Name, spec.Summary);
            foreach (var option in spec.Options)
            {
                command.Options.Add(ToOption(option, recursive: false));
            }

            // One word (an id), or several (a name in words): System.CommandLine checks how many.
            if (spec.MaxPositionals > 0)
            {
                string name = spec.Arguments.Trim('[', ']');
                command.Arguments.Add(spec.MaxPositionals == 1
                    ? new Argument<string>(name) { Arity = spec.MinPositionals == 0 ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne }
                    : new Argument<string[]>(name) { Arity = spec.MinPositionals == 0 ? ArgumentArity.ZeroOrMore : ArgumentArity.OneOrMore });
            }

            command.SetAction(parsed => run(new Invocation(spec, parsed)));
            root.Subcommands.Add(command);
        }

        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction help } helpOption)
            {
                helpOption.Action = new HelpWithDetails(help);
            }
        }

        return root;
    }

    /// <summary>Parses and runs a command line: agenda when it names no command; a wrong one is one line and exit code 2.</summary>
    public static int Run(RootCommand root, IReadOnlyList<string> args, TextWriter output, Func<string, int> usage)
    {
        string[] line = args.Count == 0 || (args[0].StartsWith('-') && args[0] is not ("-h" or "--help" or "-?" or "--version"))
            ? ["agenda", .. args]
            : [.. args];
        var configuration = new ParserConfiguration { ResponseFileTokenReplacer = null };
        var parsed = root.Parse(line, configuration);
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpWithDetails)
        {
            string command = parsed.CommandResult.Command is RootCommand ? string.Empty : parsed.CommandResult.Command.Name + " ";
            // An unknown word says more than what it left missing.
            var error = parsed.Errors.FirstOrDefault(e => e.Message.Contains("needs a value", StringComparison.Ordinal))
                ?? parsed.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal))
                ?? parsed.Errors[0];
            string message = error.Message.TrimEnd('.');
            return usage($"{Text.Printable(message)}; run `{Program} {command}--help`.");
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = output, EnableDefaultExceptionHandler = false });
    }

    private static Option ToOption(OptionSpec spec, bool recursive)
    {
        Option option = spec.IsFlag
            ? new Option<bool>("--" + spec.Name)
            : spec.Repeatable
                ? new Option<string[]>("--" + spec.Name) { HelpName = spec.Value, AllowMultipleArgumentsPerToken = false }
                : new Option<string>("--" + spec.Name) { HelpName = spec.Value };
        if (!spec.IsFlag)
        {
            // "--channel --data f": the value is missing, and --data is not a channel.
            option.Validators.Add(result =>
            {
                if (result.Tokens.FirstOrDefault(t => t.Value.StartsWith("--", StringComparison.Ordinal)) is { } token)
                {
                    result.AddError($"--{spec.Name} needs a value ({spec.Value}), not the option {token.Value}");
                }
            });
        }

        option.Description = spec.Help;
        option.Required = spec.Required;
        option.Recursive = recursive;
        return option;
    }

    /// <summary>System.CommandLine's help, then the command's details and example, and the exit codes.</summary>
    private sealed class HelpWithDetails(HelpAction help) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            int code = help.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            if (Commands.FirstOrDefault(c => c.Name == parseResult.CommandResult.Command.Name) is { } spec
                && parseResult.CommandResult.Command is not RootCommand)
            {
                output.Write("Details:\n  " + spec.Description.Replace("\n", "\n  ", StringComparison.Ordinal) + "\n\n");
                if (spec.Example is { } example)
                {
                    output.Write($"Example:\n  {Program} {example}\n\n");
                }
            }

            output.Write(ExitCodesLine + "\n");
            return code;
        }
    }
}
