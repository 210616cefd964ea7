using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Portal.Domain.Common;
using Portal.Infrastructure.Dashboard.Documents;

namespace Portal.Tests.Dashboard.Documents;

public class GridExportTests
{
    private static readonly SaleLine[] Tricky =
    [
        new(new DateOnly(2026, 11, 3), "=HYPERLINK(\"http://evil.example\",\"Cliquez\")", -3, -12_500, -0.125, "+221 77 000 00 00"),
        new(new DateOnly(2026, 11, 4), "Riz \"Brisé\"; sac de 50 kg", 12, 1_234_567, 0.5, "ligne 1\r\nligne 2"),
        new(new DateOnly(2026, 11, 5), "@SUM(A1:A9)", 0, 0, 0, "-2 cartons"),
        new(new DateOnly(2026, 11, 6), "\tTabulation", 7, 950, 1, "\rRetour"),
        new(new DateOnly(2026, 11, 7), "Café Touba", 1, 800, 0.07, null),
    ];

    [Fact]
    public async Task The_csv_is_utf8_with_a_bom_semicolons_and_crlf_for_french_excel()
    {
        var bytes = await ExportFixtures.ExportAsync(ExportFormat.Csv, ExportFixtures.Request(Tricky));

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Date;Produit;Quantité;Montant (FCFA);Marge;Note\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_reads_back_as_the_exact_rows_with_formulas_neutralised()
    {
        var bytes = await ExportFixtures.ExportAsync(ExportFormat.Csv, ExportFixtures.Request(Tricky));

        var records = CsvReader.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(Tricky.Length + 1, records.Count);
        Assert.Equal(["03/11/2026", "'=HYPERLINK(\"http://evil.example\",\"Cliquez\")", "-3", "-12500", "-12,5%", "'+221 77 000 00 00"], records[1]);
        Assert.Equal(["04/11/2026", "Riz \"Brisé\"; sac de 50 kg", "12", "1234567", "50%", "ligne 1\r\nligne 2"], records[2]);
        Assert.Equal(["05/11/2026", "'@SUM(A1:A9)", "0", "0", "0%", "'-2 cartons"], records[3]);
        Assert.Equal(["06/11/2026", "'\tTabulation", "7", "950", "100%", "'\rRetour"], records[4]);
        Assert.Equal(["07/11/2026", "Café Touba", "1", "800", "7%", string.Empty], records[5]);
    }

    [Fact]
    public async Task Money_in_a_currency_with_cents_is_written_with_a_decimal_comma()
    {
        var bytes = await ExportFixtures.ExportAsync(ExportFormat.Csv, ExportFixtures.Request(Tricky, Currency.Eur));

        var records = CsvReader.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal("Montant (€)", records[0][3]);
        Assert.Equal("-125,00", records[1][3]);
        Assert.Equal("12345,67", records[2][3]);
    }

    [Fact]
    public async Task An_empty_grid_exports_its_header_row_only()
    {
        var bytes = await ExportFixtures.ExportAsync(ExportFormat.Csv, ExportFixtures.Request([]));

        Assert.Single(CsvReader.Parse(Encoding.UTF8.GetString(bytes[3..])));
    }

    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Xlsx)]
    [InlineData(ExportFormat.Pdf)]
    public async Task Progress_counts_up_to_the_rows_written(ExportFormat format)
    {
        var reports = new List<long>();
        using var output = new SinkStream(keep: false);

        var written = await GridExport.WriteAsync(output, format, ExportFixtures.Request(Enumerable.Range(0, 3_500).Select(ExportFixtures.Line)), new ImmediateProgress(reports));

        Assert.Equal(3_500, written);
        Assert.Equal([1_000, 2_000, 3_000, 3_500], reports);
    }

    [Fact]
    public async Task The_workbook_is_valid_and_has_a_bold_frozen_header_and_typed_cells()
    {
        var bytes = await ExportFixtures.ExportAsync(ExportFormat.Xlsx, ExportFixtures.Request(Tricky));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath} {e.Description}"));
        var book = new WorkbookReader(document);
        Assert.Equal(["Ventes", "Informations"], book.SheetNames);

        var sheet = book.Sheet("Ventes");
        var pane = sheet.Worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);

        var rows = book.Rows("Ventes");
        Assert.Equal(["Date", "Produit", "Quantité", "Montant (FCFA)", "Marge", "Note"], rows[0].Select(c => book.Text(c)));
        Assert.All(rows[0], c => Assert.True(book.IsBold(c)));

        var first = rows[1];
        Assert.Equal("46329", first[0].CellValue!.Text); // 03/11/2026 as Excel's serial day
        Assert.Equal("dd/mm/yyyy", book.NumberFormat(first[0]));
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"Cliquez\")", book.Text(first[1]));
        Assert.Equal(CellValues.InlineString, first[1].DataType!.Value);
        Assert.Equal("-3", first[2].CellValue!.Text);
        Assert.Null(first[2].DataType);
        Assert.Equal("#,##0", book.NumberFormat(first[2]));
        Assert.Equal("-12500", first[3].CellValue!.Text);
        Assert.Equal("#,##0", book.NumberFormat(first[3]));
        Assert.Equal("-0.125", first[4].CellValue!.Text);
        Assert.Equal("0 %", book.NumberFormat(first[4]));
        Assert.Equal("'+221 77 000 00 00", book.Text(first[5]));
        Assert.Equal("'@SUM(A1:A9)", book.Text(rows[3][1]));
        Assert.Equal("ligne 1\nligne 2", book.Text(rows[2][5])); // XML reads line ends as LF, which is Excel's own line break in a cell
        Assert.Equal(5, rows[5].Length); // the empty note is no cell

        var information = book.Rows("Informations");
        Assert.Equal(["Export", "Ventes"], information[0].Select(c => book.Text(c)));
        Assert.Equal(["Filtres", "Du 01/01/2026 au 31/12/2026 · Site : Médina"], information[1].Select(c => book.Text(c)));
        Assert.Equal("5", information[2][1].CellValue!.Text);
    }

    [Fact]
    public async Task Workbook_cells_drop_characters_xml_cannot_carry()
    {
        SaleLine[] rows = [new(new DateOnly(2026, 11, 3), "Bon\u0001 de\u0000 commande\uD800", 1, 1, 0, null)];

        var bytes = await ExportFixtures.ExportAsync(ExportFormat.Xlsx, ExportFixtures.Request(rows));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var book = new WorkbookReader(document);
        Assert.Equal("Bon de commande", book.Text(book.Rows("Ventes")[1][1]));
    }

    [Fact]
    public async Task The_pdf_paginates_with_the_header_on_every_page_and_numbers_the_pages()
    {
        var bytes = await ExportFixtures.ExportAsync(ExportFormat.Pdf, ExportFixtures.Request(Enumerable.Range(0, 300).Select(ExportFixtures.Line)));

        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        var pages = PdfTextReader.Pages(bytes);
        Assert.True(pages.Count is >= 5 and <= 8, $"{pages.Count} pages");
        Assert.Contains("Ventes", pages[0], StringComparison.Ordinal);
        Assert.Contains("300 lignes · Du 01/01/2026 au 31/12/2026 · Site : Médina", pages[0], StringComparison.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains("Montant (FCFA)", pages[i], StringComparison.Ordinal);
            Assert.Contains($"Page {i + 1} / {pages.Count}", pages[i], StringComparison.Ordinal);
        }

        Assert.Contains("Produit 00299", pages[^1], StringComparison.Ordinal);
        var tricky = PdfTextReader.Pages(await ExportFixtures.ExportAsync(ExportFormat.Pdf, ExportFixtures.Request(Tricky)))[0];
        Assert.Contains("1\u202F234\u202F567", tricky, StringComparison.Ordinal);
        Assert.Contains("-12,5\u202F%", tricky, StringComparison.Ordinal);
        Assert.Contains("ligne 1 ligne 2", tricky, StringComparison.Ordinal);
        Assert.Contains("=HYPERLINK", tricky, StringComparison.Ordinal); // a PDF runs nothing: text is shown as typed
    }

    [Fact]
    public async Task A_pdf_is_portrait_up_to_six_columns_and_landscape_beyond()
    {
        var six = await ExportFixtures.ExportAsync(ExportFormat.Pdf, ExportFixtures.Request(Tricky));
        var seven = await ExportFixtures.ExportAsync(ExportFormat.Pdf, ExportFixtures.Request(Tricky, columns: [.. ExportFixtures.Columns, new("Code", ColumnKind.Text, s => s.Product[..3])]));

        using var portrait = PdfTextReader.Open(six);
        using var landscape = PdfTextReader.Open(seven);
        Assert.True(portrait.Pages[0].Height.Point > portrait.Pages[0].Width.Point);
        Assert.True(landscape.Pages[0].Width.Point > landscape.Pages[0].Height.Point);
    }

    [Fact]
    public async Task A_pdf_stops_at_the_row_limit_and_says_so()
    {
        using var output = new SinkStream(keep: true);

        var written = await GridExport.WriteAsync(output, ExportFormat.Pdf, ExportFixtures.Request(Enumerable.Range(0, GridExport.PdfRowLimit + 1).Select(ExportFixtures.Line)));

        Assert.Equal(GridExport.PdfRowLimit, written);
        var pages = PdfTextReader.Pages(output.Bytes);
        Assert.Contains("Export limité aux 5\u202F000 premières lignes ; utilisez CSV ou Excel pour tout exporter.", pages[0], StringComparison.Ordinal);
        Assert.Contains("Produit 04999", pages[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("Produit 05000", string.Concat(pages), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pdf_at_the_limit_exactly_has_no_note()
    {
        var bytes = await ExportFixtures.ExportAsync(ExportFormat.Pdf, ExportFixtures.Request(Enumerable.Range(0, GridExport.PdfRowLimit).Select(ExportFixtures.Line)));

        Assert.DoesNotContain("Export limité", PdfTextReader.Pages(bytes)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_grid_still_makes_a_one_page_pdf()
    {
        var pages = PdfTextReader.Pages(await ExportFixtures.ExportAsync(ExportFormat.Pdf, ExportFixtures.Request([])));

        Assert.Single(pages);
        Assert.Contains("Aucune ligne ne correspond aux filtres.", pages[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Xlsx)]
    [InlineData(ExportFormat.Pdf)]
    public async Task A_cancelled_export_stops(ExportFormat format)
    {
        using var cancel = new CancellationTokenSource();
        using var output = new SinkStream(keep: false);
        var progress = new ImmediateProgress([], onReport: rows =>
        {
            if (rows >= 2_000)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            GridExport.WriteAsync(output, format, ExportFixtures.Request(Enumerable.Range(0, 100_000).Select(ExportFixtures.Line)), progress, cancel.Token));
    }

    [Theory]
    [InlineData(ExportFormat.Csv, "text/csv; charset=utf-8", "ventes-du-mois-2026-11-30.csv")]
    [InlineData(ExportFormat.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "ventes-du-mois-2026-11-30.xlsx")]
    [InlineData(ExportFormat.Pdf, "application/pdf", "ventes-du-mois-2026-11-30.pdf")]
    public void Each_format_has_its_content_type_and_a_plain_file_name(ExportFormat format, string contentType, string fileName)
    {
        Assert.Equal(contentType, GridExport.ContentType(format));
        Assert.Equal(fileName, GridExport.FileName("Ventes du mois", format, new DateOnly(2026, 11, 30)));
        Assert.Equal("chiffre-d-affaires-2026-11-30.pdf", GridExport.FileName("Chiffre d'affaires", ExportFormat.Pdf, new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_its_column()
    {
        var request = ExportFixtures.Request(Tricky, columns: [new("Montant", ColumnKind.Money, s => s.Product)]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ExportFixtures.ExportAsync(ExportFormat.Csv, request));
        Assert.Contains("Montant", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Reports on the writer's thread (Progress&lt;T&gt; posts to the thread pool, so its order is not the writer's).</summary>
    private sealed class ImmediateProgress(List<long> reports, Action<long>? onReport = null) : IProgress<long>
    {
        public void Report(long value)
        {
            reports.Add(value);
            onReport?.Invoke(value);
        }
    }
}
