using System.Diagnostics;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Dashboard;
using Portal.Domain.Identity;
using Portal.Domain.Onboarding.Import;
using Portal.Domain.Tenancy;
using Portal.Infrastructure.Dashboard;
using Portal.Infrastructure.Dashboard.Documents;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Onboarding;

namespace Portal.Benchmarks;

/// <summary>
/// The client dashboard at the size: one company with 1,000,000 sales over two years (5,000 products, 3 sites)
/// beside 20 companies of 50,000 sales, all written through the import's bulk writer (daily sums included). Then, as
/// the big company's owner: the overview for several periods, a stock page, a forecasts page, the forecasts computation
/// and the monthly PDF report. Each figure is the median of 5 warm calls (the first, cold, call is printed apart).
/// </summary>
internal static class DashboardBenchmark
{
    private const int Runs = 5;

    public static async Task RunAsync(int sales, int products, int others, int otherSales, IReadOnlyList<string> providers, string? postgres, string work)
    {
        Console.WriteLine($"Portal dashboard benchmark · {Environment.ProcessorCount} CPU · .NET {Environment.Version} · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"one company: {sales:N0} sales, {products:N0} products, 3 sites, 2 years; {others} other companies of {otherSales:N0} sales");
        foreach (var provider in providers)
        {
            if (provider == "postgres" && string.IsNullOrWhiteSpace(postgres))
            {
                Console.WriteLine($"{provider}: skipped: set PORTAL_BENCH_POSTGRES (or PORTAL_TEST_POSTGRES) to an admin connection string");
                continue;
            }

            await using var database = await BenchDatabase.CreateAsync(provider, postgres, work);
            await MeasureAsync(database, provider, sales, products, others, otherSales);
        }
    }

    private static async Task MeasureAsync(BenchDatabase database, string provider, int sales, int products, int others, int otherSales)
    {
        await using var node = database.Node();
        var portalDb = node.Services.GetRequiredService<PortalDb>();
        await using (var setup = portalDb.ForSystem("benchmark setup"))
        {
            await setup.Database.MigrateAsync();
        }

        var load = Stopwatch.StartNew();
        var big = await CompanyAsync(portalDb, "Grand Commerce SARL", 3, products, sales, seed: 1);
        for (var i = 0; i < others; i++)
        {
            await CompanyAsync(portalDb, $"Commerce {i + 1:D2} SARL", 1, 500, otherSales, seed: 100 + i);
        }

        load.Stop();
        if (provider == "postgres")
        {
            await using var analyze = portalDb.ForSystem("benchmark analyze");
            await analyze.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        Console.WriteLine($"{provider}: loaded {sales + (others * otherSales):N0} sales with their daily sums in {load.Elapsed.TotalSeconds:F1} s");

        var insights = Stopwatch.StartNew();
        await using (var db = portalDb.ForJob(big, "benchmark insights"))
        {
            await node.Services.GetRequiredService<InsightsCalculator>().ComputeAsync(db, big);
        }

        insights.Stop();
        Console.WriteLine($"{provider}: forecasts and stock statuses for {products:N0} products computed and stored in {insights.Elapsed.TotalMilliseconds:F0} ms");

        await using var scope = node.Services.CreateAsyncScope();
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        user.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new(ClaimTypes.Role, Roles.Owner), new(PortalClaims.TenantId, big.ToString())], "bench")));
        var overviews = scope.ServiceProvider.GetRequiredService<OverviewService>();
        var stock = scope.ServiceProvider.GetRequiredService<StockService>();
        var downloads = scope.ServiceProvider.GetRequiredService<DashboardDownloads>();
        var today = overviews.Today;

        foreach (var kind in new[] { PeriodKind.Last30Days, PeriodKind.ThisMonth, PeriodKind.ThisQuarter, PeriodKind.ThisYear })
        {
            await TimeAsync(provider, $"overview, {Labels.Of(kind).ToLowerInvariant()}", () => overviews.GetAsync(new OverviewQuery(Period.Of(kind, today))));
        }

        await TimeAsync(provider, "overview, 2 years", () => overviews.GetAsync(new OverviewQuery(Period.Of(PeriodKind.Custom, today, today.AddYears(-2).AddDays(1), today))));
        await TimeAsync(provider, "stock page (25 rows + status counts)", async () =>
        {
            await stock.ListAsync(new StockFilter(), new PageRequest(0, 25));
            await stock.CountsAsync();
        });
        await TimeAsync(provider, "stock page, filtered by status", () => stock.ListAsync(new StockFilter(StockStatus.BelowReorderPoint), new PageRequest(0, 25)));
        await TimeAsync(provider, "forecasts page (25 rows + outlook)", async () =>
        {
            await stock.ForecastsAsync(null, null, false, new PageRequest(0, 25));
            await stock.SummaryAsync();
        });
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        await TimeAsync(provider, "monthly report, PDF", async () =>
        {
            var report = await downloads.MonthlyReportAsync(lastMonth, ExportFormat.Pdf);
            await report.WriteAsync(Stream.Null, CancellationToken.None);
        });
        await TimeAsync(provider, $"stock export, CSV ({products:N0} rows)", async () =>
        {
            var export = await downloads.StockAsync(new StockFilter(), ExportFormat.Csv);
            await export.WriteAsync(Stream.Null, CancellationToken.None);
        });
    }

    private static async Task TimeAsync(string provider, string what, Func<Task> action)
    {
        var cold = Stopwatch.StartNew();
        await action();
        cold.Stop();
        var warm = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            warm.Add(watch.Elapsed.TotalMilliseconds);
        }

        warm.Sort();
        Console.WriteLine($"{provider}: {what,-42} {warm[Runs / 2],8:F1} ms   (cold {cold.Elapsed.TotalMilliseconds:F0} ms)");
    }

    /// <summary>A company and its history, written like an import: products, then sales spread over two years and its sites.</summary>
    private static async Task<Guid> CompanyAsync(PortalDb portalDb, string name, int siteCount, int productCount, int saleCount, int seed)
    {
        var tenant = new Tenant(CompanyName.Create(name), null, Sector.Retail, Country.Senegal, "bench");
        tenant.Activate();
        var sites = Enumerable.Range(0, siteCount).Select(i => new Site(tenant.Id, $"Site {i + 1}", null, i == 0 ? SiteType.Main : SiteType.Branch)).ToList();
        await using var db = portalDb.ForSystem("benchmark data");
        db.Tenants.Add(tenant);
        db.Sites.AddRange(sites);
        await db.SaveChangesAsync();

        var random = new Random(seed);
        var catalogue = Enumerable.Range(0, productCount).Select(i => new ProductLine(
            Guid.NewGuid(), i + 2, $"P{i:D5}", $"Produit {i}", $"Catégorie {i % 12}", 500 + (25 * random.Next(400)), random.Next(10) == 0 ? null : 300 + (25 * random.Next(200)),
            random.Next(200), 10 + random.Next(30))).ToList();
        var today = BusinessCalendar.Today(DateTimeOffset.UtcNow);
        using var writer = ImportWriter.Start(db, tenant.Id, sites[0].Id, DateTime.UtcNow, _ => { }, streamOnSqlite: true);
        writer.ProductsRead(catalogue);
        for (var i = 0; i < saleCount; i++)
        {
            // Popular products sell more (a skewed pick), every day of the last 730 has sales.
            var product = (int)(productCount * Math.Pow(random.NextDouble(), 2));
            var quantity = 1 + random.Next(5);
            var price = catalogue[product].UnitPrice;
            writer.SaleRead(new SaleLine(product, today.AddDays(-1 - random.Next(730)), quantity, price, price * quantity), sites[random.Next(siteCount)].Id);
        }

        writer.Complete();
        await writer.Transaction!.CommitAsync();
        return tenant.Id;
    }
}
