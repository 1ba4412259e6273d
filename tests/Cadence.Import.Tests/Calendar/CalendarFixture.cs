using System;
using System.IO;
using System.Linq;
using NodaTime;

namespace Cadence.Import.Tests.Calendar;

/// <summary>The diary the calendar fixtures are read into, on Monday 2 March 2026 at 18:00 in London.</summary>
internal static class CalendarFixture
{
    internal static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    internal static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 18, 0);

    internal static readonly LocalDate Since = new(2026, 1, 1);

    /// <summary>Past meetings only (no horizon): what the fixtures of past meetings are about.</summary>
    internal static CalendarImportOptions Options => new(Now, London) { Since = Since, OwnerEmails = ["me@example.com"], Horizon = 0 };

    /// <summary>Past meetings and, within the default horizon (60 days), booked ones.</summary>
    internal static CalendarImportOptions Booking => new(Now, London) { Since = Since, OwnerEmails = ["me@example.com"] };

    internal static Diary Diary() => new(
    [
        new Relationship("zoe", "Zoë Müller", "client").WithEmails("zoe.mueller@example.com"),
        new Relationship("sam", "Sam Okafor", "prospect").WithEmails("sam@okafor.co.uk"),
        new Relationship("li", "李娜", "referral-source").WithEmails("li.na@example.cn"),
        new Relationship("tom", "Tom Ashworth", "client").WithEmails("TOM@ashworth.example"),
    ]);

    internal static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "calendar", name));

    internal static CalendarImport Import(string name, CalendarImportOptions? options = null) =>
        CalendarImporter.Import(Diary(), Read(name), options ?? Options);

    /// <summary>The touches the import added, as "relationship date time channel direction medium summary".</summary>
    internal static string[] Added(CalendarImport import) =>
        [.. import.Diary.Touches.Select(t => $"{t.RelationshipId} {t.Date:uuuu-MM-dd} {t.Time:HH:mm} {t.Channel} {t.Direction} {t.Medium} | {t.Summary}")];
}
