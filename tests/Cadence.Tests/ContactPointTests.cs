using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace Cadence.Tests;

/// <summary>A relationship's e-mail addresses, phone numbers, where you met and its note: kept, checked, compared, and carried through every copy.</summary>
public sealed class ContactPointTests
{
    private static readonly Relationship Zoe = new Relationship("zoe", "Zoë Müller", "client")
        .WithEmails(" Zoe.Mueller@Example.com ", "zoe@home.example", "ZOE.MUELLER@example.COM")
        .WithPhones("+44 20 7946 0958", "+44 (20) 7946-0958", "020 7946 0000 x12")
        .WithMetAt("ExpoLondon 2025")
        .WithNote("Two kids.\nAsks about Rome.");

    [Fact]
    public void WithEmails_TrimmedAndOnceRegardlessOfCase()
    {
        Assert.Equal(["Zoe.Mueller@Example.com", "zoe@home.example"], Zoe.Emails);
        Assert.Equal(["+44 20 7946 0958", "020 7946 0000 x12"], Zoe.Phones);
        Assert.Equal("ExpoLondon 2025", Zoe.MetAt);
    }

    [Theory]
    [InlineData("zoe.mueller@example.com")]
    [InlineData("MAILTO:Zoe.Mueller@EXAMPLE.com")]
    [InlineData("  mailto: zoe@home.example ")]
    public void HasEmail_IgnoresCaseSpacesAndMailto(string email) => Assert.True(Zoe.HasEmail(email));

    [Theory]
    [InlineData("zoe@example.com")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("mailto:")]
    public void HasEmail_OtherAddressOrNone_False(string? email) => Assert.False(Zoe.HasEmail(email));

    [Theory]
    [InlineData("+44-20-7946-0958")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("020 7946 0000 ext 12")]
    public void HasPhone_SameDigits(string phone) => Assert.True(Zoe.HasPhone(phone));

    [Property(MaxTest = 500, QuietOnSuccess = true)]
    public Property EmailKeyAndPhoneKey_AreWhatHasEmailAndHasPhoneCompare() =>
        Prop.ForAll(
            Gen.Elements("zoe.mueller@example.com", " MAILTO:Zoe.Mueller@EXAMPLE.com", "zoe@home.example", "zoe@example.com", "", "mailto:", "Zoe@Home.Example ").ToArbitrary(),
            Gen.Elements("+44-20-7946-0958", "+44 20 7946 0958", "020 7946 0000 ext 12", "44 20 7946 0958", "020 7946 0000", "", "  ").ToArbitrary(),
            (email, phone) =>
            {
                // An index keyed by them finds exactly the relationship HasEmail and HasPhone find.
                bool byEmailKey = Relationship.EmailKey(email) is { } key && Zoe.Emails.Any(e => StringComparer.OrdinalIgnoreCase.Equals(Relationship.EmailKey(e), key));
                bool byPhoneKey = Relationship.PhoneKey(phone) is { Length: > 0 } digits && Zoe.Phones.Any(p => Relationship.PhoneKey(p) == digits);
                return byEmailKey == Zoe.HasEmail(email) && byPhoneKey == Zoe.HasPhone(phone);
            });

    [Theory]
    [InlineData("44 20 7946 0958")]
    [InlineData("020 7946 0000")]
    [InlineData("")]
    public void HasPhone_OtherDigits_False(string phone) => Assert.False(Zoe.HasPhone(phone));

