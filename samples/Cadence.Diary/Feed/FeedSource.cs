using Cadence.Sample.Cli;
using Cadence.Sample.Store;
using NodaTime;

namespace Cadence.Sample.Feed;

/// <summary>
/// Where <c>serve</c> gets its feed: the data file, planned and written again when it changed or the day did (so a
/// <c>log</c> or a <c>move</c> from another process shows up at the next request, and a rotated token takes effect),
/// with the feed state saved back under the file's lock; otherwise the bytes served before. Or the read-only demo
/// diary, with its state kept in memory.
/// </summary>
internal sealed class FeedSource
{
    private readonly App _app;
    private readonly Invocation _invocation;
    private readonly FeedProfile _profile;
    private readonly DiaryStore? _store;
    private readonly object _gate = new();
    private DiaryData? _demo;
    private readonly string _token;
    private ((long Length, System.DateTime Written) Stamp, string Token)? _known;

    /// <summary>The feed last served from the data file: good while the file is unchanged and it is the same day.</summary>
    private ((long Length, System.DateTime Written) Stamp, DateTimeZone Zone, LocalDate Today, byte[] Bytes, string ETag, Instant LastModified)? _served;

    private FeedSource(App app, Invocation invocation, FeedProfile profile, DiaryStore? store, DiaryData? demo, string token)
    {
        _app = app;
        _invocation = invocation;
        _profile = profile;
        _store = store;
        _demo = demo;
        _token = token;
    }

    /// <summary>"diary.json", or "the demo diary".</summary>
    public string Description => _store?.Path ?? "the demo diary";

    public bool IsDemo => _store is null;

    /// <summary>The token when the server started, for the links it prints.</summary>
    public string InitialToken { get; private set; } = string.Empty;

    public static FeedSource Open(App app, Invocation invocation, FeedProfile profile)
    {
        FeedSource source;
        if (app.ReadStore(invocation) is { } store)
        {
            // A data file made by hand may have no token yet: make one, once.
            source = new FeedSource(app, invocation, profile, store, null, Secrets.Token(store, rotate: false));
        }
        else
        {
            var session = app.Open(invocation);
            source = new FeedSource(app, invocation, profile, null, session.Data, Secrets.NewToken());
        }

        source.InitialToken = source._token;
        return source;
    }

    /// <summary>
    /// Whether a request's token is the feed's current one, compared in constant time. The token is kept in memory
    /// and read again only when the data file changed (its length or last write time), so a wrong token costs a
    /// file system stat, not a parse of the diary: no local process can keep the server busy with bad requests.
    /// </summary>
    public bool Accepts(string candidate)
    {
        string token = _store is { } store ? CurrentToken(store) : _token;
        return token.Length > 0 && Secrets.TokenMatches(token, candidate);
    }

    private string CurrentToken(DiaryStore store)
    {
        var stamp = store.Stamp();
        lock (_gate)
        {
            if (_known is { } known && known.Stamp == stamp)
            {
                return known.Token;
            }
        }

        string token = store.Load().Feed.Token ?? string.Empty;
        lock (_gate)
        {
            _known = (stamp, token);
        }

        return token;
    }

    /// <summary>The feed's bytes now (on <paramref name="clock"/>), and when they last changed.</summary>
    /// <remarks>The strong ETag (a hash of the bytes) is made once per feed written, not once per request.</remarks>
    public (byte[] Bytes, string ETag, Instant LastModified) Current(IClock clock)
    {
        var now = clock.GetCurrentInstant();
        lock (_gate)
        {
            if (_store is { } store)
            {
                // A calendar polling an unchanged diary on the same day gets the bytes it got before: a stat, no read,
                // no plan, no write.
                if (_served is { } served && served.Stamp == store.Stamp() && _app.TodayIn(_invocation, served.Zone) == served.Today)
                {
                    return (served.Bytes, served.ETag, served.LastModified);
                }

                var (bytes, lastModified, zone, today, token) = store.Update(data =>
                {
                    var day = _app.TodayFor(_invocation, data);
                    var (bytes, result, next) = _profile.Render(data, day, now);
                    return (next, (bytes, result.State.LastModified ?? now, data.Owner.TimeZone, day, data.Feed.Token ?? string.Empty));
                });
                string etag = ETagOf(bytes);
                _served = (store.StampAfterUpdate, zone, today, bytes, etag, lastModified);
                _known = (store.StampAfterUpdate, token); // the file as this write left it: the token needs no read either
                return (bytes, etag, lastModified);
            }

            var (demoBytes, demoResult, demoNext) = _profile.Render(_demo!, _app.TodayFor(_invocation, _demo!), now);
            _demo = demoNext;
            return (demoBytes, ETagOf(demoBytes), demoResult.State.LastModified ?? now);
        }
    }

    /// <summary>A strong ETag: the base64url SHA-256 of the bytes, quoted.</summary>
    private static string ETagOf(byte[] bytes) =>
        "\"" + System.Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"";
}
