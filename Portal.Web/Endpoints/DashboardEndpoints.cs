using Portal.Domain.Dashboard;
using Portal.Infrastructure.Dashboard;
using Portal.Infrastructure.Dashboard.Documents;

namespace Portal.Web.Endpoints;

/// <summary>
/// The client dashboard's downloads: grids as CSV, Excel or PDF and the monthly report. Plain GET links the browser
/// downloads with its own progress bar; the response is written while the rows are read. Rights are checked by the
/// service (a Viewer gets 403 as ProblemDetails).
/// </summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        var downloads = app.MapGroup("/app/downloads").RequireAuthorization(DependencyInjection.TenantPolicy).WithTags("Dashboard");
        downloads.MapGet("/stock.{format}", StockAsync);
        downloads.MapGet("/forecasts.{format}", ForecastsAsync);
        downloads.MapGet("/sales.{format}", SalesAsync);
        downloads.MapGet("/report-{month:regex(^\\d{{4}}-\\d{{2}}$)}.{format}", ReportAsync);
        return app;
    }

    private static async Task StockAsync(HttpContext http, string format, string? status, string? category, string? search, DashboardDownloads downloads, CancellationToken cancellationToken)
    {
        var filter = new StockFilter(Enum.TryParse<StockStatus>(status, ignoreCase: true, out var s) ? s : null, Blank(category), Blank(search));
        await SendAsync(http, await downloads.StockAsync(filter, Format(format), cancellationToken), cancellationToken);
    }

    // The sales page links here with its period as dates and its amounts in minor units (SalesPage.ExportQuery).
    private static async Task SalesAsync(
        HttpContext http, string format, DateOnly? from, DateOnly? to, Guid? site, Guid? product, string? category, string? search, long? min, long? max,
        DashboardDownloads downloads, TimeProvider clock, CancellationToken cancellationToken)
    {
        var period = from is null && to is null
            ? Period.Of(PeriodKind.Last30Days, BusinessCalendar.Today(clock.GetUtcNow()))
            : Period.Of(PeriodKind.Custom, default, from, to);
        var filter = new SalesFilter(period, site, product, Blank(category), min, max, Blank(search));
        await SendAsync(http, await downloads.SalesAsync(filter, Format(format), cancellationToken), cancellationToken);
    }

    private static async Task ForecastsAsync(HttpContext http, string format, string? search, bool? reorder, DashboardDownloads downloads, CancellationToken cancellationToken) =>
        await SendAsync(http, await downloads.ForecastsAsync(Blank(search), reorder == true, Format(format), cancellationToken), cancellationToken);

    private static async Task ReportAsync(HttpContext http, string month, string format, DashboardDownloads downloads, CancellationToken cancellationToken)
    {
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync(http, await downloads.MonthlyReportAsync(first, Format(format), cancellationToken), cancellationToken);
    }

    // Headers first, then the body as it is written: nothing is buffered whole on the server.
    private static async Task SendAsync(HttpContext http, Download download, CancellationToken cancellationToken)
    {
        http.Response.ContentType = download.ContentType;
        http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = download.FileName, DispositionType = "attachment" }.ToString();
        http.Response.Headers.CacheControl = "no-store";
        await download.WriteAsync(http.Response.Body, cancellationToken);
    }

    private static ExportFormat Format(string format) => format.ToLowerInvariant() switch
    {
        "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        "pdf" => ExportFormat.Pdf,
        _ => throw new Portal.Domain.Common.NotFoundException("Ce format n'existe pas (csv, xlsx ou pdf)."),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