    [Theory]
    [InlineData("no-at-sign")]
    [InlineData("@example.com")]
    [InlineData("zoe@")]
    [InlineData("zoe@@example.com")]
    [InlineData("zoe mueller@example.com")]
    [InlineData("Zoë <zoe@example.com>")]
    [InlineData("a@b.c,d@e.f")]
    [InlineData("zoe\u001b@example.com")]
    public void WithEmails_NotAnAddress_NamesIt(string email)
    {
        var e = Assert.Throws<ArgumentException>(() => Zoe.WithEmails(email));
        Assert.Equal("emails", e.ParamName);
        Assert.Contains("is not an e-mail address", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("call me")]
    [InlineData("+44 20 7946 0958; +1 555")]
    [InlineData("tel:+44")]
    public void WithPhones_NotANumber_NamesIt(string phone)
    {
        var e = Assert.Throws<ArgumentException>(() => Zoe.WithPhones(phone));
        Assert.Equal("phones", e.ParamName);
        Assert.Contains("is not a phone number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithMetAt_BlankIsNone_ControlRefused()
    {
        Assert.Null(Zoe.WithMetAt("  ").MetAt);
        Assert.Throws<ArgumentException>(() => Zoe.WithMetAt("Expo\u0007"));
    }

    [Fact]
    public void WithNote_TrimmedKeepsLineBreaks_NullOrBlankClears()
    {
        Assert.Equal("Two kids.\nAsks about Rome.", Zoe.Note);
        Assert.Equal("Likes\ttabs\r\nand lines", Zoe.WithNote("  Likes\ttabs\r\nand lines \n").Note);
        Assert.Null(Zoe.WithNote(null).Note);
        Assert.Null(Zoe.WithNote(" \n\t ").Note);
        Assert.Null(new Relationship("zoe", "Zoë Müller", "client").Note);
    }

    [Theory]
    [InlineData("bell\u0007")]
    [InlineData("esc\u001b[31m")]
    [InlineData("nul\u0000")]
    [InlineData("c1\u0085 end")]
    public void WithNote_ControlCharacter_RefusedNamingIt(string note)
    {
        var e = Assert.Throws<ArgumentException>(() => Zoe.WithNote(note));
        Assert.Equal("note", e.ParamName);
        Assert.Contains(note[..2], e.Message, StringComparison.Ordinal);
        Assert.Contains("control character", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithNote_AtMost4000Characters()
    {
        Assert.Equal(4000, Zoe.WithNote(new string('a', 4000)).Note!.Length);
        var e = Assert.Throws<ArgumentException>(() => Zoe.WithNote(new string('a', 4001)));
        Assert.Equal("note", e.ParamName);
        Assert.Contains("4001 characters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_IncludesContactPoints()
    {
        var plain = new Relationship("zoe", "Zoë Müller", "client");
        Assert.NotEqual(plain, plain.WithEmails("zoe@example.com"));
        Assert.NotEqual(plain, plain.WithPhones("+44 20 7946 0958"));
        Assert.NotEqual(plain, plain.WithMetAt("Expo"));
        Assert.NotEqual(plain, plain.WithNote("note"));
        Assert.NotEqual(plain.WithNote("a"), plain.WithNote("b"));
        Assert.Equal(plain.WithNote("note"), new Relationship("zoe", "Zoë Müller", "client").WithNote("note"));
        Assert.Equal(plain.WithNote("note").GetHashCode(), new Relationship("zoe", "Zoë Müller", "client").WithNote("note").GetHashCode());
        Assert.Equal(plain.WithEmails("zoe@example.com"), new Relationship("zoe", "Zoë Müller", "client").WithEmails("zoe@example.com"));
    }

    /// <summary>Every other change keeps the contact points: none of the copies drops them.</summary>
    [Property(MaxTest = 200, QuietOnSuccess = true)]
    public bool EveryCopy_KeepsContactPoints(byte which)
    {
        Relationship changed = (which % 9) switch
        {
            0 => Zoe.WithName("Zoë M."),
            1 => Zoe.WithTier("prospect"),
            2 => Zoe.WithTags("expo"),
            3 => Zoe.WithTimeZone(DateTimeZoneProviders.Tzdb["Europe/London"]),
            4 => Zoe.WithPreferredChannels(Channel.Call),
            5 => Zoe.PauseUntil(new LocalDate(2026, 5, 1)),
            6 => Zoe.WithRule(CadenceRule.FromDays(7, 14, 21)),
            7 => Zoe.WithWeekend(IsoDayOfWeek.Friday),
            _ => Zoe.Archive(),
        };
        return changed.Emails.SequenceEqual(Zoe.Emails) && changed.Phones.SequenceEqual(Zoe.Phones) && changed.MetAt == Zoe.MetAt && changed.Note == Zoe.Note;
    }
}
