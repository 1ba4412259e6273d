using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Cadence.Sample.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
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

    public static int Run(App app, FeedSource source, int port)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = CommandLine.Program });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 0;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        using var web = builder.Build();
        var log = new object();
        web.Run(context => Handle(context, source, app, log));

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
        lock (log)
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
        lock (log)
        {
            app.Out.Write("Stopped.\n");
            app.Out.Flush();
        }

        return ExitCodes.Ok;
    }

    private static async Task Handle(HttpContext context, FeedSource source, App app, object log)
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
                Log(app, log, request, 404);
                return;
            }

            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                response.Headers.Allow = "GET, HEAD";
                await Plain(response, StatusCodes.Status405MethodNotAllowed, "Only GET and HEAD.\n");
                Log(app, log, request, 405);
                return;
            }

            var (bytes, lastModified) = source.Current();
            string etag = "\"" + Convert.ToBase64String(SHA256.HashData(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"";

            // Last-Modified must not be later than the Date sent with it (RFC 9110 8.8.2.1); HTTP dates have whole
            // seconds, so send our own Date and cap Last-Modified at it.
            var date = Instant.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            if (lastModified > date)
            {
                lastModified = date;
            }

            response.Headers.Date = HttpDate(date);
            response.Headers.ETag = etag;
            response.Headers.LastModified = HttpDate(lastModified);
            response.Headers.CacheControl = "private";
            if (NotModified(request, etag, lastModified))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                Log(app, log, request, 304);
                return;
            }

            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/calendar; charset=utf-8";
            response.Headers.ContentDisposition = "inline; filename=\"cadence.ics\"";
            response.ContentLength = bytes.Length;
            if (HttpMethods.IsGet(request.Method))
            {
                await response.Body.WriteAsync(bytes);
            }

            Log(app, log, request, 200);
        }
        catch (UserException e)
        {
            // The data file is missing or broken: say so, and keep serving (it may be fixed).
            if (!response.HasStarted)
            {
                response.Headers.Remove("ETag");
                response.Headers.Remove("Last-Modified");
                await Plain(response, StatusCodes.Status500InternalServerError, "The feed is not available now.\n");
            }

            lock (log)
            {
                app.Error.Write($"{CommandLine.Program}: {e.Message}\n");
                app.Error.Flush();
            }
        }
    }

    /// <summary>
    /// If-None-Match wins when present (weak comparison, as RFC 9110 asks for it); otherwise If-Modified-Since,
    /// to the second.
    /// </summary>
    private static bool NotModified(HttpRequest request, string etag, Instant lastModified)
    {
        string? ifNoneMatch = request.Headers.IfNoneMatch;
        if (!string.IsNullOrEmpty(ifNoneMatch))
        {
            foreach (string tag in ifNoneMatch.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string opaque = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
                if (tag == "*" || string.Equals(opaque, etag, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        string? ifModifiedSince = request.Headers.IfModifiedSince;
        return !string.IsNullOrEmpty(ifModifiedSince)
            && DateTimeOffset.TryParseExact(ifModifiedSince, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            && lastModified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }

    private static string HttpDate(Instant instant) =>
        instant.ToDateTimeOffset().ToString("R", CultureInfo.InvariantCulture);

    private static async Task Plain(HttpResponse response, int status, string text)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync(text);
    }

    /// <summary>One line per request, without the token.</summary>
    private static void Log(App app, object log, HttpRequest request, int status)
    {
        string path = request.Path.StartsWithSegments("/feed", StringComparison.Ordinal) ? "/feed/…" : "(other path)";
        lock (log)
        {
            app.Out.Write($"{DateTimeOffset.UtcNow:HH':'mm':'ss} {request.Method} {path} {status}\n");
            app.Out.Flush();
        }
    }
}
