using System;
using System.Collections.Generic;
using System.Linq;

namespace Cadence.Sample.Output;

/// <summary>A cell: its text and style.</summary>
internal readonly record struct Cell(string Text, Style Style = Style.Plain)
{
    public static implicit operator Cell(string text) => new(text);
}

/// <summary>
/// A table with aligned columns; its last column wraps to the terminal's width with a hanging indent, and does not
/// wrap when output is not a terminal (one line a row, for grep and friends).
/// </summary>
internal sealed class Table(params string[] headers)
{
    private const string Gap = "  ";
    private const string StackIndent = "    ";
    private const int MinLastColumn = 30;
    private readonly List<Cell[]> _rows = [];

    public int Count => _rows.Count;

    public void Add(params Cell[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row needs {headers.Length} cells; got {cells.Length}.", nameof(cells));
        }

        // User text (names, notes) may hold control characters: never let them break a row or move the cursor.
        _rows.Add([.. cells.Select(c => c with { Text = Clean(c.Text) })]);
    }

    /// <summary>Control characters shown as spaces.</summary>
    public static string Clean(string text) =>
        text.Any(char.IsControl) ? new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]) : text;

    public void Write(Terminal terminal)
    {
        int last = headers.Length - 1;
        var widths = new int[headers.Length];
        for (int c = 0; c < last; c++)
        {
            widths[c] = _rows.Select(r => Terminal.DisplayWidth(r[c].Text)).Append(Terminal.DisplayWidth(headers[c])).Max();
        }

        int indent = widths.Take(last).Sum() + (Gap.Length * last);
        int? wrapAt = terminal.Width is { } width && width - indent >= MinLastColumn ? width - indent - 1 : null;
        if (wrapAt is null && terminal.Width is { } narrow)
        {
            // Too narrow for the last column beside the others (an 80-column terminal and long names): it goes under
            // its row, wrapped, so it is read whole instead of running off the edge.
            WriteStacked(terminal, widths, narrow);
            return;
        }

        var header = string.Join(Gap, headers.Select((h, c) => c < last ? Terminal.Pad(h, widths[c]) : h));
        terminal.Line(header, Style.Bold);
        foreach (var row in _rows)
        {
            var prefix = string.Join(Gap, row.Take(last).Select((cell, c) => terminal.Paint(Terminal.Pad(cell.Text, widths[c]), cell.Style)));
            var lastCell = row[last];
            IReadOnlyList<string> lines = wrapAt is { } w ? Terminal.Wrap(lastCell.Text, w) : [lastCell.Text];
            terminal.Out.Write(prefix + Gap + terminal.Paint(lines[0], lastCell.Style) + "\n");
            foreach (string more in lines.Skip(1))
            {
                terminal.Out.Write(new string(' ', indent) + terminal.Paint(more, lastCell.Style) + "\n");
            }
        }
    }

    private void WriteStacked(Terminal terminal, int[] widths, int width)
    {
        int last = headers.Length - 1;
        terminal.Line(string.Join(Gap, headers.Take(last).Select((h, c) => Terminal.Pad(h, widths[c]))).TrimEnd(), Style.Bold);
        foreach (var row in _rows)
        {
            terminal.Out.Write(string.Join(Gap, row.Take(last).Select((cell, c) => terminal.Paint(Terminal.Pad(cell.Text, widths[c]), cell.Style))).TrimEnd() + "\n");
            foreach (string line in Terminal.Wrap(row[last].Text, Math.Max(20, width - StackIndent.Length - 1)))
            {
                terminal.Out.Write(StackIndent + terminal.Paint(line, row[last].Style) + "\n");
            }
        }
    }
}
