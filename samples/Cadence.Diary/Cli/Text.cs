using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cadence.Explanations;
using NodaTime;
using NodaTime.Text;

namespace Cadence.Sample.Cli;

/// <summary>How values are written and read, on the command line and in the data file.</summary>
internal static class Text
{
    public static readonly LocalDatePattern Date = LocalDatePattern.Iso;
    public static readonly LocalTimePattern Minutes = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    public static readonly LocalTimePattern Seconds = LocalTimePattern.CreateWithInvariantCulture("HH':'mm':'ss");
    public static readonly LocalDatePattern DayMonth = LocalDatePattern.Create("d MMM", CultureInfo.InvariantCulture);

    private static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private static readonly string[] FullDayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static string Format(LocalDate date) => Date.Format(date);

    public static string Format(LocalTime time) => time.Second == 0 && time.NanosecondOfSecond == 0 ? Minutes.Format(time) : Seconds.Format(time);

    /// <summary>A date as YYYY-MM-DD, or a one-line error naming where it came from.</summary>
    public static LocalDate ParseDate(string value, string where)
    {
        var result = Date.Parse(value.Trim());
        return result.Success
            ? result.Value
            : throw new UserException($"Bad date \"{Printable(value)}\" for {where}: use YYYY-MM-DD, e.g. 2026-03-13.");
    }

    public static LocalTime ParseTime(string value, string where)
    {
        var result = Minutes.Parse(value.Trim());
        if (!result.Success)
        {
            result = Seconds.Parse(value.Trim());
        }

        return result.Success
            ? result.Value
            : throw new UserException($"Bad time \"{Printable(value)}\" for {where}: use HH:MM, e.g. 09:30.");
    }

    /// <summary>A channel word (the library's <see cref="ChannelWord"/>: meeting, call, note, social, email, card, letter, phone, linkedin), or a one-line error naming where it came from.</summary>
    public static ChannelWord ParseChannelWord(string value, string where) => Read(() => ChannelWord.Parse(value), where);

    /// <summary>Channel words separated by commas (<see cref="ChannelWord.ParseList"/>), or a one-line error naming where they came from; none at all is an error too.</summary>
    public static IReadOnlyList<Channel> ParseChannels(string value, string where) =>
        Read(() => ChannelWord.ParseList(value), where) is { Count: > 0 } channels
            ? channels
            : throw new UserException($"{where} \"{Printable(value)}\" names no channel: give one or more of meeting, call, note, social, separated by commas.");

    /// <summary>
    /// Makes something of the library from what the user typed, and when the library refuses one of its arguments,
    /// says so naming the option as typed (<c>--note</c>, not the library's "summary").
    /// </summary>
    /// <param name="make">The library call.</param>
    /// <param name="options">The library's parameter names and the options they came from.</param>
    public static T Naming<T>(Func<T> make, params (string Parameter, string Option)[] options)
    {
        try
        {
            return make();
        }
        catch (ArgumentException e) when (options.FirstOrDefault(o => o.Parameter == e.ParamName) is { Option: { } option }
            && Messages.OneLine(e) is var message && message.StartsWith($"The {e.ParamName} ", StringComparison.Ordinal))
        {
            throw new UserException(option + message[$"The {e.ParamName}".Length..]);
        }
    }

    /// <summary>
    /// A follow-up ladder written as its steps, e.g. <c>3wd:note,5wd:call</c> (the library's <see cref="FollowUpLadder.Parse"/>),
    /// or a one-line error naming where it came from.
    /// </summary>
    public static FollowUpLadder ParseLadder(string name, string steps, string where) => Read(() => FollowUpLadder.Parse(name, steps), where);

    /// <summary>
    /// A text read by one of the library's notations; what it cannot read (<see cref="NotationException"/>) is a one-line
    /// error in the sample's words, naming where the text came from (an option, a field of the data file).
    /// </summary>
    public static T Read<T>(Func<T> parse, string where)
    {
        try
        {
            return parse();
        }
        catch (NotationException e)
        {
            throw new UserException(Said(e, where));
        }
    }

