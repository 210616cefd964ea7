using Portal.Domain.Common;

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>
/// The grid as a workbook: one sheet named after the export with a bold, frozen header row and real numbers and dates
/// (formatted, so sums and filters work), then an "Informations" sheet with the title, the filters and the row count.
/// Column widths come from the header and the first rows.
/// </summary>
internal static class XlsxGridWriter
{
    public const string InformationSheet = "Informations";

    private const int SampleRows = 100;

    public static async Task<long> WriteAsync<T>(Stream output, ExportRequest<T> request, IProgress<long>? rowsWritten, CancellationToken ct)
    {
        var progress = new RowProgress(rowsWritten);
        var columns = request.Columns;
        var headers = columns.Select(c => ExportCells.Header(c, request.Currency)).ToArray();
        await using var rows = request.Rows.GetAsyncEnumerator(ct);
        var sample = new List<T>(SampleRows);
        var more = true;
        while (sample.Count < SampleRows && (more = await rows.MoveNextAsync()))
        {
            sample.Add(rows.Current);
        }

        var truncated = false;
        using var spool = new SpoolStream();
        using (var package = new XlsxPackage(spool, request.Title, request.Subtitle))
        {
            var sheet = package.AddSheet(request.Title, Widths(columns, headers, sample, request.Currency), frozenRows: 1);
            sheet.StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                sheet.Text(SpreadsheetText.Neutralise(headers[i]), ExportCells.IsNumeric(columns[i].Kind) ? XlsxStyles.HeaderRight : XlsxStyles.Header);
            }

            sheet.EndRow();
            foreach (var row in sample)
            {
                WriteRow(sheet, columns, row, request.Currency);
                progress.Add();
            }

            while (more && (more = await rows.MoveNextAsync()))
            {
                if (sheet.Rows == XlsxSheet.MaxRows)
                {
                    truncated = true;
                    break;
                }

                ct.ThrowIfCancellationRequested();
                WriteRow(sheet, columns, rows.Current, request.Currency);
                progress.Add();
                if (spool.IsFull)
                {
                    await spool.DrainAsync(output, ct);
                }
            }

            var information = package.AddSheet(InformationSheet, [16, 80], frozenRows: 0);
            Line(information, "Export", request.Title);
            Line(information, "Filtres", request.Subtitle ?? "Aucun filtre");
            information.StartRow();
            information.Text("Lignes", XlsxStyles.Bold);
            information.Number(progress.Rows, XlsxStyles.Integer);
            information.EndRow();
            if (truncated)
            {
                Line(information, "Attention", $"Export limité aux {FrenchText.Number(progress.Rows, 0)} premières lignes (limite d'Excel) ; utilisez le CSV pour tout exporter.");
            }

            package.Complete(request.Currency.MinorDigits);
        }

        await spool.DrainAsync(output, ct);
        await output.FlushAsync(ct);
        progress.Complete();
        return progress.Rows;
    }

    private static void WriteRow<T>(XlsxSheet sheet, IReadOnlyList<ExportColumn<T>> columns, T row, Currency currency)
    {
        sheet.StartRow();
        foreach (var column in columns)
        {
            if (column.Value(row) is not { } value)
            {
                sheet.Skip();
                continue;
            }

            switch (column.Kind)
            {
                case ColumnKind.Integer:
                    sheet.Number(ExportCells.Integer(value, column.Header), XlsxStyles.Integer);
                    break;
                case ColumnKind.Money:
                    sheet.Number(ExportCells.Amount(value, currency, column.Header), XlsxStyles.Money);
                    break;
                case ColumnKind.Percent:
                    sheet.Number(ExportCells.Percent(value, column.Header), XlsxStyles.Percent);
                    break;
                case ColumnKind.Date:
                    sheet.Date(ExportCells.Date(value, column.Header));
                    break;
                default:
                    sheet.Text(SpreadsheetText.Neutralise(ExportCells.Text(value)));
                    break;
            }
        }

        sheet.EndRow();
    }

    private static void Line(XlsxSheet sheet, string label, string value)
    {
        sheet.StartRow();
        sheet.Text(label, XlsxStyles.Bold);
        sheet.Text(SpreadsheetText.Neutralise(value));
        sheet.EndRow();
    }

    /// <summary>Characters of the widest of the header (bold) and the first rows' cells as displayed, within 8 to 60.</summary>
    private static double[] Widths<T>(IReadOnlyList<ExportColumn<T>> columns, string[] headers, List<T> sample, Currency currency)
    {
        var widths = new double[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var widest = headers[i].Length * 1.15;
            foreach (var row in sample)
            {
                if (columns[i].Value(row) is { } value)
                {
                    widest = Math.Max(widest, ExportCells.Display(columns[i], value, currency).Length);
                }
            }

            widths[i] = Math.Clamp(Math.Ceiling(widest) + 2, 8, 60);
        }

        return widths;
    }
}
