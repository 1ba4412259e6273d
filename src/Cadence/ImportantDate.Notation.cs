using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cadence.Internal;
using NodaTime;
using NodaTime.Text;

namespace Cadence;

/// <summary>The notations of a date that matters: "on" (<c>04-15</c>, <c>1986-04-15</c>) and the rule (<c>third monday of september</c>).</summary>
public sealed partial record ImportantDate
{
    private static readonly string[] WeekWords = ["first", "second", "third", "fourth"];

    private static readonly string[] MonthWords =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] WeekdayWords = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>
    /// Reads a yearly or one-off date: <c>04-15</c> or <c>--04-15</c> (every 15 April; <c>02-29</c> allowed),
    /// <c>1986-04-15</c> (every 15 April since 1986, so the age is said), or with <paramref name="once"/>
    /// <c>2026-05-01</c> (that day only). Blanks around the text do not matter.
    /// </summary>
    /// <param name="label">What it is ("birthday").</param>
    /// <param name="on">The date.</param>
    /// <param name="once">Whether it happens once (then it needs its year).</param>
    /// <param name="leapDay">Where a yearly 29 February falls in common years.</param>
    /// <returns>The date, with no lead.</returns>
    /// <exception cref="ArgumentException">
    /// A null text; once the text is read, a null or blank label, an undefined rule, or a date or year outside the
    /// dates Cadence plans with (as <see cref="Yearly"/> and <see cref="Once"/> check them).
    /// </exception>
    /// <exception cref="NotationException">
    /// Not MM-DD, --MM-DD or YYYY-MM-DD of a day that exists (<see cref="NotationError.BadDate"/>), or a one-off date
    /// without its year (<see cref="NotationError.NoYear"/>); the message quotes it.
    /// </exception>
    public static ImportantDate ParseOn(string label, string on, bool once = false, LeapDayRule leapDay = LeapDayRule.February28)
    {
        var (date, error) = ReadOn(label, on, once, leapDay);
        return date ?? throw error!;
    }

    /// <summary>Reads a yearly or one-off date (<see cref="ParseOn"/>), or says the text cannot be read.</summary>
    /// <param name="label">What it is.</param>
    /// <param name="on">The date: <c>04-15</c>, <c>--04-15</c> or <c>1986-04-15</c>.</param>
    /// <param name="once">Whether it happens once.</param>
    /// <param name="leapDay">Where a yearly 29 February falls in common years.</param>
    /// <param name="date">The date, or <see langword="null"/>.</param>
    /// <returns>Whether the text was read.</returns>
    /// <exception cref="ArgumentException">As <see cref="ParseOn"/>: bad arguments are not bad text.</exception>
    public static bool TryParseOn(string label, string on, bool once, LeapDayRule leapDay, [NotNullWhen(true)] out ImportantDate? date)
    {
        date = ReadOn(label, on, once, leapDay).Date;
        return date is not null;
    }

    /// <summary>
    /// Reads a relative date: "third monday of september", "last friday of june", "1st mon of sep". The week is first
    /// to fourth, 1st to 4th or last; the weekday and the month are their English names or any start of them of three
    /// letters or more; case and blanks between the words do not matter.
    /// </summary>
    /// <param name="label">What it is ("school starts").</param>
    /// <param name="rule">The rule.</param>
    /// <returns>The date, with no lead.</returns>
    /// <exception cref="ArgumentException">A null rule; once the rule is read, a null or blank label.</exception>
    /// <exception cref="NotationException">
    /// Not four words with "of" third (<see cref="NotationError.BadRule"/>), or a week, weekday or month that is not one
    /// (<see cref="NotationError.BadWeek"/>, <see cref="NotationError.BadWeekday"/>, <see cref="NotationError.BadMonth"/>);
    /// the message quotes it.
    /// </exception>
    public static ImportantDate ParseRule(string label, string rule)
    {
        var (date, error) = ReadRule(label, rule);
        return date ?? throw error!;
    }

    /// <summary>Reads a relative date (<see cref="ParseRule"/>), or says the rule cannot be read.</summary>
    /// <param name="label">What it is.</param>
    /// <param name="rule">The rule, e.g. "third monday of september".</param>
    /// <param name="date">The date, or <see langword="null"/>.</param>
    /// <returns>Whether the rule was read.</returns>
    /// <exception cref="ArgumentException">As <see cref="ParseRule"/>: bad arguments are not bad text.</exception>
    public static bool TryParseRule(string label, string rule, [NotNullWhen(true)] out ImportantDate? date)
    {
        date = ReadRule(label, rule).Date;
        return date is not null;
    }

    /// <summary>
    /// A yearly or one-off date as <see cref="ParseOn"/> reads it: <c>04-15</c>, <c>1986-04-15</c> (yearly, with the
    /// year it began), <c>2026-05-01</c> (once: read it back with <c>once: true</c>). The label, the leap-day rule and
    /// the lead are not part of it.
    /// </summary>
    /// <returns>The date.</returns>
    /// <exception cref="InvalidOperationException">A relative date (it has a rule: <see cref="FormatRule"/>).</exception>
    public string FormatOn() => Recurrence switch
    {
        DateRecurrence.Yearly => (Year is { } y ? y.ToString("0000", CultureInfo.InvariantCulture) + "-" : string.Empty)
            + Day!.Value.Month.ToString("00", CultureInfo.InvariantCulture) + "-" + Day.Value.Day.ToString("00", CultureInfo.InvariantCulture),
        DateRecurrence.Once => LocalDatePattern.Iso.Format(On!.Value),
        _ => throw new InvalidOperationException($"The date \"{Guard.Shorten(Label)}\" is relative: it has a rule (FormatRule), not a day."),
    };

    /// <summary>A relative date's rule as <see cref="ParseRule"/> reads it: "third monday of september", "last friday of june".</summary>
    /// <returns>The rule, in lower case.</returns>
    /// <exception cref="InvalidOperationException">A yearly or one-off date (it has a day: <see cref="FormatOn"/>).</exception>
    public string FormatRule() => Recurrence == DateRecurrence.Relative
        ? $"{(Week == -1 ? "last" : WeekWords[Week - 1])} {WeekdayWords[(int)Weekday - 1]} of {MonthWords[Month - 1]}"
        : throw new InvalidOperationException($"The date \"{Guard.Shorten(Label)}\" has a day (FormatOn), not a rule.");

    private static (ImportantDate? Date, NotationException? Error) ReadOn(string label, string on, bool once, LeapDayRule leapDay)
    {
        // The label is checked where the date is made, after the text (as Yearly and Once check it).
        Guard.NotNull(on, nameof(on));
        string text = on.Trim().TrimStart('-');
        var parts = text.Split('-');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int m)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int d)
            && m is >= 1 and <= 12 && d >= 1 && d <= CalendarSystem.Iso.GetDaysInMonth(2000, m))
        {
            return once
                ? (null, new NotationException(NotationError.NoYear, on, $"The date \"{Guard.Shorten(on)}\" has no year; a date that happens once needs one (YYYY-MM-DD)."))
                : (Yearly(label, new AnnualDate(m, d), leapDay: leapDay), null);
        }

        var result = LocalDatePattern.Iso.Parse(on.Trim());
        if (!result.Success)
        {
            string trimmed = on.Trim();
            return (null, new NotationException(
                NotationError.BadDate,
                trimmed,
                $"Bad date \"{Guard.Shorten(trimmed)}\": use MM-DD or --MM-DD for every year, or YYYY-MM-DD, e.g. 04-15 or 1986-04-15."));
        }

        var day = result.Value;
        return (once ? Once(label, day) : Yearly(label, new AnnualDate(day.Month, day.Day), day.Year, leapDay), null);
    }

    private static (ImportantDate? Date, NotationException? Error) ReadRule(string label, string rule)
    {
        Guard.NotNull(rule, nameof(rule));
        var words = rule.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 4 || !words[2].Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            return (null, new NotationException(
                NotationError.BadRule,
                rule,
                $"\"{Guard.Shorten(rule)}\" is not a rule such as \"third monday of september\" or \"last friday of june\"."));
        }

        int week = words[0].ToLowerInvariant() switch
        {
            "last" => -1,
            "1st" => 1,
            "2nd" => 2,
            "3rd" => 3,
            "4th" => 4,
            var w => Array.IndexOf(WeekWords, w) + 1,
        };
        if (week == 0)
        {
            return (null, InRule(NotationError.BadWeek, words[0], rule, "is not first, second, third, fourth or last (or 1st to 4th)"));
        }

        int month = Prefix(MonthWords, words[3]);
        if (month == 0)
        {
            return (null, InRule(NotationError.BadMonth, words[3], rule, "is not a month (january to december, or their first three letters or more)"));
        }

        int weekday = Prefix(WeekdayWords, words[1]);
        return weekday == 0
            ? (null, InRule(NotationError.BadWeekday, words[1], rule, "is not a day of the week (monday to sunday, or their first three letters or more)"))
            : (Relative(label, month, (IsoDayOfWeek)weekday, week), null);
    }

    /// <summary>1 + the index of the first name <paramref name="word"/> starts, at least three letters long; 0 when none.</summary>
    private static int Prefix(string[] names, string word)
    {
        string key = word.ToLowerInvariant();
        return key.Length < 3 ? 0 : Array.FindIndex(names, n => n.StartsWith(key, StringComparison.Ordinal)) + 1;
    }

    private static NotationException InRule(NotationError error, string word, string rule, string expected) =>
        new(error, word, $"\"{Guard.Shorten(word)}\" in the rule \"{Guard.Shorten(rule)}\" {expected}.");
}
