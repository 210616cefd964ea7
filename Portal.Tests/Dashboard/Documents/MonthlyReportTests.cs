using System.Diagnostics;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Portal.Infrastructure.Dashboard.Documents;
using Xunit.Abstractions;

namespace Portal.Tests.Dashboard.Documents;

public class MonthlyReportTests(ITestOutputHelper output)
{
    [Fact]
    public void The_pdf_report_names_the_company_and_the_month_and_shows_every_section()
    {
        var pdf = Pdf(ReportSamples.Busy());

        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        var pages = PdfTextReader.Pages(pdf);
        Assert.NotEmpty(pages);
        var all = string.Concat(pages);
        Assert.Contains("Quincaillerie & Alimentation Ndèye Fatou Diop", pages[0], StringComparison.Ordinal);
        Assert.Contains("Rapport mensuel — novembre 2026", pages[0], StringComparison.Ordinal);
        Assert.Contains("Généré le 01/12/2026 à 07:30 (heure de Dakar)", pages[0], StringComparison.Ordinal);
        Assert.Contains("+12 % vs mois précédent", pages[0], StringComparison.Ordinal);
        Assert.Contains("Chiffre d'affaires par jour", pages[0], StringComparison.Ordinal);
        Assert.Contains("1\u00A0nov.", pages[0], StringComparison.Ordinal);
        Assert.Contains("Riz parfumé 25 kg", all, StringComparison.Ordinal);
        Assert.Contains("1\u202F950\u202F000", all, StringComparison.Ordinal);
        Assert.Contains("Rupture", all, StringComparison.Ordinal);
        Assert.Contains("14/12/2026", all, StringComparison.Ordinal);
        Assert.Contains($"Page {pages.Count} / {pages.Count}", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_month_without_sales_renders_with_its_empty_sections_said()
    {
        var pages = PdfTextReader.Pages(Pdf(ReportSamples.Empty()));

        Assert.Single(pages);
        Assert.Contains("Boutique Awa", pages[0], StringComparison.Ordinal);
        Assert.Contains("Aucune vente ce mois-ci.", pages[0], StringComparison.Ordinal);
        Assert.Contains("Aucune alerte de stock ce mois-ci.", pages[0], StringComparison.Ordinal);
        Assert.Contains("Aucune prévision disponible pour ce mois.", pages[0], StringComparison.Ordinal);
        Assert.Contains("Total du mois : 0\u00A0FCFA", pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Long_tables_continue_on_new_pages()
    {
        var busy = ReportSamples.Busy();
        var many = busy with { TopProducts = [.. Enumerable.Range(0, 120).Select(i => new ReportProductRow($"P{i:000}", $"Produit {i}", null, 500 - i, 90_000 - i))] };

        var pages = PdfTextReader.Pages(Pdf(many));

        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        Assert.Contains("Produit 119", string.Concat(pages), StringComparison.Ordinal);
        Assert.All(pages.Skip(1).Take(pages.Count - 2), page => Assert.Contains("Unités vendues", page, StringComparison.Ordinal));
    }

    [Fact]
    public void The_pdf_report_renders_well_under_a_second()
    {
        Pdf(ReportSamples.Busy());
        var clock = Stopwatch.StartNew();

        var pdf = Pdf(ReportSamples.Busy());

        output.WriteLine($"monthly report PDF: {clock.ElapsedMilliseconds} ms, {pdf.Length / 1024} KB");
        Assert.NotEmpty(pdf);
    }

    [Fact]
    public void The_workbook_has_one_valid_sheet_per_section_with_bold_frozen_headers()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Xlsx(ReportSamples.Busy())), false);

        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath} {e.Description}"));
        var book = new WorkbookReader(document);
        Assert.Equal(["Synthèse", "Chiffre d'affaires", "Top produits", "Alertes stock", "Prévisions"], book.SheetNames);
        (string Sheet, int HeaderRow, string[] Headers)[] expected =
        [
            ("Synthèse", MonthlyReportXlsx.SummaryHeaderRow, ["Indicateur", "Valeur", "Évolution"]),
            ("Chiffre d'affaires", 1, ["Date", "Chiffre d'affaires (FCFA)"]),
            ("Top produits", 1, ["Rang", "Code", "Produit", "Catégorie", "Unités vendues", "Chiffre d'affaires (FCFA)"]),
            ("Alertes stock", 1, ["Code", "Produit", "Stock", "Seuil d'alerte", "Statut"]),
            ("Prévisions", 1, ["Code", "Produit", "Ventes prévues (30 j)", "Rupture prévue le", "Réappro. suggéré", "Fiabilité"]),
        ];
        foreach (var (sheet, headerRow, headers) in expected)
        {
            var header = book.Rows(sheet)[headerRow - 1];
            Assert.Equal(headers, header.Select(c => book.Text(c)));
            Assert.All(header, c => Assert.True(book.IsBold(c)));
            var pane = book.Sheet(sheet).Worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(headerRow, pane.VerticalSplit!.Value);
        }
    }

