using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Cadence.Sample.Commands;
using Cadence.Sample.Demo;
using Cadence.Sample.Output;
using Cadence.Sample.Store;
using NodaTime;

namespace Cadence.Sample.Cli;

/// <summary>
/// The console application: parses the command line (System.CommandLine), runs a command, and turns every failure
/// into a one-line message on stderr and an exit code (0 done, 1 bad input or an error, 2 a wrong command line). No
/// stack traces.
/// </summary>
internal sealed class App(Terminal terminal, TextWriter error, IClock clock, string? directory = null)
{
    /// <summary>The data file used when --data is not given, if it exists.</summary>
    public const string DefaultDataFile = "diary.json";

    /// <summary>The longest error message written, in characters.</summary>
    private const int MaxMessage = 400;

    public Terminal Terminal { get; } = terminal;

    public TextWriter Out => Terminal.Out;

    public TextWriter Error { get; } = error;

    public IClock Clock { get; } = clock;

    /// <summary>The directory relative paths are read from: the working directory, unless the app runs in a test's own.</summary>
    public string Directory { get; } = directory ?? Environment.CurrentDirectory;

    /// <summary>A path as given (for messages) made absolute from <see cref="Directory"/> (for reading and writing).</summary>
    public string FullPath(string path) => Path.GetFullPath(path, Directory);

    /// <summary>A data file at this path, its notes on this app's error output.</summary>
    public DiaryStore Store(string path) => new(path, Error, directory: Directory);

    public int Run(IReadOnlyList<string> args)
    {
        try
        {
            var root = CommandLine.Build(Dispatch);
            return CommandLine.Run(root, args, Out, message => Fail(message, ExitCodes.Usage));
        }
        catch (UsageException e)
        {
            return Fail(e.Message, ExitCodes.Usage);
        }
        catch (UserException e)
        {
            return Fail(e.Message, ExitCodes.Error);
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or InvalidOperationException or IOException or UnauthorizedAccessException or FormatException)
        {
            // The library's checks name the bad value in their messages.
            return Fail(Messages.OneLine(e), ExitCodes.Error);
        }
        catch (Exception e)
        {
            return Fail($"Unexpected {e.GetType().Name}: {Messages.OneLine(e)}", ExitCodes.Error);
        }
    }

    private int Dispatch(Invocation invocation) => invocation.Command.Name switch
    {
        "agenda" => AgendaCommands.Agenda(this, invocation),
        "plan" => AgendaCommands.Plan(this, invocation),
        "init" => EditCommands.Init(this, invocation),
        "add" => EditCommands.Add(this, invocation),
        "log" => EditCommands.Log(this, invocation),
        "promise" => EditCommands.Promise(this, invocation),
        "done" => NextStepCommands.Done(this, invocation),
        "drop" => NextStepCommands.Drop(this, invocation),
        "reopen" => NextStepCommands.Reopen(this, invocation),
        "ladders" => NextStepCommands.Ladders(this, invocation),
        "ladder" => LadderCommands.Ladder(this, invocation),
        "learn" => LearnCommands.Learn(this, invocation),
        "list" => RelationshipCommands.List(this, invocation),
        "show" => RelationshipCommands.Show(this, invocation),
        "edit" => RelationshipCommands.Edit(this, invocation),
        "unarchive" => RelationshipCommands.Unarchive(this, invocation),
        "resume" => RelationshipCommands.Resume(this, invocation),
        "unlog" => RelationshipCommands.Unlog(this, invocation),
        "fix" => RelationshipCommands.Fix(this, invocation),
        "move" => EditCommands.Move(this, invocation),
        "pause" => EditCommands.Pause(this, invocation),
        "archive" => EditCommands.Archive(this, invocation),
        "merge" => MergeCommands.Merge(this, invocation),
        "remove" => MergeCommands.Remove(this, invocation),
        "owner" => EditCommands.Owner(this, invocation),
        "token" => EditCommands.Token(this, invocation),
        "import" => ImportCommands.Import(this, invocation),
        "date" => DateCommands.Date(this, invocation),
        "dates" => DateCommands.Dates(this, invocation),
        "campaign" => CampaignCommands.Campaign(this, invocation),
        "feed" => FeedCommands.Feed(this, invocation),
        "serve" => FeedCommands.Serve(this, invocation),
        "review" => ReviewCommands.Review(this, invocation),
        "suggestions" => ReviewCommands.Suggestions(this, invocation),
        "accept" => ReviewCommands.Accept(this, invocation),
        _ => Help(invocation),
    };

