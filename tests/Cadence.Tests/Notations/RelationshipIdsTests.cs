using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cadence.Tests.Notations;

/// <summary>Relationship ids from names (AnyAscii, lower-case ASCII letters and digits, hyphens) and the -2, -3 suffix.</summary>
public sealed partial class RelationshipIdsTests
{
    [Theory]
    [InlineData("zoe-muller", "Zoë Müller")]
    [InlineData("tomislav-babic", "Tomislav Babić")]
    [InlineData("chloe-martin", "Chloé  Martin!")]
    [InlineData("soren-kierkegaard", "Søren Kierkegaard")]
    [InlineData("chenjing", "陈静")]
    [InlineData("aeneas-o-brien-strasse", "Æneas O’Brien-Straße")]
    [InlineData("slight-smile", "🙂")]
    [InlineData("o-brien-sean", "  O'Brien, Seán  ")]
    [InlineData("49-170-1234567", "+49 170 1234567")]
    public void FromName_ReadableAsciiIds(string expected, string name) => Assert.Equal(expected, RelationshipIds.FromName(name));

    [Theory]
    [InlineData("!?")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-- · --")]
    public void FromName_NoLetterOrDigit_Null(string name) => Assert.Null(RelationshipIds.FromName(name));

    [Fact]
    public void FromName_AtMost60Characters_CutAtAWordsEnd()
    {
        string name = string.Join(" ", Enumerable.Repeat("abcdefghi", 10));
        string id = RelationshipIds.FromName(name)!;

        Assert.Equal(RelationshipIds.MaxLength, 60);
        Assert.Equal(string.Join("-", Enumerable.Repeat("abcdefghi", 6)), id);
        Assert.Equal(59, id.Length);
        Assert.Equal(new string('a', 60), RelationshipIds.FromName(new string('A', 100)));
    }

    private static Gen<string> Names =>
        from length in Gen.Choose(0, 30)
        from parts in Gen.ArrayOf(Gen.Elements("Zoë", "Müller", "陈", "静", "O'Brien", "-", "  ", "Straße", "🙂", "Æ", "!", "1986", "ß", "İ", "x", "\t", "Ł", "Дмитрий", "محمد", "東京"), length)
        select string.Concat(parts);

    /// <summary>An id made from any name is lower-case ASCII words joined by single hyphens, at most 60 long; and it is its own id (made again, it stays).</summary>
    [Property(MaxTest = 1000, QuietOnSuccess = true)]
    public Property FromName_WellFormed_AndItsOwnId() =>
        Prop.ForAll(Names.ToArbitrary(), name =>
            RelationshipIds.FromName(name) is not { } id
            || (WellFormed().IsMatch(id) && id.Length <= RelationshipIds.MaxLength && RelationshipIds.FromName(id) == id && new Relationship(id, name.Length > 0 ? name : "x", "t").Id == id));

    /// <summary>Unique gives the id when free, else the first free of id-2, id-3, …: never one taken.</summary>
    [Property(MaxTest = 500, QuietOnSuccess = true)]
    public Property Unique_FirstFreeOfTheIdAndItsNumbers() =>
        Prop.ForAll(
            (from taken in Gen.SubListOf(Enumerable.Range(1, 8).ToArray())
             from other in Gen.Elements("zoe", "zoe-muller-x", "zoe-muller-2-2")
             select (Taken: taken.ToArray(), Other: other)).ToArbitrary(),
            x =>
            {
                var set = new HashSet<string>(x.Taken.Select(n => n == 1 ? "zoe-muller" : $"zoe-muller-{n}").Append(x.Other), StringComparer.Ordinal);
                string id = RelationshipIds.Unique("zoe-muller", set.Contains);
                int expected = Enumerable.Range(1, 10).First(n => !x.Taken.Contains(n));
                return !set.Contains(id) && id == (expected == 1 ? "zoe-muller" : $"zoe-muller-{expected}");
            });

    [Fact]
    public void Unique_AgainstADiary()
    {
        var diary = new Diary([new Relationship("ann-berg", "Ann Berg", "client"), new Relationship("ann-berg-2", "Ann Berg", "client")]);
        Assert.Equal("ann-berg-3", RelationshipIds.Unique("ann-berg", diary.Contains));
        Assert.Equal("sam", RelationshipIds.Unique("sam", diary.Contains));
    }

    [Fact]
    public void BadArguments_ArgumentExceptionsNamingThem()
    {
        Assert.Throws<ArgumentNullException>(() => RelationshipIds.FromName(null!));
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => RelationshipIds.Unique(" ", _ => false)).ParamName);
        Assert.Contains("\"a\\u001Bb\"", Assert.Throws<ArgumentException>(() => RelationshipIds.Unique("a\u001bb", _ => false)).Message, StringComparison.Ordinal);
        Assert.Equal("isTaken", Assert.Throws<ArgumentNullException>(() => RelationshipIds.Unique("zoe", null!)).ParamName);
    }

    private static readonly string[] Words = ["Maria", "Rossi", "Zoë", "Müller", "Ольга", "Петрова", "陈", "O'Brien", "Seán", "de", "la", "Fuente", "Anne-Marie"];

    /// <summary>
    /// A name's key is the same however its words are ordered, cased, spaced or put as "Family, Given"; it is a
    /// fixed point (the key of a key is the key), and it is made of lower-case ASCII letters and digits in words
    /// sorted ordinally: so a match by name never depends on how an address book wrote the name.
    /// </summary>
    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property NameKey_SameForAnyOrderCaseSpacingAndComma() =>
        Prop.ForAll(
            (from count in Gen.Choose(1, 4)
             from words in Gen.ArrayOf(Gen.Elements(Words), count)
             from order in Gen.Shuffle(Enumerable.Range(0, words.Length).ToArray())
             from upper in Gen.Elements(false, true)
             from spaces in Gen.Elements(" ", "  ", " \t ")
             from comma in Gen.Elements(false, true)
             select (words, order, upper, spaces, comma)).ToArbitrary(),
            x =>
            {
                var (words, order, upper, spaces, comma) = x;
                string plain = string.Join(" ", words);
                var reordered = order.Select(i => upper ? words[i].ToUpperInvariant() : words[i]).ToArray();
                string written = comma && reordered.Length > 1
                    ? reordered[^1] + "," + spaces + string.Join(spaces, reordered[..^1])
                    : string.Join(spaces, reordered);
                string? key = RelationshipIds.NameKey(plain);
                Assert.NotNull(key);
                Assert.Equal(key, RelationshipIds.NameKey(written));
                Assert.Equal(key, RelationshipIds.NameKey(key!));
                var keyWords = key!.Split(' ');
                Assert.All(keyWords, w => Assert.Matches("^[a-z0-9]+$", w));
                Assert.Equal(keyWords.Order(StringComparer.Ordinal), keyWords);
                return true;
            });

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex WellFormed();
}
