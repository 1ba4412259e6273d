namespace Cadence.Calendars;

/// <summary>Why a day is not a working day in an <see cref="OwnerCalendar"/>.</summary>
public enum DayOff
{
    /// <summary>A working day.</summary>
    None = 0,

    /// <summary>Not one of the working days of the week.</summary>
    Weekend = 1,

    /// <summary>A holiday.</summary>
    Holiday = 2,

    /// <summary>Time off.</summary>
    TimeOff = 3,
}
