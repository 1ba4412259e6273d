using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Cadence.Sample.Output;

/// <summary>Text styles; shown only when colours are on.</summary>
internal enum Style
{
    Plain,
    Bold,
    Dim,
    Red,
    Yellow,
    Green,
    Cyan,
}

/// <summary>
/// Where output goes, and whether it is a terminal: colours only on a terminal and when NO_COLOR is unset (or empty);
/// the width, for wrapping, only on a terminal.
/// </summary>
internal sealed class Terminal(TextWriter output, bool color, int? width)
{
    public TextWriter Out { get; } = output;

    public bool Color { get; } = color;

    /// <summary>The terminal's width in columns, or <see langword="null"/> when output is not a terminal (no wrapping).</summary>
    public int? Width { get; } = width;

    /// <summary>The console's stdout, with colours and width when it is a terminal.</summary>
    public static Terminal ForConsole(TextWriter output)
    {
        bool isTerminal = !Console.IsOutputRedirected;
        string? noColor = Environment.GetEnvironmentVariable("NO_COLOR");
        bool color = isTerminal && string.IsNullOrEmpty(noColor) && Environment.GetEnvironmentVariable("TERM") != "dumb";
        int? width = null;
        if (isTerminal)
        {
            try
            {
                width = Console.WindowWidth > 20 ? Console.WindowWidth : null;
            }
            catch (IOException)
            {
            }
        }

        return new Terminal(output, color, width);
    }

    public string Paint(string text, Style style)
    {
        if (!Color || style == Style.Plain || text.Length == 0)
        {
            return text;
        }

        string code = style switch
        {
            Style.Bold => "1",
            Style.Dim => "2",
            Style.Red => "31",
            Style.Yellow => "33",
            Style.Green => "32",
            _ => "36",
        };
        return $"\u001b[{code}m{text}\u001b[0m";
    }

    /// <summary>Writes a line; control characters in it (user data: a name with ESC) are shown as spaces, never sent raw.</summary>
    public void Line(string text = "", Style style = Style.Plain) => Out.Write(Paint(Table.Clean(text), style) + "\n");

    /// <summary>Columns a string takes in a terminal: wide East Asian characters take two, combining marks none.</summary>
    public static int DisplayWidth(string text)
    {
        int width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format or UnicodeCategory.Control)
            {
                continue;
            }

            int v = rune.Value;
            bool wide = v is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3
                or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6
                or >= 0x1F300 and <= 0x1FAFF or >= 0x20000 and <= 0x3FFFD;
            width += wide ? 2 : 1;
        }

        return width;
    }

    /// <summary>Pads to a display width.</summary>
    public static string Pad(string text, int width) => text + new string(' ', Math.Max(0, width - DisplayWidth(text)));

    /// <summary>Splits text into lines of at most <paramref name="width"/> columns, at spaces where possible.</summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        int lineWidth = 0;
        foreach (string word in text.Split(' '))
        {
            int w = DisplayWidth(word);
            if (lineWidth > 0 && lineWidth + 1 + w > width)
            {
                lines.Add(line.ToString());
                line.Clear();
                lineWidth = 0;
            }

            if (lineWidth > 0)
            {
                line.Append(' ');
                lineWidth++;
            }

            line.Append(word);
            lineWidth += w;
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }
}
