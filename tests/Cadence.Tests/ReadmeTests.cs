using System;
using System.IO;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Cadence.Tests;

/// <summary>The C# example in README.md is tests/ReadmeExample/Program.cs, which is compiled and run here.</summary>
[Collection(ConsoleCollection.Name)]
public class ReadmeTests
{
    private static string ReadmeBlock()
    {
        string readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        var match = Regex.Match(readme, "<!-- example: tests/ReadmeExample/Program.cs -->\\s*```csharp\\n(?<code>.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, "README.md has no C# block after the marker '<!-- example: tests/ReadmeExample/Program.cs -->'.");
        return match.Groups["code"].Value;
    }

    [Fact]
    public void Readme_CSharpExample_IsTheCompiledExample()
    {
        string program = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ReadmeExample.cs.txt")).ReplaceLineEndings("\n");
        Assert.Equal(program, ReadmeBlock().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Readme_CSharpExample_PrintsTheAgendaOverdueFirst()
    {
        var entryPoint = Assembly.Load("ReadmeExample").EntryPoint!;
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
        }
        finally
        {
            Console.SetOut(original);
        }

        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Fri 13 Mar  Call Li Na: Last wrote 45 days ago (email)", lines[0], StringComparison.Ordinal);
        Assert.Contains("20 days overdue", lines[0], StringComparison.Ordinal);
        Assert.Contains("take it offline with a call", lines[0], StringComparison.Ordinal);
        Assert.Equal(
            "Fri 13 Mar  Call Zoë Müller: Last met 41 days ago (coffee); clients are due every 30 days (at most 45); 11 days overdue (was due Mon 2 Mar 2026).",
            lines[1]);
        Assert.StartsWith("Fri 13 Mar  Call Sam Okafor: Next step for Fri 13 Mar 2026: chase feedback on the proposal", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("Ann Berg", StringComparison.Ordinal));
    }
}

/// <summary>Tests that redirect <see cref="Console.Out"/> run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
