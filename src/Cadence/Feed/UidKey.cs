using System;
using System.Buffers.Binary;

namespace Cadence.Feed;

/// <summary>
/// The 160 bits a feed UID is made of: the first 20 bytes of a keyed BLAKE3 hash (<see cref="UidHash"/>), written as
/// 32 lower-case base32 characters and "@cadence". A value, so a feed's state needs no string per event.
/// </summary>
internal readonly struct UidKey : IEquatable<UidKey>
{
    /// <summary>The length of a UID in characters.</summary>
    internal const int UidLength = 32 + 8;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    internal UidKey(ulong high, ulong middle, uint low)
    {
        High = high;
        Middle = middle;
        Low = low;
    }

    /// <summary>Bytes 0 to 7, big-endian.</summary>
    internal ulong High { get; }

    /// <summary>Bytes 8 to 15, big-endian.</summary>
    internal ulong Middle { get; }

    /// <summary>Bytes 16 to 19, big-endian.</summary>
    internal uint Low { get; }

    internal static UidKey FromBytes(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]), BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]));

    /// <summary>Reads a UID of the form this type writes; anything else (another length, case, alphabet or domain) is not one.</summary>
    internal static bool TryParse(string uid, out UidKey key)
    {
        key = default;
        if (uid.Length != UidLength || !uid.AsSpan(32).SequenceEqual("@cadence"))
        {
            return false;
        }

        ulong high = 0, middle = 0, low = 0;
        for (int i = 0; i < 32; i++)
        {
            char c = uid[i];
            int value = c is >= 'a' and <= 'z' ? c - 'a' : c is >= '2' and <= '7' ? c - '2' + 26 : -1;
            if (value < 0)
            {
                return false;
            }

            // 160 bits: characters 0-11 and the top 4 bits of 12 are the first 64, and so on.
            high = (high << 5) | (middle >> 59);
            middle = (middle << 5) | (low >> 27);
            low = ((low << 5) | (uint)value) & 0xFFFFFFFF;
        }

        key = new UidKey(high, middle, (uint)low);
        return true;
    }

    /// <summary>Writes the UID's 40 ASCII characters.</summary>
    internal void Write(Span<byte> ascii)
    {
        ulong high = High, middle = Middle, low = Low;
        for (int i = 31; i >= 0; i--)
        {
            ascii[i] = (byte)Alphabet[(int)(low & 31)];
            low = (low >> 5) | ((middle & 31) << 27);
            middle = (middle >> 5) | ((high & 31) << 59);
            high >>= 5;
        }

        "@cadence"u8.CopyTo(ascii[32..]);
    }

    /// <summary>The UID as a string.</summary>
    public override string ToString()
    {
        Span<byte> ascii = stackalloc byte[UidLength];
        Write(ascii);
        return System.Text.Encoding.ASCII.GetString(ascii);
    }

    public bool Equals(UidKey other) => High == other.High && Middle == other.Middle && Low == other.Low;

    public override bool Equals(object? obj) => obj is UidKey other && Equals(other);

    public override int GetHashCode() => (int)(High ^ (High >> 32) ^ Middle ^ Low);

    public static bool operator ==(UidKey left, UidKey right) => left.Equals(right);

    public static bool operator !=(UidKey left, UidKey right) => !left.Equals(right);
}
