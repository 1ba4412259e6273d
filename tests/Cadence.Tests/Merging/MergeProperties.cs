using System;
using System.Collections.Generic;
using System.Linq;
using Cadence.Explanations;
using Cadence.Planning;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace Cadence.Tests.Merging;

/// <summary>
/// <see cref="Diary.Merge"/> and <see cref="Diary.Remove"/> over diaries that mix every feature (<see cref="AllFeatures"/>),
/// with e-mail addresses, phone numbers and tags that overlap (in another case or spelling) and, sometimes, a merge
/// before (so aliases are carried on): a merge loses nothing, planning after it never throws, a removal changes nobody
/// else's plan, and neither changes another relationship.
/// </summary>
public sealed class MergeProperties
{
    private static readonly string[] Emails = ["maria@example.com", "MARIA@Example.com", "m.rossi@example.org", "olga@example.ru"];
    private static readonly string[] Phones = ["+39 06 1234 5678", "+39-06-12345678", "020 7946 0000", "(020) 7946 0001"];
    private static readonly string[] MoreTags = ["vip", "met at ExpoLondon", "Atlanta"];
    private static readonly string?[] Notes = [null, null, "prefers mornings", "two kids\nasks about Rome", "prefers mornings"];

    /// <summary>A scenario, two relationships of it (FROM and INTO) and, when there are three, whether one was merged before.</summary>
    public sealed record MergeCase(FeatureScenario Scenario, Diary Diary, string From, string Into)
    {
        public override string ToString() => $"merge {From} into {Into}\n{Scenario with { Diary = Diary }}";
    }

    private static Gen<Diary> WithContactPoints(Diary diary) =>
        from emails in Gen.ArrayOf(Gen.SubListOf(Emails), diary.Relationships.Count)
        from phones in Gen.ArrayOf(Gen.SubListOf(Phones), diary.Relationships.Count)
        from tags in Gen.ArrayOf(Gen.SubListOf(MoreTags), diary.Relationships.Count)
        from notes in Gen.ArrayOf(Gen.Elements(Notes), diary.Relationships.Count)
        select diary.Relationships.Select((r, i) => (r, i)).Aggregate(diary, (d, x) => d.Update(x.r.Id, r => r
            .WithEmails(emails[x.i].DistinctBy(e => Relationship.EmailKey(e), StringComparer.OrdinalIgnoreCase))
            .WithPhones(phones[x.i])
            .WithTags(r.Tags.Concat(tags[x.i]))
            .WithNote(notes[x.i])));

    public static Gen<MergeCase> Case =>
        from s in AllFeatures.Scenario
        where s.Diary.Relationships.Count >= 2
        from diary in WithContactPoints(s.Diary)
        from before in Gen.Elements(true, false)
        from picks in Gen.Shuffle(diary.Relationships.Select(r => r.Id).ToArray())
        let merged = before && picks.Length >= 3 ? diary.Merge(picks[2], picks[0]) : diary
        from byAlias in Gen.Elements(true, false)
        select new MergeCase(s, merged, byAlias && before && picks.Length >= 3 ? picks[2] : picks[0], picks[1]);

    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property Merge_LosesNothing_AndChangesNobodyElse() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var diary = c.Diary;
            var from = diary.Resolve(c.From);
            var into = diary.Resolve(c.Into);
            var merged = diary.Merge(c.From, c.Into);
            var result = merged[into.Id];

            // FROM is gone; its id and aliases name INTO, as INTO's own do.
            Assert.False(merged.Contains(from.Id));
            Assert.Equal(diary.Relationships.Count - 1, merged.Relationships.Count);
            foreach (string id in from.Aliases.Append(from.Id).Concat(into.Aliases).Append(into.Id))
            {
                Assert.Equal(into.Id, merged.Resolve(id).Id);
            }

            // INTO keeps its own.
            Assert.Equal((into.Name, into.Tier, into.Rule, into.State), (result.Name, result.Tier, result.Rule, result.State));

            // Every touch and commitment of both, on INTO, with its id.
            Assert.Equal(diary.Touches.Count, merged.Touches.Count);
            foreach (var touch in diary.TouchesOf(from.Id).Concat(diary.TouchesOf(into.Id)))
            {
                var now = merged.GetTouch(touch.Id!);
                Assert.Equal(into.Id, now.RelationshipId);
                Assert.Equal(touch.WithRelationship(into.Id), now);
            }

