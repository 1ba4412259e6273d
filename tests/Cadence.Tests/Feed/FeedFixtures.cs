using System.Collections.Generic;
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
}
