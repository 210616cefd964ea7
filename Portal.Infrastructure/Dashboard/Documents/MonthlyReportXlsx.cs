namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>
/// The monthly report as a workbook, one sheet per section (Synthèse, Chiffre d'affaires, Top produits, Alertes stock,
/// Prévisions), each with a bold frozen header row, numbers and dates as real cells with French-friendly formats.
/// </summary>
public static class MonthlyReportXlsx
{
    public const string SummarySheet = "Synthèse";
    public const string RevenueSheet = "Chiffre d'affaires";
    public const string ProductsSheet = "Top produits";
    public const string StockSheet = "Alertes stock";
    public const string ForecastsSheet = "Prévisions";

    /// <summary>The summary's header row: company, title and generation date sit above it.</summary>
    public const int SummaryHeaderRow = 5;

    public static void Write(MonthlyReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var package = new XlsxPackage(output, $"{ReportTexts.Title(report)} — {report.CompanyName}", report.CompanyName);
        Summary(package.AddSheet(SummarySheet, [34, 26, 34], frozenRows: SummaryHeaderRow), report);
        Revenue(package.AddSheet(RevenueSheet, [14, 26], frozenRows: 1), report);
        Products(package.AddSheet(ProductsSheet, [8, 16, 40, 22, 16, 26], frozenRows: 1), report);
        Stock(package.AddSheet(StockSheet, [16, 40, 10, 14, 18], frozenRows: 1), report);
        Forecasts(package.AddSheet(ForecastsSheet, [16, 40, 22, 18, 18, 16], frozenRows: 1), report);
        package.Complete(report.Currency.MinorDigits);
    }

    private static void Summary(XlsxSheet sheet, MonthlyReport report)
    {
        sheet.StartRow();
        sheet.Text(Safe(report.CompanyName), XlsxStyles.Title);
        sheet.EndRow();
        sheet.StartRow();
        sheet.Text(ReportTexts.Title(report), XlsxStyles.Bold);
        sheet.EndRow();
        sheet.StartRow();
        sheet.Text(ReportTexts.Generated(report), XlsxStyles.Note);
        sheet.EndRow();
        sheet.StartRow();
        sheet.EndRow();
        Header(sheet, ["Indicateur", "Valeur", "Évolution"], []);
        foreach (var kpi in report.Kpis)
        {
            sheet.StartRow();
            sheet.Text(kpi.Label);
            sheet.Text(kpi.Value);
            sheet.Text(kpi.Change);
            sheet.EndRow();
        }
    }

    private static void Revenue(XlsxSheet sheet, MonthlyReport report)
    {
        Header(sheet, ["Date", ReportTexts.RevenueHeader(report)], [1]);
        var days = ReportTexts.Days(report);
        foreach (var day in days)
        {
            sheet.StartRow();
            sheet.Date(day.Day);
            sheet.Number(report.Currency.ToAmount(day.Revenue), XlsxStyles.Money);
            sheet.EndRow();
        }

        sheet.StartRow();
        sheet.Text("Total", XlsxStyles.Bold);
        sheet.Number(report.Currency.ToAmount(days.Sum(d => d.Revenue)), XlsxStyles.BoldMoney);
        sheet.EndRow();
    }

    private static void Products(XlsxSheet sheet, MonthlyReport report)
    {
        Header(sheet, ReportTexts.ProductHeaders(report), [0, 4, 5]);
        var rank = 0;
        foreach (var product in report.TopProducts)
        {
            sheet.StartRow();
            sheet.Number(++rank, XlsxStyles.Integer);
            sheet.Text(Safe(product.Code));
            sheet.Text(Safe(product.Name));
            sheet.Text(product.Category is null ? null : Safe(product.Category));
            sheet.Number(product.Units, XlsxStyles.Integer);
            sheet.Number(report.Currency.ToAmount(product.Revenue), XlsxStyles.Money);
            sheet.EndRow();
        }
    }

    private static void Stock(XlsxSheet sheet, MonthlyReport report)
    {
        Header(sheet, ReportTexts.StockHeaders, [2, 3]);
        foreach (var alert in report.StockAlerts)
        {
            sheet.StartRow();
            sheet.Text(Safe(alert.Code));
            sheet.Text(Safe(alert.Name));
            sheet.Number(alert.Stock, XlsxStyles.Integer);
            if (alert.ReorderPoint is { } reorder)
            {
                sheet.Number(reorder, XlsxStyles.Integer);
            }
            else
            {
                sheet.Skip();
            }

            sheet.Text(alert.Status);
            sheet.EndRow();
        }
    }

    private static void Forecasts(XlsxSheet sheet, MonthlyReport report)
    {
        Header(sheet, ReportTexts.ForecastHeaders, [2, 3, 4]);
        foreach (var forecast in report.Forecasts)
        {
            sheet.StartRow();
            sheet.Text(Safe(forecast.Code));
            sheet.Text(Safe(forecast.Name));
            sheet.Number(Math.Round(forecast.Next30Units, 1), XlsxStyles.Decimal);
            if (forecast.StockOutDate is { } day)
            {
                sheet.Date(day);
            }
            else
            {
                sheet.Skip();
            }

            sheet.Number(forecast.SuggestedReorder, XlsxStyles.Integer);
            sheet.Text(forecast.Trust);
            sheet.EndRow();
        }
    }

    private static void Header(XlsxSheet sheet, string[] headers, int[] numeric)
    {
        sheet.StartRow();
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Text(headers[i], numeric.Contains(i) ? XlsxStyles.HeaderRight : XlsxStyles.Header);
        }

        sheet.EndRow();
    }

    /// <summary>
    /// Names, codes and categories come from users: neutralised like grid text. The report's own texts (KPIs such as
    /// "+12 % vs mois précédent", statuses) are not, or they would show the apostrophe.
    /// </summary>
    private static string Safe(string text) => SpreadsheetText.Neutralise(text);
}
