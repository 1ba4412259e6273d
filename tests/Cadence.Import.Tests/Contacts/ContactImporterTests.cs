using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cadence.Import.Tests.Contacts;

/// <summary>Contacts matched to relationships by e-mail, then phone, and updated; the rest added; the same diary whatever the order, and nothing twice.</summary>
public sealed class ContactImporterTests
{
    private static readonly ContactImportOptions Options = new("contact");

    private static Diary Diary() => new(
    [
        new Relationship("zoe", "Zoë M.", "client").WithEmails("ZOE.MUELLER@example.com"),
        new Relationship("sam", "Sam Okafor", "prospect").WithPhones("+44 20 7946 0958"),
    ]);

    private static ContactCard Card(string? name, string[] emails, string[] phones, string? org = null, string source = "line 2") =>
        new(name, emails, phones, org, null, source);

    [Fact]
    public void Apple_ZoeMatchedByEmailAndUpdated_SamMatchedByPhone_NamesAndTiersKept()
    {
        var import = ContactImporter.Import(Diary(), ContactReaderTests.Read("apple.vcf").Cards, Options);

        var zoe = import.Diary["zoe"];
        Assert.Equal("Zoë M.", zoe.Name);
        Assert.Equal("client", zoe.Tier);
        Assert.Equal(["ZOE.MUELLER@example.com", "zoe@home.example"], zoe.Emails);
        Assert.Equal(["+49 170 1234567"], zoe.Phones);
        Assert.Equal(["Müller & Partner GmbH"], zoe.Tags);
        // Apple's BDAY;X-APPLE-OMIT-YEAR=1604 is a birthday without a year: no age is said.
        var birthday = Assert.Single(zoe.ImportantDates);
        Assert.Equal(ImportantDate.Yearly("birthday", new NodaTime.AnnualDate(4, 15)), birthday);
        var sam = import.Diary["sam"];
        Assert.Equal(1985, Assert.Single(sam.ImportantDates).Year);
        Assert.Equal(["sam@okafor.co.uk"], sam.Emails);
        Assert.Equal(2, import.Diary.Relationships.Count);
        Assert.Equal(
            [
                new ImportLine(ImportAction.Updated, "card at line 17", "sam", "Sam Okafor: added e-mail sam@okafor.co.uk, birthday 1985-11-02"),
                new ImportLine(ImportAction.Updated, "card at line 1", "zoe", "Zoë M.: added e-mail zoe@home.example, phone +49 170 1234567, tag Müller & Partner GmbH, birthday --04-15"),
            ],
            import.Report.Lines);
    }

    [Fact]
    public void Progress_EveryHundredthContactAndTheLast()
    {
        var cards = Enumerable.Range(0, 250).Select(n => Card($"Person {n}", [$"p{n}@example.com"], [])).ToList();
        var seen = new Calendar.CalendarImporterTests.Recorder();

        ContactImporter.Import(Diary(), cards, Options with { Progress = seen });

        // 250 contacts: a report every 2 (a hundredth), the last one at 250 of 250.
        Assert.Equal(Enumerable.Range(1, 125).Select(n => new ImportProgress(2 * n, 250)), seen.Reports);
    }

    [Fact]
    public void NewContacts_AddedInTheTier_IdsFromNames()
    {
        var import = ContactImporter.Import(Diary(), ContactReaderTests.Read("v4.vcf").Cards.Concat(ContactReaderTests.Read("outlook.vcf").Cards), new ContactImportOptions("past-associate"));

        // Added in an order of the importer's own (by name, ordinal), so the file's order does not matter.
        Assert.Equal(["zoe", "sam", "dr-li-ng", "helene-dupont", "jurgen-muller", "chenjing"], import.Diary.Relationships.Select(r => r.Id));
        Assert.All(import.Diary.Relationships.Skip(2), r => Assert.Equal("past-associate", r.Tier));
        Assert.Equal(["Café “Zum Hirschen”"], import.Diary["jurgen-muller"].Tags);
    }

    [Theory]
    [InlineData("Zoë Müller", "zoe-muller")]
    [InlineData("Søren Kierkegaard", "soren-kierkegaard")]
    [InlineData("Straße", "strasse")]
    [InlineData("  O'Brien, Seán  ", "o-brien-sean")]
    [InlineData("陈静", "chenjing")]
    [InlineData("!?", null)]
    public void Slug_ReadableAsciiOrNone(string name, string? slug) => Assert.Equal(slug, RelationshipIds.FromName(name));

