using System;
using System.Linq;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Cadence.Tests.Learning;

/// <summary>The weekly review: a hand-made diary over two weeks, each list checked; and Done is always inside its week.</summary>
public class WeeklyReviewTests
{
    // Friday 13 March 2026: this week is Mon 9 to Sun 15 March, the week before Mon 2 to Sun 8 March.
    private static readonly LocalDate Today = FixedDays.Today;
    private static readonly LocalDate ThisMonday = new(2026, 3, 9);
    private static readonly LocalDate LastMonday = new(2026, 3, 2);

    private static LocalDate March(int day) => new(2026, 3, day);

    private static Diary TwoWeeks()
    {
        Relationship[] relationships =
        [
            new("zoe", "Zoë Müller", "client"),
            new("sam", "Sam Okafor", "prospect"),
            new("ann", "Ann Lee", "client"),
            new("lee", "Lee Park", "client"),
            new Relationship("old", "Old Friend", "client").Archive(),
        ];
        var diary = new Diary(
            relationships,
            [
                new Touch("zoe", March(3), Channel.Call).WithId("zoe/1"),
                new Touch("sam", new LocalDate(2026, 2, 1), Channel.Call).WithId("sam/1"),
                new Touch("ann", new LocalDate(2025, 12, 1), Channel.Call).WithId("ann/1"),
                new Touch("lee", new LocalDate(2025, 12, 20), Channel.Note, outcome: Outcome.NoReply).WithId("lee/1"),
                new Touch("lee", new LocalDate(2026, 1, 20), Channel.Note, outcome: Outcome.NoReply).WithId("lee/2"),
                new Touch("lee", new LocalDate(2026, 2, 20), Channel.Note, outcome: Outcome.NoReply).WithId("lee/3"),
                new Touch("old", March(10), Channel.Note).WithId("old/1"),
            ],
            [
                new Commitment("zoe-1", "zoe", March(10), "send the deck", madeOn: March(3)),
                new Commitment("sam-1", "sam", March(20), "chase the proposal", madeOn: March(1)),
                new Commitment("sam-2", "sam", March(25), "lunch", madeOn: March(1)),
            ]);
        return diary
            .Log(new Touch("zoe", March(10), Channel.Meeting, Direction.Inbound).WithId("zoe/2"))
            .DropCommitment("sam-2", March(4))
            .DropCommitment("sam-1", March(11))
            .Log(new Touch("zoe", March(14), Channel.Note).WithId("zoe/3"))
            .StartCampaign(Campaign.ForTier("spring", "client", March(1), new LocalDate(2026, 4, 30)));
    }

    [Fact]
    public void Review_ThisWeek_ReadsUpToToday()
    {
        var diary = TwoWeeks();
        var scheduler = new Scheduler();

        var review = scheduler.Review(diary, March(11), Today);

        Assert.Equal(ThisMonday, review.Monday);
        Assert.Equal(March(15), review.Sunday);
        Assert.Equal(Today, review.AsOf);
        // The note to Zoë dated tomorrow is not done yet; the archived relationship's touch is done all the same.
        Assert.Equal(["zoe/2", "old/1"], review.Done.Select(t => t.Id).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(["zoe-1"], review.StepsClosed.Select(c => c.Id));
        Assert.Equal(["sam-1"], review.Dropped.Select(c => c.Id));
        var plan = scheduler.Plan(diary, Today);
        Assert.Equal(plan.Touches.Where(t => t.IsOverdue).OrderByDescending(t => t.DaysOverdue).Select(t => t.RelationshipId), review.Slipped.Select(t => t.RelationshipId));
        Assert.Equal("ann", review.Slipped[0].RelationshipId);
        Assert.Contains(review.Slipped, t => t.RelationshipId == "sam");
        Assert.Equal(["ann", "lee", "sam"], review.Fading.Select(f => f.Relationship.Id));
        Assert.All(review.Fading, f => Assert.Equal(scheduler.Health(diary, f.Relationship.Id, Today), f.Health));
        Assert.Equal(HealthLevel.Fading, review.Fading[0].Health.Level);
        Assert.Equal(["channel/lee"], review.Suggestions.Select(s => s.Id));
        var campaign = Assert.Single(review.Campaigns);
        Assert.Equal("spring", campaign.Name);
        Assert.Equal(plan.Campaigns, review.Campaigns);
    }

    [Fact]
    public void Review_LastWeek_ReadAsOfItsSunday()
    {
        var diary = TwoWeeks();

        var review = new Scheduler().Review(diary, March(4), Today);

        Assert.Equal(LastMonday, review.Monday);
        Assert.Equal(March(8), review.AsOf);
        Assert.Equal(["zoe/1"], review.Done.Select(t => t.Id));
        Assert.Empty(review.StepsClosed);
        Assert.Equal(["sam-2"], review.Dropped.Select(c => c.Id));
        // As of that Sunday, the step closed on the 10th was still open, and the one dropped on the 11th too.
        Assert.Equal(new Scheduler().Plan(diary, March(8)).Touches.Where(t => t.IsOverdue).Select(t => t.RelationshipId).Order(), review.Slipped.Select(t => t.RelationshipId).Order());
        Assert.Equal(new Scheduler().Suggest(diary, March(8)), review.Suggestions);
    }

    [Fact]
    public void Review_AWeekAhead_IsReadAsOfToday_AndHasNothingDone()
    {
        var review = new Scheduler().Review(TwoWeeks(), March(20), Today);

        Assert.Equal(March(16), review.Monday);
        Assert.Equal(Today, review.AsOf);
        Assert.Empty(review.Done);
        Assert.Empty(review.StepsClosed);
        Assert.Empty(review.Dropped);
    }

    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property Review_Done_IsEveryTouchOfTheWeekUpToTheDayItIsReadOn() =>
        Prop.ForAll(
            (from s in AllFeatures.Scenario from offset in Gen.Choose(-30, 10) select (s, offset)).ToArbitrary(),
            x =>
            {
                var (s, offset) = x;
                var review = new Scheduler(s.Options).Review(s.Diary, s.Today.PlusDays(offset), s.Today);
                bool inside = review.Done.All(t => t.Date >= review.Monday && t.Date <= review.Sunday && t.Date <= review.AsOf && t.Date <= s.Today);
                int expected = s.Diary.Touches.Count(t => t.Date >= review.Monday && t.Date <= review.AsOf);
                bool closedInside = review.StepsClosed.Concat(review.Dropped).All(c => c.ClosedOn >= review.Monday && c.ClosedOn <= review.AsOf);
                return (review.Monday.DayOfWeek == IsoDayOfWeek.Monday && inside && review.Done.Count == expected && closedInside)
                    .Label($"monday {review.Monday}, as of {review.AsOf}, done {review.Done.Count} of {expected}");
            });
}
