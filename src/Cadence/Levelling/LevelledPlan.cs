using System.Collections.Generic;
using Cadence.Planning;

namespace Cadence.Levelling;

/// <summary>A levelled plan, and the days that fixed touches put over budget.</summary>
/// <param name="Plan">The plan, every touch on the day it was placed.</param>
/// <param name="Overbooked">Days over budget because of fixed touches, by day.</param>
public sealed record LevelledPlan(Plan Plan, IReadOnlyList<OverbookedDay> Overbooked);
