using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Dashboard;
using Portal.Domain.Identity;
using Portal.Infrastructure.Dashboard;
using Portal.Tests.Support;

namespace Portal.Tests.Dashboard;

/// <summary>
/// The overview against a hand-computed fixture: this month is 1–15 November 2026, compared with 17–31 October.
/// P1 1 000 (cost 600, out of stock), P2 2 500 (no cost, under its reorder point), P3 500 (cost 200, no category).
/// </summary>
public class OverviewServiceTests
{
    private static readonly DateOnly Today = new(2026, 11, 15);
    private static readonly Period ThisMonth = Period.Of(PeriodKind.ThisMonth, Today);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_owner_sees_every_figure_computed_by_hand(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (fixture, products) = await ArrangeAsync(database);

        var overview = await GetAsync(fixture, Roles.Owner, new OverviewQuery(ThisMonth));

        Assert.Equal(Currency.Xof, overview.Currency);
        Assert.Equal(new SalesTotals(7500, 9, 4, 5000, 2400), overview.Current);
        Assert.Equal(1875, overview.Current.AverageLine);
        Assert.Equal(2600, overview.Current.Margin);
        Assert.Equal(0.52, overview.Current.MarginRate!.Value, 6);
        Assert.Equal(5000 / 7500.0, overview.Current.CostedShare!.Value, 6);
        Assert.Equal(new SalesTotals(1000, 1, 1, 1000, 600), overview.Previous);
        Assert.Equal(6.5, SalesTotals.Change(overview.Current.Revenue, overview.Previous.Revenue));
        Assert.Equal(new DateOnly(2026, 11, 15), overview.LastSaleDay);

        Assert.Equal(Bucket.Day, overview.Bucket);
        Assert.Equal(15, overview.Trend.Count);
        Assert.Equal([2000L, 3000L, 2500L], overview.Trend.Where(t => t.Revenue > 0).Select(t => t.Revenue));
        Assert.Equal([new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 15)], overview.Trend.Where(t => t.Revenue > 0).Select(t => t.Start));

