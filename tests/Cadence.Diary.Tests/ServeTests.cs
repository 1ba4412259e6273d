using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Cadence.Sample.Tests;

/// <summary><c>serve</c>: the feed over HTTP at a secret URL, with ETag, 304, Last-Modified and 404 for a wrong token.</summary>
public sealed partial class ServeTests : IDisposable, IClassFixture<DemoDataFile>
{
    private readonly Sandbox _sandbox = new();
    private readonly HttpClient _http = new(new HttpClientHandler { UseProxy = false }) { Timeout = Sandbox.HangGuard };

    public ServeTests(DemoDataFile demo)
    {
        File.WriteAllBytes(_sandbox.DataFile, demo.Bytes);
    }

    public void Dispose()
    {
        _http.Dispose();
        _sandbox.Dispose();
    }

    [Fact]
    public async Task Serve_FeedWithETag304LastModifiedAnd404ForAWrongToken()
    {
        using var server = await Server.Start(_sandbox, "serve", "--port", "0", "--date", Sandbox.Today);
        string token = _sandbox.DataJson().RootElement.GetProperty("feed").Str("token");
        Assert.Equal($"http://127.0.0.1:{server.Port}/feed/{token}.ics", server.Http);
        Assert.Equal($"webcal://127.0.0.1:{server.Port}/feed/{token}.ics", server.Webcal);

        using var first = await _http.GetAsync(server.Http);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", first.Content.Headers.ContentType!.ToString());
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.StartsWith("\"", etag.Tag, StringComparison.Ordinal);
        Assert.True(first.Headers.CacheControl!.Private);
        var lastModified = first.Content.Headers.LastModified!.Value;
        string body = await first.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", body, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Call Sam Okafor", body, StringComparison.Ordinal);

        // The same ETag back: 304, with the same validators.
        using (var conditional = new HttpRequestMessage(HttpMethod.Get, server.Http))
        {
            conditional.Headers.IfNoneMatch.Add(etag);
            using var notModified = await _http.SendAsync(conditional);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Equal(etag, notModified.Headers.ETag);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        }

        // The weak form of the same tag matches too (If-None-Match compares weakly), and If-Modified-Since is
        // answered when no tag is sent; a tag that does not match wins over a date that would.
        foreach (var (tag, since, expected) in new (string?, DateTimeOffset?, HttpStatusCode)[]
        {
            ("W/" + etag.Tag, null, HttpStatusCode.NotModified),
            (null, lastModified, HttpStatusCode.NotModified),
            (null, lastModified.AddSeconds(-1), HttpStatusCode.OK),
            ("\"other\"", lastModified, HttpStatusCode.OK),
        })
        {
            using var conditional = new HttpRequestMessage(HttpMethod.Get, server.Http);
            if (tag is not null)
            {
                conditional.Headers.TryAddWithoutValidation("If-None-Match", tag);
            }

            conditional.Headers.IfModifiedSince = since;
            using var answer = await _http.SendAsync(conditional);
            Assert.True(expected == answer.StatusCode, $"If-None-Match {tag}, If-Modified-Since {since:R}: {answer.StatusCode}");
        }

        // Unchanged data: byte-identical feed, same ETag and Last-Modified.
        using (var second = await _http.GetAsync(server.Http))
        {
            Assert.Equal(etag, second.Headers.ETag);
            Assert.Equal(lastModified, second.Content.Headers.LastModified);
            Assert.Equal(body, await second.Content.ReadAsStringAsync());
        }

