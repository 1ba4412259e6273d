namespace Cadence.Explanations;

/// <summary>Why levelling moved a touch off a day.</summary>
public enum MoveCause
{
    /// <summary>Not one of the owner's working days.</summary>
    NotAWorkingDay = 0,

    /// <summary>The owner's holiday.</summary>
    Holiday = 1,

    /// <summary>The owner's time off.</summary>
    TimeOff = 2,

    /// <summary>The daily budget was reached.</summary>
    DailyBudget = 3,

    /// <summary>The daily budget of the touch's channel was reached.</summary>
    ChannelBudget = 4,

    /// <summary>The weekly budget was reached.</summary>
    WeeklyBudget = 5,

    /// <summary>The day is a weekend for the contact, in their time zone (calls and meetings only).</summary>
    ContactWeekend = 6,
}
