using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Cadence.Tests.Properties;

/// <summary>A generated diary, the day to plan it on, and the options to plan it with.</summary>
public sealed record Scenario(Diary Diary, LocalDate Today, SchedulerOptions Options)
{
    public override string ToString() =>
        $"today {Today:uuuu-MM-dd}; {Diary.Relationships.Count} relationships, {Diary.Touches.Count} touches, {Diary.Commitments.Count} commitments\n"
        + string.Join("\n", Diary.Relationships.Select(r => $"  {r.Id} [{r.Tier}] {r.State} rule: {r.Rule}"))
        + "\n" + string.Join("\n", Diary.Touches.Select(t => $"  {t.RelationshipId} {t.Date:uuuu-MM-dd} {t.Channel} {t.Direction} {t.Outcome} {t.Medium}"))
        + "\n" + string.Join("\n", Diary.Commitments.Select(c => $"  {c.Id} → {c.RelationshipId} {c.Date:uuuu-MM-dd} {c.Status}"));
}

/// <summary>FsCheck generators of whole diaries: every rule of the scheduler gets exercised.</summary>
public static class Generators
{
    /// <summary>How many generated diaries each property sees.</summary>
    public const int Runs = 1000;

    public static Config Config => Config.QuickThrowOnFailure.WithMaxTest(Runs).WithQuietOnSuccess(true);

    private static readonly string[] Tiers = ["client", "prospect", "referral source", "past associate", "Client", "partner"];
    private static readonly string[] Media = ["coffee", "email", "LinkedIn", "Skype video", "handwritten card", "text", "dm", "lunch"];

    /// <summary>A day from <paramref name="from"/> to <paramref name="days"/> days after it, kept inside <see cref="SupportedDates"/>.</summary>
    public static Gen<LocalDate> Day(LocalDate from, int days) => Gen.Choose(0, days).Select(d => Clamp(from.PlusDays(d)));

    private static LocalDate Clamp(LocalDate date) =>
        date < SupportedDates.Earliest ? SupportedDates.Earliest : date > SupportedDates.Latest ? SupportedDates.Latest : date;

    public static Gen<Period> ShortPeriod =>
        Gen.OneOf(
            Gen.Choose(0, 60).Select(d => Period.FromDays(d)),
            Gen.Choose(0, 8).Select(w => Period.FromWeeks(w)),
            Gen.Choose(0, 4).Select(m => Period.FromMonths(m)));

    /// <summary>Valid rules only: three periods drawn until they are in order.</summary>
    public static Gen<CadenceRule> Rule =>
        from min in Gen.Choose(0, 30)
        from extra in Gen.Choose(1, 60)
        from slack in Gen.Choose(0, 60)
        from unit in Gen.Choose(0, 2)
        select unit switch
        {
            0 => CadenceRule.FromDays(min, min + extra, min + extra + slack),
            1 => CadenceRule.FromWeeks(min / 7, (min / 7) + Math.Max(1, extra / 7), (min / 7) + Math.Max(1, extra / 7) + (slack / 7)),
            _ => new CadenceRule(Period.FromWeeks(min / 10), Period.FromMonths(1 + (extra / 20)), Period.FromMonths(1 + (extra / 20) + (slack / 20))),
        };

    public static Gen<ChannelCredits> Credits =>
        Gen.Frequency(
            (3, Gen.Constant(ChannelCredits.Default)),
            (1, from m in Gen.Choose(0, 20)
                from c in Gen.Choose(0, 20)
                from n in Gen.Choose(0, 20)
                from s in Gen.Choose(0, 20)
                from r in Gen.Choose(0, 5)
                select ChannelCredits.Default
                    .With(Channel.Meeting, m / 10.0)
                    .With(Channel.Call, c / 10.0)
                    .With(Channel.Note, n / 10.0)
                    .With(Channel.Social, s / 10.0)
                    .WithNoReply(r / 10.0)));

    public static Gen<SchedulerOptions> Options =>
        from credits in Credits
        from offline in Gen.Choose(1, 5)
        select SchedulerOptions.Default.WithCredits(credits).WithOfflineAfterOnlineTouches(offline);

