using System;
using System.Globalization;

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
            throw new ArgumentException($"The {paramName} must not be empty or blank; got \"{value}\".", paramName);
        }

        if (value.Length > MaxIdLength)
        {
            throw new ArgumentException(
                $"The {paramName} \"{Shorten(value)}\" is {value.Length} characters long; at most {MaxIdLength} are allowed.",
                paramName);
        }

        foreach (char c in value)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException(
                    $"The {paramName} \"{Printable(value)}\" contains the control character U+{(int)c:X4}.",
                    paramName);
            }
        }

        return value;
    }

    internal static string Name(string? value, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName, $"The {paramName} must not be null.");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The {paramName} must not be empty or blank; got \"{value}\".", paramName);
        }

        return Text(value, paramName)!;
    }

    /// <summary>Optional free text: null stays null, any length up to <see cref="MaxTextLength"/>.</summary>
    internal static string? Text(string? value, string paramName)
    {
        if (value is not null && value.Length > MaxTextLength)
        {
            throw new ArgumentException(
                $"The {paramName} \"{Shorten(value)}\" is {value.Length} characters long; at most {MaxTextLength} are allowed.",
                paramName);
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

    internal static T NotNull<T>(T? value, string paramName)
        where T : class
        => value ?? throw new ArgumentNullException(paramName, $"The {paramName} must not be null.");

    internal static string Shorten(string value) => value.Length <= 40 ? Printable(value) : Printable(value[..40]) + "…";

    /// <summary>Shows control characters as escapes so a message stays on one line.</summary>
    internal static string Printable(string value)
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
