using Portal.Domain.Common;
using Portal.Domain.Dashboard;

namespace Portal.Infrastructure.Dashboard;

/// <summary>
/// Which sales lines the grid, its totals and its export read. Amounts are a line's total in the currency's minor unit,
/// both bounds included; <c>Search</c> matches a product's code or name; <c>Category</c> is a product category, or
/// <see cref="OverviewService.NoCategory"/> for products without one.
/// </summary>
public sealed record SalesFilter(
    Period Period,
    Guid? SiteId = null,
    Guid? ProductId = null,
    string? Category = null,
    long? MinAmount = null,
    long? MaxAmount = null,
    string? Search = null)
{
    public const int SearchMaxLength = 100;

    /// <summary>
    /// Only days, sites and products (by id, category or search) narrow the lines: their count and totals are sums of the
    /// daily sums. An amount range narrows lines one by one, so the lines themselves are summed.
    /// </summary>
    public bool ReadsDailySums => MinAmount is null && MaxAmount is null;
}

/// <summary>
/// One sales line as the grid shows it. Its property names are the sort fields the service knows: <c>Date</c> (the
/// default, newest first), <c>ProductName</c>, <c>Quantity</c>, <c>TotalAmount</c> and <c>SiteName</c>.
/// </summary>
public sealed record SaleRow(
    long Id,
    DateOnly Date,
    Guid SiteId,
    string SiteName,
    Guid ProductId,
    string ProductCode,
    string ProductName,
    string? Category,
    int Quantity,
    long UnitPrice,
    long TotalAmount);

/// <summary>
/// What the sales page needs besides the lines: the currency, whether the role sees costs, the categories to filter by
/// (with <see cref="OverviewService.NoCategory"/> when some products have none) and the latest sale day (null: none yet).
/// </summary>
public sealed record SalesOptions(Currency Currency, bool ShowsCosts, IReadOnlyList<string> Categories, DateOnly? LastSaleDay);

/// <summary>A product as its drill-down shows it; <c>CostPrice</c> is null for roles that may not see costs.</summary>
public sealed record ProductInfo(Guid Id, string Code, string Name, string? Category, long UnitPrice, long? CostPrice, int CurrentStock, int? ReorderPoint, bool IsActive);

/// <summary>
/// One product's sales over a period, bucket by bucket (<see cref="Period.Bucket"/>), read from the daily sums.
/// <c>LastSaleDay</c> is the product's latest sale in any period. Costs are zero when <c>ShowsCosts</c> is false.
/// </summary>
public sealed record ProductHistory(
    Currency Currency,
    ProductInfo Product,
    Period Period,
    Bucket Bucket,
    bool ShowsCosts,
    SalesTotals Totals,
    IReadOnlyList<TrendPoint> Buckets,
    DateOnly? LastSaleDay);
