using System;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Cadence.Import;

namespace Cadence.Benchmarks;

/// <summary>
/// A plain contacts CSV of <see cref="Contacts"/> rows (name, email, phone) read and imported into a diary that already has
/// half of them (matched by address, each then updated with its phone); the rest are new. Linear in the file: ten times
/// the rows should take about ten times as long (issue 26: 2,000 rows took 2.35 s and 10,000 took 40.7 s before).
/// </summary>
[MemoryDiagnoser]
public class ContactImportBenchmarks
{
    private string _csv = string.Empty;
    private Diary _diary = null!;

    /// <summary>How many rows the file has.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int Contacts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var csv = new StringBuilder("name,email,phone\n");
        for (int i = 0; i < Contacts; i++)
        {
            csv.Append("Contact ").Append(i).Append(",contact").Append(i).Append("@example.com,+44 20 ").Append(10_000_000 + i).Append('\n');
        }

        _csv = csv.ToString();
        _diary = new Diary(Enumerable.Range(0, Contacts / 2).Select(i => new Relationship($"c{i}", $"Contact {i}", "client").WithEmails($"contact{i}@example.com")));
        var import = Import();
        if (import.Diary.Relationships.Count != Contacts)
        {
            throw new InvalidOperationException($"The import has {import.Diary.Relationships.Count} relationships, not {Contacts}.");
        }
    }

    /// <summary>The file read, matched and imported.</summary>
    [Benchmark(Description = "ContactCsvReader.Read + ContactImporter.Import")]
    public ContactImport Import() => ContactImporter.Import(_diary, ContactCsvReader.Read(_csv).Cards, new ContactImportOptions("prospect"));
}
