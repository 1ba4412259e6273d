using System.Linq;
using Cadence.Explanations;
using Cadence.Feed;
using Cadence.Planning;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;
using static Cadence.Tests.Feed.FeedFixtures;

namespace Cadence.Tests.NextSteps;

/// <summary>A meeting booked in the owner's calendar (<see cref="CommitmentKind.Booked"/>): how it pins, closes, reads and stays out of the feed (issue 28).</summary>
public sealed class BookedMeetingTests
{
    private static readonly LocalDate Today = Cadence.Tests.Feed.FeedFixtures.Today;

    private static Commitment Booking(LocalDate date, LocalTime? time = null) =>
        new("booked-1", "sam", date, "Weekly review", Channel.Meeting, time ?? new LocalTime(14, 0), Today, CommitmentKind.Booked);

    private static Diary Diary(params Touch[] touches) => new([new Relationship("sam", "Sam Okafor", "client")], touches);

    [Fact]
    public void Booking_PinsTheNextTouch_WithItsTime_AndSaysItIsFromTheCalendar()
    {
        var diary = Diary(new Touch("sam", Today.PlusDays(-40), Channel.Meeting)).Promise(Booking(Today.PlusDays(4)));

        var touch = new Scheduler().PlanFor(diary, "sam", Today)!;

        Assert.Equal(Today.PlusDays(4), touch.Due);
        Assert.Equal(new LocalTime(14, 0), touch.Time);
        Assert.Equal(Channel.Meeting, touch.Channel);
        Assert.IsType<BookedMeetingReason>(touch.Reasons[0]);
        Assert.StartsWith($"Meeting booked {English.Day(Today.PlusDays(4))} 14:00, from your calendar; ", touch.Why, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Booking_IsNotCarriedToTheFloor_AStepIs()
    {
        // An attempt of yours yesterday, unanswered: a step due in two days waits for the end of the minimum gap; a meeting is at its time.
        var diary = Diary(new Touch("sam", Today.PlusDays(-1), Channel.Call, outcome: Outcome.NoReply));
        var step = new Commitment("step-1", "sam", Today.PlusDays(2), "chase", Channel.Call, madeOn: Today);

        Assert.True(new Scheduler().PlanFor(diary.Promise(step), "sam", Today)!.Due > Today.PlusDays(2));
        Assert.Equal(Today.PlusDays(2), new Scheduler().PlanFor(diary.Promise(Booking(Today.PlusDays(2))), "sam", Today)!.Due);
    }

    [Fact]
    public void Booking_IsClosedOnItsDay_OnlyByATouchAtOrAfterItsTime()
    {
        var diary = Diary().Promise(Booking(Today.PlusDays(1), new LocalTime(15, 0)));

        Assert.Empty(diary.CommitmentsClosedBy(new Touch("sam", Today.PlusDays(1), Channel.Meeting, time: new LocalTime(9, 0))));
        Assert.Single(diary.CommitmentsClosedBy(new Touch("sam", Today.PlusDays(1), Channel.Meeting, time: new LocalTime(15, 0))));
        Assert.Single(diary.CommitmentsClosedBy(new Touch("sam", Today.PlusDays(1), Channel.Meeting)));
        Assert.Single(diary.CommitmentsClosedBy(new Touch("sam", Today.PlusDays(2), Channel.Note, time: new LocalTime(8, 0))));
    }

    [Fact]
    public void Feed_LeavesBookedMeetingsOut_ByDefault()
    {
        // Sam's booked meeting in two days comes before his step in three.
        var diary = Cadence.Tests.Feed.FeedFixtures.Diary().Promise(new Commitment("booked-sam", "sam", Today.PlusDays(2), "Weekly review", Channel.Meeting, new LocalTime(10, 0), Today, CommitmentKind.Booked));
        var plan = Cadence.Tests.Feed.FeedFixtures.Plan(diary);
        Assert.Equal("booked-sam", plan.Touches.Single(t => t.RelationshipId == "sam").Commitment?.Id);
        var options = Options.WithTimeZone(DateTimeZoneProviders.Tzdb["Europe/London"]);

        var (byDefault, _) = Write(options, plan);
        var (withBooked, _) = Write(options.WithBookedMeetings(true), plan);

        Assert.False(options.BookedMeetings);
        Assert.DoesNotContain("Sam Okafor", byDefault, System.StringComparison.Ordinal);
        Assert.Contains("李娜", byDefault, System.StringComparison.Ordinal);
        Assert.Equal(Components(withBooked).Count - 1, Components(byDefault).Count);
        Assert.Contains("Sam Okafor", withBooked, System.StringComparison.Ordinal);
        Assert.Contains("Meeting booked", withBooked, System.StringComparison.Ordinal);

        // The same in the other layouts.
        Assert.DoesNotContain("Sam Okafor", Write(options.WithLayout(FeedLayout.DailyDigest), plan).Text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Okafor", Write(options.WithLayout(FeedLayout.Tasks), plan).Text, System.StringComparison.Ordinal);
        Assert.NotEqual(options, options.WithBookedMeetings(true));
    }

    [Fact]
    public void Feed_WithoutBookings_IsTheSameBytesEitherWay()
    {
        var plan = Cadence.Tests.Feed.FeedFixtures.Plan();

        Assert.Equal(Write(Options, plan).Text, Write(Options.WithBookedMeetings(true), plan).Text);
    }

    /// <summary>
    /// A booked meeting never brings a routine touch before it unless the maximum gap forces one: the plan's next touch is
    /// the meeting, or a touch whose latest day (the cadence's) comes before the meeting, and the meeting follows it.
    /// </summary>
    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property Booking_NoRoutineTouchBeforeIt_UnlessTheMaximumGapForcesOne() =>
        Prop.ForAll(
            (from touches in Gen.ArrayOf(
                from ago in Gen.Choose(1, 200)
                from channel in Gen.Elements(Channel.Meeting, Channel.Call, Channel.Note, Channel.Social)
                from outcome in Gen.Elements(Outcome.Connected, Outcome.NoReply)
                from inbound in Gen.Elements(false, true)
                select new Touch("sam", Today.PlusDays(-ago), channel, inbound ? Direction.Inbound : Direction.Outbound, outcome))
             from inDays in Gen.Choose(0, 200)
             from time in Gen.Elements<LocalTime?>(null, new LocalTime(9, 30), new LocalTime(16, 0))
             select (touches, inDays, time)).ToArbitrary(),
            ((Touch[] touches, int inDays, LocalTime? time) c) =>
            {
                var (touches, inDays, time) = c;
                const string tier = "client";
                var diary = new Diary([new Relationship("sam", "Sam Okafor", tier)], touches)
                    .Promise(new Commitment("booked-1", "sam", Today.PlusDays(inDays), "Weekly review", Channel.Meeting, time, Today, CommitmentKind.Booked));
                var planned = new Scheduler().PlanFor(diary, "sam", Today)!;
                bool isTheMeeting = planned.Commitment?.Id == "booked-1" && planned.Due == Today.PlusDays(inDays) && planned.Time == time;
                // (A meeting booked for today with the cadence overdue: the cadence's touch is due today too, before it;
                // a known limit, replay 14786886708512224453,14672684723700327117,11.)
                bool forcedBefore = planned.PromiseAfter?.Id == "booked-1" && planned.NotAfter < Today.PlusDays(inDays)
                    && (planned.Due < Today.PlusDays(inDays) || (inDays == 0 && planned.Due == Today));
                return (isTheMeeting || forcedBefore).Label($"due {planned.Due}, not after {planned.NotAfter}, pinned {planned.Commitment?.Id}, {planned.Why}");
            });
}
