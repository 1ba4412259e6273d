using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cadence.Calendars;
using Cadence.Sample.Cli;
using Cadence.Sample.Output;
using Cadence.Explanations;
using Cadence.Levelling;
using Cadence.Planning;
using NodaTime;

namespace Cadence.Sample.Commands;

/// <summary><c>agenda</c> and <c>plan</c>: what to do, for people (tables) and for scripts (<c>--json</c>).</summary>
internal static class AgendaCommands
{
    public static int Agenda(App app, Invocation invocation)
    {
        int days = invocation.Get("days") is { } d ? Text.ParseInt(d, "--days", 1, 366) : 1;
        var session = app.Open(invocation);
        var zone = session.Data.Owner.TimeZone;
        var levelled = DiaryPlanner.Level(session.Data, session.Today);
        var from = session.Today;
        var to = from.PlusDays(days - 1);
        // Day by day; within a day, the library's agenda order: overdue first, most overdue first.
        var touches = Cadence.Planning.Agenda.For(levelled, from, to).Touches.OrderBy(t => t.Due).ToList();

        if (invocation.Has("json"))
        {
            app.Out.Write(JsonOutput.Document("agenda", session, new
            {
                from,
                to,
                touches = touches.Select(JsonOutput.Touch),
                overbooked = levelled.Overbooked.Where(o => Overlaps(o, from, to)).Select(JsonOutput.Overbooked),
            }));
            return ExitCodes.Ok;
        }

        var t = app.Terminal;
        string range = days == 1 ? English.Day(from) : $"{English.Day(from)} to {English.Day(to)}";
        t.Line($"Agenda for {range} ({zone.Id}), from {session.Source}", Style.Bold);
        if (session.IsDemo)
        {
            t.Line($"This is the built-in demo diary (read-only); run `{CommandLine.Program} init` to start your own.", Style.Dim);
        }

        t.Line();
        if (touches.Count == 0)
        {
            var calendar = session.Data.Owner.ToCalendar();
            string why = days == 1 && calendar.DayOffOn(from) != DayOff.None ? $" ({DayOffText(calendar.DayOffOn(from))})" : string.Empty;
            t.Line($"Nothing due {(days == 1 ? "today" : "in these days")}{why}.");
            var next = levelled.Touches.Where(p => p.Due > to).Select(p => p.Due).DefaultIfEmpty().Min();
            if (next != default)
            {
                t.Line($"Next touches, {English.Day(next)}:");
                t.Line();
                WriteAgendaTable(t, Cadence.Planning.Agenda.For(levelled, next).Touches, session.Today);
            }
            WriteCampaigns(t, levelled, session.Today);
            return ExitCodes.Ok;
        }

        WriteAgendaTable(t, touches, session.Today);
        t.Line();
        int overdue = touches.Count(p => p.IsOverdue);
        int pinned = touches.Count(p => p.IsPinned);
        t.Line($"{Count(touches.Count, "touch", "touches")}: {overdue} overdue, {Count(pinned, "commitment", "commitments")}.", Style.Dim);
        foreach (var day in levelled.Overbooked.Where(o => Overlaps(o, from, to)))
        {
            string what = day.Week ? $"The week of {English.Day(day.Date)}" : English.Day(day.Date);
            string channel = day.Channel is { } c ? " by " + c.ToWord() : string.Empty;
            t.Line($"{what} is over budget: {day.Count} fixed touches{channel} for a budget of {day.Limit}{(day.Week ? " a week" : string.Empty)}.", Style.Yellow);
        }
        WriteCampaigns(t, levelled, session.Today);
        return ExitCodes.Ok;
    }

    /// <summary>One line per running campaign: "Campaign "past associates" to reconnect: 1 of 4 done by Tue 29 Sep; 3 left."</summary>
    private static void WriteCampaigns(Terminal t, Schedule plan, LocalDate today)
    {
        foreach (var c in plan.Campaigns.Where(c => c.Campaign.Status == CampaignStatus.Active && c.By >= today))
        {
            string left = c.IsComplete ? "all done" : $"{c.Left.Count} left" + (c.CannotFit.Count > 0 ? $", {c.CannotFit.Count} of them past the budget" : string.Empty);
            t.Line($"Campaign \"{c.Name}\" to reconnect: {c.Done} of {c.Members} done by {Text.Day(c.By, today)}; {left}.", Style.Dim);
        }
    }

