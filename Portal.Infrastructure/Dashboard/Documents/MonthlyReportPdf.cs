using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>
/// The monthly report as an A4 PDF: the company and the month, the key figures as cards, the daily revenue chart
/// (vectors), then best sellers, stock alerts and forecasts as tables; "Page n / m" on every page.
/// </summary>
public static class MonthlyReportPdf
{
    private const double CardHeight = 58;
    private const double Gap = 10;

    public static void Write(MonthlyReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        PdfFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = $"{ReportTexts.Title(report)} — {report.CompanyName}";
        document.Info.Creator = "Portal";
        document.Options.CompressContentStreams = true;
        using (var flow = new PdfPageFlow(document, landscape: false))
        {
            Header(flow, report);
            Kpis(flow, report.Kpis);
            Chart(flow, report);
            Products(flow, report);
            Stock(flow, report);
            Forecasts(flow, report);
            flow.DrawFooters($"{report.CompanyName} · {ReportTexts.Title(report)}");
        }

        document.Save(output, closeStream: false);
    }

    private static void Header(PdfPageFlow flow, MonthlyReport report)
    {
        var g = flow.Graphics;
        var fonts = flow.Fonts;
        g.DrawRectangle(PdfTheme.BrandBrush, flow.Left, flow.Y, flow.Width, 3);
        flow.Y += 10;
        var company = new XFont(PdfFonts.Family, 18, XFontStyleEx.Bold);
        for (var size = 16; size >= 13 && g.MeasureString(report.CompanyName, company).Width > flow.Width; size -= 1)
        {
            company = new XFont(PdfFonts.Family, size, XFontStyleEx.Bold);
        }

        g.DrawString(PdfText.Fit(g, report.CompanyName, company, flow.Width), company, PdfTheme.Text, new XRect(flow.Left, flow.Y, flow.Width, 24), XStringFormats.CenterLeft);
        flow.Y += 26;
        var line = new XRect(flow.Left, flow.Y, flow.Width, 16);
        g.DrawString(ReportTexts.Title(report), new XFont(PdfFonts.Family, 12), PdfTheme.BrandBrush, line, XStringFormats.CenterLeft);
        g.DrawString(ReportTexts.Generated(report), fonts.Small, PdfTheme.Muted, line, XStringFormats.CenterRight);
        flow.Y += 24;
        g.DrawLine(PdfTheme.RulePen, flow.Left, flow.Y, flow.Right, flow.Y);
        flow.Y += 14;
    }

    private static void Kpis(PdfPageFlow flow, IReadOnlyList<ReportKpi> kpis)
    {
        if (kpis.Count == 0)
        {
            return;
        }

        SectionTitle(flow, ReportTexts.KpiSection, CardHeight);
        var columns = kpis.Count switch
        {
            1 or 2 => kpis.Count,
            4 => 2,
            _ => 3,
        };
        var width = (flow.Width - (Gap * (columns - 1))) / columns;
        for (var start = 0; start < kpis.Count; start += columns)
        {
            flow.EnsureSpace(CardHeight);
            for (var i = 0; i < columns && start + i < kpis.Count; i++)
            {
                Card(flow, kpis[start + i], new XRect(flow.Left + (i * (width + Gap)), flow.Y, width, CardHeight));
            }

            flow.Y += CardHeight + Gap;
        }

        flow.Y += 4;
    }

    private static void Card(PdfPageFlow flow, ReportKpi kpi, XRect box)
    {
        var g = flow.Graphics;
        var fonts = flow.Fonts;
        g.DrawRoundedRectangle(PdfTheme.CardPen, PdfTheme.CardFill, box, new XSize(8, 8));
        g.DrawRectangle(PdfTheme.BrandBrush, box.Left, box.Top + 8, 2.5, box.Height - 16);
        var inner = new XRect(box.Left + 12, box.Top + 7, box.Width - 20, box.Height - 14);
        g.DrawString(PdfText.Fit(g, kpi.Label, fonts.Small, inner.Width), fonts.Small, PdfTheme.Muted, new XRect(inner.Left, inner.Top, inner.Width, 11), XStringFormats.TopLeft);
        var value = fonts.KpiValue;
        if (g.MeasureString(kpi.Value, value).Width > inner.Width)
        {
            value = new XFont(PdfFonts.Family, 11, XFontStyleEx.Bold);
        }

        g.DrawString(PdfText.Fit(g, kpi.Value, value, inner.Width), value, PdfTheme.Text, new XRect(inner.Left, inner.Top + 13, inner.Width, 20), XStringFormats.CenterLeft);
        if (kpi.Change is { Length: > 0 } change)
        {
            var brush = change[0] switch
            {
                '+' => PdfTheme.Positive,
                '-' or '−' => PdfTheme.Negative,
                _ => PdfTheme.Muted,
            };
            g.DrawString(PdfText.Fit(g, change, fonts.Small, inner.Width), fonts.Small, brush, new XRect(inner.Left, inner.Bottom - 11, inner.Width, 11), XStringFormats.BottomLeft);
        }
    }

