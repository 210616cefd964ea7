using Portal.Domain.Common;
using Portal.Domain.Dashboard;

namespace Portal.Tests.Dashboard;

/// <summary>The four alert rules, as a manager would read them.</summary>
public class AlertRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 15);
    private static readonly Guid Tenant = Guid.NewGuid();

    [Fact]
    public void A_product_at_its_reorder_point_fires_with_its_stock()
    {
        var rule = On(AlertKind.BelowReorderPoint);
        Assert.Equal(12, rule.Check(Product(stock: 12, reorderPoint: 12), Today));
        Assert.Equal(0, rule.Check(Product(stock: 0, reorderPoint: 12), Today));
    }

    [Fact]
    public void A_product_above_its_reorder_point_or_without_one_does_not_fire()
    {
        var rule = On(AlertKind.BelowReorderPoint);
        Assert.Null(rule.Check(Product(stock: 13, reorderPoint: 12), Today));
        Assert.Null(rule.Check(Product(stock: 0, reorderPoint: null), Today));
    }

    [Fact]
    public void A_stock_out_predicted_within_the_chosen_days_fires_with_the_days_left()
    {
        var rule = On(AlertKind.StockOutSoon, 7);
        Assert.Equal(7, rule.Check(Product(stockOut: Today.AddDays(7)), Today));
        Assert.Equal(0, rule.Check(Product(stock: 0, average30: 2, stockOut: Today), Today));
        Assert.Null(rule.Check(Product(stockOut: Today.AddDays(8)), Today));
        Assert.Null(rule.Check(Product(stockOut: null), Today));
    }

    [Fact]
    public void An_empty_product_that_no_longer_sells_is_not_running_out()
    {
        var rule = On(AlertKind.StockOutSoon, 7);
        Assert.Null(rule.Check(Product(stock: 0, average30: 0, stockOut: Today), Today));
    }

    [Fact]
    public void A_product_in_stock_unsold_for_the_chosen_days_is_dormant()
    {
        var rule = On(AlertKind.Dormant, 60);
        Assert.Equal(60, rule.Check(Product(lastSale: Today.AddDays(-60)), Today));
        Assert.Null(rule.Check(Product(lastSale: Today.AddDays(-59)), Today));
        Assert.Null(rule.Check(Product(stock: 0, lastSale: Today.AddDays(-200)), Today));
    }

    [Fact]
    public void A_product_never_sold_counts_its_idle_days_from_its_listing()
    {
        var rule = On(AlertKind.Dormant, 60);
        Assert.Equal(90, rule.Check(new ProductFacts(5, null, 0, null, LastSale: null, ListedOn: Today.AddDays(-90)), Today));
        Assert.Null(rule.Check(new ProductFacts(5, null, 0, null, LastSale: null, ListedOn: Today.AddDays(-10)), Today));
    }

    [Fact]
    public void A_revenue_drop_reaching_the_threshold_fires_with_the_drop_in_percent()
    {
        var rule = On(AlertKind.RevenueDrop, 40);
        Assert.Equal(40, rule.Check(new RevenueWeeks(LastWeek: 42_000, WeekBefore: 70_000)));
        Assert.Null(rule.Check(new RevenueWeeks(LastWeek: 42_001, WeekBefore: 70_000)));
        Assert.Null(rule.Check(new RevenueWeeks(LastWeek: 90_000, WeekBefore: 70_000)));
    }

    [Fact]
    public void A_week_before_without_sales_never_reads_as_a_drop()
    {
        Assert.Null(On(AlertKind.RevenueDrop, 1).Check(new RevenueWeeks(0, 0)));
        Assert.Null(new RevenueWeeks(10, 0).DropPercent);
    }

    [Fact]
    public void The_revenue_weeks_are_the_last_seven_complete_days_and_the_seven_before()
    {
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 8), new DateOnly(2026, 11, 14)), RevenueWeeks.Window(Today, Today.AddDays(-1)));
    }

    [Fact]
    public void The_revenue_weeks_end_on_the_last_day_imported_when_imports_lag()
    {
        Assert.Equal((new DateOnly(2026, 10, 28), new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 10)), RevenueWeeks.Window(Today, new DateOnly(2026, 11, 10)));
    }

    [Fact]
    public void A_switched_off_rule_never_fires()
    {
        var product = Product(stock: 0, reorderPoint: 10, average30: 3, stockOut: Today, lastSale: Today.AddDays(-300));
        Assert.All(AlertRule.Defaults(Tenant), rule =>
        {
            Assert.False(rule.Enabled);
            Assert.Null(rule.Check(product, Today));
            Assert.Null(rule.Check(new RevenueWeeks(0, 1_000_000)));
        });
    }

    [Fact]
    public void The_defaults_are_seven_days_twenty_percent_and_sixty_days()
    {
        Assert.Equal([null, 7, 20, 60], AlertRule.Defaults(Tenant).Select(r => r.Threshold));
    }

    [Theory]
    [InlineData(AlertKind.StockOutSoon, 0, "Le délai avant la rupture va de 1 à 90 jours.")]
    [InlineData(AlertKind.StockOutSoon, 91, "Le délai avant la rupture va de 1 à 90 jours.")]
    [InlineData(AlertKind.RevenueDrop, 101, "La baisse du chiffre d'affaires va de 1 à 100 %.")]
    [InlineData(AlertKind.Dormant, 6, "La durée sans vente va de 7 à 365 jours.")]
    [InlineData(AlertKind.Dormant, null, "La durée sans vente va de 7 à 365 jours.")]
    public void Thresholds_outside_their_range_are_refused_in_French(AlertKind kind, int? threshold, string message)
    {
        var rule = new AlertRule(Tenant, kind);
        Assert.Equal(message, Assert.Throws<DomainException>(() => rule.Change(true, threshold)).Message);
        Assert.False(rule.Enabled);
    }

    [Fact]
    public void The_reorder_point_rule_takes_no_threshold_of_its_own()
    {
        var rule = new AlertRule(Tenant, AlertKind.BelowReorderPoint);
        Assert.Throws<DomainException>(() => rule.Change(true, 5));
        rule.Change(true, null);
        Assert.True(rule.Enabled);
    }

    [Fact]
    public void A_firing_moves_its_last_seen_day_until_it_resolves_then_stays_closed()
    {
        var firing = new AlertFiring(Tenant, AlertKind.Dormant, Guid.NewGuid(), 60, Today);
        firing.SeenAgain(61, Today.AddDays(1));
        Assert.Equal((Today, Today.AddDays(1), 61.0), (firing.FirstSeen, firing.LastSeen, firing.Value));

        firing.Resolve(Today.AddDays(2));
        firing.Resolve(Today.AddDays(3));

        Assert.Equal(Today.AddDays(2), firing.Resolved);
        Assert.Throws<DomainException>(() => firing.SeenAgain(62, Today.AddDays(3)));
    }

    [Fact]
    public void Only_the_revenue_rule_fires_without_a_product()
    {
        Assert.Throws<DomainException>(() => new AlertFiring(Tenant, AlertKind.RevenueDrop, Guid.NewGuid(), 30, Today));
        Assert.Throws<DomainException>(() => new AlertFiring(Tenant, AlertKind.Dormant, null, 30, Today));
    }

    [Fact]
    public void Each_firing_reads_as_a_short_French_sentence()
    {
        Assert.Equal("plus que 4 unités en stock, seuil d'alerte atteint", AlertRule.Describe(AlertKind.BelowReorderPoint, 4));
        Assert.Equal("rupture prévue demain", AlertRule.Describe(AlertKind.StockOutSoon, 1));
        Assert.Equal("en rupture de stock", AlertRule.Describe(AlertKind.StockOutSoon, 0));
        Assert.Equal("chiffre d'affaires des 7 derniers jours en baisse de 23,5 % sur les 7 jours d'avant", AlertRule.Describe(AlertKind.RevenueDrop, 23.5));
        Assert.Equal("aucune vente depuis 75 jours", AlertRule.Describe(AlertKind.Dormant, 75));
    }

    private static AlertRule On(AlertKind kind, int? threshold = null)
    {
        var rule = new AlertRule(Tenant, kind);
        rule.Change(true, threshold);
        return rule;
    }

    private static ProductFacts Product(
        int stock = 10, int? reorderPoint = null, double average30 = 1, DateOnly? stockOut = null, DateOnly? lastSale = null) =>
        new(stock, reorderPoint, average30, stockOut, lastSale ?? Today.AddDays(-1), Today.AddDays(-400));
}
