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

    /// <summary>Every tier a relationship can be in: the four the default rules name, then <see cref="UnknownTiers"/>.</summary>
    private static readonly string[] Tiers = ["client", "prospect", "referral source", "past associate", .. UnknownTiers];

    /// <summary>The values of <see cref="Touch.Medium"/>, by <see cref="TouchFields.Medium"/>.</summary>
    private static readonly string?[] Media = [null, "coffee", "Skype video", "email", "handwritten card", "LinkedIn"];

    /// <summary>How many touches are made at a time, their relationships' ids read first, so the cache misses overlap.</summary>
    private const int TouchBatch = 16;

    /// <summary>Generates a diary.</summary>
    /// <param name="relationships">How many relationships, at least 0.</param>
    /// <param name="touchesPerRelationship">How many touches each relationship has, at least 0.</param>
    /// <param name="seed">The seed: the same seed (and other arguments) gives an equal diary.</param>
    /// <param name="today">The day the diary is looked at: every touch is on or before it.</param>
    /// <returns>The diary.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static Diary Generate(int relationships, int touchesPerRelationship, int seed, LocalDate today)
    {
        var (people, touches, commitments) = GenerateParts(relationships, touchesPerRelationship, seed, today);
        return new Diary(people, touches, commitments);
    }

    /// <summary>
    /// What <see cref="Generate"/> makes the diary of: the relationships, the touches in date order and the
    /// commitments.
    /// </summary>
    /// <remarks>
    /// Three passes. The first draws everything from the one <see cref="Random"/>, in the order the generator has
    /// always drawn it (relationship by relationship: its fields; its touches' dates, newest first; their fields,
    /// oldest first; maybe a commitment), and keeps it as small structs without references: nothing for the garbage
    /// collector to trace or copy. The second makes the relationships and commitments, in relationship order, and
    /// puts the touches in date order with a stable counting sort on the day, so touches on the same day stay in
    /// generation order (the order a sort on (date, generation order) gives). The third makes the touches, in date
    /// order.
    /// </remarks>
    internal static (Relationship[] Relationships, Touch[] Touches, Commitment[] Commitments) GenerateParts(
        int relationships, int touchesPerRelationship, int seed, LocalDate today)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(relationships);
        ArgumentOutOfRangeException.ThrowIfNegative(touchesPerRelationship);

        // Pass 1: the draws.
        int count = touchesPerRelationship;
        var random = new Random(seed);
        var people = new RelationshipSpec[relationships];
        var drawn = new DrawnTouch[checked(relationships * count)];
        var promised = new List<CommitmentSpec>(relationships / 8);
        var targetDays = new int[Tiers.Length + Overrides.Length];
        var perDay = new int[1024]; // touches per day, by days before today
        int oldest = 0;

        for (int r = 0; r < relationships; r++)
        {
            var person = DrawRelationship(random);
            people[r] = person;
            if (count > 0)
            {
                int daysAgo = DrawTouches(random, TargetDays(person, today, targetDays), drawn.AsSpan(r * count, count));
                if (daysAgo > oldest)
                {
                    oldest = daysAgo;
                    if (oldest >= perDay.Length)
                    {
                        Array.Resize(ref perDay, Math.Max(2 * perDay.Length, oldest + 1));
                    }
                }

                foreach (var touch in drawn.AsSpan(r * count, count))
                {
                    perDay[touch.DaysAgo]++;
                }
            }

            if (random.NextDouble() < 0.10)
            {
                promised.Add(DrawCommitment(random, r));
            }
        }


        // Pass 2: the relationships and commitments, then the touches in date order. A diary kept as a log lists
        // touches by date, and one read back from a file creates them in that order, so pass 3 creates them (and so
        // lays them out in memory) in date order, not relationship by relationship.
        var (relationshipObjects, ids, commitments) = MakeRelationships(people, promised, today);

        // The touches of the day `oldest - slot` days before today are at dated[bounds[slot]..bounds[slot + 1]].
        var bounds = new int[oldest + 2];
        for (int slot = 0; slot <= oldest; slot++)
        {
            bounds[slot + 1] = bounds[slot] + perDay[oldest - slot];
        }

        var next = bounds.AsSpan(0, oldest + 1).ToArray();
        var dated = new DatedTouch[drawn.Length];
        for (int r = 0, g = 0; r < relationships; r++)
        {
            for (int j = 0; j < count; j++, g++)
            {
                var touch = drawn[g];
                dated[next[oldest - touch.DaysAgo]++] = new DatedTouch(r, touch.Fields);
            }
        }

        drawn = []; // The collector may have them now.

        // Pass 3: the touches. They are made TouchBatch at a time, their relationships' ids read first: the touches of
        // a day belong to relationships all over the diary, and the Touch constructor reads the id it is given.
        var times = new LocalTime?[TouchFields.Times];
        for (int k = 0; k < times.Length; k++)
        {
            times[k] = new LocalTime(8, 0).PlusMinutes(15 * k);
        }

        var touches = new Touch[dated.Length];
        long idChars = 0;
        int day = 0;
        var date = today.PlusDays(-oldest);
        for (int start = 0; start < dated.Length; start += TouchBatch)
        {
            int end = Math.Min(dated.Length, start + TouchBatch);
            for (int i = start; i < end; i++)
            {
                idChars += ids[dated[i].Relationship].Length;
            }

            for (int i = start; i < end; i++)
            {
                while (i >= bounds[day + 1])
                {
                    day++;
                    date = today.PlusDays(day - oldest);
                }

                var t = dated[i];
                var fields = t.Fields;
                touches[i] = new Touch(
                    ids[t.Relationship],
                    date,
                    fields.Channel,
                    fields.Direction,
                    fields.Outcome,
                    Media[fields.Medium],
                    fields.Summary is int summary ? Summaries[summary] : null,
                    fields.Time is int time ? times[time] : null);
            }
        }

        // The sum is there so the JIT keeps the reads ahead; every id has a character or more, so this never throws.
        if (idChars < touches.Length)
        {
            throw new InvalidOperationException("A relationship id is empty.");
        }

        return (relationshipObjects, touches, commitments);
    }

    /// <summary>The target of the relationship's rule in days, worked out once per rule.</summary>
    private static int TargetDays(RelationshipSpec person, LocalDate today, int[] cache)
    {
        int key = person.Rule >= 0 ? Tiers.Length + person.Rule : person.Tier;
        if (cache[key] == 0)
        {
            var rule = person.Rule >= 0 ? Overrides[person.Rule] : CadenceRules.Default.For(Tiers[person.Tier]);
            cache[key] = Period.DaysBetween(today, today.Plus(rule.Target)) + 1;
        }

        return cache[key] - 1;
    }

    private static RelationshipSpec DrawRelationship(Random random)
    {
        var person = new RelationshipSpec
        {
            FirstName = (byte)random.Next(FirstNames.Length),
            LastName = (byte)random.Next(LastNames.Length),
        };

        double t = random.NextDouble();
        person.Tier = t switch
        {
            < 0.25 => 0, // client
            < 0.55 => 1, // prospect
            < 0.70 => 2, // referral source
            < 0.90 => 3, // past associate
            _ => (sbyte)(4 + random.Next(UnknownTiers.Length)),
        };

        if (random.NextDouble() < 0.30)
        {
            int first = random.Next(Tags.Length);
            person.Tag = (sbyte)first;
            if (random.NextDouble() >= 0.5)
            {
                person.SecondTag = (sbyte)((first + 1 + random.Next(Tags.Length - 1)) % Tags.Length);
            }
        }

        if (random.NextDouble() < 0.80)
        {
            person.Zone = (sbyte)random.Next(TimeZoneIds.Length);
        }

        if (random.NextDouble() < 0.35)
        {
            person.Preferred = (sbyte)PickChannel(random);
            if (random.NextDouble() >= 0.6)
            {
                person.SecondPreferred = (sbyte)AllChannels[random.Next(AllChannels.Length)];
            }
        }

        if (random.NextDouble() < 0.05)
        {
            person.Rule = (sbyte)random.Next(Overrides.Length);
        }

        double s = random.NextDouble();
        if (s < 0.03)
        {
            person.Status = RelationshipStatus.Archived;
        }
        else if (s < 0.08)
        {
            // Most pauses end in the coming three months; a few are already over.
            person.Status = RelationshipStatus.Paused;
            person.PausedDays = (short)(random.NextDouble() < 0.8 ? random.Next(1, 91) : -random.Next(1, 31));
        }

        return person;
    }

    /// <summary>
    /// Draws a relationship's touches into <paramref name="touches"/>, oldest first, and returns how many days ago the
    /// oldest one is.
    /// </summary>
    private static int DrawTouches(Random random, int target, Span<DrawnTouch> touches)
    {
        // Walk back from the most recent touch. The owner roughly keeps to the relationship's cadence: the last touch
        // is up to 1.5 targets ago, and each relationship has its own typical gap of half to one and a half targets.
        // (A gap is drawn before the oldest touch too, unused, as the generator always has.)
        int typicalGap = Math.Max(1, (int)(target * (0.5 + random.NextDouble())));
        int daysAgo = random.Next(0, (3 * target / 2) + 1);
        for (int i = touches.Length - 1; i >= 0; i--)
        {
            touches[i].DaysAgo = daysAgo;
            daysAgo += random.Next(1, (2 * typicalGap) + 1);
        }

        for (int i = 0; i < touches.Length; i++)
        {
            touches[i].Fields = DrawTouchFields(random);
        }

        return touches[0].DaysAgo;
    }

    private static TouchFields DrawTouchFields(Random random)
    {
        var channel = PickChannel(random);
        int medium = channel switch
        {
            Channel.Meeting => random.NextDouble() < 0.6 ? 1 : random.NextDouble() < 0.7 ? 2 : 0, // coffee, Skype video
            Channel.Call => random.NextDouble() < 0.15 ? 2 : 0, // Skype video
            Channel.Note => random.NextDouble() < 0.8 ? 3 : 4, // email, handwritten card
            _ => random.NextDouble() < 0.85 ? 5 : 0, // LinkedIn
        };

        var direction = random.NextDouble() < 0.25 ? Direction.Inbound : Direction.Outbound;

        // Meetings rarely fall through; the rest go unanswered often enough to make about 20% overall.
        double noReply = channel == Channel.Meeting ? 0.05 : 0.21;
        var outcome = random.NextDouble() < noReply ? Outcome.NoReply : Outcome.Connected;

        int? summary = random.NextDouble() < 0.6 ? random.Next(Summaries.Length) : null;
        int? time = random.NextDouble() < 0.33 ? random.Next(0, TouchFields.Times) : null;
        return new TouchFields(channel, direction, outcome, medium, summary, time);
    }

    private static CommitmentSpec DrawCommitment(Random random, int relationship)
    {
        sbyte channel = random.NextDouble() < 0.5 ? (sbyte)PickChannel(random) : (sbyte)-1;
        sbyte days = (sbyte)random.Next(-21, 43);
        byte purpose = (byte)random.Next(Purposes.Length);
        double s = random.NextDouble();
        var status = s switch
        {
            < 0.70 => CommitmentStatus.Open,
            < 0.90 => CommitmentStatus.Done,
            _ => CommitmentStatus.Dropped,
        };

        return new CommitmentSpec(relationship, channel, days, purpose, status);
    }

    /// <summary>
    /// Makes the relationships, their ids and the commitments, relationship by relationship: the objects of one
    /// relationship are created together, as before.
    /// </summary>
    private static (Relationship[] Relationships, string[] Ids, Commitment[] Commitments) MakeRelationships(
        RelationshipSpec[] people, List<CommitmentSpec> promised, LocalDate today)
    {
        var zones = new DateTimeZone[TimeZoneIds.Length];
        for (int i = 0; i < zones.Length; i++)
        {
            zones[i] = DateTimeZoneProviders.Tzdb[TimeZoneIds[i]];
        }

        int width = Math.Max(1, (people.Length - 1).ToString(CultureInfo.InvariantCulture).Length);
        string idFormat = "D" + width.ToString(CultureInfo.InvariantCulture);

        var relationships = new Relationship[people.Length];
        var ids = new string[people.Length];
        var commitments = new Commitment[promised.Count];
        int c = 0;
        for (int r = 0; r < people.Length; r++)
        {
            string id = "r" + r.ToString(idFormat, CultureInfo.InvariantCulture);
            ids[r] = id;
            relationships[r] = MakeRelationship(people[r], id, zones, today);
            if (c < commitments.Length && promised[c].Relationship == r)
            {
                commitments[c] = MakeCommitment(promised[c], id, today);
                c++;
            }
        }

        return (relationships, ids, commitments);
    }

    private static Relationship MakeRelationship(RelationshipSpec person, string id, DateTimeZone[] zones, LocalDate today)
    {
        string name = FirstNames[person.FirstName] + " " + LastNames[person.LastName];
        var relationship = new Relationship(id, name, Tiers[person.Tier]);

        if (person.Tag >= 0)
        {
            relationship = person.SecondTag < 0
                ? relationship.WithTags(Tags[person.Tag])
                : relationship.WithTags(Tags[person.Tag], Tags[person.SecondTag]);
        }

        if (person.Zone >= 0)
        {
            relationship = relationship.WithTimeZone(zones[person.Zone]);
        }

        if (person.Preferred >= 0)
        {
            relationship = person.SecondPreferred < 0
                ? relationship.WithPreferredChannels((Channel)person.Preferred)
                : relationship.WithPreferredChannels((Channel)person.Preferred, (Channel)person.SecondPreferred);
        }

        if (person.Rule >= 0)
        {
            relationship = relationship.WithRule(Overrides[person.Rule]);
        }

        return person.Status switch
        {
            RelationshipStatus.Archived => relationship.Archive(),
            RelationshipStatus.Paused => relationship.PauseUntil(today.PlusDays(person.PausedDays)),
            _ => relationship,
        };
    }

    private static Commitment MakeCommitment(CommitmentSpec promise, string id, LocalDate today)
    {
        var commitment = new Commitment(
            "c-" + id,
            id,
            today.PlusDays(promise.Days),
            Purposes[promise.Purpose],
            promise.Channel >= 0 ? (Channel)promise.Channel : null);

        return promise.Status switch
        {
            CommitmentStatus.Done => commitment.MarkDone(),
            CommitmentStatus.Dropped => commitment.Drop(),
            _ => commitment,
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

    /// <summary>A relationship as drawn: indexes into the tables above, -1 for none.</summary>
    private struct RelationshipSpec()
    {
        public byte FirstName;
        public byte LastName;

        /// <summary>An index in <see cref="Tiers"/>.</summary>
        public sbyte Tier;

        public sbyte Tag = -1;
        public sbyte SecondTag = -1;
        public sbyte Zone = -1;

        /// <summary>A <see cref="Channel"/>, or -1.</summary>
        public sbyte Preferred = -1;

        /// <summary>A <see cref="Channel"/>, or -1.</summary>
        public sbyte SecondPreferred = -1;

        /// <summary>An index in <see cref="Overrides"/>.</summary>
        public sbyte Rule = -1;

        public RelationshipStatus Status = RelationshipStatus.Active;

        /// <summary>When paused: until this many days after today.</summary>
        public short PausedDays;
    }

    /// <summary>A commitment as drawn.</summary>
    private readonly record struct CommitmentSpec(int Relationship, sbyte Channel, sbyte Days, byte Purpose, CommitmentStatus Status);

    /// <summary>A touch as drawn, in generation order.</summary>
    private struct DrawnTouch
    {
        /// <summary>How many days before today it is.</summary>
        public int DaysAgo;

        public TouchFields Fields;
    }

    /// <summary>A touch in date order: its relationship's index and its fields.</summary>
    private readonly record struct DatedTouch(int Relationship, TouchFields Fields);

    /// <summary>A touch's fields but its relationship and date, in one <see cref="int"/>.</summary>
    private readonly struct TouchFields
    {
        /// <summary>How many times of day there are: 08:00 to 18:00 by quarter hours.</summary>
        public const int Times = 41;

        // Bits 0-1 channel, 2 direction, 3 outcome, 4-6 medium, 7-10 summary + 1 (0: none), 11-16 time + 1 (0: none).
        private readonly int _bits;

        public TouchFields(Channel channel, Direction direction, Outcome outcome, int medium, int? summary, int? time)
        {
            _bits = (int)channel | ((int)direction << 2) | ((int)outcome << 3) | (medium << 4)
                | ((summary + 1 ?? 0) << 7) | ((time + 1 ?? 0) << 11);
        }

        public Channel Channel => (Channel)(_bits & 3);

        public Direction Direction => (Direction)((_bits >> 2) & 1);

        public Outcome Outcome => (Outcome)((_bits >> 3) & 1);

        /// <summary>An index in <see cref="Media"/>.</summary>
        public int Medium => (_bits >> 4) & 7;

        /// <summary>An index in <see cref="Summaries"/>, or <see langword="null"/>.</summary>
        public int? Summary => ((_bits >> 7) & 15) is var s and > 0 ? s - 1 : null;

        /// <summary>The time of day as 08:00 plus this many quarter hours, or <see langword="null"/>.</summary>
        public int? Time => ((_bits >> 11) & 63) is var t and > 0 ? t - 1 : null;
    }
}
