using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Portal.Domain.Common;
using Portal.Domain.Dashboard;
using Portal.Domain.Identity;
using Portal.Domain.Onboarding.Import;
using Portal.Domain.Tenancy;
using Portal.Infrastructure;
using Portal.Infrastructure.Dashboard;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Onboarding;

namespace Portal.Benchmarks;

/// <summary>
/// Sales grid benchmark: one company with 1,000,000 sales lines over two years (2,000 products, 10 categories, 2 sites)
/// beside two other companies of 250,000 lines each, written by the importer's bulk writer; then the sales page's calls
/// as a manager would make them, each the median of seven after two warm-up calls. <c>--keep</c> leaves the databases
/// (portal-bench/sales-grid.db, portal_bench_sales_grid) for the next run, which then skips the writing.
/// </summary>
internal static class SalesGridBenchmark
{
    private const int Products = 2_000;
    private const int Days = 730;
    private const string DatabaseName = "portal_bench_sales_grid";
    private static readonly string[] Categories = ["Alimentation", "Boissons", "Hygiène", "Entretien", "Fournitures scolaires", "Textile", "Électroménager", "Téléphonie", "Quincaillerie", "Cosmétiques"];
    private static readonly string[] Words = ["Riz", "Huile", "Sucre", "Savon", "Cahier", "Pagne", "Ventilateur", "Chargeur", "Clou", "Crème"];

    private static string? Only { get; set; }

