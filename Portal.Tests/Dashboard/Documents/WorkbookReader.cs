using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Tests.Dashboard.Documents;

/// <summary>Reads small exported workbooks back through the SDK's document model: sheets, cell texts, fonts and number formats.</summary>
public sealed class WorkbookReader(SpreadsheetDocument document)
{
    private readonly WorkbookPart workbook = document.WorkbookPart!;

    public IReadOnlyList<string> SheetNames => workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public WorksheetPart Sheet(string name)
    {
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)workbook.GetPartById(sheet.Id!);
    }

    public List<Cell[]> Rows(string sheet) =>
        Sheet(sheet).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(r => r.Elements<Cell>().ToArray()).ToList();

    public string Text(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? string.Empty;

    public bool IsBold(Cell cell) => Font(cell).Bold is not null;

    public string NumberFormat(Cell cell)
    {
        var id = Format(cell).NumberFormatId?.Value ?? 0;
        return id switch
        {
            0 => "General",
            3 => "#,##0",
            _ => workbook.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId! == id).FormatCode!.Value!,
        };
    }

    private CellFormat Format(Cell cell) =>
        workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    private Font Font(Cell cell) =>
        workbook.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)(Format(cell).FontId?.Value ?? 0));
}
