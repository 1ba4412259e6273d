using System;
using System.IO;
using System.Linq;
using Cadence.Import;
using Spectre.Console;

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
/// Where output goes, through Spectre.Console: colours only on a terminal and when NO_COLOR is unset (or empty); the
/// width, for wrapping, only on a terminal (redirected output keeps a row on one line, for grep and friends).
/// </summary>
internal sealed class Terminal
{
    /// <summary>The width used when output is not a terminal: wide enough that nothing wraps.</summary>
    private const int Unbounded = 1 << 20;

    public Terminal(TextWriter output, bool color, int? width, IAnsiConsole? progress = null)
    {
        Out = output;
        Width = width;
        Progress = progress;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(new TrimmingWriter(output)),
        });
        Console.Profile.Width = width ?? Unbounded;
    }

    /// <summary>The writer under the console, for output that is not text for people (JSON).</summary>
    public TextWriter Out { get; }

    /// <summary>The terminal's width in columns, or <see langword="null"/> when output is not a terminal (no wrapping).</summary>
    public int? Width { get; }

    /// <summary>Spectre's console on <see cref="Out"/>.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>
    /// Where a long command shows its progress: an interactive console on the standard error when that is a terminal
    /// (so a redirected output, or a script, never sees it); <see langword="null"/> for no progress.
    /// </summary>
    public IAnsiConsole? Progress { get; }

    /// <summary>The console's stdout, with colours and width when it is a terminal.</summary>
    public static Terminal ForConsole(TextWriter output)
    {
        bool isTerminal = !System.Console.IsOutputRedirected;
        bool color = isTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) && Environment.GetEnvironmentVariable("TERM") != "dumb";
        int? width = null;
        if (isTerminal)
        {
            try
            {
                width = System.Console.WindowWidth > 20 ? System.Console.WindowWidth : null;
            }
            catch (IOException)
            {
            }
        }

        IAnsiConsole? progress = null;
        if (!System.Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") != "dumb")
        {
            progress = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.Yes,
                ColorSystem = color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.Yes,
                Out = new AnsiConsoleOutput(System.Console.Error),
            });
        }

        return new Terminal(output, color, width, progress);
    }

    /// <summary>
    /// The work, with its progress shown as a bar on the terminal's standard error while it runs (and cleared when it
    /// is done) when there is a terminal to show it on (<see cref="Progress"/>); as it is otherwise.
    /// </summary>
    public T WithProgress<T>(string what, Func<IProgress<ImportProgress>?, T> work)
    {
        if (Progress is not { } console)
        {
            return work(null);
        }

        T result = default!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context => result = work(new Bar(context.AddTask(Markup.Escape(Clean(what)), maxValue: 1))));
        return result;
    }

    /// <summary>An import's progress on a Spectre progress task (whose value is safe to set from any thread).</summary>
    private sealed class Bar(ProgressTask task) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Total == 0 ? 1 : value.Done;
        }
    }

    /// <summary>A line of text from user data or messages: control characters never reach the terminal.</summary>
    public void Line(string text = "", Style style = Style.Plain)
    {
        Console.Write(new Text(Clean(text), ToSpectre(style)));
        Console.WriteLine();
    }

    /// <summary>Control characters (ESC, BEL, a stray newline in a name) shown as spaces, so user text cannot move the cursor or break a row.</summary>
    public static string Clean(string text) =>
        text.Any(char.IsControl) ? new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]) : text;

    public static Spectre.Console.Style ToSpectre(Style style) => style switch
    {
        Style.Bold => new(decoration: Decoration.Bold),
        Style.Dim => new(decoration: Decoration.Dim),
        Style.Red => new(Color.Maroon),
        Style.Yellow => new(Color.Olive),
        Style.Green => new(Color.Green),
        Style.Cyan => new(Color.Teal),
        _ => Spectre.Console.Style.Plain,
    };
}

/// <summary>
/// Passes text on a line at a time, without the spaces at the end of each line (Spectre pads every cell of a column
/// to its width; a line that ends in spaces is noise in a file or a diff).
/// </summary>
internal sealed class TrimmingWriter(TextWriter inner) : TextWriter
{
    private readonly System.Text.StringBuilder _line = new();

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            int end = _line.Length;
            while (end > 0 && _line[end - 1] == ' ')
            {
                end--;
            }

            inner.Write(_line.ToString(0, end));
            inner.Write('\n');
            _line.Clear();
        }
        else if (value != '\r')
        {
            _line.Append(value);
        }
    }

    public override void Flush()
    {
        inner.Write(_line.ToString());
        _line.Clear();
        inner.Flush();
    }
}

