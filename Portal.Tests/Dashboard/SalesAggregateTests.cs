using Microsoft.EntityFrameworkCore;
using Portal.Tests.Support;

namespace Portal.Tests.Dashboard;

/// <summary>The daily sums stay equal to the raw lines whatever writes them, on both databases.</summary>
public class SalesAggregateTests
{
    private static readonly DateOnly Day = new(2026, 11, 10);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_second_batch_on_the_same_days_adds_to_the_sums(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = await SalesFixture.CreateAsync(database);
        var first = new[] { SalesFixture.Product("A", 1000, 600, 10, 2, "Boissons"), SalesFixture.Product("B", 250, null, 10, 2) };
        await fixture.WriteAsync(first, [(fixture.MainSite, 0, Day, 2), (fixture.MainSite, 0, Day, 3), (fixture.Branch, 1, Day, 4), (fixture.MainSite, 1, Day.AddDays(1), 1)]);

        // An append: one new product, and lines for the first batch's products on the same days and sites.
        var second = new[] { first[0], first[1], SalesFixture.Product("C", 5000, 4000, 1, 0) };
        await fixture.WriteAsync(second, [(fixture.MainSite, 0, Day, 1), (fixture.Branch, 1, Day, 1), (fixture.Branch, 2, Day, 2)], stored: new HashSet<Guid> { first[0].Id, first[1].Id });

        await using var db = database.NewContext();
        await SalesAggregateAssert.MatchesLinesAsync(db, fixture.TenantId);
        var a = await db.DailyProductSales.SingleAsync(d => d.ProductId == first[0].Id);
        Assert.Equal((3, 6L, 6000L, 6000L, 3600L), (a.Lines, a.Units, a.Revenue, a.CostedRevenue, a.Cost));
        var branch = await db.DailySiteSales.SingleAsync(d => d.SiteId == fixture.Branch && d.Day == Day);
        Assert.Equal((3, 7L, 11250L, 10000L, 8000L), (branch.Lines, branch.Units, branch.Revenue, branch.CostedRevenue, branch.Cost));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_batch_rolled_back_leaves_neither_lines_nor_sums(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = await SalesFixture.CreateAsync(database);
        var products = new[] { SalesFixture.Product("A", 1000, 600, 10, 2) };
        await fixture.WriteAsync(products, [(fixture.MainSite, 0, Day, 2)]);

        await fixture.WriteAsync([.. products], [(fixture.MainSite, 0, Day, 5)], stored: new HashSet<Guid> { products[0].Id }, commit: false);

        await using var db = database.NewContext();
        await SalesAggregateAssert.MatchesLinesAsync(db, fixture.TenantId);
        Assert.Equal(2000, (await db.DailySiteSales.SingleAsync()).Revenue);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Another_companys_batch_at_the_same_instant_stays_out_of_the_sums(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ours = await SalesFixture.CreateAsync(database);
        var theirs = await SalesFixture.CreateAsync(database, "Autre Commerce SARL");
        var at = new DateTime(2026, 11, 10, 12, 0, 0, DateTimeKind.Utc);
        await theirs.WriteAsync([SalesFixture.Product("A", 700, 100, 1, 1)], [(theirs.MainSite, 0, Day, 9)], at: at);
        await ours.WriteAsync([SalesFixture.Product("A", 1000, 600, 10, 2)], [(ours.MainSite, 0, Day, 2)], at: at);

        await using var db = database.NewContext();
        await SalesAggregateAssert.MatchesLinesAsync(db, ours.TenantId);
        await SalesAggregateAssert.MatchesLinesAsync(db, theirs.TenantId);
        Assert.Equal(2000, (await db.DailySiteSales.SingleAsync(d => d.TenantId == ours.TenantId)).Revenue);
    }
}