    /// <summary><c>help [COMMAND]</c>: System.CommandLine's help of the command, or of the program.</summary>
    private int Help(Invocation invocation)
    {
        var root = CommandLine.Build(Dispatch);
        if (invocation.Positionals.Count > 0 && !root.Subcommands.Any(c => c.Name == invocation.Positionals[0]))
        {
            return Fail($"help: there is no command \"{Text.Printable(invocation.Positionals[0])}\"; run `{CommandLine.Program} --help` for the list.", ExitCodes.Usage);
        }

        return CommandLine.Run(root, invocation.Positionals.Count == 0 ? ["--help"] : [invocation.Positionals[0], "--help"], Out, message => Fail(message, ExitCodes.Usage));
    }

    private int Fail(string message, int code)
    {
        Out.Flush();
        // One short line whatever the input: control characters (from a hostile file or argument) never reach the
        // terminal raw, and a huge bad value is not copied whole.
        message = Terminal.Clean(message.Length > MaxMessage ? message[..MaxMessage] + "…" : message);
        Error.Write($"{CommandLine.Program}: {message}\n");
        Error.Flush();
        return code;
    }

    /// <summary>Writes a message for people: control characters in user data (a name with ESC) never reach the terminal.</summary>
    public void Say(string message)
    {
        foreach (string line in message.TrimEnd('\n').Split('\n'))
        {
            Out.Write(Terminal.Clean(line) + "\n");
        }
    }

    /// <summary>
    /// A change to the data file: <paramref name="change"/> gets the data and today, checks everything, and returns
    /// the changed data (or null: nothing to write) and what to say. The file is written atomically under its lock;
    /// the message is printed after.
    /// </summary>
    public int Change(Invocation invocation, Func<DiaryData, LocalDate, (DiaryData? Next, string Message)> change)
    {
        Say(WriteStore(invocation).Update(data => change(data, TodayFor(invocation, data))));
        return ExitCodes.Ok;
    }

    /// <summary>
    /// A change whose work is long (an import): the work is done on the diary read without the lock, then the lock is
    /// taken only to write, and the work is done again only if the file changed meanwhile; so a long import is never
    /// the reason another command waits. A dry run takes no lock and creates nothing (it works on the demo diary too).
    /// </summary>
    public int ChangeOutsideLock<TWork>(Invocation invocation, bool dryRun, Func<DiaryData, LocalDate, TWork> work, Func<DiaryData, TWork, (DiaryData? Next, string Message)> apply)
    {
        if (dryRun)
        {
            var session = Open(invocation);
            Say(apply(session.Data, work(session.Data, session.Today)).Message);
            return ExitCodes.Ok;
        }

        var store = WriteStore(invocation);
        var (seen, seenBytes) = store.LoadWithBytes();
        var done = work(seen, TodayFor(invocation, seen));
        Say(store.Update((data, bytes) => apply(data, bytes.AsSpan().SequenceEqual(seenBytes) ? done : work(data, TodayFor(invocation, data)))));
        return ExitCodes.Ok;
    }

    /// <summary>The day "today" is for a diary: --date, else the clock in the owner's time zone.</summary>
    public LocalDate TodayFor(Invocation invocation, DiaryData data) => TodayIn(invocation, data.Owner.TimeZone);

    /// <summary>The day "today" is in a time zone: --date, else the clock there.</summary>
    public LocalDate TodayIn(Invocation invocation, DateTimeZone zone) =>
        invocation.Get("date") is { } date
            ? Text.ParseDate(date, "--date")
            : Clock.GetCurrentInstant().InZone(zone).Date;

    /// <summary>The data file the command reads: --data, else ./diary.json if it exists; or null for the demo diary.</summary>
    public DiaryStore? ReadStore(Invocation invocation) =>
        invocation.Get("data") is { } path ? Store(CheckPath(path))
        : File.Exists(FullPath(DefaultDataFile)) ? Store(DefaultDataFile)
        : null;

    /// <summary>The data file a command changes; the demo diary is read-only.</summary>
    public DiaryStore WriteStore(Invocation invocation) =>
        ReadStore(invocation) ?? throw new UserException(
            $"The demo diary is read-only: run `{CommandLine.Program} init` to start your own in ./{DefaultDataFile} (or init --data FILE).");

    /// <summary>Opens what a read-only command works on: the data file, or the demo diary as of today.</summary>
    public Session Open(Invocation invocation)
    {
        if (ReadStore(invocation) is { } store)
        {
            var data = store.Load();
            return new Session(store, data, TodayFor(invocation, data));
        }

        var demoToday = TodayFor(invocation, new DiaryData(Diary.Empty));
        return new Session(null, DemoDiary.Create(demoToday), demoToday);
    }

    private static string CheckPath(string path) =>
        string.IsNullOrWhiteSpace(path) ? throw new UsageException("--data needs a file name.") : path;
}

/// <summary>What a read-only command works on: a data file or the demo, and today.</summary>
internal sealed record Session(DiaryStore? Store, DiaryData Data, LocalDate Today)
{
    public bool IsDemo => Store is null;

    /// <summary>"diary.json", or "the demo diary".</summary>
    public string Source => Store?.Path ?? "the demo diary";
}
