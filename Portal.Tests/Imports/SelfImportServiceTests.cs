using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Identity;
using Portal.Domain.Onboarding;
using Portal.Domain.Onboarding.Import;
using Portal.Infrastructure.Imports;
using Portal.Tests.Dashboard;
using Portal.Tests.Onboarding;
using Portal.Tests.Support;
using Xunit.Abstractions;

namespace Portal.Tests.Imports;

/// <summary>A company's own imports through the service, on both databases: create, update, append, skip duplicates.</summary>
public class SelfImportServiceTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = Workbooks.Today;
    private static readonly DateOnly Earlier = Today.AddDays(-40);

    /// <summary>Rice (with a cost) and oil (without) with one stored sale each at the main site, and one at the branch.</summary>
    private static async Task<(SelfImportHarness Harness, ProductLine Rice, ProductLine Oil)> CompanyAsync(TestDatabase database, string name = "Keur Commerce SARL")
    {
        var company = await SalesFixture.CreateAsync(database, name);
        var rice = SalesFixture.Product("RIZ-01", 17_500, 15_000, 40, 10, "Alimentation");
        var oil = SalesFixture.Product("HUI-01", 5_000, null, 12, null);
        await company.WriteAsync([rice, oil], [(company.MainSite, 0, Earlier, 2), (company.MainSite, 1, Earlier, 1), (company.Branch, 0, Earlier, 2)]);
        return (new SelfImportHarness(company), rice, oil);
    }

    /// <summary>One new product, rice at a new price and cost, one line already stored, and three new lines (one of oil, not listed).</summary>
    private static byte[] NovemberFile() => Workbooks.Fill(Workbooks.Template(),
        [
            ["SUC-01", "Sucre 1 kg", "Alimentation", 900, 700, 30, 5],
            ["riz-01", "Riz parfumé 25 kg", "Alimentation", 18_000, 15_500, 55, 12],
        ],
        [
            [Earlier, "RIZ-01", 2, 17_500],
            [Today.AddDays(-2), "RIZ-01", 3, null],
            [Today.AddDays(-2), "SUC-01", 4, 900],
            [Today.AddDays(-1), "HUI-01", 1, 5_000],
        ]);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_test_reports_what_an_import_would_do_and_writes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (harness, rice, _) = await CompanyAsync(database);

        var job = await harness.UploadAndRunAsync(NovemberFile(), dryRun: true);

        Assert.Equal(ImportStatus.Succeeded, job.Status);
        var append = job.Stats!.Append!;
        Assert.Equal((1, 1, 0, 1, false), (append.Created, append.Updated, append.Unchanged, append.Duplicates, append.DuplicatesImported));
        Assert.Equal(new DuplicateSale(3, Earlier, "RIZ-01", 2, 17_500), Assert.Single(append.DuplicateExamples));
        Assert.Equal(3, job.Stats.Sales);
        await using var db = database.NewContext();
        Assert.Equal(17_500, (await db.Products.SingleAsync(p => p.Id == rice.Id)).UnitPrice);
        Assert.Equal(3, await db.Sales.CountAsync(s => s.TenantId == harness.Company.TenantId));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_import_creates_new_products_updates_known_ones_appends_sales_and_skips_the_duplicate(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (harness, rice, oil) = await CompanyAsync(database);
        var (other, otherRice, _) = await CompanyAsync(database, "Autre Commerce SARL");
        var dashboardsTold = 0;
        using var following = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Portal.Infrastructure.Dashboard.SalesChanges>(database.Services).Follow(harness.Company.TenantId, () => Interlocked.Increment(ref dashboardsTold));

        var job = await harness.UploadAndRunAsync(NovemberFile(), dryRun: false);

        Assert.Equal(ImportStatus.Succeeded, job.Status);
        Assert.Equal((1, 1, 1, false), (job.Stats!.Append!.Created, job.Stats.Append.Updated, job.Stats.Append.Duplicates, job.Stats.Append.DuplicatesImported));
        await using var db = database.NewContext();
        var tenantId = harness.Company.TenantId;
        var updated = await db.Products.SingleAsync(p => p.Id == rice.Id);
        Assert.Equal(("RIZ-01", "Riz parfumé 25 kg", 18_000L, 15_500L, 55, 12), (updated.Code, updated.Name, updated.UnitPrice, updated.CostPrice!.Value, updated.CurrentStock, updated.ReorderPoint!.Value));
        var sugar = await db.Products.SingleAsync(p => p.TenantId == tenantId && p.Code == "SUC-01");
        Assert.Equal((900L, 700L, 30), (sugar.UnitPrice, sugar.CostPrice!.Value, sugar.CurrentStock));
        Assert.Equal(5_000, (await db.Products.SingleAsync(p => p.Id == oil.Id)).UnitPrice);

        var sales = await db.Sales.Where(s => s.TenantId == tenantId).ToListAsync();
        Assert.Equal(6, sales.Count);
        Assert.Single(sales, s => s.ProductId == rice.Id && s.Date == Earlier && s.SiteId == harness.Company.MainSite);
        Assert.Single(sales, s => s.ProductId == rice.Id && s.Date == Today.AddDays(-2) && s.UnitPrice == 18_000 && s.TotalAmount == 54_000);
        Assert.All(sales.Where(s => s.Date > Earlier), s => Assert.Equal(harness.Company.MainSite, s.SiteId));
        // The new cost applies to rice's past sums too: the daily sums equal the lines at the products' costs.
        await SalesAggregateAssert.MatchesLinesAsync(db, tenantId);

        // The other company, with the same codes, is untouched.
        Assert.Equal(17_500, (await db.Products.SingleAsync(p => p.Id == otherRice.Id)).UnitPrice);
        Assert.Equal(3, await db.Sales.CountAsync(s => s.TenantId == other.Company.TenantId));
        Assert.Equal(2, await db.Products.CountAsync(p => p.TenantId == other.Company.TenantId));
        await SalesAggregateAssert.MatchesLinesAsync(db, other.Company.TenantId);

        var audit = await db.AuditEntries.Where(a => a.TenantId == tenantId).ToListAsync();
        Assert.Contains(audit, a => a.Action == AuditActions.UploadTemplate && a.Details.Contains("\"mode\":\"append\""));
        Assert.Contains(audit, a => a.Action == AuditActions.ImportData && a.Details.Contains("\"status\":\"succeeded\"") && a.Details.Contains("\"mode\":\"append\""));
        Assert.True((await db.Tenants.SingleAsync(t => t.Id == tenantId)).IsActive);
        // The company's open dashboards reload once the import commits.
        Assert.Equal(1, Volatile.Read(ref dashboardsTold));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Confirmed_duplicates_are_imported_too(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (harness, rice, _) = await CompanyAsync(database);

        var job = await harness.UploadAndRunAsync(NovemberFile(), dryRun: false, includeDuplicates: true);

        Assert.Equal((1, true), (job.Stats!.Append!.Duplicates, job.Stats.Append.DuplicatesImported));
        Assert.Equal(4, job.Stats.Sales);
        await using var db = database.NewContext();
        Assert.Equal(2, await db.Sales.CountAsync(s => s.ProductId == rice.Id && s.Date == Earlier && s.SiteId == harness.Company.MainSite));
        await SalesAggregateAssert.MatchesLinesAsync(db, harness.Company.TenantId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_same_file_imported_twice_brings_nothing_new_the_second_time(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (harness, _, _) = await CompanyAsync(database);
        await harness.UploadAndRunAsync(NovemberFile(), dryRun: false);

        var again = await harness.UploadAndRunAsync(NovemberFile(), dryRun: false);

        Assert.Equal((0, 0, 2, 4, 0), (again.Stats!.Append!.Created, again.Stats.Append.Updated, again.Stats.Append.Unchanged, again.Stats.Append.Duplicates, again.Stats.Sales));
        await using var db = database.NewContext();
        Assert.Equal(6, await db.Sales.CountAsync(s => s.TenantId == harness.Company.TenantId));
        await SalesAggregateAssert.MatchesLinesAsync(db, harness.Company.TenantId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_file_with_errors_writes_nothing_and_lists_them(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (harness, rice, _) = await CompanyAsync(database);
        var file = Workbooks.Fill(Workbooks.Template(), [["RIZ-01", "Riz", null, 19_000, null, null, null]], [[Today.AddDays(-1), "INCONNU", 1, 100]]);

        var job = await harness.UploadAndRunAsync(file, dryRun: false);

        Assert.Equal(ImportStatus.Failed, job.Status);
        var (issues, _, total) = await harness.AsManagerAsync(s => s.GetIssuesAsync(job.Id, 0, 10));
        Assert.Equal(1, total);
        Assert.Contains("ni parmi vos produits", issues[0].Message);
        await using var db = database.NewContext();
        Assert.Equal(17_500, (await db.Products.SingleAsync(p => p.Id == rice.Id)).UnitPrice);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Viewers_and_members_may_not_import(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var company = await SalesFixture.CreateAsync(database);
        foreach (var role in new[] { Roles.Viewer, Roles.Member })
        {
            await using var scope = company.As(role);
            var imports = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SelfImportService>(scope.ServiceProvider);
            await Assert.ThrowsAsync<ForbiddenException>(() => imports.TemplateAsync());
            await Assert.ThrowsAsync<ForbiddenException>(() => imports.UploadAsync("f.xlsx", new MemoryStream(Workbooks.Valid())));
            await Assert.ThrowsAsync<ForbiddenException>(() => imports.LatestAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Another_companys_run_and_file_are_not_found(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (ours, _, _) = await CompanyAsync(database);
        var (theirs, _, _) = await CompanyAsync(database, "Autre Commerce SARL");
        var job = await ours.UploadAndRunAsync(NovemberFile(), dryRun: true);
        var (_, upload) = await ours.AsManagerAsync(s => s.UploadAsync("f.xlsx", new MemoryStream(NovemberFile())));

        await Assert.ThrowsAsync<NotFoundException>(() => theirs.AsManagerAsync(s => s.GetJobAsync(job.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => theirs.AsManagerAsync(s => s.GetIssuesAsync(job.Id, 0, 10)));
        await Assert.ThrowsAsync<NotFoundException>(() => theirs.AsManagerAsync(s => s.StartAsync(upload!, dryRun: false, includeDuplicates: false)));
        Assert.Null(await theirs.AsManagerAsync(s => s.LatestAsync()));
        Assert.Equal(job.Id, (await ours.AsManagerAsync(s => s.LatestAsync()))!.Id);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Runs_started_at_the_same_instant_leave_exactly_one_queued(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (ours, _, _) = await CompanyAsync(database);
        var (_, upload) = await ours.AsManagerAsync(s => s.UploadAsync("f.xlsx", new MemoryStream(NovemberFile())));

        // Whatever the interleaving: one start wins, the others are told a run is under way.
        var started = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            try
            {
                await ours.AsManagerAsync(s => s.StartAsync(upload!, dryRun: true, includeDuplicates: false));
                return true;
            }
            catch (DomainException e) when (e.Message.Contains("déjà en cours", StringComparison.Ordinal))
            {
                return false;
            }
        })));

        Assert.Equal(1, started.Count(s => s));
        await using var db = database.NewContext();
        Assert.Equal(1, await db.ImportJobs.CountAsync(j => j.TenantId == ours.Company.TenantId && (j.Status == ImportStatus.Pending || j.Status == ImportStatus.Running)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Accepted_uploads_are_limited_per_person_and_hour_like_the_wizards(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (harness, _, _) = await CompanyAsync(database);
        for (var i = 0; i < Portal.Infrastructure.Onboarding.OnboardingService.UploadsPerHour; i++)
        {
            await harness.AsManagerAsync(s => s.UploadAsync("f.xlsx", new MemoryStream(NovemberFile())));
        }

        var refused = await Assert.ThrowsAsync<DomainException>(() => harness.AsManagerAsync(s => s.UploadAsync("f.xlsx", new MemoryStream(NovemberFile()))));
        Assert.StartsWith("Limite atteinte : 10 fichiers acceptés par heure et par personne.", refused.Message);
    }

    /// <summary>
    /// The cost of duplicate detection with 100,000 stored lines: a file re-sending the last month (about 4,000 lines, all
    /// duplicates) plus 2,000 new lines. Stored lines are read a month at a time, only for the months the file names.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Duplicate_detection_over_100000_stored_lines_reads_only_the_files_months(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var company = await SalesFixture.CreateAsync(database);
        var products = Enumerable.Range(1, 200).Select(i => SalesFixture.Product($"P{i:000}", 1000 + i, 500, 10, 2)).ToArray();
        var start = Today.AddDays(-729);
        var stored = Enumerable.Range(0, 100_000).Select(i => (company.MainSite, i % 200, start.AddDays(i * 730 / 100_000), 1 + (i / 200 % 3))).ToList();
        await company.WriteAsync(products, stored);
        var harness = new SelfImportHarness(company);
        var lastMonth = stored.Where(l => l.Item3 >= Today.AddDays(-30)).ToList();
        var resent = lastMonth.Select(l => new object?[] { l.Item3, products[l.Item2].Code, l.Item4, products[l.Item2].UnitPrice });
        var fresh = Enumerable.Range(0, 2_000).Select(i => new object?[] { Today.AddDays(-(i % 30)), products[i % 200].Code, 7, products[i % 200].UnitPrice });
        var file = Workbooks.Fill(Workbooks.Template(), [], resent.Concat(fresh));

        var clock = Stopwatch.StartNew();
        var job = await harness.UploadAndRunAsync(file, dryRun: false);
        output.WriteLine($"{provider}: {lastMonth.Count} duplicates + 2,000 new lines over 100,000 stored in {clock.Elapsed.TotalSeconds:0.00} s (read {job.Stats!.ReadSeconds:0.00} s, write {job.Stats.WriteSeconds:0.00} s)");

        Assert.Equal(ImportStatus.Succeeded, job.Status);
        Assert.Equal((lastMonth.Count, 2_000), (job.Stats.Append!.Duplicates, job.Stats.Sales));
        await using var db = database.NewContext();
        Assert.Equal(102_000, await db.Sales.CountAsync(s => s.TenantId == company.TenantId));
        await SalesAggregateAssert.MatchesLinesAsync(db, company.TenantId);
    }
}
