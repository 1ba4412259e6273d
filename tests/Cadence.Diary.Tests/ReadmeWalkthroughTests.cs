using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Cadence.Sample.Tests;

/// <summary>The README's walk-through of the sample, run as written, step by step from <c>init</c> on, with the real clock.</summary>
public sealed class ReadmeWalkthroughTests : IDisposable
{
    private const string Run = "dotnet run --project samples/Cadence.Diary";

    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void TheWalkthrough_RunsAsWritten_AndLogsAgainstTheNewPerson()
    {
        var steps = Walkthrough();
        Assert.True(steps.Count >= 5, string.Join('\n', steps.Select(s => string.Join(' ', s))));
        Assert.Contains(steps, s => s.FirstOrDefault() == "init");

        foreach (var args in steps)
        {
            Sandbox.Ok(_sandbox.Run([.. args]));
        }

        // The log went to the person the walk-through added, not to someone of the demo diary.
        using var data = _sandbox.DataJson();
        var added = data.RootElement.GetProperty("relationships").EnumerateArray().Last();
        string id = added.Str("id");
        var logged = steps.Single(s => s.FirstOrDefault() == "log");
        Assert.Equal(id, logged[1]);
        Assert.Equal(1, data.RootElement.GetProperty("touches").EnumerateArray().Count(t => t.Str("relationship") == id));
    }

    /// <summary>The commands of the first sh block under "## The sample diary", as argument lists.</summary>
    private static List<string[]> Walkthrough()
    {
        string readme = File.ReadAllText(FindReadme());
        int section = readme.IndexOf("## The sample diary", StringComparison.Ordinal);
        int start = readme.IndexOf("```sh\n", section, StringComparison.Ordinal) + "```sh\n".Length;
        int end = readme.IndexOf("```", start, StringComparison.Ordinal);
        var steps = new List<string[]>();
        foreach (string raw in readme[start..end].Split('\n'))
        {
            var words = Words(raw);
            if (words.Count == 0)
            {
                continue;
            }

            string line = string.Join(' ', words);
            Assert.StartsWith(Run, line, StringComparison.Ordinal);
            steps.Add([.. words.Skip(4).SkipWhile(w => w == "--")]);
        }

        return steps;
    }

    /// <summary>A command line's words as sh reads them here: double quotes group, # starts a comment.</summary>
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool quoted = false;
        bool inWord = false;
        foreach (char c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
                inWord = true;
            }
            else if (!quoted && c == '#')
            {
                break;
            }
            else if (!quoted && char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static string FindReadme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(path) && File.Exists(Path.Combine(dir.FullName, "Cadence.sln")))
            {
                return path;
            }
        }

        throw new FileNotFoundException("README.md not found above " + AppContext.BaseDirectory);
    }
}
