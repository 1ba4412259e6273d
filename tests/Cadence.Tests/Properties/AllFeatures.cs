using System;
using System.Collections.Generic;
using System.Linq;
using Cadence.Calendars;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Cadence.Tests.Properties;

/// <summary>A diary that mixes every feature the planner reads, the day to plan it on, and the options.</summary>
public sealed record FeatureScenario(Diary Diary, LocalDate Today, SchedulerOptions Options)
{
    public override string ToString()
    {
        var o = Options;
        var lines = new List<string>
        {
            $"today {Today:uuuu-MM-dd} ({Today.DayOfWeek}); date window {o.DateWindowDays}; offline after {o.OfflineAfterOnlineTouches}; default {o.DefaultChannel}; "
                + $"credits m{o.Credits.Meeting} c{o.Credits.Call} n{o.Credits.Note} s{o.Credits.Social} r{o.Credits.NoReply}",
            $"ladders: {string.Join("; ", o.Rules.TiersWithLadders.Select(t => $"{t} = {o.Rules.LadderFor(t)}"))}; learning: {string.Join(",", o.Rules.TiersThatLearn)}",
            o.Calendar is { } c
                ? $"calendar: {string.Join(",", c.WorkingDays)}; holidays {string.Join(",", c.Holidays.Select(d => d.ToString("uuuu-MM-dd", null)))}; "
                    + $"time off {string.Join(",", c.TimeOff)}; budget {c.Budget.PerDay}/day, {c.Budget.PerWeek?.ToString() ?? "-"}/week, "
                    + string.Join(",", c.Budget.PerChannel.Select(p => $"{p.Key} {p.Value}"))
                : "no calendar",
        };
        lines.AddRange(Diary.Relationships.Select(r =>
            $"  {r.Id} [{r.Tier}] {r.State} {r.Pacing} rule: {r.Rule?.ToString() ?? "tier"}; prefers {string.Join(",", r.PreferredChannels)}; tags {string.Join(",", r.Tags)}; "
            + $"dates {string.Join(", ", r.ImportantDates.Select(d => $"{d} lead {d.LeadDays}{(d.Day?.Month == 2 && d.Day?.Day == 29 ? " " + d.LeapDay : string.Empty)}"))}"));
        lines.AddRange(Diary.Touches.Select(t =>
            $"  {t.Id} {t.RelationshipId} {t.Date:uuuu-MM-dd} {t.Time} {t.Channel} {t.Direction} {t.Outcome} {t.Medium} {(t.FollowUp is { } l ? "ladder " + l : string.Empty)}"));
        lines.AddRange(Diary.Commitments.Select(c =>
            $"  {c.Id} → {c.RelationshipId} {c.Date:uuuu-MM-dd} {c.Kind} made {c.MadeOn:uuuu-MM-dd} {c.Status} {c.ClosedOn:uuuu-MM-dd} {c.Channel}"));
        lines.AddRange(Diary.Moves.Select(m => $"  move {m.RelationshipId} to {m.To:uuuu-MM-dd} made {m.MadeOn:uuuu-MM-dd}"));
        lines.AddRange(Diary.Campaigns.Select(c => $"  campaign {c} channels {string.Join(",", c.Channels)} members {string.Join(",", c.Members)}"));
        return string.Join("\n", lines);
    }
}

/// <summary>
/// Generated diaries that mix all the planner's features at once (for <c>ReferenceSchedulerProperties</c>): tiers, own
/// rules, channels, zones and weekends, pauses (ended and running), archived relationships, tags; touches of every kind,
/// some with follow-up ladders; promises near, far and inside the minimum gap; moves by hand; dates that matter of every
/// kind; campaigns; an owner calendar with days off and budgets; and entries after the plan's day.
/// </summary>
public static class AllFeatures
{
    private static readonly string[] Tiers = ["client", "prospect", "partner", "past associate", "Client"];
    private static readonly string[] Tags = ["vip", "alumni", "board"];
    private static readonly string?[] Media = [null, null, "coffee", "email", "LinkedIn", "handwritten card", "text", "dm", "lunch"];
    private static readonly string[] Labels = ["birthday", "anniversary", "founding day"];
    private static readonly string[] CampaignNames = ["spring", "Reconnect", "alumni drive"];
    private static readonly int[] LeapYears = [1984, 1992, 2000];

