using System.Linq;
using NodaTime;

namespace Cadence.Tests;

public class AgendaTests
{
    private static readonly LocalDate Today = FixedDays.Today;

    /// <summary>Clients, each met <c>daysAgo</c> days ago (null: never touched). Clients are due 30 days after a meeting.</summary>
    private static Plan PlanOf(params (string Id, int? DaysAgo)[] clients)
    {
        var relationships = clients.Select(c => new Relationship(c.Id, "Name of " + c.Id, "client"));
        var touches = clients
            .Where(c => c.DaysAgo is not null)
            .Select(c => new Touch(c.Id, Today.PlusDays(-c.DaysAgo!.Value), Channel.Meeting));
        return new Scheduler().Plan(new Diary(relationships, touches), Today);
    }

    private static string[] Ids(Agenda agenda) => agenda.Touches.Select(t => t.RelationshipId).ToArray();

    [Fact]
    public void For_OneDay_ListsOverdueFirstMostOverdueFirst()
    {
        var plan = PlanOf(("a", null), ("b", 31), ("c1", 50), ("c2", 41), ("far", 10));

        var agenda = Agenda.For(plan, Today);

        // c1: 20 days overdue, c2: 11, b: 1, a: due today for a first touch.
        Assert.Equal(new[] { "c1", "c2", "b", "a" }, Ids(agenda));
        Assert.Equal(new[] { 20, 11, 1, 0 }, agenda.Touches.Select(t => t.DaysOverdue));
    }

    [Fact]
    public void For_OneDay_OverdueComesBeforeALowerId()
    {
        var plan = PlanOf(("a", null), ("z", 31));

        var agenda = Agenda.For(plan, Today);

        Assert.Equal(new[] { "z", "a" }, Ids(agenda));
    }

    [Fact]
    public void For_OneDay_TiesAreBrokenByIdOrdinal()
    {
        var plan = PlanOf(("m", 41), ("b", null), ("M", 41), ("B", null), ("a", null));

        var agenda = Agenda.For(plan, Today);

        // Equally overdue: 'M' (77) before 'm' (109); then not overdue: 'B' (66) < 'a' (97) < 'b' (98).
        Assert.Equal(new[] { "M", "m", "B", "a", "b" }, Ids(agenda));
    }

    [Fact]
    public void For_OneFutureDay_ListsOnlyThatDay()
    {
        var plan = PlanOf(("c1", 50), ("y", 28), ("Y", 28), ("x", 25));

        var agenda = Agenda.For(plan, Today.PlusDays(2));

        Assert.Equal(new[] { "Y", "y" }, Ids(agenda));
        Assert.All(agenda.Touches, t => Assert.Equal(Today.PlusDays(2), t.Due));
        Assert.Equal(Today.PlusDays(2), agenda.From);
        Assert.Equal(Today.PlusDays(2), agenda.To);
    }

    [Fact]
    public void For_Range_IncludesBothEndsOrderedOverdueThenDueDayThenId()
    {
        var plan = PlanOf(("x", 25), ("y", 28), ("a", null), ("far", 10), ("c2", 41), ("Y", 28), ("end", 23), ("after", 22));

        var agenda = Agenda.For(plan, Today, Today.PlusDays(7));

        // c2 overdue; a today; Y and y today+2; x today+5; end today+7; after (today+8) and far (today+20) left out.
        Assert.Equal(new[] { "c2", "a", "Y", "y", "x", "end" }, Ids(agenda));
        Assert.Equal(Today, agenda.From);
        Assert.Equal(Today.PlusDays(7), agenda.To);
    }

    [Fact]
    public void For_RangeInTheFuture_LeavesOutWhatIsDueToday()
    {
        var plan = PlanOf(("c2", 41), ("a", null), ("y", 28));

        var agenda = Agenda.For(plan, Today.PlusDays(1), Today.PlusDays(3));

        Assert.Equal(new[] { "y" }, Ids(agenda));
    }

    [Fact]
    public void For_DayWithNothingDue_IsEmpty()
    {
        var plan = PlanOf(("far", 10));

        Assert.Empty(Agenda.For(plan, Today).Touches);
    }

    [Fact]
    public void ToString_OneLinePerTouchWithDayTitleAndWhy()
    {
        var diary = new Diary(
            [
                new Relationship("max", "Max Mustermann", "client").WithPreferredChannels(Channel.Note),
                new Relationship("zoe", "Zoë Müller", "client"),
                new Relationship("ana", "Ana Lima", "client"),
            ],
            [
                new Touch("zoe", Today.PlusDays(-41), Channel.Meeting),
                new Touch("ana", Today.PlusDays(-28), Channel.Meeting),
            ]);
        var plan = new Scheduler().Plan(diary, Today);

        var text = Agenda.For(plan, Today, Today.PlusDays(2)).ToString();

        Assert.Equal(
            "Fri 13 Mar  Call Zoë Müller: Last met 41 days ago; clients are due every 30 days (at most 45); 11 days overdue (was due Mon 2 Mar 2026).\n"
            + "Fri 13 Mar  Write to Max Mustermann: No touch yet: time for a first one; clients are due every 30 days (at most 45); prefers a note.\n"
            + "Sun 15 Mar  Call Ana Lima: Last met 28 days ago; clients are due every 30 days (at most 45).\n",
            text);
    }

    [Fact]
    public void ToString_Empty_SaysNothingDue()
    {
        var plan = PlanOf(("far", 10));

        Assert.Equal("Nothing due.\n", Agenda.For(plan, Today).ToString());
    }

    [Theory]
    [InlineData(Channel.Meeting, "Meet Zoë Müller")]
    [InlineData(Channel.Call, "Call Zoë Müller")]
    [InlineData(Channel.Note, "Write to Zoë Müller")]
    [InlineData(Channel.Social, "Reach out online to Zoë Müller")]
    public void PlannedTouch_Title_SaysWhatToDoAndWithWhom(Channel channel, string title)
    {
        var diary = new Diary([new Relationship("zoe", "Zoë Müller", "client").WithPreferredChannels(channel)]);

        var planned = new Scheduler().Plan(diary, Today)["zoe"];

        Assert.Equal(title, planned.Title);
        Assert.Equal("zoe", planned.RelationshipId);
        Assert.Equal("Zoë Müller", planned.Name);
    }

    [Fact]
    public void PlannedTouch_ToString_IsTheIsoDayTitleAndWhy()
    {
        var diary = new Diary([new Relationship("zoe", "Zoë Müller", "client")], [new Touch("zoe", Today.PlusDays(-20), Channel.Meeting)]);

        var planned = new Scheduler().Plan(diary, Today)["zoe"];

        Assert.Equal("2026-03-23 Call Zoë Müller: Last met 20 days ago; clients are due every 30 days (at most 45).", planned.ToString());
    }
}
