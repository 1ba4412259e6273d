using Cadence.Feed;
using Cadence.Sample.Cli;
using Cadence.Sample.Feed;
using Cadence.Sample.Store;

namespace Cadence.Sample.Commands;

/// <summary><c>feed</c> (an .ics file) and <c>serve</c> (the feed over HTTP).</summary>
internal static class FeedCommands
{
    public static int Feed(App app, Invocation invocation)
    {
        string output = invocation.Get("out")!;
        if (string.IsNullOrWhiteSpace(output))
        {
            throw new UsageException("--out needs a file name.");
        }

        var profile = FeedProfile.From(invocation);
        var now = app.Clock.GetCurrentInstant();
        FeedResult result;
        if (app.ReadStore(invocation) is { } store)
        {
            // Under the data file's lock: the feed state written is the one the .ics file was made with.
            result = store.Update(data =>
            {
                var (bytes, result, next) = profile.Render(data, app.TodayFor(invocation, data), now);
                WriteIcs(output, app.FullPath(output), bytes);
                return (next, result);
            });
        }
        else
        {
            var session = app.Open(invocation);
            var (bytes, demoResult, _) = profile.Render(session.Data, session.Today, now);
            WriteIcs(output, app.FullPath(output), bytes);
            result = demoResult;
        }

        string what = profile.Layout switch
        {
            FeedLayout.Tasks => result.Components == 1 ? "task" : "tasks",
            _ => result.Components == 1 ? "event" : "events",
        };
        app.Out.Write($"Wrote {result.Components} {what} to {output}{(result.Changed ? string.Empty : " (unchanged since the last write)")}.\n");
        return ExitCodes.Ok;
    }

    public static int Serve(App app, Invocation invocation)
    {
        int port = invocation.Get("port") is { } p ? Text.ParseInt(p, "--port", 0, 65535) : FeedServer.DefaultPort;
        var profile = FeedProfile.From(invocation);
        var source = FeedSource.Open(app, invocation, profile);
        return FeedServer.Run(app, source, port);
    }

    /// <summary>Writes the feed to <paramref name="file"/> (<paramref name="path"/> as given, for the message).</summary>
    private static void WriteIcs(string path, string file, byte[] bytes)
    {
        try
        {
            AtomicFile.Write(file, bytes);
        }
        catch (System.Exception e) when (e is System.IO.IOException or System.UnauthorizedAccessException)
        {
            throw new UserException($"Could not write {path}: {Messages.OneLine(e)}");
        }
    }
}
