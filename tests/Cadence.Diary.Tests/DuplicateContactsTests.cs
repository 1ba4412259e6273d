using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Cadence.Sample.Tests;

/// <summary>
/// Issue 28: one person, one entry. A new user's diary already has people added by name; contacts exported from Google,
/// Outlook and Apple then come in with their addresses, the names written as each exporter writes them. Each person
/// stays one relationship, matched by name where no address matches, and the agenda asks for each once.
/// </summary>
public sealed class DuplicateContactsTests : IDisposable
{
    // Google Contacts' CSV export (2024 layout): given and family names in columns, addresses after " ::: ".
    private const string GoogleCsv =
        "First Name,Middle Name,Last Name,Phonetic First Name,Nickname,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Organization Name\n"
        + "Maria,,Rossi,,,,,* myContacts,* Work,maria.rossi@studio-rossi.example,Mobile,+39 333 123 4567,Studio Rossi\n"
        + "Tom,,Ashworth,,,,,* myContacts,Work,tom@ashworth.example,,,\n";

    // Outlook's CSV export: quoted, family name first in "Last Name".
    private const string OutlookCsv =
        "\"First Name\",\"Middle Name\",\"Last Name\",\"Company\",\"E-mail Address\",\"Mobile Phone\"\n"
        + "\"María\",\"\",\"ROSSI\",\"Studio Rossi\",\"maria.rossi@studio-rossi.example\",\"\"\n";

    // Apple Contacts' vCard 3.0: a Russian name in Cyrillic, with N and FN.
    private const string AppleVcf =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//macOS 15.2//EN\r\nN:Petrova;Olga;;;\r\nFN:Olga Petrova\r\n"
        + "item1.EMAIL;type=INTERNET;type=pref:olga.petrova@example.ru\r\nitem1.X-ABLabel:_$!<Work>!$_\r\nEND:VCARD\r\n";

    // Google's vCard export, family name first with a comma in FN as some address books write it.
    private const string GoogleVcf =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Rossi\\, Maria\r\nN:Rossi;Maria;;;\r\nEMAIL;TYPE=INTERNET;TYPE=HOME:maria@casa.example\r\nCATEGORIES:myContacts\r\nEND:VCARD\r\n";

    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void PeopleAddedByName_ThenTheirContactsFromFourExports_OneEntryEach_TheAgendaAsksOnce()
    {
        Sandbox.Ok(_sandbox.RunToday("init", "--empty"));
        Sandbox.Ok(_sandbox.RunToday("add", "Maria", "Rossi", "--tier", "client"));
        Sandbox.Ok(_sandbox.RunToday("add", "Ольга", "Петрова", "--tier", "client"));
        File.WriteAllText(_sandbox.Path("google.csv"), GoogleCsv);
        File.WriteAllText(_sandbox.Path("outlook.csv"), OutlookCsv);
        File.WriteAllText(_sandbox.Path("apple.vcf"), AppleVcf);
        File.WriteAllText(_sandbox.Path("google.vcf"), GoogleVcf);

        // The dry run says what the import would do, matches by name included, and writes nothing.
        byte[] before = _sandbox.DataBytes();
        var dry = Sandbox.Ok(_sandbox.RunToday("import", "contacts", "google.csv", "--dry-run"));
        Assert.StartsWith("Dry run: would import google.csv (CSV, 2 contacts): 1 added, 1 updated, 0 already there, 0 skipped. Nothing was written.", dry.Out, StringComparison.Ordinal);
        Assert.Contains("maria-rossi: Maria Rossi (matched by name): added e-mail maria.rossi@studio-rossi.example, phone +39 333 123 4567, tag Studio Rossi", dry.Out, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());

        Sandbox.Ok(_sandbox.RunToday("import", "contacts", "google.csv"));
        var outlook = Sandbox.Ok(_sandbox.RunToday("import", "contacts", "outlook.csv"));
        Assert.StartsWith("Imported outlook.csv (CSV, 1 contact): 0 added, 0 updated, 1 already there", outlook.Out, StringComparison.Ordinal);
        var apple = Sandbox.Ok(_sandbox.RunToday("import", "contacts", "apple.vcf"));
        Assert.Contains("ol-ga-petrova: Ольга Петрова (matched by name): added e-mail olga.petrova@example.ru", apple.Out, StringComparison.Ordinal);
        var google = Sandbox.Ok(_sandbox.RunToday("import", "contacts", "google.vcf"));
        Assert.Contains("maria-rossi: Maria Rossi (matched by name): added e-mail maria@casa.example", google.Out, StringComparison.Ordinal);

        // Three people, one entry each, and one call each on the agenda.
        var ids = Sandbox.Ok(_sandbox.RunToday("list")).Out.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()).ToList();
        Assert.Equal(1, ids.Count(i => i == "maria-rossi"));
        Assert.DoesNotContain("maria-rossi-2", ids);
        Assert.DoesNotContain("olga-petrova", ids);
        var agenda = Sandbox.Ok(_sandbox.RunToday("agenda", "--days", "30")).Out;
        Assert.Equal(1, agenda.Split('\n').Count(l => l.Contains("Maria Rossi", StringComparison.Ordinal)));
        Assert.Equal(1, agenda.Split('\n').Count(l => l.Contains("Ольга Петрова", StringComparison.Ordinal)));

        // Every export again: nothing changes.
        byte[] settled = _sandbox.DataBytes();
        foreach (string file in new[] { "google.csv", "outlook.csv", "apple.vcf", "google.vcf" })
        {
            Sandbox.Ok(_sandbox.RunToday("import", "contacts", file));
        }

