using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Dashboard;
using Portal.Domain.Identity;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Dashboard.Documents;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Dashboard;

/// <summary>A download ready to stream: its name and type, and the writer that fills the response.</summary>
public sealed record Download(string FileName, string ContentType, Func<Stream, CancellationToken, Task> WriteAsync);

/// <summary>
/// The dashboard's files: every grid's filtered rows (CSV, Excel, PDF) and the monthly report (PDF, Excel). Needs
/// <see cref="Permissions.Dashboard.Export"/> (Member and up); costs only for roles that see them. Rows stream from the
/// database to the response, never held whole; each download is recorded in the audit trail before it starts.
/// </summary>
public sealed class DashboardDownloads(PortalDb portalDb, CurrentUser user, AuditTrail audit, OverviewService overviews, StockService stock, SalesService sales, TimeProvider clock)
{
    public const int ReportForecasts = 15;

    public async Task<Download> StockAsync(StockFilter filter, ExportFormat format, CancellationToken cancellationToken = default)
    {
        var currency = await StartAsync("stock", format, new { filter.Status, filter.Category, filter.Search }, cancellationToken);
        var costs = user.Can(Permissions.Dashboard.Costs);
        List<ExportColumn<StockRow>> columns =
        [
            new("Code", ColumnKind.Text, r => r.Code),
            new("Produit", ColumnKind.Text, r => r.Name),
            new("Catégorie", ColumnKind.Text, r => r.Category),
            new("Statut", ColumnKind.Text, r => r.Status is { } s ? Labels.Of(s) : null),
            new("Stock", ColumnKind.Integer, r => r.Stock),
            new("Seuil d'alerte", ColumnKind.Integer, r => r.ReorderPoint),
            new("Ventes sur 30 jours", ColumnKind.Integer, r => r.Average30 * 30),
            new("Ventes sur 90 jours", ColumnKind.Integer, r => r.Average90 * 90),
            new("Couverture (jours)", ColumnKind.Integer, r => r.DaysOfCover),
            new("Dernière vente", ColumnKind.Date, r => r.LastSale),
        ];
        if (costs)
        {
            columns.Add(new("Valeur au coût", ColumnKind.Money, r => r.StockValue));
        }

        return new Download(GridExport.FileName("stock", format, Today), GridExport.ContentType(format), (output, ct) =>
            GridExport.WriteAsync(output, format, new ExportRequest<StockRow>("Stock", Describe(filter), columns, stock.RowsAsync(filter, ct), currency), null, ct));
    }

    /// <summary>The sales lines a filter keeps, newest first: the grid's rows whatever its sort (a ledger reads by date).</summary>
    public async Task<Download> SalesAsync(SalesFilter filter, ExportFormat format, CancellationToken cancellationToken = default)
    {
        var (from, to) = (filter.Period.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), filter.Period.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        // The totals check the filter (another company's site, a reversed amount range) before anything is recorded or sent.
        user.Demand(Permissions.Dashboard.Export);
        var totals = await sales.TotalsAsync(filter, cancellationToken);
        var currency = await StartAsync("sales", format, new { from, to, filter.SiteId, filter.ProductId, filter.Category, filter.Search, filter.MinAmount, filter.MaxAmount }, cancellationToken);
        var subtitle = $"{await DescribeAsync(filter, currency, cancellationToken)} · {totals.Lines.ToString("N0", French)} {(totals.Lines > 1 ? "lignes" : "ligne")}, {currency.Format(totals.Revenue)}";
        List<ExportColumn<SaleRow>> columns =
        [
            new("Date", ColumnKind.Date, r => r.Date),
            new("Site", ColumnKind.Text, r => r.SiteName),
            new("Code", ColumnKind.Text, r => r.ProductCode),
            new("Produit", ColumnKind.Text, r => r.ProductName),
            new("Catégorie", ColumnKind.Text, r => r.Category),
            new("Quantité", ColumnKind.Integer, r => r.Quantity),
            new("Prix unitaire", ColumnKind.Money, r => r.UnitPrice),
            new("Montant", ColumnKind.Money, r => r.TotalAmount),
        ];
        return new Download(GridExport.FileName("ventes", format, Today), GridExport.ContentType(format), (output, ct) =>
            GridExport.WriteAsync(output, format, new ExportRequest<SaleRow>("Ventes", subtitle, columns, sales.Rows(filter, cancellationToken: ct), currency), null, ct));
    }

