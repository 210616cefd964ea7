using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Portal.Domain.Tenancy;
using Portal.Infrastructure.Onboarding;

namespace Portal.Tests.Onboarding;

/// <summary>A formula cell as Excel saves it: the formula and its cached result.</summary>
public sealed record Formula(string Expression, object? Cached, bool IsError = false);

/// <summary>Builds workbooks for the tests: the product's template, filled the way a person would fill it.</summary>
public static class Workbooks
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public static byte[] Template(Sector sector = Sector.Retail, string company = "Test SARL")
    {
        using var output = new MemoryStream();
        ImportTemplate.Write(output, new TemplateRequest(company, sector, Today));
        return output.ToArray();
    }

    /// <summary>Three products and five sales over three months, typed in every accepted way.</summary>
    public static byte[] Valid() => Fill(Template(), SampleProducts, SampleSales);

    public static readonly object?[][] SampleProducts =
    [
        ["P001", "Riz parfumé 25 kg", "Alimentation", 17500, 15000, 40, 10],
        ["P002", "Huile 5 L", "Alimentation", "23 795", "20 000", 12, 3],
        ["p003", "Savon de Marseille", null, new Formula("1000+500", 1500), null, null, null],
    ];

    public static readonly object?[][] SampleSales =
    [
        [Today.AddDays(-3), "P001", 2, 17500],
        [Today.AddMonths(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "P002", 1, "23 795"],
        [Today.AddMonths(-2).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), "P003", "3", null],
        [Today.AddDays(-10), "P001", 1, "17 500,00"],
        [Today.AddDays(-1), "P002", new Formula("1+1", 2), 23795],
    ];

    /// <summary>Sum of the sample sales' line totals (2×17500 + 23795 + 3×1500 + 17500 + 2×23795).</summary>
    public const long SampleSalesTotal = (2 * 17500) + 23795 + (3 * 1500) + 17500 + (2 * 23795);

    /// <summary>Appends rows under the example row of the Produits and Ventes sheets of a template.</summary>
    public static byte[] Fill(byte[] template, IEnumerable<object?[]> products, IEnumerable<object?[]> sales) => Edit(template, document =>
    {
        Append(document, "Produits", products);
        Append(document, "Ventes", sales);
    });

    public static byte[] Edit(byte[] workbook, Action<SpreadsheetDocument> edit)
    {
        using var copy = new MemoryStream();
        copy.Write(workbook);
        using (var document = SpreadsheetDocument.Open(copy, true))
        {
            edit(document);
            foreach (var part in document.WorkbookPart!.WorksheetParts)
            {
                part.Worksheet.Save();
            }

            document.WorkbookPart.Workbook.Save();
        }

        return copy.ToArray();
    }

    public static SheetData SheetData(SpreadsheetDocument document, string sheetName) =>
        Worksheet(document, sheetName).GetFirstChild<SheetData>()!;

    public static Worksheet Worksheet(SpreadsheetDocument document, string sheetName)
    {
        var workbookPart = document.WorkbookPart!;
        var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        return ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    /// <summary>Replaces the header cell of a column (1-based) with an inline string.</summary>
    public static void SetHeader(SpreadsheetDocument document, string sheetName, int column, string? text)
    {
        var header = SheetData(document, sheetName).Elements<Row>().First();
        var reference = (char)('A' + column - 1) + "1";
        header.Elements<Cell>().SingleOrDefault(c => c.CellReference == reference)?.Remove();
        if (text is not null)
        {
            var cell = Cell(text, reference);
            var after = header.Elements<Cell>().LastOrDefault(c => string.CompareOrdinal(c.CellReference!.Value, reference) < 0);
            if (after is null)
            {
                header.PrependChild(cell);
            }
            else
            {
                after.InsertAfterSelf(cell);
            }
        }
    }

    private static void Append(SpreadsheetDocument document, string sheetName, IEnumerable<object?[]> rows)
    {
        var data = SheetData(document, sheetName);
        var index = data.Elements<Row>().Max(r => r.RowIndex!.Value);
        foreach (var values in rows)
        {
            index++;
            var row = new Row { RowIndex = index };
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is { } value)
                {
                    row.Append(Cell(value, $"{(char)('A' + i)}{index}"));
                }
            }

            data.Append(row);
        }
    }

    private static Cell Cell(object value, string reference) => value switch
    {
        string text => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) },
        DateOnly date => new Cell { CellReference = reference, CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)) },
        Formula { IsError: true } f => new Cell(new CellFormula(f.Expression), new CellValue(f.Cached?.ToString() ?? "#VALUE!")) { CellReference = reference, DataType = CellValues.Error },
        // openpyxl's way: an empty <v/> for a formula it did not compute.
        Formula f when f.Cached is string { Length: 0 } => new Cell(new CellFormula(f.Expression), new CellValue(string.Empty)) { CellReference = reference },
        Formula f when f.Cached is string s => new Cell(new CellFormula(f.Expression), new CellValue(s)) { CellReference = reference, DataType = CellValues.String },
        Formula f => new Cell(new CellFormula(f.Expression)) { CellReference = reference, CellValue = f.Cached is null ? null : new CellValue(Convert.ToString(f.Cached, CultureInfo.InvariantCulture)!) },
        _ => new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) },
    };
}
