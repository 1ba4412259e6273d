using System;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Cadence.Import;

namespace Cadence.Benchmarks;

/// <summary>
/// A plain contacts CSV (or a vCard file) of <see cref="Contacts"/> contacts (name, email, phone) read and imported into a diary that already has
/// half of them (matched by address, each then updated with its phone); the rest are new. Linear in the file: ten times
/// the rows should take about ten times as long (issue 26: 2,000 rows took 2.35 s and 10,000 took 40.7 s before).
/// </summary>
[MemoryDiagnoser]
public class ContactImportBenchmarks
{
    private string _file = string.Empty;
    private Diary _diary = null!;

    /// <summary>How many rows (or cards) the file has.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int Contacts { get; set; }

    /// <summary>A CSV (<c>name,email,phone</c>) or a vCard 3.0 file of the same contacts.</summary>
    [Params("csv", "vcard")]
    public string Format { get; set; } = "csv";

    [GlobalSetup]
    public void Setup()
    {
        _file = File(Contacts, Format);
        _diary = MakeDiary(Contacts);
        var import = Import();
        if (import.Diary.Relationships.Count != Contacts)
        {
            throw new InvalidOperationException($"The import has {import.Diary.Relationships.Count} relationships, not {Contacts}.");
        }
    }

    /// <summary>The file read, matched and imported.</summary>
    [Benchmark(Description = "read (CSV or vCard) + ContactImporter.Import")]
    public ContactImport Import() => Import(_diary, _file, Format);

    /// <summary>The file (<c>csv</c> or <c>vcard</c>) of that many contacts.</summary>
    public static string File(int contacts, string format)
    {
        var file = new StringBuilder(format == "csv" ? "name,email,phone\n" : string.Empty);
        for (int i = 0; i < contacts; i++)
        {
            if (format == "csv")
            {
                file.Append("Contact ").Append(i).Append(",contact").Append(i).Append("@example.com,+44 20 ").Append(10_000_000 + i).Append('\n');
            }
            else
            {
                file.Append("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Contact ").Append(i).Append("\r\nEMAIL;TYPE=INTERNET:contact").Append(i)
                    .Append("@example.com\r\nTEL;TYPE=CELL:+44 20 ").Append(10_000_000 + i).Append("\r\nEND:VCARD\r\n");
            }
        }

        return file.ToString();
    }

    /// <summary>The diary with the first half of those contacts.</summary>
    public static Diary MakeDiary(int contacts) =>
        new(Enumerable.Range(0, contacts / 2).Select(i => new Relationship($"c{i}", $"Contact {i}", "client").WithEmails($"contact{i}@example.com")));

    /// <summary>The file's text read and imported into the diary.</summary>
    public static ContactImport Import(Diary diary, string file, string format) =>
        ContactImporter.Import(diary, (format == "csv" ? ContactCsvReader.Read(file) : VCardReader.Read(file)).Cards, new ContactImportOptions("prospect"));
}
