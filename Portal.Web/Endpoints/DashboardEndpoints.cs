using Portal.Domain.Common;
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

    // The sales page links here with its period as dates and its amounts in minor units (SalesPage.ExportQuery). Read by
    // hand, not bound: a mistyped link gets a French ProblemDetails, not the framework's bare 400.
    private static async Task SalesAsync(
        HttpContext http, string format, string? from, string? to, string? site, string? product, string? category, string? search, string? min, string? max,
        DashboardDownloads downloads, TimeProvider clock, CancellationToken cancellationToken)
    {
        var period = Blank(from) is null && Blank(to) is null
            ? Period.Of(PeriodKind.Last30Days, BusinessCalendar.Today(clock.GetUtcNow()))
            : Period.Of(PeriodKind.Custom, default, Day(from, "de début"), Day(to, "de fin"));
        var filter = new SalesFilter(period, Id(site, "site"), Id(product, "produit"), Blank(category), Amount(min), Amount(max), Blank(search));
        await SendAsync(http, await downloads.SalesAsync(filter, Format(format), cancellationToken), cancellationToken);
    }

    private static DateOnly? Day(string? text, string which) =>
        Blank(text) is not { } value ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day
        : throw new DomainException($"La date {which} « {value} » n'est pas une date au format AAAA-MM-JJ.");

    private static Guid? Id(string? text, string what) =>
        Blank(text) is not { } value ? null
        : Guid.TryParse(value, out var id) ? id
        : throw new NotFoundException($"Ce {what} n'existe pas.");

    private static long? Amount(string? text) =>
        Blank(text) is not { } value ? null
        : long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var amount) ? amount
        : throw new DomainException($"Le montant « {value} » doit être un nombre entier positif ou nul.");

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
        _ => throw new NotFoundException("Ce format n'existe pas (csv, xlsx ou pdf)."),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
