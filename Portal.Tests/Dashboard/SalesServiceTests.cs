using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Dashboard;
using Portal.Domain.Identity;
using Portal.Domain.Onboarding.Import;
using Portal.Infrastructure.Dashboard;
using Portal.Tests.Support;

namespace Portal.Tests.Dashboard;

/// <summary>
/// The sales grid against a hand-computed fixture, November 2026. Products: A1 "Jus de bissap" 1 000 (cost 600,
/// Boissons), A2 "Savon de Marseille" 2 500 (no cost, Hygiène), A3 "Sachet plastique" 500 (cost 200, no category),
/// A4 "Jus de gingembre" 12 000 (cost 9 000, Boissons). Lines, named code@day×quantity, in the order they were written:
/// A1@1×2 Plateau 2 000 · A2@15×1 Pikine 2 500 · A3@10×4 Plateau 2 000 · A3@10×2 Plateau 1 000 · A4@20×1 Pikine 12 000 ·
/// A1@30×5 Plateau 5 000, and A1 on 31 October (outside the month).
/// </summary>
public class SalesServiceTests
{
    private static readonly Period November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
    private static readonly string[] NewestFirst = ["A1@30x5", "A4@20x1", "A2@15x1", "A3@10x2", "A3@10x4", "A1@1x2"];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_month_lists_newest_first_with_names_and_totals_computed_by_hand(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (fixture, products) = await ArrangeAsync(database);
        await using var scope = fixture.As(Roles.Owner);
        var sales = Service(scope);

        var page = await sales.ListAsync(new SalesFilter(November), new PageRequest(0, 20));

        Assert.Equal(6, page.Total);
        Assert.Equal(NewestFirst, page.Items.Select(Label));
        var first = page.Items[0];
        Assert.Equal(new SaleRow(first.Id, new DateOnly(2026, 11, 30), fixture.MainSite, "Plateau", products[0].Id, "A1", "Jus de bissap", "Boissons", 5, 1000, 5000), first);
        Assert.Equal("Pikine", page.Items[1].SiteName);
        Assert.Null(page.Items[3].Category);

        Assert.Equal(new SalesTotals(24500, 15, 6, 22000, 14400), await sales.TotalsAsync(new SalesFilter(November)));
        var options = await sales.OptionsAsync();
        Assert.Equal(Currency.Xof, options.Currency);
        Assert.True(options.ShowsCosts);
        Assert.Equal(["Boissons", "Hygiène", OverviewService.NoCategory], options.Categories);
        Assert.Equal(new DateOnly(2026, 11, 30), options.LastSaleDay);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Each_filter_narrows_the_lines_and_the_totals_read_by_both_paths_equal_the_lines(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (fixture, products) = await ArrangeAsync(database);
        await using var scope = fixture.As(Roles.Manager);
        var sales = Service(scope);
        var all = new SalesFilter(November);

        var cases = new (SalesFilter Filter, string[] Lines, SalesTotals Totals)[]
        {
            (all with { SiteId = fixture.MainSite }, ["A1@30x5", "A3@10x2", "A3@10x4", "A1@1x2"], new(10000, 13, 4, 10000, 5400)),
            (all with { SiteId = fixture.Branch }, ["A4@20x1", "A2@15x1"], new(14500, 2, 2, 12000, 9000)),
            (all with { ProductId = products[0].Id }, ["A1@30x5", "A1@1x2"], new(7000, 7, 2, 7000, 4200)),
            (all with { Category = "Boissons" }, ["A1@30x5", "A4@20x1", "A1@1x2"], new(19000, 8, 3, 19000, 13200)),
            (all with { Category = OverviewService.NoCategory }, ["A3@10x2", "A3@10x4"], new(3000, 6, 2, 3000, 1200)),
            (all with { Period = new Period(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 15)) }, ["A2@15x1", "A3@10x2", "A3@10x4"], new(5500, 7, 3, 3000, 1200)),
            (all with { Period = new Period(new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 1)) }, ["A1@1x2", "A1@31x1"], new(3000, 3, 2, 3000, 1800)),
            (all with { MinAmount = 2000 }, ["A1@30x5", "A4@20x1", "A2@15x1", "A3@10x4", "A1@1x2"], new(23500, 13, 5, 21000, 14000)),
            (all with { MaxAmount = 2500 }, ["A2@15x1", "A3@10x2", "A3@10x4", "A1@1x2"], new(7500, 9, 4, 5000, 2400)),
            (all with { MinAmount = 2000, MaxAmount = 2500 }, ["A2@15x1", "A3@10x4", "A1@1x2"], new(6500, 7, 3, 4000, 2000)),
            (all with { Search = "JUS" }, ["A1@30x5", "A4@20x1", "A1@1x2"], new(19000, 8, 3, 19000, 13200)),
            (all with { Search = " a3 " }, ["A3@10x2", "A3@10x4"], new(3000, 6, 2, 3000, 1200)),
            (all with { Search = "de gingembre" }, ["A4@20x1"], new(12000, 1, 1, 12000, 9000)),
            (all with { Category = "Boissons", SiteId = fixture.Branch, Search = "jus" }, ["A4@20x1"], new(12000, 1, 1, 12000, 9000)),
            (all with { Category = "Textile" }, [], SalesTotals.Zero),
            (all with { Search = "introuvable" }, [], SalesTotals.Zero),
        };

