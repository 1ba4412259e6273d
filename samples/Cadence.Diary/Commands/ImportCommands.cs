using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Cadence.Explanations;
using Cadence.Import;
using Cadence.Levelling;
using Cadence.Sample.Cli;
using Cadence.Sample.Output;
using Cadence.Sample.Store;
using NodaTime;

namespace Cadence.Sample.Commands;

/// <summary><c>import calendar FILE</c> and <c>import contacts FILE</c>: what Cadence.Import reads, written to the diary, with a summary table.</summary>
internal static class ImportCommands
{
    /// <summary>The largest file read: a calendar of many years is some megabytes.</summary>
    private const long MaxFileBytes = 64L * 1024 * 1024;

    public static int Import(App app, Invocation invocation)
    {
        if (invocation.Positionals.Count != 2)
        {
            throw new UsageException($"import takes two arguments: calendar or contacts, and the file; e.g. `{CommandLine.Program} import calendar FILE`.");
        }

        string kind = invocation.Positionals[0];
        string path = invocation.Positionals[1];
        return kind switch
        {
            "calendar" => Calendar(app, invocation, path),
            "contacts" => Contacts(app, invocation, path),
            _ => throw new UsageException($"import takes calendar or contacts, not \"{Text.Printable(kind)}\"; e.g. `{CommandLine.Program} import calendar FILE`."),
        };
    }

    private static int Calendar(App app, Invocation invocation, string path)
    {
        if (invocation.Has("tier"))
        {
            throw new UsageException("--tier is for import contacts; a calendar adds touches to relationships already in the diary.");
        }

        if (invocation.Has("spread"))
        {
            throw new UsageException("--spread is for import contacts; a calendar adds no relationships.");
        }

        LocalDate? since = invocation.Get("since") is { } s ? Text.ParseDate(s, "--since") : null;
        int horizon = invocation.Get("horizon") is { } h ? Text.ParseInt(h, "--horizon", 0, 366) : 60;
        if (invocation.Has("holidays") && invocation.Has("horizon"))
        {
            throw new UsageException("--horizon is for a calendar of meetings; a holiday calendar books no meetings.");
        }

        string text = ReadFile(path, app.FullPath(path));
        CalendarImport? result = null;
        bool dryRun = invocation.Has("dry-run");
        CalendarImport Work(DiaryData data, LocalDate today)
        {
            var zone = data.Owner.TimeZone;

            // --date is a day: the import sees the whole of it, as if run that evening.
            var now = invocation.Has("date") ? today.PlusDays(1).AtStartOfDayInZone(zone).ToInstant() - Duration.FromSeconds(1) : app.Clock.GetCurrentInstant();
            var options = new CalendarImportOptions(now, zone)
            {
                Since = since,
                OwnerEmails = [.. invocation.All("me")],
                ImportTimeOff = invocation.Has("time-off"),
                HolidayCalendar = invocation.Has("holidays"),
                Horizon = horizon,
            };
            if (since is { } first && first > today)
            {
                throw new UserException($"--since {first:uuuu-MM-dd} is after today ({today:uuuu-MM-dd}).");
            }

            var import = app.Terminal.WithProgress($"Reading {Path.GetFileName(path)}", progress => CalendarImporter.Import(data.Diary, text, options with { Progress = progress }));
            if (import.Report.Lines is [{ Source: "the file", Action: ImportAction.Skipped } only] && import.Diary.Touches.Count == data.Diary.Touches.Count && only.Detail.StartsWith("is not an iCalendar file", StringComparison.Ordinal))
            {
                throw new UserException($"\"{Text.Printable(path)}\" {only.Detail}.");
            }

            return import;
        }

        // Read and matched without the lock; the lock only for the write (issue 26).
        app.ChangeOutsideLock(invocation, dryRun, Work, (data, import) =>
        {
            result = import;

            var owner = data.Owner with
            {
                TimeOff = [.. data.Owner.TimeOff.Concat(result.TimeOff).Distinct().OrderBy(d => d.Start).ThenBy(d => d.End)],
                Holidays = [.. data.Owner.Holidays.Concat(result.Holidays).Distinct().Order()],
            };
            int booked = result.Report.Lines.Count(l => l.Action == ImportAction.Added && l.Detail.StartsWith("a meeting booked", StringComparison.Ordinal));
            int moved = result.Report.Lines.Count(l => l.Action == ImportAction.Updated && l.Detail.StartsWith("the meeting booked", StringComparison.Ordinal));
            int dropped = result.Report.Count(ImportAction.Dropped);
            bool changed = !ReferenceEquals(result.Diary, data.Diary) || !owner.TimeOff.SequenceEqual(data.Owner.TimeOff) || !owner.Holidays.SequenceEqual(data.Owner.Holidays);
            int newTimeOff = owner.TimeOff.Length - data.Owner.TimeOff.Length, newHolidays = owner.Holidays.Length - data.Owner.Holidays.Length;
            string said = $"{(dryRun ? "Dry run: would import" : "Imported")} {Path.GetFileName(path)}: {Plural(result.Diary.Touches.Count - data.Diary.Touches.Count, "touch", "touches")}"
                + (result.TimeOff.Count > 0 ? $", {Plural(newTimeOff, "new spell", "new spells")} of time off" : string.Empty)
                + (result.Holidays.Count > 0 ? $", {Plural(newHolidays, "new holiday", "new holidays")}" : string.Empty)
                + (booked + moved + dropped > 0 ? $", {Plural(booked, "meeting", "meetings")} booked, {moved} moved, {dropped} dropped" : string.Empty)
                + $"; {Plural(result.Report.Count(ImportAction.AlreadyImported), "occurrence", "occurrences")} imported before, {result.Report.Count(ImportAction.Skipped)} skipped."
                + (dryRun ? " Nothing was written." : string.Empty);
            return (dryRun || !changed ? null : (data with { Owner = owner }).WithDiary(result.Diary), said);
        });
        Summary(app, result!.Report, result.Diary, perPerson: false);
        foreach (string note in result.Notes)
        {
            app.Say("Note: " + note);
        }

        return ExitCodes.Ok;
    }

