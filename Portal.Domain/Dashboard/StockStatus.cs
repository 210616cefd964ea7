namespace Portal.Domain.Dashboard;

public enum StockStatus
{
    Ok,
    OutOfStock,
    BelowReorderPoint,
    Overstock,
    Dormant,
}

/// <summary>
/// How a product's stock reads to a manager, one status each, the most urgent first: out of stock (nothing left),
/// dormant (stock but no sale for <see cref="DormantDays"/> days), under its reorder point, overstocked (more than
/// <see cref="OverstockDays"/> days of cover at the last 30 days' pace), otherwise fine.
/// </summary>
public static class StockRules
{
    public const int DormantDays = 60;
    public const int OverstockDays = 90;

    /// <summary>Days the stock lasts at the average daily pace; null when nothing sells.</summary>
    public static double? DaysOfCover(int stock, double averageDaily) => averageDaily <= 0 ? null : stock / averageDaily;

    public static StockStatus Status(int stock, int? reorderPoint, double averageDaily30, DateOnly? lastSale, DateOnly today)
    {
        if (stock <= 0)
        {
            return StockStatus.OutOfStock;
        }

        if (lastSale is null || today.DayNumber - lastSale.Value.DayNumber >= DormantDays)
        {
            return StockStatus.Dormant;
        }

        if (reorderPoint is { } point && stock <= point)
        {
            return StockStatus.BelowReorderPoint;
        }

        return DaysOfCover(stock, averageDaily30) > OverstockDays ? StockStatus.Overstock : StockStatus.Ok;
    }
}
