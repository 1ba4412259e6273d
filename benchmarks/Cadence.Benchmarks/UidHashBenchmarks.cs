using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace Cadence.Benchmarks;

/// <summary>
/// The keyed hash of one feed UID's message (issue 27): 46 bytes of UTF-8, as a cadence touch's message
/// ("VEVENT\ncadence\n", a relationship id and a last touch's date and time) is, under a 32-byte key. Each way is
/// keyed once, as a feed write keys it once for all its events, and then hashes one message per call: the platform's
/// <see cref="HMACSHA256"/> (<c>TryComputeHash</c>, the fastest of the platform's ways, see benchmarks/README.md,
/// issue 10), and BLAKE3's keyed hash from the managed <c>Blake3</c> package (reset, update, finalize). The choice of
/// the feed's UID hash is recorded here.
/// </summary>
[MemoryDiagnoser]
public class UidHashBenchmarks
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)(i * 7))];

    private readonly byte[] _message = Encoding.UTF8.GetBytes("VEVENT\ncadence\nrel-0012345\n2026-02-27T09:30:00");
    private readonly byte[] _hash = new byte[32];
    private HMACSHA256 _hmac = null!;
    private Blake3.Hasher _blake3 = null!;

    /// <summary>Keys both hashes, once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (_message.Length != 46)
        {
            throw new InvalidOperationException($"The message has {_message.Length} bytes, not 46.");
        }

        _hmac = new HMACSHA256(Key);
        _blake3 = Blake3.Hasher.NewKeyed(Key);
    }

    /// <summary>Frees both.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _hmac.Dispose();
        _blake3.Dispose();
    }

    /// <summary>HMAC-SHA256 of the message, by the platform (OpenSSL on Linux).</summary>
    [Benchmark(Baseline = true, Description = "HMACSHA256.TryComputeHash, 46 bytes")]
    public byte HmacSha256()
    {
        _hmac.TryComputeHash(_message, _hash, out _);
        return _hash[0];
    }

    /// <summary>BLAKE3's keyed hash of the message (managed, SIMD where the processor has it).</summary>
    [Benchmark(Description = "Blake3 keyed (Reset, Update, Finalize), 46 bytes")]
    public byte Blake3Keyed()
    {
        _blake3.Reset();
        _blake3.Update(_message);
        _blake3.Finalize(_hash);
        return _hash[0];
    }
}
