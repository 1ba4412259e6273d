using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cadence.Sample.Cli;
using Cadence.Sample.Output;
using Cadence.Sample.Store;
using NodaTime;

namespace Cadence.Sample.Commands;

/// <summary>How the data file and the command line write an important date: "04-15", "1986-04-15", "third monday of september".</summary>
internal static class ImportantDates
{
    public static DateDto ToDto(ImportantDate date) => new(
        date.Label,
        date.Recurrence == DateRecurrence.Relative ? null : date.FormatOn(),
        date.Recurrence == DateRecurrence.Relative ? date.FormatRule() : null,
        date.Recurrence == DateRecurrence.Once ? true : null,
        date.Recurrence == DateRecurrence.Yearly && date.LeapDay != LeapDayRule.February28 ? date.LeapDay : null,
        date.LeadDays > 0 ? date.LeadDays : null);

    public static ImportantDate FromDto(DateDto dto)
    {
        var date = (dto.On, dto.Rule) switch
        {
            ({ } on, null) => Parse(dto.Label, on, dto.Once == true, dto.LeapDay ?? LeapDayRule.February28, "\"on\""),
            (null, { } rule) => ParseRule(dto.Label, rule, "\"rule\""),
            _ => throw new UserException("a date needs either \"on\" or \"rule\""),
        };
        return dto.Lead is { } lead ? date.WithLeadDays(lead) : date;
    }

    /// <summary>"04-15" or "--04-15" (yearly), "1986-04-15" (yearly since 1986, or that day only when <paramref name="once"/>): the library's <see cref="ImportantDate.ParseOn"/>.</summary>
    public static ImportantDate Parse(string label, string on, bool once, LeapDayRule leapDay, string where) =>
        Text.Read(() => ImportantDate.ParseOn(label, on, once, leapDay), where);

    /// <summary>"third monday of september", "last friday of june", "1st mon of sep": the library's <see cref="ImportantDate.ParseRule"/>.</summary>
    public static ImportantDate ParseRule(string label, string rule, string where) =>
        Text.Read(() => ImportantDate.ParseRule(label, rule), where);
}