    /// <summary>A day <paramref name="from"/> to <paramref name="to"/> days after <paramref name="day"/>.</summary>
    private static Gen<LocalDate> Around(LocalDate day, int from, int to) => Gen.Choose(from, to).Select(day.PlusDays);

    private static Gen<FollowUpLadder> Ladder =>
        from name in Gen.Elements("prospect", "proposal chase", "quick")
        from count in Gen.Elements(DayCount.WorkingDays, DayCount.CalendarDays)
        from steps in Gen.Choose(1, 3)
        from days in Gen.ArrayOf(Gen.Choose(1, 8), steps)
        from channels in Gen.ArrayOf(Gen.Elements(Enum.GetValues<Channel>()), steps)
        select new FollowUpLadder(name, count, days.Select((d, i) => new FollowUpStep(d, channels[i])));

    private static Gen<ImportantDate> DateGen(string label, LocalDate today) =>
        from kind in Gen.Frequency((4, Gen.Constant(0)), (2, Gen.Constant(1)), (2, Gen.Constant(2)), (2, Gen.Constant(3)))
        from near in Around(today, -20, 100)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, 28)
        from withYear in Gen.Elements(true, false)
        from year in Gen.Choose(1950, 2010)
        from leapYear in Gen.Elements(LeapYears)
        from leapRule in Gen.Elements(LeapDayRule.February28, LeapDayRule.March1)
        from weekday in Gen.Elements(Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).ToArray())
        from week in Gen.Elements(1, 2, 3, 4, -1)
        from once in Around(today, -30, 150)
        from lead in Gen.Frequency((4, Gen.Constant(0)), (4, Gen.Choose(1, 14)), (1, Gen.Choose(15, 90)))
        select (kind switch
        {
            // Yearly, mostly soon after the plan's day, with or without a year.
            0 => near.Month == 2 && near.Day == 29
                ? ImportantDate.Yearly(label, new AnnualDate(2, 28), withYear ? year : null)
                : ImportantDate.Yearly(label, new AnnualDate(withYear ? near.Month : month, withYear ? near.Day : day), withYear ? year : null),
            // 29 February, with either rule for common years.
            1 => ImportantDate.Yearly(label, new AnnualDate(2, 29), withYear ? leapYear : null, leapRule),
            2 => ImportantDate.Relative(label, withYear ? near.Month : month, weekday, week),
            _ => ImportantDate.Once(label, once),
        }).WithLeadDays(lead);

    private static Gen<Relationship> RelationshipGen(string id, LocalDate today) =>
        from tier in Gen.Elements(Tiers)
        from state in Gen.Frequency((12, Gen.Constant(0)), (3, Gen.Constant(1)), (2, Gen.Constant(2)), (2, Gen.Constant(3)))
        from pausedUntil in Around(today, 1, 90)
        from pauseEnded in Around(today, -60, 0)
        from rule in Generators.Rule
        from hasRule in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from preferred in Gen.SubListOf(Enum.GetValues<Channel>())
        from shuffled in Gen.Shuffle(preferred.ToArray())
        from zone in Gen.Elements<string?>(null, "Asia/Tokyo", "America/New_York")
        from fridayWeekend in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from tags in Gen.SubListOf(Tags)
        from dateCount in Gen.Frequency((3, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)))
        from dates in Gen.CollectToArray(Labels.Take(dateCount), label => DateGen(label, today))
        from pacing in Gen.Frequency((5, Gen.Constant(Pacing.ByTier)), (2, Gen.Constant(Pacing.Learn)), (1, Gen.Constant(Pacing.Pinned)))
        select Build(new Relationship(id, "Name of " + id, tier)
            .WithPacing(pacing)
            .WithRule(hasRule ? rule : null)
            .WithPreferredChannels(shuffled)
            .WithTimeZone(zone is null ? null : DateTimeZoneProviders.Tzdb[zone])
            .WithWeekend(fridayWeekend ? [IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday] : [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday])
            .WithTags(tags)
            .WithImportantDates(dates), state, pausedUntil, pauseEnded);

    private static Relationship Build(Relationship relationship, int state, LocalDate pausedUntil, LocalDate pauseEnded) => state switch
    {
        1 => relationship.PauseUntil(pausedUntil),
        2 => relationship.PauseUntil(pauseEnded),
        3 => relationship.Archive(),
        _ => relationship,
    };

    /// <summary>
    /// A run of exchanges at a relationship's own rhythm (what learning reads): 3 to 8 touches about <c>gap</c> days apart
    /// (give or take a quarter), the latest up to a gap before the plan's day, each a reply (their note or call, or a
    /// meeting or call of yours that connected), sometimes followed by attempts of yours left unanswered.
    /// </summary>
    private static Gen<Touch[]> SeriesGen(string[] ids, LocalDate today) =>
        from id in Gen.Elements(ids)
        from count in Gen.Choose(3, 8)
        from gap in Gen.Frequency((2, Gen.Choose(2, 20)), (3, Gen.Choose(21, 70)), (1, Gen.Choose(71, 200)))
        from noise in Gen.ArrayOf(Gen.Choose(-gap / 4, gap / 4), count)
        from kinds in Gen.ArrayOf(Gen.Choose(0, 3), count)
        from lastAgo in Gen.Choose(0, gap + 10)
        from unanswered in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 4)))
        from unansweredGap in Gen.Choose(1, 30)
        select Series(id, today.PlusDays(-lastAgo), count, gap, noise, kinds, unanswered, unansweredGap);

    private static Touch[] Series(string id, LocalDate last, int count, int gap, int[] noise, int[] kinds, int unanswered, int unansweredGap)
    {
        var touches = new List<Touch>();
        for (int i = 0; i < count; i++)
        {
            var day = last.PlusDays(-(count - 1 - i) * gap + (i == count - 1 ? 0 : noise[i]));
            touches.Add(kinds[i] switch
            {
                0 => new Touch(id, day, Channel.Meeting),
                1 => new Touch(id, day, Channel.Call),
                2 => new Touch(id, day, Channel.Note, Direction.Inbound, Outcome.Connected, "email"),
                _ => new Touch(id, day, Channel.Call, Direction.Inbound),
            });
        }

        for (int i = 1; i <= unanswered; i++)
        {
            touches.Add(new Touch(id, last.PlusDays(i * unansweredGap), Channel.Note, Direction.Outbound, Outcome.NoReply, "email").WithFollowUp(FollowUpLadder.None));
        }

        return [.. touches];
    }

    private static Gen<Touch> TouchGen(string[] ids, LocalDate today) =>
        from id in Gen.Elements(ids)
        from date in Gen.Frequency((4, Around(today, -300, 0)), (6, Around(today, -45, 0)), (1, Around(today, 1, 20)))
        from channel in Gen.Elements(Enum.GetValues<Channel>())
        from direction in Gen.Frequency((3, Gen.Constant(Direction.Outbound)), (1, Gen.Constant(Direction.Inbound)))
        from outcome in Gen.Frequency((3, Gen.Constant(Outcome.Connected)), (2, Gen.Constant(Outcome.NoReply)))
        from medium in Gen.Elements(Media)
        from hasTime in Gen.Elements(true, false)
        from minute in Gen.Choose(0, (24 * 60) - 1)
        from ladderKind in Gen.Frequency((5, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)))
        from ladder in Ladder
        let touch = new Touch(id, date, channel, direction, outcome, medium, "summary", hasTime ? LocalTime.FromMinutesSinceMidnight(minute) : null)
        select !touch.IsOutbound ? touch : ladderKind switch
        {
            1 => touch.WithFollowUp(ladder),
            2 => touch.WithFollowUp(FollowUpLadder.None),
            _ => touch,
        };

    /// <summary>A promise: near, months away, or just after an attempt (inside its minimum gap); open, done or dropped, perhaps after the plan's day.</summary>
    private static Gen<Commitment> CommitmentGen(string commitmentId, string[] ids, Touch[] touches, LocalDate today) =>
        from place in Gen.Frequency((4, Gen.Constant(0)), (2, Gen.Constant(1)), (touches.Length > 0 ? 3 : 0, Gen.Constant(2)))
        from id in Gen.Elements(ids)
        from near in Around(today, -30, 60)
        from far in Around(today, 61, 300)
        from anchor in touches.Length > 0 ? Gen.Elements(touches) : Gen.Constant<Touch>(null!)
        from after in Gen.Choose(0, 12)
        from madeBefore in Gen.Choose(0, 40)
        from hasMadeOn in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from kind in Gen.Elements(CommitmentKind.Step, CommitmentKind.UnlessReply, CommitmentKind.Booked)
        from channel in Gen.Elements<Channel?>(null, Channel.Call, Channel.Meeting, Channel.Note, Channel.Social)
        from hasTime in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from status in Gen.Frequency((6, Gen.Constant(CommitmentStatus.Open)), (2, Gen.Constant(CommitmentStatus.Done)), (1, Gen.Constant(CommitmentStatus.Dropped)))
        from closedAfter in Gen.Choose(0, 30)
        let relationship = place == 2 ? anchor.RelationshipId : id
        let date = place switch { 0 => near, 1 => far, _ => anchor.Date.PlusDays(after) }
        let madeOn = place == 2 ? anchor.Date : date.PlusDays(-madeBefore)
        let commitment = new Commitment(
            commitmentId,
            relationship,
            date,
            "chase feedback",
            channel,
            hasTime ? new LocalTime(10, 30) : null,
            hasMadeOn || kind == CommitmentKind.UnlessReply ? madeOn : null,
            kind)
        select status switch
        {
            CommitmentStatus.Done => commitment.MarkDone(madeOn.PlusDays(closedAfter)),
            CommitmentStatus.Dropped => commitment.Drop(madeOn.PlusDays(closedAfter)),
            _ => commitment,
        };

    private static Gen<Campaign> CampaignGen(string name, LocalDate today) =>
        from kind in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)))
        from tier in Gen.Elements(Tiers)
        from tag in Gen.Elements(Tags)
        from months in Gen.Choose(1, 12)
        from start in Gen.Frequency((3, Around(today, -14, 0)), (2, Around(today, -60, -15)), (1, Around(today, 1, 15)))
        // Mostly short: a campaign pulls in only the members the cadence would leave until after its end.
        from end in Gen.Frequency((5, Around(today, 0, 14)), (2, Around(today, 15, 120)), (1, Around(today, -30, -1)))
        let last = end < start ? start : end
        from channels in Gen.SubListOf(Enum.GetValues<Channel>())
        from shuffled in Gen.Shuffle(channels.ToArray())
        select (kind switch
        {
            0 => Campaign.ForTier(name, tier, start, last),
            1 => Campaign.ForTag(name, tag, start, last),
            _ => Campaign.ForFaded(name, months, start, last),
        }).WithChannels(shuffled);

    /// <summary>Starts the campaigns (the diary chooses their members), then pauses or ends some.</summary>
    private static Diary StartCampaigns(Diary diary, Campaign[] campaigns, int[] states, LocalDate today)
    {
        for (int i = 0; i < campaigns.Length; i++)
        {
            diary = diary.StartCampaign(campaigns[i]);
            var started = diary.GetCampaign(campaigns[i].Name);
            diary = states[i] switch
            {
                1 => diary.UpdateCampaign(started.Pause()),
                2 => diary.UpdateCampaign(started.End(today.PlusDays(-1))),
                _ => diary,
            };
        }

        return diary;
    }

    private static Gen<OwnerCalendar?> CalendarGen(LocalDate today) =>
        from has in Gen.Frequency((1, Gen.Constant(false)), (2, Gen.Constant(true)))
        from zone in Gen.Elements("Europe/London", "Asia/Tokyo", "America/New_York")
        from days in Gen.Elements<IsoDayOfWeek[]>(
            [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday],
            [IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday],
            [IsoDayOfWeek.Monday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Saturday])
        from holidayCount in Gen.Choose(0, 4)
        from holidays in Gen.ArrayOf(Around(today, -5, 40), holidayCount)
        from hasTimeOff in Gen.Elements(true, false)
        from offStart in Around(today, -10, 30)
        from offDays in Gen.Choose(0, 14)
        from perDay in Gen.Frequency((3, Gen.Constant(1)), (2, Gen.Choose(2, 4)))
        from perWeek in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 8).Select(n => (int?)n)))
        from channelLimit in Gen.Frequency((2, Gen.Constant<Channel?>(null)), (1, Gen.Elements(Enum.GetValues<Channel>()).Select(c => (Channel?)c)))
        select has
            ? Calendar(zone, days, holidays, hasTimeOff ? (offStart, offStart.PlusDays(offDays)) : null, new TouchBudget(perDay).WithPerWeek(perWeek), channelLimit)
            : null;

    private static OwnerCalendar Calendar(string zone, IsoDayOfWeek[] days, LocalDate[] holidays, (LocalDate Start, LocalDate End)? timeOff, TouchBudget budget, Channel? channelLimit)
    {
        var calendar = OwnerCalendar.ForZone(zone).WithWorkingDays(days).WithHolidays(holidays)
            .WithBudget(channelLimit is { } c ? budget.WithPerChannel(c, 1) : budget);
        return timeOff is { } off ? calendar.WithTimeOff(off.Start, off.End) : calendar;
    }

    private static Gen<SchedulerOptions> OptionsGen(LocalDate today) =>
        from credits in Generators.Credits
        from offline in Gen.Choose(1, 5)
        from window in Gen.Elements(0, 0, 3, 14, 14, 30, 90)
        from defaultChannel in Gen.Frequency((4, Gen.Constant(Channel.Call)), (1, Gen.Elements(Enum.GetValues<Channel>())))
        from ladderTiers in Gen.SubListOf(new[] { "prospect", "client", "partner" })
        from ladders in Gen.ArrayOf(Ladder, 3)
        from partnerRule in Generators.Rule.OrNull()
        from calendar in CalendarGen(today)
        from learningTiers in Gen.SubListOf(new[] { "client", "prospect", "partner", "past associate" })
        select SchedulerOptions.Default
            .WithRules(learningTiers.Aggregate(
                ladderTiers.Select((t, i) => (t, i)).Aggregate(
                    partnerRule is null ? CadenceRules.Default : CadenceRules.Default.With("partner", partnerRule),
                    (rules, x) => rules.WithLadder(x.t, ladders[x.i])),
                (rules, tier) => rules.WithLearning(tier)))
            .WithCredits(credits)
            .WithOfflineAfterOnlineTouches(offline)
            .WithDateWindowDays(window)
            .WithDefaultChannel(defaultChannel)
            .WithCalendar(calendar);

    /// <summary>Diaries of one to eight relationships with every feature, planned on a day from 2023 to 2028 (two leap years).</summary>
    public static Gen<FeatureScenario> Scenario =>
        from today in Generators.Day(new LocalDate(2023, 1, 1), 365 * 6)
        from count in Gen.Choose(1, 8)
        let ids = Enumerable.Range(0, count).Select(i => "r" + i).ToArray()
        from relationships in Gen.CollectToArray(ids, id => RelationshipGen(id, today))
        from touchCount in Gen.Choose(0, 30)
        from seriesCount in Gen.Frequency((2, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Choose(2, 3)))
        from series in Gen.ArrayOf(SeriesGen(ids, today), seriesCount)
        from loose in Gen.ArrayOf(TouchGen(ids, today), touchCount)
        let touches = loose.Concat(series.SelectMany(t => t)).Select((t, i) => t.WithId("t" + i)).ToArray()
        from commitmentCount in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 5)))
        from commitments in Gen.CollectToArray(Enumerable.Range(0, commitmentCount), i => CommitmentGen("c" + i, ids, touches, today))
        from moved in Gen.ArrayOf(Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true))), ids.Length)
        from moveTo in Gen.ArrayOf(Around(today, -10, 60), ids.Length)
        from moveMade in Gen.ArrayOf(Gen.Frequency((6, Around(today, -60, 0)), (1, Around(today, 1, 5))), ids.Length)
        from campaignCount in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Constant(1)), (2, Gen.Constant(2)), (2, Gen.Constant(3)))
        from campaigns in Gen.CollectToArray(CampaignNames.Take(campaignCount), name => CampaignGen(name, today))
        from campaignStates in Gen.ArrayOf(Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2))), campaignCount)
        from options in OptionsGen(today)
        select new FeatureScenario(
            StartCampaigns(
                new Diary(relationships, touches, commitments, ids.Where((_, i) => moved[i]).Select((id, i) => new ManualMove(id, moveTo[i], moveMade[i]))),
                campaigns,
                campaignStates,
                today),
            today,
            options);

    public static Arbitrary<FeatureScenario> Scenarios => Scenario.ToArbitrary();
}
