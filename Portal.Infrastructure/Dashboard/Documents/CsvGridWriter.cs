using System.Buffers;
using System.Globalization;
using System.Text;
using Portal.Domain.Common;

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>
/// CSV for French Excel: UTF-8 with a BOM (so accents survive a double-click), <c>;</c> between fields, CRLF between
/// rows, RFC 4180 quoting. Numbers are written so Excel reads them back as numbers: no grouping, comma decimals,
/// money as the amount in major units (1 500 FCFA is 1500, 12,50 € is 12,50). Dates dd/MM/yyyy.
/// </summary>
internal static class CsvGridWriter
{
    private const char Separator = ';';
    private const string LineBreak = "\r\n";

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);
    private static readonly SearchValues<char> MustQuote = SearchValues.Create("\";\r\n");

    public static async Task<long> WriteAsync<T>(Stream output, ExportRequest<T> request, IProgress<long>? rowsWritten, CancellationToken ct)
    {
        var columns = request.Columns;
        var progress = new RowProgress(rowsWritten);
        var moneyFormat = "F" + request.Currency.MinorDigits.ToString(CultureInfo.InvariantCulture);
        using var spool = new SpoolStream();
        using (var writer = new StreamWriter(spool, Utf8WithBom, bufferSize: 16 * 1024, leaveOpen: true))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0)
                {
                    writer.Write(Separator);
                }

                WriteText(writer, ExportCells.Header(columns[i], request.Currency));
            }

            writer.Write(LineBreak);
            await foreach (var row in request.Rows.WithCancellation(ct))
            {
                ct.ThrowIfCancellationRequested();
                WriteRow(writer, columns, row, request.Currency, moneyFormat);
                progress.Add();
                if (spool.IsFull)
                {
                    await spool.DrainAsync(output, ct);
                }
            }
        }

        await spool.DrainAsync(output, ct);
        await output.FlushAsync(ct);
        progress.Complete();
        return progress.Rows;
    }

    private static void WriteRow<T>(StreamWriter writer, IReadOnlyList<ExportColumn<T>> columns, T row, Currency currency, string moneyFormat)
    {
        Span<char> buffer = stackalloc char[64];
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(Separator);
            }

            var column = columns[i];
            if (column.Value(row) is not { } value)
            {
                continue;
            }

            int written;
            if (value is long or int && (column.Kind == ColumnKind.Integer || (column.Kind == ColumnKind.Money && currency.MinorDigits == 0)))
            {
                (value is long whole ? whole : (int)value).TryFormat(buffer, out written, default, CultureInfo.InvariantCulture);
            }
            else
            {
                switch (column.Kind)
                {
                    case ColumnKind.Integer:
                        ExportCells.Integer(value, column.Header).TryFormat(buffer, out written, "0", CultureInfo.InvariantCulture);
                        break;
                    case ColumnKind.Money:
                        ExportCells.Amount(value, currency, column.Header).TryFormat(buffer, out written, moneyFormat, FrenchText.Plain);
                        break;
                    case ColumnKind.Percent:
                        (ExportCells.Percent(value, column.Header) * 100).TryFormat(buffer, out written, "0.##", FrenchText.Plain);
                        buffer[written++] = '%';
                        break;
                    case ColumnKind.Date:
                        ExportCells.Date(value, column.Header).TryFormat(buffer, out written, "dd/MM/yyyy", CultureInfo.InvariantCulture);
                        break;
                    default:
                        WriteText(writer, ExportCells.Text(value));
                        continue;
                }
            }

            writer.Write(buffer[..written]);
        }

        writer.Write(LineBreak);
    }

    private static void WriteText(StreamWriter writer, ReadOnlySpan<char> text)
    {
        var quoted = text.ContainsAny(MustQuote);
        if (quoted)
        {
            writer.Write('"');
        }

        if (SpreadsheetText.NeedsPrefix(text))
        {
            writer.Write('\'');
        }

        if (!quoted)
        {
            writer.Write(text);
            return;
        }

        for (var quote = text.IndexOf('"'); quote >= 0; quote = text.IndexOf('"'))
        {
            writer.Write(text[..(quote + 1)]);
            writer.Write('"');
            text = text[(quote + 1)..];
        }

        writer.Write(text);
        writer.Write('"');
    }
}
