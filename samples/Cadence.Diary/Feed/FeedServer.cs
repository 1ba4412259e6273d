using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Cadence.Sample.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace Cadence.Sample.Feed;

/// <summary>
/// <c>serve</c>: the feed over HTTP on 127.0.0.1 only, at <c>/feed/TOKEN.ics</c>. A wrong token (compared in
/// constant time) gets 404 like any other path; the feed is served as <c>text/calendar; charset=utf-8</c> with a strong
/// ETag (a hash of the bytes), Last-Modified (when the feed last changed, never going backwards) and
/// <c>Cache-Control: private</c>, and a conditional request that matches gets 304.
/// </summary>
internal static class FeedServer
{
    public const int DefaultPort = 8765;

    private const string Prefix = "/feed/";
    private const string Suffix = ".ics";

    /// <summary>The most connections served at once.</summary>
    internal const int MaxConnections = 1024;

    public static int Run(App app, FeedSource source, int port)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = CommandLine.Program });
        // The library through its DI package, as a host uses it: the clock the feed is dated by comes from the
        // container (the app's own: --date and tests fix it), and the plan from the data file's rules and calendar,
        // read again on every request because they can change while the server runs.
        builder.Services.AddSingleton(app.Clock);
        builder.Services.AddCadence();
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 0;
            // A calendar polls every few minutes: idle connections go soon (a connection that sends no request within
            // 5 s, or none again within 30 s), and a flood of them is bounded well above what idle or slow clients
            // can hold, so that they never keep a calendar's normal poll out (issue 26: with 200 idle connections open,
            // 7 of 12 polls failed when the bound was 64). An idle connection costs a socket and little memory.
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(30);
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(5);
            kestrel.Limits.MaxConcurrentConnections = MaxConnections;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        using var web = builder.Build();
        var log = new RequestLog(app);
        var clock = web.Services.GetRequiredService<IClock>();
        web.Run(context => Handle(context, source, clock, log));

        try
        {
            web.StartAsync().GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            throw new UserException($"Could not listen on 127.0.0.1:{port}: {Messages.OneLine(e)} Choose another port with --port (0 picks a free one).");
        }

        int actual = new Uri(web.Urls.First()).Port;
        string path = $"{Prefix}{source.InitialToken}{Suffix}";
        lock (log.Gate)
        {
            app.Out.Write($"Feed: http://127.0.0.1:{actual}{path}  webcal://127.0.0.1:{actual}{path}\n");
            app.Out.Write($"Serving {source.Description} on 127.0.0.1 only: subscribe from this machine (Apple Calendar: webcal link; Thunderbird, Outlook: http link).\n");
            app.Out.Write("Google Calendar needs a public https URL, which this local server is not. Keep the link secret. Ctrl+C stops.\n");
            app.Out.Flush();
        }

        using var stopped = new ManualResetEventSlim();
        var lifetime = web.Services.GetService(typeof(IHostApplicationLifetime)) as IHostApplicationLifetime;
        lifetime?.ApplicationStopping.Register(stopped.Set);
        ConsoleCancelEventHandler cancel = (_, e) =>
        {
            e.Cancel = true;
            stopped.Set();
        };
        Console.CancelKeyPress += cancel;
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM,
            context =>
            {
                context.Cancel = true;
                stopped.Set();
            });
        stopped.Wait();
        Console.CancelKeyPress -= cancel;
        web.StopAsync(TimeSpan.FromSeconds(2)).GetAwaiter().GetResult();
        lock (log.Gate)
        {
            app.Out.Write("Stopped.\n");
            app.Out.Flush();
        }

        return ExitCodes.Ok;
    }

    private static async Task Handle(HttpContext context, FeedSource source, IClock clock, RequestLog log)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        try
        {
            string path = request.Path.Value ?? string.Empty;
            string? candidate = path.Length > Prefix.Length + Suffix.Length
                && path.StartsWith(Prefix, StringComparison.Ordinal)
                && path.EndsWith(Suffix, StringComparison.Ordinal)
                ? path[Prefix.Length..^Suffix.Length]
                : null;
            if (candidate is null || !source.Accepts(candidate))
            {
                await Plain(response, StatusCodes.Status404NotFound, "Not found.\n");
                log.Request(request, 404);
                return;
            }

            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                response.Headers.Allow = "GET, HEAD";
                await Plain(response, StatusCodes.Status405MethodNotAllowed, "Only GET and HEAD.\n");
                log.Request(request, 405);
                return;
            }

            var (bytes, etag, lastModified) = source.Current(clock);

            // Last-Modified must not be later than the Date sent with it (RFC 9110 8.8.2.1); HTTP dates have whole
            // seconds, so send our own Date and cap Last-Modified at it.
            var date = Instant.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            response.Headers.Date = date.ToDateTimeOffset().ToString("R", CultureInfo.InvariantCulture);
            response.Headers.CacheControl = "private";
            response.Headers.ContentDisposition = "inline; filename=\"cadence.ics\"";

            // ASP.NET Core's file result: ETag and Last-Modified, and the conditional requests (If-None-Match, weak
            // comparison, before If-Modified-Since) answered 304; a HEAD gets the headers without the body.
            await TypedResults.Bytes(bytes, "text/calendar; charset=utf-8", lastModified: (lastModified > date ? date : lastModified).ToDateTimeOffset(), entityTag: new EntityTagHeaderValue(etag))
                .ExecuteAsync(context);
            log.Request(request, response.StatusCode);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The data file is missing or broken, or anything else went wrong: say so on stderr, answer with a short
            // text (never an empty 500), and keep serving (it may be fixed).
            if (!response.HasStarted)
            {
                response.Headers.Remove("ETag");
                response.Headers.Remove("Last-Modified");
                await Plain(response, StatusCodes.Status500InternalServerError, "The feed is not available now; the server's log says why.\n");
            }

            log.Failure(e is UserException ? e.Message : $"Serving the feed failed: {e.GetType().Name}: {Messages.OneLine(e)}");
        }
    }

    private static async Task Plain(HttpResponse response, int status, string text)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync(text);
    }

    /// <summary>
    /// The request log on stdout: one line a request, without the token, except that 404s (wrong tokens, scanners)
    /// are written at most once a second, with how many there were: the log cannot grow without bound.
    /// </summary>
    private sealed class RequestLog(App app)
    {
        private long _lastNotFound;
        private int _unlogged;

        public object Gate { get; } = new();

        public void Request(HttpRequest request, int status)
        {
            string path = request.Path.StartsWithSegments("/feed", StringComparison.Ordinal) ? "/feed/…" : "(other path)";
            lock (Gate)
            {
                string more = string.Empty;
                if (status == StatusCodes.Status404NotFound)
                {
                    long now = Environment.TickCount64;
                    if (now - _lastNotFound < 1000)
                    {
                        _unlogged++;
                        return;
                    }

                    _lastNotFound = now;
                    more = _unlogged > 0 ? $" (and {_unlogged} more 404s before it)" : string.Empty;
                    _unlogged = 0;
                }

                app.Out.Write($"{DateTimeOffset.UtcNow:HH':'mm':'ss} {request.Method} {path} {status}{more}\n");
                app.Out.Flush();
            }
        }

        public void Failure(string message)
        {
            lock (Gate)
            {
                app.Error.Write($"{CommandLine.Program}: {Output.Terminal.Clean(message)}\n");
                app.Error.Flush();
            }
        }
    }
}
