using System;
using System.Linq;
using System.Text;
using Cadence.Feed;
using Cadence.Planning;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;
using static Cadence.Tests.Feed.FeedFixtures;

namespace Cadence.Tests.Feed;

/// <summary>Date touches and campaign touches in the feed, and the dates that matter as yearly events when asked for.</summary>
public sealed class FeedDateTests
{
    private static Diary WithDates() => new Diary(
            [
                new Relationship("zoe", "Zoë Müller", "client").WithImportantDates(
                    ImportantDate.Yearly("birthday", new AnnualDate(3, 27), 1986),
                    ImportantDate.Yearly("leap birthday", new AnnualDate(2, 29), 1988, LeapDayRule.March1),
                    ImportantDate.Yearly("leap day", new AnnualDate(2, 29))),
                new Relationship("sam", "Sam Okafor", "past associate").WithImportantDates(
                    ImportantDate.Relative("company day", 9, IsoDayOfWeek.Monday, 3),
                    ImportantDate.Once("launch", new LocalDate(2026, 5, 4)),
                    ImportantDate.Once("long gone", new LocalDate(2020, 5, 4))),
            ],
            [
                new Touch("zoe", Today.PlusDays(-20), Channel.Meeting),
                // Sam came to a meeting on 15 Jan: due 15 Apr, after the campaign's end (10 Apr), which brings it forward.
                new Touch("sam", new LocalDate(2026, 1, 15), Channel.Meeting, Direction.Inbound),
            ])
        .StartCampaign(Campaign.ForTier("past associates", "past associate", Today, new LocalDate(2026, 4, 10)));

