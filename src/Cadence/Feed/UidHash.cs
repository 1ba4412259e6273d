using System;
using System.Buffers;
using Blake3;

namespace Cadence.Feed;

/// <summary>
/// The keyed hash feed UIDs are made of: BLAKE3 in keyed mode (the managed <c>Blake3</c> package), under a 32-byte
/// key derived from the options' UID key by BLAKE3's own key derivation (its derive_key mode, with
/// <see cref="KeyContext"/> as the context), since a UID key may have any length from 16 bytes and keyed mode takes
/// exactly 32. Keyed once per write and reset for each message; and a buffer to write each message in. On a UID's
/// short message it costs a fraction of the platform's HMAC-SHA256, which UIDs were until issue 27 (the figures:
/// UidHashBenchmarks, benchmarks/README.md). Not thread-safe: one per write, disposed when the write is done.
/// </summary>
internal sealed class UidHash : IDisposable
{
    /// <summary>
    /// The context of the key derivation: BLAKE3 asks for a string that is fixed in the code, unique to the
    /// application and the use, with a date. Changing it changes every UID.
    /// </summary>
    internal const string KeyContext = "Cadence 2026-12-07 feed UID key";

    private readonly Hasher _hasher;
    private byte[] _message;

    /// <summary>Derives the 32-byte key and keys the hash.</summary>
    /// <param name="uidKey">The options' UID key, any length.</param>
    internal UidHash(ReadOnlySpan<byte> uidKey)
    {
        Span<byte> key = stackalloc byte[32];
        using (var derive = Hasher.NewDeriveKey(KeyContext))
        {
            derive.Update(uidKey);
            derive.Finalize(key);
        }

        _hasher = Hasher.NewKeyed(key);
        key.Clear();
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

    /// <summary>The UID of a message: the first 20 bytes of its keyed hash.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The UID's key.</returns>
    internal UidKey Compute(ReadOnlySpan<byte> message)
    {
        Span<byte> hash = stackalloc byte[32];
        _hasher.Reset();
        _hasher.Update(message);
        _hasher.Finalize(hash);
        return UidKey.FromBytes(hash);
    }

    /// <summary>Clears the key and gives the message buffer back to the pool it came from.</summary>
    public void Dispose()
    {
        _hasher.Dispose();
        var message = _message;
        _message = [];
        if (message.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(message);
        }
    }
}
