using System;
using System.Linq;
using System.IO;
using System.Text;
using NodaTime;
using static Cadence.Tests.Feed.FeedFixtures;

namespace Cadence.Tests.Feed;

/// <summary>
/// Whole feeds compared byte for byte with reviewable files in Golden/. When a change is intended, run the tests
/// with CADENCE_UPDATE_GOLDEN=1 to rewrite them, and review the diff; a mismatch also leaves a .actual.ics file.
/// </summary>
public class GoldenFeedTests
{
    /// <summary>
    /// The golden files in the source tree (found from the test binaries upwards, since CI builds map source paths),
    /// falling back to the copies next to the binaries.
    /// </summary>
    private static string GoldenDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cadence.Tests.csproj")))
            {
                return Path.Combine(dir.FullName, "Feed", "Golden");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "Feed", "Golden");
    }

    private static void AssertGolden(string name, string actual)
    {
        string path = Path.Combine(GoldenDirectory(), name + ".ics");
        string actualPath = Path.Combine(GoldenDirectory(), name + ".actual.ics");
        if (Environment.GetEnvironmentVariable("CADENCE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(actual));
        }

        Assert.True(File.Exists(path), $"No golden file {path}: run the tests with CADENCE_UPDATE_GOLDEN=1 to create it.");
        string expected = Encoding.UTF8.GetString(File.ReadAllBytes(path));
        if (expected != actual)
        {
            File.WriteAllBytes(actualPath, new UTF8Encoding(false).GetBytes(actual));
        }
        else if (File.Exists(actualPath))
        {
            File.Delete(actualPath);
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Write_Events_MatchesGolden() => AssertGolden("events", Write(Options, Plan()).Text);

    [Fact]
    public void Write_EventsWithAlarmAndTimedCommitment_MatchesGolden()
    {
        // Sam met yesterday too, so 30 Mar is inside the cadence and the promise pins the day.
        var diary = Diary().Log(new Touch("sam", FeedFixtures.Today.PlusDays(-1), Channel.Meeting));
        var timed = diary.Update(diary.Commitments.Single().MoveTo(new LocalDate(2026, 3, 30), new LocalTime(10, 0)));
        var options = Options.WithAlarm(Duration.FromMinutes(-15)).WithTimeZone(DateTimeZoneProviders.Tzdb["Europe/London"]);
        AssertGolden("events-alarm-timed", Write(options, Plan(timed)).Text);
    }

    [Fact]
    public void Write_Initials_MatchesGolden() => AssertGolden("initials", Write(Options.WithPrivacy(FeedPrivacy.Initials), Plan()).Text);

    [Fact]
    public void Write_ChannelOnly_MatchesGolden() => AssertGolden("channel-only", Write(Options.WithPrivacy(FeedPrivacy.ChannelOnly), Plan()).Text);

    [Fact]
    public void Write_DailyDigest_MatchesGolden() => AssertGolden("digest", Write(Options.WithLayout(FeedLayout.DailyDigest), Plan()).Text);

    [Fact]
    public void Write_Tasks_MatchesGolden() => AssertGolden("tasks", Write(Options.WithLayout(FeedLayout.Tasks), Plan()).Text);

    [Fact]
    public void Write_AfterACommitmentMoved_MatchesGolden()
    {
        var diary = Diary();
        var first = Write(Options, Plan(diary));
        var moved = diary.Update(diary.Commitments.Single().MoveTo(Today.PlusDays(5)));
        AssertGolden("events-moved", Write(Options, Plan(moved), first.Result.State, Now.Plus(Duration.FromHours(3))).Text);
    }
}