    [Fact]
    public void The_workbook_holds_the_figures_as_numbers_and_dates()
    {
        var report = ReportSamples.Busy();
        using var document = SpreadsheetDocument.Open(new MemoryStream(Xlsx(report)), false);
        var book = new WorkbookReader(document);

        var summary = book.Rows("Synthèse");
        Assert.Equal("Quincaillerie & Alimentation Ndèye Fatou Diop", book.Text(summary[0][0]));
        Assert.Equal("Rapport mensuel — novembre 2026", book.Text(summary[1][0]));
        Assert.Equal(["Ventes", "1 284", "-3 % vs mois précédent"], summary[MonthlyReportXlsx.SummaryHeaderRow + 1].Select(c => book.Text(c)));

        var revenue = book.Rows("Chiffre d'affaires");
        Assert.Equal(1 + 30 + 1, revenue.Count);
        Assert.Equal("dd/mm/yyyy", book.NumberFormat(revenue[1][0]));
        Assert.Equal(report.RevenueByDay[1].Revenue.ToString(System.Globalization.CultureInfo.InvariantCulture), revenue[2][1].CellValue!.Text);
        Assert.Equal("#,##0", book.NumberFormat(revenue[2][1]));
        Assert.Equal(["Total", report.RevenueByDay.Sum(d => d.Revenue).ToString(System.Globalization.CultureInfo.InvariantCulture)], revenue[^1].Select(c => book.Text(c)));

        var products = book.Rows("Top produits");
        Assert.Equal(["1", "P001", "Riz parfumé 25 kg", "Épicerie", "420", "1950000"], products[1].Select(c => book.Text(c)));

        var stock = book.Rows("Alertes stock");
        Assert.Equal(["'=HYPERLINK(\"http://evil\")", "'-2 cartons", "3", "Sous le seuil"], stock[3].Select(c => book.Text(c)));

        var forecasts = book.Rows("Prévisions");
        Assert.Equal(["P001", "Riz parfumé 25 kg", "436.4", "46370", "120", "Élevée"], forecasts[1].Select(c => book.Text(c)));
        Assert.Equal(["P002", "Huile d'arachide 5 L", "388.9", "0", "Moyenne"], forecasts[2].Select(c => book.Text(c)));
    }

    [Fact]
    public void An_empty_month_gives_a_workbook_of_headers_and_zero_days()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Xlsx(ReportSamples.Empty())), false);

        Assert.Empty(new OpenXmlValidator().Validate(document));
        var book = new WorkbookReader(document);
        Assert.Single(book.Rows("Top produits"));
        Assert.Equal(["Total", "0"], book.Rows("Chiffre d'affaires")[^1].Select(c => book.Text(c)));
    }

    private static byte[] Pdf(MonthlyReport report)
    {
        using var stream = new MemoryStream();
        MonthlyReportPdf.Write(report, stream);
        return stream.ToArray();
    }

    private static byte[] Xlsx(MonthlyReport report)
    {
        using var stream = new MemoryStream();
        MonthlyReportXlsx.Write(report, stream);
        return stream.ToArray();
    }
}
