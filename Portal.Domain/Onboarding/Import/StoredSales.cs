namespace Portal.Domain.Onboarding.Import;

/// <summary>
/// The sales lines a company already has at the site an import writes to, loaded one month at a time as the file's dates
/// ask for them, so a file of new months reads only those months. Each stored line matches one line of the file at most:
/// a file that repeats a line three times where the company has it twice brings one new line.
/// </summary>
public sealed class StoredSales(Func<DateOnly, IEnumerable<SaleKey>> loadMonth)
{
    private readonly Dictionary<SaleKey, int> unmatched = [];
    private readonly HashSet<int> loadedMonths = [];

    /// <summary>No stored line at all (a company's first import, or a unit test).</summary>
    public static StoredSales None { get; } = new(_ => []);

    public int MonthsLoaded => loadedMonths.Count;

    /// <summary>True when an unmatched stored line equals <paramref name="key"/>; that line is then matched.</summary>
    public bool Match(SaleKey key)
    {
        if (loadedMonths.Add((key.Date.Year * 12) + key.Date.Month))
        {
            foreach (var stored in loadMonth(new DateOnly(key.Date.Year, key.Date.Month, 1)))
            {
                unmatched[stored] = unmatched.GetValueOrDefault(stored) + 1;
            }
        }

        if (unmatched.TryGetValue(key, out var count) && count > 0)
        {
            unmatched[key] = count - 1;
            return true;
        }

        return false;
    }
}
