using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Cadence.Sample.Store;

/// <summary>The feed's secrets: the URL token and the UID key, from the operating system's CSPRNG.</summary>
internal static class Secrets
{
    /// <summary>The fewest bytes a token may have: 128 bits.</summary>
    public const int MinTokenBytes = 16;

    /// <summary>The bytes of a new token: 256 bits.</summary>
    public const int TokenBytesLength = 32;

    /// <summary>The bytes of a new UID key: 256 bits.</summary>
    public const int UidKeyBytes = 32;

    /// <summary>A new token: 32 random bytes as base64url without padding (43 characters, safe in a URL path).</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytesLength));

    public static byte[] NewUidKey() => RandomNumberGenerator.GetBytes(UidKeyBytes);

    /// <summary>The bytes of a stored token, or <see langword="null"/> when it is not base64url.</summary>
    public static byte[]? TokenBytes(string token)
    {
        if (token.Length == 0 || !Base64Url.IsValid(token))
        {
            return null;
        }

        return Base64Url.DecodeFromChars(token);
    }

    /// <summary>
    /// Whether a token from a request is the feed's, in time that does not depend on where they differ: both are
    /// hashed to 32 bytes first, so the comparison is over fixed-length values whatever was sent.
    /// </summary>
    public static bool TokenMatches(string expected, string candidate)
    {
        Span<byte> a = stackalloc byte[32];
        Span<byte> b = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), a);
        SHA256.HashData(Encoding.UTF8.GetBytes(candidate), b);
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    /// <summary>The data file's feed token: the one it has, or a new one written to it (always new with <paramref name="rotate"/>).</summary>
    public static string Token(DiaryStore store, bool rotate) => store.Update(data =>
    {
        if (!rotate && data.Feed.Token is { } existing)
        {
            return ((DiaryData?)null, existing);
        }

        string fresh = NewToken();
        return (data with { Feed = data.Feed with { Token = fresh } }, fresh);
    });
}
