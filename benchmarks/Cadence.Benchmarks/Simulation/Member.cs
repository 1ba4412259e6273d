using System;

namespace Cadence.Benchmarks.Simulation;

/// <summary>
/// A member during one arm's year: its traits, its two streams of randomness and how it stands with the owner. Days are
/// counted from the start of the year (the history before it is at negative days).
/// </summary>
/// <remarks>
/// Two streams, both seeded from <see cref="MemberTraits.Seed"/>, so both arms draw the same numbers for the same
/// events (common random numbers): <see cref="Daily"/> gives one number every day of the year (whether the member starts
/// an exchange), <see cref="Response"/> two for each of your touches (whether it is answered, and when a note's reply comes).
/// </remarks>
internal sealed class Member
{
    internal const int None = int.MinValue;

    internal Member(MemberTraits traits)
    {
        Traits = traits;
        Daily = new Random(traits.Seed);
        Response = new Random(traits.Seed ^ 0x5BD1E995);
        LastExchange = traits.LastPriorExchange;
        LastContact = traits.LastPriorExchange;
    }

    internal MemberTraits Traits { get; }

    internal Random Daily { get; }

    internal Random Response { get; }

    /// <summary>Affinity, 0 to 1; starts at 1.</summary>
    internal double Affinity { get; set; } = 1;

    /// <summary>The day of the latest exchange (a reply of theirs or a live touch of yours that connected).</summary>
    internal int LastExchange { get; set; }

    /// <summary>The later of the latest exchange and your latest attempt: what a touch's gap counts from.</summary>
    internal int LastContact { get; set; }

    /// <summary>The day their reply to your note comes, or <see cref="None"/>.</summary>
    internal int PendingReply { get; set; } = None;

    /// <summary>Whether the note awaiting that reply was judged as pestering.</summary>
    internal bool PendingPester { get; set; }

    /// <summary>The silence on a day: days since the latest exchange.</summary>
    internal int Silence(int day) => day - LastExchange;

    /// <summary>An exchange on a day: the silence ends, and affinity is restored unless it answered a touch judged as pestering.</summary>
    internal void Exchange(int day, bool pestered, PopulationModel model)
    {
        LastExchange = day;
        LastContact = Math.Max(LastContact, day);
        if (!pestered)
        {
            Affinity = Math.Min(1, Affinity + model.RestoreOnExchange);
        }
    }

    /// <summary>The end of a day: past <c>DriftAfter · r</c> of silence, affinity drifts down.</summary>
    internal void Drift(int day, PopulationModel model)
    {
        if (Silence(day) > model.DriftAfter * Traits.Rhythm)
        {
            Affinity *= 1 - (model.DriftRate / Traits.Rhythm);
        }
    }

    /// <summary>Whether the member has decayed on a day: silence past <c>DecayedAfter · r</c>, or affinity below <c>DecayedBelow</c>.</summary>
    internal bool HasDecayed(int day, PopulationModel model) =>
        Silence(day) > model.DecayedAfter * Traits.Rhythm || Affinity < model.DecayedBelow;
}