    [Fact]
    public void DateTouch_IsAnEventWithItsReason_NoNameUnderInitials_NothingUnderChannelOnly()
    {
        var plan = Plan(WithDates());

        var full = Components(Write(Options, plan).Text).Single(e => Text(e, "SUMMARY") == "Call Zoë Müller");
        Assert.Equal("20260327", Get(full, "DTSTART"));
        Assert.StartsWith("Birthday on Fri 27 Mar 2026; turns 40; the routine touch due ", Text(full, "DESCRIPTION"), StringComparison.Ordinal);

        string initials = Write(Options.WithPrivacy(FeedPrivacy.Initials), plan).Text;
        Assert.DoesNotContain("Müller", initials, StringComparison.Ordinal);
        Assert.DoesNotContain("Okafor", initials, StringComparison.Ordinal);
        Assert.Contains(Components(initials), e => Text(e, "SUMMARY") == "Call Z. M." && Text(e, "DESCRIPTION").StartsWith("Birthday on Fri 27 Mar 2026", StringComparison.Ordinal));

        string channelOnly = Write(Options.WithPrivacy(FeedPrivacy.ChannelOnly), plan).Text;
        Assert.DoesNotContain("irthday", channelOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("past associates", channelOnly, StringComparison.Ordinal);
    }

    [Fact]
    public void CampaignTouch_IsAnEventWithItsProgress()
    {
        var plan = Plan(WithDates());

        var sam = Components(Write(Options, plan).Text).Single(e => Text(e, "SUMMARY").EndsWith("Sam Okafor", StringComparison.Ordinal));
        Assert.StartsWith("Campaign \"past associates\" to reconnect by Fri 10 Apr 2026: 0 of 1 done", Text(sam, "DESCRIPTION"), StringComparison.Ordinal);
    }

    [Fact]
    public void DateAndCampaignTouches_SameEventsTheNextMorning()
    {
        // Ann, never touched, is due today (a first touch: the campaign keeps it), and moves with today until done, as an
        // overdue touch does. Sam's reconnection is half way through the campaign, and Zoë's birthday on its day: they stay.
        var diary = WithDates().Add(new Relationship("ann", "Ann Berg", "past associate"));
        diary = diary.UpdateCampaign(diary.Campaigns[0].WithMembers("ann", "sam"));
        var first = Write(Options, Plan(diary));
        var next = Write(Options, Plan(diary, Today.PlusDays(1)), first.Result.State, Now.Plus(NodaTime.Duration.FromDays(1)));

        var before = Components(first.Text).Where(e => !Text(e, "SUMMARY").Contains("Ann", StringComparison.Ordinal)).ToList();
        var after = Components(next.Text).Where(e => !Text(e, "SUMMARY").Contains("Ann", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, before.Count);
        Assert.Equal(before.Select(e => string.Join("\n", e.Select(p => p.Name + ":" + p.Value))), after.Select(e => string.Join("\n", e.Select(p => p.Name + ":" + p.Value))));
        Assert.True(NodaTime.Text.LocalDatePattern.Create("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture).Parse(Get(before.Single(e => Text(e, "SUMMARY").Contains("Sam", StringComparison.Ordinal)), "DTSTART")).Value > new LocalDate(2026, 3, 20));
    }

    [Fact]
    public void YearlyDates_OffByDefault_OnWritesRepeatingEventsThatCalendarsExpandOnTheRightDays()
    {
        var plan = Plan(WithDates());
        Assert.DoesNotContain("RRULE", Write(Options, plan).Text, StringComparison.Ordinal);

        string text = Write(Options.WithYearlyDates(true), plan).Text;
        var calendar = Ical.Net.Calendar.Load(text)!;
        var dates = calendar.Events.Where(e => e.Categories.Contains("Date")).ToList();
        Assert.Equal(["Sam Okafor: company day", "Sam Okafor: launch", "Zoë Müller: birthday", "Zoë Müller: leap birthday", "Zoë Müller: leap day"], dates.Select(e => e.Summary));

        Assert.Equal(["2026-03-27", "2027-03-27"], Days(dates[2], 2026, 2027));
        Assert.Equal(["2026-03-01", "2027-03-01", "2028-02-29"], Days(dates[3], 2026, 2028)); // 1 March in common years
        Assert.Equal(["2026-02-28", "2027-02-28", "2028-02-29"], Days(dates[4], 2026, 2028)); // 28 February in common years
        Assert.Equal(["2026-09-21", "2027-09-20"], Days(dates[0], 2026, 2027)); // third Monday of September
        Assert.Equal(["2026-05-04"], Days(dates[1], 2026, 2027));

        // The engine's own rule agrees with what the calendar expands, every year of a leap cycle and more.
        var birthday = ImportantDate.Yearly("leap birthday", new AnnualDate(2, 29), 1988, LeapDayRule.March1);
        var leapDay = ImportantDate.Yearly("leap day", new AnnualDate(2, 29));
        var company = ImportantDate.Relative("company day", 9, IsoDayOfWeek.Monday, 3);
        Assert.Equal(Enumerable.Range(2026, 9).Select(y => Iso(birthday.In(y)!.Value)), Days(dates[3], 2026, 2034));
        Assert.Equal(Enumerable.Range(2026, 9).Select(y => Iso(leapDay.In(y)!.Value)), Days(dates[4], 2026, 2034));
        Assert.Equal(Enumerable.Range(2026, 9).Select(y => Iso(company.In(y)!.Value)), Days(dates[0], 2026, 2034));
    }

    [Fact]
    public void YearlyDates_TitlesFollowThePrivacyLevel_UidsStable()
    {
        var plan = Plan(WithDates());

        string initials = Write(Options.WithYearlyDates(true).WithPrivacy(FeedPrivacy.Initials), plan).Text;
        Assert.Contains("SUMMARY:Z. M.: birthday", initials, StringComparison.Ordinal);
        Assert.DoesNotContain("Müller", initials, StringComparison.Ordinal);
        string channelOnly = Write(Options.WithYearlyDates(true).WithPrivacy(FeedPrivacy.ChannelOnly), plan).Text;
        Assert.Contains("SUMMARY:Date that matters", channelOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("irthday", channelOnly, StringComparison.Ordinal);

        var uids = Components(Write(Options.WithYearlyDates(true), plan).Text).Where(e => Get(e, "CATEGORIES") == "Cadence,Date").Select(e => Get(e, "UID")).ToList();
        var later = Components(Write(Options.WithYearlyDates(true), Plan(WithDates(), Today.PlusDays(60))).Text).Where(e => Get(e, "CATEGORIES") == "Cadence,Date").Select(e => Get(e, "UID")).ToList();
        Assert.Equal(5, uids.Distinct().Count());
        Assert.Equal(uids.Where((_, i) => i != 1), later); // 60 days on, the launch (4 May) is past; the others keep their UIDs
    }

    private static string Iso(LocalDate day) => day.ToString("uuuu'-'MM'-'dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Days(CalendarEvent e, int fromYear, int toYear) =>
        [.. e.GetOccurrences(new CalDateTime(fromYear, 1, 1))
            .TakeWhile(o => o.Period.StartTime.Year <= toYear)
            .Select(o => $"{o.Period.StartTime.Year:0000}-{o.Period.StartTime.Month:00}-{o.Period.StartTime.Day:00}")];
}
