using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.Dashboard;

/// <summary>The situations a company can be alerted about.</summary>
public enum AlertKind
{
    /// <summary>A product's stock is at or below its own reorder point.</summary>
    BelowReorderPoint,

    /// <summary>A product's stock-out is predicted within N days.</summary>
    StockOutSoon,

    /// <summary>The company's revenue of the last 7 complete days fell by X % or more against the 7 days before.</summary>
    RevenueDrop,

    /// <summary>A product in stock has not sold for N days.</summary>
    Dormant,
}

/// <summary>The range a rule's threshold may take, its default and its unit (days or percent).</summary>
public sealed record AlertThreshold(int Default, int Min, int Max, string Unit, string OutOfRange);

/// <summary>What the evaluator knows of one active product when it checks the product rules.</summary>
/// <param name="Stock">Units on hand.</param>
/// <param name="ReorderPoint">The product's own reorder point, if it has one.</param>
/// <param name="Average30">Average units sold a day over the last 30 days.</param>
/// <param name="StockOutDate">The predicted stock-out day (today when the stock is empty), if any.</param>
/// <param name="LastSale">The day of its last sale; null when it never sold.</param>
/// <param name="ListedOn">The day it entered the catalogue: what "unsold for N days" counts from when it never sold.</param>
public sealed record ProductFacts(int Stock, int? ReorderPoint, double Average30, DateOnly? StockOutDate, DateOnly? LastSale, DateOnly ListedOn);

/// <summary>The company's revenue over the last 7 complete days and over the 7 days before them.</summary>
public sealed record RevenueWeeks(long LastWeek, long WeekBefore)
{
    /// <summary>
    /// The two weeks compared on <paramref name="today"/>: today is not complete, so the last week ends yesterday, or on
    /// the last day the company's data is known to cover when that is earlier. Sales arrive by import: days after the
    /// last import are not known yet, and reading them as zero would announce a drop each time imports lag or stop.
    /// </summary>
    /// <param name="today">Today in Dakar.</param>
    /// <param name="knownUntil">The last day the data covers: the latest sale, or the eve of the latest import if later.</param>
    public static (DateOnly From, DateOnly LastWeekFrom, DateOnly To) Window(DateOnly today, DateOnly knownUntil)
    {
        var to = knownUntil < today ? knownUntil : today.AddDays(-1);
        return (to.AddDays(-13), to.AddDays(-6), to);
    }

    /// <summary>How much lower the last week is, in percent of the week before; null when the week before sold nothing.</summary>
    public double? DropPercent => WeekBefore <= 0 ? null : (WeekBefore - LastWeek) * 100.0 / WeekBefore;
}

/// <summary>
/// One of a company's four alert rules: whether it is on and its threshold. A company that never saved its rules has
/// them all off, with the default thresholds (<see cref="Defaults"/>): alerts are something a manager chooses.
/// The checks are here so the evaluator and the tests read the same sentences.
/// </summary>
public sealed class AlertRule : ITenantOwned
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private AlertRule()
    {
    }

    public AlertRule(Guid tenantId, AlertKind kind)
    {
        TenantId = tenantId;
        Kind = kind;
        Threshold = ThresholdOf(kind)?.Default;
    }

    public static IReadOnlyList<AlertKind> Kinds { get; } = [AlertKind.BelowReorderPoint, AlertKind.StockOutSoon, AlertKind.RevenueDrop, AlertKind.Dormant];

    public Guid TenantId { get; private set; }

    public AlertKind Kind { get; private set; }

    public bool Enabled { get; private set; }

    /// <summary>Days (stock-out soon, dormant) or percent (revenue drop); null for the reorder-point rule, which follows each product's own.</summary>
    public int? Threshold { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Whether the rule is about one product (all but the revenue rule, which is about the company).</summary>
    public bool IsPerProduct => Kind != AlertKind.RevenueDrop;

    /// <summary>The four rules as a company has them before any change: all off, default thresholds.</summary>
    public static IReadOnlyList<AlertRule> Defaults(Guid tenantId) => [.. Kinds.Select(k => new AlertRule(tenantId, k))];

    public static AlertThreshold? ThresholdOf(AlertKind kind) => kind switch
    {
        AlertKind.StockOutSoon => new(7, 1, 90, "jours", "Le délai avant la rupture va de 1 à 90 jours."),
        AlertKind.RevenueDrop => new(20, 1, 100, "%", "La baisse du chiffre d'affaires va de 1 à 100 %."),
        AlertKind.Dormant => new(60, 7, 365, "jours", "La durée sans vente va de 7 à 365 jours."),
        _ => null,
    };

    public void Change(bool enabled, int? threshold)
    {
        if (ThresholdOf(Kind) is { } range)
        {
            if (threshold is not { } value || value < range.Min || value > range.Max)
            {
                throw new DomainException(range.OutOfRange);
            }
        }
        else if (threshold is not null)
        {
            throw new DomainException("L'alerte « " + Labels.Of(Kind) + " » suit le seuil d'alerte de chaque produit : elle n'a pas de valeur à régler.");
        }

        (Enabled, Threshold) = (enabled, threshold);
    }

    /// <summary>
    /// Checks a product rule: the value to record when it fires (the stock, the days left before the stock-out, the
    /// days without a sale), or null. A rule that is off, or the company-wide revenue rule, never fires for a product.
    /// </summary>
    public double? Check(ProductFacts product, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(product);
        if (!Enabled)
        {
            return null;
        }

        switch (Kind)
        {
            case AlertKind.BelowReorderPoint:
                return product.ReorderPoint is { } point && product.Stock <= point ? Math.Max(product.Stock, 0) : null;
            case AlertKind.StockOutSoon:
                // An empty product that no longer sells is not "running out": it is dormant or delisted, not urgent.
                var selling = product.Stock > 0 || product.Average30 > 0;
                return selling && product.StockOutDate is { } day && day.DayNumber - today.DayNumber <= Threshold
                    ? Math.Max(day.DayNumber - today.DayNumber, 0)
                    : null;
            case AlertKind.Dormant:
                var idle = today.DayNumber - (product.LastSale ?? product.ListedOn).DayNumber;
                return product.Stock > 0 && idle >= Threshold ? idle : null;
            default:
                return null;
        }
    }

    /// <summary>Checks the revenue rule: the drop in percent (one decimal) when it reaches the threshold, or null.</summary>
    public double? Check(RevenueWeeks revenue)
    {
        ArgumentNullException.ThrowIfNull(revenue);
        return Enabled && Kind == AlertKind.RevenueDrop && revenue.DropPercent is { } drop && drop >= Threshold ? Math.Round(drop, 1) : null;
    }

    /// <summary>What a firing's value means, as one short French sentence (it goes into SMS).</summary>
    public static string Describe(AlertKind kind, double value)
    {
        var n = (int)Math.Round(value);
        return kind switch
        {
            AlertKind.BelowReorderPoint => n <= 0 ? "stock épuisé, seuil d'alerte atteint" : $"plus que {Units(n)} en stock, seuil d'alerte atteint",
            AlertKind.StockOutSoon => n switch
            {
                <= 0 => "en rupture de stock",
                1 => "rupture prévue demain",
                _ => $"rupture prévue dans {n} jours",
            },
            AlertKind.RevenueDrop => $"chiffre d'affaires des 7 derniers jours en baisse de {value.ToString("0.#", French)} % sur les 7 jours d'avant",
            _ => $"aucune vente depuis {n} jours",
        };
    }

    private static string Units(int n) => n == 1 ? "1 unité" : n.ToString("N0", French) + " unités";
}
