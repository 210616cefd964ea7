using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Portal.Domain.Onboarding.Import;
using Portal.Domain.Spreadsheets;
using Portal.Infrastructure.Spreadsheets;
using Portal.Tests.Onboarding;

namespace Portal.Tests.Spreadsheets;

/// <summary>What the staff member downloads after a failed test: their own file with the faulty cells in red, and a list.</summary>
public class ErrorReportTests
{
    private static readonly ImportSheet[] Layout = [ImportSchema.Products, ImportSchema.Sales];

    [Fact]
    public void Marks_the_faulty_cells_red_and_lists_every_problem_first()
    {
        // The price header is written with an alias ("PV"): the report still finds the column.
        var upload = Workbooks.Edit(Workbooks.Valid(), d => Workbooks.SetHeader(d, "Produits", 4, "PV"));
        ImportIssue[] issues =
        [
            new("Produits", 3, "Prix Vente", "abc", "« abc » n'est pas un nombre."),
            new("Ventes", 4, "Quantité", "0", "La quantité doit être un nombre entier supérieur à 0."),
        ];

        using var report = SpreadsheetDocument.Open(new MemoryStream(ErrorReport.Build(new MemoryStream(upload), Layout, issues, total: 5)), false);
        var workbook = report.WorkbookPart!;
        var first = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        Assert.Equal("Erreurs", first.Name!.Value);

        var list = Texts((WorksheetPart)workbook.GetPartById(first.Id!.Value!));
        Assert.Equal(["Onglet", "Ligne", "Colonne", "Valeur", "Erreur"], list[0]);
        Assert.Equal(["Produits", "3", "Prix Vente", "abc", "« abc » n'est pas un nombre."], list[1]);
        Assert.Equal(["Ventes", "4", "Quantité", "0", "La quantité doit être un nombre entier supérieur à 0."], list[2]);
        Assert.Contains("… et 3 autre(s) erreur(s)", list[3][4], StringComparison.Ordinal);

        Assert.True(IsRed(workbook, Cell(workbook, "Produits", "D3")));
        Assert.False(IsRed(workbook, Cell(workbook, "Produits", "A3")));
        Assert.True(IsRed(workbook, Cell(workbook, "Ventes", "C4")));

        // The client's formulas are not sent back, only their values (the sample has "=1000+500" for p003's price).
        Assert.DoesNotContain(workbook.WorksheetParts, p => p.Worksheet.Descendants<CellFormula>().Any());
        Assert.Equal("1500", Cell(workbook, "Produits", "D5")!.CellValue!.Text);
    }

    private static List<string[]> Texts(WorksheetPart part) =>
        part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.Text?.Text ?? string.Empty).ToArray())
            .ToList();

    private static Cell? Cell(WorkbookPart workbook, string sheetName, string reference)
    {
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        return part.Worksheet.Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);
    }

    private static bool IsRed(WorkbookPart workbook, Cell? cell)
    {
        if (cell?.StyleIndex is null)
        {
            return false;
        }

        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex.Value);
        var fill = stylesheet.Fills!.Elements<Fill>().ElementAt((int)(format.FillId?.Value ?? 0));
        return fill.PatternFill?.ForegroundColor?.Rgb?.Value == "FFFFC7CE";
    }
}