        // A wrong token, a token one character off, a truncated one, another path: all 404.
        string wrong = (token[0] == 'A' ? "B" : "A") + token[1..];
        foreach (string url in new[]
        {
            $"http://127.0.0.1:{server.Port}/feed/{wrong}.ics",
            $"http://127.0.0.1:{server.Port}/feed/{token[..^1]}.ics",
            $"http://127.0.0.1:{server.Port}/feed/.ics",
            $"http://127.0.0.1:{server.Port}/",
            $"http://127.0.0.1:{server.Port}/feed/{token}",
        })
        {
            using var notFound = await _http.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
            Assert.DoesNotContain("VCALENDAR", await notFound.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A change from another process shows up at once: a new ETag, a Last-Modified not going backwards.
        Sandbox.Ok(_sandbox.RunToday("move", "sam-okafor", "--to", "2026-03-18"));
        using (var conditional = new HttpRequestMessage(HttpMethod.Get, server.Http))
        {
            conditional.Headers.IfNoneMatch.Add(etag);
            using var changed = await _http.SendAsync(conditional);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.NotEqual(etag, changed.Headers.ETag);
            Assert.True(changed.Content.Headers.LastModified >= lastModified);

            // Just after a change, Last-Modified is still never later than the Date sent with it (RFC 9110 8.8.2.1).
            Assert.True(
                changed.Content.Headers.LastModified <= changed.Headers.Date,
                $"Last-Modified {changed.Content.Headers.LastModified:R} is after Date {changed.Headers.Date:R}");
            Assert.Contains("DTSTART;VALUE=DATE:20260318", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The feed state is kept in the data file, so SEQUENCE survives a restart.
        Assert.Contains("events/full/365", File.ReadAllText(_sandbox.DataFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_AnUnchangedDiaryOnTheSameDay_IsNotReadOrPlannedAgain()
    {
        using var server = await Server.Start(_sandbox, "serve", "--port", "0", "--date", Sandbox.Today);
        using var first = await _http.GetAsync(server.Http);
        string body = await first.Content.ReadAsStringAsync();

        // The file's bytes replaced by garbage of the same length, its last write time put back: to a server that read
        // it again, a broken diary (500); to one that knows nothing changed, the feed it served.
        byte[] original = _sandbox.DataBytes();
        var written = File.GetLastWriteTimeUtc(_sandbox.DataFile);
        File.WriteAllBytes(_sandbox.DataFile, [.. Enumerable.Repeat((byte)'x', original.Length)]);
        File.SetLastWriteTimeUtc(_sandbox.DataFile, written);

        using (var cached = await _http.GetAsync(server.Http))
        {
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
            Assert.Equal(first.Headers.ETag, cached.Headers.ETag);
            Assert.Equal(body, await cached.Content.ReadAsStringAsync());
        }

        // Once it changes (here, back to a diary with a touch logged), the next request plans and serves it again.
        File.WriteAllBytes(_sandbox.DataFile, original);
        Sandbox.Ok(_sandbox.RunToday("log", "sam-okafor", "--channel", "call"));
        using var changed = await _http.GetAsync(server.Http);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(first.Headers.ETag, changed.Headers.ETag);
    }

    [Fact]
    public async Task Serve_RotatedToken_OldUrlGets404()
    {
        using var server = await Server.Start(_sandbox, "serve", "--port", "0", "--date", Sandbox.Today);
        using (var before = await _http.GetAsync(server.Http))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        string token = Sandbox.Ok(_sandbox.Run("token", "--rotate")).Out.Trim();

        using (var old = await _http.GetAsync(server.Http))
        {
            Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        }

        using var fresh = await _http.GetAsync($"http://127.0.0.1:{server.Port}/feed/{token}.ics");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task Serve_DemoDiary_ServesWithAnEphemeralToken()
    {
        File.Delete(_sandbox.DataFile);
        using var server = await Server.Start(_sandbox, "serve", "--port", "0", "--date", Sandbox.Today);

        using var response = await _http.GetAsync(server.Http);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var head = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, server.Http));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(response.Headers.ETag, head.Headers.ETag);
        Assert.False(File.Exists(_sandbox.DataFile));
    }

    [GeneratedRegex(@"^Feed: (?<http>http://127\.0\.0\.1:(?<port>\d+)/feed/(?<token>[A-Za-z0-9_-]{22,})\.ics)  (?<webcal>webcal://127\.0\.0\.1:\k<port>/feed/\k<token>\.ics)$")]
    private static partial Regex FirstLine();

    /// <summary>A running <c>serve</c>: its links from the first line; killed when disposed.</summary>
    private sealed class Server : IDisposable
    {
        private readonly Process _process;
        private Task<string>? _out;
        private Task<string>? _error;
        private bool _disposed;

        private Server(Process process, Match match)
        {
            _process = process;
            Http = match.Groups["http"].Value;
            Webcal = match.Groups["webcal"].Value;
            Port = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        public string Http { get; }

        public string Webcal { get; }

        public int Port { get; }

        public static async Task<Server> Start(Sandbox sandbox, params string[] args)
        {
            var process = sandbox.Start(args);
            var firstLine = process.StandardOutput.ReadLineAsync();
            var done = await Task.WhenAny(firstLine, Task.Delay(Sandbox.HangGuard));
            if (done != firstLine || firstLine.Result is null)
            {
                process.Kill(entireProcessTree: true);
                string error = await process.StandardError.ReadToEndAsync();
                process.Dispose();
                throw new InvalidOperationException($"serve printed no first line in time; stderr: {error}");
            }

            var match = FirstLine().Match(firstLine.Result);
            if (!match.Success)
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
                throw new InvalidOperationException($"Unexpected first line: {firstLine.Result}");
            }

            // Keep reading what it logs, so it never blocks on a full pipe.
            return new Server(process, match)
            {
                _out = process.StandardOutput.ReadToEndAsync(),
                _error = process.StandardError.ReadToEndAsync(),
            };
        }

        /// <summary>Stops it and returns what it wrote after its first line, on stdout and stderr.</summary>
        public async Task<(string Out, string Error)> Stop()
        {
            Dispose();
            return (await _out!, await _error!);
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }

            _process.Dispose();
        }
    }

    [Fact]
    public async Task AWrongToken_CostsNoParse_ARightOneOnABrokenFile_Gets500WithAReason()
    {
        using var server = await Server.Start(_sandbox, "serve", "--port", "0", "--date", Sandbox.Today);
        // Twice: the first saves the feed state (a change of the file), the second changes nothing.
        for (int i = 0; i < 2; i++)
        {
            using var ok = await _http.GetAsync(server.Http);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        // Broken behind the server's back, with the same length and time: the token kept in memory still answers a
        // wrong one without reading the file.
        var info = new FileInfo(_sandbox.DataFile);
        var (length, written) = (info.Length, info.LastWriteTimeUtc);
        File.WriteAllBytes(_sandbox.DataFile, new byte[length]);
        File.SetLastWriteTimeUtc(_sandbox.DataFile, written);
        using (var wrong = await _http.GetAsync(server.Http.Replace("/feed/", "/feed/x", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        }

        // The right token on the same stamp is answered from memory too (the feed it served: nothing says the file
        // changed); once the file's time moves, it is read again, and its breakage is answered with a reason.
        using (var same = await _http.GetAsync(server.Http))
        {
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        }

        File.SetLastWriteTimeUtc(_sandbox.DataFile, written.AddSeconds(1));
        using (var broken = await _http.GetAsync(server.Http))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, broken.StatusCode);
            Assert.Contains("not available now", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var (_, error) = await server.Stop();
        Assert.Contains("is not valid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFloodOfWrongTokens_LogsAFewLines_NotOneEach()
    {
        using var server = await Server.Start(_sandbox, "serve", "--port", "0", "--date", Sandbox.Today);
        for (int i = 0; i < 60; i++)
        {
            using var wrong = await _http.GetAsync($"http://127.0.0.1:{server.Port}/feed/wrong{i}.ics");
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        }

        var (output, _) = await server.Stop();
        var lines = output.Split('\n').Where(l => l.EndsWith(" 404", StringComparison.Ordinal) || l.Contains(" 404 (and ", StringComparison.Ordinal)).ToList();
        Assert.InRange(lines.Count, 1, 10);
    }
    [Fact]
    public async Task Serve_TwoHundredIdleConnectionsOpen_EveryNormalPollIsServed()
    {
        // Issue 26: with 200 idle connections open, serve failed 7 of 12 normal requests over 60 s.
        using var server = await Server.Start(_sandbox, "serve", "--port", "0", "--date", Sandbox.Today);
        var idle = new System.Collections.Generic.List<System.Net.Sockets.TcpClient>();
        try
        {
            for (int i = 0; i < 200; i++)
            {
                var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, server.Port);
                idle.Add(client);
            }

            for (int i = 0; i < 12; i++)
            {
                using var poll = await _http.GetAsync(server.Http);
                Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
            }
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }
    }
}
