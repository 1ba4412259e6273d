using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using Cadence.Internal;

namespace Cadence;

/// <summary>The ladder notation: <c>3wd:note,5wd:call</c>.</summary>
public sealed partial class FollowUpLadder
{
    /// <summary>
    /// Reads a ladder written as its steps, e.g. <c>3wd:note,5wd:call</c>: wait 3 working days, then write; 5 more, then
    /// call. Each step, separated by commas, is days (1 to <see cref="FollowUpStep.MaxDays"/>) followed by <c>wd</c> for
    /// working days or <c>d</c> for calendar days (one ladder counts one kind), a colon and a channel word
    /// (<see cref="ChannelWord"/>: "email" is a note, "phone" a call). Case and blanks around the parts do not matter.
    /// </summary>
    /// <param name="name">The ladder's name ("prospect"), checked as the constructor checks it.</param>
    /// <param name="steps">The steps.</param>
    /// <returns>The ladder.</returns>
    /// <exception cref="ArgumentException">Null steps, or a null or blank name (checked once the steps are read).</exception>
    /// <exception cref="NotationException">
    /// A step that is not days, <c>wd</c> or <c>d</c>, a colon and a channel (<see cref="NotationError.BadStep"/>,
    /// <see cref="NotationError.UnknownChannel"/>), working and calendar days mixed (<see cref="NotationError.MixedDayCounts"/>),
    /// or no steps or more than <see cref="MaxSteps"/> (<see cref="NotationError.StepCount"/>); the message quotes the value.
    /// </exception>
    public static FollowUpLadder Parse(string name, string steps)
    {
        // The name is checked as the constructor checks it, once the steps are read.
        var (count, parsed, error) = Read(Guard.NotNull(steps, nameof(steps)));
        return error is null ? new FollowUpLadder(name, count, parsed) : throw error;
    }

    /// <summary>Reads a ladder written as its steps (<see cref="Parse"/>), or says the steps cannot be read.</summary>
    /// <param name="name">The ladder's name, checked as the constructor checks it.</param>
    /// <param name="steps">The steps, e.g. <c>3wd:note,5wd:call</c>.</param>
    /// <param name="ladder">The ladder, or <see langword="null"/>.</param>
    /// <returns>Whether the steps were read.</returns>
    /// <exception cref="ArgumentException">Null steps, or a null or blank name with steps that can be read.</exception>
    public static bool TryParse(string name, string steps, [NotNullWhen(true)] out FollowUpLadder? ladder)
    {
        var (count, parsed, error) = Read(Guard.NotNull(steps, nameof(steps)));
        ladder = error is null ? new FollowUpLadder(name, count, parsed) : null;
        return ladder is not null;
    }

    /// <summary>The steps as <see cref="Parse"/> reads them, with the channels' own words: <c>3wd:note,5wd:call</c>.</summary>
    /// <returns>The steps.</returns>
    /// <exception cref="InvalidOperationException">The ladder is <see cref="None"/>, which has no steps.</exception>
    public string FormatSteps()
    {
        if (IsNone)
        {
            throw new InvalidOperationException("FollowUpLadder.None has no steps to write.");
        }

        string unit = Count == DayCount.WorkingDays ? "wd" : "d";
        return string.Join(',', _steps.Select(s => s.After.ToString(CultureInfo.InvariantCulture) + unit + ":" + s.Channel.ToWord()));
    }

    /// <summary>The steps read in order; the first problem found is returned, not thrown.</summary>
    private static (DayCount Count, List<FollowUpStep> Steps, NotationException? Error) Read(string steps)
    {
        var parsed = new List<FollowUpStep>();
        DayCount? count = null;
        foreach (string step in Notations.SplitList(steps))
        {
            int colon = step.IndexOf(':', StringComparison.Ordinal);
            string days = colon < 0 ? step : step[..colon].Trim().ToLowerInvariant();
            var unit = days.EndsWith("wd", StringComparison.Ordinal) ? DayCount.WorkingDays
                : days.EndsWith('d') ? DayCount.CalendarDays
                : (DayCount?)null;
            string number = unit == DayCount.WorkingDays ? days[..^2] : unit == DayCount.CalendarDays ? days[..^1] : string.Empty;
            if (colon < 0 || unit is null || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int after)
                || after < 1 || after > FollowUpStep.MaxDays)
            {
                return (default, parsed, new NotationException(
                    NotationError.BadStep,
                    step,
                    $"Bad follow-up step \"{Guard.Shorten(step)}\": write days (1 to {FollowUpStep.MaxDays}) then wd for working days or d for calendar days, a colon and a channel, e.g. 3wd:note,5wd:call."));
            }

            if (count is { } first && first != unit)
            {
                return (default, parsed, new NotationException(
                    NotationError.MixedDayCounts,
                    steps,
                    $"The follow-up ladder \"{Guard.Shorten(steps)}\" mixes working days (wd) and calendar days (d); use one kind."));
            }

            count = unit;
            string word = step[(colon + 1)..];
            if (!ChannelWord.TryParse(word, out var channel))
            {
                return (default, parsed, ChannelWord.Unknown(word));
            }

            parsed.Add(new FollowUpStep(after, channel.Channel));
        }

        return parsed.Count is 0 or > MaxSteps
            ? (default, parsed, new NotationException(
                NotationError.StepCount,
                steps,
                $"The follow-up ladder \"{Guard.Shorten(steps)}\" has {parsed.Count} steps; give 1 to {MaxSteps}, e.g. 3wd:note,5wd:call."))
            : (count!.Value, parsed, null);
    }
}
