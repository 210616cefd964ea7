using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Bootstrap;
using Portal.Tests.Support;

namespace Portal.Tests.Dashboard;

public class DemoSalesTests
{
    private static readonly DateOnly Today = new(2026, 11, 15);

    [Fact]
    public void The_demo_catalogue_and_history_are_the_same_on_every_start()
    {
        var (one, two) = (DemoSales.Create(), DemoSales.Create());
        Assert.Equal(one.Products, two.Products);
        Assert.Equal(one.Lines(Today).Take(5000), two.Lines(Today).Take(5000));
    }

    [Fact]
    public void The_demo_history_looks_like_a_shop_in_Dakar()
    {
        var demo = DemoSales.Create();
        var lines = demo.Lines(Today).ToList();

        Assert.InRange(demo.Products.Count, 190, 210);
        Assert.Equal(8, demo.Products.Select(p => p.Category).Distinct().Count());
        Assert.InRange(lines.Count, 80_000, 250_000);
        Assert.Equal(Today.AddMonths(-24).AddDays(1), lines.Min(l => l.Sale.Date));
        Assert.Equal(Today.AddDays(-1), lines.Max(l => l.Sale.Date));
        Assert.Equal(2, lines.Select(l => l.Site).Distinct().Count());

        var lastSale = lines.GroupBy(l => l.Sale.ProductIndex).ToDictionary(g => g.Key, g => g.Max(l => l.Sale.Date));
        Assert.InRange(lastSale.Count(p => p.Value < Today.AddDays(-60)), 3, 15); // dormant
        Assert.InRange(lines.GroupBy(l => l.Sale.ProductIndex).Count(g => g.Min(l => l.Sale.Date) > Today.AddDays(-56)), 3, 10); // too new to forecast
        Assert.InRange(demo.Products.Count(p => p.Stock == 0), 3, 30);
        Assert.InRange(demo.Products.Count(p => p.Stock > 0 && p.Stock <= p.ReorderPoint), 5, 40);
        Assert.Contains(demo.Products, p => p.CostPrice is null);

        // The school start sells notebooks, Saturdays sell more than Sundays.
        long Units(Func<DateOnly, bool> when, string? category = null) => lines
            .Where(l => when(l.Sale.Date) && (category is null || demo.Products[l.Sale.ProductIndex].Category == category)).Sum(l => (long)l.Sale.Quantity);
        Assert.True(Units(d => d >= new DateOnly(2026, 9, 15) && d <= new DateOnly(2026, 10, 5), "Fournitures scolaires") > 3 * Units(d => d >= new DateOnly(2026, 6, 1) && d <= new DateOnly(2026, 6, 21), "Fournitures scolaires"));
        Assert.True(Units(d => d.DayOfWeek == DayOfWeek.Saturday) > 1.5 * Units(d => d.DayOfWeek == DayOfWeek.Sunday));
        Assert.All(lines.Take(1000), l => Assert.Equal(l.Sale.UnitPrice * l.Sale.Quantity, l.Sale.TotalAmount));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_demo_start_writes_the_history_with_its_daily_sums(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, services: s => s.Configure<BootstrapOptions>(o => o.Demo = true));
        for (var start = 0; start < 2; start++) // a second start changes nothing
        {
            await using var scope = database.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BootstrapSeeder>().SeedAsync();
        }

        await using var db = database.NewContext();
        var tenant = await db.Tenants.SingleAsync(t => t.Name == BootstrapSeeder.DemoTenantName);
        Assert.True(tenant.HasDashboard("sales"));
        Assert.InRange(await db.Products.CountAsync(p => p.TenantId == tenant.Id), 190, 210);
        Assert.InRange(await db.Sales.CountAsync(s => s.TenantId == tenant.Id), 80_000, 250_000);
        Assert.Equal(2, await db.Sales.Where(s => s.TenantId == tenant.Id).Select(s => s.SiteId).Distinct().CountAsync());
        await SalesAggregateAssert.MatchesLinesAsync(db, tenant.Id);
    }
}
