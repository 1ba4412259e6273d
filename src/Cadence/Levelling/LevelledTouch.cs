using System;
using System.Collections.Immutable;
using Cadence.Calendars;
using Cadence.Explanations;
using Cadence.Planning;
using NodaTime;

namespace Cadence.Levelling;

/// <summary>
/// A planned touch as levelling placed it on the owner's calendar: on a working day with room in the budget (<see cref="PlannedTouch.Due"/>),
/// with its latest day (rebased on today when asked), the hours in common with the contact that day, and levelling's
/// reasons after the planner's. Immutable, with value equality.
/// </summary>
public sealed class LevelledTouch : PlannedTouch
{
    private readonly LevellingNote? _note;

    internal LevelledTouch(PlannedTouch planned, LocalDate due, LocalDate notAfter, int daysOverdue, LevellingNote? note, CallWindow? callWindow)
        : base(planned, due, notAfter, daysOverdue)
    {
        Planned = planned;
        CallWindow = callWindow;
        _note = note;
    }

    /// <summary>The touch as the scheduler planned it, before levelling.</summary>
    public PlannedTouch Planned { get; }

    /// <summary>
    /// For a call or meeting with a contact whose time zone is known: the hours on <see cref="PlannedTouch.Due"/> that are
    /// working hours on both sides; otherwise <see langword="null"/>.
    /// </summary>
    public CallWindow? CallWindow { get; }

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), CallWindow);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PlannedTouch);

    private protected override void AddPlacementFacts(FactBuffer facts)
    {
        if (_note is { } note)
        {
            note.AddFacts(this, facts);
        }
        else
        {
            facts.Add(-1);
        }
    }

    private protected override void AddPlacementReasons(ImmutableArray<Reason>.Builder reasons) => _note?.AddReasons(this, reasons);

    private protected override bool EqualsCore(PlannedTouch other) =>
        base.EqualsCore(other) && Equals(CallWindow, ((LevelledTouch)other).CallWindow);
}
