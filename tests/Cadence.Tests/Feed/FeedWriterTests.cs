using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Text;
using Cadence.Calendars;
using Cadence.Levelling;
using Cadence.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static Cadence.Tests.Feed.FeedFixtures;

namespace Cadence.Tests.Feed;

public class FeedWriterTests
{
    [Fact]
    public void Write_DefaultOptions_OneTransparentAllDayEventPerTouchInTheHorizon()
    {
        var plan = Plan();
        var (text, result) = Write(Options, plan);

        var events = Components(text);
        Assert.Equal(plan.Touches.Count, events.Count); // ann (paused 30 days) is within 365 days; old is archived
        Assert.Equal(4, result.Components);
        foreach (var (touch, ev) in plan.Touches.Zip(events))
        {
            Assert.Equal(touch.Due.ToString("yyyyMMdd", null), Get(ev, "DTSTART"));
            Assert.Equal(touch.Due.PlusDays(1).ToString("yyyyMMdd", null), Get(ev, "DTEND"));
            Assert.Contains(("VALUE", "DATE"), ev.First(p => p.Name == "DTSTART").Parameters);
            Assert.Equal("TRANSPARENT", Get(ev, "TRANSP"));
            Assert.Equal(touch.Title, Text(ev, "SUMMARY"));
            Assert.StartsWith(IcsReader.Expected(touch.DatedWhy), Text(ev, "DESCRIPTION"), StringComparison.Ordinal);
            Assert.DoesNotContain(ev, p => p.Name is "ATTENDEE" or "ORGANIZER");
        }
    }

