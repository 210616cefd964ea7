using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>
/// Lays content down A4 pages from top to bottom: a cursor (<see cref="Y"/>), the space left above the footer band, and a
/// new page when something does not fit. Footers ("Page n / m") are drawn at the end, once the page count is known.
/// </summary>
internal sealed class PdfPageFlow : IDisposable
{
    public const double Margin = 36;
    public const double FooterBand = 22;

    private readonly PdfDocument document;
    private readonly bool landscape;
    private PdfPage? page;
    private XGraphics? graphics;

    public PdfPageFlow(PdfDocument document, bool landscape)
    {
        this.document = document;
        this.landscape = landscape;
        Fonts = new PdfTheme();
        NewPage();
    }

    public PdfTheme Fonts { get; }

    public XGraphics Graphics => graphics!;

    public double Y { get; set; }

    public double Left => Margin;

    public double Right => page!.Width.Point - Margin;

    public double Width => Right - Left;

    public double Top => Margin;

    public double Bottom => page!.Height.Point - Margin - FooterBand;

    /// <summary>Runs at the top of every page but the first, e.g. to repeat a table's header.</summary>
    public Action? PageStarted { get; set; }

    public bool Fits(double height) => Y + height <= Bottom;

    public void EnsureSpace(double height)
    {
        if (!Fits(height))
        {
            NewPage();
            PageStarted?.Invoke();
        }
    }

    public void NewPage()
    {
        graphics?.Dispose();
        page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = landscape ? PageOrientation.Landscape : PageOrientation.Portrait;
        graphics = XGraphics.FromPdfPage(page);
        Y = Top;
    }

    /// <summary>A thin rule, <paramref name="left"/> on the left, "Page n / m" on the right, on every page.</summary>
    public void DrawFooters(string left)
    {
        graphics?.Dispose();
        graphics = null;
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var p = document.Pages[i];
            using var g = XGraphics.FromPdfPage(p, XGraphicsPdfPageOptions.Append);
            var y = p.Height.Point - Margin - FooterBand + 8;
            var width = p.Width.Point - (2 * Margin);
            g.DrawLine(PdfTheme.RulePen, Margin, y, Margin + width, y);
            var pageText = $"Page {i + 1} / {count}";
            var pageWidth = g.MeasureString(pageText, Fonts.Small).Width;
            g.DrawString(PdfText.Fit(g, left, Fonts.Small, width - pageWidth - 12), Fonts.Small, PdfTheme.Muted, new XRect(Margin, y + 2, width, 12), XStringFormats.CenterLeft);
            g.DrawString(pageText, Fonts.Small, PdfTheme.Muted, new XRect(Margin, y + 2, width, 12), XStringFormats.CenterRight);
        }
    }

    public void Dispose() => graphics?.Dispose();
}
