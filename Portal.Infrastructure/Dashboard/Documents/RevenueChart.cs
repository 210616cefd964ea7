using PdfSharp.Drawing;
using Portal.Domain.Common;

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>
/// The month's revenue as vector bars, one per day, with a seven-day moving average, gridlines at round amounts
/// ("250 k", "1,5 M") and the weeks' first days labelled ("1 nov.", "8 nov."...).
/// </summary>
internal static class RevenueChart
{
    private const int Week = 7;

    private static readonly XColor AverageColor = XColor.FromArgb(0xE0, 0x7B, 0x00);
    private static readonly XPen AveragePen = new(AverageColor, 1.6) { LineJoin = XLineJoin.Round };
    private static readonly XPen AxisPen = new(XColor.FromArgb(0x8A, 0x93, 0x9B), 0.8);
    private static readonly XPen GridPen = new(XColor.FromArgb(0xE3, 0xE7, 0xEB), 0.5);

    public static void Draw(XGraphics g, PdfTheme fonts, XRect area, MonthlyReport report)
    {
        var days = ReportTexts.Days(report);
        var first = new DateOnly(report.Month.Year, report.Month.Month, 1);
        var slots = DateTime.DaysInMonth(first.Year, first.Month);
        var amounts = days.Select(d => report.Currency.ToAmount(d.Revenue)).ToArray();
        var max = amounts.Length == 0 ? 0 : amounts.Max();
        if (max <= 0)
        {
            // No scale to show: a quiet frame with the days and the message.
            var frame = new XRect(area.Left, area.Top + 4, area.Width, area.Height - 4 - 14);
            g.DrawRectangle(PdfTheme.CardFill, frame);
            g.DrawString(ReportTexts.NoSales, fonts.Body, PdfTheme.Muted, frame, XStringFormats.Center);
            DayAxis(g, fonts, frame, first, slots);
            return;
        }

        var (step, top) = Scale(max);
        var ticks = Enumerable.Range(0, (int)(top / step) + 1).Select(i => step * i).ToList();
        var labelWidth = ticks.Max(t => g.MeasureString(Currency.Abbreviate(t), fonts.Small).Width);
        const double LegendHeight = 14;
        var plot = new XRect(area.Left + labelWidth + 6, area.Top + 4, area.Width - labelWidth - 6, area.Height - 4 - 14 - LegendHeight);
        double Y(decimal amount) => plot.Bottom - ((double)(amount / top) * plot.Height);

        foreach (var tick in ticks)
        {
            var y = Y(tick);
            if (tick > 0)
            {
                g.DrawLine(GridPen, plot.Left, y, plot.Right, y);
            }

            g.DrawString(Currency.Abbreviate(tick), fonts.Small, PdfTheme.Muted, new XRect(area.Left, y - 6, labelWidth, 12), XStringFormats.CenterRight);
        }

        var slot = plot.Width / slots;
        var bar = slot * 0.66;
        for (var i = 0; i < amounts.Length; i++)
        {
            if (amounts[i] > 0)
            {
                var y = Y(amounts[i]);
                g.DrawRectangle(PdfTheme.BrandBrush, plot.Left + (slot * i) + ((slot - bar) / 2), y, bar, Math.Max(plot.Bottom - y, 0.5));
            }
        }

        // The average of the day and the six before it, from the seventh day on (before that it is not a week's average).
        var averaged = amounts.Length >= Week;
        if (averaged)
        {
            var points = new XPoint[amounts.Length - Week + 1];
            for (var i = Week - 1; i < amounts.Length; i++)
            {
                points[i - Week + 1] = new XPoint(plot.Left + (slot * i) + (slot / 2), Y(amounts[(i - Week + 1)..(i + 1)].Average()));
            }

            g.DrawLines(AveragePen, points);
        }

        DayAxis(g, fonts, plot, first, slots);
        var legendY = area.Bottom - LegendHeight + 4;
        g.DrawRectangle(PdfTheme.BrandBrush, plot.Left, legendY + 1.5, 8, 7);
        const string DayLabel = "Chiffre d'affaires du jour";
        g.DrawString(DayLabel, fonts.Small, PdfTheme.Muted, new XRect(plot.Left + 12, legendY, 200, 10), XStringFormats.CenterLeft);
        if (averaged)
        {
            var averageX = plot.Left + 12 + g.MeasureString(DayLabel, fonts.Small).Width + 18;
            g.DrawLine(AveragePen, averageX, legendY + 5, averageX + 12, legendY + 5);
            g.DrawString("Moyenne sur 7 jours", fonts.Small, PdfTheme.Muted, new XRect(averageX + 16, legendY, 200, 10), XStringFormats.CenterLeft);
        }
    }

    /// <summary>The baseline, a tick per day and the first day of each week labelled ("1 nov.", "8 nov."...).</summary>
    private static void DayAxis(XGraphics g, PdfTheme fonts, XRect plot, DateOnly first, int slots)
    {
        var slot = plot.Width / slots;
        g.DrawLine(AxisPen, plot.Left, plot.Bottom, plot.Right, plot.Bottom);
        for (var day = 0; day < slots; day++)
        {
            var x = plot.Left + (slot * day) + (slot / 2);
            var labelled = day % Week == 0;
            g.DrawLine(AxisPen, x, plot.Bottom, x, plot.Bottom + (labelled ? 3 : 1.5));
            if (labelled)
            {
                g.DrawString(FrenchText.ShortDay(first.AddDays(day)), fonts.Small, PdfTheme.Muted, new XRect(x - 30, plot.Bottom + 3, 60, 11), XStringFormats.TopCenter);
            }
        }
    }

    /// <summary>A round step (1, 2, 2.5 or 5 times a power of ten) giving four or five gridlines above the highest bar.</summary>
    internal static (decimal Step, decimal Top) Scale(decimal max)
    {
        if (max <= 0)
        {
            return (250, 1000);
        }

        var raw = (double)max / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = (decimal)(magnitude * (raw / magnitude) switch
        {
            <= 1 => 1,
            <= 2 => 2,
            <= 2.5 => 2.5,
            <= 5 => 5,
            _ => 10,
        });
        return (step, Math.Ceiling(max / step) * step);
    }

    public static string Total(MonthlyReport report) =>
        "Total du mois : " + report.Currency.Format(ReportTexts.Days(report).Sum(d => d.Revenue));
}
