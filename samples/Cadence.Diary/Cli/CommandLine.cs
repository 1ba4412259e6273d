using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

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

/// <summary>A parsed command line.</summary>
internal sealed class Invocation(CommandSpec command, IReadOnlyList<string> positionals, IReadOnlyDictionary<string, List<string>> options, bool help)
{
    public CommandSpec Command { get; } = command;

    public IReadOnlyList<string> Positionals { get; } = positionals;

    public bool Help { get; } = help;

    public bool Has(string name) => options.ContainsKey(name);

    public string? Get(string name) => options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string name) => options.TryGetValue(name, out var values) ? values : [];
}

/// <summary>The commands, their options, the parser and the help.</summary>
internal static class CommandLine
{
    public const string Program = "Cadence.Diary";

    public static readonly OptionSpec Data = new("data", "FILE", "The data file (default: ./diary.json if it exists, else the built-in demo diary, which is read-only).");
    public static readonly OptionSpec Date = new("date", "YYYY-MM-DD", "The day to take as today (default: today in the owner's time zone).");
    public static readonly OptionSpec Json = new("json", null, "Machine-readable JSON instead of a table (see docs/json-output.md).");
    public static readonly OptionSpec HelpOption = new("help", null, "Show this help (also -h).");

    private static readonly OptionSpec[] Common = [Data, Date, HelpOption];

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
                new("tier", "TIER", "Its tier: client, prospect, referral source, past associate, or any other name (required).", Required: true),
                new("id", "ID", "The id to use (default: from the name, e.g. zoe-muller)."),
                new("zone", "TZID", "The contact's IANA time zone, e.g. Australia/Sydney."),
                new("prefers", "CHANNEL,...", "Preferred channels, most preferred first: meeting, call, note, social."),
            ],
            1, int.MaxValue,
            "add \"Zoë Müller\" --tier client --zone Europe/Berlin --prefers call,meeting"),
        new("log", "ID", "Log a touch that happened; prints what it closed and what comes next.",
            "Logs a touch with a relationship. The open commitments due on or before its day are marked done by it when it is\nan attempt of yours (answered or not) or a conversation they started, unless --keep-open is given. A reply\n(--inbound, or a call or meeting that connected) also closes every step made before it that waits for a reply.\nAn outbound touch can carry a follow-up ladder, decided now: the steps to take if no reply comes.",
            [
                new("channel", "CHANNEL", "meeting, call, note or social; or email, card, letter (a note), phone (a call), linkedin (social) (required).", Required: true),
                new("on", "DATE", "The day it happened (default: today); not after today."),
                new("inbound", null, "They reached out to you."),
                new("no-reply", null, "No answer, no reply, a voicemail left."),
                new("medium", "TEXT", "The medium: coffee, email, LinkedIn, Skype video, handwritten note…"),
                new("note", "TEXT", "A short summary."),
                new("keep-open", null, "Leave open commitments open."),
                new("follow-up", "LADDER", "If no reply: a named ladder (see ladders), steps such as 3wd:note,5wd:call (wd working days, d calendar days), or none."),
            ],
            1, 1,
            "log sam-okafor --channel email --note \"Sent the proposal\" --follow-up 3wd:note,5wd:call"),
        new("promise", "ID", "Make a commitment: a dated next step.",
            "Adds an open commitment with a relationship. It pins the date of the next touch and wins over the cadence.",
            [
                new("on", "DATE", "The day it is due (required).", Required: true),
                new("what", "TEXT", "What the step is (required).", Required: true),
                new("channel", "CHANNEL", "The channel to use: meeting, call, note or social."),
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
        new("move", "ID", "Move a relationship's next touch: snooze it or bring it forward.",
            "Moves the next touch to another day. A touch pinned by a commitment moves the commitment; otherwise the move\nholds until a touch is logged.",
            [new("to", "DATE", "The day to move it to; today or later (required).", Required: true)], 1, 1,
            "move zoe-muller --to 2026-03-20"),
        new("pause", "ID", "Pause a relationship until a day.",
            "Pauses a relationship (out of office, on leave): nothing is due before the day given.",
            [new("until", "DATE", "The day it resumes; after today (required).", Required: true)], 1, 1),
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
        new("edit", "ID", "Change a relationship's name, tier, zone, preferred channels, weekend or rule.",
            "Changes a relationship's details; its id, touches and next steps stay. A prospect who won becomes a client with\n--tier client.",
            [
                new("name", "NAME", "Its name."),
                new("tier", "TIER", "Its tier (its default rule and ladder come from it)."),
                new("zone", "TZID", "Its IANA time zone, or none."),
                new("prefers", "CHANNEL,...", "Preferred channels, most preferred first, or none."),
                new("weekend", "DAYS", "Its weekend days, e.g. fri,sat, or none."),
                new("rule", "MIN,TARGET,MAX", "Its own rule in days (14,30,45) or ISO periods (P2W,P4W,P6W), or default for its tier's."),
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
                new("out", "FILE", "Where to write the .ics file (required).", Required: true),
                new("privacy", "LEVEL", "full (default), initials or channel."),
                new("tasks", null, "Write tasks (VTODO) instead of events."),
                new("digest", null, "Write one event a day listing its touches."),
                new("horizon", "DAYS", "How many days ahead (1 to 3660; default 365)."),
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
            ],
            0, 0,
            "serve --port 0"),
        new("token", "", "Show the feed's secret token, or replace it.",
            "Shows the secret token in the served feed's URL. With --rotate, replaces it: the old URL stops working.",
            [new("rotate", null, "Replace the token with a new one.")], 0, 0),
        new("help", "[COMMAND]", "Show the help of a command.", "Shows the help of a command, or the list of commands.", [], 0, 1),
    ];

    public static CommandSpec Find(string name) =>
        Commands.FirstOrDefault(c => c.Name == name)
        ?? throw new UsageException($"Unknown command \"{Text.Printable(name)}\"; run `{Program} --help` for the commands.");

    /// <summary>Parses the arguments: the command (agenda when none), its options and its positional arguments.</summary>
    /// <exception cref="UsageException">An unknown command or option, a missing value, a repeated option.</exception>
    public static Invocation Parse(IReadOnlyList<string> args)
    {
        int start = 0;
        CommandSpec command;
        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            command = Find(args[0]);
            start = 1;
        }
        else
        {
            command = Find("agenda");
        }

        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var positionals = new List<string>();
        bool help = false;
        bool onlyPositionals = false;
        var known = command.Options.Concat(Common).ToDictionary(o => o.Name, StringComparer.Ordinal);
        for (int i = start; i < args.Count; i++)
        {
            string arg = args[i];
            if (onlyPositionals || !arg.StartsWith('-') || arg == "-")
            {
                positionals.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyPositionals = true;
                continue;
            }

            if (arg is "-h" or "--help" or "-?")
            {
                help = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"Unknown option {Text.Printable(arg)} for {command.Name}; run `{Program} {command.Name} --help`.");
            }

            string name = arg[2..];
            string? value = null;
            int equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }

            if (!known.TryGetValue(name, out var spec))
            {
                throw new UsageException($"Unknown option --{Text.Printable(name)} for {command.Name}; run `{Program} {command.Name} --help`.");
            }

            if (spec.IsFlag)
            {
                if (value is not null)
                {
                    throw new UsageException($"The option --{name} takes no value.");
                }

                value = string.Empty;
            }
            else if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"The option --{name} needs a value: --{name} {spec.Value}.");
                }

                value = args[++i];
            }

            if (options.TryGetValue(name, out var list))
            {
                if (!spec.Repeatable)
                {
                    throw new UsageException($"The option --{name} is given twice.");
                }

                list.Add(value);
            }
            else
            {
                options[name] = [value];
            }
        }

        var invocation = new Invocation(command, positionals, options, help);
        if (help)
        {
            return invocation;
        }

        if (positionals.Count < command.MinPositionals)
        {
            throw new UsageException($"{command.Name} needs {command.Arguments}: {Program} {Synopsis(command)}.");
        }

        if (positionals.Count > command.MaxPositionals)
        {
            throw new UsageException(command.MaxPositionals == 0
                ? $"{command.Name} takes no argument \"{Text.Printable(positionals[0])}\"; run `{Program} {command.Name} --help`."
                : $"{command.Name} takes one {command.Arguments}, not \"{Text.Printable(string.Join(' ', positionals))}\" (quote a value with spaces).");
        }

        foreach (var spec in command.Options.Where(o => o.Required))
        {
            if (!options.ContainsKey(spec.Name))
            {
                throw new UsageException($"{command.Name} needs --{spec.Name} {spec.Value}: {Program} {Synopsis(command)}.");
            }
        }

        return invocation;
    }

    public static string Synopsis(CommandSpec command)
    {
        var parts = new List<string> { command.Name };
        if (command.Arguments.Length > 0)
        {
            parts.Add(command.Arguments);
        }

        parts.AddRange(command.Options.Select(o => o.Required ? o.Synopsis : $"[{o.Synopsis}]"));
        return string.Join(' ', parts);
    }

    /// <summary>The help of one command.</summary>
    public static string Help(CommandSpec command)
    {
        var text = new StringBuilder();
        text.Append("Usage: ").Append(Program).Append(' ').Append(Synopsis(command)).Append("\n\n");
        text.Append(command.Description).Append("\n\n");
        if (command.Name == "help")
        {
            return text.ToString();
        }

        var all = command.Options.Concat(Common).ToList();
        int width = all.Max(o => o.Synopsis.Length) + 2;
        if (command.Options.Count > 0)
        {
            text.Append("Options:\n");
            foreach (var option in command.Options)
            {
                text.Append("  ").Append(option.Synopsis.PadRight(width)).Append(option.Help).Append('\n');
            }

            text.Append('\n');
        }

        text.Append("Common options:\n");
        foreach (var option in Common)
        {
            text.Append("  ").Append(option.Synopsis.PadRight(width)).Append(option.Help).Append('\n');
        }

        if (command.Example is { } example)
        {
            text.Append("\nExample:\n  ").Append(Program).Append(' ').Append(example).Append('\n');
        }

        text.Append("\nExit codes: 0 done, 1 bad input or an error (one line on stderr), 2 a wrong command line.\n");
        return text.ToString();
    }

    /// <summary>The list of commands.</summary>
    public static string Overview()
    {
        var text = new StringBuilder();
        text.Append("Cadence.Diary: a marketing diary on a JSON file. Whom to contact, when, by which channel, and why.\n\n");
        text.Append("Usage: ").Append(Program).Append(" [COMMAND] [OPTIONS]   (dotnet run --project samples/Cadence.Diary -- COMMAND ...)\n\n");
        text.Append("Commands:\n");
        int width = Commands.Max(c => c.Name.Length) + 2;
        foreach (var command in Commands)
        {
            text.Append("  ").Append(command.Name.PadRight(width)).Append(command.Summary).Append('\n');
        }

        text.Append("\nCommon options:\n");
        int optionWidth = Common.Max(o => o.Synopsis.Length) + 2;
        foreach (var option in Common)
        {
            text.Append("  ").Append(option.Synopsis.PadRight(optionWidth)).Append(option.Help).Append('\n');
        }

        text.Append("\nRun `").Append(Program).Append(" COMMAND --help` for a command's options.\n");
        text.Append("Exit codes: 0 done, 1 bad input or an error (one line on stderr), 2 a wrong command line.\n");
        return text.ToString();
    }
}
