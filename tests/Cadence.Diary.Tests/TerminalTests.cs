using System;
using System.IO;
using System.Linq;
using Cadence.Sample.Output;

namespace Cadence.Sample.Tests;

/// <summary>The tables on Spectre.Console: wrapped on a terminal, stacked when narrow, one line a row when redirected, coloured only when asked.</summary>
public sealed class TerminalTests
{
    private const string Why = "Last met 41 days ago (coffee); clients are due every 30 days (at most 45); 11 days overdue (was due Mon 2 Mar 2026). Last contact: \"Quarterly review over coffee; wants the Q2 plan\"";

    private static string Render(int? width, bool color = false, string id = "zoe-muller")
    {
        var output = new StringWriter { NewLine = "\n" };
        var terminal = new Terminal(output, color, width);
        var table = new Table("DAY", "ID", "TOUCH", "LATE", "HEALTH", "WHY");
        table.Add("Fri 13 Mar", new Cell(id, Style.Cyan), "Call Zoë Müller", new Cell("11d", Style.Red), new Cell("fading", Style.Yellow), Why);
        table.Add("Fri 13 Mar", "sam-okafor", "Call Sam Okafor", string.Empty, "strong", "Next step for Fri 13 Mar 2026: chase feedback on the proposal.");
        table.Write(terminal);
        return output.ToString();
    }

    private static string Words(string text) => string.Join(' ', text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Redirected_OneLineARow_NoTrailingSpaces_NoColour()
    {
        string text = Render(width: null);

        string[] lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.EndsWith(Why, lines[1], StringComparison.Ordinal);
        Assert.All(lines, line => Assert.False(line.EndsWith(' '), $"trailing spaces: '{line}'"));
        Assert.DoesNotContain('\u001b', text);
        Assert.Equal(lines[1].IndexOf("zoe-muller", StringComparison.Ordinal), lines[2].IndexOf("sam-okafor", StringComparison.Ordinal));
    }

    [Fact]
    public void WideTerminal_TheWhyWrapsBesideTheRow_WithinTheWidth()
    {
        string text = Render(width: 120);

        string[] lines = text.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length > 3, text);
        Assert.All(lines, line => Assert.True(line.Length <= 120, $"{line.Length} columns: '{line}'"));
        Assert.Contains(Words(Why), Words(text), StringComparison.Ordinal);
        Assert.StartsWith("Fri 13 Mar  zoe-muller", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void EightyColumns_TheWhyGoesUnderItsRow_WrappedNotCut_RowsAligned()
    {
        string text = Render(width: 80, id: "a-rather-long-relationship-id");

        string[] lines = text.TrimEnd('\n').Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: '{line}'"));
        Assert.Contains(Words(Why), Words(text), StringComparison.Ordinal);
        Assert.DoesNotContain("WHY", lines[0], StringComparison.Ordinal);
        var rows = lines.Where(l => l.StartsWith("Fri 13 Mar", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(rows[0].IndexOf("Call", StringComparison.Ordinal), rows[1].IndexOf("Call", StringComparison.Ordinal));
        Assert.StartsWith("    Last met 41 days ago", lines[lines.ToList().IndexOf(rows[0]) + 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Colour_OnlyWhenAsked_AndUserTextNeverCarriesControlCharacters()
    {
        Assert.Contains("\u001b[", Render(width: 120, color: true), StringComparison.Ordinal);

        var output = new StringWriter { NewLine = "\n" };
        var terminal = new Terminal(output, color: false, width: null);
        terminal.Line("Eve\u001b]0;owned\u0007 Dark\u001b[2J");
        Assert.Equal("Eve ]0;owned  Dark [2J\n", output.ToString());
    }
}
