using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Cadence.Testing;

/// <summary>Calendar files as an attacker or an unlucky user has them (issue 26), for the importer's and the sample's properties.</summary>
public static class HostileCalendars
{
    private static readonly string[] Frequencies = ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"];

    private static string Stamp(int year, int dayOfYear, bool allDay) =>
        new LocalDate(year, 1, 1).PlusDays(dayOfYear) is var day && allDay ? $"VALUE=DATE:{day:yyyyMMdd}" : $"{day:yyyyMMdd}T100000Z";

    /// <summary>
    /// The lines of a VEVENT (without BEGIN and END) with zoe.mueller@example.com as its attendee: a date from 1900 to
    /// 9998 (mostly 2025 to 2027), timed or all day, ending the same day or up to 9999, with a rule of any frequency,
    /// up to four RDATEs and EXDATEs, perhaps out of office.
    /// </summary>
    public static Gen<string> Event =>
        from n in Gen.Choose(0, 1_000_000)
        from year in Gen.Frequency((1, Gen.Choose(1900, 2020)), (6, Gen.Choose(2025, 2027)), (1, Gen.Choose(2028, 9998)))
        from day in Gen.Choose(0, 364)
        from allDay in Gen.Elements(false, true)
        from endYear in Gen.Frequency((4, Gen.Constant(year)), (1, Gen.Choose(year, 9999)))
        from endDay in Gen.Choose(day, 364)
        from rule in Gen.Frequency((3, Gen.Constant<string?>(null)), (2, Gen.Elements(Frequencies).Select(f => (string?)f)))
        from rdates in Gen.Choose(0, 4)
        from exdates in Gen.Choose(0, 4)
        from outOfOffice in Gen.Elements(false, true)
        select new StringBuilder()
            .Append($"UID:h{n}@test\r\n")
            .Append($"DTSTART{(allDay ? ";" : ":")}{Stamp(year, day, allDay)}\r\n")
            .Append($"DTEND{(allDay ? ";" : ":")}{Stamp(Math.Max(endYear, year), endYear > year ? endDay : Math.Max(endDay, day + (allDay ? 1 : 0)), allDay)}\r\n")
            .Append(rule is null ? string.Empty : $"RRULE:FREQ={rule}\r\n")
            .Append(string.Concat(Enumerable.Range(1, rdates).Select(k => $"RDATE:{Stamp(year, Math.Min(day + k, 364), false)}\r\n")))
            .Append(string.Concat(Enumerable.Range(1, exdates).Select(k => $"EXDATE:{Stamp(year, Math.Min(day + (2 * k), 364), false)}\r\n")))
            .Append(outOfOffice ? "X-MICROSOFT-CDO-BUSYSTATUS:OOF\r\n" : string.Empty)
            .Append("ATTENDEE:mailto:zoe.mueller@example.com\r\nSUMMARY:Event\r\n")
            .ToString();

    /// <summary>A calendar file of these events.</summary>
    public static string File(IEnumerable<string> events) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        + string.Concat(events.Select(e => "BEGIN:VEVENT\r\n" + e + "END:VEVENT\r\n")) + "END:VCALENDAR\r\n";
}
