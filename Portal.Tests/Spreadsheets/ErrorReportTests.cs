using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
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

        using var report = Report(upload, issues, total: 5);
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

    [Fact]
    public void Finds_the_columns_in_a_header_row_under_title_rows_as_the_import_does()
    {
        // A title on row 1, the header (shared strings) on row 3; row 5 lacks its price cell altogether.
        ImportIssue[] issues =
        [
            new("Produits", 4, "Prix Vente", "beaucoup", "« beaucoup » n'est pas un nombre."),
            new("Produits", 5, "Prix Vente", null, "« Prix Vente » est obligatoire."),
        ];

        using var report = Report(TitledWorkbook(), issues, total: 2);
        var workbook = report.WorkbookPart!;

        Assert.True(IsRed(workbook, Cell(workbook, "Produits", "D4")));
        Assert.False(IsRed(workbook, Cell(workbook, "Produits", "A4")));
        Assert.False(IsRed(workbook, Cell(workbook, "Produits", "D3")));
        Assert.False(IsRed(workbook, Cell(workbook, "Produits", "A1")));
        Assert.True(IsRed(workbook, Cell(workbook, "Produits", "D5")));
        var row5 = Worksheet(workbook, "Produits").Descendants<Row>().Single(r => r.RowIndex! == 5);
        Assert.Equal(["A5", "B5", "C5", "D5", "E5"], row5.Elements<Cell>().Select(c => c.CellReference!.Value));

        // The report opens on its list alone: the sheet that was selected is no longer.
        Assert.Equal("Erreurs", workbook.Workbook.Sheets!.Elements<Sheet>().First().Name!.Value);
        Assert.DoesNotContain(Worksheet(workbook, "Produits").Descendants<SheetView>(), v => v.TabSelected?.Value == true);
        Assert.True(Worksheet(workbook, "Erreurs").Descendants<SheetView>().Single().TabSelected!.Value);
    }

    [Fact]
    public void Keeps_the_number_format_of_a_marked_cell()
    {
        var upload = OnboardingServiceTests.Generated(products: 3, sales: 2);

        using var report = Report(upload, [new("Produits", 3, "Prix Vente", "1001", "Refusé.")], total: 1);
        var workbook = report.WorkbookPart!;

        var cell = Cell(workbook, "Produits", "D3")!;
        Assert.True(IsRed(workbook, cell));
        var format = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        Assert.Equal(3u, format.NumberFormatId!.Value);
    }

    [Fact]
    public void Sends_back_values_without_formulas_nor_calculation_chain_in_a_valid_workbook()
    {
        ImportIssue[] issues = [new("Produits", 2, "Prix Vente", "1500", "Refusé.")];

        using var report = Report(FormulaWorkbook(), issues, total: 1);
        var workbook = report.WorkbookPart!;

        Assert.DoesNotContain(workbook.WorksheetParts, p => p.Worksheet.Descendants<CellFormula>().Any());
        Assert.Null(workbook.CalculationChainPart);
        Assert.Equal(["1500", "1500", "1"], new[] { "C2", "C3", "C4" }.Select(r => Cell(workbook, "Produits", r)!.CellValue!.Text));
        Assert.True(IsRed(workbook, Cell(workbook, "Produits", "C2")));

        // What the copy does not touch survives: an extension attribute, a print area (moved with its sheet).
        Assert.Equal(0.25, Worksheet(workbook, "Produits").Descendants<Row>().First().DyDescent!.Value);
        var printArea = workbook.Workbook.DefinedNames!.Elements<DefinedName>().Single();
        Assert.Equal(1u, printArea.LocalSheetId!.Value);
        Assert.Equal("Produits", workbook.Workbook.Sheets!.Elements<Sheet>().ElementAt(1).Name!.Value);
        Assert.Empty(new OpenXmlValidator().Validate(report).Select(e => $"{e.Part?.Uri} {e.Path?.XPath} {e.Description}"));
    }

    private static SpreadsheetDocument Report(byte[] upload, IReadOnlyList<ImportIssue> issues, int total)
    {
        var output = new MemoryStream();
        ErrorReport.Build(new MemoryStream(upload), output, Layout, issues, total);
        output.Position = 0;
        using (var zip = new ZipArchive(output, ZipArchiveMode.Read, leaveOpen: true))
        {
            using var types = new StreamReader(zip.GetEntry("[Content_Types].xml")!.Open());
            Assert.DoesNotContain("calcChain", types.ReadToEnd(), StringComparison.Ordinal);
        }

        output.Position = 0;
        return SpreadsheetDocument.Open(output, false);
    }

    // Produits: a title on row 1, the header on row 3 (shared strings), data from row 4; no stylesheet; the sheet is selected.
    private static byte[] TitledWorkbook()
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            string[] texts = ["Boutique Keur Yaay : inventaire", "Code", "Nom", "Catégorie", "Prix Vente", "Prix Achat"];
            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(texts.Select(t => new SharedStringItem(new Text(t))));
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(
                new SheetViews(new SheetView { TabSelected = true, WorkbookViewId = 0 }),
                new SheetData(
                    new Row(Shared("A1", 0)) { RowIndex = 1 },
                    new Row(Shared("A3", 1), Shared("B3", 2), Shared("C3", 3), Shared("D3", 4), Shared("E3", 5)) { RowIndex = 3 },
                    new Row(Inline("A4", "P1"), Inline("B4", "Riz"), Inline("D4", "beaucoup")) { RowIndex = 4 },
                    new Row(Inline("A5", "P2"), Inline("B5", "Huile"), Inline("C5", "Alimentation"), Number("E5", "900")) { RowIndex = 5 }),
                new MergeCells(new MergeCell { Reference = "A1:E1" }));
            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Name = "Produits", SheetId = 1, Id = workbookPart.GetIdOfPart(part) }));
        }

        return output.ToArray();
    }

    // Produits with a shared formula over C2:C3, an array formula in C4, a calculation chain, a print area and an extension attribute.
    private static byte[] FormulaWorkbook()
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var part = workbookPart.AddNewPart<WorksheetPart>();
            var header = new Row(Inline("A1", "Code"), Inline("B1", "Nom"), Inline("C1", "Prix Vente")) { RowIndex = 1, DyDescent = 0.25 };
            part.Worksheet = new Worksheet(new SheetData(
                header,
                new Row(Inline("A2", "P1"), Inline("B2", "Riz"), new Cell(new CellFormula("1000+500") { FormulaType = CellFormulaValues.Shared, Reference = "C2:C3", SharedIndex = 0 }, new CellValue("1500")) { CellReference = "C2" }) { RowIndex = 2 },
                new Row(Inline("A3", "P2"), Inline("B3", "Huile"), new Cell(new CellFormula { FormulaType = CellFormulaValues.Shared, SharedIndex = 0 }, new CellValue("1500")) { CellReference = "C3" }) { RowIndex = 3 },
                new Row(Inline("A4", "P3"), Inline("B4", "Savon"), new Cell(new CellFormula("SUM(1)") { FormulaType = CellFormulaValues.Array, Reference = "C4" }, new CellValue("1")) { CellReference = "C4" }) { RowIndex = 4 }));
            part.Worksheet.AddNamespaceDeclaration("mc", "http://schemas.openxmlformats.org/markup-compatibility/2006");
            part.Worksheet.AddNamespaceDeclaration("x14ac", "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac");
            part.Worksheet.MCAttributes = new MarkupCompatibilityAttributes { Ignorable = "x14ac" };
            workbookPart.AddNewPart<CalculationChainPart>().CalculationChain = new CalculationChain(
                new CalculationCell { CellReference = "C2", SheetId = 1 }, new CalculationCell { CellReference = "C3", SheetId = 1 }, new CalculationCell { CellReference = "C4", SheetId = 1, Array = true });
            workbookPart.Workbook = new Workbook(
                new Sheets(new Sheet { Name = "Produits", SheetId = 1, Id = workbookPart.GetIdOfPart(part) }),
                new DefinedNames(new DefinedName("Produits!$A$1:$C$4") { Name = "_xlnm.Print_Area", LocalSheetId = 0 }));
        }

        return output.ToArray();
    }

    private static Cell Shared(string reference, int index) => new(new CellValue(index)) { CellReference = reference, DataType = CellValues.SharedString };

    private static Cell Inline(string reference, string text) => new(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString };

    private static Cell Number(string reference, string value) => new(new CellValue(value)) { CellReference = reference };

    private static List<string[]> Texts(WorksheetPart part) =>
        part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.Text?.Text ?? string.Empty).ToArray())
            .ToList();

    private static Worksheet Worksheet(WorkbookPart workbook, string sheetName)
    {
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet;
    }

    private static Cell? Cell(WorkbookPart workbook, string sheetName, string reference) =>
        Worksheet(workbook, sheetName).Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

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