    /// <param name="sales">Lines of the company measured; each other company has a quarter as many.</param>
    /// <param name="providers">sqlite, postgres.</param>
    /// <param name="postgres">An admin connection string (PostgreSQL only).</param>
    /// <param name="work">Where the SQLite file goes.</param>
    /// <param name="keep">Leave the databases for the next run.</param>
    /// <param name="only">Only the calls whose name contains this text.</param>
    public static async Task RunAsync(int sales, IReadOnlyList<string> providers, string? postgres, string work, bool keep, string? only)
    {
        Only = only;
        Console.WriteLine($"Portal sales grid benchmark · {Environment.ProcessorCount} CPU · .NET {Environment.Version} · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"{sales:N0} lines for the company measured, 2 × {sales / 4:N0} for two others; median of 7 calls (ms)");
        foreach (var provider in providers)
        {
            if (provider == "postgres" && string.IsNullOrWhiteSpace(postgres))
            {
                Console.WriteLine($"{provider}: skipped, set PORTAL_BENCH_POSTGRES (or PORTAL_TEST_POSTGRES) to an admin connection string");
                continue;
            }

            var sqlitePath = Path.Combine(work, "sales-grid.db");
            string? connection = null;
            if (provider == "postgres")
            {
                await using var admin = new NpgsqlConnection(postgres);
                await admin.OpenAsync();
                await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{DatabaseName}'", admin);
                if (await exists.ExecuteScalarAsync() is null)
                {
                    await new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", admin).ExecuteNonQueryAsync();
                }

                connection = new NpgsqlConnectionStringBuilder(postgres) { Database = DatabaseName }.ToString();
            }

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider == "postgres" ? "Postgres" : "Sqlite",
                ["Database:SqlitePath"] = sqlitePath,
                ["ConnectionStrings:Portal"] = connection,
            }).Build();
            await using (var services = new ServiceCollection().AddLogging().AddPortalInfrastructure(configuration).BuildServiceProvider())
            {
                await MeasureAsync(services, provider, sales);
            }

            if (!keep)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                NpgsqlConnection.ClearAllPools();
                File.Delete(sqlitePath);
                if (provider == "postgres")
                {
                    await using var admin = new NpgsqlConnection(postgres);
                    await admin.OpenAsync();
                    await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
                }
            }
        }
    }

    private static async Task MeasureAsync(ServiceProvider services, string provider, int sales)
    {
        var today = BusinessCalendar.Today(DateTimeOffset.UtcNow);
        Guid tenantId;
        await using (var scope = services.CreateAsyncScope())
        await using (var db = scope.ServiceProvider.GetRequiredService<PortalDb>().ForSystem("benchmark setup"))
        {
            await db.Database.MigrateAsync();
            var measured = await db.Tenants.Where(t => t.Name == "Grille SARL").Select(t => (Guid?)t.Id).SingleOrDefaultAsync();
            if (measured is { } existing)
            {
                tenantId = existing;
                Console.WriteLine($"{provider}: reusing the lines of an earlier run (--keep)");
            }
            else
            {
                var write = Stopwatch.StartNew();
                tenantId = await SeedAsync(db, "Grille SARL", sales, today, seed: 1);
                await SeedAsync(db, "Voisin Un SARL", sales / 4, today, seed: 2);
                await SeedAsync(db, "Voisin Deux SARL", sales / 4, today, seed: 3);
                if (provider == "postgres")
                {
                    // What autovacuum does after such a burst.
                    await db.Database.ExecuteSqlRawAsync("ANALYZE");
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: wrote {sales * 1.5:N0} lines in {write.Elapsed.TotalSeconds:0} s"));
            }

            // What the import runner does after its commit (SQLite only).
            await SqliteStatistics.RefreshAsync(db.Database, NullLogger.Instance, CancellationToken.None);
        }

        await using var manager = services.CreateAsyncScope();
        manager.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
            new Claim(ClaimTypes.Role, Roles.Manager),
            new Claim(PortalClaims.TenantId, tenantId.ToString()),
        ], "benchmark")));
        var service = manager.ServiceProvider.GetRequiredService<SalesService>();
        var month = new SalesFilter(new Period(today.AddDays(-29), today));
        var year = new SalesFilter(new Period(today.AddDays(-364), today));
        var all = new SalesFilter(new Period(today.AddDays(-Days), today));
        var total = (await service.ListAsync(all, new PageRequest(0, 1))).Total;
        var product = (await service.ListAsync(month, new PageRequest(0, 1))).Items[0].ProductId;
        var first = new PageRequest(0, 20);

        Console.WriteLine($"{"call",-62} {provider,10} {"max",6}");
        await TimeAsync("page 1, last 30 days, newest first", () => service.ListAsync(month, first));
        await TimeAsync("page 1, two years, newest first", () => service.ListAsync(all, first));
        await TimeAsync("page 2, two years, newest first", () => service.ListAsync(all, first with { Skip = 20 }));
        await TimeAsync($"last page, two years ({total:N0} lines)", () => service.ListAsync(all, first with { Skip = (total - 1) / 20 * 20 }));
        await TimeAsync("page 100, two years", () => service.ListAsync(all, first with { Skip = 99 * 20 }));
        await TimeAsync("page 1, last 30 days, by amount", () => service.ListAsync(month, first with { SortBy = nameof(SaleRow.TotalAmount), Descending = true }));
        await TimeAsync("page 1, last 30 days, by product name", () => service.ListAsync(month, first with { SortBy = nameof(SaleRow.ProductName) }));
        await TimeAsync("page 1, last 30 days, by site", () => service.ListAsync(month, first with { SortBy = nameof(SaleRow.SiteName) }));
        await TimeAsync("page 1, one year, by amount", () => service.ListAsync(year, first with { SortBy = nameof(SaleRow.TotalAmount), Descending = true }));
        await TimeAsync("page 1, two years, by amount", () => service.ListAsync(all, first with { SortBy = nameof(SaleRow.TotalAmount), Descending = true }));
        await TimeAsync("page 1, two years, by product name", () => service.ListAsync(all, first with { SortBy = nameof(SaleRow.ProductName) }));
        await TimeAsync("page 1, last 30 days, one category", () => service.ListAsync(month with { Category = "Textile" }, first));
        await TimeAsync("page 1, two years, one category", () => service.ListAsync(all with { Category = "Textile" }, first));
        await TimeAsync("page 1, two years, one product", () => service.ListAsync(all with { ProductId = product }, first));
        await TimeAsync("page 1, last 30 days, search \"savon\"", () => service.ListAsync(month with { Search = "savon" }, first));
        await TimeAsync("page 1, two years, search \"savon 12\"", () => service.ListAsync(all with { Search = "savon 12" }, first));
        await TimeAsync("page 1, last 30 days, amount ≥ 50,000", () => service.ListAsync(month with { MinAmount = 50_000 }, first));
        await TimeAsync("page 1, two years, amount ≥ 50,000", () => service.ListAsync(all with { MinAmount = 50_000 }, first));
        await TimeAsync("totals, last 30 days (daily sums)", () => service.TotalsAsync(month));
        await TimeAsync("totals, two years (daily sums)", () => service.TotalsAsync(all));
        await TimeAsync("totals, two years, one category (daily sums)", () => service.TotalsAsync(all with { Category = "Textile" }));
        await TimeAsync("totals, last 30 days, amount ≥ 50,000 (lines)", () => service.TotalsAsync(month with { MinAmount = 50_000 }));
        await TimeAsync("totals, two years, amount ≥ 50,000 (lines)", () => service.TotalsAsync(all with { MinAmount = 50_000 }));
        await TimeAsync("product history, two years", () => service.ProductHistoryAsync(product, all.Period));
        var streamed = 0;
        var stream = Stopwatch.StartNew();
        await foreach (var row in service.Rows(all))
        {
            streamed++;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"stream, two years, newest first",-62} {stream.Elapsed.TotalMilliseconds,10:0} ms for {streamed:N0} rows ({streamed / stream.Elapsed.TotalSeconds:N0} rows/s)"));

        // The download a manager starts from the page: every line of two years as CSV, from the database to the response.
        var downloads = manager.ServiceProvider.GetRequiredService<DashboardDownloads>();
        for (var run = 0; run < 2; run++)
        {
            GC.Collect();
            using var memory = new PeakMemory();
            await using var sink = new ExportBenchmark.CountingSink();
            var export = Stopwatch.StartNew();
            var download = await downloads.SalesAsync(all, Portal.Infrastructure.Dashboard.Documents.ExportFormat.Csv);
            await download.WriteAsync(sink, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{"CSV export, two years (run " + (run + 1) + ")",-62} {export.Elapsed.TotalMilliseconds,10:0} ms, {sink.Written / 1048576.0:0} MB, peak working set +{memory.PeakGrowthMegabytes:0} MB"));
        }
    }

    private static async Task TimeAsync<T>(string name, Func<Task<T>> call)
    {
        if (Only is { } only && !name.Contains(only, StringComparison.Ordinal))
        {
            return;
        }

        var times = new List<double>();
        for (var run = 0; run < 9; run++)
        {
            var watch = Stopwatch.StartNew();
            await call();
            if (run >= 2)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-62} {times[times.Count / 2],10:0.0} {times[^1],6:0}"));
    }

    private static async Task<Guid> SeedAsync(PortalDbContext db, string name, int count, DateOnly today, int seed)
    {
        var tenant = new Tenant(CompanyName.Create(name), null, Sector.Retail, Country.Senegal, "bench");
        tenant.Activate();
        Site[] sites = [new(tenant.Id, "Boutique Plateau", null, SiteType.Main), new(tenant.Id, "Dépôt Pikine", null, SiteType.Branch)];
        db.Tenants.Add(tenant);
        db.Sites.AddRange(sites);
        await db.SaveChangesAsync();

        var random = new Random(seed);
        var products = Enumerable.Range(0, Products).Select(i => new ProductLine(
            Guid.NewGuid(), i + 2, $"P{i:00000}", $"{Words[i % Words.Length]} {i / Words.Length}", Categories[i % Categories.Length],
            100 + random.Next(50_000), random.NextDouble() < 0.1 ? null : 80 + random.Next(30_000), random.Next(500), 10)).ToList();
        using var writer = ImportWriter.Start(db, tenant.Id, sites[0].Id, DateTime.UtcNow, _ => { }, streamOnSqlite: true);
        writer.ProductsRead(products);
        for (var i = 0; i < count; i++)
        {
            var index = random.Next(Products);
            var quantity = 1 + random.Next(9);
            var price = products[index].UnitPrice;
            writer.SaleRead(new SaleLine(index, today.AddDays(-1 - (i % Days)), quantity, price, price * quantity), sites[i % 3 == 0 ? 1 : 0].Id);
        }

        writer.Complete();
        await writer.Transaction!.CommitAsync();
        return tenant.Id;
    }
}
