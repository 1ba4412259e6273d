using System;
using System.Collections.Generic;

namespace Cadence.Sample.Cli;

/// <summary>Bad input or a failure the user can fix: a one-line message and exit code 1.</summary>
internal sealed class UserException(string message) : Exception(message);

/// <summary>The command line itself is wrong (unknown command or option, missing value): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>Exit codes, as documented in the README and <c>--help</c>.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Error = 1;
    public const int Usage = 2;
}

internal static class Messages
{
    /// <summary>
    /// An exception's message on one line: without the " (Parameter 'x')" suffix and the "Actual value was" line
    /// that <see cref="ArgumentException"/> adds, control characters replaced.
    /// </summary>
    public static string OneLine(Exception exception)
    {
        string message = exception.Message;
        if (exception is ArgumentException { ParamName: { } param })
        {
            int suffix = message.IndexOf($" (Parameter '{param}')", StringComparison.Ordinal);
            if (suffix >= 0)
            {
                message = message[..suffix] + message[(suffix + $" (Parameter '{param}')".Length)..];
            }
        }

        if (exception is ArgumentOutOfRangeException)
        {
            int actual = message.IndexOf("Actual value was", StringComparison.Ordinal);
            if (actual >= 0)
            {
                message = message[..actual];
            }
        }

        if (exception is KeyNotFoundException && message.Length > 1 && message[0] == '"' && message[^1] == '"')
        {
            message = message[1..^1];
        }

        var chars = message.Trim().ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }
}
