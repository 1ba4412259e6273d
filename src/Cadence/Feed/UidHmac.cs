using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;

namespace Cadence.Feed;

/// <summary>
/// HMAC-SHA256 for feed UIDs, several messages at once: one message per 32-bit lane of the widest hardware-accelerated
/// vector (16 with AVX-512, 8 with AVX2, 4 with SSE or NEON), with the key's inner and outer pad blocks hashed once,
/// when the instance is made. Gives the
/// same bytes as <see cref="HMACSHA256.HashData(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/> (which it
/// falls back to for long messages, and when vectors are not hardware accelerated) at a fraction of its cost for
/// short messages. Immutable: one instance may serve several threads, each with its own <see cref="Batch"/>.
/// </summary>
internal sealed class UidHmac
{
    /// <summary>The longest message hashed in the lanes (four blocks with the padding); longer ones use the platform's HMAC.</summary>
    internal const int MaxLaneMessage = (MaxBlocks * 64) - 9;

    private const int MaxBlocks = 4;

    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private static readonly uint[] InitialState =
    [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];

    private readonly byte[] _key;
    private readonly uint[] _inner = new uint[8];
    private readonly uint[] _outer = new uint[8];

    /// <summary>Prepares the key.</summary>
    /// <param name="key">The HMAC key, any length.</param>
    internal UidHmac(ReadOnlySpan<byte> key)
    {
        _key = key.ToArray();
        Span<byte> block = stackalloc byte[64];
        block.Clear();
        if (key.Length > 64)
        {
            SHA256.HashData(key, block);
        }
        else
        {
            key.CopyTo(block);
        }

        Span<uint> words = stackalloc uint[16];
        InitialState.CopyTo(_inner, 0);
        InitialState.CopyTo(_outer, 0);
        for (int i = 0; i < 16; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt32BigEndian(block[(i * 4)..]) ^ 0x36363636u;
        }

        Compress(_inner, words);
        for (int i = 0; i < 16; i++)
        {
            words[i] ^= 0x36363636u ^ 0x5c5c5c5cu;
        }

        Compress(_outer, words);
    }

    /// <summary>How many messages a batch hashes at once.</summary>
    internal static int Lanes =>
        Vector512.IsHardwareAccelerated ? 16
        : Vector256.IsHardwareAccelerated ? 8
        : Vector128.IsHardwareAccelerated ? 4
        : 1;

