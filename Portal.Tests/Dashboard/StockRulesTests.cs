using Portal.Domain.Dashboard;

namespace Portal.Tests.Dashboard;

public class StockRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 15);

    [Fact]
    public void An_empty_stock_is_a_rupture_whatever_else_is_true() =>
        Assert.Equal(StockStatus.OutOfStock, StockRules.Status(0, 10, 0, null, Today));

    [Fact]
    public void Stock_without_a_sale_for_sixty_days_is_dormant()
    {
        Assert.Equal(StockStatus.Dormant, StockRules.Status(5, 10, 0, Today.AddDays(-60), Today));
        Assert.Equal(StockStatus.Dormant, StockRules.Status(5, 10, 0, null, Today));
        Assert.Equal(StockStatus.BelowReorderPoint, StockRules.Status(5, 10, 0.1, Today.AddDays(-59), Today));
    }

    [Fact]
    public void More_than_ninety_days_of_cover_is_overstock()
    {
        Assert.Equal(StockStatus.Overstock, StockRules.Status(91, 10, 1, Today, Today));
        Assert.Equal(StockStatus.Ok, StockRules.Status(90, 10, 1, Today, Today));
        Assert.Equal(StockStatus.Ok, StockRules.Status(11, null, 0, Today, Today));
    }

    [Fact]
    public void Cover_is_stock_over_the_daily_pace_and_unknown_without_sales()
    {
        Assert.Equal(12.5, StockRules.DaysOfCover(25, 2));
        Assert.Null(StockRules.DaysOfCover(25, 0));
    }
}
