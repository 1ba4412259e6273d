using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Cadence.Levelling;
using Cadence.Sample.Store;
using Cadence.Sample.Cli;
using NodaTime;

namespace Cadence.Sample.Demo;

/// <summary>
/// The built-in demo diary: 30 relationships of a consultant's marketing diary, after the field notes (prospects met
/// at events, clients, referral sources, past associates to reconnect with, contacts abroad), with every date
/// relative to today so the agenda always has something to say.
/// </summary>
internal static class DemoDiary
{
    /// <summary>
    /// The demo's UID key: fixed, so the read-only demo gives stable feed UIDs from run to run. <c>init</c> writes a
    /// random key instead.
    /// </summary>
    public static ImmutableArray<byte> UidKey { get; } = [.. Encoding.ASCII.GetBytes("Cadence demo diary UID key, not a secret")];

    /// <summary>The demo diary as of <paramref name="today"/>.</summary>
    public static DiaryData Create(LocalDate today)
    {
        var relationships = new List<Relationship>();
        var touches = new List<Touch>();
        var commitments = new List<Commitment>();
        var moves = new List<ManualMove>();

        LocalDate Day(int offset) => today.PlusDays(offset);

        // Promises and moves by hand are made for working days: on a weekend the demo's agenda then says so and
        // shows Monday's touches, instead of two promises kept on a Sunday.
        LocalDate WorkingDay(int offset)
        {
            var day = Day(offset);
            while (day.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
            {
                day = day.PlusDays(1);
            }

            return day;
        }

        Relationship Add(string id, string name, string tier, string? zone = null, params string[] tags)
        {
            var r = new Relationship(id, name, tier).WithTags(tags);
            if (zone is not null)
            {
                r = r.WithTimeZone(Text.ParseZone(zone));
            }

            relationships.Add(r);
            return r;
        }

        void Prefers(string id, params Channel[] channels)
        {
            int i = relationships.FindIndex(r => r.Id == id);
            relationships[i] = relationships[i].WithPreferredChannels(channels);
        }

        void Birthday(string id, int inDays, int year)
        {
            // A leap year, so a birthday that falls on 29 February today still has its year.
            var day = Day(inDays);
            int i = relationships.FindIndex(r => r.Id == id);
            relationships[i] = relationships[i].WithImportantDates(ImportantDate.Yearly("birthday", new AnnualDate(day.Month, day.Day), year));
        }

        void Log(string id, int daysAgo, Channel channel, string? medium = null, string? summary = null, bool inbound = false, bool noReply = false) =>
            touches.Add(new Touch(
                id,
                Day(-daysAgo),
                channel,
                inbound ? Direction.Inbound : Direction.Outbound,
                noReply ? Outcome.NoReply : Outcome.Connected,
                medium,
                summary));

        void Promise(string id, string relationshipId, int inDays, string what, Channel? channel = null, int? madeDaysAgo = null, CommitmentKind kind = CommitmentKind.Step) =>
            commitments.Add(new Commitment(id, relationshipId, WorkingDay(inDays), what, channel, madeOn: madeDaysAgo is { } ago ? Day(-ago) : null, kind: kind));

        // Clients.
        Add("zoe-muller", "Zoë Müller", "client", "Europe/Berlin", "Berlin", "retainer");
        Log("zoe-muller", 41, Channel.Meeting, "coffee", "Quarterly review over coffee; wants the Q2 plan");

        Add("harriet-cole", "Harriet Cole", "client", null, "London");
        Log("harriet-cole", 20, Channel.Meeting, "lunch", "Lunch near her office");
        Log("harriet-cole", 6, Channel.Note, "email", "Sent the March report");
        Birthday("harriet-cole", 19, 1988); // a week after her routine touch is due: that touch waits for it

        Add("marcus-webb", "Marcus Webb", "client", "America/New_York", "New York");
        Prefers("marcus-webb", Channel.Call);
        Log("marcus-webb", 33, Channel.Meeting, "Skype video", "Project kick-off on Skype video");

        // The demo's clients learn their rhythm (learning, below): Priya and her team talk every three weeks, half the
        // time on her call, so her touch comes sooner than the clients' 30 days; Daniel's dinners come every six weeks
        // or so, so his comes later, inside the 45 days at most.
        Add("priya-raman", "Priya Raman", "client", null, "Manchester");
        Log("priya-raman", 112, Channel.Call, "phone", "Kick-off of the training programme");
        Log("priya-raman", 91, Channel.Call, "phone", "She called with the first feedback", inbound: true);
        Log("priya-raman", 71, Channel.Meeting, "workshop", "Second training day");
        Log("priya-raman", 49, Channel.Call, "phone", "She called about the next cohort", inbound: true);
        Log("priya-raman", 28, Channel.Call, "phone", "Talked through the training budget");

        Add("tom-ashworth", "Tom Ashworth", "client", null, "Leeds");
        Log("tom-ashworth", 50, Channel.Meeting, "site visit");
        Log("tom-ashworth", 15, Channel.Call, "voicemail", noReply: true);
        Log("tom-ashworth", 8, Channel.Note, "handwritten note", "Thank-you card after the site visit");

        Add("grace-okonkwo", "Grace Okonkwo", "client", null, "London", "renewal due");
        Log("grace-okonkwo", 12, Channel.Meeting, "workshop", "Ran the team workshop");
        Promise("grace-okonkwo-1", "grace-okonkwo", 0, "send the renewal proposal", Channel.Note);

        Add("lucy-brennan", "Lucy Brennan", "client", "Europe/Dublin", "Dublin");
        Log("lucy-brennan", 25, Channel.Meeting, "coffee");
        Log("lucy-brennan", 3, Channel.Call, "phone", "She called about the invoice", inbound: true);
        Birthday("lucy-brennan", 9, 1984); // before her routine touch: the birthday call comes first

        Add("daniel-moreau", "Daniel Moreau", "client", "Europe/Paris", "Paris");
        Prefers("daniel-moreau", Channel.Meeting);
        Log("daniel-moreau", 200, Channel.Meeting, "dinner in Paris");
        Log("daniel-moreau", 157, Channel.Meeting, "dinner in Paris", inbound: true);
        Log("daniel-moreau", 114, Channel.Meeting, "lunch in London");
        Log("daniel-moreau", 74, Channel.Meeting, "dinner in Paris", inbound: true);
        Log("daniel-moreau", 31, Channel.Meeting, "dinner in Paris");

        // Prospects: met at events, or found online.
        Add("sam-okafor", "Sam Okafor", "prospect", null, "met at ExpoLondon");
        Prefers("sam-okafor", Channel.Call);
        Log("sam-okafor", 9, Channel.Meeting, "coffee at the ExpoLondon stand", "Interested in the leadership programme");
        Log("sam-okafor", 8, Channel.Note, "email", "Sent the proposal");
        commitments.Add(new Commitment("sam-okafor-1", "sam-okafor", Day(-8), "send the proposal", Channel.Note).MarkDone());
        Promise("sam-okafor-2", "sam-okafor", 0, "chase feedback on the proposal", Channel.Call);

        Add("elena-petrova", "Elena Petrova", "prospect", null, "chamber of commerce breakfast");
        Log("elena-petrova", 16, Channel.Meeting, "coffee at the chamber breakfast");
        Log("elena-petrova", 14, Channel.Note, "email", "Follow-up email with the case study", noReply: true);

        Add("james-whitfield", "James Whitfield", "prospect", "America/New_York", "Atlanta", "networking lunch");
        Log("james-whitfield", 5, Channel.Meeting, "networking lunch in Atlanta", "Said he would call next week");
        Promise("james-whitfield-1", "james-whitfield", 5, "they said they'd call next week: call them if not", Channel.Call, madeDaysAgo: 5, kind: CommitmentKind.UnlessReply);

        Add("aisha-bello", "Aisha Bello", "prospect", null, "LinkedIn");
        Log("aisha-bello", 30, Channel.Social, "LinkedIn", "Connected after my post on referrals", inbound: true);
        Log("aisha-bello", 25, Channel.Social, "LinkedIn", "Commented on her article");
        Log("aisha-bello", 18, Channel.Social, "LinkedIn message", "Asked about her team's plans");
        Log("aisha-bello", 10, Channel.Note, "email", "Sent the article she asked for");

        Add("ben-carter", "Ben Carter", "prospect", null, "referred by Rachel Stein");
        Log("ben-carter", 21, Channel.Call, "voicemail", noReply: true);
        Log("ben-carter", 14, Channel.Call, "voicemail", noReply: true);

        Add("chloe-martin", "Chloé Martin", "prospect", "Europe/Paris", "met at ExpoLondon");
        Log("chloe-martin", 2, Channel.Meeting, "drinks at ExpoLondon", "Swapped cards");

        Add("oliver-grant", "Oliver Grant", "prospect", null, "webinar");
        Log("oliver-grant", 13, Channel.Meeting, "Skype video", "Demo of the programme");

        Add("tomislav-babic", "Tomislav Babić", "prospect", "Europe/Zagreb", "Zagreb", "introduced by Ivan Horvat");

        Add("hannah-lee", "Hannah Lee", "prospect", "Asia/Singapore", "Singapore", "LinkedIn");
        Log("hannah-lee", 11, Channel.Social, "LinkedIn message", "Intro through a shared group", inbound: true);
        Log("hannah-lee", 4, Channel.Note, "email", "Sent the brochure");

        // Referral sources, several abroad.
        Add("chen-jing", "Chen Jing", "referral source", "Asia/Shanghai", "Shanghai");
        Log("chen-jing", 60, Channel.Social, "LinkedIn", "She connected on LinkedIn", inbound: true);
        Log("chen-jing", 50, Channel.Social, "LinkedIn message");
        Log("chen-jing", 45, Channel.Note, "email", "Shared the referral-selling notes");

        Add("andrew-blake", "Andrew Blake", "referral source", "Europe/London", "London", "Twitter");
        Log("andrew-blake", 40, Channel.Call, "Skype", "Talked about referral selling; introduced Ivan");

        Add("ivan-horvat", "Ivan Horvat", "referral source", "Europe/Zagreb", "Zagreb", "entrepreneur");
        Log("ivan-horvat", 30, Channel.Meeting, "Skype video", "Introduced by Andrew; wants to learn about referrals");
        Log("ivan-horvat", 20, Channel.Note, "email", "Sent him places to visit on the trip, and he sent his");

        Add("jack-thompson", "Jack Thompson", "referral source", "Australia/Sydney", "Sydney");
        Prefers("jack-thompson", Channel.Call);
        Log("jack-thompson", 50, Channel.Social, "LinkedIn message", "Asked about American prospecting practices", inbound: true);
        Log("jack-thompson", 47, Channel.Call, "Skype", "Long call; he knows half of Sydney");

        Add("rachel-stein", "Rachel Stein", "referral source", "America/New_York", "New York", "accountant");
        Log("rachel-stein", 35, Channel.Meeting, "lunch", "Referred Ben Carter");
        Promise("rachel-stein-1", "rachel-stein", 3, "send a handwritten thank-you note for the referral", Channel.Note);

        Add("fiona-macleod", "Fiona MacLeod", "referral source", "Europe/London", "Edinburgh", "BNI");
        Log("fiona-macleod", 62, Channel.Meeting, "BNI breakfast");

        Add("kwame-mensah", "Kwame Mensah", "referral source", null, "London");
        Log("kwame-mensah", 70, Channel.Meeting, "coffee");
        int k = relationships.FindIndex(r => r.Id == "kwame-mensah");
        relationships[k] = relationships[k].PauseUntil(Day(10)); // on parental leave

        Add("sophie-turner", "Sophie Turner", "referral source", null, "chamber of commerce");
        Log("sophie-turner", 21, Channel.Meeting, "chamber of commerce mixer");

        // Past associates to reconnect with.
        Add("peter-lindqvist", "Peter Lindqvist", "past associate", "Europe/Stockholm", "former colleague");
        Log("peter-lindqvist", 200, Channel.Meeting, "farewell lunch");
        Log("peter-lindqvist", 95, Channel.Social, "LinkedIn", "He commented on my post", inbound: true);

        Add("susan-reyes", "Susan Reyes", "past associate", "America/New_York", "Atlanta", "former client");
        Prefers("susan-reyes", Channel.Note);
        Log("susan-reyes", 80, Channel.Note, "handwritten note", "New-year card");

        Add("mark-ellis", "Mark Ellis", "past associate", null, "former colleague");
        Log("mark-ellis", 40, Channel.Call, "phone", "Catch-up call; he's moved to a bank");
        moves.Add(new ManualMove("mark-ellis", WorkingDay(2), Day(-1))); // brought forward: heard he is hiring

        Add("nadia-haddad", "Nadia Haddad", "past associate", null, "former colleague");
        Log("nadia-haddad", 60, Channel.Meeting, "reunion drinks");
        Promise("nadia-haddad-1", "nadia-haddad", 40, "book coffee to catch up", Channel.Meeting);

        Add("george-palmer", "George Palmer", "past associate", null, "retired");
        Log("george-palmer", 300, Channel.Meeting, "retirement party");
        int g = relationships.FindIndex(r => r.Id == "george-palmer");
        relationships[g] = relationships[g].Archive();

        // The essays' "Commit to Connect": reconnect with every past associate within about seven months, by phone or
        // a personal note, started three weeks ago.
        var diary = new Diary(relationships, DiaryData.WithIds(touches), commitments, moves)
            .StartCampaign(Campaign.ForTier("past associates", "past associate", Day(-20), Day(200)).WithChannels(Channel.Call, Channel.Note));
        // The essays' practice, decided when the email goes out: no reply in 3 working days, write again; 5 more, call.
        var chase = new FollowUpLadder("prospect chase", DayCount.WorkingDays, new FollowUpStep(3, Channel.Note), new FollowUpStep(5, Channel.Call));
        return new DiaryData(diary)
        {
            Feed = new FeedSettings { UidKey = UidKey },
            LearningTiers = ImmutableSortedSet.Create(System.StringComparer.OrdinalIgnoreCase, "client"),
            Ladders = ImmutableSortedDictionary.Create<string, NamedLadder>(System.StringComparer.OrdinalIgnoreCase)
                .Add(chase.Name, new NamedLadder(chase, ["prospect"])),
        };
    }
}
