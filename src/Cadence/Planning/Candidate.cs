using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// A planning rule's offer for a relationship's next touch: the day it asks for, the window, the rule that set it, and
/// what the reasons will be made of. The scheduler passes one candidate down the precedence list; each rule takes it
/// over or adjusts it, and the one left is the plan's (see <see cref="Scheduler"/>).
/// </summary>
internal struct Candidate
{
    /// <summary>The rule whose day it is.</summary>
    public PlanningRule Rule;

    /// <summary>Whether levelling must leave it on its day: a promise, a move by hand, a date, a campaign's placement.</summary>
    public bool IsFixed;

    /// <summary>The day asked for; before the plan's day when overdue.</summary>
    public LocalDate Day;

    /// <summary>The latest acceptable day.</summary>
    public LocalDate NotAfter;

    /// <summary>The day its window opens as the rules set it, or <see langword="null"/> when it has none (due from the plan's day).</summary>
    public LocalDate? Opens;

    /// <summary>The open commitment it keeps, if any (a move by hand may have moved its day).</summary>
    public Commitment? Commitment;

    /// <summary>The move by hand that set its day, if any.</summary>
    public ManualMove? Move;

    /// <summary>The day asked for before a move by hand changed it.</summary>
    public LocalDate? MovedFrom;

    /// <summary>Whether a pause held it to the pause's end.</summary>
    public bool Paused;

    /// <summary>The attempt (its position among the relationship's touches) whose minimum gap held a routine touch, or -1.</summary>
    public int WaitedFor;

    /// <summary>A channel the rule itself sets (a ladder's step), or <see langword="null"/> to suggest one.</summary>
    public Channel? Channel;

    /// <summary>The reasons the rarer rules add, or <see langword="null"/> (most touches).</summary>
    public NextStepNote? Note;

    /// <summary>The note, made on first use.</summary>
    public NextStepNote Notes => Note ??= new NextStepNote();
}
