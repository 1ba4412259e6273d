using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;

namespace Cadence.Tests.Feed;

/// <summary>A fixed diary with hostile text, and helpers to write and read its feeds.</summary>
internal static class FeedFixtures
{
    public static readonly LocalDate Today = FixedDays.Today;
    public static readonly Instant Now = Instant.FromUtc(2026, 3, 13, 7, 30);
    public static readonly byte[] Key = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();

    public const string HostileName = "Zoë \"Z\" Müller; CEO, Acme\\Ltd 👩🏽‍💻";
    public const string HostilePurpose = "chase feedback\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected";

    public static Diary Diary() => new(
        [
            new Relationship("zoe", HostileName, "client").WithPreferredChannels(Channel.Call),
            new Relationship("sam", "Sam Okafor", "prospect"),
            new Relationship("li", "李娜", "referral source"),
            new Relationship("ann", "Ann Berg", "past associate").PauseUntil(Today.PlusDays(30)),
            new Relationship("old", "Old Contact", "client").Archive(),
        ],
        [
            new Touch("zoe", Today.PlusDays(-41), Channel.Meeting, medium: "coffee", summary: "Talked about Q2;\nbudget, \"maybe\""),
            new Touch("sam", Today.PlusDays(-9), Channel.Meeting, medium: "ExpoLondon stand"),
            new Touch("li", Today.PlusDays(-20), Channel.Social, Direction.Inbound, medium: "LinkedIn"),
        ],
        [
            new Commitment("sam-1", "sam", Today.PlusDays(3), HostilePurpose, Channel.Call),
        ]);

    public static Plan Plan(Diary? diary = null, LocalDate? today = null) =>
        new Scheduler().Plan(diary ?? Diary(), today ?? Today);

    public static FeedOptions Options => new FeedOptions("Cadence", Key).WithDescription("Whom to contact, and why");

    public static (string Text, FeedResult Result) Write(FeedOptions options, Plan plan, FeedState? previous = null, Instant? now = null)
    {
        var result = new FeedWriter(options).Write(plan, previous ?? FeedState.Empty, now ?? Now, out string text);
        return (text, result);
    }

    /// <summary>The components of a feed as property lists (unfolded, values raw).</summary>
    public static List<List<(string Name, List<(string Name, string Value)> Parameters, string Value)>> Components(string text, string kind = "VEVENT")
    {
        var lines = IcsReader.Unfold(Encoding.UTF8.GetBytes(text)).Select(IcsReader.Parse).ToList();
        var components = new List<List<(string, List<(string, string)>, string)>>();
        List<(string, List<(string, string)>, string)>? current = null;
        foreach (var line in lines)
        {
            if (line.Name == "BEGIN" && line.Value == kind)
            {
                current = [];
            }
            else if (line.Name == "END" && line.Value == kind)
            {
                components.Add(current!);
                current = null;
            }
            else
            {
                current?.Add(line);
            }
        }

        return components;
    }

    public static string Get(List<(string Name, List<(string Name, string Value)> Parameters, string Value)> component, string name) =>
        component.First(p => p.Name == name).Value;

    public static string Text(List<(string Name, List<(string Name, string Value)> Parameters, string Value)> component, string name) =>
        IcsReader.UnescapeText(Get(component, name)).Single();

    /// <summary>Each component's body as written (its lines after SEQUENCE up to its END, folded), by UID.</summary>
    public static Dictionary<string, byte[]> Bodies(string feed, string kind = "VEVENT")
    {
        var bodies = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string[] lines = feed.Split("\r\n");
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("UID:", StringComparison.Ordinal))
            {
                continue;
            }

            string uid = lines[i][4..];
            int start = i + 4;
            int end = Array.IndexOf(lines, "END:" + kind, start);
            bodies.Add(uid, Encoding.UTF8.GetBytes(string.Concat(lines[start..end].Select(l => l + "\r\n"))));
        }

        return bodies;
    }

    /// <summary>
    /// The message a touch's UID is the keyed BLAKE3 hash of (UTF-8): the component ("VEVENT" or "VTODO"), then
    /// "\ncommitment\n", the relationship's id, "\n" and the commitment's id; or "\ncadence\n", the relationship's id,
    /// "\n" and the date (and "T" and the time) of the touch it follows, or "first".
    /// </summary>
    public static string UidMaterial(PlannedTouch touch, string component) =>
        touch.Commitment is { } commitment
            ? $"{component}\ncommitment\n{touch.RelationshipId}\n{commitment.Id}"
            : $"{component}\ncadence\n{touch.RelationshipId}\n" + (touch.LastTouch is { } last
                ? last.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)
                    + (last.Time is { } time ? "T" + time.ToString("HH:mm:ss", CultureInfo.InvariantCulture) : string.Empty)
                : "first");

    /// <summary>The message a daily digest's UID is the keyed BLAKE3 hash of: "digest", "\n" and the day.</summary>
    public static string DigestUidMaterial(LocalDate day) => "digest\n" + day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The context string feed UIDs derive their BLAKE3 key with, as the library documents it.</summary>
    public const string UidKeyContext = "Cadence 2026-12-07 feed UID key";

    /// <summary>
    /// A UID computed here from its documented recipe: BLAKE3's derive_key mode turns the UID key into a 32-byte key
    /// (context <see cref="UidKeyContext"/>), BLAKE3's keyed mode hashes the message under it, and the first 20
    /// bytes of the hash, in base32, and "@cadence" are the UID.
    /// </summary>
    public static string ExpectedUid(byte[] key, string material)
    {
        var derived = new byte[32];
        using (var derive = Blake3.Hasher.NewDeriveKey(UidKeyContext))
        {
            derive.Update(key);
            derive.Finalize(derived);
        }

        var hash = new byte[32];
        using (var keyed = Blake3.Hasher.NewKeyed(derived))
        {
            keyed.Update(Encoding.UTF8.GetBytes(material));
            keyed.Finalize(hash);
        }

        return Base32(hash[..20]) + "@cadence";
    }

    /// <summary>RFC 4648 base32 in lower case without padding, as feed UIDs write their 20 bytes.</summary>
    public static string Base32(byte[] bytes)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var text = new StringBuilder();
        int bits = 0, value = 0;
        foreach (byte b in bytes)
        {
            value = (value << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(alphabet[(value >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        return text.ToString();
    }
}
