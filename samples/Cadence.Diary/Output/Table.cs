using System;
using System.Collections.Generic;
using System.Linq;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Cadence.Sample.Output;

/// <summary>A cell: its text and style.</summary>
internal readonly record struct Cell(string Text, Style Style = Style.Plain)
{
    public static implicit operator Cell(string text) => new(text);
}

/// <summary>
/// A table on Spectre.Console: aligned columns without borders; the last column (the why) wraps to the terminal's
/// width, and when the terminal is too narrow for it beside the others it goes under its row, wrapped, instead of
/// running off the edge. Output that is not a terminal keeps one line a row.
/// </summary>
internal sealed class Table(params string[] headers)
{
    private const int MinLastColumn = 30;
    private readonly List<Cell[]> _rows = [];

    public int Count => _rows.Count;

    public void Add(params Cell[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row needs {headers.Length} cells; got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    public void Write(Terminal terminal)
    {
        int last = headers.Length - 1;
        var options = RenderOptions.Create(terminal.Console);
        int[] widths = [.. Enumerable.Range(0, last).Select(c => _rows.Select(r => r[c].Text)
            .Append(headers[c])
            .Max(text => ((IRenderable)new Text(Terminal.Clean(text))).Measure(options, int.MaxValue).Max))];
        bool stacked = terminal.Width is { } width && width - widths.Sum() - (2 * last) < MinLastColumn;
        if (!stacked)
        {
            var table = Columns(widths, withWhy: true);
            foreach (var row in _rows)
            {
                table.AddRow(row.Select(ToText));
            }

            terminal.Console.Write(table);
            return;
        }

        // Too narrow for the why beside the other columns (an 80-column terminal and long names): each row's why goes
        // under it, indented and wrapped, and the rows stay aligned (each is a one-row table of the same widths).
        terminal.Console.Write(Columns(widths, withWhy: false));
        foreach (var row in _rows)
        {
            terminal.Console.Write(Columns(widths, withWhy: false).HideHeaders().AddRow(row.Take(last).Select(ToText)));
            terminal.Console.Write(new Padder(ToText(row[last]), new Padding(4, 0, 0, 0)));
        }
    }

    /// <summary>A borderless table with the fixed columns at their widths, two spaces apart, and the why column or not.</summary>
    private Spectre.Console.Table Columns(int[] widths, bool withWhy)
    {
        var table = new Spectre.Console.Table().Border(TableBorder.None).Collapse();
        for (int c = 0; c < widths.Length; c++)
        {
            table.AddColumn(new TableColumn(new Text(headers[c], Terminal.ToSpectre(Style.Bold))).Width(widths[c]).NoWrap().PadLeft(0).PadRight(2));
        }

        if (withWhy)
        {
            table.AddColumn(new TableColumn(new Text(headers[^1], Terminal.ToSpectre(Style.Bold))).PadLeft(0).PadRight(0));
        }

        return table;
    }

    private static IRenderable ToText(Cell cell) => new Text(Terminal.Clean(cell.Text), Terminal.ToSpectre(cell.Style));
}
