using System;
using System.IO;
using System.Text;
using Cadence.Sample.Cli;
using Cadence.Sample.Output;
using NodaTime;

namespace Cadence.Sample;

/// <summary>The entry point: the console, the system clock, and the exit code.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = false, NewLine = "\n" };
        using var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true, NewLine = "\n" };
        var app = new App(Terminal.ForConsole(stdout), stderr, SystemClock.Instance);
        int code = app.Run(args);
        stdout.Flush();
        return code;
    }
}
