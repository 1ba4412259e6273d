using System;
using System.IO.Hashing;
using System.Linq;
using System.Text;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Cadence.Tests.Feed;

/// <summary>A generated diary, the options to write its feed with, and the hostile name given to the feed and a relationship.</summary>
public sealed record FeedCase(Scenario Scenario, FeedOptions Options, string Name);

/// <summary>Feed invariants over generated diaries with hostile names and options.</summary>
[Properties(Arbitrary = new[] { typeof(FeedProperties) }, MaxTest = Generators.Runs, QuietOnSuccess = true)]
public class FeedProperties
{
    private static Gen<FeedCase> Feeds =>
        from s in Generators.Scenario
        from name in ContentLineWriterProperties.HostileText.Select(AsAName).Where(n => !string.IsNullOrWhiteSpace(n))
        from horizon in Gen.Choose(1, 120)
        from privacy in Gen.Elements(FeedPrivacy.FullNames, FeedPrivacy.Initials, FeedPrivacy.ChannelOnly)
        from layout in Gen.Elements(FeedLayout.Events, FeedLayout.DailyDigest, FeedLayout.Tasks)
        from alarm in Gen.Elements<Duration?>(null, Duration.FromHours(9), Duration.FromMinutes(-15))
        from keyLength in Gen.Elements(FeedOptions.MinUidKeyBytes, 32, 64, 65, 200)
        from key in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), keyLength)
        from yearlyDates in Gen.Elements(false, true)
        select new FeedCase(
            s with { Diary = Rename(s.Diary, name) },
            new FeedOptions(name, key).WithHorizonDays(horizon).WithPrivacy(privacy).WithLayout(layout).WithAlarm(alarm).WithYearlyDates(yearlyDates).WithTimeZone(DateTimeZoneProviders.Tzdb["America/New_York"]),
            name);

    /// <summary>
    /// Hostile text as the library takes a name: line breaks and tabs kept, the control characters it refuses (ESC,
    /// NUL, BEL, DEL, C1) left out. The content line writer's own properties cover those.
    /// </summary>
    private static string AsAName(string text) => new([.. text.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r')]);

    /// <summary>Gives the first relationship the hostile name too.</summary>
    private static Diary Rename(Diary diary, string name) => diary.Update(diary.Relationships[0].WithName(name));

    /// <summary>The properties' arbitrary: a <see cref="FeedCase"/> parameter gets one of <see cref="Feeds"/>.</summary>
    public static Arbitrary<FeedCase> FeedCases => Feeds.ToArbitrary();

    private static (byte[] Bytes, FeedResult Result, Plan Plan) Write(FeedCase x, FeedState? previous = null)
    {
        var plan = new Scheduler(x.Scenario.Options).Plan(x.Scenario.Diary, x.Scenario.Today);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var result = new FeedWriter(x.Options).Write(plan, previous ?? FeedState.Empty, Instant.FromUtc(2030, 1, 1, 0, 0), buffer);
        return (buffer.WrittenSpan.ToArray(), result, plan);
    }

    [Property]
    public bool Write_AnyDiaryAndOptions_WellFormedLines(FeedCase x)
    {
        var (bytes, _, _) = Write(x);
        IcsReader.Decode(bytes);
        var lines = IcsReader.Unfold(bytes);
        return IcsReader.PhysicalLines(bytes).All(l => l.Length <= 75)
            && lines.All(l => IcsReader.Parse(l).Name.Length > 0)
            && lines[0] == "BEGIN:VCALENDAR" && lines[^1] == "END:VCALENDAR";
    }

    [Property]
    public bool Write_AnyDiaryAndOptions_OneComponentPerTouchOrDayInTheHorizonWithUniqueUids(FeedCase x)
    {
        var (bytes, result, plan) = Write(x);
        string text = Encoding.UTF8.GetString(bytes);
        string kind = x.Options.Layout == FeedLayout.Tasks ? "VTODO" : "VEVENT";
        var components = FeedFixtures.Components(text, kind);
        var inHorizon = plan.Touches.Where(t => t.Due < plan.Today.PlusDays(x.Options.HorizonDays)).ToList();
        int expected = x.Options.Layout == FeedLayout.DailyDigest ? inHorizon.Select(t => t.Due).Distinct().Count() : inHorizon.Count;
        var uids = components.Select(c => FeedFixtures.Get(c, "UID")).ToList();
        return components.Count == expected
            && result.Components == expected
            && uids.Distinct().Count() == uids.Count
            && uids.Order(StringComparer.Ordinal).SequenceEqual(result.State.Entries.Select(e => e.Uid));
    }

    [Property]
    public bool Write_AnyDiaryKeyAndLayout_EachUidIsTheKeyedBlake3HashOfItsMaterial(FeedCase x)
    {
        var (bytes, _, plan) = Write(x);
        string kind = x.Options.Layout == FeedLayout.Tasks ? "VTODO" : "VEVENT";
        var uids = FeedFixtures.Components(Encoding.UTF8.GetString(bytes), kind).Select(c => FeedFixtures.Get(c, "UID"));
        var inHorizon = plan.Touches.Where(t => t.Due < plan.Today.PlusDays(x.Options.HorizonDays)).ToList();
        var materials = x.Options.Layout == FeedLayout.DailyDigest
            ? inHorizon.Select(t => t.Due).Distinct().Select(FeedFixtures.DigestUidMaterial)
            : inHorizon.Select(t => FeedFixtures.UidMaterial(t, kind));
        return uids.SequenceEqual(materials.Select(m => FeedFixtures.ExpectedUid(x.Options.UidKey, m)));
    }

    [Property]
    public bool Write_AnyDiaryAndOptions_EachContentHashIsTheXxHash64OfTheEventsBody(FeedCase x)
    {
        var (bytes, result, _) = Write(x);
        var bodies = FeedFixtures.Bodies(Encoding.UTF8.GetString(bytes), x.Options.Layout == FeedLayout.Tasks ? "VTODO" : "VEVENT");
        return bodies.Count == result.Components
            && result.State.Entries.All(e => e.ContentHash == XxHash64.HashToUInt64(bodies[e.Uid]));
    }

    [Property]
    public bool Write_AnyDiary_NameReadsBackExactlyAsWritten(FeedCase x)
    {
        var (bytes, _, _) = Write(x);
        var lines = IcsReader.Unfold(bytes).Select(IcsReader.Parse).ToList();
        string calendarName = IcsReader.UnescapeText(lines.First(l => l.Name == "NAME").Value).Single();
        return calendarName == IcsReader.Expected(x.Name);
    }

    [Property]
    public bool Write_SameInputWithItsOwnState_ByteIdentical(FeedCase x)
    {
        var first = Write(x);
        var second = Write(x, first.Result.State);
        return first.Bytes.AsSpan().SequenceEqual(second.Bytes) && !second.Result.Changed;
    }
}
