using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Cadence.Calendars;
using Cadence.Feed;
using Cadence.Levelling;
using Cadence.Planning;
using Cadence.Sample.Cli;
using NodaTime;
using NodaTime.TimeZones;

namespace Cadence.Sample.Store;

/// <summary>
/// Everything a data file holds: the library's <see cref="Cadence.Diary"/> (relationships, touches, commitments,
/// moves), cadence rules per tier that override the defaults, the owner's calendar, and the feed's secrets and
/// state. Immutable: the <c>With…</c> methods return changed copies.
/// </summary>
internal sealed record DiaryData
{
    /// <summary>The data file format this build writes and the newest it reads.</summary>
    public const int CurrentFormat = 1;

    public DiaryData(Diary diary)
    {
        Diary = diary;
    }

    public Diary Diary { get; init; }

    /// <summary>Cadence rules of tiers that differ from <see cref="CadenceRules.Default"/>, by tier name.</summary>
    public ImmutableSortedDictionary<string, CadenceRule> TierRules { get; init; } =
        ImmutableSortedDictionary.Create<string, CadenceRule>(StringComparer.OrdinalIgnoreCase);

    public OwnerSettings Owner { get; init; } = new();

    public FeedSettings Feed { get; init; } = new();

    /// <summary>Named follow-up ladders, by name (case-insensitive), each with the tiers it is the default for.</summary>
    public ImmutableSortedDictionary<string, NamedLadder> Ladders { get; init; } =
        ImmutableSortedDictionary.Create<string, NamedLadder>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The tiers whose relationships learn their own rhythm inside their rule (unless a relationship's own pacing says
    /// otherwise), by name (case-insensitive): the file's <c>learning</c>, set by <c>learn TIER [--off]</c>.
    /// </summary>
    public ImmutableSortedSet<string> LearningTiers { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The default rules with the file's overrides, the tiers' default ladders and the tiers that learn.</summary>
    public CadenceRules Rules
    {
        get
        {
            var rules = TierRules.Aggregate(CadenceRules.Default, (rules, pair) => rules.With(pair.Key, pair.Value));
            foreach (var named in Ladders.Values)
            {
                foreach (string tier in named.Tiers)
                {
                    rules = rules.WithLadder(tier, named.Ladder);
                }
            }

            return LearningTiers.Aggregate(rules, (rules, tier) => rules.WithLearning(tier));
        }
    }

    /// <summary>The scheduler's options: the rules, and the owner's calendar to count a ladder's working days on.</summary>
    public SchedulerOptions SchedulerOptions => SchedulerOptions.Default.WithRules(Rules).WithCalendar(Owner.ToCalendar());

    public DiaryData WithDiary(Diary diary) => this with { Diary = diary };

    /// <summary>
    /// The touches, each with an id: one without (a file written before touches had ids, or by hand) gets
    /// "relationship-id/n", n its place among its relationship's touches in the file, or the next free number.
    /// </summary>
    public static IReadOnlyList<Touch> WithIds(IReadOnlyList<Touch> touches)
    {
        var taken = touches.Select(t => t.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new Touch[touches.Count];
        for (int i = 0; i < touches.Count; i++)
        {
            var touch = touches[i];
            int n = counts[touch.RelationshipId] = counts.GetValueOrDefault(touch.RelationshipId) + 1;
            if (touch.Id is null)
            {
                string id;
                while (!taken.Add(id = $"{touch.RelationshipId}/{n.ToString(CultureInfo.InvariantCulture)}"))
                {
                    n++;
                }

                touch = touch.WithId(id);
            }

            result[i] = touch;
        }

        return result;
    }
}

/// <summary>A follow-up ladder of the data file, and the tiers whose outbound touches it follows up by default.</summary>
internal sealed record NamedLadder(FollowUpLadder Ladder, ImmutableArray<string> Tiers);

/// <summary>The owner's calendar as stored: a missing zone means the machine's time zone.</summary>
internal sealed record OwnerSettings
{
    public static readonly ImmutableArray<IsoDayOfWeek> MondayToFriday =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    /// <summary>An IANA time zone id, or <see langword="null"/> for the machine's.</summary>
    public string? Zone { get; init; }

    public ImmutableArray<IsoDayOfWeek> WorkingDays { get; init; } = MondayToFriday;

    public int PerDay { get; init; } = 10;

    public int? PerWeek { get; init; }

    public ImmutableArray<LocalDate> Holidays { get; init; } = [];

    public ImmutableArray<DateInterval> TimeOff { get; init; } = [];

    /// <summary>The time zone: the stored one, else the machine's.</summary>
    public DateTimeZone TimeZone => Zone is { } id ? Text.ParseZone(id) : MachineZone();

    /// <summary>The library's calendar (checked: a bad value throws with a message naming it).</summary>
    public OwnerCalendar ToCalendar()
    {
        var budget = new TouchBudget(PerDay).WithPerWeek(PerWeek);
        var calendar = new OwnerCalendar(TimeZone)
            .WithWorkingDays(WorkingDays)
            .WithHolidays(Holidays)
            .WithBudget(budget);
        foreach (var range in TimeOff)
        {
            calendar = calendar.WithTimeOff(range.Start, range.End);
        }

        return calendar;
    }

    /// <summary>The machine's time zone, or UTC when it has none the TZDB knows.</summary>
    public static DateTimeZone MachineZone()
    {
        try
        {
            return DateTimeZoneProviders.Tzdb.GetSystemDefault();
        }
        catch (DateTimeZoneNotFoundException)
        {
            return DateTimeZone.Utc;
        }
    }
}

/// <summary>The feed's secrets and memory.</summary>
internal sealed record FeedSettings
{
    /// <summary>The secret in the served feed's URL (base64url, at least 128 bits), or <see langword="null"/> before the first one.</summary>
    public string? Token { get; init; }

    /// <summary>The key feed UIDs are derived from (16+ bytes), or <see langword="null"/> before the first one.</summary>
    public ImmutableArray<byte> UidKey { get; init; } = [];

    /// <summary>The state of each kind of feed written ("events/full/365"), so SEQUENCE works across runs.</summary>
    public ImmutableSortedDictionary<string, FeedState> States { get; init; } =
        ImmutableSortedDictionary.Create<string, FeedState>(StringComparer.Ordinal);

    public FeedState StateOf(string profile) => States.TryGetValue(profile, out var state) ? state : FeedState.Empty;

    public FeedSettings WithState(string profile, FeedState state) => this with { States = States.SetItem(profile, state) };
}
