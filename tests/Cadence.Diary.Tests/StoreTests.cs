using System;
using System.IO;
using System.Linq;
using System.Text;
using Cadence.Sample.Cli;
using Cadence.Sample.Demo;
using Cadence.Sample.Store;
using NodaTime;

namespace Cadence.Sample.Tests;

/// <summary>The data file in process: atomic writes, a failure mid-write, and a faithful round trip.</summary>
public sealed class StoreTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    /// <summary>Holds the store's lock as another process would (an exclusive open of FILE.lock).</summary>
    private static FileStream HoldLock(DiaryStore store) =>
        new(store.LockPath, new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None });

    [Fact]
    public void AWriter_WaitsWhileTheQueueMoves_AndGivesUpOnlyWhenOneHolderIsStuck()
    {
        var store = new DiaryStore(_sandbox.Path("diary.json"), TextWriter.Null, lockTimeout: TimeSpan.FromSeconds(2));
        store.Create(DemoDiary.Create(new LocalDate(2026, 3, 13)));
        var owner = new DiaryStore(_sandbox.Path("diary.json"), TextWriter.Null);

        // Stuck: the lock held and the file unchanged for the whole wait.
        using (HoldLock(store))
        {
            var stuck = Assert.Throws<UserException>(() => store.Update(data => ((DiaryData?)null, 0)));
            Assert.Contains("is in use by another Cadence.Diary", stuck.Message, StringComparison.Ordinal);
        }

        // Moving: while the lock is held, other writers save (here, as the holder) every 0.1 s for 5 s, longer
        // than the 2 s wait; the writer waits them out and then writes.
        // The others run on a thread of their own, and the writer starts once they have saved once: on a loaded machine
        // a thread-pool task could start after the writer's whole wait (CI found it), which would be a stuck holder.
        var held = HoldLock(store);
        using var started = new System.Threading.ManualResetEventSlim();
        var others = new System.Threading.Thread(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                AtomicFile.Write(store.Path, DiaryJson.Write(owner.Load() with { Owner = owner.Load().Owner with { PerDay = 10 + (i % 5) } }));
                started.Set();
                System.Threading.Thread.Sleep(100);
            }

            held.Dispose();
        });
        others.Start();
        started.Wait();
        int written = store.Update(data => ((DiaryData?)(data with { Owner = data.Owner with { PerDay = 3 } }), 1));
        others.Join();

        Assert.Equal(1, written);
        Assert.Equal(3, store.Load().Owner.PerDay);
    }

    [Fact]
    public void AtomicWrite_WriterThrowsMidWrite_OldFileIntactAndNoTemporaryFileLeft()
    {
        string path = _sandbox.Path("diary.json");
        byte[] old = Encoding.UTF8.GetBytes("{\"format\": 1}\n");
        File.WriteAllBytes(path, old);

        var error = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(Encoding.UTF8.GetBytes("{\"format\": 1, \"relationships\": [ {\"id\": \"half"));
            stream.Flush();
            throw new IOException("No space left on device (simulated)");
        }));

        Assert.Contains("simulated", error.Message, StringComparison.Ordinal);
        Assert.Equal(old, File.ReadAllBytes(path));
        Assert.Equal(["diary.json"], Directory.GetFiles(_sandbox.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void AtomicWrite_ReplacesTheContentWhole()
    {
        string path = _sandbox.Path("feed.ics");
        File.WriteAllText(path, "a much longer old content than the new one");

        AtomicFile.Write(path, Encoding.UTF8.GetBytes("new"));

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_sandbox.Directory));
    }

    [Fact]
    public void Update_ChangeThrows_NothingWritten()
    {
        var store = new DiaryStore(_sandbox.Path("diary.json"));
        store.Create(DemoDiary.Create(new LocalDate(2026, 3, 13)));
        byte[] before = File.ReadAllBytes(store.Path);

        Assert.Throws<UserException>(() => store.Update<int>(data =>
        {
            _ = data.WithDiary(data.Diary.Log(new Touch("sam-okafor", new LocalDate(2026, 3, 13), Channel.Call)));
            throw new UserException("changed my mind");
        }));

        Assert.Equal(before, File.ReadAllBytes(store.Path));
    }

    [Fact]
    public void DataFile_RoundTrip_SameBytes()
    {
        var demo = DemoDiary.Create(new LocalDate(2026, 3, 13));
        byte[] written = DiaryJson.Write(demo);

        var read = DiaryJson.Read(written);

        Assert.Equal(written, DiaryJson.Write(read));
        Assert.Equal(demo.Diary.Relationships, read.Diary.Relationships);
        Assert.Equal(demo.Diary.Touches, read.Diary.Touches);
        Assert.Equal(demo.Diary.Commitments, read.Diary.Commitments);
        Assert.Equal(demo.Diary.Moves, read.Diary.Moves);
    }

    [Fact]
    public void DataFile_RulesAndTimedCommitments_RoundTrip()
    {
        string json = """
            {
              "format": 1,
              "rules": { "client": { "minGap": "P2W", "target": "P4W", "maxGap": "P6W" } },
              "relationships": [
                { "id": "zoe", "name": "Zoë", "tier": "client", "weekend": ["fri", "sat"], "zone": "Asia/Dubai",
                  "rule": { "minGap": "P1W", "target": "P2W", "maxGap": "P3W" } }
              ],
              "commitments": [ { "id": "zoe-1", "relationship": "zoe", "date": "2026-03-20", "time": "10:30", "what": "call back" } ]
            }
            """;

        var data = DiaryJson.Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal(CadenceRule.FromWeeks(2, 4, 6), data.Rules.For("client"));
        Assert.Equal(CadenceRule.FromWeeks(1, 2, 3), data.Diary["zoe"].Rule);
        Assert.Equal([IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday], data.Diary["zoe"].Weekend);
        Assert.Equal(new LocalTime(10, 30), data.Diary.Commitments[0].Time);
        Assert.Equal(DiaryJson.Write(data), DiaryJson.Write(DiaryJson.Read(DiaryJson.Write(data))));
    }

    [Theory]
    [InlineData("zoe-muller", "Zoë Müller")]
    [InlineData("tomislav-babic", "Tomislav Babić")]
    [InlineData("chloe-martin", "Chloé  Martin!")]
    [InlineData("soren-kierkegaard", "Søren Kierkegaard")]
    [InlineData("chenjing", "陈静")]
    [InlineData("aeneas-o-brien-strasse", "Æneas O’Brien-Straße")]
    [InlineData("slight-smile", "🙂")]
    [InlineData("contact", "!?")]
    public void Slug_MakesReadableAsciiIds(string expected, string name)
    {
        Assert.Equal(expected, Commands.EditCommands.Slug(name));
    }

    [Fact]
    public void AFormat1File_WrittenByTheHandWrittenWriter_IsReadAndWrittenBackByteForByte()
    {
        // Written by the sample before the data file moved to System.Text.Json DTOs: tier rules, a named ladder,
        // follow-ups ("none" and a ladder), an unless-reply step done by a reply, a commitment with a time, a pause,
        // a relationship's own rule and weekend, time off, a move, the feed's token, UID key and state.
        byte[] file = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "format1-diary.json"));

        var data = DiaryJson.Read(file);

        Assert.Equal(file, DiaryJson.Write(data));
        Assert.Equal("3wd:note,5wd:call", data.Ladders["prospect chase"].Ladder.FormatSteps());
        Assert.Contains(data.Diary.Commitments, c => c.Kind == CommitmentKind.UnlessReply && c.Status == CommitmentStatus.Done);
        Assert.Contains(data.Diary.Commitments, c => c.ClosedBy is not null);
        Assert.Contains(data.Diary.Touches, t => t.FollowUp is { IsNone: true });
        Assert.NotEmpty(data.Feed.States);
    }
}
