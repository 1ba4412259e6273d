using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace Cadence.Tests.Notations;

/// <summary>Generators of the ways people write a word: any case, blanks around it.</summary>
internal static class Spellings
{
    /// <summary>The word in a generated mix of upper and lower case.</summary>
    public static Gen<string> AnyCase(string word) =>
        Gen.Choose(0, (1 << 16) - 1).Select(mask =>
            new string(word.Select((c, i) => (mask >> (i % 16) & 1) == 1 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray()));

    /// <summary>Blanks a text may have around it or around its parts.</summary>
    public static Gen<string> Blank => Gen.Elements("", "", " ", "  ", "\t");

    /// <summary>The word in any case with blanks around it.</summary>
    public static Gen<string> Padded(string word) =>
        from before in Blank
        from spelled in AnyCase(word)
        from after in Blank
        select before + spelled + after;
}
