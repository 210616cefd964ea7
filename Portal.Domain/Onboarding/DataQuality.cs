using Portal.Domain.Onboarding.Import;

namespace Portal.Domain.Onboarding;

/// <summary>
/// The data quality score (documented in the README):
/// <list type="bullet">
/// <item>40 points for completeness: the share of the optional product fields filled in (category, cost price,
/// stock, reorder point);</item>
/// <item>40 points for history: distinct months with sales, against the 6 months the dashboards need;</item>
/// <item>20 points for consistency: minus the share of lines with an anomaly (a product sold below its cost
/// price, a sale below the product's cost), counted ten times so that 10 % of anomalies costs all 20 points.</item>
/// </list>
/// </summary>
public static class DataQuality
{
    public const int RecommendedMonths = 6;

    public static QualityScore Compute(IReadOnlyList<ProductLine?> products, IReadOnlyList<SaleLine> sales)
    {
        var productCount = 0;
        var filled = 0;
        var anomalies = 0;
        foreach (var product in products)
        {
            if (product is null)
            {
                continue;
            }

            productCount++;
            filled += (product.Category is null ? 0 : 1) + (product.CostPrice is null ? 0 : 1) + (product.Stock > 0 ? 1 : 0) + (product.ReorderPoint is null ? 0 : 1);
            if (product.CostPrice > product.UnitPrice)
            {
                anomalies++;
            }
        }

        var months = new HashSet<int>();
        foreach (var sale in sales)
        {
            months.Add((sale.Date.Year * 12) + sale.Date.Month);
            if (products[sale.ProductIndex]?.CostPrice is { } cost && sale.UnitPrice < cost)
            {
                anomalies++;
            }
        }

        var completeness = productCount == 0 ? 0 : filled / (4.0 * productCount);
        var history = Math.Min(1.0, months.Count / (double)RecommendedMonths);
        var lines = productCount + sales.Count;
        var anomalyShare = lines == 0 ? 0 : anomalies / (double)lines;
        var consistency = Math.Max(0, 1 - (anomalyShare * 10));
        var score = (int)Math.Round((40 * completeness) + (40 * history) + (20 * consistency), MidpointRounding.AwayFromZero);
        return new QualityScore(score, Math.Round(completeness, 3), months.Count, anomalies);
    }
}
