using System;
using System.Buffers;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Cadence.Tests.Properties;

namespace Cadence.Tests.Feed;

/// <summary>Whatever text goes in, the writer's output is well-formed and reads back as that text.</summary>
[Properties(MaxTest = Generators.Runs, QuietOnSuccess = true)]
public class ContentLineWriterProperties
{
    private static readonly string[] Hostile =
    [
        "a", "Z", " ", "\\", ";", ",", ":", "\"", "^", "\r", "\n", "\r\n", "\t", "\0", "\u0007", "\u001b", "\u007f", "\u0085",
        "é", "e\u0301", "ß", "中", "😀", "👩🏽‍💻", "\uD800", "\uDC00", "\u2028", "\uFEFF", "BEGIN:VEVENT", "END:VCALENDAR", "\\n", "^n", "Zoë",
    ];

    /// <summary>Strings built from hostile pieces, and FsCheck's own arbitrary strings.</summary>
    public static Gen<string> HostileText =>
        Gen.OneOf(
            Gen.Elements(Hostile).ArrayOf().Select(parts => string.Concat(parts)),
            ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty),
            Gen.Elements(Hostile).ArrayOf().Select(parts => string.Concat(parts)).Select(s => new string('x', 70) + s));

    private static byte[] Write(Action<ContentLineWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new ContentLineWriter(buffer));
        return buffer.WrittenSpan.ToArray();
    }

    private static Property ForAll<T>(Gen<T> gen, Func<T, bool> property) => Prop.ForAll(gen.ToArbitrary(), property);

    [Property]
    public Property WriteText_AnyText_LinesAtMost75OctetsCrlfOnlyValidUtf8()
    {
        return ForAll(HostileText, text =>
        {
            byte[] bytes = Write(w => w.WriteText("DESCRIPTION", text));
            IcsReader.Decode(bytes);
            return IcsReader.PhysicalLines(bytes).All(l => l.Length <= ContentLineWriter.MaxLineOctets);
        });
    }

    [Property]
    public Property WriteText_AnyText_UnfoldsAndUnescapesToTheSameText()
    {
        return ForAll(HostileText, text =>
        {
            byte[] bytes = Write(w => w.WriteText("DESCRIPTION", text));
            var lines = IcsReader.Unfold(bytes);
            if (lines.Count != 1)
            {
                return false;
            }

            var (name, parameters, value) = IcsReader.Parse(lines[0]);
            return name == "DESCRIPTION" && parameters.Count == 0 && IcsReader.UnescapeText(value).Single() == IcsReader.Expected(text);
        });
    }

    [Property]
    public Property WriteTextList_AnyTexts_EachValueReadsBackOnItsOwn()
    {
        return ForAll(HostileText.NonEmptyListOf(), texts =>
        {
            byte[] bytes = Write(w => w.WriteTextList("CATEGORIES", texts));
            var lines = IcsReader.Unfold(bytes);
            var values = IcsReader.UnescapeText(IcsReader.Parse(lines.Single()).Value, list: true);
            return IcsReader.PhysicalLines(bytes).All(l => l.Length <= 75)
                && values.SequenceEqual(texts.Select(IcsReader.Expected));
        });
    }

    [Property]
    public Property Parameter_AnyText_ReadsBackByRfc6868AndAddsNoParameter()
    {
        return ForAll(HostileText, text =>
        {
            byte[] bytes = Write(w =>
            {
                w.BeginProperty("ATTACH");
                w.Parameter("X-LABEL", text);
                w.Parameter("FMTTYPE", "text/plain");
                w.Text("body");
                w.EndProperty();
            });
            var (name, parameters, value) = IcsReader.Parse(IcsReader.Unfold(bytes).Single());
            string expected = IcsReader.Expected(text);
            return name == "ATTACH"
                && parameters.Count == 2
                && parameters[0].Name == "X-LABEL"
                && IcsReader.UnescapeParameter(parameters[0].Value) == expected
                && parameters[1] == ("FMTTYPE", "text/plain")
                && value == "body"
                && IcsReader.PhysicalLines(bytes).All(l => l.Length <= 75);
        });
    }

    [Property]
    public Property WriteText_ManyPropertiesOfAnyText_OneLogicalLineEach()
    {
        return ForAll(HostileText.NonEmptyListOf(), texts =>
        {
            byte[] bytes = Write(w =>
            {
                w.BeginComponent("VEVENT");
                foreach (string text in texts)
                {
                    w.WriteText("SUMMARY", text);
                }

                w.EndComponent("VEVENT");
            });
            var lines = IcsReader.Unfold(bytes);
            return lines.Count == texts.Count + 2
                && lines[0] == "BEGIN:VEVENT"
                && lines[^1] == "END:VEVENT"
                && lines.Skip(1).SkipLast(1).All(l => l.StartsWith("SUMMARY:", StringComparison.Ordinal));
        });
    }
}
