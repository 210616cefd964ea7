using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Dashboard;
using Portal.Domain.Identity;
using Portal.Infrastructure.Dashboard;
using Portal.Tests.Support;

namespace Portal.Tests.Dashboard;

/// <summary>The stored insights and the stock and forecast pages' service, on both databases.</summary>
public class InsightsTests
{
    private static readonly DateOnly Today = new(2026, 11, 15);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Each_product_gets_its_pace_status_and_forecast(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (fixture, products) = await ArrangeAsync(database);

        await using (var db = database.NewTenantContext(fixture.TenantId))
        {
            Assert.Equal(4, await new InsightsCalculator(Clock()).ComputeAsync(db, fixture.TenantId));
        }

        await using var read = database.NewContext();
        var insights = await read.ProductInsights.ToDictionaryAsync(i => i.ProductId);
        var steady = insights[products[0].Id];
        Assert.Equal(4, steady.Average30, 6);
        Assert.Equal(StockStatus.BelowReorderPoint, steady.Status);
        Assert.Equal(2.5, steady.DaysOfCover);
        Assert.NotEqual(ForecastMethod.NotEnoughHistory, steady.Method);
        Assert.Equal(28, steady.Next7!.Value, 1);
        Assert.Equal(Today.AddDays(3), steady.StockOutDate); // 10 in stock at 4 a day: short on the third day
        Assert.Equal(4 * 14 - 10, steady.SuggestedReorder); // 7 days of lead time + 7 of safety
        Assert.Equal(StockStatus.OutOfStock, insights[products[1].Id].Status);
        Assert.Equal(Today, insights[products[1].Id].StockOutDate);
        Assert.Equal(ForecastMethod.NotEnoughHistory, insights[products[2].Id].Method);
        Assert.Null(insights[products[2].Id].Next30);
        Assert.Equal(StockStatus.Dormant, insights[products[3].Id].Status);

        var company = await read.CompanyForecasts.SingleAsync();
        Assert.Equal(Today, company.AsOf);
        Assert.NotNull(company.RevenueExpected);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_stock_page_filters_by_status_and_hides_values_from_viewers(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (fixture, products) = await ArrangeAsync(database);
        await using (var db = database.NewTenantContext(fixture.TenantId))
        {
            await new InsightsCalculator(Clock()).ComputeAsync(db, fixture.TenantId);
        }

        await using (var owner = fixture.As(Roles.Owner))
        {
            var stock = owner.ServiceProvider.GetRequiredService<StockService>();
            var below = await stock.ListAsync(new StockFilter(StockStatus.BelowReorderPoint), new PageRequest(0, 20));
            Assert.Equal(products[0].Code, Assert.Single(below.Items).Code);
            Assert.Equal(10 * 600, below.Items[0].StockValue);
            Assert.Equal(1, (await stock.CountsAsync())[StockStatus.Dormant]);
            var forecasts = await stock.ForecastsAsync(null, null, toReorder: true, new PageRequest(0, 20));
            Assert.Equal([products[1].Code, products[0].Code], forecasts.Items.Select(f => f.Code)); // out of stock today, then in 3 days
        }

        await using var viewer = fixture.As(Roles.Viewer);
        var service = viewer.ServiceProvider.GetRequiredService<StockService>();
        Assert.All((await service.ListAsync(new StockFilter(), new PageRequest(0, 20))).Items, r => Assert.Null(r.StockValue));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.ChangeSettingsAsync(10, 5));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Another_companys_products_never_appear(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (fixture, _) = await ArrangeAsync(database);
        var other = await SalesFixture.CreateAsync(database, "Autre Commerce SARL");
        await other.WriteAsync([SalesFixture.Product("X", 500, 100, 0, 1)], [(other.MainSite, 0, Today.AddDays(-1), 1)]);
        await using (var db = database.NewTenantContext(other.TenantId))
        {
            await new InsightsCalculator(Clock()).ComputeAsync(db, other.TenantId);
        }

        await using var owner = fixture.As(Roles.Owner);
        var stock = owner.ServiceProvider.GetRequiredService<StockService>();
        Assert.DoesNotContain((await stock.ListAsync(new StockFilter(), new PageRequest(0, 50))).Items, r => r.Code == "X");
        Assert.Equal(0, (await stock.ForecastsAsync(null, "X", false, new PageRequest(0, 50))).Total);
        Assert.False((await stock.CountsAsync()).ContainsKey(StockStatus.OutOfStock));
    }

    private static MutableClock Clock() => new(new DateTime(2026, 11, 15, 9, 0, 0, DateTimeKind.Utc));

    // A steady seller (4 a day for 100 days, 10 left), an empty one, a new one (20 days), a dormant one (last sale 80 days ago).
    private static async Task<(SalesFixture, Portal.Domain.Onboarding.Import.ProductLine[])> ArrangeAsync(TestDatabase database)
    {
        var fixture = await SalesFixture.CreateAsync(database);
        var products = new[]
        {
            SalesFixture.Product("STEADY", 1000, 600, 10, 12, "Boissons"),
            SalesFixture.Product("EMPTY", 500, null, 0, 5),
            SalesFixture.Product("NEW", 800, 500, 50, 5),
            SalesFixture.Product("ASLEEP", 900, 300, 30, 5),
        };
        var lines = new List<(Guid, int, DateOnly, int)>();
        for (var day = 1; day <= 100; day++)
        {
            lines.Add((fixture.MainSite, 0, Today.AddDays(-day), 3));
            lines.Add((fixture.Branch, 0, Today.AddDays(-day), 1));
            lines.Add((fixture.MainSite, 1, Today.AddDays(-day), 2));
            if (day <= 20)
            {
                lines.Add((fixture.MainSite, 2, Today.AddDays(-day), 1));
            }

            if (day >= 80)
            {
                lines.Add((fixture.MainSite, 3, Today.AddDays(-day), 1));
            }
        }

        await fixture.WriteAsync(products, lines);
        return (fixture, products);
    }
}
