using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace Cadence.Benchmarks;

/// <summary>
/// Builds realistic synthetic diaries for benchmarks: the same arguments always give an equal diary (same
/// relationships, touches and commitments, in the same order). The only source of randomness is a
/// <see cref="Random"/> seeded with <c>seed</c>; nothing reads the clock.
/// </summary>
/// <remarks>
/// The mix, per relationship unless said otherwise:
/// <list type="bullet">
/// <item>tier: client 25%, prospect 30%, referral source 15%, past associate 20%, and 10% in tiers the default
/// rules do not name ("friend", "investor", "journalist"), which use the fallback rule;</item>
/// <item>about 5% with their own cadence rule, 35% with preferred channels, 80% with a time zone (London, New York,
/// Los Angeles, Berlin, Sydney, Shanghai, Tokyo, Kolkata, São Paulo), 30% with tags;</item>
/// <item>about 3% archived and 5% paused (most until a day in the coming three months, some already over);</item>
/// <item>touches: social 45%, note 35% (mostly e-mail, some handwritten cards), call 14%, meeting 6%; a quarter
/// inbound; about 20% with no reply; a third with a time of day; all on or before <c>today</c>, the last one up to
/// one and a half cadence targets ago, with gaps between touches averaging half to one and a half targets (so some
/// relationships are on time, many are due soon and a good share are overdue, as in a real diary);</item>
/// <item>about 10% with a commitment (70% open, 20% done, 10% dropped), dated from three weeks ago to six weeks
/// ahead.</item>
/// </list>
/// The touches are returned in date order across all relationships, as a diary kept as a log would list them, and
/// the <see cref="Touch"/> objects are created in that order too, as when a diary is read back from a file: a
/// relationship's touches are spread over the heap, as they would be in a real process.
/// </remarks>
public static class DiaryGenerator
{
    private static readonly string[] FirstNames =
    [
        "Zoë", "Amara", "Liam", "Priya", "Mateo", "Chen", "Sofia", "Jonas", "Aisha", "Noah",
        "Ingrid", "Kenji", "Lucía", "Oliver", "Fatima", "Tomasz", "Hannah", "Rafael", "Mei", "Siobhán",
    ];

    private static readonly string[] LastNames =
    [
        "Müller", "Okafor", "Smith", "Sharma", "García", "Wang", "Rossi", "Nilsson", "Khan", "Brown",
        "Larsen", "Tanaka", "Fernández", "O'Brien", "Haddad", "Kowalski", "Schmidt", "Costa", "Li", "Ní Bhriain",
    ];

    private static readonly string[] UnknownTiers = ["friend", "investor", "journalist"];

    private static readonly string[] TimeZoneIds =
    [
        "Europe/London", "America/New_York", "America/Los_Angeles", "Europe/Berlin", "Australia/Sydney",
        "Asia/Shanghai", "Asia/Tokyo", "Asia/Kolkata", "America/Sao_Paulo",
    ];

    private static readonly string[] Tags =
    [
        "met at ExpoLondon", "Atlanta", "board member", "alumni", "conference speaker", "newsletter subscriber",
        "introduced by a client", "Sydney office",
    ];

    private static readonly string[] Summaries =
    [
        "caught up on their new role", "sent the article we discussed", "congratulated them on the launch",
        "asked about the proposal", "liked their post", "commented on their talk", "thanked them for the referral",
        "discussed next quarter", "shared an introduction", "quick hello",
    ];

    private static readonly string[] Purposes =
    [
        "chase feedback on the proposal", "they said they'd call next week: call them if not",
        "send the case study", "book a coffee after their holiday", "follow up on the introduction",
        "check in after the conference",
    ];

    private static readonly CadenceRule[] Overrides =
    [
        new(Period.FromWeeks(2), Period.FromWeeks(4), Period.FromWeeks(6)),
        CadenceRule.FromDays(3, 7, 10),
        new(Period.FromMonths(1), Period.FromMonths(2), Period.FromMonths(3)),
        CadenceRule.FromWeeks(1, 3, 5),
        new(Period.FromMonths(2), Period.FromMonths(6), Period.FromYears(1)),
    ];

