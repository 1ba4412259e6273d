namespace Cadence;

/// <summary>How a <see cref="FollowUpLadder"/> counts the days between its steps.</summary>
public enum DayCount
{
    /// <summary>Working days on the owner's calendar (<see cref="Planning.SchedulerOptions.Calendar"/>; Monday to Friday when none is given).</summary>
    WorkingDays = 0,

    /// <summary>Calendar days.</summary>
    CalendarDays = 1,
}