        Assert.Equal(settled, _sandbox.DataBytes());
    }

    [Fact]
    public void MergedUnderAnotherName_TheOldNameIsKept_AndStillMatchesAnImport()
    {
        Sandbox.Ok(_sandbox.RunToday("init", "--empty"));
        Sandbox.Ok(_sandbox.RunToday("add", "M.", "Rossi", "--tier", "client"));
        Sandbox.Ok(_sandbox.RunToday("add", "Maria", "Rossi", "--tier", "contact"));

        Sandbox.Ok(_sandbox.RunToday("merge", "maria-rossi", "m-rossi"));

        using (var data = _sandbox.DataJson())
        {
            var m = data.RootElement.GetProperty("relationships").EnumerateArray().Single(r => r.Str("id") == "m-rossi");
            Assert.Equal(["Maria Rossi"], m.GetProperty("otherNames").EnumerateArray().Select(n => n.GetString()));
        }

        Assert.Contains("also", Sandbox.Ok(_sandbox.RunToday("show", "m-rossi")).Out.Split('\n').Single(l => l.Contains("Maria Rossi", StringComparison.Ordinal)), StringComparison.Ordinal);
        File.WriteAllText(_sandbox.Path("google.csv"), GoogleCsv);
        var import = Sandbox.Ok(_sandbox.RunToday("import", "contacts", "google.csv"));
        Assert.Contains("m-rossi: M. Rossi (matched by name): added e-mail maria.rossi@studio-rossi.example", import.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("maria-rossi-2", Sandbox.Ok(_sandbox.RunToday("list")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_ANameWrittenAnotherWay_RefusedAsTheSamePerson()
    {
        Sandbox.Ok(_sandbox.RunToday("init", "--empty"));
        Sandbox.Ok(_sandbox.RunToday("add", "Maria", "Rossi", "--tier", "client"));
        byte[] before = _sandbox.DataBytes();

        var result = Sandbox.Fails(_sandbox.RunToday("add", "Rossi,", "María", "--tier", "client"));

        Assert.Equal("Cadence.Diary: Maria Rossi is already in the diary as maria-rossi; log against that id, or add with --id to keep a second person of that name.", Assert.Single(result.ErrorLines));
        Assert.Equal(before, _sandbox.DataBytes());
    }

    [Fact]
    public void TwoEntriesWithTheName_TheContactIsAPossibleDuplicate_NothingAdded()
    {
        Sandbox.Ok(_sandbox.RunToday("init", "--empty"));
        Sandbox.Ok(_sandbox.RunToday("add", "Maria", "Rossi", "--tier", "client"));
        Sandbox.Ok(_sandbox.RunToday("add", "Maria", "Rossi", "--tier", "prospect", "--id", "maria-rossi-2"));
        File.WriteAllText(_sandbox.Path("google.csv"), GoogleCsv);
        byte[] before = _sandbox.DataBytes();

        var dry = Sandbox.Ok(_sandbox.RunToday("import", "contacts", "google.csv", "--dry-run"));
        Assert.StartsWith("Dry run: would import google.csv (CSV, 2 contacts): 1 added, 0 updated, 0 already there, 1 possible duplicate not added, 0 skipped.", dry.Out, StringComparison.Ordinal);
        Assert.Contains("possible duplicate", dry.Out, StringComparison.Ordinal);
        Assert.Contains("Maria Rossi has the name of maria-rossi, maria-rossi-2, and none of their addresses: nothing added", dry.Out, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.DataBytes());

        var result = Sandbox.Ok(_sandbox.RunToday("import", "contacts", "google.csv"));
        Assert.StartsWith("Imported google.csv (CSV, 2 contacts): 1 added, 0 updated, 0 already there, 1 possible duplicate not added, 0 skipped.", result.Out, StringComparison.Ordinal);
        var list = Sandbox.Ok(_sandbox.RunToday("list")).Out;
        Assert.DoesNotContain("maria-rossi-3", list, StringComparison.Ordinal);
        Assert.DoesNotContain("maria.rossi@studio-rossi.example", Sandbox.Ok(_sandbox.RunToday("show", "maria-rossi")).Out, StringComparison.Ordinal);
    }
}

/// <summary>`show` says a rule's gaps in words, months and years included ("at most 3 months", not "P3M").</summary>
public sealed class ShowRuleWordsTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Theory]
    [InlineData("P14D", "14 days")]
    [InlineData("P6W", "42 days")]
    [InlineData("P1D", "1 day")]
    [InlineData("P3M", "3 months")]
    [InlineData("P1M", "1 month")]
    [InlineData("P1Y6M", "1 year 6 months")]
    [InlineData("P2M10D", "2 months 10 days")]
    [InlineData("P0D", "0 days")]
    public void InWords(string iso, string words) =>
        Assert.Equal(words, Cadence.Sample.Commands.RelationshipCommands.InWords(NodaTime.Text.PeriodPattern.Roundtrip.Parse(iso).Value));

    [Fact]
    public void Show_ATierRuleInMonths_SaidInWords()
    {
        Sandbox.Ok(_sandbox.RunToday("init", "--empty"));
        Sandbox.Ok(_sandbox.RunToday("add", "Tom", "Ash", "--tier", "contact"));

        var show = Sandbox.Ok(_sandbox.RunToday("show", "tom-ash")).Out;

        Assert.Contains("at least 14 days, aim for 42 days, at most 3 months (the contact tier's)", show, StringComparison.Ordinal);
        Assert.DoesNotContain("P3M", show, StringComparison.Ordinal);
    }
}
