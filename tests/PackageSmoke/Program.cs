// PackageSmoke: an app that uses the Cadence packages as a user does (PackageReference, not ProjectReference).
// It registers Cadence with AddCadence, resolves the scheduler, plans a small diary, levels it, writes the feed to
// memory and checks what comes out. Each check prints "ok" or "FAIL"; the last line is "smoke: N passed, M failed".
// Usage: dotnet PackageSmoke.dll <expected Cadence package version>
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Cadence.Calendars;
using Cadence;
using Cadence.Feed;
using Cadence.DependencyInjection;
using Cadence.Explanations;
using Cadence.Levelling;
using Cadence.Planning;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

string expectedVersion = args.Length > 0 ? args[0] : "0.1.0";
string tfm = AppContext.TargetFrameworkName?.EndsWith("v8.0", StringComparison.Ordinal) == true ? "net8.0" : "net10.0";
int passed = 0;
int failed = 0;

void Check(string what, bool ok, string detail = "")
{
    if (ok)
    {
        passed++;
    }
    else
    {
        failed++;
    }

    Console.WriteLine($"  {(ok ? "ok  " : "FAIL")} [{tfm}] {what}{(ok || detail.Length == 0 ? "" : ": " + detail)}");
}

try
{
    // --- The app's composition root --------------------------------------------------------------------------
    var uidKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    var services = new ServiceCollection();
    var returned = services.AddCadence(options =>
    {
        options.Scheduler = SchedulerOptions.Default.WithRules(CadenceRules.Default.With("investor", CadenceRule.FromWeeks(2, 4, 6)));
        options.Calendar = OwnerCalendar.ForZone("Europe/London").WithBudget(new TouchBudget(2));
        options.Feed = new FeedOptions("Cadence smoke", uidKey).WithHorizonDays(60);
    });
    services.AddCadence(); // a second call is harmless
    using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

    Check("AddCadence returns the services", ReferenceEquals(returned, services));
    Check("calling AddCadence twice registers nothing twice", services.GroupBy(d => d.ServiceType).All(g => g.Count() == 1), $"{services.Count} descriptors");
    Check("IClock is the system clock", ReferenceEquals(provider.GetRequiredService<IClock>(), SystemClock.Instance));

    // --- A small diary -----------------------------------------------------------------------------------------
    var today = new LocalDate(2026, 3, 13);
    var diary = new Diary(
        relationships:
        [
            new Relationship("zoe", "Zoë Müller", "client"),
            new Relationship("sam", "Sam Okafor", "prospect"),
            new Relationship("ines", "Inès Duval", "investor"),
        ],
        touches:
        [
            new Touch("zoe", today.PlusDays(-41), Channel.Meeting, medium: "coffee"),
            new Touch("sam", today.PlusDays(-5), Channel.Call),
            new Touch("ines", today.PlusDays(-30), Channel.Meeting),
        ],
        commitments:
        [
            new Commitment("sam-1", "sam", today.PlusDays(3), "send the revised proposal"),
        ]);

    var scheduler = provider.GetRequiredService<Scheduler>();
    Check("the scheduler counts working days on the owner's calendar", ReferenceEquals(scheduler.Options.Calendar, provider.GetRequiredService<OwnerCalendar>()));
    var plan = scheduler.Plan(diary, today);
    var zoe = plan["zoe"];
    Check("the plan has every relationship", plan.Touches.Count == 3, plan.Touches.Count.ToString());
    Check("Zoë is 11 days overdue, due today", zoe.Due == today && zoe.DaysOverdue == 11, $"{zoe.Due} {zoe.DaysOverdue}");
    Check("the reason is explained", zoe.Why.Contains("clients are due every 30 days (at most 45)", StringComparison.Ordinal), zoe.Why);
    Check("the configured investor rule is used", plan["ines"].Rule.Equals(CadenceRule.FromWeeks(2, 4, 6)), plan["ines"].Rule.ToString() ?? "");
    Check("the commitment pins Sam's date", plan["sam"].Due == today.PlusDays(3) && plan["sam"].IsPinned);

    var levelled = provider.GetRequiredService<Leveller>().Level(plan);
    Check("the leveller keeps every touch", levelled.Touches.Count == 3 && levelled.Planned == plan);

    // --- The feed, to memory --------------------------------------------------------------------------------
    using var memory = new MemoryStream();
    var result = provider.GetRequiredService<FeedWriter>().Write(levelled, FeedState.Empty, Instant.FromUtc(2026, 3, 13, 8, 0), memory);
    string ics = Encoding.UTF8.GetString(memory.ToArray());
    int events = ics.Split("\r\n").Count(line => line == "BEGIN:VEVENT");
    Check("the feed is a calendar", ics.StartsWith("BEGIN:VCALENDAR\r\n", StringComparison.Ordinal) && ics.EndsWith("END:VCALENDAR\r\n", StringComparison.Ordinal));
    Check("the feed has one event per touch", events == 3 && result.Components == 3, $"{events} events, {result.Components} components");
    Check("the feed names Zoë", ics.Contains("SUMMARY:Call Zoë Müller", StringComparison.Ordinal));

    // --- Bad options throw from AddCadence -------------------------------------------------------------------
    string? message = null;
    try
    {
        new ServiceCollection().AddCadence(o => o.Scheduler = o.Scheduler.WithOfflineAfterOnlineTouches(0));
    }
    catch (ArgumentOutOfRangeException e)
    {
        message = e.Message;
    }

    Check("bad options throw from AddCadence, naming the value", message?.Contains("got 0", StringComparison.Ordinal) == true, message ?? "no exception");

    // --- The code really came from the packages ---------------------------------------------------------------
    foreach (var assembly in new[] { typeof(Scheduler).Assembly, typeof(CadenceOptions).Assembly })
    {
        string name = assembly.GetName().Name!;
        string? informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        Check($"{name} is version {expectedVersion}", informational is not null && informational.Split('+')[0] == expectedVersion, informational ?? "none");
        Check($"{name} is a package, its {tfm} assets", FromPackage(name, expectedVersion, tfm, out string why), why);
    }

    string line = $"smoke: {zoe.Channel} {zoe.Name} on {zoe.Due.ToString("ddd d MMM", CultureInfo.InvariantCulture)}; feed of {events} events, {ics.Length} chars";
    Console.WriteLine(line);
    Check("the summary line", line.StartsWith("smoke: Call Zoë Müller on Fri 13 Mar; feed of 3 events", StringComparison.Ordinal), line);

    // --- The notations, with AnyAscii coming in as the core package's dependency ----------------------------------
    Check("a ladder read and written back", FollowUpLadder.Parse("prospect", "3wd:email,5wd:phone").FormatSteps() == "3wd:note,5wd:call");
    Check("an id from a name in any script", RelationshipIds.FromName("陈静") == "chenjing", RelationshipIds.FromName("陈静") ?? "null");

    // --- Cadence.Import: a calendar's meeting picked up as a touch ---------------------------------------------------
    var contactDiary = new Diary([new Relationship("zoe", "Zoë Müller", "client").WithEmails(["zoe@example.com"])]);
    var calendarText = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Smoke//EN\r\nBEGIN:VEVENT\r\nUID:smoke@example.com\r\nDTSTART:20260310T100000Z\r\n"
        + "ATTENDEE;PARTSTAT=ACCEPTED:mailto:ZOE@example.com\r\nSUMMARY:Coffee\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    var imported = Cadence.Import.CalendarImporter.Import(contactDiary, calendarText, new Cadence.Import.CalendarImportOptions(Instant.FromUtc(2026, 3, 13, 18, 0), DateTimeZoneProviders.Tzdb["Europe/London"]));
    Check("Cadence.Import: a meeting with a relationship's address becomes a touch", imported.Diary.Touches.Count == 1 && imported.Diary.Touches[0].Summary == "Coffee", imported.Report.ToString());
}
catch (Exception e)
{
    Check("no exception", false, e.ToString());
}

Console.WriteLine($"smoke [{tfm}]: {passed} passed, {failed} failed");
return failed == 0 && passed > 0 ? 0 : 1;

// The app's deps.json says where each library came from: a package (with the asset path) or a project.
static bool FromPackage(string name, string version, string tfm, out string why)
{
    string path = Path.Combine(AppContext.BaseDirectory, Assembly.GetEntryAssembly()!.GetName().Name + ".deps.json");
    using var deps = JsonDocument.Parse(File.ReadAllText(path));
    string key = $"{name}/{version}";
    if (!deps.RootElement.GetProperty("libraries").TryGetProperty(key, out var library))
    {
        why = $"{key} is not in {Path.GetFileName(path)}";
        return false;
    }

    string type = library.GetProperty("type").GetString() ?? "";
    var target = deps.RootElement.GetProperty("targets").EnumerateObject().First().Value.GetProperty(key);
    var runtime = target.TryGetProperty("runtime", out var r) ? r.EnumerateObject().Select(p => p.Name).ToList() : new List<string>();
    string asset = $"lib/{tfm}/{name}.dll";
    why = $"type {type}, runtime assets {string.Join(", ", runtime)}";
    return type == "package" && runtime.Contains(asset);
}