        foreach (var (filter, lines, totals) in cases)
        {
            var page = await sales.ListAsync(filter, new PageRequest(0, 20));
            Assert.Equal(lines, page.Items.Select(Label));
            Assert.Equal(lines.Length, page.Total);
            Assert.Equal(totals, await sales.TotalsAsync(filter));
            Assert.Equal(totals, Sum(page.Items, products));

            // A minimum of zero keeps every line but sends the same filter down the other path: the lines, not the daily sums.
            if (filter.ReadsDailySums)
            {
                var raw = filter with { MinAmount = 0 };
                Assert.False(raw.ReadsDailySums);
                Assert.Equal(totals, await sales.TotalsAsync(raw));
                Assert.Equal(lines.Length, (await sales.ListAsync(raw, new PageRequest(0, 1))).Total);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Every_sort_pages_without_gaps_or_repeats_from_either_end_and_the_stream_keeps_the_same_order(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (fixture, _) = await ArrangeAsync(database);
        await using var scope = fixture.As(Roles.Viewer);
        var sales = Service(scope);
        var filter = new SalesFilter(November);

        var expected = new Dictionary<(string?, bool), string[]>
        {
            [(null, false)] = NewestFirst,
            [("Date", true)] = NewestFirst,
            [("Date", false)] = ["A1@1x2", "A3@10x4", "A3@10x2", "A2@15x1", "A4@20x1", "A1@30x5"],
            [("TotalAmount", false)] = ["A3@10x2", "A3@10x4", "A1@1x2", "A2@15x1", "A1@30x5", "A4@20x1"],
            [("TotalAmount", true)] = ["A4@20x1", "A1@30x5", "A2@15x1", "A3@10x4", "A1@1x2", "A3@10x2"],
            [("Quantity", true)] = ["A1@30x5", "A3@10x4", "A3@10x2", "A1@1x2", "A4@20x1", "A2@15x1"],
            [("ProductName", false)] = ["A1@30x5", "A1@1x2", "A4@20x1", "A3@10x2", "A3@10x4", "A2@15x1"],
            [("SiteName", false)] = ["A4@20x1", "A2@15x1", "A1@30x5", "A3@10x2", "A3@10x4", "A1@1x2"],
            [("SiteName", true)] = ["A1@30x5", "A3@10x2", "A3@10x4", "A1@1x2", "A4@20x1", "A2@15x1"],
            [("NotAColumn", false)] = NewestFirst,
        };

        foreach (var ((sortBy, descending), lines) in expected)
        {
            Assert.Equal(lines, (await sales.ListAsync(filter, new PageRequest(0, 100, sortBy, descending))).Items.Select(Label));
            foreach (var size in new[] { 1, 4, 5 })
            {
                var pages = new List<string>();
                for (var skip = 0; skip < 6; skip += size)
                {
                    var page = await sales.ListAsync(filter, new PageRequest(skip, size, sortBy, descending));
                    Assert.Equal(6, page.Total);
                    Assert.Equal(Math.Min(size, 6 - skip), page.Items.Count);
                    pages.AddRange(page.Items.Select(Label));
                }

                Assert.Equal(lines, pages);
            }

            var streamed = new List<string>();
            await foreach (var row in sales.Rows(filter, sortBy, descending))
            {
                streamed.Add(Label(row));
            }

            Assert.Equal(lines, streamed);
        }

        Assert.Empty((await sales.ListAsync(filter, new PageRequest(6, 20))).Items);
        Assert.Equal(6, (await sales.ListAsync(filter, new PageRequest(60, 20))).Total);
        Assert.Equal(["A1@30x5"], (await sales.ListAsync(filter, new PageRequest(-3, 0))).Items.Select(Label));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_search_ignores_case_and_accents_on_both_databases(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = await SalesFixture.CreateAsync(database);
        ProductLine[] products = [SalesFixture.Product("CAF-1", 500, 300, 10, 1), SalesFixture.Product("ECR-32", 90_000, 70_000, 2, 1), SalesFixture.Product("THE", 400, 200, 10, 1)];
        products = [products[0] with { Name = "Café Touba" }, products[1] with { Name = "Écran 32 pouces" }, products[2] with { Name = "Thé vert" }];
        await fixture.WriteAsync(products, [(fixture.MainSite, 0, November.From, 1), (fixture.MainSite, 1, November.From, 1), (fixture.MainSite, 2, November.From, 1)]);
        await using var scope = fixture.As(Roles.Manager);
        var sales = Service(scope);

        foreach (var (search, code) in new[] { ("cafe", "CAF-1"), ("CAFÉ", "CAF-1"), ("écran", "ECR-32"), ("ECRAN 32", "ECR-32"), ("ecr-", "ECR-32") })
        {
            var filter = new SalesFilter(November, Search: search);
            Assert.Equal([code], (await sales.ListAsync(filter, new PageRequest(0, 20))).Items.Select(r => r.ProductCode));
            Assert.Equal(1, (await sales.TotalsAsync(filter)).Lines);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_page_holds_at_most_100_lines_and_the_stream_reads_every_line(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = await SalesFixture.CreateAsync(database);
        await fixture.WriteAsync([SalesFixture.Product("B1", 100, 60, 10, 1, "Divers")],
            Enumerable.Range(0, 250).Select(i => (fixture.MainSite, 0, November.From.AddDays(i % 30), 1 + (i % 7))));
        await using var scope = fixture.As(Roles.Member);
        var sales = Service(scope);

        var page = await sales.ListAsync(new SalesFilter(November), new PageRequest(0, 500));
        Assert.Equal(SalesService.MaxPageSize, page.Items.Count);
        Assert.Equal(250, page.Total);
        var last = await sales.ListAsync(new SalesFilter(November), new PageRequest(200, 100));
        Assert.Equal(50, last.Items.Count);

        var count = 0;
        long revenue = 0;
        await foreach (var row in sales.Rows(new SalesFilter(November), "TotalAmount", descending: true))
        {
            count++;
            revenue += row.TotalAmount;
        }

        Assert.Equal(250, count);
        Assert.Equal((await sales.TotalsAsync(new SalesFilter(November))).Revenue, revenue);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_products_history_sums_its_days_into_buckets_with_its_key_figures(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (fixture, products) = await ArrangeAsync(database);
        await using var scope = fixture.As(Roles.Manager);
        var sales = Service(scope);

        var history = await sales.ProductHistoryAsync(products[0].Id, November);
        Assert.Equal(new ProductInfo(products[0].Id, "A1", "Jus de bissap", "Boissons", 1000, 600, 10, 5, true), history.Product);
        Assert.Equal(Bucket.Day, history.Bucket);
        Assert.True(history.ShowsCosts);
        Assert.Equal(30, history.Buckets.Count);
        Assert.Equal([(new DateOnly(2026, 11, 1), 2000L, 2L), (new DateOnly(2026, 11, 30), 5000L, 5L)],
            history.Buckets.Where(b => b.Revenue > 0).Select(b => (b.Start, b.Revenue, b.Units)));
        Assert.Equal(new SalesTotals(7000, 7, 2, 7000, 4200), history.Totals);
        Assert.Equal(new DateOnly(2026, 11, 30), history.LastSaleDay);
        Assert.Equal(Currency.Xof, history.Currency);

        // August to November is weeks, from Monday: the week of 26 October holds Saturday 31 October and Sunday 1 November.
        var weeks = await sales.ProductHistoryAsync(products[0].Id, new Period(new DateOnly(2026, 8, 1), November.To));
        Assert.Equal(Bucket.Week, weeks.Bucket);
        Assert.Equal(new DateOnly(2026, 7, 27), weeks.Buckets[0].Start);
        Assert.Equal((3000L, 3L), weeks.Buckets.Where(b => b.Start == new DateOnly(2026, 10, 26)).Select(b => (b.Revenue, b.Units)).Single());
        Assert.Equal(8000, weeks.Buckets.Sum(b => b.Revenue));

        var elsewhere = await sales.ProductHistoryAsync(products[3].Id, November, fixture.MainSite);
        Assert.Equal(SalesTotals.Zero, elsewhere.Totals);
        Assert.Null(elsewhere.LastSaleDay);
        Assert.All(elsewhere.Buckets, b => Assert.Equal(0, b.Revenue));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Viewers_and_members_never_receive_costs(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (fixture, products) = await ArrangeAsync(database);

        foreach (var role in new[] { Roles.Viewer, Roles.Member })
        {
            await using var scope = fixture.As(role);
            var sales = Service(scope);
            Assert.Equal(new SalesTotals(24500, 15, 6, 0, 0), await sales.TotalsAsync(new SalesFilter(November)));
            Assert.Equal(new SalesTotals(23500, 13, 5, 0, 0), await sales.TotalsAsync(new SalesFilter(November, MinAmount: 2000)));
            Assert.False((await sales.OptionsAsync()).ShowsCosts);
            var history = await sales.ProductHistoryAsync(products[0].Id, November);
            Assert.False(history.ShowsCosts);
            Assert.Null(history.Product.CostPrice);
            Assert.Equal(new SalesTotals(7000, 7, 2, 0, 0), history.Totals);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Another_companys_lines_sites_and_products_are_out_of_reach_and_staff_are_refused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (fixture, _) = await ArrangeAsync(database);
        var other = await SalesFixture.CreateAsync(database, "Autre Commerce SARL");
        var foreign = new ProductLine(Guid.NewGuid(), 0, "X1", "Jus de bissap importé", "Import", 99_000, 1, 5, 1);
        await other.WriteAsync([foreign], [(other.MainSite, 0, new DateOnly(2026, 11, 30), 50), (other.Branch, 0, new DateOnly(2026, 11, 2), 1)]);

        await using (var scope = fixture.As(Roles.Owner))
        {
            var sales = Service(scope);
            var all = new SalesFilter(November);
            Assert.Equal(NewestFirst, (await sales.ListAsync(all, new PageRequest(0, 100))).Items.Select(Label));
            Assert.Equal(["A4@20x1", "A1@30x5", "A1@1x2"], (await sales.ListAsync(all with { Search = "jus" }, new PageRequest(0, 100, "TotalAmount", true))).Items.Select(Label));
            Assert.Equal(24500, (await sales.TotalsAsync(all)).Revenue);
            Assert.Equal(19000, (await sales.TotalsAsync(all with { Search = "jus" })).Revenue);
            Assert.Equal(["Boissons", "Hygiène", OverviewService.NoCategory], (await sales.OptionsAsync()).Categories);

            foreach (var filter in new[] { all with { SiteId = other.MainSite }, all with { ProductId = foreign.Id }, all with { SiteId = other.Branch, Search = "jus" } })
            {
                await Assert.ThrowsAsync<NotFoundException>(() => sales.ListAsync(filter, new PageRequest(0, 20)));
                await Assert.ThrowsAsync<NotFoundException>(() => sales.TotalsAsync(filter));
                await Assert.ThrowsAsync<NotFoundException>(async () =>
                {
                    await foreach (var row in sales.Rows(filter))
                    {
                        Assert.Fail("A line of another company: " + row);
                    }
                });
            }

            await Assert.ThrowsAsync<NotFoundException>(() => sales.ProductHistoryAsync(foreign.Id, November));
            await Assert.ThrowsAsync<NotFoundException>(() => sales.ProductHistoryAsync(Guid.NewGuid(), November));
            await Assert.ThrowsAsync<DomainException>(() => sales.ListAsync(all with { MinAmount = 5000, MaxAmount = 10 }, new PageRequest(0, 20)));
        }

        await using var staff = database.ActAs(Guid.NewGuid(), Roles.Staff, null);
        var refused = Service(staff);
        var filterAll = new SalesFilter(November);
        await Assert.ThrowsAsync<ForbiddenException>(() => refused.ListAsync(filterAll, new PageRequest(0, 20)));
        await Assert.ThrowsAsync<ForbiddenException>(() => refused.TotalsAsync(filterAll));
        await Assert.ThrowsAsync<ForbiddenException>(() => refused.OptionsAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => refused.ProductHistoryAsync(foreign.Id, November));
        Assert.Throws<ForbiddenException>(() => refused.Rows(filterAll));
    }

    private static SalesService Service(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<SalesService>();

    private static string Label(SaleRow row) => $"{row.ProductCode}@{row.Date.Day}x{row.Quantity}";

    // What the totals must be, from the listed lines and the fixture's cost prices.
    private static SalesTotals Sum(IEnumerable<SaleRow> rows, IReadOnlyList<ProductLine> products) =>
        rows.Aggregate(SalesTotals.Zero, (t, r) =>
        {
            var cost = products.Single(p => p.Id == r.ProductId).CostPrice;
            return t + new SalesTotals(r.TotalAmount, r.Quantity, 1, cost is null ? 0 : r.TotalAmount, (cost ?? 0) * r.Quantity);
        });

    private static async Task<(SalesFixture Fixture, ProductLine[] Products)> ArrangeAsync(TestDatabase database)
    {
        var fixture = await SalesFixture.CreateAsync(database);
        var products = new[]
        {
            new ProductLine(Guid.NewGuid(), 0, "A1", "Jus de bissap", "Boissons", 1000, 600, 10, 5),
            new ProductLine(Guid.NewGuid(), 0, "A2", "Savon de Marseille", "Hygiène", 2500, null, 3, 10),
            new ProductLine(Guid.NewGuid(), 0, "A3", "Sachet plastique", null, 500, 200, 100, 20),
            new ProductLine(Guid.NewGuid(), 0, "A4", "Jus de gingembre", "Boissons", 12000, 9000, 2, 1),
        };
        var (main, branch) = (fixture.MainSite, fixture.Branch);
        await fixture.WriteAsync(products,
        [
            (main, 0, new DateOnly(2026, 11, 1), 2),
            (branch, 1, new DateOnly(2026, 11, 15), 1),
            (main, 2, new DateOnly(2026, 11, 10), 4),
            (main, 2, new DateOnly(2026, 11, 10), 2),
            (branch, 3, new DateOnly(2026, 11, 20), 1),
            (main, 0, new DateOnly(2026, 11, 30), 5),
            (main, 0, new DateOnly(2026, 10, 31), 1),
        ]);
        return (fixture, products);
    }
}