    [Fact]
    public void Write_AnyFeed_HasTheCalendarPropertiesAndNoMethod()
    {
        var (text, _) = Write(Options.WithRefreshInterval(Duration.FromHours(6)), Plan());

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", text, StringComparison.Ordinal);
        Assert.Contains("\r\nNAME:Cadence\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nX-WR-CALNAME:Cadence\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nDESCRIPTION:Whom to contact\\, and why\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nX-PUBLISHED-TTL:PT6H\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("METHOD:", text, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_HostileText_CannotAddAComponentOrProperty()
    {
        var (text, _) = Write(Options, Plan());

        var lines = IcsReader.Unfold(Encoding.UTF8.GetBytes(text));
        Assert.Equal(4, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.Equal(4, lines.Count(l => l == "END:VEVENT"));
        Assert.DoesNotContain(lines, l => l.StartsWith("SUMMARY:injected", StringComparison.Ordinal));
        var sam = Components(text).Single(e => Text(e, "SUMMARY") == "Call Sam Okafor");
        Assert.Contains("chase feedback\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected", Text(sam, "DESCRIPTION"), StringComparison.Ordinal);
        var zoe = Components(text).Single(e => Text(e, "SUMMARY") == "Call " + HostileName);
        Assert.Contains("Talked about Q2;\nbudget, \"maybe\"", Text(zoe, "DESCRIPTION"), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SameDataTwice_ByteIdenticalAndUnchangedState()
    {
        var plan = Plan();
        var (first, r1) = Write(Options, plan);
        var (second, r2) = Write(Options, plan, r1.State, Now.Plus(Duration.FromDays(1)));

        Assert.Equal(first, second);
        Assert.False(r2.Changed);
        Assert.Equal(r1.State.Entries, r2.State.Entries);
        Assert.Equal(r1.State.LastModified, r2.State.LastModified);
    }

    [Fact]
    public void Write_CommitmentMoved_SameUidSequenceUpOthersUntouched()
    {
        var diary = Diary();
        var (before, r1) = Write(Options, Plan(diary));
        var moved = diary.Update(diary.Commitments.Single().MoveTo(Today.PlusDays(5)));
        var later = Now.Plus(Duration.FromHours(3));
        var (after, r2) = Write(Options, Plan(moved), r1.State, later);

        var samBefore = Components(before).Single(e => Text(e, "SUMMARY") == "Call Sam Okafor");
        var samAfter = Components(after).Single(e => Text(e, "SUMMARY") == "Call Sam Okafor");
        Assert.Equal(Get(samBefore, "UID"), Get(samAfter, "UID"));
        Assert.Equal("0", Get(samBefore, "SEQUENCE"));
        Assert.Equal("1", Get(samAfter, "SEQUENCE"));
        Assert.Equal("20260318", Get(samAfter, "DTSTART"));
        Assert.Equal("20260313T103000Z", Get(samAfter, "LAST-MODIFIED"));
        Assert.Equal("20260313T103000Z", Get(samAfter, "DTSTAMP"));
        Assert.True(r2.Changed);
        Assert.Equal(later, r2.State.LastModified);

        var othersBefore = Components(before).Where(e => Get(e, "UID") != Get(samBefore, "UID"));
        var othersAfter = Components(after).Where(e => Get(e, "UID") != Get(samBefore, "UID"));
        Assert.Equal(othersBefore.Select(e => string.Join("|", e.Select(p => p.Name + ":" + p.Value))), othersAfter.Select(e => string.Join("|", e.Select(p => p.Name + ":" + p.Value))));
    }

    [Fact]
    public void Write_CommitmentDone_ItsEventLeavesAndTheCadenceTouchTakesANewUid()
    {
        var diary = Diary();
        var (before, r1) = Write(Options, Plan(diary));
        var done = diary.Update(diary.Commitments.Single().MarkDone());
        var (after, r2) = Write(Options, Plan(done), r1.State, Now.Plus(Duration.FromHours(1)));

        string pinnedUid = Get(Components(before).Single(e => Text(e, "SUMMARY") == "Call Sam Okafor"), "UID");
        Assert.DoesNotContain(Components(after), e => Get(e, "UID") == pinnedUid);
        Assert.False(r2.State.TryGet(pinnedUid, out _));
        var sam = Components(after).Single(e => Text(e, "SUMMARY").EndsWith("Sam Okafor", StringComparison.Ordinal));
        Assert.Equal("0", Get(sam, "SEQUENCE"));
        Assert.True(r2.Changed);
    }

    [Fact]
    public void Write_TouchLogged_OldEventLeavesNewOneAppears()
    {
        var diary = Diary();
        var (before, r1) = Write(Options, Plan(diary));
        var logged = diary.Log(new Touch("zoe", Today, Channel.Call));
        var (after, _) = Write(Options, Plan(logged), r1.State, Now.Plus(Duration.FromHours(1)));

        string oldUid = Get(Components(before).Single(e => Text(e, "SUMMARY") == "Call " + HostileName), "UID");
        var zoe = Components(after).Single(e => Text(e, "SUMMARY") == "Call " + HostileName);
        Assert.NotEqual(oldUid, Get(zoe, "UID"));
        Assert.Equal("20260412", Get(zoe, "DTSTART")); // called today: due again in 30 days
    }

    [Fact]
    public void Write_TouchRescheduledByTheNextDaysPlan_KeepsItsUid()
    {
        // Zoë is overdue: tomorrow's plan moves her to tomorrow, the same planned touch.
        var (today, r1) = Write(Options, Plan());
        var (tomorrow, r2) = Write(Options, Plan(today: Today.PlusDays(1)), r1.State, Now.Plus(Duration.FromDays(1)));

        var before = Components(today).Single(e => Text(e, "SUMMARY") == "Call " + HostileName);
        var after = Components(tomorrow).Single(e => Text(e, "SUMMARY") == "Call " + HostileName);
        Assert.Equal(Get(before, "UID"), Get(after, "UID"));
        Assert.Equal("20260314", Get(after, "DTSTART"));
        Assert.Equal("1", Get(after, "SEQUENCE"));
        Assert.True(r2.Changed);
    }

    [Fact]
    public void Write_NameChanged_SequenceUpAndLastModifiedMoves()
    {
        var diary = Diary();
        var (_, r1) = Write(Options, Plan(diary));
        var renamed = diary.Update(diary["li"].WithName("Li Na"));
        var later = Now.Plus(Duration.FromMinutes(5));
        var (after, _) = Write(Options, Plan(renamed), r1.State, later);

        var li = Components(after).Single(e => Text(e, "SUMMARY").EndsWith("Li Na", StringComparison.Ordinal));
        Assert.Equal("1", Get(li, "SEQUENCE"));
        Assert.Equal("20260313T073500Z", Get(li, "DTSTAMP"));
    }

    [Fact]
    public void Write_ClockBehindThePreviousWrite_LastModifiedNeverGoesBackwards()
    {
        var diary = Diary();
        var (_, r1) = Write(Options, Plan(diary));
        var renamed = diary.Update(diary["li"].WithName("Li Na"));
        var (_, r2) = Write(Options, Plan(renamed), r1.State, Now.Minus(Duration.FromHours(2)));

        Assert.True(r2.Changed);
        Assert.Equal(Now, r2.State.LastModified);
    }

    [Fact]
    public void Write_Uids_RevealNoNameOrIdAndDependOnTheKey()
    {
        var (text, result) = Write(Options, Plan());
        var (other, _) = Write(new FeedOptions("Cadence", Enumerable.Repeat((byte)7, 32).ToArray()), Plan());

        var uids = Components(text).Select(e => Get(e, "UID")).ToList();
        Assert.Equal(uids.Count, uids.Distinct().Count());
        Assert.All(uids, uid =>
        {
            Assert.Matches("^[a-z2-7]{32}@cadence$", uid);
            Assert.DoesNotContain("zoe", uid, StringComparison.Ordinal);
            Assert.DoesNotContain("sam", uid, StringComparison.Ordinal);
        });
        Assert.Empty(uids.Intersect(Components(other).Select(e => Get(e, "UID"))));
        Assert.Equal(uids.Order(StringComparer.Ordinal), result.State.Entries.Select(e => e.Uid));
    }

    [Theory]
    [InlineData(FeedLayout.Events)]
    [InlineData(FeedLayout.Tasks)]
    [InlineData(FeedLayout.DailyDigest)]
    public void Write_LongNonAsciiIdsAndTimesWithSeconds_UidsAreTheKeyedBlake3HashOfTheirMaterial(FeedLayout layout)
    {
        // Ids of 200 characters, most of them three or four bytes in UTF-8, and a last touch at 09:05:07.
        string zoe = "zoë-😀-" + new string('中', 193);
        string commitment = "c-" + string.Concat(Enumerable.Repeat("😀", 99));
        var diary = new Diary(
            [new Relationship(zoe, "Zoë Müller", "client"), new Relationship("sam", "Sam Okafor", "prospect"), new Relationship("li", "李娜", "client"), new Relationship("ann", "Ann Berg", "client")],
            [new Touch(zoe, Today.PlusDays(-41), Channel.Meeting, time: new LocalTime(9, 5, 7)), new Touch("li", Today.PlusDays(-3), Channel.Call)],
            [new Commitment(commitment, "sam", Today.PlusDays(3), "chase feedback")]);
        var plan = Plan(diary);
        byte[] key = Enumerable.Range(0, 100).Select(i => (byte)(i * 7)).ToArray();
        string kind = layout == FeedLayout.Tasks ? "VTODO" : "VEVENT";

        var (text, _) = Write(new FeedOptions("Cadence", key).WithLayout(layout), plan);

        var touches = plan.Touches.Select(t => UidMaterial(t, kind)).ToList();
        Assert.Contains(touches, m => m.StartsWith(kind + "\ncadence\n" + zoe + "\n", StringComparison.Ordinal) && m.EndsWith("T09:05:07", StringComparison.Ordinal));
        Assert.Contains(touches, m => m.EndsWith("\ncommitment\nsam\n" + commitment, StringComparison.Ordinal));
        Assert.Contains(touches, m => m.EndsWith("\ncadence\nann\nfirst", StringComparison.Ordinal));
        var materials = layout == FeedLayout.DailyDigest
            ? plan.Touches.Select(t => t.Due).Distinct().Select(DigestUidMaterial).ToList()
            : touches;
        Assert.Equal(materials.Select(m => ExpectedUid(key, m)), Components(text, kind).Select(e => Get(e, "UID")));
    }

    [Fact]
    public void Write_Horizon_LeavesOutTouchesDueLater()
    {
        var plan = Plan();
        var (text, result) = Write(Options.WithHorizonDays(1), plan);

        var events = Components(text);
        Assert.Equal(plan.Touches.Count(t => t.Due == Today), events.Count);
        Assert.All(events, e => Assert.Equal("20260313", Get(e, "DTSTART")));
        Assert.Equal(events.Count, result.Components);
    }

    [Fact]
    public void Write_InitialsPrivacy_NoFullNameAnywhere()
    {
        var (text, _) = Write(Options.WithPrivacy(FeedPrivacy.Initials), Plan());

        Assert.DoesNotContain("Müller", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Okafor", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Talked about Q2", text, StringComparison.Ordinal);
        var summaries = Components(text).Select(e => Text(e, "SUMMARY")).ToList();
        Assert.Contains("Call Z. Z. M. C. A.", summaries);
        Assert.Contains("Call S. O.", summaries);
        Assert.Contains("Call 李.", summaries);
    }

    [Theory]
    [InlineData(FeedLayout.Events)]
    [InlineData(FeedLayout.DailyDigest)]
    public void Write_FullNames_NeverWritesARelationshipsNote(FeedLayout layout)
    {
        var diary = Diary();
        foreach (var r in diary.Relationships)
        {
            diary = diary.Update(r.Id, x => x.WithNote($"SECRET-{r.Id}\nprivate line").WithImportantDates(ImportantDate.Yearly("birthday", new AnnualDate(4, 15))));
        }

        var (text, _) = Write(Options.WithLayout(layout).WithYearlyDates(true), Plan(diary));

        Assert.Contains("Müller", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", text, StringComparison.Ordinal);
        Assert.DoesNotContain("private line", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ChannelOnlyPrivacy_OnlyTheChannel()
    {
        var (text, _) = Write(Options.WithPrivacy(FeedPrivacy.ChannelOnly), Plan());

        var events = Components(text);
        Assert.Equal(Plan().Touches.Select(t => t.Channel == Channel.Meeting ? "Meet" : t.Channel == Channel.Call ? "Call" : "Write a note"), events.Select(e => Text(e, "SUMMARY")));
        Assert.All(events, e => Assert.DoesNotContain(e, p => p.Name == "DESCRIPTION"));
        foreach (string secret in new[] { "Zo", "Sam", "李", "Ann", "client", "prospect", "chase" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_DailyDigest_OneEventPerDayListingItsTouches()
    {
        var plan = Plan();
        var (text, _) = Write(Options.WithLayout(FeedLayout.DailyDigest), plan);

        var events = Components(text);
        var days = plan.Touches.GroupBy(t => t.Due).ToList();
        Assert.Equal(days.Count, events.Count);
        foreach (var (day, ev) in days.Zip(events))
        {
            Assert.Equal(day.Key.ToString("yyyyMMdd", null), Get(ev, "DTSTART"));
            string description = Text(ev, "DESCRIPTION");
            Assert.Equal(day.Count(), description.Split('\n').Count(line => line.StartsWith("• ", StringComparison.Ordinal)));
            Assert.All(day, t => Assert.Contains("• " + t.Title + ": " + IcsReader.Expected(t.DatedWhy), description, StringComparison.Ordinal));
            Assert.StartsWith(day.Count() == 1 ? "Cadence: 1 touch" : $"Cadence: {day.Count()} touches", Text(ev, "SUMMARY"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_TasksLayout_VTodosWithDueDatesAndNoEvents()
    {
        var plan = Plan();
        var (text, events) = Write(Options.WithLayout(FeedLayout.Tasks), plan);

        Assert.Empty(Components(text));
        var todos = Components(text, "VTODO");
        Assert.Equal(plan.Touches.Count, todos.Count);
        Assert.Equal(plan.Touches.Select(t => t.Due.ToString("yyyyMMdd", null)), todos.Select(t => Get(t, "DUE")));
        Assert.All(todos, t => Assert.Equal("NEEDS-ACTION", Get(t, "STATUS")));
        Assert.Empty(Write(Options, plan).Result.State.Entries.Select(e => e.Uid).Intersect(events.State.Entries.Select(e => e.Uid)));
    }

    [Fact]
    public void Write_Alarm_EachEventGetsADisplayAlarm()
    {
        var (text, _) = Write(Options.WithAlarm(Duration.FromHours(9)), Plan());

        var alarms = Components(text, "VALARM");
        Assert.Equal(4, alarms.Count);
        Assert.All(alarms, a =>
        {
            Assert.Equal("DISPLAY", Get(a, "ACTION"));
            Assert.Equal("PT9H", Get(a, "TRIGGER"));
        });
        Assert.DoesNotContain("VALARM", Write(Options, Plan()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TimedCommitment_WrittenInUtcAcrossDst()
    {
        // 27 Mar 2026 is after the UK clocks go forward (29 Mar)? No: before. 30 Mar is after: 10:00 BST = 09:00 UTC.
        // Sam met yesterday too, so 30 Mar is inside the cadence and the promise pins the day (one later than the cadence
        // allows follows the cadence's own touch instead).
        var diary = Diary().Log(new Touch("sam", FeedFixtures.Today.PlusDays(-1), Channel.Meeting));
        var timed = diary.Update(diary.Commitments.Single().MoveTo(new LocalDate(2026, 3, 30), new LocalTime(10, 0)));
        var london = DateTimeZoneProviders.Tzdb["Europe/London"];
        var (text, _) = Write(Options.WithTimeZone(london).WithTimedDuration(Duration.FromMinutes(45)), Plan(timed));

        var sam = Components(text).Single(e => Text(e, "SUMMARY") == "Call Sam Okafor");
        Assert.Equal("20260330T090000Z", Get(sam, "DTSTART"));
        Assert.Equal("20260330T094500Z", Get(sam, "DTEND"));
        Assert.Empty(sam.First(p => p.Name == "DTSTART").Parameters);
        Assert.Equal("OPAQUE", Get(sam, "TRANSP"));

        var winter = diary.Update(diary.Commitments.Single().MoveTo(new LocalDate(2026, 3, 27), new LocalTime(10, 0)));
        var (winterText, _) = Write(Options.WithTimeZone(london), Plan(winter));
        Assert.Equal("20260327T100000Z", Get(Components(winterText).Single(e => Text(e, "SUMMARY") == "Call Sam Okafor"), "DTSTART"));
    }

    [Fact]
    public void Write_TimedTouchWithoutTimeZone_ThrowsNamingTheTouch()
    {
        var diary = Diary();
        var timed = diary.Update(diary.Commitments.Single().MoveTo(Today.PlusDays(3), new LocalTime(10, 0)));

        var ex = Assert.Throws<InvalidOperationException>(() => Write(Options, Plan(timed)));
        Assert.Contains("\"sam\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("WithTimeZone", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A write makes each touch's reasons where it words the description and keeps none (a plan made to be written
    /// does not hold a hundred thousand arrays afterwards), and its bytes are those of the same plan whose reasons were
    /// made first and are read back: over every-feature diaries, levelled, in every layout.
    /// </summary>
    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property Write_ReasonsMadeOrNot_SameBytes_AndTheWriteKeepsNone() =>
        Prop.ForAll(
            (from s in AllFeatures.Scenario
             from layout in Gen.Elements(FeedLayout.Events, FeedLayout.Tasks, FeedLayout.DailyDigest)
             from cached in Gen.Elements(false, true)
             select (s, layout, cached)).ToArbitrary(),
            x =>
            {
                var (s, layout, cached) = x;
                var calendar = s.Options.Calendar ?? new OwnerCalendar(DateTimeZone.Utc);
                var writer = new FeedWriter(new FeedOptions("Cadence", Key).WithLayout(layout).WithTimeZone(calendar.TimeZone).WithEventCache(cached));
                Schedule Plan() => new Leveller(calendar).Level(new Scheduler(s.Options).Plan(s.Diary, s.Today));
                var now = s.Today.At(new LocalTime(7, 0)).InUtc().ToInstant();
                var fresh = Plan();
                var read = Plan();
                foreach (var touch in read.Touches)
                {
                    _ = touch.Reasons;
                }

                writer.Write(fresh, FeedState.Empty, now, out string freshText);
                writer.Write(read, FeedState.Empty, now, out string readText);

                Assert.Equal(readText, freshText);
                Assert.All(fresh.Touches, t => Assert.False(t.ReasonsMade));
                return true.Classify(fresh.Touches.Count > 0, "touches written");
            });

    /// <summary>
    /// The feed reads no touch to look for a time of day when the plan says none can have one (no commitment in the
    /// diary has a time): over every-feature diaries, a plan or levelled plan that says so has no timed touch, and one
    /// whose diary has a timed commitment says it may.
    /// </summary>
    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property Plan_SaysItHasNoTimes_OnlyWhenNoTouchHasOne() =>
        Prop.ForAll(
            AllFeatures.Scenario.ToArbitrary(),
            s =>
            {
                var plan = new Scheduler(s.Options).Plan(s.Diary, s.Today);
                var levelled = new Leveller(s.Options.Calendar ?? new OwnerCalendar(DateTimeZone.Utc)).Level(plan);
                bool timedCommitment = s.Diary.Commitments.Any(c => c.Time is not null);
                Assert.Equal(timedCommitment, plan.MayHaveTimes);
                Assert.Equal(plan.MayHaveTimes, levelled.MayHaveTimes);
                Assert.True(plan.MayHaveTimes || plan.Touches.All(t => t.Time is null));
                Assert.True(levelled.MayHaveTimes || levelled.Touches.All(t => t.Time is null));
                return true.Classify(plan.Touches.Any(t => t.Time is not null), "a timed touch");
            });

    [Fact]
    public void Write_TimedTouchWithoutTimeZone_RefusedBeforeAnyByteEvenAfterACachedWriteOfTheSameRelationship()
    {
        // The check skips only the touches the previous (cached) write wrote itself, at the same position: a touch of
        // the same relationship that is now at a time is another touch, so it is refused, and nothing is written.
        var writer = new FeedWriter(Options.WithEventCache(true));
        var diary = Diary();
        var untimed = Plan(diary);
        var first = writer.Write(untimed, FeedState.Empty, FeedFixtures.Now, new MemoryStream());
        var again = writer.Write(untimed, first.State, FeedFixtures.Now, new MemoryStream());
        var timed = Plan(diary.Update(diary.Commitments.Single().MoveTo(Today.PlusDays(3), new LocalTime(10, 0))));

        var output = new MemoryStream();
        var ex = Assert.Throws<InvalidOperationException>(() => writer.Write(timed, again.State, FeedFixtures.Now, output));

        Assert.Equal(untimed.Touches.Count, again.Reused);
        Assert.Contains("\"sam\"", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void Write_TimedTouchWithoutTimeZone_PastTheHorizonOrAsATask_IsNotRefused()
    {
        var diary = Diary();
        var timed = Plan(diary.Update(diary.Commitments.Single().MoveTo(Today.PlusDays(3), new LocalTime(10, 0))));
        var sam = timed.Touches.Single(t => t.RelationshipId == "sam");
        Assert.NotNull(sam.Time);

        var (beyond, beyondResult) = Write(Options.WithHorizonDays(3), timed);
        var (tasks, _) = Write(Options.WithLayout(FeedLayout.Tasks), timed);

        Assert.Equal(timed.Touches.Count(t => t.Due < Today.PlusDays(3)), beyondResult.Components);
        Assert.DoesNotContain(Components(beyond), e => Text(e, "SUMMARY") == "Call Sam Okafor");
        Assert.Contains(Components(tasks, "VTODO"), e => Text(e, "SUMMARY") == "Call Sam Okafor");
    }

    [Fact]
    public void Write_ToStreamAndToBufferWriter_SameBytes()
    {
        var plan = Plan();
        var writer = new FeedWriter(Options);
        var buffer = new ArrayBufferWriter<byte>();
        writer.Write(plan, FeedState.Empty, Now, buffer);
        using var stream = new MemoryStream();
        writer.Write(plan, FeedState.Empty, Now, stream);

        Assert.Equal(buffer.WrittenSpan.ToArray(), stream.ToArray());
        Assert.False(stream.ToArray().AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
    }

    [Fact]
    public void Write_LargeFeedToStream_WritesInBoundedChunks()
    {
        var relationships = Enumerable.Range(0, 3000).Select(i => new Relationship("r" + i, "Person number " + i, "client"));
        var plan = new Scheduler().Plan(new Diary(relationships), Today);
        using var stream = new ChunkRecordingStream();

        new FeedWriter(Options).Write(plan, FeedState.Empty, Now, stream);

        Assert.True(stream.Length > 1_000_000, $"only {stream.Length} bytes");
        Assert.True(stream.Writes > 10);
        Assert.True(stream.LargestWrite <= 64 * 1024, $"a write of {stream.LargestWrite} bytes");
    }

    private sealed class ChunkRecordingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public int LargestWrite { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            LargestWrite = Math.Max(LargestWrite, count);
            base.Write(buffer, offset, count);
        }
    }
}
