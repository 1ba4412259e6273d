using NodaTime;

namespace Cadence.Explanations;

/// <summary>The relationship is paused: nothing is due before the pause ends.</summary>
/// <param name="Until">The day it resumes.</param>
public sealed record PausedReason(LocalDate Until) : Reason;
