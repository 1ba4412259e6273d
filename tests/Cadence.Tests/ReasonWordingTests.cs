using System;
using System.Linq;
using System.Reflection;
using Cadence.Calendars;
using NodaTime;

namespace Cadence.Tests;

/// <summary>Every kind of reason is worded in the one renderer: adding a record without its English fails here.</summary>
public class ReasonWordingTests
{
    private static Type[] Kinds =>
        typeof(Reason).Assembly.GetExportedTypes().Where(t => t.IsSubclassOf(typeof(Reason))).OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();

    public static TheoryData<Type> ReasonKinds() => new(Kinds);

    [Fact]
    public void ReasonKinds_AreAllTheRecordsOfTheExplanationsNamespace()
    {
        var kinds = Kinds;

        Assert.Equal(31, kinds.Length);
        Assert.All(kinds, t => Assert.Equal("Cadence.Explanations", t.Namespace));
        Assert.All(kinds, t => Assert.True(t.IsSealed, $"{t.Name} is not sealed"));
    }

    [Theory]
    [MemberData(nameof(ReasonKinds))]
    public void AnyReason_HasAClause_AndASentenceOfIt(Type kind)
    {
        var reason = Make(kind);

        string clause = reason.ToString();

        Assert.False(string.IsNullOrWhiteSpace(clause), $"{kind.Name} has no wording");
        Assert.Equal(char.ToUpperInvariant(clause[0]) + clause[1..] + ".", Reason.Sentence([reason]));
    }

    /// <summary>A reason of a kind, with plain values for its positional parameters.</summary>
    private static Reason Make(Type kind)
    {
        var constructor = kind.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var day = new LocalDate(2026, 3, 2);
        object? Value(Type type) =>
            type == typeof(string) ? "Sydney"
            : type == typeof(int) ? 3
            : type == typeof(double) ? 0.6
            : type == typeof(bool) ? false
            : type == typeof(LocalDate) ? day
            : type == typeof(Period) ? Period.FromDays(5)
            : type == typeof(Touch) ? new Touch("zoe", day, Channel.Meeting, medium: "coffee")
            : type == typeof(CadenceRule) ? CadenceRule.FromDays(7, 30, 45)
            : type == typeof(Channel) ? Channel.Call
            : type == typeof(MoveCause) ? MoveCause.DailyBudget
            : type == typeof(DayOff) ? DayOff.Holiday
            : type == typeof(CallWindow) ? null
            : type == typeof(CommitmentStatus) ? CommitmentStatus.Done
            : type == typeof(DayCount) ? DayCount.WorkingDays
            : type == typeof(LocalTime) ? new LocalTime(14, 0)
            : Nullable.GetUnderlyingType(type) is { } inner ? Value(inner)
            : throw new InvalidOperationException($"No test value for {type.Name} in {kind.Name}: add one.");
        return (Reason)constructor.Invoke(constructor.GetParameters().Select(p => Value(p.ParameterType)).ToArray());
    }
}