    /// <summary>The first 20 bytes of the HMAC of one message, by the platform's implementation: the reference.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The UID's key.</returns>
    internal UidKey Reference(ReadOnlySpan<byte> message)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, message, hash);
        return UidKey.FromBytes(hash);
    }

    /// <summary>Hashes the messages of a batch into its <see cref="Batch.Keys"/>.</summary>
    /// <param name="batch">The batch, with <see cref="Batch.Count"/> messages.</param>
    internal void Compute(Batch batch)
    {
        switch (batch.Lanes)
        {
            case 16:
                Compute<Vector512<uint>, Lanes512>(batch);
                break;
            case 8:
                Compute<Vector256<uint>, Lanes256>(batch);
                break;
            case 4:
                Compute<Vector128<uint>, Lanes128>(batch);
                break;
            default:
                for (int i = 0; i < batch.Count; i++)
                {
                    batch.Keys[i] = Reference(batch.Message(i));
                }

                break;
        }
    }

    private void Compute<TVector, TLanes>(Batch batch)
        where TVector : unmanaged
        where TLanes : ILanes<TVector>
    {
        int lanes = batch.Lanes;
        int maxBlocks = 0;
        Span<int> blocks = stackalloc int[lanes];
        for (int lane = 0; lane < lanes; lane++)
        {
            blocks[lane] = 0;
            if (lane >= batch.Count)
            {
                continue;
            }

            int length = batch.Lengths[lane];
            if (length > MaxLaneMessage)
            {
                batch.Keys[lane] = Reference(batch.Message(lane));
                continue;
            }

            // The message after the key's 64-byte block, then 0x80, zeros and the length in bits (of both).
            var buffer = batch.LaneBuffer(lane);
            int count = (length + 9 + 63) / 64;
            buffer[length] = 0x80;
            buffer[(length + 1)..(count * 64)].Clear();
            BinaryPrimitives.WriteUInt64BigEndian(buffer[((count * 64) - 8)..], (ulong)(64 + length) * 8);
            blocks[lane] = count;
            maxBlocks = Math.Max(maxBlocks, count);
        }

        if (maxBlocks == 0)
        {
            return;
        }

        Span<TVector> state = stackalloc TVector[8];
        for (int i = 0; i < 8; i++)
        {
            state[i] = TLanes.Create(_inner[i]);
        }

        Span<TVector> words = stackalloc TVector[16];
        Span<TVector> before = stackalloc TVector[8];
        Span<uint> column = stackalloc uint[lanes];
        for (int block = 0; block < maxBlocks; block++)
        {
            // The block's words, lane by lane: word w of every message in one vector.
            for (int w = 0; w < 16; w++)
            {
                for (int lane = 0; lane < lanes; lane++)
                {
                    column[lane] = block < blocks[lane]
                        ? BinaryPrimitives.ReadUInt32BigEndian(batch.LaneBuffer(lane)[((block * 64) + (w * 4))..])
                        : 0;
                }

                words[w] = TLanes.Create(column);
            }

            state.CopyTo(before);
            Compress<TVector, TLanes>(state, words);
            if (block > 0)
            {
                // Lanes whose message has ended keep their state.
                for (int lane = 0; lane < lanes; lane++)
                {
                    column[lane] = block < blocks[lane] ? uint.MaxValue : 0;
                }

                var keep = TLanes.Create(column);
                for (int i = 0; i < 8; i++)
                {
                    state[i] = TLanes.Select(keep, state[i], before[i]);
                }
            }
        }

        // The outer hash: the inner digest, 0x80, zeros, and the length in bits of the key block and the digest.
        for (int i = 0; i < 8; i++)
        {
            words[i] = state[i];
            state[i] = TLanes.Create(_outer[i]);
        }

        words[8] = TLanes.Create(0x80000000u);
        for (int i = 9; i < 15; i++)
        {
            words[i] = TLanes.Create(0u);
        }

        words[15] = TLanes.Create((64 + 32) * 8);
        Compress<TVector, TLanes>(state, words);

        for (int lane = 0; lane < lanes; lane++)
        {
            if (blocks[lane] > 0)
            {
                batch.Keys[lane] = new UidKey(
                    ((ulong)TLanes.Get(state[0], lane) << 32) | TLanes.Get(state[1], lane),
                    ((ulong)TLanes.Get(state[2], lane) << 32) | TLanes.Get(state[3], lane),
                    TLanes.Get(state[4], lane));
            }
        }
    }

    /// <summary>One SHA-256 compression of a 16-word block (already big-endian decoded), on one message.</summary>
    private static void Compress(Span<uint> state, Span<uint> block)
    {
        Span<uint> w = stackalloc uint[64];
        block.CopyTo(w);
        for (int t = 16; t < 64; t++)
        {
            uint s0 = BitOperations.RotateRight(w[t - 15], 7) ^ BitOperations.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
            uint s1 = BitOperations.RotateRight(w[t - 2], 17) ^ BitOperations.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }

        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        for (int t = 0; t < 64; t++)
        {
            uint t1 = h + (BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25))
                + ((e & f) ^ (~e & g)) + K[t] + w[t];
            uint t2 = (BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22))
                + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }

    /// <summary>One SHA-256 compression in every lane: <paramref name="w"/> holds the block's 16 words and is overwritten.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Compress<TVector, TLanes>(Span<TVector> state, Span<TVector> w)
        where TVector : unmanaged
        where TLanes : ILanes<TVector>
    {
        var a = state[0];
        var b = state[1];
        var c = state[2];
        var d = state[3];
        var e = state[4];
        var f = state[5];
        var g = state[6];
        var h = state[7];
        for (int t = 0; t < 64; t++)
        {
            TVector wt;
            if (t < 16)
            {
                wt = w[t];
            }
            else
            {
                // The message schedule in a ring of 16 words.
                var w15 = w[(t - 15) & 15];
                var w2 = w[(t - 2) & 15];
                var s0 = TLanes.Xor(TLanes.Xor(TLanes.RotateRight(w15, 7), TLanes.RotateRight(w15, 18)), TLanes.ShiftRight(w15, 3));
                var s1 = TLanes.Xor(TLanes.Xor(TLanes.RotateRight(w2, 17), TLanes.RotateRight(w2, 19)), TLanes.ShiftRight(w2, 10));
                wt = TLanes.Add(TLanes.Add(w[t & 15], s0), TLanes.Add(w[(t - 7) & 15], s1));
                w[t & 15] = wt;
            }

            // Σ1(e) + Ch(e, f, g) and Σ0(a) + Maj(a, b, c).
            var sigma1 = TLanes.Xor(TLanes.Xor(TLanes.RotateRight(e, 6), TLanes.RotateRight(e, 11)), TLanes.RotateRight(e, 25));
            var choose = TLanes.Xor(g, TLanes.And(e, TLanes.Xor(f, g)));
            var t1 = TLanes.Add(TLanes.Add(TLanes.Add(h, sigma1), TLanes.Add(choose, TLanes.Create(K[t]))), wt);
            var sigma0 = TLanes.Xor(TLanes.Xor(TLanes.RotateRight(a, 2), TLanes.RotateRight(a, 13)), TLanes.RotateRight(a, 22));
            var majority = TLanes.Or(TLanes.And(a, b), TLanes.And(c, TLanes.Or(a, b)));
            var t2 = TLanes.Add(sigma0, majority);
            h = g;
            g = f;
            f = e;
            e = TLanes.Add(d, t1);
            d = c;
            c = b;
            b = a;
            a = TLanes.Add(t1, t2);
        }

        state[0] = TLanes.Add(state[0], a);
        state[1] = TLanes.Add(state[1], b);
        state[2] = TLanes.Add(state[2], c);
        state[3] = TLanes.Add(state[3], d);
        state[4] = TLanes.Add(state[4], e);
        state[5] = TLanes.Add(state[5], f);
        state[6] = TLanes.Add(state[6], g);
        state[7] = TLanes.Add(state[7], h);
    }

    /// <summary>What SHA-256 needs of a vector of 32-bit lanes.</summary>
    private interface ILanes<TVector>
    {
        static abstract TVector Add(TVector left, TVector right);

        static abstract TVector And(TVector left, TVector right);

        static abstract TVector Or(TVector left, TVector right);

        static abstract TVector Xor(TVector left, TVector right);

        /// <summary>Each bit from <paramref name="ifSet"/> where <paramref name="mask"/> has it set, else from <paramref name="ifClear"/>.</summary>
        static abstract TVector Select(TVector mask, TVector ifSet, TVector ifClear);

        static abstract TVector Create(uint value);

        static abstract TVector Create(ReadOnlySpan<uint> values);

        static abstract uint Get(TVector vector, int lane);

        static abstract TVector RotateRight(TVector vector, [ConstantExpected] byte count);

        static abstract TVector ShiftRight(TVector vector, [ConstantExpected] byte count);
    }

    private readonly struct Lanes512 : ILanes<Vector512<uint>>
    {
        public static Vector512<uint> Add(Vector512<uint> left, Vector512<uint> right) => left + right;

        public static Vector512<uint> And(Vector512<uint> left, Vector512<uint> right) => left & right;

        public static Vector512<uint> Or(Vector512<uint> left, Vector512<uint> right) => left | right;

        public static Vector512<uint> Xor(Vector512<uint> left, Vector512<uint> right) => left ^ right;

        public static Vector512<uint> Select(Vector512<uint> mask, Vector512<uint> ifSet, Vector512<uint> ifClear) => Vector512.ConditionalSelect(mask, ifSet, ifClear);

        public static Vector512<uint> Create(uint value) => Vector512.Create(value);

        public static Vector512<uint> Create(ReadOnlySpan<uint> values) => Vector512.Create(values);

        public static uint Get(Vector512<uint> vector, int lane) => vector.GetElement(lane);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> RotateRight(Vector512<uint> vector, [ConstantExpected] byte count) =>
            Avx512F.IsSupported
                ? Avx512F.RotateRight(vector, count)
                : Vector512.ShiftRightLogical(vector, count) | Vector512.ShiftLeft(vector, 32 - count);

        public static Vector512<uint> ShiftRight(Vector512<uint> vector, [ConstantExpected] byte count) => Vector512.ShiftRightLogical(vector, count);
    }

    private readonly struct Lanes256 : ILanes<Vector256<uint>>
    {
        public static Vector256<uint> Add(Vector256<uint> left, Vector256<uint> right) => left + right;

        public static Vector256<uint> And(Vector256<uint> left, Vector256<uint> right) => left & right;

        public static Vector256<uint> Or(Vector256<uint> left, Vector256<uint> right) => left | right;

        public static Vector256<uint> Xor(Vector256<uint> left, Vector256<uint> right) => left ^ right;

        public static Vector256<uint> Select(Vector256<uint> mask, Vector256<uint> ifSet, Vector256<uint> ifClear) => Vector256.ConditionalSelect(mask, ifSet, ifClear);

        public static Vector256<uint> Create(uint value) => Vector256.Create(value);

        public static Vector256<uint> Create(ReadOnlySpan<uint> values) => Vector256.Create(values);

        public static uint Get(Vector256<uint> vector, int lane) => vector.GetElement(lane);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> RotateRight(Vector256<uint> vector, [ConstantExpected] byte count) =>
            Avx512F.VL.IsSupported
                ? Avx512F.VL.RotateRight(vector, count)
                : Vector256.ShiftRightLogical(vector, count) | Vector256.ShiftLeft(vector, 32 - count);

        public static Vector256<uint> ShiftRight(Vector256<uint> vector, [ConstantExpected] byte count) => Vector256.ShiftRightLogical(vector, count);
    }

    private readonly struct Lanes128 : ILanes<Vector128<uint>>
    {
        public static Vector128<uint> Add(Vector128<uint> left, Vector128<uint> right) => left + right;

        public static Vector128<uint> And(Vector128<uint> left, Vector128<uint> right) => left & right;

        public static Vector128<uint> Or(Vector128<uint> left, Vector128<uint> right) => left | right;

        public static Vector128<uint> Xor(Vector128<uint> left, Vector128<uint> right) => left ^ right;

        public static Vector128<uint> Select(Vector128<uint> mask, Vector128<uint> ifSet, Vector128<uint> ifClear) => Vector128.ConditionalSelect(mask, ifSet, ifClear);

        public static Vector128<uint> Create(uint value) => Vector128.Create(value);

        public static Vector128<uint> Create(ReadOnlySpan<uint> values) => Vector128.Create(values);

        public static uint Get(Vector128<uint> vector, int lane) => vector.GetElement(lane);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> RotateRight(Vector128<uint> vector, [ConstantExpected] byte count) =>
            Avx512F.VL.IsSupported
                ? Avx512F.VL.RotateRight(vector, count)
                : Vector128.ShiftRightLogical(vector, count) | Vector128.ShiftLeft(vector, 32 - count);

        public static Vector128<uint> ShiftRight(Vector128<uint> vector, [ConstantExpected] byte count) => Vector128.ShiftRightLogical(vector, count);
    }

    /// <summary>The messages of one batch, and their keys once computed. Not thread-safe: one per write.</summary>
    internal sealed class Batch
    {
        private const int LaneBytes = MaxBlocks * 64;

        private byte[] _buffers;
        private readonly byte[]?[] _long;
        private readonly bool[] _isLong;

        internal Batch()
        {
            Lanes = UidHmac.Lanes;
            _buffers = ArrayPool<byte>.Shared.Rent(Lanes * LaneBytes);
            _long = new byte[Lanes][];
            _isLong = new bool[Lanes];
            Lengths = new int[Lanes];
            Keys = new UidKey[Lanes];
        }

        /// <summary>How many messages fit.</summary>
        internal int Lanes { get; }

        /// <summary>Gives the messages' buffer back to the pool it came from; the batch must not be used after.</summary>
        internal void ReturnBuffer()
        {
            var buffers = _buffers;
            _buffers = [];
            if (buffers.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffers);
            }
        }

        /// <summary>How many messages the batch holds.</summary>
        internal int Count { get; set; }

        /// <summary>Each message's length in bytes.</summary>
        internal int[] Lengths { get; }

        /// <summary>Each message's key, once computed.</summary>
        internal UidKey[] Keys { get; }

        /// <summary>The bytes of one message.</summary>
        internal ReadOnlySpan<byte> Message(int lane) =>
            _isLong[lane] ? _long[lane].AsSpan(0, Lengths[lane]) : _buffers.AsSpan(lane * LaneBytes, Lengths[lane]);

        /// <summary>Room for a message of at most <paramref name="maxLength"/> bytes in a lane; then <see cref="Commit"/> its length.</summary>
        internal Span<byte> Room(int lane, int maxLength)
        {
            if (maxLength <= MaxLaneMessage)
            {
                _isLong[lane] = false;
                return LaneBuffer(lane)[..MaxLaneMessage];
            }

            _isLong[lane] = true;
            if (_long[lane] is not { } buffer || buffer.Length < maxLength)
            {
                _long[lane] = buffer = new byte[maxLength];
            }

            return buffer;
        }

        /// <summary>Sets the length of the message written in a lane's <see cref="Room"/>.</summary>
        internal void Commit(int lane, int length)
        {
            if (_isLong[lane] && length <= MaxLaneMessage)
            {
                _long[lane].AsSpan(0, length).CopyTo(LaneBuffer(lane));
                _isLong[lane] = false;
            }

            Lengths[lane] = length;
        }

        internal Span<byte> LaneBuffer(int lane) => _buffers.AsSpan(lane * LaneBytes, LaneBytes);
    }
}