    [Fact]
    public void SameNameTwice_OneRelationshipMatchedByName_NoNameFallsBackToTheAddress()
    {
        var import = ContactImporter.Import(new Diary([]), [Card("Ann Berg", ["ann@a.example"], []), Card("Ann Berg", ["ann@b.example"], []), Card(null, ["陈@c.example"], []), Card(null, [], [])], Options);
        Assert.Equal(["chen", "ann-berg"], import.Diary.Relationships.Select(r => r.Id));
        Assert.Equal(["ann@a.example", "ann@b.example"], import.Diary["ann-berg"].Emails);
        Assert.Equal("陈", import.Diary["chen"].Name);
        Assert.Contains(new ImportLine(ImportAction.Skipped, "line 2", null, "no name, e-mail or phone"), import.Report.Lines);
        Assert.Contains(new ImportLine(ImportAction.Updated, "line 2", "ann-berg", "Ann Berg (matched by name): added e-mail ann@b.example"), import.Report.Lines);
    }

    [Theory]
    [InlineData("Maria Rossi", "maria rossi")]
    [InlineData("Rossi, Maria", "maria rossi")]
    [InlineData("  MARÍA   rossi ", "maria rossi")]
    [InlineData("Ольга Петрова", "olga petrova")]
    [InlineData("Olga Petrova", "olga petrova")]
    [InlineData("O'Brien, Seán", "obrien sean")]
    [InlineData("陈静", "chenjing")]
    [InlineData("Maria G. Rossi", "g maria rossi")]
    [InlineData("Anne-Marie Berg", "annemarie berg")]
    [InlineData("!?", null)]
    public void NameKey_AsPeopleWriteNames(string name, string? key) => Assert.Equal(key, RelationshipIds.NameKey(name));

    /// <summary>Issue 28: a diary with "Maria Rossi" (no address yet) imports her card: one Maria Rossi, with the address.</summary>
    [Theory]
    [InlineData("Maria Rossi")]
    [InlineData("Rossi, Maria")]
    [InlineData("MARIA ROSSI")]
    [InlineData("María Rossi")]
    public void NoAddressYet_TheCardWithHerName_MatchedByNameAndUpdated(string written)
    {
        var diary = new Diary([new Relationship("maria-rossi", "Maria Rossi", "client"), new Relationship("ol-ga-petrova", "Ольга Петрова", "partner")]);

        var import = ContactImporter.Import(diary, [Card(written, ["maria.rossi@example.it"], ["+39 06 1234 5678"]), Card("Olga Petrova", ["olga@example.ru"], [])], Options);

        Assert.Equal(["maria-rossi", "ol-ga-petrova"], import.Diary.Relationships.Select(r => r.Id));
        Assert.Equal(["maria.rossi@example.it"], import.Diary["maria-rossi"].Emails);
        Assert.Equal(("Maria Rossi", "client"), (import.Diary["maria-rossi"].Name, import.Diary["maria-rossi"].Tier));
        Assert.Equal(["olga@example.ru"], import.Diary["ol-ga-petrova"].Emails);
        Assert.Equal(
            [
                new ImportLine(ImportAction.Updated, "line 2", "ol-ga-petrova", "Ольга Петрова (matched by name): added e-mail olga@example.ru"),
                new ImportLine(ImportAction.Updated, "line 2", "maria-rossi", "Maria Rossi (matched by name): added e-mail maria.rossi@example.it, phone +39 06 1234 5678"),
            ],
            import.Report.Lines.OrderBy(l => l.RelationshipId == "maria-rossi"));
    }

    [Fact]
    public void TheNameOfSeveral_APossibleDuplicate_NothingAdded_AnAddressStillMatches()
    {
        var diary = new Diary([new Relationship("maria-rossi", "Maria Rossi", "client"), new Relationship("maria-rossi-2", "Rossi, Maria", "prospect").WithEmails("m.rossi@work.example")]);

        var import = ContactImporter.Import(diary, [Card("Maria Rossi", ["maria@home.example"], [], source: "line 7"), Card("Maria Rossi", ["M.ROSSI@work.example"], ["+39 06 1234 5678"], source: "line 9")], Options);

        Assert.Equal(
            new ImportLine(ImportAction.PossibleDuplicate, "line 7", null, "Maria Rossi has the name of maria-rossi, maria-rossi-2, and none of their addresses: nothing added (merge them, or give the right one an address)"),
            import.Report.Lines.Single(l => l.Source == "line 7"));
        Assert.Equal(ImportAction.Updated, import.Report.Lines.Single(l => l.Source == "line 9").Action);
        Assert.Equal(["maria-rossi", "maria-rossi-2"], import.Diary.Relationships.Select(r => r.Id));
        Assert.Empty(import.Diary["maria-rossi"].Emails);
        Assert.Equal(["+39 06 1234 5678"], import.Diary["maria-rossi-2"].Phones);
    }

