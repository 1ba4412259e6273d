using System;
using System.Globalization;
using NodaTime;

namespace Cadence.Internal;

/// <summary>Argument checks that name the bad value in their message.</summary>
internal static class Guard
{
    internal const int MaxIdLength = 200;
    internal const int MaxTextLength = 4000;

    internal static string Id(string? value, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName, $"The {paramName} must not be null.");
        }

        if (value.Length == 0 || string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The {paramName} must not be empty or blank; got \"{Shorten(value)}\".", paramName);
        }

        if (value.Length > MaxIdLength)
        {
            throw new ArgumentException(
                $"The {paramName} \"{Shorten(value)}\" is {value.Length} characters long; at most {MaxIdLength} are allowed.",
                paramName);
        }

        return NoControl(value, paramName, allowLineBreaks: false);
    }

    /// <summary>
    /// A name or a label: not blank, up to <see cref="MaxTextLength"/>; tabs and line breaks are text (the feed escapes
    /// them), other control characters (ESC, NUL, BEL, DEL, C1) are refused: they are never text, and a host printing
    /// the name to a terminal could be driven by them.
    /// </summary>
    internal static string Name(string? value, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName, $"The {paramName} must not be null.");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The {paramName} must not be empty or blank; got \"{Shorten(value)}\".", paramName);
        }

        return NoControl(Length(value, paramName), paramName, allowLineBreaks: true);
    }

    /// <summary>
    /// Optional free text (a note, a description): null stays null, up to <see cref="MaxTextLength"/>; line breaks
    /// and tabs are allowed, other control characters (ESC, NUL, BEL, DEL, C1) are not.
    /// </summary>
    internal static string? Text(string? value, string paramName) =>
        value is null ? null : NoControl(Length(value, paramName), paramName, allowLineBreaks: true);

    private static string Length(string value, string paramName) =>
        value.Length <= MaxTextLength
            ? value
            : throw new ArgumentException(
                $"The {paramName} \"{Shorten(value)}\" is {value.Length} characters long; at most {MaxTextLength} are allowed.",
                paramName);

    /// <summary>
    /// Refuses control characters (which could break a line of output or drive a terminal), naming the first and
    /// where it is; with <paramref name="allowLineBreaks"/>, tab, line feed and carriage return are text.
    /// </summary>
    private static string NoControl(string value, string paramName, bool allowLineBreaks)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsControl(c) && !(allowLineBreaks && c is '\t' or '\n' or '\r'))
            {
                throw new ArgumentException(
                    $"The {paramName} \"{Shorten(value)}\" contains the control character U+{(int)c:X4} at position {i}; {(allowLineBreaks ? "only tabs and line breaks are allowed" : "it must be one line of printable text")}.",
                    paramName);
            }
        }

        return value;
    }

    internal static T Defined<T>(T value, string paramName)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                $"The {paramName} {Convert.ToInt64(value, CultureInfo.InvariantCulture)} is not a defined {typeof(T).Name}.");
        }

        return value;
    }

    /// <summary>A date Cadence accepts (<see cref="SupportedDates"/>), or an exception naming the parameter and the value.</summary>
    internal static LocalDate Date(LocalDate value, string paramName)
    {
        Iso(value, paramName);
        if (!DateRange.Contains(value))
        {
            // The message names the date as ISO; the actual value is left out, as LocalDate's own text drops the era
            // ("12 December 9999" for -9998-12-12).
            throw new ArgumentOutOfRangeException(
                paramName,
                $"The date {value.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture)} ({paramName}) is outside the dates Cadence plans with (1900-01-01 to 2999-12-31).");
        }

        return value;
    }

    /// <summary>A date in the ISO calendar (any year), or an exception naming the parameter and the calendar.</summary>
    internal static LocalDate Iso(LocalDate value, string paramName)
    {
        if (value.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException(
                $"The date {value.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture)} ({paramName}) is in the {value.Calendar.Name} calendar; Cadence works in the ISO calendar.",
                paramName);
        }

        return value;
    }

    /// <summary>An instant whose UTC date Cadence accepts, or an exception naming the parameter and the value.</summary>
    internal static Instant Instant(Instant value, string paramName)
    {
        if (!IsSupported(value))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                $"The instant {value} ({paramName}) is outside the dates Cadence plans with (1900-01-01 to 2999-12-31, UTC).");
        }

        return value;
    }

    /// <summary>Whether the instant's UTC date is one of <see cref="SupportedDates"/>.</summary>
    internal static bool IsSupported(Instant value) => value >= SupportedStart && value <= SupportedEnd;

    private static readonly Instant SupportedStart = DateRange.Earliest.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();

    private static readonly Instant SupportedEnd = DateRange.Latest.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() - Duration.Epsilon;

    internal static T NotNull<T>(T? value, string paramName)
        where T : class
        => value ?? throw new ArgumentNullException(paramName, $"The {paramName} must not be null.");

    /// <summary>A value as an error message quotes it: at most 40 characters, control characters as escapes.</summary>
    internal static string Shorten(string value) => value.Length <= 40 ? Printable(value) : Printable(value[..40]) + "…";

    /// <summary>Shows control characters as escapes so a message stays on one line (use <see cref="Shorten"/> for a value of any length).</summary>
    private static string Printable(string value)
    {
        var builder = new System.Text.StringBuilder(value.Length);
        foreach (char c in value)
        {
            if (char.IsControl(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
