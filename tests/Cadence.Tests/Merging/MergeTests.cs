using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Xunit;

namespace Cadence.Tests.Merging;

/// <summary>Examples of <see cref="Diary.Merge"/>, aliases (<see cref="Relationship.Aliases"/>, <see cref="Diary.Resolve"/>) and <see cref="Diary.Remove"/>, and each of their errors.</summary>
public sealed class MergeTests
{
    private static readonly LocalDate Today = new(2026, 3, 10);

    /// <summary>Maria Rossi twice: the import's copy has a call, a step, an e-mail, a birthday and a campaign.</summary>
    private static Diary Marias()
    {
        var maria = new Relationship("maria-rossi", "Maria Rossi", "client")
            .WithPhones("+39 06 1234 5678")
            .WithTags("vip")
            .WithImportantDates(ImportantDate.Yearly("birthday", new AnnualDate(4, 15)));
        var copy = new Relationship("maria-rossi-2", "Maria Rossi", "contact")
            .WithEmails("maria@example.com")
            .WithPhones("+39-06-12345678")
            .WithTags("vip", "ExpoLondon")
            .WithImportantDates(ImportantDate.Yearly("Birthday", new AnnualDate(4, 16)), ImportantDate.Yearly("name day", new AnnualDate(9, 7)));
        var other = new Relationship("sam", "Sam Okafor", "prospect");
        var diary = new Diary([maria, copy, other])
            .Log(new Touch("maria-rossi", Today.PlusDays(-40), Channel.Meeting))
            .Log(new Touch("maria-rossi-2", Today.PlusDays(-20), Channel.Call))
            .Log(new Touch("sam", Today.PlusDays(-5), Channel.Note))
            .Promise(new Commitment("c1", "maria-rossi-2", Today.PlusDays(7), "send the deck", madeOn: Today.PlusDays(-20)))
            .Move(new ManualMove("maria-rossi", Today.PlusDays(5), Today.PlusDays(-3)))
            .Move(new ManualMove("maria-rossi-2", Today.PlusDays(9), Today.PlusDays(-1)));
        return diary.StartCampaign(Campaign.ForTier("spring", "contact", Today, Today.PlusDays(30)).WithMembers("maria-rossi-2", "sam"));
    }

    [Fact]
    public void Merge_MovesEverythingOfFromIntoInto_AndKeepsFromsIdAsAnAlias()
    {
        var diary = Marias();
        var merged = diary.Merge("maria-rossi-2", "maria-rossi");

        Assert.False(merged.Contains("maria-rossi-2"));
        var maria = merged["maria-rossi"];
        Assert.Equal(("Maria Rossi", "client"), (maria.Name, maria.Tier));
        Assert.Equal(["maria-rossi-2"], maria.Aliases);
        Assert.Same(maria, merged.Resolve("maria-rossi-2"));
        Assert.Equal(["maria-rossi/1", "maria-rossi-2/1"], merged.TouchesOf("maria-rossi").Select(t => t.Id));
        Assert.Equal("maria-rossi", merged.GetCommitment("c1").RelationshipId);
        Assert.Equal(["maria@example.com"], maria.Emails);
        Assert.Equal(["+39 06 1234 5678"], maria.Phones); // the same digits: kept once
        Assert.Equal(["vip", "ExpoLondon"], maria.Tags);
        Assert.Equal(["birthday", "Birthday (from maria-rossi-2)", "name day"], maria.ImportantDates.Select(d => d.Label));
        Assert.Equal(new AnnualDate(4, 16), maria.ImportantDates[1].Day);
        Assert.Equal(["maria-rossi", "sam"], merged.GetCampaign("spring").Members);
        Assert.Equal(new ManualMove("maria-rossi", Today.PlusDays(9), Today.PlusDays(-1)), merged.MoveOf("maria-rossi"));
        Assert.Equal(diary["sam"], merged["sam"]);
        Assert.Equal(diary.TouchesOf("sam"), merged.TouchesOf("sam"));
    }

