using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>
/// The grid as a printable table: title, filters, then the rows (A4, landscape beyond six columns), "Page n / m" below.
/// PDFsharp builds the whole document in memory before saving it, so a PDF stops at <see cref="GridExport.PdfRowLimit"/>
/// rows and says so on its first page; CSV and Excel take every row.
/// </summary>
internal static class PdfGridWriter
{
    public static string LimitNote => $"Export limité aux {FrenchText.Number(GridExport.PdfRowLimit, 0)} premières lignes ; utilisez CSV ou Excel pour tout exporter.";

    public static async Task<long> WriteAsync<T>(Stream output, ExportRequest<T> request, IProgress<long>? rowsWritten, CancellationToken ct)
    {
        var progress = new RowProgress(rowsWritten);
        var columns = request.Columns;
        var rows = new List<string?[]>();
        var truncated = false;
        await foreach (var row in request.Rows.WithCancellation(ct))
        {
            ct.ThrowIfCancellationRequested();
            if (rows.Count == GridExport.PdfRowLimit)
            {
                truncated = true;
                break;
            }

            var cells = new string?[columns.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = columns[i].Value(row) is { } value ? ExportCells.Display(columns[i], value, request.Currency) : null;
            }

            rows.Add(cells);
            progress.Add();
        }

        using var buffer = new MemoryStream();
        Render(request, rows, truncated, buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
        await output.FlushAsync(ct);
        progress.Complete();
        return progress.Rows;
    }

    private static void Render<T>(ExportRequest<T> request, List<string?[]> rows, bool truncated, Stream output)
    {
        PdfFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = request.Title;
        document.Info.Creator = "Portal";
        document.Options.CompressContentStreams = true;
        using (var flow = new PdfPageFlow(document, landscape: request.Columns.Count > 6))
        {
            var g = flow.Graphics;
            var fonts = flow.Fonts;
            g.DrawString(PdfText.Fit(g, request.Title, fonts.Title, flow.Width), fonts.Title, PdfTheme.Text, new XRect(flow.Left, flow.Y, flow.Width, 22), XStringFormats.TopLeft);
            flow.Y += 24;
            var summary = $"{FrenchText.Number(rows.Count, 0)} ligne{(rows.Count > 1 ? "s" : string.Empty)}" + (request.Subtitle is { Length: > 0 } filters ? " · " + filters : string.Empty);
            foreach (var line in PdfText.Wrap(g, summary, fonts.Body, flow.Width))
            {
                g.DrawString(line, fonts.Body, PdfTheme.Muted, new XRect(flow.Left, flow.Y, flow.Width, 12), XStringFormats.TopLeft);
                flow.Y += 12;
            }

            if (truncated)
            {
                flow.Y += 4;
                g.DrawRectangle(PdfTheme.NoteFill, flow.Left, flow.Y, flow.Width, 18);
                g.DrawString(LimitNote, fonts.Body, PdfTheme.Warning, new XRect(flow.Left + 6, flow.Y, flow.Width - 12, 18), XStringFormats.CenterLeft);
                flow.Y += 18;
            }

            flow.Y += 10;
            var headers = request.Columns.Select(c => ExportCells.Header(c, request.Currency)).ToArray();
            var right = request.Columns.Select(c => ExportCells.IsNumeric(c.Kind) || c.Kind == ColumnKind.Date).ToArray();
            var table = PdfTable.Create(flow, headers, right, rows);
            if (rows.Count == 0)
            {
                table.Draw([]);
                flow.Graphics.DrawString("Aucune ligne ne correspond aux filtres.", fonts.Body, PdfTheme.Muted, new XRect(flow.Left, flow.Y + 4, flow.Width, 14), XStringFormats.TopLeft);
            }
            else
            {
                table.Draw(rows);
            }

            flow.DrawFooters(request.Title);
        }

        document.Save(output, closeStream: false);
    }
}