    public async Task<Download> ForecastsAsync(string? search, bool toReorder, ExportFormat format, CancellationToken cancellationToken = default)
    {
        var currency = await StartAsync("forecasts", format, new { search, toReorder }, cancellationToken);
        List<ExportColumn<ForecastRow>> columns =
        [
            new("Code", ColumnKind.Text, r => r.Code),
            new("Produit", ColumnKind.Text, r => r.Name),
            new("Stock", ColumnKind.Integer, r => r.Stock),
            new("Prévu sur 7 jours", ColumnKind.Integer, r => r.Next7),
            new("Prévu sur 30 jours", ColumnKind.Integer, r => r.Next30),
            new("Rupture prévue", ColumnKind.Date, r => r.StockOutDate),
            new("À commander", ColumnKind.Integer, r => r.SuggestedReorder),
            new("Écart moyen constaté", ColumnKind.Percent, r => r.Wape),
            new("Méthode", ColumnKind.Text, r => Labels.Of(r.Method)),
        ];
        var subtitle = toReorder ? "Produits à commander" : "Tous les produits";
        return new Download(GridExport.FileName("previsions", format, Today), GridExport.ContentType(format), (output, ct) =>
            GridExport.WriteAsync(output, format, new ExportRequest<ForecastRow>("Prévisions", subtitle, columns, stock.ForecastRowsAsync(search, toReorder, ct), currency), null, ct));
    }

