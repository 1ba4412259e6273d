using System.Diagnostics.Contracts;
using System.Linq;
using System.Reflection;

namespace Cadence.Tests;

/// <summary>The shape of the public API that the analyzers cannot see from a user's side.</summary>
public class ApiTests
{
    [Fact]
    public void EveryMethodReturningAChangedCopy_IsPureInTheCompiledAssembly()
    {
        // [Pure] is [Conditional("CONTRACTS_FULL")]: without that symbol it would vanish from the assembly, and CA1806
        // could not flag "diary.Log(touch);" with its result dropped in users' code.
        var copies = typeof(Diary).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.ReturnType == t && !m.IsSpecialName && m.Name != "<Clone>$"))
            .ToList();

        Assert.Contains(copies, m => m.DeclaringType == typeof(Diary) && m.Name == nameof(Diary.Log));
        Assert.True(copies.Count > 50, $"only {copies.Count} methods return a changed copy");
        Assert.All(copies, m => Assert.True(
            m.GetCustomAttribute<PureAttribute>() is not null,
            $"{m.DeclaringType!.Name}.{m.Name} returns a changed copy but is not [Pure]"));
    }

    [Fact]
    public void TheContentLineWriter_AndTheHelpers_AreNotPublic()
    {
        var exported = typeof(Diary).Assembly.GetExportedTypes();

        Assert.DoesNotContain(exported, t => t.Namespace == "Cadence.Internal");
        Assert.DoesNotContain(exported, t => t.Name.Contains("ContentLineWriter", System.StringComparison.Ordinal));
        Assert.Equal(
            ["Cadence", "Cadence.Calendars", "Cadence.Explanations", "Cadence.Feed", "Cadence.Levelling", "Cadence.Planning"],
            exported.Select(t => t.Namespace!).Distinct().Order(System.StringComparer.Ordinal));
    }
}