    private static readonly Channel[] AllChannels = [Channel.Meeting, Channel.Call, Channel.Note, Channel.Social];

    /// <summary>Generates a diary.</summary>
    /// <param name="relationships">How many relationships, at least 0.</param>
    /// <param name="touchesPerRelationship">How many touches each relationship has, at least 0.</param>
    /// <param name="seed">The seed: the same seed (and other arguments) gives an equal diary.</param>
    /// <param name="today">The day the diary is looked at: every touch is on or before it.</param>
    /// <returns>The diary.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static Diary Generate(int relationships, int touchesPerRelationship, int seed, LocalDate today)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(relationships);
        ArgumentOutOfRangeException.ThrowIfNegative(touchesPerRelationship);

        var random = new Random(seed);
        var zones = new DateTimeZone[TimeZoneIds.Length];
        for (int i = 0; i < zones.Length; i++)
        {
            zones[i] = DateTimeZoneProviders.Tzdb[TimeZoneIds[i]];
        }

        int width = Math.Max(1, (relationships - 1).ToString(CultureInfo.InvariantCulture).Length);
        string idFormat = "D" + width.ToString(CultureInfo.InvariantCulture);

        var people = new List<Relationship>(relationships);
        var specs = new List<TouchSpec>(checked(relationships * touchesPerRelationship));
        var commitments = new List<Commitment>(relationships / 8);

        for (int r = 0; r < relationships; r++)
        {
            string id = "r" + r.ToString(idFormat, CultureInfo.InvariantCulture);
            var relationship = NewRelationship(random, id, zones, today);
            people.Add(relationship);
            AddTouches(random, relationship, touchesPerRelationship, today, specs);

            if (random.NextDouble() < 0.10)
            {
                commitments.Add(NewCommitment(random, id, today));
            }
        }

        // A diary kept as a log lists touches by date, and one read back from a file creates them in that order, so
        // the touches are created (and so laid out in memory) in date order, not relationship by relationship. The
        // keys are unique (date, then generation order), so the order is fully determined.
        var keys = new long[specs.Count];
        var order = new int[specs.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = ((long)Period.DaysBetween(today, specs[i].Date) << 32) | (uint)i;
            order[i] = i;
        }

        Array.Sort(keys, order);
        var touches = new Touch[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            var t = specs[order[i]];
            touches[i] = new Touch(t.RelationshipId, t.Date, t.Channel, t.Direction, t.Outcome, t.Medium, t.Summary, t.Time);
        }

