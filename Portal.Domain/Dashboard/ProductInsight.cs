using Portal.Domain.Common;

namespace Portal.Domain.Dashboard;

/// <summary>
/// What the nightly computation (and every import) learnt about one product as of a day: its recent pace, its first
/// and last sale, and its forecast with the advice that follows. Stored so the stock and forecast pages read one row per
/// product instead of months of sales; replaced as a whole at each computation.
/// </summary>
public sealed class ProductInsight : ITenantOwned
{
    private ProductInsight()
    {
    }

    public ProductInsight(Guid tenantId, Guid productId, DateOnly asOf, int stock, int? reorderPoint, double average30, double average90, DateOnly? firstSale, DateOnly? lastSale, Forecast forecast, ReorderAdvice? advice)
    {
        TenantId = tenantId;
        ProductId = productId;
        AsOf = asOf;
        Average30 = average30;
        Average90 = average90;
        FirstSale = firstSale;
        LastSale = lastSale;
        Method = forecast.Method;
        var status = StockRules.Status(stock, reorderPoint, average30, lastSale, asOf);
        Wape = forecast.Wape;
        if (forecast.HasNumbers)
        {
            Next7 = forecast.Next(7);
            Next30 = forecast.Next(30);
        }

        Status = status;
        DaysOfCover = StockRules.DaysOfCover(stock, average30);
        StockOutDate = advice?.StockOutDate;
        SuggestedReorder = advice?.SuggestedQuantity;
        Advice = advice?.Explanation;
    }

    public Guid TenantId { get; private set; }

    public Guid ProductId { get; private set; }

    public DateOnly AsOf { get; private set; }

    /// <summary>Average units a day over the last 30 days (all sites).</summary>
    public double Average30 { get; private set; }

    public double Average90 { get; private set; }

    public DateOnly? FirstSale { get; private set; }

    public DateOnly? LastSale { get; private set; }

    /// <summary>The stock's status when computed; every import recomputes it, so it follows stock changes.</summary>
    public StockStatus Status { get; private set; }

    public double? DaysOfCover { get; private set; }

    public ForecastMethod Method { get; private set; }

    public double? Wape { get; private set; }

    public double? Next7 { get; private set; }

    public double? Next30 { get; private set; }

    public DateOnly? StockOutDate { get; private set; }

    public int? SuggestedReorder { get; private set; }

    public string? Advice { get; private set; }
}