    private static Gen<Relationship> RelationshipGen(string id, LocalDate today) =>
        from tier in Gen.Elements(Tiers)
        from name in Gen.Elements("Zoë Müller", "Alan Smith", "李娜", "Ana; Costa, \"Jr\"", "Bob")
        from stateKind in Gen.Frequency((6, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        from pauseEnd in Day(today.PlusDays(-40), 120)
        from hasRule in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from rule in Rule
        from preferred in Gen.SubListOf(Enum.GetValues<Channel>())
        from shuffled in Gen.Shuffle(preferred.ToArray())
        select Build(id, name, tier, stateKind, pauseEnd, hasRule ? rule : null, shuffled);

    private static Relationship Build(string id, string name, string tier, int stateKind, LocalDate pauseEnd, CadenceRule? rule, IEnumerable<Channel> preferred)
    {
        var relationship = new Relationship(id, name, tier).WithRule(rule).WithPreferredChannels(preferred);
        return stateKind switch
        {
            1 => relationship.PauseUntil(pauseEnd),
            2 => relationship.Archive(),
            _ => relationship,
        };
    }

    private static Gen<Touch> TouchGen(string[] ids, LocalDate today) =>
        from id in Gen.Elements(ids)
        from date in Day(today.PlusDays(-200), 200)
        from channel in Gen.Elements(Enum.GetValues<Channel>())
        from direction in Gen.Frequency((3, Gen.Constant(Direction.Outbound)), (1, Gen.Constant(Direction.Inbound)))
        from outcome in Gen.Frequency((3, Gen.Constant(Outcome.Connected)), (1, Gen.Constant(Outcome.NoReply)))
        from medium in Gen.Elements(Media).OrNull()
        from hasTime in Gen.Elements(true, false)
        from minute in Gen.Choose(0, (24 * 60) - 1)
        select new Touch(id, date, channel, direction, outcome, medium, "summary", hasTime ? LocalTime.FromMinutesSinceMidnight(minute) : null);

    private static Gen<Commitment> CommitmentGen(string commitmentId, string[] ids, LocalDate today) =>
        from id in Gen.Elements(ids)
        from date in Day(today.PlusDays(-30), 90)
        from status in Gen.Frequency((4, Gen.Constant(CommitmentStatus.Open)), (1, Gen.Constant(CommitmentStatus.Done)), (1, Gen.Constant(CommitmentStatus.Dropped)))
        from channel in Gen.Elements<Channel?>(null, Channel.Call, Channel.Meeting, Channel.Note)
        select Status(new Commitment(commitmentId, id, date, "chase feedback on the proposal", channel), status);

    private static Commitment Status(Commitment commitment, CommitmentStatus status) => status switch
    {
        CommitmentStatus.Done => commitment.MarkDone(),
        CommitmentStatus.Dropped => commitment.Drop(),
        _ => commitment,
    };

    public static Gen<Scenario> Scenario => ScenarioOn(Day(new LocalDate(2020, 1, 1), 365 * 10));

    /// <summary>Diaries planned for a day within a month of either end of <see cref="SupportedDates"/>, their dates kept inside it.</summary>
    public static Gen<Scenario> AtTheEdges =>
        ScenarioOn(Gen.OneOf(Day(SupportedDates.Earliest, 30), Day(SupportedDates.Latest.PlusDays(-30), 30)));

    private static Gen<Scenario> ScenarioOn(Gen<LocalDate> todays) =>
        from today in todays
        from count in Gen.Choose(1, 8)
        let ids = Enumerable.Range(0, count).Select(i => "r" + i).ToArray()
        from relationships in Gen.CollectToArray(ids, id => RelationshipGen(id, today))
        from touchCount in Gen.Choose(0, 30)
        from touches in Gen.ArrayOf(TouchGen(ids, today), touchCount)
        from commitmentCount in Gen.Choose(0, 4)
        from commitments in Gen.CollectToArray(Enumerable.Range(0, commitmentCount), i => CommitmentGen("c" + i, ids, today))
        from moveCount in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 2)))
        from moveIds in Gen.Shuffle(ids)
        from moveDays in Gen.ArrayOf(Day(today.PlusDays(-10), 60), moveCount)
        from madeBack in Gen.ArrayOf(Gen.Choose(0, 40), moveCount)
        from options in Options
        select new Scenario(
            new Diary(relationships, touches, commitments, moveDays.Take(moveIds.Length).Select((to, i) => new ManualMove(moveIds[i], to, Clamp(today.PlusDays(-madeBack[i]))))),
            today,
            options);

    public static Arbitrary<Scenario> Scenarios => Scenario.ToArbitrary();
}