        Assert.Equal(["P3", "P2", "P1"], overview.TopByRevenue.Select(p => p.Code));
        Assert.Equal(["P3", "P1", "P2"], overview.TopByUnits.Select(p => p.Code));
        Assert.Equal([("Sans catégorie", 3000L), ("Hygiène", 2500L), ("Boissons", 2000L)], overview.ByCategory.Select(c => (c.Name, c.Revenue)));
        Assert.Equal([("Plateau", 5000L), ("Pikine", 2500L)], overview.BySite.Select(s => (s.Name, s.Revenue)));
        Assert.Equal(new StockSummary(3, 1, 1, 20000, 1), overview.Stock);
        Assert.Equal(products[2].Id, overview.TopByRevenue[0].ProductId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task One_site_and_week_buckets_narrow_the_figures(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (fixture, _) = await ArrangeAsync(database);

        var site = await GetAsync(fixture, Roles.Manager, new OverviewQuery(ThisMonth, fixture.MainSite));
        Assert.Equal(new SalesTotals(5000, 8, 3, 5000, 2400), site.Current);
        Assert.Equal([("Plateau", 5000L)], site.BySite.Select(s => (s.Name, s.Revenue)));

        // 1 October to 15 November is 46 days: still days; a quarter from 1 August is weeks starting on Mondays.
        var weeks = await GetAsync(fixture, Roles.Manager, new OverviewQuery(Period.Of(PeriodKind.Custom, Today, new DateOnly(2026, 8, 1), Today)));
        Assert.Equal(Bucket.Week, weeks.Bucket);
        Assert.Equal(new DateOnly(2026, 7, 27), weeks.Trend[0].Start);
        Assert.Equal(17500, weeks.Trend.Sum(t => t.Revenue));
        Assert.Equal(9000, weeks.Trend.Single(t => t.Start == new DateOnly(2026, 10, 12)).Revenue);
        Assert.Equal(1000 + 2000, weeks.Trend.Single(t => t.Start == new DateOnly(2026, 10, 26)).Revenue); // Saturday 31 October and Sunday 1 November
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Viewers_and_members_never_receive_costs_margins_or_stock_value(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (fixture, _) = await ArrangeAsync(database);

        foreach (var role in new[] { Roles.Viewer, Roles.Member })
        {
            var overview = await GetAsync(fixture, role, new OverviewQuery(ThisMonth));
            Assert.False(overview.ShowsCosts);
            Assert.Equal(new SalesTotals(7500, 9, 4, 0, 0), overview.Current);
            Assert.Null(overview.Current.MarginRate);
            Assert.Null(overview.Stock.Value);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Another_companys_sales_and_sites_are_out_of_reach(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (fixture, _) = await ArrangeAsync(database);
        var other = await SalesFixture.CreateAsync(database, "Autre Commerce SARL");
        await other.WriteAsync([SalesFixture.Product("X", 99_000, 1, 5, 1)], [(other.MainSite, 0, Today, 50)]);

        var overview = await GetAsync(fixture, Roles.Owner, new OverviewQuery(ThisMonth));
        Assert.Equal(7500, overview.Current.Revenue);
        Assert.DoesNotContain(overview.TopByRevenue, p => p.Code == "X");
        Assert.Equal(3, overview.Stock.Products);

        await Assert.ThrowsAsync<NotFoundException>(() => GetAsync(fixture, Roles.Owner, new OverviewQuery(ThisMonth, other.MainSite)));
        await using var staff = database.ActAs(Guid.NewGuid(), Roles.Staff, null);
        await Assert.ThrowsAsync<ForbiddenException>(() => staff.ServiceProvider.GetRequiredService<OverviewService>().GetAsync(new OverviewQuery(ThisMonth)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_company_without_sales_gets_zeros_and_no_last_sale(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = await SalesFixture.CreateAsync(database);

        var overview = await GetAsync(fixture, Roles.Owner, new OverviewQuery(ThisMonth));

        Assert.Null(overview.LastSaleDay);
        Assert.Equal(SalesTotals.Zero, overview.Current);
        Assert.Null(SalesTotals.Change(overview.Current.Revenue, overview.Previous.Revenue));
        Assert.All(overview.Trend, t => Assert.Equal(0, t.Revenue));
        Assert.Empty(overview.TopByRevenue);
        Assert.Equal(new StockSummary(0, 0, 0, 0, 0), overview.Stock);
    }

    private static async Task<Overview> GetAsync(SalesFixture fixture, string role, OverviewQuery query)
    {
        await using var scope = fixture.As(role);
        return await scope.ServiceProvider.GetRequiredService<OverviewService>().GetAsync(query);
    }

    private static async Task<(SalesFixture Fixture, Portal.Domain.Onboarding.Import.ProductLine[] Products)> ArrangeAsync(TestDatabase database)
    {
        var fixture = await SalesFixture.CreateAsync(database);
        var products = new[]
        {
            SalesFixture.Product("P1", 1000, 600, 0, 5, "Boissons"),
            SalesFixture.Product("P2", 2500, null, 3, 10, "Hygiène"),
            SalesFixture.Product("P3", 500, 200, 100, 20),
        };
        var (main, branch) = (fixture.MainSite, fixture.Branch);
        await fixture.WriteAsync(products,
        [
            (main, 0, new DateOnly(2026, 11, 1), 2),
            (branch, 1, new DateOnly(2026, 11, 15), 1),
            (main, 2, new DateOnly(2026, 11, 10), 4),
            (main, 2, new DateOnly(2026, 11, 10), 2),
            (main, 0, new DateOnly(2026, 10, 31), 1),
            (main, 0, new DateOnly(2026, 10, 16), 9),
        ]);
        return (fixture, products);
    }
}