    [Fact]
    public void AfterAMerge_ANewContactNeverTakesTheMergedId()
    {
        // maria-rossi-2 was merged into maria-rossi and is its alias; another Maria Rossi (by address, not by name:
        // the name is Maria Rossi's) is a new person with an id of her own.
        var diary = new Diary([new Relationship("maria-rossi", "Maria Rossi", "client"), new Relationship("maria-rossi-2", "Maria Rossi", "client")]).Merge("maria-rossi-2", "maria-rossi");

        var import = ContactImporter.Import(diary, [Card("Maria  Rossi", [], []), Card("Maria Rossi-Bianchi", ["mrb@example.it"], [])], Options);

        Assert.Equal(["maria-rossi", "maria-rossi-bianchi"], import.Diary.Relationships.Select(r => r.Id));
        var cousin = ContactImporter.Import(import.Diary.Add(new Relationship("rossi-maria", "Rossi", "client")), [Card("Maria Rossi 2", ["m2@example.it"], [])], Options);
        Assert.Equal("maria-rossi-2-2", cousin.Diary.Relationships[^1].Id);
    }

    [Fact]
    public void AnAddressMatch_WinsOverANameMatch()
    {
        var diary = new Diary([new Relationship("ann-berg", "Ann Berg", "client"), new Relationship("ann-b", "Ann B.", "client").WithEmails("ann@b.example")]);

        var import = ContactImporter.Import(diary, [Card("Ann Berg", ["ann@b.example", "ann@new.example"], [])], Options);

        Assert.Equal(["ann@b.example", "ann@new.example"], import.Diary["ann-b"].Emails);
        Assert.Empty(import.Diary["ann-berg"].Emails);
        Assert.Equal("ann-b", Assert.Single(import.Report.Lines).RelationshipId);
    }

    [Fact]
    public void NameWithoutLettersOrDigits_IdFromTheAddress_ElseContact()
    {
        // The library's rule gives no id for "!?" (RelationshipIds.FromName is null): the import falls back to the
        // address's local part, and without an address to "contact".
        var import = ContactImporter.Import(new Diary([]), [Card("!?", ["li.na@x.example"], []), Card("?!", [], ["07700 900123"])], Options);
        Assert.Equal(["li-na", "contact"], import.Diary.Relationships.Select(r => r.Id));
        Assert.Equal("!?", import.Diary["li-na"].Name);
    }

    [Fact]
    public void SamePersonTwiceInOneFile_OneRelationship()
    {
        var import = ContactImporter.Import(new Diary([]), [Card("Tom Ashworth", ["tom@ashworth.example"], []), Card("Tom A.", ["TOM@ashworth.example", "t@gmail.example"], ["07700 900123"], "Ashworth Ltd")], Options);
        var tom = Assert.Single(import.Diary.Relationships);
        // "Tom A." comes first in the importer's order: its spelling of the shared address is kept.
        Assert.Equal("Tom A.", tom.Name);
        Assert.Equal(["TOM@ashworth.example", "t@gmail.example"], tom.Emails);
        Assert.Equal(["07700 900123"], tom.Phones);
    }

    [Fact]
    public void AnAddressOrNumberAnotherRelationshipHas_NotAdded_TheReportSaysWhose()
    {
        var import = ContactImporter.Import(Diary(), [Card("Zoë Müller", ["zoe.mueller@example.com"], ["+44 (20) 7946-0958"])], Options);
        Assert.Equal(
            [new ImportLine(ImportAction.Matched, "line 2", "zoe", "Zoë M. already has these details; phone +44 (20) 7946-0958 is sam's, so not added")],
            import.Report.Lines);
        Assert.Empty(import.Diary["zoe"].Phones);
    }

