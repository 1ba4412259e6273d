using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Cadence.Testing;

/// <summary>
/// A deliberately separate, strict reader of what the writer produces, for the tests: checks the wire format
/// (UTF-8, CRLF, 75 octets) and undoes folding and escaping by RFC 5545 and RFC 6868.
/// </summary>
public static class IcsReader
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Physical lines as byte arrays; throws if any line break is not CRLF or the last line lacks one.</summary>
    public static List<byte[]> PhysicalLines(byte[] bytes)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                if (i == 0 || bytes[i - 1] != (byte)'\r')
                {
                    throw new FormatException($"LF without CR at octet {i}.");
                }

                lines.Add(bytes[start..(i - 1)]);
                start = i + 1;
            }
            else if (bytes[i] == (byte)'\r' && (i + 1 >= bytes.Length || bytes[i + 1] != (byte)'\n'))
            {
                throw new FormatException($"CR without LF at octet {i}.");
            }
        }

        if (start != bytes.Length)
        {
            throw new FormatException("The last line does not end with CRLF.");
        }

        return lines;
    }

    /// <summary>The text, decoded strictly as UTF-8 without a byte order mark.</summary>
    public static string Decode(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            throw new FormatException("The output starts with a byte order mark.");
        }

        return Strict.GetString(bytes);
    }

    /// <summary>Logical lines: physical lines with folds (CRLF + one space or tab) removed.</summary>
    public static List<string> Unfold(byte[] bytes)
    {
        var logical = new List<List<byte>>();
        foreach (var line in PhysicalLines(bytes))
        {
            if (line.Length > 0 && (line[0] == (byte)' ' || line[0] == (byte)'\t'))
            {
                if (logical.Count == 0)
                {
                    throw new FormatException("The first line is a continuation.");
                }

                logical[^1].AddRange(line.Skip(1));
            }
            else
            {
                logical.Add([.. line]);
            }
        }

        return logical.Select(l => Decode([.. l])).ToList();
    }

    /// <summary>A content line split into name, parameters and raw value, honouring quoted parameter values.</summary>
    public static (string Name, List<(string Name, string Value)> Parameters, string Value) Parse(string line)
    {
        int i = 0;
        string name = ReadName(line, ref i);
        var parameters = new List<(string, string)>();
        while (line[i] == ';')
        {
            i++;
            string pname = ReadName(line, ref i);
            if (line[i] != '=')
            {
                throw new FormatException($"Expected '=' after the parameter {pname}.");
            }

            i++;
            string value;
            if (line[i] == '"')
            {
                int end = line.IndexOf('"', i + 1);
                value = line[(i + 1)..end];
                i = end + 1;
            }
            else
            {
                int end = line.IndexOfAny([';', ':', ','], i);
                value = line[i..end];
                i = end;
            }

            parameters.Add((pname, value));
        }

        if (line[i] != ':')
        {
            throw new FormatException($"Expected ':' in \"{line}\".");
        }

        return (name, parameters, line[(i + 1)..]);
    }

    /// <summary>Undoes TEXT escaping; splits on unescaped commas when <paramref name="list"/> is set.</summary>
    public static List<string> UnescapeText(string value, bool list = false)
    {
        var values = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '\\')
            {
                char next = value[++i];
                current.Append(next switch
                {
                    'n' or 'N' => '\n',
                    '\\' or ';' or ',' => next,
                    _ => throw new FormatException($"Unknown escape \\{next}."),
                });
            }
            else if (c == ',' && list)
            {
                values.Add(current.ToString());
                current.Clear();
            }
            else if (c is ';' or ',')
            {
                throw new FormatException($"Unescaped '{c}' in a TEXT value.");
            }
            else
            {
                current.Append(c);
            }
        }

        values.Add(current.ToString());
        return values;
    }

    /// <summary>Undoes RFC 6868 parameter value encoding.</summary>
    public static string UnescapeParameter(string value)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == '^' && i + 1 < value.Length && value[i + 1] is 'n' or '^' or '\'')
            {
                builder.Append(value[++i] switch { 'n' => '\n', '^' => '^', _ => '"' });
            }
            else
            {
                builder.Append(value[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>What a text should read back as: line breaks as LF, controls gone, unpaired surrogates as U+FFFD.</summary>
    public static string Expected(string text)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                builder.Append('\n');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F))
            {
                // removed
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string ReadName(string line, ref int i)
    {
        int start = i;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] == '-'))
        {
            i++;
        }

        if (i == start)
        {
            throw new FormatException($"Expected a name at {start} in \"{line}\".");
        }

        return line[start..i];
    }
}
