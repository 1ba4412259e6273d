using System;
using System.IO;
using System.Linq;
using NodaTime;

namespace Cadence.Import.Tests.Contacts;

/// <summary>Contacts read from files written to mimic Apple, Google and Outlook exports, vCard 4 and plain CSV, and broken ones.</summary>
public sealed class ContactReaderTests
{
    internal static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "contacts", name));

    internal static ContactReadResult Read(string name) => name.EndsWith(".vcf", StringComparison.Ordinal) ? VCardReader.Read(Fixture(name)) : ContactCsvReader.Read(Fixture(name));

    /// <summary>"name | e-mails | phones | organisation | birthday | source".</summary>
    private static string[] Cards(ContactReadResult result) =>
        [.. result.Cards.Select(c => $"{c.Name} | {string.Join(",", c.Emails)} | {string.Join(",", c.Phones)} | {c.Organization} | {c.Birthday} | {c.Source}")];

    [Theory]
    [InlineData("apple.vcf",
        "Zoë Müller | zoe.mueller@example.com,zoe@home.example | +49 170 1234567 | Müller & Partner GmbH | --04-15 | card at line 1",
        "Sam Okafor | sam@okafor.co.uk | +44 20 7946 0958 |  | 1985-11-02 | card at line 17")]
    [InlineData("google.vcf",
        "Tom Ashworth | tom@ashworth.example,t.ashworth@gmail.example | 07700 900123 | Ashworth Ltd | --04-15 | card at line 1",
        "Ann Berg | ann.berg@example.se |  |  | 1992-02-29 | card at line 12")]
    [InlineData("outlook.vcf",
        "Jürgen Müller | juergen.mueller@brauhaus.example | +49 89 1234 5678 | Café “Zum Hirschen” | 1970-03-22 | card at line 1",
        "Hélène Dupont | helene.dupont@example.fr |  |  |  | card at line 12")]
    [InlineData("v4.vcf",
        "陈静 | chen.jing@example.cn | +86-10-1234-5678 |  | --02-29 | card at line 1",
        "Dr. Li Ng | li.ng@example.sg |  |  | 1980-04-15 | card at line 9")]
    [InlineData("google.csv",
        "Zoë Müller | zoe.mueller@example.com,zoe@home.example | +49 170 1234567 | Müller & Partner GmbH | --04-15 | line 2",
        "Sam Okafor | sam@okafor.co.uk,sam.okafor@gmail.example | +44 20 7946 0958 |  | 1985-11-02 | line 3",
        " |  |  |  |  | line 4")]
    [InlineData("outlook.csv",
        "Tom Ashworth | tom@ashworth.example | 07700 900123,+44 161 496 0000 | Ashworth Ltd | 1980-04-15 | line 2",
        "Ann Berg | ann.berg@example.se |  |  |  | line 4")]
    [InlineData("plain.csv",
        "Zoë Müller | zoe.mueller@example.com,zoe@home.example | +49 170 1234567 | Müller & Partner GmbH | --04-15 | line 2",
        "Okafor, Sam | sam@okafor.co.uk |  |  | 1985-11-02 | line 3",
        "李娜 | li.na@example.cn |  |  |  | line 4")]
    public void Export_ReadAsMeant(string file, params string[] expected)
    {
        var result = Read(file);
        Assert.Equal(expected, Cards(result));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void BrokenVCard_EveryProblemReported_TheRestRead()
    {
        var result = Read("broken.vcf");
        Assert.Equal(
            [
                "No End | no.end@example.com |  |  |  | card at line 1",
                "Bad Values | good@example.com |  |  |  | card at line 5",
                "Last Without End |  |  |  |  | card at line 15",
            ],
            Cards(result));
        Assert.Equal(
            [
                "Skipped: card at line 1: has no END:VCARD; read up to the next card",
                "Skipped: line 8: e-mail \"not an address\" is not an e-mail address; the rest was read",
                "Skipped: line 10: phone \"call me maybe\" is not a phone number; the rest was read",
                "Skipped: line 11: BDAY \"1980-13-45\" is not a date; the rest was read",
                "Skipped: line 12: \"this line has no colon\" is not a property (no ':')",
                "Skipped: line 14: EMAIL is outside a card (no BEGIN:VCARD before it)",
                "Skipped: card at line 15: has no END:VCARD",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void BrokenCsv_BadRowsReported_TheRestRead()
    {
        var result = Read("broken.csv");
        Assert.Equal(["Good Person", "Bad Values", "Last Good"], result.Cards.Select(c => c.Name));
        Assert.Equal(
            [
                "Skipped: line 3: has another number of fields than the header; the row was skipped",
                "Skipped: line 4: is not valid CSV (StrayQuote): \"Bad \"Quote\",bad@example.com,,,\"; the row was skipped",
                "Skipped: line 5: e-mail \"not-an-address\" is not an e-mail address; the rest was read",
                "Skipped: line 5: phone \"12\" is not a phone number; the rest was read",
                "Skipped: line 5: birthday \"1980-02-30\" is not a date; the rest was read",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Subject,Start Date,Location\nLunch,2026-02-01,Dishoom\n")]
    public void CsvWithoutAContactHeader_OneLineSaysSo(string text)
    {
        var result = ContactCsvReader.Read(text);
        Assert.Empty(result.Cards);
        Assert.Equal("the file", Assert.Single(result.Problems).Source);
    }

    [Theory]
    [InlineData("1980-04-15", null, 1980, 4, 15)]
    [InlineData("19800415", null, 1980, 4, 15)]
    [InlineData("19800415T000000Z", null, 1980, 4, 15)]
    [InlineData("--0415", null, null, 4, 15)]
    [InlineData("--04-15", null, null, 4, 15)]
    [InlineData("--0229", null, null, 2, 29)]
    [InlineData("1604-04-15", 1604, null, 4, 15)]
    [InlineData("4/15/1980", null, 1980, 4, 15)]
    [InlineData("2000-02-29", null, 2000, 2, 29)]
    public void Birthday_EveryFormFilesUse(string text, int? omitted, int? year, int month, int day) =>
        Assert.Equal(new ContactBirthday(new AnnualDate(month, day), year), ContactBirthday.Parse(text, omitted));

    [Theory]
    [InlineData("1980-13-01")]
    [InlineData("1981-02-29")]
    [InlineData("--0230")]
    [InlineData("0/0/00")]
    [InlineData("1604-04-15")]
    [InlineData("next spring")]
    public void Birthday_NotADate_None(string text) => Assert.Null(ContactBirthday.Parse(text));
    [Fact]
    public void AnUnclosedQuote_TheRowsItSwallowsAreReportedWithTheirLines()
    {
        // Issue 26: an unclosed quote on line 1002 swallowed the remaining 1,000 rows, reported as "1 skipped".
        var rows = Enumerable.Range(1, 10).Select(n => n == 3 ? "\"Broken Quote,broken@example.com" : $"Person {n},p{n}@example.com");
        var result = ContactCsvReader.Read("name,email\n" + string.Join("\n", rows) + "\n");

        Assert.Equal(["Person 1", "Person 2"], result.Cards.Select(c => c.Name));
        var problem = Assert.Single(result.Problems);
        Assert.Equal("lines 4 to 11", problem.Source);
        Assert.Equal("a quote opened on line 4 runs to line 11: 8 rows not read; close the quote and import again", problem.Detail);
    }
    [Fact]
    public void QuotedPrintable_SoftBreaksEverywhere_AndTextOutsideTheBasicPlane_ReadWhole()
    {
        // Issue 26: soft breaks made reading grow with the square of the value; a character was encoded on its own.
        string name = "Zo=C3=AB M=C3=BCller 👩🏽‍💻";
        string folded = string.Join("=\r\n", name.Select(c => c.ToString()));
        string card = $"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{folded}\r\nEMAIL:zoe@example.com\r\nEND:VCARD\r\n";

        var result = VCardReader.Read(card);

        Assert.Equal("Zoë Müller 👩🏽‍💻", Assert.Single(result.Cards).Name);
    }
}