            Assert.Equal(diary.Commitments.Count, merged.Commitments.Count);
            foreach (var commitment in diary.CommitmentsOf(from.Id).Concat(diary.CommitmentsOf(into.Id)))
            {
                Assert.Equal(commitment.WithRelationship(into.Id), merged.GetCommitment(commitment.Id));
            }

            // The move made later (INTO's on the same day).
            var moves = new[] { diary.MoveOf(into.Id), diary.MoveOf(from.Id) }.OfType<ManualMove>().ToList();
            var kept = moves.Count == 0 ? null : moves.MaxBy(m => m.MadeOn);
            Assert.Equal(kept is null ? null : kept with { RelationshipId = into.Id }, merged.MoveOf(into.Id));

            // Every date: INTO's as they were, FROM's by label, or kept under a new label when the label clashes.
            Assert.Equal(into.ImportantDates, result.ImportantDates.Take(into.ImportantDates.Count));
            foreach (var date in from.ImportantDates)
            {
                Assert.Contains(result.ImportantDates, d => d.WithLabel(date.Label) == date);
            }

            Assert.Equal(result.ImportantDates.Count, result.ImportantDates.Select(d => d.Label).Distinct(StringComparer.OrdinalIgnoreCase).Count());

            // Every address, number and tag of both, once.
            Assert.Equal(
                from.Emails.Concat(into.Emails).Select(Relationship.EmailKey).ToHashSet(StringComparer.OrdinalIgnoreCase),
                result.Emails.Select(Relationship.EmailKey).ToHashSet(StringComparer.OrdinalIgnoreCase));
            Assert.Equal(result.Emails.Count, result.Emails.Select(Relationship.EmailKey).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.Equal(from.Phones.Concat(into.Phones).Select(Relationship.PhoneKey).ToHashSet(), result.Phones.Select(Relationship.PhoneKey).ToHashSet());
            Assert.Equal(result.Phones.Count, result.Phones.Select(Relationship.PhoneKey).Distinct().Count());
            Assert.Equal(from.Tags.Concat(into.Tags).ToHashSet(), result.Tags.ToHashSet());

            // Both notes: INTO's first, FROM's after a line break, a note both have once.
            string?[] notes = [into.Note, from.Note == into.Note ? null : from.Note];
            Assert.Equal(notes.All(n => n is null) ? null : string.Join("\n", notes.OfType<string>()), result.Note);

            // Campaigns: INTO where either was, FROM nowhere.
            for (int i = 0; i < diary.Campaigns.Count; i++)
            {
                var members = diary.Campaigns[i].Members;
                var expected = members.Where(m => m != from.Id).Concat(members.Contains(from.Id) ? [into.Id] : []).Distinct().Order(StringComparer.Ordinal);
                Assert.Equal(expected, merged.Campaigns[i].Members);
            }

            // Nobody else changes.
            foreach (var other in diary.Relationships.Where(r => r.Id != from.Id && r.Id != into.Id))
            {
                Assert.Equal(other, merged[other.Id]);
                Assert.Equal(diary.TouchesOf(other.Id), merged.TouchesOf(other.Id));
                Assert.Equal(diary.CommitmentsOf(other.Id), merged.CommitmentsOf(other.Id));
                Assert.Equal(diary.MoveOf(other.Id), merged.MoveOf(other.Id));
            }

            // The copy is a diary its collections make again (nothing the checks would refuse).
            var again = new Diary(merged.Relationships, merged.Touches, merged.Commitments, merged.Moves, merged.Campaigns);
            Assert.Equal(merged.Relationships, again.Relationships);
            return true;
        });

    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property Merge_ThenPlanningAndLogging_NeverThrow() =>
        Prop.ForAll(Case.ToArbitrary(), c =>
        {
            var merged = c.Diary.Merge(c.From, c.Into);
            var scheduler = new Scheduler(c.Scenario.Options);
            var plan = scheduler.Plan(merged, c.Scenario.Today);
            Assert.Equal(merged.Relationships.Count(r => r.State.Status != RelationshipStatus.Archived), plan.Touches.Count);
            scheduler.Plan(merged.AsOf(c.Scenario.Today), c.Scenario.Today);

            // A touch and a promise naming FROM land on INTO, with new ids.
            string into = c.Diary.Resolve(c.Into).Id;
            var logged = merged.Log(new Touch(c.From, c.Scenario.Today, Channel.Call))
                .Promise(new Commitment("merge-test", c.From, c.Scenario.Today.PlusDays(3), "call back"));
            Assert.Equal(into, logged.Touches[^1].RelationshipId);
            Assert.DoesNotContain(merged.Touches, t => t.Id == logged.Touches[^1].Id);
            Assert.Equal(into, logged.GetCommitment("merge-test").RelationshipId);
            scheduler.Plan(logged, c.Scenario.Today);
            return true;
        });

    /// <summary>What planning says, with a campaign's progress (done of members) left out.</summary>
    private static string? Unprogressed(PlannedTouch? t) =>
        t is null ? null : $"{t.Due} {t.NotBefore} {t.NotAfter} {t.DaysOverdue} {t.Channel} {t.Time} {t.Title}: "
            + string.Join("; ", t.Reasons.Select(r => r is CampaignReason c ? (c with { Done = 0, Members = 0 }).ToString() : r.ToString()));

    /// <summary>What planning says of a relationship, in words: due, window, channel, time and why.</summary>
    private static string Said(PlannedTouch t) =>
        $"{t.Due} {t.NotBefore} {t.NotAfter} {t.DaysOverdue} {t.Channel} {t.Time} {t.Title}: {t.Why}";

    /// <summary>
    /// Removing one relationship changes nobody else's plan: equal due day, window, channel, time and reasons, word for
    /// word. The exceptions are the campaigns' own: a touch a campaign places takes a day with room in the owner's budget,
    /// which the removed one's touches counted in, and a campaign the removed one was in has one member less, so its
    /// progress ("1 of 2 done") and spread change with it.
    /// </summary>
    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property Remove_ChangesNobodyElsesPlan_NorAnyoneElse() =>
        Prop.ForAll(
            (from s in AllFeatures.Scenario from pick in Gen.Choose(0, 7) select (s, pick)).ToArbitrary(),
            x =>
            {
                var (s, pick) = x;
                var diary = s.Diary;
                string removed = diary.Relationships[pick % diary.Relationships.Count].Id;
                var after = diary.Remove(removed);
                Assert.False(after.Contains(removed));
                Assert.DoesNotContain(after.Touches, t => t.RelationshipId == removed);
                Assert.DoesNotContain(after.Commitments, c => c.RelationshipId == removed);
                Assert.DoesNotContain(after.Moves, m => m.RelationshipId == removed);
                Assert.DoesNotContain(after.Campaigns, c => c.Members.Contains(removed));
                Assert.Equal(diary.Campaigns.Select(c => c.Name), after.Campaigns.Select(c => c.Name));

                var scheduler = new Scheduler(s.Options);
                var before = scheduler.Plan(diary, s.Today);
                var plan = scheduler.Plan(after, s.Today);
                var coMembers = diary.Campaigns.Where(c => c.Members.Contains(removed)).SelectMany(c => c.Members).ToHashSet(StringComparer.Ordinal);
                foreach (var other in diary.Relationships.Where(r => r.Id != removed))
                {
                    Assert.Equal(other, after[other.Id]);
                    Assert.Equal(diary.TouchesOf(other.Id), after.TouchesOf(other.Id));
                    Assert.Equal(diary.CommitmentsOf(other.Id), after.CommitmentsOf(other.Id));
                    Assert.Equal(diary.MoveOf(other.Id), after.MoveOf(other.Id));
                    string? was = before.TryGet(other.Id, out var w) ? Said(w) : null;
                    string? now = plan.TryGet(other.Id, out var n) ? Said(n) : null;
                    if (w?.IsCampaignTouch == true || n?.IsCampaignTouch == true)
                    {
                        // A touch a campaign places takes a day with room in the owner's budget, counting everyone's
                        // fixed touches: it may take the room the removed one's touch had, and a campaign the removed
                        // one was in spreads one member less. It is still planned.
                        Assert.Equal(was is null, now is null);
                        continue;
                    }

                    if (coMembers.Contains(other.Id))
                    {
                        // Not placed by the campaign: the same touch, whose campaign reason counts one member less.
                        (was, now) = (Unprogressed(w), Unprogressed(n));
                    }

                    Assert.Equal(was, now);
                }

                return true;
            });
}
