using Cadence.Calendars;
using Cadence.Explanations;
using NodaTime;
using static Cadence.Tests.Planning.Rules.RuleFixture;

namespace Cadence.Tests.Planning.Rules;

/// <summary>
/// Rule 3, a call back (<see cref="CallBackRule"/>): their call that nobody answered, as the latest touch, plans a call
/// back the next working day, within three working days, whatever the floor; a promise, a move, a pause and a date come
/// after it in the list, and any touch after their call ends it.
/// </summary>
public sealed class CallBackRuleTests
{
    private static Touch MissedCall(int daysAgo) => Touch(daysAgo, Channel.Call, Direction.Inbound, Outcome.NoReply);

    [Fact]
    public void Apply_TheirMissedCallYesterday_CallBackToday_ByCall_WithinThreeWorkingDays()
    {
        // Thursday 12 March: they called, nobody answered. A meeting 30 days before that set the cadence.
        var diary = new Diary([Zoe.WithPreferredChannels(Channel.Note)], [Touch(31), MissedCall(1)]);

        var candidate = Through(CallBackRule.Instance, Facts(diary));

        Assert.Same(CallBackRule.Instance, candidate.Rule);
        Assert.Equal(Today, candidate.Day);
        Assert.Equal(new LocalDate(2026, 3, 17), candidate.NotAfter);
        Assert.Equal(Channel.Call, candidate.Channel);
        Assert.False(candidate.IsFixed);

        var planned = Planned(diary);
        Assert.Equal((Today, Channel.Call, 0), (planned.Due, planned.Channel, planned.DaysOverdue));
        var reason = Assert.IsType<CallBackReason>(planned.Reasons[0]);
        Assert.Equal(Day(-1), reason.Missed.Date);
        Assert.StartsWith("They called on Thu 12 Mar 2026 and you missed it: call back", planned.Why, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_TheirMissedCallOnAFriday_CallBackOnMonday()
    {
        var diary = new Diary([Zoe], [Touch(40), MissedCall(0)]);

        var candidate = Through(CallBackRule.Instance, Facts(diary));

        Assert.Equal(new LocalDate(2026, 3, 16), candidate.Day);
        Assert.Equal(new LocalDate(2026, 3, 18), candidate.NotAfter);
    }

    [Fact]
    public void Apply_OnTheOwnersCalendar_SkipsItsHolidays()
    {
        var options = SchedulerOptions.Default.WithCalendar(OwnerCalendar.ForZone("Europe/London").WithHolidays(new LocalDate(2026, 3, 16)));
        var diary = new Diary([Zoe], [Touch(40), MissedCall(0)]);

        var candidate = Through(CallBackRule.Instance, Facts(diary, options));

        Assert.Equal(new LocalDate(2026, 3, 17), candidate.Day);
        Assert.Equal(new LocalDate(2026, 3, 19), candidate.NotAfter);
    }

    [Fact]
    public void Apply_InsideTheFloor_StillCallsBack_TheyCalled()
    {
        // A meeting 3 days ago: the cadence would wait at least 14 days; their call is not pestering to answer.
        var diary = new Diary([Zoe], [Touch(3), MissedCall(1)]);

        Assert.Equal(Today, Planned(diary).Due);
        Assert.True(Planned(new Diary([Zoe], [Touch(3)])).Due >= Day(11));
    }

    [Fact]
    public void Apply_MissedALongTimeAgo_IsOverdueFromItsLastDay()
    {
        // Missed on Tue 3 Mar: call back Wed 4 Mar at the latest Fri 6 Mar; today it is overdue.
        var diary = new Diary([Zoe], [Touch(40), MissedCall(10)]);

        var planned = Planned(diary);

        Assert.Equal(Today, planned.Due);
        Assert.True(planned.DaysOverdue > 0);
        Assert.IsType<CallBackReason>(planned.Reasons[0]);
    }

    [Theory]
    [InlineData(Channel.Call, Direction.Outbound, Outcome.NoReply)] // your own unanswered call: a ladder's business
    [InlineData(Channel.Call, Direction.Inbound, Outcome.Connected)] // you answered
    [InlineData(Channel.Note, Direction.Inbound, Outcome.NoReply)] // a message of theirs, not a call
    public void Apply_AnythingButTheirUnansweredCall_LeavesTheCandidate(Channel channel, Direction direction, Outcome outcome)
    {
        var diary = new Diary([Zoe], [Touch(40), Touch(1, channel, direction, outcome)]);
        var facts = Facts(diary);

        var before = Before(CallBackRule.Instance, facts);
        var after = Apply(CallBackRule.Instance, facts, before);

        Assert.Equal(before, after);
        Assert.DoesNotContain(typeof(CallBackReason), Kinds(Planned(diary)));
    }

    [Fact]
    public void Apply_ATouchAfterTheirCall_EndsIt()
    {
        var diary = new Diary([Zoe], [Touch(40), MissedCall(3), Touch(1, Channel.Call, Direction.Outbound, Outcome.NoReply)]);

        var candidate = Through(CallBackRule.Instance, Facts(diary));

        Assert.NotSame(CallBackRule.Instance, candidate.Rule);
    }

    [Fact]
    public void Apply_APromiseComesAfterIt_AndWins()
    {
        var diary = new Diary([Zoe], [Touch(40), MissedCall(1)], [new Commitment("c1", "zoe", Day(4), "call on Tuesday as agreed")]);

        var planned = Planned(diary);

        Assert.True(planned.IsFixed);
        Assert.Equal(Day(4), planned.Due);
        Assert.DoesNotContain(typeof(CallBackReason), Kinds(planned));
    }

    [Fact]
    public void Apply_APauseHoldsIt()
    {
        var diary = new Diary([Zoe.PauseUntil(Day(10))], [Touch(40), MissedCall(1)]);

        var planned = Planned(diary);

        Assert.Equal(Day(10), planned.Due);
        Assert.Equal(Channel.Call, planned.Channel);
        Assert.Contains(typeof(PausedReason), Kinds(planned));
    }
}
