using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Cadence.DependencyInjection.Tests;

/// <summary>The DI package depends on Cadence and the DI abstractions only, never on the container.</summary>
public class DependencyTests
{
    private static readonly Assembly Package = typeof(CadenceOptions).Assembly;

    [Fact]
    public void Package_ReferencedAssemblies_AreCadenceNodaTimeAndTheAbstractionsOnly()
    {
        var references = Package.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name != "netstandard" && name != "mscorlib" && !name.StartsWith("System", StringComparison.Ordinal))
            .OrderBy(name => name, StringComparer.Ordinal);

        // NodaTime comes with Cadence (IClock); it is not a dependency of its own.
        Assert.Equal(["Cadence", "Microsoft.Extensions.DependencyInjection.Abstractions", "NodaTime"], references);
    }

    [Fact]
    public void Package_DepsJson_ListsCadenceAndTheAbstractionsOnly()
    {
        // The test's deps.json holds the DI project's own entry, with its direct dependencies (build-only ones,
        // such as Source Link, are not there).
        string path = Path.Combine(AppContext.BaseDirectory, typeof(DependencyTests).Assembly.GetName().Name + ".deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(path));
        var target = deps.RootElement.GetProperty("targets").EnumerateObject().Single().Value;
        var entry = target.EnumerateObject().Single(p => p.Name.StartsWith("Cadence.DependencyInjection/", StringComparison.Ordinal));

        var dependencies = entry.Value.GetProperty("dependencies").EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(["Cadence", "Microsoft.Extensions.DependencyInjection.Abstractions"], dependencies);
    }

    [Fact]
    public void AddCadence_Namespace_IsMicrosoftExtensionsDependencyInjection()
    {
        var method = typeof(CadenceServiceCollectionExtensions).GetMethod(nameof(CadenceServiceCollectionExtensions.AddCadence))!;

        Assert.Equal("Microsoft.Extensions.DependencyInjection", method.DeclaringType!.Namespace);
        Assert.Same(Package, method.DeclaringType.Assembly);
    }
}
