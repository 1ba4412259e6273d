using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Cadence.Tests;

/// <summary>
/// The core's namespaces point one way (docs/design.md, "The flow"): each uses only the ones below it, read from the
/// compiled assembly's IL (signatures, fields, base types, attributes and method bodies), so no import cycle can creep in.
/// </summary>
public class ArchitectureTests
{
    /// <summary>The namespaces, lowest first: each may use those before it, never those after it.</summary>
    private static readonly string[] Layers =
    [
        "Cadence.Internal",
        "Cadence",
        "Cadence.Calendars",
        "Cadence.Explanations",
        "Cadence.Planning",
        "Cadence.Levelling",
        "Cadence.Feed",
    ];

    [Fact]
    public void CoreNamespaces_UseOnlyTheLayersBelowThem()
    {
        var edges = NamespaceDependencies();
        Assert.All(edges.Keys, from => Assert.Contains(from, Layers));

        var upward = edges
            .SelectMany(e => e.Value.Where(to => Array.IndexOf(Layers, to.Namespace) > Array.IndexOf(Layers, e.Key)).Select(to => $"{e.Key} uses {to.Namespace} ({to.Example})"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(upward.Count == 0, "A namespace uses one above it:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void NamespaceDependencies_SeeWhatTheCodeUses()
    {
        // The reader must see the uses it is there to forbid, or the test above would pass on anything.
        var edges = NamespaceDependencies();
        Assert.Contains(edges["Cadence.Planning"], d => d.Namespace == "Cadence.Explanations");
        Assert.Contains(edges["Cadence.Levelling"], d => d.Namespace == "Cadence.Planning");
        Assert.Contains(edges["Cadence.Feed"], d => d.Namespace == "Cadence.Levelling");
        Assert.Contains(edges["Cadence"], d => d.Namespace == "Cadence.Internal");
    }

    /// <summary>
    /// A relationship's note is the owner's private text: nothing in the feed reads it (a calendar feed is shared
    /// with phones and other people's servers). Read from the IL, so a new use anywhere in <c>Cadence.Feed</c> fails.
    /// </summary>
    [Fact]
    public void Feed_NeverReadsARelationshipsNote()
    {
        var readers = ReadersOfNote();
        Assert.DoesNotContain(readers, r => r.StartsWith("Cadence.Feed", StringComparison.Ordinal));

        // The scan sees a read where there is one (the merge keeps both notes), or the assertion above would pass on anything.
        Assert.Contains(readers, r => r.StartsWith("Cadence.Diary", StringComparison.Ordinal));
    }

    /// <summary>The methods (as "Type::Method") of the core whose bodies call <see cref="Relationship.Note"/>'s getter.</summary>
    private static List<string> ReadersOfNote()
    {
        using var module = ModuleDefinition.ReadModule(typeof(Diary).Assembly.Location);
        var readers = new List<string>();
        foreach (var type in module.GetTypes())
        {
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                if (method.Body.Instructions.Any(i => i.Operand is MethodReference { Name: "get_Note" } called && called.DeclaringType.FullName == "Cadence.Relationship"))
                {
                    string outer = NamespaceOf(type);
                    readers.Add($"{outer}.{type.Name}::{method.Name}");
                }
            }
        }

        return readers;
    }

    /// <summary>For each namespace of the core, the other core namespaces its types use, with one use as an example.</summary>
    private static Dictionary<string, HashSet<(string Namespace, string Example)>> NamespaceDependencies()
    {
        using var module = ModuleDefinition.ReadModule(typeof(Diary).Assembly.Location);
        var edges = new Dictionary<string, HashSet<(string, string)>>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            string from = NamespaceOf(type);
            if (!from.StartsWith("Cadence", StringComparison.Ordinal))
            {
                // Compiler-generated types at the top level (<PrivateImplementationDetails>, embedded attributes).
                continue;
            }

            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var used in Uses(type))
            {
                string to = NamespaceOf(used);
                if (to != from && Array.IndexOf(Layers, to) >= 0)
                {
                    seen.TryAdd(to, $"{type.FullName} → {used.FullName}");
                }
            }

            if (!edges.TryGetValue(from, out var set))
            {
                edges[from] = set = [];
            }

            foreach (var (to, example) in seen)
            {
                if (!set.Any(d => d.Item1 == to))
                {
                    set.Add((to, example));
                }
            }
        }

        return edges;
    }

    /// <summary>A type's namespace: its own, or for a nested type its outermost declaring type's.</summary>
    private static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Namespace;
    }

    /// <summary>Every type a type refers to: base, interfaces, attributes, fields, properties, method signatures and bodies.</summary>
    private static IEnumerable<TypeReference> Uses(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? t)
        {
            switch (t)
            {
                case null:
                    return;
                case GenericInstanceType generic:
                    Add(generic.ElementType);
                    foreach (var argument in generic.GenericArguments)
                    {
                        Add(argument);
                    }

                    return;
                case TypeSpecification specification:
                    Add(specification.ElementType);
                    return;
                case GenericParameter:
                    return;
                default:
                    found.Add(t);
                    return;
            }
        }

        void AddAttributes(ICustomAttributeProvider provider)
        {
            foreach (var attribute in provider.CustomAttributes)
            {
                Add(attribute.AttributeType);
            }
        }

        void AddMethod(MethodReference method)
        {
            Add(method.DeclaringType);
            Add(method.ReturnType);
            foreach (var parameter in method.Parameters)
            {
                Add(parameter.ParameterType);
            }

            if (method is GenericInstanceMethod generic)
            {
                foreach (var argument in generic.GenericArguments)
                {
                    Add(argument);
                }
            }
        }

        Add(type.BaseType);
        AddAttributes(type);
        foreach (var face in type.Interfaces)
        {
            Add(face.InterfaceType);
        }

        foreach (var field in type.Fields)
        {
            Add(field.FieldType);
            AddAttributes(field);
        }

        foreach (var property in type.Properties)
        {
            Add(property.PropertyType);
        }

        foreach (var method in type.Methods)
        {
            AddMethod(method);
            AddAttributes(method);
            if (!method.HasBody)
            {
                continue;
            }

            foreach (var variable in method.Body.Variables)
            {
                Add(variable.VariableType);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        Add(t);
                        break;
                    case MethodReference m:
                        AddMethod(m);
                        break;
                    case FieldReference f:
                        Add(f.DeclaringType);
                        Add(f.FieldType);
                        break;
                }
            }
        }

        return found;
    }
}