    public static int Plan(App app, Invocation invocation)
    {
        var session = app.Open(invocation);
        var zone = session.Data.Owner.TimeZone;
        var levelled = DiaryPlanner.Level(session.Data, session.Today);
        var archived = session.Data.Diary.Relationships.Where(r => r.State.Status == RelationshipStatus.Archived).Select(r => r.Id).ToList();

        if (invocation.Has("json"))
        {
            app.Out.Write(JsonOutput.Document("plan", session, new
            {
                touches = levelled.Touches.Select(JsonOutput.Touch),
                overbooked = levelled.Overbooked.Select(JsonOutput.Overbooked),
                archived,
            }));
            return ExitCodes.Ok;
        }

        var t = app.Terminal;
        t.Line($"Plan as of {English.Day(session.Today)} ({zone.Id}), from {session.Source}", Style.Bold);
        t.Line();
        var table = new Table("DAY", "ID", "TOUCH", "WINDOW", "WHY");
        foreach (var touch in levelled.Touches)
        {
            table.Add(
                new Cell(Text.Day(touch.Due, touch.Time, session.Today), touch.IsOverdue ? Style.Red : touch.Due == session.Today ? Style.Bold : Style.Plain),
                new Cell(touch.RelationshipId, Style.Cyan),
                touch.Title,
                new Cell(Window(touch, session.Today), touch.IsLate ? Style.Red : Style.Plain),
                new Cell(touch.Why, touch.Relationship.State.Status == RelationshipStatus.Paused ? Style.Dim : Style.Plain));
        }

        if (table.Count == 0)
        {
            t.Line($"No relationships yet: `{CommandLine.Program} add NAME --tier TIER` adds one.");
        }
        else
        {
            table.Write(t);
        }

        if (archived.Count > 0)
        {
            t.Line();
            t.Line($"Archived, not planned: {string.Join(", ", archived)}.", Style.Dim);
        }

        return ExitCodes.Ok;
    }

    private static void WriteAgendaTable(Terminal t, IReadOnlyList<PlannedTouch> touches, LocalDate today)
    {
        var table = new Table("DAY", "ID", "TOUCH", "LATE", "HEALTH", "WHY");
        foreach (var touch in touches)
        {
            table.Add(
                new Cell(Text.Day(touch.Due, touch.Time, today), touch.Due == today ? Style.Bold : Style.Plain),
                new Cell(touch.RelationshipId, Style.Cyan),
                new Cell(touch.Title, touch.IsPinned ? Style.Yellow : Style.Plain),
                new Cell(touch.IsOverdue ? touch.DaysOverdue.ToString(CultureInfo.InvariantCulture) + "d" : string.Empty, Style.Red),
                new Cell(DiaryPlanner.HealthWord(touch.Health), DiaryPlanner.HealthStyle(touch.Health)),
                touch.LastTouch?.Summary is { Length: > 0 } note ? $"{touch.Why} Last contact: \"{note}\"" : touch.Why);
        }

        table.Write(t);
    }

    /// <summary>"13 Mar–27 Mar", "only 20 Mar", or "by 2 Mar" when the latest day has passed.</summary>
    private static string Window(PlannedTouch touch, LocalDate today)
    {
        if (touch.NotAfter < touch.NotBefore)
        {
            return "by " + Text.DayOfMonth(touch.NotAfter, today);
        }

        return touch.NotAfter == touch.NotBefore
            ? "only " + Text.DayOfMonth(touch.NotAfter, today)
            : Text.DayOfMonth(touch.NotBefore, today) + "–" + Text.DayOfMonth(touch.NotAfter, today);
    }

    /// <summary>Whether an overbooked day (or week, from its Monday) falls in the range.</summary>
    private static bool Overlaps(OverbookedDay day, LocalDate from, LocalDate to) =>
        day.Date <= to && (day.Week ? day.Date.PlusDays(6) : day.Date) >= from;

    private static string DayOffText(DayOff dayOff) => dayOff switch
    {
        DayOff.Weekend => "not a working day",
        DayOff.Holiday => "a holiday",
        _ => "time off",
    };

    private static string Count(int n, string one, string many) => $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";
}
