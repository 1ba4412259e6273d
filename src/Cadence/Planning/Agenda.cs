using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Cadence.Explanations;
using Cadence.Internal;
using NodaTime;

namespace Cadence.Planning;

/// <summary>
/// The touches of one day or a range of days, for a person to act on: overdue first (most overdue first), then by
/// due day, ties by relationship id. Each entry says who, by which channel and why. Immutable.
/// </summary>
/// <example>
/// <code>
/// var plan = new Scheduler().Plan(diary, today);
/// foreach (var touch in Agenda.For(plan, today).Touches)
/// {
///     Console.WriteLine($"{touch.Title}: {touch.Why}");
/// }
/// </code>
/// </example>
public sealed class Agenda
{
    private readonly ImmutableArray<PlannedTouch> _touches;

    private Agenda(LocalDate from, LocalDate to, ImmutableArray<PlannedTouch> touches)
    {
        From = from;
        To = to;
        _touches = touches;
    }

    /// <summary>The first day covered.</summary>
    public LocalDate From { get; }

    /// <summary>The last day covered (the same as <see cref="From"/> for one day).</summary>
    public LocalDate To { get; }

    /// <summary>The touches due in the range: overdue first, most overdue first; then by due day and relationship id.</summary>
    public IReadOnlyList<PlannedTouch> Touches => _touches;

    /// <summary>The agenda of one day.</summary>
    /// <param name="plan">The plan: as the scheduler made it, or levelled.</param>
    /// <param name="day">The day.</param>
    /// <returns>The touches due that day.</returns>
    public static Agenda For(Schedule plan, LocalDate day) => For(plan, day, day);

    /// <summary>The agenda of a range of days, both ends included.</summary>
    /// <param name="plan">The plan: as the scheduler made it, or levelled.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day, not before <paramref name="from"/>.</param>
    /// <returns>The touches due in the range.</returns>
    /// <exception cref="ArgumentException">The range ends before it starts.</exception>
    public static Agenda For(Schedule plan, LocalDate from, LocalDate to)
    {
        Guard.NotNull(plan, nameof(plan));
        Guard.Iso(from, nameof(from));
        Guard.Iso(to, nameof(to));
        if (to < from)
        {
            throw new ArgumentException(
                $"The agenda range ends ({to:uuuu'-'MM'-'dd}) before it starts ({from:uuuu'-'MM'-'dd}).", nameof(to));
        }

        // A plan is ordered by due day, then id: the range is one run of it, already in (day, id) order, so a stable
        // sort on lateness alone gives the agenda's order.
        var all = plan.TouchArray.AsSpan();
        int start = FirstDueOnOrAfter(all, from);
        // The touches due on or before the last day; a range that ends on LocalDate.MaxIsoValue has no next day.
        int end = to == LocalDate.MaxIsoValue ? all.Length : FirstDueOnOrAfter(all, to.PlusDays(1));
        var range = all[start..end].ToArray();
        if (range.Any(t => t.IsOverdue))
        {
            range = [.. range.OrderByDescending(t => t.DaysOverdue)];
        }

        return new Agenda(from, to, ImmutableCollectionsMarshal.AsImmutableArray(range));
    }

    /// <summary>The index of the first touch due on or after a day, in touches ordered by due day.</summary>
    private static int FirstDueOnOrAfter(ReadOnlySpan<PlannedTouch> touches, LocalDate day)
    {
        int lo = 0, hi = touches.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) / 2);
            if (touches[mid].Due < day)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// The agenda as plain text, one line a touch: "Mon 3 Mar  Call Zoë Müller: Last met 41 days ago; clients are due
    /// every 30 days (at most 45)." Lines end with "\n".
    /// </summary>
    /// <returns>The text; "Nothing due." when empty.</returns>
    public override string ToString()
    {
        if (_touches.Length == 0)
        {
            return "Nothing due." + "\n";
        }

        var builder = new StringBuilder();
        foreach (var touch in _touches)
        {
            builder.Append(English.ShortDay(touch.Due)).Append("  ").Append(touch.Title).Append(": ").Append(touch.Why).Append('\n');
        }

        return builder.ToString();
    }
}
