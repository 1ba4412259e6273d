using System;

namespace Cadence.Levelling;

/// <summary>
/// The touches of one channel waiting to be placed, smallest key first: a key is a touch's deadline (days from the plan's
/// day) in the high 32 bits and its id rank in the low ones, so earliest deadline first, then id. The touches released
/// on a day come in as runs of ranks, one per deadline, each in rank order; the runs are merged through a small heap of
/// their heads (a few thousand runs, not a million touches), and touches put back after being passed over go to a
/// binary heap of their own.
/// </summary>
internal sealed class LevellingQueue
{
    private readonly int[] _ranks;
    private int[] _position = new int[8];
    private int[] _end = new int[8];
    private long[] _deadline = new long[8];
    private long[] _runHeadKey = new long[8];
    private int[] _runHead = new int[8];
    private int _runs;
    private int _runIds;
    private long[] _back = new long[8];
    private int _backCount;

    /// <summary>Creates a queue that reads its runs from <paramref name="ranks"/>.</summary>
    /// <param name="ranks">Where the runs are: each a stretch of ranks in order, never changed while the queue reads it.</param>
    internal LevellingQueue(int[] ranks)
    {
        _ranks = ranks;
    }

    /// <summary>How many touches are waiting.</summary>
    internal int Count { get; private set; }

    /// <summary>The smallest key, or <see cref="long.MaxValue"/> when the queue is empty.</summary>
    internal long Head { get; private set; } = long.MaxValue;

    /// <summary>
    /// Adds the touches whose ranks are in the ranks array from <paramref name="start"/> (included) to
    /// <paramref name="end"/> (excluded), in rank order, all with one deadline.
    /// </summary>
    /// <param name="start">Where the first rank is.</param>
    /// <param name="end">After the last.</param>
    /// <param name="deadline">Their deadline.</param>
    internal void AddRun(int start, int end, int deadline)
    {
        if (end <= start)
        {
            return;
        }

        int id = _runIds++;
        if (id == _position.Length)
        {
            Array.Resize(ref _position, id * 2);
            Array.Resize(ref _end, id * 2);
            Array.Resize(ref _deadline, id * 2);
        }

        _position[id] = start;
        _end[id] = end;
        _deadline[id] = (long)deadline << 32;
        if (_runs == _runHead.Length)
        {
            Array.Resize(ref _runHead, _runs * 2);
            Array.Resize(ref _runHeadKey, _runs * 2);
        }

        // Sift up.
        long key = _deadline[id] | (uint)_ranks[start];
        int i = _runs++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (_runHeadKey[parent] <= key)
            {
                break;
            }

            _runHeadKey[i] = _runHeadKey[parent];
            _runHead[i] = _runHead[parent];
            i = parent;
        }

        _runHeadKey[i] = key;
        _runHead[i] = id;
        Count += end - start;
        UpdateHead();
    }

    /// <summary>Removes and returns the smallest key; the queue must not be empty.</summary>
    /// <returns>The key.</returns>
    internal long Pop()
    {
        long key;
        if (_runs > 0 && (_backCount == 0 || _runHeadKey[0] < _back[0]))
        {
            key = _runHeadKey[0];
            int id = _runHead[0];
            int next = ++_position[id];
            if (next < _end[id])
            {
                SiftRunDown(_deadline[id] | (uint)_ranks[next], id, 0);
            }
            else if (--_runs > 0)
            {
                SiftRunDown(_runHeadKey[_runs], _runHead[_runs], 0);
            }
        }
        else
        {
            key = _back[0];
            if (--_backCount > 0)
            {
                SiftBackDown(_back[_backCount]);
            }
        }

        Count--;
        UpdateHead();
        return key;
    }

    /// <summary>Puts a key back (a touch passed over today, waiting again from tomorrow).</summary>
    /// <param name="key">The key.</param>
    internal void PutBack(long key)
    {
        if (_backCount == _back.Length)
        {
            Array.Resize(ref _back, _backCount * 2);
        }

        int i = _backCount++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (_back[parent] <= key)
            {
                break;
            }

            _back[i] = _back[parent];
            i = parent;
        }

        _back[i] = key;
        Count++;
        UpdateHead();
    }

    private void UpdateHead()
    {
        long run = _runs > 0 ? _runHeadKey[0] : long.MaxValue;
        long back = _backCount > 0 ? _back[0] : long.MaxValue;
        Head = run < back ? run : back;
    }

    private void SiftRunDown(long key, int id, int i)
    {
        int count = _runs;
        while (true)
        {
            int child = (2 * i) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && _runHeadKey[child + 1] < _runHeadKey[child])
            {
                child++;
            }

            if (key <= _runHeadKey[child])
            {
                break;
            }

            _runHeadKey[i] = _runHeadKey[child];
            _runHead[i] = _runHead[child];
            i = child;
        }

        _runHeadKey[i] = key;
        _runHead[i] = id;
    }

    private void SiftBackDown(long key)
    {
        int count = _backCount;
        int i = 0;
        while (true)
        {
            int child = (2 * i) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && _back[child + 1] < _back[child])
            {
                child++;
            }

            if (key <= _back[child])
            {
                break;
            }

            _back[i] = _back[child];
            i = child;
        }

        _back[i] = key;
    }
}