    [Theory]
    [InlineData("prefers mornings", "two kids", "prefers mornings\ntwo kids")]
    [InlineData("prefers mornings", null, "prefers mornings")]
    [InlineData(null, "two kids", "two kids")]
    [InlineData(null, null, null)]
    [InlineData("same", "same", "same")]
    public void Merge_KeepsIntosNote_AndAppendsFromsOnANewLine(string? intoNote, string? fromNote, string? expected)
    {
        var diary = Marias().Update("maria-rossi", r => r.WithNote(intoNote)).Update("maria-rossi-2", r => r.WithNote(fromNote));
        Assert.Equal(expected, diary.Merge("maria-rossi-2", "maria-rossi")["maria-rossi"].Note);
        Assert.Null(diary.Merge("maria-rossi-2", "maria-rossi")["sam"].Note);
    }

    [Fact]
    public void Merge_NotesTooLongTogether_RefusedNamingBoth()
    {
        var diary = Marias().Update("maria-rossi", r => r.WithNote(new string('a', 2500))).Update("maria-rossi-2", r => r.WithNote(new string('b', 1500)));
        var e = Assert.Throws<ArgumentException>(() => diary.Merge("maria-rossi-2", "maria-rossi"));
        Assert.Contains("\"maria-rossi\" and \"maria-rossi-2\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("4001 characters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_KeepsIntosMove_WhenItWasMadeLater_AndASameDateOnce()
    {
        var diary = Marias()
            .Move(new ManualMove("maria-rossi", Today.PlusDays(4), Today))
            .Update("maria-rossi-2", r => r.WithImportantDates(ImportantDate.Yearly("BIRTHDAY", new AnnualDate(4, 15))));
        var merged = diary.Merge("maria-rossi-2", "maria-rossi");
        Assert.Equal(new ManualMove("maria-rossi", Today.PlusDays(4), Today), merged.MoveOf("maria-rossi"));
        Assert.Equal(["birthday"], merged["maria-rossi"].ImportantDates.Select(d => d.Label));
    }

    [Fact]
    public void Merge_ClashingRenamedLabel_GetsANumber()
    {
        var diary = Marias().Update("maria-rossi", r => r.WithImportantDates(
            ImportantDate.Yearly("birthday", new AnnualDate(4, 15)), ImportantDate.Yearly("birthday (from maria-rossi-2)", new AnnualDate(1, 1))));
        var labels = diary.Merge("maria-rossi-2", "maria-rossi")["maria-rossi"].ImportantDates.Select(d => d.Label);
        Assert.Equal(["birthday", "birthday (from maria-rossi-2)", "Birthday (from maria-rossi-2) 2", "name day"], labels);
    }

    [Fact]
    public void AfterAMerge_ATouchOrAStepOrAMoveNamingFrom_LandsOnInto_WithANewTouchId()
    {
        var merged = Marias().Merge("maria-rossi-2", "maria-rossi");
        var logged = merged.Log(new Touch("maria-rossi-2", Today, Channel.Call));
        Assert.Equal(("maria-rossi", "maria-rossi/3"), (logged.Touches[^1].RelationshipId, logged.Touches[^1].Id));
        var all = merged.LogAll([new Touch("maria-rossi-2", Today, Channel.Note)]);
        Assert.Equal("maria-rossi", all.Touches[^1].RelationshipId);
        var promised = merged.Promise(new Commitment("c2", "maria-rossi-2", Today.PlusDays(2), "call"));
        Assert.Equal("maria-rossi", promised.GetCommitment("c2").RelationshipId);
        var moved = merged.Move(new ManualMove("maria-rossi-2", Today.PlusDays(2), Today));
        Assert.Equal(Today.PlusDays(2), moved.MoveOf("maria-rossi")!.To);
        var corrected = merged.CorrectTouch("sam/1", new Touch("maria-rossi-2", Today.PlusDays(-5), Channel.Note));
        Assert.Equal("maria-rossi", corrected.GetTouch("sam/1").RelationshipId);
    }

    [Fact]
    public void Aliases_AreTransitive_AndMergingByAnAliasWorks()
    {
        var diary = Marias().Merge("maria-rossi-2", "maria-rossi").Merge("maria-rossi", "sam");
        Assert.Equal(["maria-rossi", "maria-rossi-2"], diary["sam"].Aliases);
        Assert.Equal("sam", diary.Resolve("maria-rossi-2").Id);
        Assert.Equal("sam", diary.Log(new Touch("maria-rossi-2", Today, Channel.Call)).Touches[^1].RelationshipId);

        var byAlias = Marias().Merge("maria-rossi-2", "maria-rossi").Merge("sam", "maria-rossi-2");
        Assert.Equal(["maria-rossi-2", "sam"], byAlias["maria-rossi"].Aliases);
    }

    [Theory]
    [InlineData("nobody", "maria-rossi", "nobody")]
    [InlineData("maria-rossi", "nobody", "nobody")]
    [InlineData("maria-rossi", "maria-rossi", "into itself")]
    public void Merge_UnknownOrTheSame_IsRefused_NamingTheValue(string from, string into, string said)
    {
        var e = Assert.Throws<ArgumentException>(() => Marias().Merge(from, into));
        Assert.Contains(said, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_AnAliasIntoItsOwnRelationship_IsRefused()
    {
        var merged = Marias().Merge("maria-rossi-2", "maria-rossi");
        var e = Assert.Throws<ArgumentException>(() => merged.Merge("maria-rossi-2", "maria-rossi"));
        Assert.Contains("\"maria-rossi-2\" and \"maria-rossi\" name the same relationship", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => merged.Merge(null!, "maria-rossi"));
    }

    [Fact]
    public void Aliases_AreCheckedLikeIds_AndUniqueInTheDiary()
    {
        var maria = new Relationship("maria-rossi", "Maria Rossi", "client");
        Assert.Contains("alias of itself", Assert.Throws<ArgumentException>(() => maria.WithAliases("maria-rossi")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => maria.WithAliases(" "));
        Assert.Equal(["a"], maria.WithAliases("a", "a").Aliases);

        var sam = new Relationship("sam", "Sam", "client");
        var e = Assert.Throws<ArgumentException>(() => new Diary([maria.WithAliases("sam"), sam]));
        Assert.Contains("\"sam\"", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => new Diary([maria.WithAliases("old"), sam.WithAliases("old")]));
        Assert.Contains("\"old\" is given to both \"maria-rossi\" and \"sam\"", e.Message, StringComparison.Ordinal);

        var merged = Marias().Merge("maria-rossi-2", "maria-rossi");
        Assert.Throws<ArgumentException>(() => merged.Add(new Relationship("maria-rossi-2", "Maria Rossi", "client")));
        Assert.Throws<ArgumentException>(() => merged.Update("sam", r => r.WithAliases("maria-rossi-2")));
        e = Assert.Throws<ArgumentException>(() => new Diary(merged.Relationships, [new Touch("maria-rossi-2", Today, Channel.Call)]));
        Assert.Contains("an alias of \"maria-rossi\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UnknownId_Throws_NamingIt()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => Marias().Resolve("nobody"));
        Assert.Contains("\"nobody\"", e.Message, StringComparison.Ordinal);
        Assert.False(Marias().TryResolve("nobody", out _));
        Assert.False(Marias().TryResolve(null!, out _));
    }

    [Fact]
    public void Remove_TakesTheRelationshipAndEverythingOfIt()
    {
        var diary = Marias().Merge("maria-rossi", "maria-rossi-2");
        var removed = diary.Remove("maria-rossi-2");
        Assert.Equal(["sam"], removed.Relationships.Select(r => r.Id));
        Assert.Equal(["sam/1"], removed.Touches.Select(t => t.Id));
        Assert.Empty(removed.Commitments);
        Assert.Empty(removed.Moves);
        Assert.Equal(["sam"], removed.GetCampaign("spring").Members);
        Assert.False(removed.TryResolve("maria-rossi", out _)); // its aliases go with it

        // The id is free again, and a new relationship with it starts afresh.
        var again = removed.Add(new Relationship("maria-rossi", "Maria Rossi", "client")).Log(new Touch("maria-rossi", Today, Channel.Call));
        Assert.Equal("maria-rossi/1", again.Touches[^1].Id);
    }

    [Fact]
    public void Remove_UnknownOrAnAlias_IsRefused_NamingIt()
    {
        var merged = Marias().Merge("maria-rossi-2", "maria-rossi");
        Assert.Contains("\"nobody\"", Assert.Throws<KeyNotFoundException>(() => merged.Remove("nobody")).Message, StringComparison.Ordinal);
        var e = Assert.Throws<ArgumentException>(() => merged.Remove("maria-rossi-2"));
        Assert.Contains("\"maria-rossi-2\" is an alias of \"maria-rossi\"", e.Message, StringComparison.Ordinal);
        Assert.Equal(3 - 1, merged.Relationships.Count);
    }
}
