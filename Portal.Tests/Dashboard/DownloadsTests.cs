using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Dashboard;
using Portal.Domain.Identity;
using Portal.Infrastructure.Dashboard;
using Portal.Infrastructure.Dashboard.Documents;
using Portal.Tests.Dashboard.Documents;
using Portal.Tests.Support;

namespace Portal.Tests.Dashboard;

/// <summary>The dashboard's downloads read back: the filtered rows, the role rules, the audit trail, the monthly report.</summary>
public class DownloadsTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_stock_export_holds_the_filtered_rows_and_is_recorded(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = await ArrangeAsync(database);

        await using (var manager = fixture.As(Roles.Manager))
        {
            var rows = CsvReader.Parse(await WriteAsync(manager, d => d.StockAsync(new StockFilter(StockStatus.OutOfStock), ExportFormat.Csv)));
            Assert.Equal(["Code", "Produit", "Catégorie", "Statut", "Stock"], rows[0].Take(5));
            Assert.Contains("Valeur au coût (FCFA)", rows[0]);
            Assert.Equal(["=EMPTY"], rows.Skip(1).Select(r => r[0].TrimStart('\'')));
            Assert.StartsWith("'", rows[1][0], StringComparison.Ordinal); // a code starting with "=" cannot become a formula
            Assert.Equal("Rupture", rows[1][3]);
        }

        await using (var member = fixture.As(Roles.Member))
        {
            var header = CsvReader.Parse(await WriteAsync(member, d => d.StockAsync(new StockFilter(), ExportFormat.Csv)))[0];
            Assert.DoesNotContain(header, h => h.StartsWith("Valeur", StringComparison.Ordinal));
        }

        await using var db = database.NewContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.TenantId == fixture.TenantId && a.Action == AuditActions.ExportData));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_sales_export_holds_the_lines_the_filter_keeps_newest_first_in_csv_and_excel(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = await ArrangeAsync(database);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var filter = new SalesFilter(new Period(today.AddDays(-7), today), fixture.Branch, Category: "Hygiène");
        await using var member = fixture.As(Roles.Member);

        var rows = CsvReader.Parse(await WriteAsync(member, d => d.SalesAsync(filter, ExportFormat.Csv)));
        Assert.Equal(["Date", "Site", "Code", "Produit", "Catégorie", "Quantité", "Prix unitaire (FCFA)", "Montant (FCFA)"], rows[0]);
        Assert.Equal(
            Enumerable.Range(1, 7).Select(d => today.AddDays(-d).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)),
            rows.Skip(1).Select(r => r[0]));
        Assert.All(rows.Skip(1), r => Assert.Equal(["Pikine", "FULL", "Produit FULL", "Hygiène", "1", "800", "800"], r.Skip(1)));

        var xlsx = await BytesAsync(member, d => d.SalesAsync(filter with { Category = null }, ExportFormat.Xlsx));
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var book = new WorkbookReader(document);
        Assert.Equal(1 + 7, book.Rows("Ventes").Count); // the branch sells FULL only
        Assert.Contains("Site : Pikine", string.Join(" ", book.Rows("Informations").SelectMany(r => r).Select(book.Text)), StringComparison.Ordinal);

        await using var db = database.NewContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.TenantId == fixture.TenantId && a.Action == AuditActions.ExportData && a.EntityType == "sales"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_sales_export_refuses_another_companys_site_and_a_reversed_amount_range_before_anything_is_written(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = await ArrangeAsync(database);
        var other = await SalesFixture.CreateAsync(database, "Autre Commerce SARL");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var owner = fixture.As(Roles.Owner);
        var downloads = owner.ServiceProvider.GetRequiredService<DashboardDownloads>();

        await Assert.ThrowsAsync<NotFoundException>(() => downloads.SalesAsync(new SalesFilter(new Period(today.AddDays(-7), today), other.MainSite), ExportFormat.Csv));
        await Assert.ThrowsAsync<DomainException>(() => downloads.SalesAsync(new SalesFilter(new Period(today.AddDays(-7), today), MinAmount: 900, MaxAmount: 100), ExportFormat.Csv));
        await using (var viewer = fixture.As(Roles.Viewer))
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => viewer.ServiceProvider.GetRequiredService<DashboardDownloads>().SalesAsync(new SalesFilter(new Period(today.AddDays(-7), today)), ExportFormat.Csv));
        }

        await using var db = database.NewContext();
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.ExportData));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_viewer_cannot_download_anything(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = await ArrangeAsync(database);
        await using var viewer = fixture.As(Roles.Viewer);
        var downloads = viewer.ServiceProvider.GetRequiredService<DashboardDownloads>();

        await Assert.ThrowsAsync<ForbiddenException>(() => downloads.StockAsync(new StockFilter(), ExportFormat.Csv));
        await Assert.ThrowsAsync<ForbiddenException>(() => downloads.MonthlyReportAsync(new DateOnly(2026, 11, 1), ExportFormat.Pdf));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_monthly_report_carries_the_months_figures_in_pdf_and_excel(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = await ArrangeAsync(database);
        await using var owner = fixture.As(Roles.Owner);
        var month = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1);

        var pdf = await BytesAsync(owner, d => d.MonthlyReportAsync(month, ExportFormat.Pdf));
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.Contains(PdfTextReader.Pages(pdf), page => page.Contains("Fixture Commerce SARL", StringComparison.Ordinal));

        var xlsx = await BytesAsync(owner, d => d.MonthlyReportAsync(month, ExportFormat.Xlsx));
        Assert.Equal("PK", Encoding.ASCII.GetString(xlsx, 0, 2));
        await Assert.ThrowsAsync<DomainException>(() => owner.ServiceProvider.GetRequiredService<DashboardDownloads>().MonthlyReportAsync(month.AddMonths(1), ExportFormat.Pdf));
    }

    private static async Task<SalesFixture> ArrangeAsync(TestDatabase database)
    {
        var fixture = await SalesFixture.CreateAsync(database);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var products = new[] { SalesFixture.Product("=EMPTY", 500, 300, 0, 5, "Boissons"), SalesFixture.Product("FULL", 800, 400, 90, 5, "Hygiène") };
        await fixture.WriteAsync(products, Enumerable.Range(1, 20).SelectMany(d => new[] { (fixture.MainSite, 0, today.AddDays(-d), 2), (fixture.Branch, 1, today.AddDays(-d), 1) }));
        await using var db = database.NewTenantContext(fixture.TenantId);
        await new InsightsCalculator(TimeProvider.System).ComputeAsync(db, fixture.TenantId);
        return fixture;
    }

    private static async Task<string> WriteAsync(AsyncServiceScope scope, Func<DashboardDownloads, Task<Download>> start) =>
        Encoding.UTF8.GetString(await BytesAsync(scope, start));

    private static async Task<byte[]> BytesAsync(AsyncServiceScope scope, Func<DashboardDownloads, Task<Download>> start)
    {
        var download = await start(scope.ServiceProvider.GetRequiredService<DashboardDownloads>());
        using var output = new MemoryStream();
        await download.WriteAsync(output, CancellationToken.None);
        return output.ToArray();
    }
}