    private static int Contacts(App app, Invocation invocation, string path)
    {
        foreach (string option in new[] { "since", "me", "time-off", "holidays", "horizon" })
        {
            if (invocation.Has(option))
            {
                throw new UsageException($"--{option} is for import calendar.");
            }
        }

        string tier = invocation.Get("tier")?.Trim() ?? "contact";
        Period? spread = invocation.Get("spread") is { } over ? ParseSpread(over) : null;
        string text = ReadFile(path, app.FullPath(path));

        // vCard by its first line, CSV otherwise (Google, Outlook or name,email,phone,organization,birthday).
        bool vcard = text.TrimStart('\uFEFF', ' ', '\r', '\n', '\t').StartsWith("BEGIN:VCARD", StringComparison.OrdinalIgnoreCase);
        var read = vcard ? VCardReader.Read(text) : ContactCsvReader.Read(text);
        if (read.Cards.Count == 0 && read.Problems is [{ Source: "the file" } only])
        {
            throw new UserException($"\"{Text.Printable(path)}\" {only.Detail}.");
        }

        ContactImport? result = null;
        bool dryRun = invocation.Has("dry-run");
        // Matched without the lock; the lock only for the write (issue 26).
        app.ChangeOutsideLock(invocation, dryRun, (data, _) => app.Terminal.WithProgress($"Reading {Path.GetFileName(path)}", progress => ContactImporter.Import(data.Diary, read.Cards, new ContactImportOptions(tier) { Progress = progress })), (data, import) =>
        {
            result = import;
            var report = result.Report;
            string spreadSaid = string.Empty;
            if (spread is { } period && report.Lines.Where(l => l.Action == ImportAction.Added).Select(l => l.RelationshipId!).Distinct().ToList() is { Count: > 0 } added)
            {
                // Each new relationship's first touch on a working day of the period with room in the budget, said in its reason.
                var today = app.TodayFor(invocation, data);
                var through = today.Plus(period).PlusDays(-1);
                var days = FirstTouchSpread.Days(DiaryPlanner.Level(data.WithDiary(import.Diary), today), added, today, through, data.Owner.ToCalendar());
                var diary = import.Diary;
                for (int i = 0; i < added.Count; i++)
                {
                    diary = diary.Move(new ManualMove(added[i], days[i], today) { FirstTouch = true });
                }

                result = import with { Diary = diary };
                int busiest = days.GroupBy(d => d).Max(g => g.Count());
                spreadSaid = $" First touches of the {Plural(added.Count, "new relationship", "new relationships")} spread from {English.Day(days.Min())} to {English.Day(days.Max())}, at most {busiest} a day"
                    + (days.Max() > through ? $" (past {English.Day(through)}: the period had no more room in your budget)." : ".");
            }

            string said = $"{(dryRun ? "Dry run: would import" : "Imported")} {Path.GetFileName(path)} ({(vcard ? "vCard" : "CSV")}, {Plural(read.Cards.Count, "contact", "contacts")}): "
                + $"{report.Count(ImportAction.Added)} added, {report.Count(ImportAction.Updated)} updated, {report.Count(ImportAction.Matched)} already there, "
                + (report.Count(ImportAction.PossibleDuplicate) is > 0 and int duplicates ? $"{Plural(duplicates, "possible duplicate", "possible duplicates")} not added, " : string.Empty)
                + $"{report.Count(ImportAction.Skipped) + read.Problems.Count} skipped."
                + spreadSaid
                + (dryRun ? " Nothing was written." : string.Empty);
            return (dryRun || ReferenceEquals(result.Diary, data.Diary) ? null : data.WithDiary(result.Diary), said);
        });
        var lines = read.Problems.Concat(result!.Report.Lines);
        Summary(app, new ImportReport(lines), result.Diary, perPerson: true);
        return ExitCodes.Ok;
    }