        return new Diary(people, touches, commitments);
    }

    private static Relationship NewRelationship(Random random, string id, DateTimeZone[] zones, LocalDate today)
    {
        string name = FirstNames[random.Next(FirstNames.Length)] + " " + LastNames[random.Next(LastNames.Length)];
        double t = random.NextDouble();
        string tier = t switch
        {
            < 0.25 => "client",
            < 0.55 => "prospect",
            < 0.70 => "referral source",
            < 0.90 => "past associate",
            _ => UnknownTiers[random.Next(UnknownTiers.Length)],
        };

        var relationship = new Relationship(id, name, tier);

        if (random.NextDouble() < 0.30)
        {
            int first = random.Next(Tags.Length);
            relationship = random.NextDouble() < 0.5
                ? relationship.WithTags(Tags[first])
                : relationship.WithTags(Tags[first], Tags[(first + 1 + random.Next(Tags.Length - 1)) % Tags.Length]);
        }

        if (random.NextDouble() < 0.80)
        {
            relationship = relationship.WithTimeZone(zones[random.Next(zones.Length)]);
        }

        if (random.NextDouble() < 0.35)
        {
            var first = PickChannel(random);
            relationship = random.NextDouble() < 0.6
                ? relationship.WithPreferredChannels(first)
                : relationship.WithPreferredChannels(first, AllChannels[random.Next(AllChannels.Length)]);
        }

        if (random.NextDouble() < 0.05)
        {
            relationship = relationship.WithRule(Overrides[random.Next(Overrides.Length)]);
        }

        double s = random.NextDouble();
        if (s < 0.03)
        {
            relationship = relationship.Archive();
        }
        else if (s < 0.08)
        {
            // Most pauses end in the coming three months; a few are already over.
            int days = random.NextDouble() < 0.8 ? random.Next(1, 91) : -random.Next(1, 31);
            relationship = relationship.PauseUntil(today.PlusDays(days));
        }

        return relationship;
    }

    private static void AddTouches(Random random, Relationship relationship, int count, LocalDate today, List<TouchSpec> touches)
    {
        if (count == 0)
        {
            return;
        }

        // Walk back from the most recent touch. The owner roughly keeps to the relationship's cadence: the last touch
        // is up to 1.5 targets ago, and each relationship has its own typical gap of half to one and a half targets.
        var rule = CadenceRules.Default.For(relationship);
        int target = Period.DaysBetween(today, today.Plus(rule.Target));
        int typicalGap = Math.Max(1, (int)(target * (0.5 + random.NextDouble())));
        var dates = new LocalDate[count];
        var date = today.PlusDays(-random.Next(0, (3 * target / 2) + 1));
        for (int i = count - 1; i >= 0; i--)
        {
            dates[i] = date;
            date = date.PlusDays(-random.Next(1, (2 * typicalGap) + 1));
        }

        foreach (var day in dates)
        {
            touches.Add(NewTouch(random, relationship.Id, day));
        }
    }

    private static TouchSpec NewTouch(Random random, string id, LocalDate date)
    {
        var channel = PickChannel(random);
        string? medium = channel switch
        {
            Channel.Meeting => random.NextDouble() < 0.6 ? "coffee" : random.NextDouble() < 0.7 ? "Skype video" : null,
            Channel.Call => random.NextDouble() < 0.15 ? "Skype video" : null,
            Channel.Note => random.NextDouble() < 0.8 ? "email" : "handwritten card",
            _ => random.NextDouble() < 0.85 ? "LinkedIn" : null,
        };

        var direction = random.NextDouble() < 0.25 ? Direction.Inbound : Direction.Outbound;

        // Meetings rarely fall through; the rest go unanswered often enough to make about 20% overall.
        double noReply = channel == Channel.Meeting ? 0.05 : 0.21;
        var outcome = random.NextDouble() < noReply ? Outcome.NoReply : Outcome.Connected;

        string? summary = random.NextDouble() < 0.6 ? Summaries[random.Next(Summaries.Length)] : null;
        LocalTime? time = random.NextDouble() < 0.33 ? new LocalTime(8, 0).PlusMinutes(15 * random.Next(0, 41)) : null;
        return new TouchSpec(id, date, channel, direction, outcome, medium, summary, time);
    }

    private static Commitment NewCommitment(Random random, string id, LocalDate today)
    {
        Channel? channel = random.NextDouble() < 0.5 ? PickChannel(random) : null;
        var commitment = new Commitment(
            "c-" + id,
            id,
            today.PlusDays(random.Next(-21, 43)),
            Purposes[random.Next(Purposes.Length)],
            channel);

        double s = random.NextDouble();
        return s switch
        {
            < 0.70 => commitment,
            < 0.90 => commitment.MarkDone(),
            _ => commitment.Drop(),
        };
    }

    /// <summary>Social 45%, note 35%, call 14%, meeting 6%.</summary>
    private static Channel PickChannel(Random random) => random.NextDouble() switch
    {
        < 0.45 => Channel.Social,
        < 0.80 => Channel.Note,
        < 0.94 => Channel.Call,
        _ => Channel.Meeting,
    };

    /// <summary>A touch's fields, drawn in generation order and turned into a <see cref="Touch"/> in date order.</summary>
    private readonly record struct TouchSpec(
        string RelationshipId,
        LocalDate Date,
        Channel Channel,
        Direction Direction,
        Outcome Outcome,
        string? Medium,
        string? Summary,
        LocalTime? Time);
}