    private static string Said(NotationException e, string where) => e.Error switch
    {
        NotationError.UnknownChannel =>
            $"Unknown channel \"{Printable(e.Value)}\" for {where}: use meeting, call, note or social (or email, card, letter, phone, linkedin).",
        NotationError.BadStep =>
            $"Bad follow-up step \"{Printable(e.Value)}\" in {where}: write days (1 to {FollowUpStep.MaxDays}) then wd for working days or d for calendar days, a colon and a channel, e.g. 3wd:note,5wd:call.",
        NotationError.MixedDayCounts =>
            $"The follow-up ladder \"{Printable(e.Value)}\" in {where} mixes working days (wd) and calendar days (d); use one kind.",
        NotationError.StepCount =>
            $"The follow-up ladder \"{Printable(e.Value)}\" in {where} has {SplitList(e.Value).Length} steps; give 1 to {FollowUpLadder.MaxSteps}, e.g. 3wd:note,5wd:call.",
        NotationError.NoYear => $"{where} {Printable(e.Value)} has no year; a date that happens once needs one (YYYY-MM-DD).",
        NotationError.BadDate => $"Bad date \"{Printable(e.Value)}\" for {where}: use YYYY-MM-DD, e.g. 2026-03-13.",
        NotationError.BadRule => $"{where} \"{Printable(e.Value)}\" is not a rule such as \"third monday of september\" or \"last friday of june\".",
        NotationError.BadWeek => $"{where}: \"{Printable(e.Value.ToLowerInvariant())}\" is not first, second, third, fourth or last.",
        NotationError.BadWeekday => $"Unknown day \"{Printable(e.Value.ToLowerInvariant())}\" for {where}: use mon, tue, wed, thu, fri, sat or sun.",
        NotationError.BadMonth => $"{where}: \"{Printable(e.Value.ToLowerInvariant())}\" is not a month.",
        _ => e.Message,
    };

    public static string Format(IsoDayOfWeek day) => DayNames[(int)day - 1];

    public static IsoDayOfWeek ParseDay(string value, string where)
    {
        string key = value.Trim().ToLowerInvariant();
        int index = Array.FindIndex(FullDayNames, d => key.Length >= 3 && d.StartsWith(key, StringComparison.Ordinal));
        return index >= 0
            ? (IsoDayOfWeek)(index + 1)
            : throw new UserException($"Unknown day \"{Printable(value)}\" for {where}: use mon, tue, wed, thu, fri, sat or sun.");
    }

    /// <summary>An IANA time zone from NodaTime's TZDB; an unknown id is bad input, named in the message.</summary>
    public static DateTimeZone ParseZone(string value) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(value)
            ?? throw new UserException($"Unknown time zone id \"{Printable(value)}\"; use an IANA id such as \"Europe/London\".");

    public static IReadOnlyList<IsoDayOfWeek> ParseDays(string value, string where) =>
        SplitList(value).Select(d => ParseDay(d, where)).Distinct().Order().ToArray();

    public static string[] SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static int ParseInt(string value, string where, int min, int max)
    {
        return int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= min && n <= max
            ? n
            : throw new UserException($"Bad number \"{Printable(value)}\" for {where}: use a whole number from {min} to {max}.");
    }

    /// <summary>Control characters shown as escapes, so a message stays on one line; long values shortened.</summary>
    public static string Printable(string value)
    {
        var builder = new System.Text.StringBuilder();
        foreach (char c in value.Length > 60 ? value[..60] : value)
        {
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return value.Length > 60 ? builder + "…" : builder.ToString();
    }

    /// <summary>"Fri 13 Mar" this year and next, with the year otherwise.</summary>
    public static string Day(LocalDate date, LocalDate today) =>
        date.Year == today.Year ? English.ShortDay(date) : English.Day(date);

    /// <summary>"Fri 13 Mar", or "Fri 13 Mar 10:00" for a timed promise (the time of day in the owner's time zone).</summary>
    public static string Day(LocalDate date, LocalTime? time, LocalDate today) =>
        time is { } t ? Day(date, today) + " " + Format(t) : Day(date, today);

    /// <summary>"13 Mar" this year, "13 Mar 2027" otherwise.</summary>
    public static string DayOfMonth(LocalDate date, LocalDate today) =>
        date.Year == today.Year ? DayMonth.Format(date) : DayMonth.Format(date) + " " + date.Year.ToString(CultureInfo.InvariantCulture);
}
