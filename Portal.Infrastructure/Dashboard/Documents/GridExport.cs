using System.Globalization;

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>
/// Exports a grid's filtered rows as CSV, Excel or PDF, streamed: rows are read one at a time from the query and written
/// as they come (CSV and Excel hold a bounded buffer whatever the row count; PDF stops at <see cref="PdfRowLimit"/>).
/// Writes to the output asynchronously only, so it can be an HTTP response body. Text cells that a spreadsheet could run
/// as a formula (= + - @ tab CR first) get a leading apostrophe in CSV and Excel.
/// </summary>
public static class GridExport
{
    /// <summary>PDF documents are built in memory: past this many rows, the PDF says so and points to CSV and Excel.</summary>
    public const int PdfRowLimit = 5_000;

    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ExportFormat.Pdf => "application/pdf",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>"ventes-2026-11-30.csv": the name's slug, the day, the format's extension.</summary>
    public static string FileName(string baseName, ExportFormat format, DateOnly day) => format switch
    {
        ExportFormat.Csv or ExportFormat.Xlsx or ExportFormat.Pdf =>
            string.Create(CultureInfo.InvariantCulture, $"{Files.FileNames.Slug(baseName)}-{day:yyyy-MM-dd}.{format.ToString().ToLowerInvariant()}"),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>
    /// Writes the rows to <paramref name="output"/> and returns how many were written. <paramref name="rowsWritten"/>
    /// hears the running count every thousand rows and once at the end.
    /// </summary>
    public static Task<long> WriteAsync<T>(Stream output, ExportFormat format, ExportRequest<T> request, IProgress<long>? rowsWritten = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Columns.Count == 0)
        {
            throw new ArgumentException("An export needs at least one column.", nameof(request));
        }

        return format switch
        {
            ExportFormat.Csv => CsvGridWriter.WriteAsync(output, request, rowsWritten, ct),
            ExportFormat.Xlsx => XlsxGridWriter.WriteAsync(output, request, rowsWritten, ct),
            ExportFormat.Pdf => PdfGridWriter.WriteAsync(output, request, rowsWritten, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }
}