    /// <summary>--spread: days, weeks or months ("30d", "6w", "2m"), from a day to a year.</summary>
    private static Period ParseSpread(string value)
    {
        var match = System.Text.RegularExpressions.Regex.Match(value.Trim(), "^([0-9]{1,3})\\s*(d|w|m)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        int n = match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var period = char.ToLowerInvariant(match.Success ? match.Groups[2].Value[0] : 'd') switch
        {
            'w' => Period.FromWeeks(n),
            'm' => Period.FromMonths(n),
            _ => Period.FromDays(n),
        };
        var today = new LocalDate(2000, 1, 1);
        if (!match.Success || n < 1 || today.Plus(period) > today.PlusYears(1))
        {
            throw new UserException($"Bad period \"{Text.Printable(value)}\" for --spread: give days, weeks or months up to a year, e.g. 6w, 30d or 2m.");
        }

        return period;
    }

    /// <summary>The most rows of one kind the summary lists (added, updated, a reason to skip); the rest are counted in one row.</summary>
    private const int MaxRows = 10;

    /// <summary>The report as a table: what was added to whom, and how often each reason to skip came up.</summary>
    private static void Summary(App app, ImportReport report, Diary diary, bool perPerson)
    {
        var table = new Table("WHAT", "COUNT", "DETAIL");
        foreach (var action in report.Lines.Where(l => l.Action is ImportAction.Added or ImportAction.Updated or ImportAction.Dropped).GroupBy(l => l.Action).OrderBy(g => g.Key))
        {
            var groups = action.GroupBy(l => l.RelationshipId).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            foreach (var group in groups.Take(MaxRows))
            {
                // A contact: what was added or changed; a calendar: whom the touches are with.
                string who = perPerson ? $"{group.Key}: {group.Last().Detail}"
                    : group.Key is { } id && diary.TryGet(id, out var r) ? $"{r.Name} ({id})" : group.First().Detail;
                table.Add(new Cell(Word(action.Key), Style.Green), Count(group.Count()), who);
            }

            if (groups.Count > MaxRows)
            {
                // Counted, not listed: the summary stays a screen whatever the file (`list` shows them all).
                table.Add(new Cell(Word(action.Key), Style.Green), Count(groups.Skip(MaxRows).Sum(g => g.Count())), $"{groups.Count - MaxRows} more relationships");
            }
        }

        foreach (var group in report.Lines.Where(l => l.Action is ImportAction.Matched or ImportAction.AlreadyImported).GroupBy(l => l.Action).OrderBy(g => g.Key))
        {
            table.Add(new Cell(Word(group.Key), Style.Dim), Count(group.Count()), string.Empty);
        }

        // A possible duplicate each on its row: the person has to choose.
        var duplicates = report.Lines.Where(l => l.Action == ImportAction.PossibleDuplicate).ToList();
        foreach (var line in duplicates.Take(MaxRows))
        {
            table.Add(new Cell("possible duplicate", Style.Yellow), Count(1), $"{line.Detail} ({line.Source})");
        }

        if (duplicates.Count > MaxRows)
        {
            table.Add(new Cell("possible duplicate", Style.Yellow), Count(duplicates.Count - MaxRows), "more contacts with the name of several relationships");
        }

        var reasons = report.Skipped.GroupBy(l => l.Detail, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var group in reasons.Take(MaxRows))
        {
            string example = group.Count() == 1 ? $" ({group.First().Source})" : string.Empty;
            table.Add(new Cell("skipped", Style.Yellow), Count(group.Count()), group.Key + example);
        }

        if (reasons.Count > MaxRows)
        {
            table.Add(new Cell("skipped", Style.Yellow), Count(reasons.Skip(MaxRows).Sum(g => g.Count())), $"for {reasons.Count - MaxRows} other reasons");
        }

        if (table.Count > 0)
        {
            table.Write(app.Terminal);
        }
    }

    private static string Word(ImportAction action) => action switch
    {
        ImportAction.Added => "added",
        ImportAction.Updated => "updated",
        ImportAction.Matched => "matched",
        ImportAction.AlreadyImported => "imported before",
        ImportAction.PossibleDuplicate => "possible duplicate",
        ImportAction.Dropped => "dropped",
        _ => "skipped",
    };

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Plural(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    /// <summary>The file's text, or a one-line error naming the file.</summary>
    private static string TooBig(string path, long bytes) =>
        $"\"{Text.Printable(path)}\" is {bytes / (1024 * 1024)} MB or more; import at most {MaxFileBytes / (1024 * 1024)} MB at a time.";

    /// <summary>The text of the file at <paramref name="file"/> (<paramref name="path"/> as the user gave it, for messages).</summary>
    private static string ReadFile(string path, string file)
    {
        try
        {
            // A link is judged by what it finally points to (a link to /dev/zero is a device, not a 9-byte file).
            var info = new FileInfo(file);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target)
            {
                info = target;
            }

            if (!info.Exists)
            {
                throw new UserException($"There is no file \"{Text.Printable(path)}\".");
            }

            if (info.Length == 0)
            {
                // A device (/dev/zero, /dev/urandom) or a pipe says 0 too: it is never opened, so it can neither hang the
                // import nor fill the memory.
                throw new UserException($"\"{Text.Printable(path)}\" is empty, or not a regular file (a device or a pipe): nothing to import.");
            }

            if (info.Length > MaxFileBytes)
            {
                throw new UserException(TooBig(path, info.Length));
            }

            // The bound applies to the bytes read too: never more than the size it had (and the bound), plus one byte to
            // see a file that grew meanwhile.
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
            var bytes = new byte[(int)info.Length + 1];
            int read = 0, n;
            while (read < bytes.Length && (n = stream.Read(bytes, read, bytes.Length - read)) > 0)
            {
                read += n;
            }

            if (read > info.Length)
            {
                throw new UserException($"\"{Text.Printable(path)}\" grew while it was read; import it once it is written.");
            }

            using var reader = new StreamReader(new MemoryStream(bytes, 0, read), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserException($"Cannot read \"{Text.Printable(path)}\": {e.Message}");
        }
    }
}