    /// <summary>The report of a whole month (the current one up to today), as PDF or Excel.</summary>
    public async Task<Download> MonthlyReportAsync(DateOnly month, ExportFormat format, CancellationToken cancellationToken = default)
    {
        if (format == ExportFormat.Csv)
        {
            throw new DomainException("Le rapport mensuel existe en PDF et en Excel.");
        }

        var first = new DateOnly(month.Year, month.Month, 1);
        if (first > Today || first < Today.AddMonths(-Domain.Sales.SalesRules.HistoryMonths))
        {
            throw new DomainException("Choisissez un mois des deux dernières années.");
        }

        await StartAsync("monthly_report", format, new { month = first.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken);
        var report = await BuildReportAsync(first, cancellationToken);
        var name = $"rapport-{first.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)}.{(format == ExportFormat.Pdf ? "pdf" : "xlsx")}";
        return new Download(name, GridExport.ContentType(format), async (output, ct) =>
        {
            // The report is small (a few pages): built in memory, then copied to the response asynchronously.
            using var buffer = new MemoryStream();
            if (format == ExportFormat.Pdf)
            {
                MonthlyReportPdf.Write(report, buffer);
            }
            else
            {
                MonthlyReportXlsx.Write(report, buffer);
            }

            buffer.Position = 0;
            await buffer.CopyToAsync(output, ct);
        });
    }

    internal async Task<MonthlyReport> BuildReportAsync(DateOnly first, CancellationToken cancellationToken)
    {
        var last = first.AddMonths(1).AddDays(-1);
        var period = new Period(first, last < Today ? last : Today);
        var overview = await overviews.GetAsync(new OverviewQuery(period), cancellationToken);
        var tenant = await portalDb.CurrentTenantAsync(cancellationToken);
        var (now, before, currency) = (overview.Current, overview.Previous, overview.Currency);
        var french = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        string? Versus(long a, long b) => SalesTotals.Change(a, b) is { } change ? $"{(change >= 0 ? "+" : string.Empty)}{change.ToString("P0", french)} vs période précédente" : null;
        List<ReportKpi> kpis =
        [
            new("Chiffre d'affaires", currency.Format(now.Revenue), Versus(now.Revenue, before.Revenue)),
            new("Unités vendues", now.Units.ToString("N0", french), Versus(now.Units, before.Units)),
            new("Lignes de vente", now.Lines.ToString("N0", french), Versus(now.Lines, before.Lines)),
            new("Montant moyen par ligne", currency.Format(now.AverageLine), null),
        ];
        if (overview.ShowsCosts)
        {
            kpis.Add(new("Marge brute", now.MarginRate is null ? "—" : currency.Format(now.Margin),
                now.MarginRate is { } rate ? $"Taux {rate.ToString("P1", french)} sur {now.CostedShare!.Value.ToString("P0", french)} du CA" : null));
            kpis.Add(new("Valeur du stock", currency.Format(overview.Stock.Value ?? 0), null));
        }

        kpis.Add(new("Ruptures / sous le seuil", $"{overview.Stock.OutOfStock} / {overview.Stock.BelowReorderPoint}", $"sur {overview.Stock.Products} produits"));

        var alerts = await stock.ListAsync(new StockFilter(StockStatus.OutOfStock), new PageRequest(0, 20), cancellationToken);
        var below = await stock.ListAsync(new StockFilter(StockStatus.BelowReorderPoint), new PageRequest(0, 20), cancellationToken);
        var forecasts = await stock.ForecastsAsync(null, null, toReorder: true, new PageRequest(0, ReportForecasts), cancellationToken);
        return new MonthlyReport(
            tenant.Name, currency, first, clock.GetUtcNow().UtcDateTime, kpis,
            overview.Trend.Select(t => new ReportPoint(t.Start, t.Revenue)).ToList(),
            overview.TopByRevenue.Select(p => new ReportProductRow(p.Code, p.Name, p.Category, p.Units, p.Revenue)).ToList(),
            alerts.Items.Concat(below.Items).Select(r => new ReportStockRow(r.Code, r.Name, r.Stock, r.ReorderPoint, Labels.Of(r.Status!.Value))).ToList(),
            forecasts.Items.Select(f => new ReportForecastRow(f.Code, f.Name, f.Next30 ?? 0, f.StockOutDate, f.SuggestedReorder ?? 0, f.Wape is { } w ? $"écart {w.ToString("P0", french)}" : null)).ToList());
    }

    private static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    private DateOnly Today => BusinessCalendar.Today(clock.GetUtcNow());

    /// <summary>Checks the right to export, records the download, and returns the company's currency.</summary>
    private async Task<Currency> StartAsync(string what, ExportFormat format, object filters, CancellationToken cancellationToken)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Export);
        var tenant = await portalDb.CurrentTenantAsync(cancellationToken);
        db.AuditEntries.Add(audit.Entry(AuditActions.ExportData, what, null, new { format = format.ToString().ToLowerInvariant(), filters }));
        await db.SaveChangesAsync(cancellationToken);
        return Currency.ForCountry(tenant.Country);
    }

    // The filters in words, for the document's subtitle; the site and product by name (the service has checked they are this company's).
    private async Task<string> DescribeAsync(SalesFilter filter, Currency currency, CancellationToken cancellationToken)
    {
        var parts = new List<string> { $"Du {filter.Period.From:dd/MM/yyyy} au {filter.Period.To:dd/MM/yyyy}" };
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Read);
        if (filter.SiteId is { } siteId)
        {
            parts.Add("Site : " + await db.Sites.Where(s => s.Id == siteId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken));
        }

        if (filter.ProductId is { } productId)
        {
            parts.Add("Produit : " + await db.Products.Where(p => p.Id == productId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken));
        }

        if (filter.Category is { } category)
        {
            parts.Add("Catégorie : " + category);
        }

        if (filter.Search is { } search)
        {
            parts.Add("Recherche : " + search);
        }

        if (filter.MinAmount is { } min)
        {
            parts.Add("Montant ≥ " + currency.Format(min));
        }

        if (filter.MaxAmount is { } max)
        {
            parts.Add("Montant ≤ " + currency.Format(max));
        }

        return string.Join(" · ", parts);
    }

    private static string Describe(StockFilter filter)
    {
        var parts = new List<string>();
        if (filter.Status is { } status)
        {
            parts.Add("Statut : " + Labels.Of(status));
        }

        if (filter.Category is { } category)
        {
            parts.Add("Catégorie : " + category);
        }

        if (filter.Search is { } search)
        {
            parts.Add("Recherche : " + search);
        }

        return parts.Count == 0 ? "Tous les produits actifs" : string.Join(" · ", parts);
    }
}
