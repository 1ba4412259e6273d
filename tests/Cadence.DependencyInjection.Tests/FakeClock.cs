using NodaTime;

namespace Cadence.DependencyInjection.Tests;

/// <summary>A clock that always says the same instant (NodaTime.Testing is not available here).</summary>
internal sealed class FakeClock(Instant now) : IClock
{
    public Instant Now { get; } = now;

    public Instant GetCurrentInstant() => Now;
}
