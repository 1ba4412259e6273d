using System;
using System.Buffers;
using System.Security.Cryptography;

namespace Cadence.Feed;

/// <summary>
/// The keyed hash feed UIDs are made of: HMAC-SHA256 under the options' UID key, by the platform's
/// <see cref="IncrementalHash"/>, keyed once and reset after each message; and a buffer to write each message in.
/// Not thread-safe: one per write, disposed when the write is done.
/// </summary>
internal sealed class UidHmac : IDisposable
{
    private readonly IncrementalHash _hmac;
    private byte[] _message;

    /// <summary>Keys the hash.</summary>
    /// <param name="key">The HMAC key, any length.</param>
    internal UidHmac(ReadOnlySpan<byte> key)
    {
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
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
        _hmac.AppendData(message);
        _hmac.GetHashAndReset(hash);
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
