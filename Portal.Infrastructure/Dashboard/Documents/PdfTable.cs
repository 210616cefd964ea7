using PdfSharp.Drawing;

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>
/// A table drawn on a <see cref="PdfPageFlow"/>: a shaded header row repeated at the top of each page, striped rows,
/// numbers right-aligned, one line per cell (longer text ends with an ellipsis).
/// </summary>
internal sealed class PdfTable
{
    public const double Padding = 4;

    private const double MinTextWidth = 40;

    private readonly PdfPageFlow flow;
    private readonly string[] headers;
    private readonly bool[] right;
    private readonly double[] widths;
    private readonly double rowHeight;

    private PdfTable(PdfPageFlow flow, string[] headers, bool[] right, double[] widths)
    {
        this.flow = flow;
        this.headers = headers;
        this.right = right;
        this.widths = widths;
        rowHeight = flow.Fonts.Cell.Size + 6;
    }

    /// <summary>Colours one cell's text (a status in red...); null keeps the default.</summary>
    public Func<int, string, XBrush?>? CellBrush { get; init; }

    /// <summary>Sizes the columns to the page: each gets its widest text; if they do not fit, text columns give way first.</summary>
    public static PdfTable Create(PdfPageFlow flow, string[] headers, bool[] right, IReadOnlyList<string?[]> rows, Func<int, string, XBrush?>? cellBrush = null)
    {
        var g = flow.Graphics;
        var natural = new double[headers.Length];
        for (var i = 0; i < headers.Length; i++)
        {
            natural[i] = g.MeasureString(headers[i], flow.Fonts.CellBold).Width;
        }

        foreach (var row in rows)
        {
            for (var i = 0; i < headers.Length; i++)
            {
                if (row[i] is { Length: > 0 } text)
                {
                    natural[i] = Math.Max(natural[i], g.MeasureString(PdfText.OneLine(text), flow.Fonts.Cell).Width);
                }
            }
        }

        for (var i = 0; i < natural.Length; i++)
        {
            natural[i] += (2 * Padding) + 1;
        }

        return new PdfTable(flow, headers, right, Distribute(natural, right, flow.Width)) { CellBrush = cellBrush };
    }

    public void Draw(IEnumerable<string?[]> rows)
    {
        flow.EnsureSpace(rowHeight * 2.5);
        DrawHeader();
        var previous = flow.PageStarted;
        flow.PageStarted = DrawHeader;
        var index = 0;
        foreach (var row in rows)
        {
            flow.EnsureSpace(rowHeight);
            DrawRow(row, index++);
        }

        flow.PageStarted = previous;
        flow.Y += 4;
    }

    private static double[] Distribute(double[] natural, bool[] right, double available)
    {
        var total = natural.Sum();
        if (total <= available)
        {
            // Room to spare: text columns share it, numbers keep their width.
            var textTotal = natural.Where((_, i) => !right[i]).Sum();
            return textTotal == 0
                ? natural.Select(w => w * available / total).ToArray()
                : natural.Select((w, i) => right[i] ? w : w + ((available - total) * w / textTotal)).ToArray();
        }

        var numbers = natural.Where((_, i) => right[i]).Sum();
        var texts = Enumerable.Range(0, natural.Length).Where(i => !right[i]).OrderBy(i => natural[i]).ToList();
        var left = available - numbers;
        if (texts.Count == 0 || left < MinTextWidth * texts.Count)
        {
            return natural.Select(w => w * available / total).ToArray();
        }

        // Numbers are never cut. Text columns narrower than a fair share keep their width; the widest share what is left.
        var widths = (double[])natural.Clone();
        for (var k = 0; k < texts.Count; k++)
        {
            var share = left / (texts.Count - k);
            if (natural[texts[k]] > share)
            {
                foreach (var i in texts.Skip(k))
                {
                    widths[i] = share;
                }

                break;
            }

            left -= natural[texts[k]];
        }

        return widths;
    }

    private void DrawHeader()
    {
        var g = flow.Graphics;
        var height = rowHeight + 2;
        g.DrawRectangle(PdfTheme.HeaderFill, flow.Left, flow.Y, flow.Width, height);
        g.DrawLine(PdfTheme.HeaderPen, flow.Left, flow.Y + height, flow.Right, flow.Y + height);
        DrawCells(headers, flow.Fonts.CellBold, height, null);
        flow.Y += height;
    }

    private void DrawRow(string?[] row, int index)
    {
        var g = flow.Graphics;
        if (index % 2 == 1)
        {
            g.DrawRectangle(PdfTheme.StripeFill, flow.Left, flow.Y, flow.Width, rowHeight);
        }

        DrawCells(row, flow.Fonts.Cell, rowHeight, CellBrush);
        flow.Y += rowHeight;
        g.DrawLine(PdfTheme.RulePen, flow.Left, flow.Y, flow.Right, flow.Y);
    }

    private void DrawCells(string?[] cells, XFont font, double height, Func<int, string, XBrush?>? brush)
    {
        var g = flow.Graphics;
        var x = flow.Left;
        for (var i = 0; i < widths.Length; i++)
        {
            if (cells[i] is { Length: > 0 } text)
            {
                var box = new XRect(x + Padding, flow.Y, widths[i] - (2 * Padding), height);
                g.DrawString(PdfText.Fit(g, PdfText.OneLine(text), font, box.Width), font, brush?.Invoke(i, text) ?? PdfTheme.Text, box, right[i] ? XStringFormats.CenterRight : XStringFormats.CenterLeft);
            }

            x += widths[i];
        }
    }
}
