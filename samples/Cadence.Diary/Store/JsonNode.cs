using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Cadence.Sample.Store;

/// <summary>A data file that cannot be read: the message names the place in the file ("relationships[3].tier").</summary>
internal sealed class DataFileException(string message) : Exception(message);

/// <summary>
/// A JSON value and where it is in the file, with typed accessors whose errors name that place. Unknown properties
/// are errors too: a typo in a hand-edited file should not be silently ignored.
/// </summary>
internal readonly struct JsonNode(JsonElement element, string path)
{
    public string Path { get; } = path;

    public JsonElement Element { get; } = element;

    public JsonNode Required(string name)
    {
        ExpectKind(JsonValueKind.Object, "an object");
        return Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new JsonNode(value, Child(name))
            : throw Error($"the property \"{name}\" is missing");
    }

    public JsonNode? Optional(string name)
    {
        ExpectKind(JsonValueKind.Object, "an object");
        return Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new JsonNode(value, Child(name))
            : null;
    }

    /// <summary>Fails on a property not in <paramref name="known"/>, or one given twice.</summary>
    public void OnlyKnown(params string[] known)
    {
        ExpectKind(JsonValueKind.Object, "an object");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in Element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                throw Error($"the property \"{property.Name}\" is given twice");
            }

            if (Array.IndexOf(known, property.Name) < 0)
            {
                throw Error($"unknown property \"{property.Name}\" (known: {string.Join(", ", known)})");
            }
        }
    }

    public string String()
    {
        ExpectKind(JsonValueKind.String, "a string");
        return Element.GetString()!;
    }

    public int Int32()
    {
        ExpectKind(JsonValueKind.Number, "a whole number");
        return Element.TryGetInt32(out int value) ? value : throw Error($"expected a whole number, got {Element.GetRawText()}");
    }

    public IEnumerable<JsonNode> Items()
    {
        ExpectKind(JsonValueKind.Array, "an array");
        string path = Path;
        return Element.EnumerateArray().Select((item, i) => new JsonNode(item, $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]")).ToArray();
    }

    public IEnumerable<(string Name, JsonNode Value)> Properties()
    {
        ExpectKind(JsonValueKind.Object, "an object");
        var list = new List<(string, JsonNode)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in Element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                throw Error($"the property \"{property.Name}\" is given twice");
            }

            list.Add((property.Name, new JsonNode(property.Value, Child(property.Name))));
        }

        return list;
    }

    /// <summary>Runs a conversion that may throw (a library check, a parse) and names this place in its error.</summary>
    public T Convert<T>(Func<string, T> convert)
    {
        string text = String();
        try
        {
            return convert(text);
        }
        catch (Exception e) when (e is not DataFileException)
        {
            throw Error(Cli.Messages.OneLine(e));
        }
    }

    public DataFileException Error(string message) => new($"{Path}: {message}");

    private void ExpectKind(JsonValueKind kind, string what)
    {
        if (Element.ValueKind != kind)
        {
            throw Error($"expected {what}, got {Describe(Element.ValueKind)}");
        }
    }

    private string Child(string name) =>
        Path.Length == 0 ? name
        : name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"{Path}.{name}"
        : $"{Path}[\"{name}\"]";

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