    private static void Chart(PdfPageFlow flow, MonthlyReport report)
    {
        var height = ReportTexts.Days(report).Any(d => d.Revenue > 0) ? 190 : 80;
        SectionTitle(flow, ReportTexts.ChartSection, height, RevenueChart.Total(report));
        RevenueChart.Draw(flow.Graphics, flow.Fonts, new XRect(flow.Left, flow.Y, flow.Width, height), report);
        flow.Y += height + 16;
    }

    private static void Products(PdfPageFlow flow, MonthlyReport report)
    {
        var total = ReportTexts.Days(report).Sum(d => d.Revenue);
        var rows = report.TopProducts.Select((p, i) => new string?[]
        {
            (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), p.Code, p.Name, p.Category ?? ReportTexts.None,
            FrenchText.Number(p.Units, 0), FrenchText.Amount(p.Revenue, report.Currency),
            total > 0 ? FrenchText.Percent((decimal)p.Revenue / total) : ReportTexts.None,
        }).ToList();
        string[] headers = [.. ReportTexts.ProductHeaders(report), "Part du CA"];
        Section(flow, ReportTexts.ProductSection, headers, [true, false, false, false, true, true, true], rows, ReportTexts.NoSales);
    }

    private static void Stock(PdfPageFlow flow, MonthlyReport report)
    {
        var rows = report.StockAlerts.Select(s => new string?[]
        {
            s.Code, s.Name, FrenchText.Number(s.Stock, 0), s.ReorderPoint is { } reorder ? FrenchText.Number(reorder, 0) : ReportTexts.None, s.Status,
        }).ToList();
        Section(flow, ReportTexts.StockSection, ReportTexts.StockHeaders, [false, false, true, true, false], rows, ReportTexts.NoStockAlert,
            (column, text) => column == 4 ? (text.StartsWith("Rupture", StringComparison.OrdinalIgnoreCase) ? PdfTheme.Negative : PdfTheme.Warning) : null);
    }

    private static void Forecasts(PdfPageFlow flow, MonthlyReport report)
    {
        var rows = report.Forecasts.Select(f => new string?[]
        {
            f.Code, f.Name, FrenchText.Compact((decimal)f.Next30Units, 1), f.StockOutDate is { } day ? FrenchText.Date(day) : ReportTexts.None,
            FrenchText.Number(f.SuggestedReorder, 0), f.Trust ?? ReportTexts.None,
        }).ToList();
        Section(flow, ReportTexts.ForecastSection, ReportTexts.ForecastHeaders, [false, false, true, true, true, false], rows, ReportTexts.NoForecast);
    }

    private static void Section(PdfPageFlow flow, string title, string[] headers, bool[] right, List<string?[]> rows, string empty, Func<int, string, XBrush?>? cellBrush = null)
    {
        if (rows.Count == 0)
        {
            SectionTitle(flow, title, 16);
            flow.Graphics.DrawString(empty, flow.Fonts.Body, PdfTheme.Muted, new XRect(flow.Left, flow.Y, flow.Width, 14), XStringFormats.CenterLeft);
            flow.Y += 28;
            return;
        }

        SectionTitle(flow, title, 3 * (flow.Fonts.Cell.Size + 6));
        PdfTable.Create(flow, headers, right, rows, cellBrush).Draw(rows);
        flow.Y += 14;
    }

    /// <summary>A section's heading, kept on the same page as the first <paramref name="keepWith"/> points of its content.</summary>
    private static void SectionTitle(PdfPageFlow flow, string title, double keepWith, string? aside = null)
    {
        flow.EnsureSpace(22 + keepWith);
        var g = flow.Graphics;
        var box = new XRect(flow.Left, flow.Y, flow.Width, 16);
        g.DrawString(title, flow.Fonts.Heading, PdfTheme.Text, box, XStringFormats.CenterLeft);
        if (aside is not null)
        {
            g.DrawString(aside, flow.Fonts.Body, PdfTheme.Muted, box, XStringFormats.CenterRight);
        }

        flow.Y += 22;
    }
}
