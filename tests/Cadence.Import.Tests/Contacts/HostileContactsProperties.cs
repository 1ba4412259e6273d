using System.Linq;
using System.Text;
using Cadence.Planning;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Cadence.Import.Tests.Contacts;

/// <summary>
/// Issue 26: whatever a contacts file holds (names with control characters or thousands of characters, addresses and
/// numbers good and bad, birthdays from year 1 to 9999, quotes left open, vCard and CSV alike), the import never
/// throws, keeps only what the diary's own rules accept, and the diary it gives still plans.
/// </summary>
public sealed class HostileContactsProperties
{
    private static readonly string[] Names = ["Zoë Müller", "Sam", "", "  ", "\u001b[2Jowned", "\"quoted", "a,b", "陈静", "x\ty"];
    private static readonly string[] Emails = ["zoe@example.com", "ZOE@example.com", "not-an-address", "@", "a@b", "", "mailto:sam@ok.uk", "x@y;z@w"];
    private static readonly string[] Phones = ["+44 20 7946 0958", "12", "phone", "", "+1 (555) 010-9999 x12", "0"];
    private static readonly string[] Birthdays = ["1986-03-27", "0001-01-01", "9999-12-31", "3000-02-29", "--04-15", "4/15/1980", "0/0/00", "", "yesterday"];

    private static Gen<string> Row =>
        from name in Gen.Frequency((8, Gen.Elements(Names)), (1, Gen.Choose(200, 5000).Select(n => new string('n', n))))
        from email in Gen.Elements(Emails)
        from phone in Gen.Elements(Phones)
        from birthday in Gen.Elements(Birthdays)
        select $"{Csv(name)},{Csv(email)},{Csv(phone)},{Csv(birthday)}";

    private static string Csv(string value) => value.Contains(',') || value.Contains('\t') ? $"\"{value}\"" : value;

    private static string VCard(string name, string email, string phone, string birthday) =>
        $"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nEMAIL:{email}\r\nTEL:{phone}\r\nBDAY:{birthday}\r\nEND:VCARD\r\n";

    [Property(MaxTest = 200, QuietOnSuccess = true)]
    public Property AnyContactsFile_TheImportKeepsWhatTheDiaryAccepts_AndItPlans() =>
        Prop.ForAll(
            (from rows in Gen.ListOf(Row)
             from vcard in Gen.Elements(false, true)
             from broken in Gen.Elements(false, false, true)
             select (rows, vcard, broken)).ToArbitrary(),
            x =>
            {
                var (rows, vcard, broken) = x;
                string text = vcard
                    ? string.Concat(rows.Select(r => r.Split(',')).Select(f => VCard(f[0], f.ElementAtOrDefault(1) ?? string.Empty, f.ElementAtOrDefault(2) ?? string.Empty, f.ElementAtOrDefault(3) ?? string.Empty)))
                    : "name,email,phone,birthday\n" + string.Join("\n", rows) + (broken ? "\n\"open quote,z@z.z" : string.Empty);
                var read = vcard ? VCardReader.Read(text) : ContactCsvReader.Read(text);

                var import = ContactImporter.Import(new Diary([]), read.Cards, new ContactImportOptions("client"));

                Assert.All(import.Diary.Relationships, r => Assert.DoesNotContain(r.Name, c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')));
                Assert.All(import.Diary.Relationships.SelectMany(r => r.Emails), e => Assert.Contains('@', e));
                var plan = new Scheduler().Plan(import.Diary, new LocalDate(2026, 3, 13));
                return plan.Touches.Count == import.Diary.Relationships.Count
                    && import.Diary.Relationships.Select(r => r.Id).Distinct().Count() == import.Diary.Relationships.Count;
            });
}
