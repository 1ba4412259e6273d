using System.Runtime.InteropServices;

namespace Cadence.Planning;

/// <summary>
/// What the scheduler reads of a touch, packed in eight bytes and stored by the <see cref="DiaryIndex"/> next to the other
/// touches of the same relationship, so planning reads memory in order instead of following a reference per touch.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct TouchFacts
{
    private const int MediumShift = 4;

    private readonly int _info;

    internal TouchFacts(int dayNumber, Channel channel, Direction direction, Outcome outcome, int medium)
    {
        Day = dayNumber;
        _info = (int)channel | ((int)direction << 2) | ((int)outcome << 3) | (medium << MediumShift);
    }

    /// <summary>The touch's date as a <see cref="System.DateOnly.DayNumber"/>.</summary>
    internal int Day { get; }

    /// <summary>The channel, direction and outcome in four bits: the index into a table of credits.</summary>
    internal int Kind => _info & 0xF;

    /// <summary>The channel.</summary>
    internal Channel Channel => (Channel)(_info & 0x3);

    /// <summary>Whether you started it.</summary>
    internal bool IsOutbound => (_info & 0x4) == 0;

    /// <summary>Whether it went unanswered.</summary>
    internal bool IsNoReply => (_info & 0x8) != 0;

    /// <summary>Whether it is their reply: a touch they started, or a call or meeting of yours that connected (see <see cref="Diary.IsReply"/>).</summary>
    internal bool IsReply => (_info & 0x4) != 0 || ((_info & 0x8) == 0 && (_info & 0x3) <= (int)Channel.Call);

    /// <summary>The index of its medium in the diary's table of media; 0 for none.</summary>
    internal int Medium => _info >>> MediumShift;
}
