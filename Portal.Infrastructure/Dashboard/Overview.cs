using Portal.Domain.Common;
using Portal.Domain.Dashboard;

namespace Portal.Infrastructure.Dashboard;

/// <summary>A period and one site, or every site when <c>SiteId</c> is null.</summary>
public sealed record OverviewQuery(Period Period, Guid? SiteId = null);

/// <summary>
/// Everything the overview shows for one period, small enough to keep in a page: tops and splits are cut.
/// <c>LastSaleDay</c> is the company's latest sale in any period (null: no sales were ever imported). <c>ShowsCosts</c>
/// is false for roles that may not see costs: every cost and margin is zero then, and the stock value null.
/// </summary>
public sealed record Overview(
    string CompanyName,
    Currency Currency,
    Period Period,
    Bucket Bucket,
    DateOnly? LastSaleDay,
    bool ShowsCosts,
    SalesTotals Current,
    SalesTotals Previous,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<ProductTotal> TopByRevenue,
    IReadOnlyList<ProductTotal> TopByUnits,
    IReadOnlyList<NamedTotal> ByCategory,
    IReadOnlyList<NamedTotal> BySite,
    StockSummary Stock);

public sealed record TrendPoint(DateOnly Start, long Revenue, long Units);

public sealed record ProductTotal(Guid ProductId, string Code, string Name, string? Category, long Units, long Revenue);

public sealed record NamedTotal(string Name, long Revenue, long Units);

/// <summary>Active products by stock state; <c>Value</c> is the stock at cost price over products with a known cost (null for roles that may not see costs).</summary>
public sealed record StockSummary(int Products, int OutOfStock, int BelowReorderPoint, long? Value, int WithoutCost);
