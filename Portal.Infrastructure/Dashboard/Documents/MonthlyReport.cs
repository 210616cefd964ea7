using Portal.Domain.Common;

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>
/// What the monthly report shows, computed from the database. <paramref name="Month"/> is the first day of the month;
/// amounts (<see cref="ReportPoint.Revenue"/>, <see cref="ReportProductRow.Revenue"/>) are minor units of
/// <paramref name="Currency"/>; KPI values come formatted.
/// </summary>
public sealed record MonthlyReport(
    string CompanyName, Currency Currency, DateOnly Month, DateTime GeneratedAtUtc,
    IReadOnlyList<ReportKpi> Kpis, IReadOnlyList<ReportPoint> RevenueByDay,
    IReadOnlyList<ReportProductRow> TopProducts, IReadOnlyList<ReportStockRow> StockAlerts, IReadOnlyList<ReportForecastRow> Forecasts);
