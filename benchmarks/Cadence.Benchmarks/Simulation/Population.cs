using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace Cadence.Benchmarks.Simulation;

/// <summary>
/// What a member is, hidden from the owner and the same in both arms: tier, comfortable rhythm, responsiveness,
/// preferred channel, and the seed of the member's own <see cref="Random"/> for the year.
/// </summary>
/// <param name="Id">The relationship id ("m007").</param>
/// <param name="Tier">Its tier.</param>
/// <param name="Rhythm">The comfortable rhythm <c>r</c>, in days.</param>
/// <param name="Responsiveness">The responsiveness <c>p</c>, 0 to 1.</param>
/// <param name="Channel">The channel it prefers.</param>
/// <param name="Seed">The seed of its randomness in the year (the same in both arms).</param>
/// <param name="LastPriorExchange">The day (from the start, negative) of its latest exchange before the year.</param>
public sealed record MemberTraits(string Id, SimulatedTier Tier, double Rhythm, double Responsiveness, Channel Channel, int Seed, int LastPriorExchange);

/// <summary>
/// A population drawn from one seed: the members' traits and their history before the year, given to both arms.
/// </summary>
public sealed class Population
{
    private Population(IReadOnlyList<MemberTraits> members, IReadOnlyList<Relationship> relationships, IReadOnlyList<Touch> prior)
    {
        Members = members;
        Relationships = relationships;
        PriorTouches = prior;
    }

    /// <summary>The members, by id.</summary>
    public IReadOnlyList<MemberTraits> Members { get; }

    /// <summary>Their relationships in the diary (tier and preferred channel only).</summary>
    public IReadOnlyList<Relationship> Relationships { get; }

    /// <summary>The touches before the year, in date order.</summary>
    public IReadOnlyList<Touch> PriorTouches { get; }

    /// <summary>Draws a population from <see cref="Random"/>(<paramref name="seed"/>).</summary>
    /// <param name="model">The model.</param>
    /// <param name="members">How many members.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The population.</returns>
    public static Population Draw(PopulationModel model, int members, int seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        var random = new Random(seed);
        var traits = new List<MemberTraits>(members);
        var relationships = new List<Relationship>(members);
        var prior = new List<Touch>();
        for (int i = 0; i < members; i++)
        {
            string id = string.Create(CultureInfo.InvariantCulture, $"m{i + 1:000}");
            var tier = Pick(random, model.Tiers, t => t.Share);
            double low = model.RhythmFromMinGap * Days(tier.Rule.MinGap, model.Start);
            double high = model.RhythmToMaxGap * Days(tier.Rule.MaxGap, model.Start);
            double rhythm = Math.Exp(Math.Log(low) + (random.NextDouble() * (Math.Log(high) - Math.Log(low))));
            double responsiveness = model.ResponsivenessFrom + (random.NextDouble() * (model.ResponsivenessTo - model.ResponsivenessFrom));
            var channel = Pick(random, model.Channels, c => c.Share).Channel;
            int memberSeed = random.Next();
            int last = PriorHistory(model, random, id, rhythm, channel, prior);
            traits.Add(new MemberTraits(id, tier, rhythm, responsiveness, channel, memberSeed, last));
            relationships.Add(new Relationship(id, $"Member {i + 1}", tier.Name).WithPreferredChannels(channel));
        }

        var ordered = prior.OrderBy(t => t.Date).ThenBy(t => t.RelationshipId, StringComparer.Ordinal).ThenBy(t => t.Time).ToArray();
        return new Population(traits, relationships, ordered);
    }

    /// <summary>
    /// Adds a member's exchanges before the year: the latest a uniform part of a rhythm before the start, each earlier
    /// one a rhythm times <c>1 ± PriorNoise</c> before the next, back to <see cref="PopulationModel.PriorDays"/>. An
    /// exchange they started is their note; one you started is your touch on their channel, answered (a note's reply
    /// the same afternoon). Returns the day of the latest.
    /// </summary>
    private static int PriorHistory(PopulationModel model, Random random, string id, double rhythm, Channel channel, List<Touch> touches)
    {
        int latest = -1 - (int)(random.NextDouble() * rhythm);
        for (int day = latest; day >= -model.PriorDays;)
        {
            var date = model.Start.PlusDays(day);
            if (random.NextDouble() < model.PriorTheyStarted)
            {
                touches.Add(new Touch(id, date, Channel.Note, Direction.Inbound, time: Times.TheyStart));
            }
            else
            {
                touches.Add(new Touch(id, date, channel, time: Times.Owner));
                if (channel is Channel.Note or Channel.Social)
                {
                    touches.Add(new Touch(id, date, Channel.Note, Direction.Inbound, time: Times.SameDayReply));
                }
            }

            double noise = 1 + (model.PriorNoise * ((2 * random.NextDouble()) - 1));
            day -= Math.Max(1, (int)Math.Round(rhythm * noise));
        }

        return latest;
    }

    /// <summary>The days a period spans from a day.</summary>
    internal static int Days(Period period, LocalDate from) => Period.Between(from, from.Plus(period), PeriodUnits.Days).Days;

    /// <summary>Picks an item by weight.</summary>
    internal static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, double> weight)
    {
        double total = items.Sum(weight);
        double x = random.NextDouble() * total;
        foreach (var item in items)
        {
            x -= weight(item);
            if (x < 0)
            {
                return item;
            }
        }

        return items[^1];
    }
}

/// <summary>The times of day touches are logged at, so a day's touches are in the order they happened.</summary>
internal static class Times
{
    /// <summary>A member starting an exchange, or a reply from an earlier day: first thing.</summary>
    internal static readonly LocalTime TheyStart = new(9, 0);

    /// <summary>The owner's touches.</summary>
    internal static readonly LocalTime Owner = new(11, 0);

    /// <summary>A reply the same day.</summary>
    internal static readonly LocalTime SameDayReply = new(16, 0);
}