    [Fact]
    public void Birthday_KeptOnNewRelationships_NeverReplacesOneAlreadyThere()
    {
        var leapling = new ContactCard("Ann Berg", ["ann@a.example"], [], null, new ContactBirthday(new NodaTime.AnnualDate(2, 29), 1992), "card at line 1");
        var added = ContactImporter.Import(new Diary([]), [leapling], Options);
        Assert.Equal(ImportantDate.Yearly("birthday", new NodaTime.AnnualDate(2, 29), 1992), Assert.Single(added.Diary["ann-berg"].ImportantDates));

        var other = leapling with { Birthday = new ContactBirthday(new NodaTime.AnnualDate(3, 1), null) };
        var again = ContactImporter.Import(added.Diary, [other], Options);
        Assert.Equal(ImportAction.Matched, Assert.Single(again.Report.Lines).Action);
        Assert.Equal(added.Diary["ann-berg"].ImportantDates, again.Diary["ann-berg"].ImportantDates);
    }

    [Fact]
    public void BadTier_RefusedNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => ContactImporter.Import(new Diary([]), [], new ContactImportOptions("  ")));
        Assert.Equal("tier", e.ParamName);
    }

    [Fact]
    public void CardWithAValueTheDiaryRefuses_SkippedWithTheReason()
    {
        var import = ContactImporter.Import(new Diary([]), [Card("Eve", ["not an address"], [])], Options);
        var line = Assert.Single(import.Report.Lines);
        Assert.Equal(ImportAction.Skipped, line.Action);
        Assert.Contains("not an address", line.Detail, StringComparison.Ordinal);
        Assert.Empty(import.Diary.Relationships);
    }

    private static readonly string[] Emails = ["a@x.example", "B@x.example", "b@x.example", "c@y.example", "d@z.example"];
    private static readonly string[] Phones = ["+44 20 7946 0001", "+44 20 7946 0002", "+44-20-7946-0002", "07700 900123"];
    private static readonly string[] Names = ["Ann", "Bo", "Zoë Müller", "陈静", "Ann", "Müller, Zoë", "ZOE MULLER", "Chen Jing", "Bo Berg", "Berg, Bo"];

    private static Gen<ContactCard[]> Cards =>
        Gen.ArrayOf(
            from name in Gen.Elements(Names).OrNull()
            from emails in Gen.ArrayOf(Gen.Elements(Emails), 2)
            from phones in Gen.ArrayOf(Gen.Elements(Phones), 1)
            from hasPhone in Gen.Elements(true, false)
            from org in Gen.Elements<string?>(null, "Acme", "Brauhaus AG")
            from line in Gen.Choose(1, 99)
            select new ContactCard(name, emails.Distinct().ToArray(), hasPhone ? phones : [], org, null, $"line {line}"));

    /// <summary>Importing the same contacts twice changes nothing the second time; importing them in another order gives the same diary.</summary>
    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property AnyContacts_TwiceOrShuffled_SameDiary() =>
        Prop.ForAll(Cards.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (cards, seed) =>
        {
            var once = ContactImporter.Import(Diary(), cards, Options);
            var twice = ContactImporter.Import(once.Diary, cards, Options);
            var shuffled = ContactImporter.Import(Diary(), Shuffling.Shuffle(cards, seed), Options);
            static string Show(ContactImport i) => string.Join("; ", i.Diary.Relationships.Select(r => $"{r.Id}={r.Name}[{string.Join(",", r.Emails)}|{string.Join(",", r.Phones)}|{string.Join(",", r.Tags)}]"));
            return (once.Diary.Relationships.SequenceEqual(twice.Diary.Relationships)
                    && twice.Report.Lines.All(l => l.Action is ImportAction.Matched or ImportAction.Skipped or ImportAction.PossibleDuplicate)).Label("twice: " + Show(once) + " / " + Show(twice) + " / " + string.Join(" ", twice.Report.Lines))
                .And(once.Diary.Relationships.SequenceEqual(shuffled.Diary.Relationships).Label("shuffled: " + Show(once) + " / " + Show(shuffled)));
        });

    /// <summary>
    /// An import never makes a second relationship with a name the diary already has (as names are compared), nor two
    /// with one name: every
    /// contact with such a name is matched (by an address, or by the name when exactly one has it) or reported as a
    /// possible duplicate; and a possible duplicate adds nothing and changes nothing.
    /// </summary>
    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property AnyContacts_NoNewRelationshipWithANameAlreadyThere() =>
        Prop.ForAll(Cards.ToArbitrary(), Cards.ToArbitrary(), (first, second) =>
        {
            var before = ContactImporter.Import(Diary(), first, Options).Diary;
            var import = ContactImporter.Import(before, second, Options);
            var keys = before.Relationships.Select(r => RelationshipIds.NameKey(r.Name)).Where(k => k is not null).ToHashSet();
            // Relationships named by their cards (a card without a name is named after its address and not matched by it).
            var cardNames = second.Select(c => c.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var added = import.Diary.Relationships.Skip(before.Relationships.Count).Where(r => cardNames.Contains(r.Name)).ToList();
            Assert.All(added, r => Assert.DoesNotContain(RelationshipIds.NameKey(r.Name), keys));
            Assert.Equal(added.Count, added.Select(r => RelationshipIds.NameKey(r.Name) ?? r.Id).Distinct().Count());
            var duplicates = import.Report.Lines.Where(l => l.Action == ImportAction.PossibleDuplicate).ToList();
            Assert.All(duplicates, l => Assert.Null(l.RelationshipId));
            return true.Classify(duplicates.Count > 0, "possible duplicates").Classify(import.Report.Lines.Any(l => l.Detail.Contains("(matched by name)", StringComparison.Ordinal)), "matched by name");
        });

    /// <summary>
    /// A merge of two relationships an import made, then the same contacts imported again: nothing is added (the
    /// duplicate merged away is not made again: its addresses, numbers and name now lead to the one it went into), and
    /// nothing changes unless a card's addresses are two relationships'.
    /// </summary>
    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property AnyContacts_MergeTwoThenImportAgain_NothingChanges() =>
        Prop.ForAll(Cards.ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (cards, a, b) =>
        {
            var imported = ContactImporter.Import(Diary(), cards, Options).Diary;
            var ids = imported.Relationships.Select(r => r.Id).ToList();
            string from = ids[a % ids.Count], into = ids[b % ids.Count];
            if (from == into)
            {
                return true.Label("one relationship chosen twice");
            }

            var merged = imported.Merge(from, into);
            var again = ContactImporter.Import(merged, cards, Options);

            // Never a relationship added: the merged-away one is not made again.
            Assert.Equal(merged.Relationships.Select(r => r.Id), again.Diary.Relationships.Select(r => r.Id));
            Assert.DoesNotContain(again.Report.Lines, l => l.Action is ImportAction.Added or ImportAction.PossibleDuplicate);

            // And nothing changed, unless a card's addresses are two relationships' (it updates the first in the diary's
            // order, which the merge may have changed: a card of two people is the limit of matching by address).
            bool spans = cards.Any(c => merged.Relationships.Count(r => c.Emails.Any(r.HasEmail) || c.Phones.Any(r.HasPhone)) > 1);
            if (!spans)
            {
                Assert.Equal(merged.Relationships, again.Diary.Relationships);
                Assert.All(again.Report.Lines, l => Assert.True(l.Action is ImportAction.Matched or ImportAction.Skipped, l.ToString()));
            }

            return true.Classify(spans, "a card of two relationships");
        });

    [Fact]
    public void AfterAMerge_TheMergedNameStillMatches_ShownAsAnotherName()
    {
        var diary = new Diary([new Relationship("m-rossi", "M. Rossi", "client"), new Relationship("maria-rossi", "Maria Rossi", "client")]).Merge("maria-rossi", "m-rossi");
        Assert.Equal(["Maria Rossi"], diary["m-rossi"].OtherNames);

        var import = ContactImporter.Import(diary, [Card("Rossi, Maria", ["maria@example.it"], [])], Options);

        Assert.Equal(new ImportLine(ImportAction.Updated, "line 2", "m-rossi", "M. Rossi (matched by name): added e-mail maria@example.it"), Assert.Single(import.Report.Lines));
        Assert.Single(import.Diary.Relationships);
    }

    [Fact]
    public void ACardWithThousandsOfAddresses_ItsLineListsFiveAndCountsTheRest()
    {
        // Issue 26: a card with 10,000 EMAIL lines took 114 s, most of it printing the summary.
        var emails = Enumerable.Range(0, 10_000).Select(n => $"many{n}@example.com").ToList();
        var card = new ContactCard("Many Addresses", emails, [], null, null, "card 1");

        var import = ContactImporter.Import(new Diary([]), [card], new ContactImportOptions("client"));

        var line = Assert.Single(import.Report.Lines);
        Assert.Equal("Many Addresses, client: many0@example.com, many1@example.com, many2@example.com, many3@example.com, many4@example.com and 9,995 more", line.Detail);
        Assert.Equal(10_000, import.Diary["many-addresses"].Emails.Count);
    }
}