/// <summary><c>date ID --label L (--on DATE | --rule TEXT)</c> and <c>dates [--days N]</c>: the dates that matter.</summary>
internal static class DateCommands
{
    public static int Date(App app, Invocation invocation)
    {
        string id = invocation.Positionals[0].Trim();
        string label = invocation.Get("label")!.Trim();
        string? on = invocation.Get("on");
        string? rule = invocation.Get("rule");
        bool remove = invocation.Has("remove");
        if (!remove && (on is null) == (rule is null))
        {
            throw new UsageException("date needs --on MM-DD|YYYY-MM-DD or --rule \"third monday of september\" (one of them), or --remove.");
        }

        if (rule is not null && (invocation.Has("once") || invocation.Has("leap")))
        {
            // A rule ("third monday of september") recurs every year and never falls on 29 February.
            throw new UsageException($"date --rule cannot take {(invocation.Has("once") ? "--once" : "--leap")}: it recurs every year and never falls on 29 February; use --on for a date that happens once.");
        }

        int? lead = invocation.Get("lead") is { } l ? int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out int days) && days <= ImportantDate.MaxLeadDays
            ? days
            : throw new UserException($"--lead \"{Text.Printable(l)}\" is not a number of days from 0 to {ImportantDate.MaxLeadDays}.") : null;
        var leap = invocation.Get("leap") is { } lp ? lp.Trim().ToLowerInvariant() switch
        {
            "feb28" => LeapDayRule.February28,
            "mar1" => LeapDayRule.March1,
            _ => throw new UserException($"--leap \"{Text.Printable(lp)}\" is not feb28 or mar1."),
        } : LeapDayRule.February28;
        return app.Change(invocation, (data, today) =>
        {
            var relationship = EditCommands.Find(data, id);
            var others = relationship.ImportantDates.Where(d => !d.Label.Equals(label, StringComparison.OrdinalIgnoreCase)).ToList();
            if (remove)
            {
                if (others.Count == relationship.ImportantDates.Count)
                {
                    throw new UserException($"{relationship.Name} ({relationship.Id}) has no date labelled \"{Text.Printable(label)}\".");
                }

                return (data.WithDiary(data.Diary.Update(relationship.WithImportantDates(others))), $"Removed {relationship.Name}'s {label}.");
            }

            var date = on is not null ? ImportantDates.Parse(label, on, invocation.Has("once"), leap, "--on") : ImportantDates.ParseRule(label, rule!, "--rule");
            date = lead is { } ahead ? date.WithLeadDays(ahead) : date;
            var next = date.Next(today);
            var updated = relationship.WithImportantDates(others.Append(date));
            string when = next is { } n ? $"next on {Text.Day(n, today)}{Years(date, n)}" : "already past";
            return (data.WithDiary(data.Diary.Update(updated)), $"{relationship.Name}'s {label}: {when}{(date.LeadDays > 0 ? $", remind {date.LeadDays} days before" : string.Empty)}.");
        });
    }

    public static int Dates(App app, Invocation invocation)
    {
        var session = app.Open(invocation);
        int days = invocation.Get("days") is { } d ? int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= 366
            ? n
            : throw new UserException($"--days \"{Text.Printable(d)}\" is not a number from 1 to 366.") : 30;
        var today = session.Today;
        var last = today.PlusDays(days - 1);

        // A date is listed when it or its reminder falls in the days covered.
        var upcoming = session.Data.Diary.Relationships
            .Where(r => r.State.Status != RelationshipStatus.Archived)
            .SelectMany(r => r.ImportantDates.Select(date => (Relationship: r, Date: date, On: date.Next(today))))
            .Where(x => x.On is { } on && on.PlusDays(-x.Date.LeadDays) <= last)
            .OrderBy(x => x.On).ThenBy(x => x.Relationship.Id, StringComparer.Ordinal).ThenBy(x => x.Date.Label, StringComparer.Ordinal)
            .ToList();
        if (invocation.Has("json"))
        {
            app.Out.Write(JsonOutput.Document("dates", session, new
            {
                days,
                dates = upcoming.Select(x => new
                {
                    relationship = x.Relationship.Id,
                    name = x.Relationship.Name,
                    label = x.Date.Label,
                    date = x.On,
                    remindOn = x.On!.Value.PlusDays(-x.Date.LeadDays),
                    years = x.Date.YearsOn(x.On.Value),
                }),
            }));
            return ExitCodes.Ok;
        }

        var t = app.Terminal;
        t.Line($"Dates that matter, {Text.Day(today, today)} to {Text.Day(last, today)} ({session.Source})", Style.Bold);
        if (upcoming.Count == 0)
        {
            t.Line("None in these days. Add one with `date ID --label birthday --on MM-DD`.");
            return ExitCodes.Ok;
        }

        var table = new Table("DAY", "ID", "WHAT", "NOTE");
        foreach (var (relationship, date, on) in upcoming)
        {
            var day = on!.Value;
            string remind = date.LeadDays > 0 ? $"remind from {Text.Day(day.PlusDays(-date.LeadDays), today)}" : string.Empty;
            string years = Years(date, day).TrimStart(';', ' ');
            table.Add(Text.Day(day, today), new Cell(relationship.Id, Style.Cyan), $"{relationship.Name}'s {date.Label}", string.Join("; ", new[] { years, remind }.Where(s => s.Length > 0)));
        }

        table.Write(t);
        return ExitCodes.Ok;
    }

    /// <summary>"; turns 40" for a birthday with a year, "; 10 years" for another date with one; nothing without.</summary>
    private static string Years(ImportantDate date, LocalDate on) =>
        date.YearsOn(on) is { } years
            ? date.Label.Contains("birthday", StringComparison.OrdinalIgnoreCase) ? $"; turns {years}" : $"; {years} years"
            : string.Empty;
}
