using Cadence;
using Cadence.Planning;
using NodaTime;

var today = new LocalDate(2026, 3, 13);

var diary = new Diary(
    relationships:
    [
        new Relationship("zoe", "Zoë Müller", "client"),
        new Relationship("sam", "Sam Okafor", "prospect").WithPreferredChannels(Channel.Call),
        new Relationship("li", "Li Na", "referral source")
            .WithTimeZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]),
        new Relationship("ann", "Ann Berg", "past associate").PauseUntil(today.PlusDays(30)),
    ],
    touches:
    [
        new Touch("zoe", today.PlusDays(-41), Channel.Meeting, medium: "coffee"),
        new Touch("sam", today.PlusDays(-9), Channel.Meeting, medium: "ExpoLondon stand"),
        new Touch("sam", today.PlusDays(-8), Channel.Note, medium: "email", summary: "Sent the proposal"),
        new Touch("li", today.PlusDays(-60), Channel.Social, Direction.Inbound, medium: "LinkedIn"),
        new Touch("li", today.PlusDays(-50), Channel.Social, medium: "LinkedIn"),
        new Touch("li", today.PlusDays(-45), Channel.Note, medium: "email"),
    ],
    commitments:
    [
        new Commitment("sam-1", "sam", today, "chase feedback on the proposal"),
    ]);

var plan = new Scheduler().Plan(diary, today);

// Whom to contact this week, overdue first, and why.
Console.Write(Agenda.For(plan, today, today.PlusDays(6)));
