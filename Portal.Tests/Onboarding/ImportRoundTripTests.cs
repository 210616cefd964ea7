using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Onboarding;
using Portal.Tests.Support;

namespace Portal.Tests.Onboarding;

/// <summary>Template -> filled programmatically -> upload -> import, on both databases.</summary>
public class ImportRoundTripTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_filled_template_imports_every_row_and_activates_the_company(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var harness = await OnboardingHarness.CreateAsync(database);
        var sessionId = await harness.CompanyWithUsersAsync();
        var template = await harness.AsStaffAsync(s => s.TemplateAsync(sessionId));

        var (report, job) = await harness.UploadAndRunAsync(sessionId, Workbooks.Fill(template.Content, Workbooks.SampleProducts, Workbooks.SampleSales), dryRun: false);

        Assert.True(report.IsImportable, string.Join(" ", report.Problems));
        Assert.Equal(ImportStatus.Succeeded, job!.Status);
        Assert.Equal(3, job.Stats!.Products);
        Assert.Equal(5, job.Stats.Sales);
        Assert.Equal(100, job.Percent);

        await using var db = database.NewContext();
        var session = await db.OnboardingSessions.SingleAsync(s => s.Id == sessionId);
        var tenant = await db.Tenants.SingleAsync(t => t.Id == session.TenantId);
        Assert.Equal(OnboardingStatus.Completed, session.Status);
        Assert.True(tenant.IsActive);
        Assert.True(tenant.HasDashboard("sales"));

        // Read back through EF (not raw SQL): proves the bulk writers store values the way EF reads them.
        var products = await db.Products.Where(p => p.TenantId == tenant.Id).OrderBy(p => p.Code).ToListAsync();
        Assert.Equal(["P001", "P002", "p003"], products.Select(p => p.Code));
        Assert.Equal(23795, products[1].UnitPrice);
        Assert.Equal(20000, products[1].CostPrice);
        Assert.Equal(1500, products[2].UnitPrice);
        Assert.Null(products[2].Category);
        Assert.Equal(5, await db.Sales.CountAsync(s => s.TenantId == tenant.Id));
        Assert.Equal(Workbooks.SampleSalesTotal, await db.Sales.Where(s => s.TenantId == tenant.Id).SumAsync(s => s.TotalAmount));
        Assert.Equal(2, await db.Sales.CountAsync(s => s.TenantId == tenant.Id && s.ProductId == products[1].Id));
        Assert.Equal(1, await db.Sales.CountAsync(s => s.TenantId == tenant.Id && s.ProductId == products[2].Id)); // "P003" in Ventes matches "p003".
        Assert.True(await db.Sales.AnyAsync(s => s.TenantId == tenant.Id && s.Date == Workbooks.Today.AddDays(-3)));
        await Portal.Tests.Dashboard.SalesAggregateAssert.MatchesLinesAsync(db, tenant.Id);

        var actions = await db.AuditEntries.Where(a => a.TenantId == tenant.Id).Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditActions.CreateTenant, actions);
        Assert.Contains(AuditActions.CreateUsers, actions);
        Assert.Contains(AuditActions.DownloadTemplate, actions);
        Assert.Contains(AuditActions.UploadTemplate, actions);
        Assert.Equal(2, actions.Count(a => a == AuditActions.ImportData));
        Assert.All(await db.AuditEntries.Where(a => a.TenantId == tenant.Id && a.Action == AuditActions.UploadTemplate).ToListAsync(), a => Assert.Equal("10.0.0.7", a.IpAddress));
        // The staff member who ran it is told in-app only (e-mail is for failures), and the bell's event follows the commit.
        var told = Assert.Single(await db.OutboxMessages.Where(m => m.UserId == harness.StaffId).ToListAsync());
        Assert.Equal((Portal.Domain.Messaging.MessageChannel.InApp, "import.succeeded"), (told.Channel, told.Type));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Uncalculated_formulas_in_the_optional_total_column_are_ignored_with_a_warning(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var harness = await OnboardingHarness.CreateAsync(database);
        var sessionId = await harness.CompanyWithUsersAsync();
        object?[][] sales =
        [
            [Workbooks.Today.AddDays(-3), "P001", 2, 17500, new Formula("C3*D3", null)],
            [Workbooks.Today.AddDays(-2), "P001", 1, 17500, new Formula("C4*D4", string.Empty)],
        ];

        var withTotals = Workbooks.Edit(Workbooks.Fill(Workbooks.Template(), Workbooks.SampleProducts, sales), d => Workbooks.SetHeader(d, "Ventes", 5, "Montant Total"));
        var (report, job) = await harness.UploadAndRunAsync(sessionId, withTotals, dryRun: false);

        Assert.True(report.IsImportable, string.Join(" ", report.Problems));
        Assert.Equal(ImportStatus.Succeeded, job!.Status);
        Assert.Equal(3 * 17500, job.Stats!.SalesAmount);
        Assert.Equal("Colonne « Montant Total » : 2 formule(s) non calculée(s) ignorée(s) ; le montant est calculé comme Quantité × Prix unitaire.", Assert.Single(job.Stats.Warnings!));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_test_run_validates_everything_and_writes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var harness = await OnboardingHarness.CreateAsync(database);
        var sessionId = await harness.CompanyWithUsersAsync();

        var (_, job) = await harness.UploadAndRunAsync(sessionId, Workbooks.Valid(), dryRun: true);

        Assert.Equal(ImportStatus.Succeeded, job!.Status);
        Assert.True(job.Stats!.DryRun);
        Assert.Equal(5, job.Stats.Sales);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Products.CountAsync());
        Assert.Equal(0, await db.Sales.CountAsync());
        Assert.False((await db.Tenants.SingleAsync(t => t.Name == "Keur Commerce SARL")).IsActive);
    }
}
