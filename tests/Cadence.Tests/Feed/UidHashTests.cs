using System;
using System.Linq;
using System.Text;
using Cadence.Feed;
using Xunit;

namespace Cadence.Tests.Feed;

/// <summary>
/// The keyed hash feed UIDs are made of (<see cref="UidHash"/>): the BLAKE3 package against BLAKE3's published test
/// vectors in the two modes UIDs use, and the UID of a message against its documented recipe, for short and long
/// keys.
/// </summary>
public sealed class UidHashTests
{
    /// <summary>The test vectors' key for keyed mode (32 ASCII bytes).</summary>
    private const string VectorKey = "whats the Elvish word for friend";

    /// <summary>The test vectors' context string for derive_key mode.</summary>
    private const string VectorContext = "BLAKE3 2019-12-27 16:29:52 test vectors context";

    /// <summary>
    /// The first 32 bytes of the outputs in BLAKE3's test_vectors.json (BLAKE3-team/BLAKE3) for inputs of 0, 1 and
    /// 1,023 bytes (0, 1, 2, …, 250, 0, 1, … repeated): one block, and every block of one chunk, as a UID's message
    /// of up to a few hundred bytes is.
    /// </summary>
    [Theory]
    [InlineData(0, "92b2b75604ed3c761f9d6f62392c8a9227ad0ea3f09573e783f1498a4ed60d26", "2cc39783c223154fea8dfb7c1b1660f2ac2dcbd1c1de8277b0b0dd39b7e50d7d")]
    [InlineData(1, "6d7878dfff2f485635d39013278ae14f1454b8c0a3a2d34bc1ab38228a80c95b", "b3e2e340a117a499c6cf2398a19ee0d29cca2bb7404c73063382693bf66cb06c")]
    [InlineData(1023, "c951ecdf03288d0fcc96ee3413563d8a6d3589547f2c2fb36d9786470f1b9d6e", "74a16c1c3d44368a86e1ca6df64be6a2f64cce8f09220787450722d85725dea5")]
    public void Blake3_KeyedAndDeriveKeyModes_GiveThePublishedTestVectors(int length, string keyedHash, string deriveKey)
    {
        byte[] input = Enumerable.Range(0, length).Select(i => (byte)(i % 251)).ToArray();

        var keyed = new byte[32];
        using (var hasher = Blake3.Hasher.NewKeyed(Encoding.ASCII.GetBytes(VectorKey)))
        {
            hasher.Update(input);
            hasher.Finalize(keyed);
        }

        var derived = new byte[32];
        using (var hasher = Blake3.Hasher.NewDeriveKey(VectorContext))
        {
            hasher.Update(input);
            hasher.Finalize(derived);
        }

        Assert.Equal(keyedHash, Convert.ToHexStringLower(keyed));
        Assert.Equal(deriveKey, Convert.ToHexStringLower(derived));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(100)]
    public void Compute_OneHashForManyMessages_EachIsTheDocumentedUidOfItsMessage(int keyLength)
    {
        byte[] key = Enumerable.Range(0, keyLength).Select(i => (byte)((i * 37) + 11)).ToArray();
        string[] messages = ["VEVENT\ncadence\nzoe\nfirst", "VTODO\ncommitment\nsam\nc-1", "digest\n2026-03-13", string.Empty, new string('x', 300)];
        using var hash = new UidHash(key);

        // Reset between messages: the same message gives the same UID after others.
        var uids = messages.Concat(messages).Select(m => hash.Compute(Encoding.UTF8.GetBytes(m)).ToString()).ToList();

        Assert.Equal(messages.Concat(messages).Select(m => FeedFixtures.ExpectedUid(key, m)), uids);
        Assert.Equal(FeedFixtures.UidKeyContext, UidHash.KeyContext);
    }

    [Fact]
    public void Compute_KeysDifferingInOneByte_GiveUnrelatedUids()
    {
        byte[] key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        byte[] other = (byte[])key.Clone();
        other[31] ^= 1;
        byte[] message = Encoding.UTF8.GetBytes("VEVENT\ncadence\nzoe\nfirst");

        using var a = new UidHash(key);
        using var b = new UidHash(other);

        Assert.NotEqual(a.Compute(message), b.Compute(message));
    }
}
