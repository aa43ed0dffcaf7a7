namespace PlugInnan.Grains.Rules;

/// <summary>
/// Aggregates shown outside a school (to a process leader) suppress groups smaller than 5 students,
/// and any cell that would let a suppressed value be worked out (RULES.md, "Identity and privacy").
/// </summary>
public static class SmallGroupSuppression
{
    public const int DefaultMinimum = 5;

    public static SuppressedCounts Apply(IReadOnlyDictionary<string, int> cells, int minimum = DefaultMinimum)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 1);
        var total = cells.Values.Sum();
        if (total < minimum)
        {
            // Too few students in all: even the total would point at individuals.
            return new SuppressedCounts(cells.ToDictionary(c => c.Key, _ => (int?)null), null);
        }

        var suppressed = cells.Where(c => c.Value is > 0 && c.Value < minimum).Select(c => c.Key).ToHashSet();
        if (suppressed.Count == 1)
        {
            // With the total shown, one hidden cell is the total minus the others: hide the next smallest
            // too. An empty cell is no cover (hiding a known zero still gives the small group away).
            var next = cells.Where(c => !suppressed.Contains(c.Key) && c.Value > 0).OrderBy(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).FirstOrDefault();
            if (next.Key is not null)
            {
                suppressed.Add(next.Key);
            }
        }

        return new SuppressedCounts(cells.ToDictionary(c => c.Key, c => suppressed.Contains(c.Key) ? null : (int?)c.Value), total);
    }
}
