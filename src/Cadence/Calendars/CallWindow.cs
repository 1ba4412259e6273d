using System;
using NodaTime;
using NodaTime.Text;

namespace Cadence.Calendars;

/// <summary>
/// The hours of one day when both the owner and the contact are at work: the same interval seen from both time
/// zones, so it reads "08:00–09:00 your time, 17:00–18:00 in Sydney". Found instant by instant, so it is right on
/// both sides of every daylight-saving change. Immutable.
/// </summary>
/// <param name="OwnerStart">The start, in the owner's time zone.</param>
/// <param name="OwnerEnd">The end, in the owner's time zone.</param>
/// <param name="ContactStart">The start, in the contact's time zone.</param>
/// <param name="ContactEnd">The end, in the contact's time zone.</param>
public sealed record CallWindow(ZonedDateTime OwnerStart, ZonedDateTime OwnerEnd, ZonedDateTime ContactStart, ZonedDateTime ContactEnd)
{
    private static readonly LocalTimePattern Hours = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    /// <summary>How long the window is.</summary>
    public Duration Length => OwnerEnd.ToInstant() - OwnerStart.ToInstant();

    /// <summary>
    /// The longest stretch of <paramref name="ownerDate"/> (owner's working hours, owner's zone) that is also inside the
    /// contact's working hours on one of the contact's own days; ties go to the earliest.
    /// </summary>
    /// <param name="ownerDate">The owner's day.</param>
    /// <param name="ownerZone">The owner's time zone.</param>
    /// <param name="ownerStart">The start of the owner's working day.</param>
    /// <param name="ownerEnd">The end of the owner's working day.</param>
    /// <param name="contactZone">The contact's time zone.</param>
    /// <param name="contactStart">The start of the contact's working day.</param>
    /// <param name="contactEnd">The end of the contact's working day.</param>
    /// <returns>The window, or <see langword="null"/> when the hours do not overlap that day.</returns>
    internal static CallWindow? Find(
        LocalDate ownerDate,
        DateTimeZone ownerZone,
        LocalTime ownerStart,
        LocalTime ownerEnd,
        DateTimeZone contactZone,
        LocalTime contactStart,
        LocalTime contactEnd)
    {
        ArgumentNullException.ThrowIfNull(ownerZone);
        ArgumentNullException.ThrowIfNull(contactZone);
        Instant from = ownerZone.AtLeniently(ownerDate.At(ownerStart)).ToInstant();
        Instant to = ownerZone.AtLeniently(ownerDate.At(ownerEnd)).ToInstant();

        CallWindow? best = null;
        LocalDate first = from.InZone(contactZone).Date.PlusDays(-1);
        for (LocalDate day = first; day <= first.PlusDays(3); day = day.PlusDays(1))
        {
            Instant start = contactZone.AtLeniently(day.At(contactStart)).ToInstant();
            Instant end = contactZone.AtLeniently(day.At(contactEnd)).ToInstant();
            Instant overlapStart = start > from ? start : from;
            Instant overlapEnd = end < to ? end : to;
            if (overlapEnd > overlapStart && (best is null || overlapEnd - overlapStart > best.Length))
            {
                best = new CallWindow(
                    overlapStart.InZone(ownerZone),
                    overlapEnd.InZone(ownerZone),
                    overlapStart.InZone(contactZone),
                    overlapEnd.InZone(contactZone));
            }
        }

        return best;
    }

    /// <summary>"08:00–09:00 your time, 17:00–18:00 in Sydney".</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Hours.Format(OwnerStart.TimeOfDay)}–{Hours.Format(OwnerEnd.TimeOfDay)} your time, "
        + $"{Hours.Format(ContactStart.TimeOfDay)}–{Hours.Format(ContactEnd.TimeOfDay)} in {Place(ContactStart.Zone)}";

    /// <summary>"Australia/Sydney" → "Sydney", "America/Argentina/Buenos_Aires" → "Buenos Aires".</summary>
    internal static string Place(DateTimeZone zone)
    {
        string id = zone.Id;
        int slash = id.LastIndexOf('/');
        return (slash >= 0 ? id[(slash + 1)..] : id).Replace('_', ' ');
    }
}
