using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Portal.Domain.Spreadsheets;

namespace Portal.Infrastructure.Spreadsheets;

/// <summary>
/// The error report: a copy of the uploaded workbook where every faulty cell is filled red, plus an
/// "Erreurs" sheet (sheet, row, column, value, rule). Built with the SDK's DOM: uploads are 10 MB at most.
/// </summary>
public static class ErrorReport
{
    private const string ErrorsSheet = "Erreurs";

    /// <summary>How many reports one server builds at once (each holds a copy of a workbook of up to 10 MB in memory).</summary>
    public static SemaphoreSlim Builds { get; } = new(2, 2);

    /// <param name="upload">The workbook as it was uploaded.</param>
    /// <param name="layout">The sheets the import knows, so a column written with an alias is found too.</param>
    /// <param name="issues">The problems to mark, in file order.</param>
    /// <param name="total">How many problems there were in all (the list may be shortened).</param>
    public static byte[] Build(Stream upload, IReadOnlyList<ImportSheet> layout, IReadOnlyList<ImportIssue> issues, int total)
    {
        using var copy = new MemoryStream();
        upload.CopyTo(copy);
        using (var document = SpreadsheetDocument.Open(copy, true))
        {
            var workbookPart = document.WorkbookPart!;
            var styles = workbookPart.WorkbookStylesPart ?? workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet ??= new Stylesheet(new Fonts(new Font()), new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })), new Borders(new Border()), new CellFormats(new CellFormat()));
            var highlighter = new Highlighter(styles.Stylesheet);

            foreach (var sheetIssues in issues.Where(i => i.Row > 0).GroupBy(i => i.Sheet))
            {
                var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().FirstOrDefault(s => HeaderMatcher.Normalise(s.Name) == HeaderMatcher.Normalise(sheetIssues.Key));
                if (sheet?.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }

                Highlight(part, sheetIssues, layout, highlighter);
            }

            styles.Stylesheet.Save();
            KeepValuesOnly(workbookPart);
            AddErrorsSheet(workbookPart, issues, total);
        }

        return copy.ToArray();
    }

    private static void Highlight(WorksheetPart part, IEnumerable<ImportIssue> issues, IReadOnlyList<ImportSheet> layout, Highlighter highlighter)
    {
        var data = part.Worksheet.GetFirstChild<SheetData>()!;
        var rows = data.Elements<Row>().Where(r => r.RowIndex is not null).ToDictionary(r => r.RowIndex!.Value);
        var header = rows.Values.OrderBy(r => r.RowIndex!.Value).FirstOrDefault();
        var columns = header?.Elements<Cell>()
            .Select(c => (Column: WorkbookFile.ColumnOf(c.CellReference?.Value ?? "A"), Text: HeaderText(c, part)))
            .ToList() ?? [];
        foreach (var issue in issues)
        {
            var column = columns.FirstOrDefault(c => HeaderMatcher.Normalise(c.Text) == HeaderMatcher.Normalise(issue.Column)
                || Aliases(layout, issue.Column).Contains(HeaderMatcher.Normalise(c.Text)));
            if (column.Text is null || !rows.TryGetValue((uint)issue.Row, out var row))
            {
                continue;
            }

            var reference = ColumnName(column.Column) + issue.Row.ToString(CultureInfo.InvariantCulture);
            var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);
            if (cell is null)
            {
                cell = new Cell { CellReference = reference };
                var after = row.Elements<Cell>().LastOrDefault(c => WorkbookFile.ColumnOf(c.CellReference?.Value ?? "A") < column.Column);
                if (after is null)
                {
                    row.PrependChild(cell);
                }
                else
                {
                    after.InsertAfterSelf(cell);
                }
            }

            cell.StyleIndex = highlighter.Red(cell.StyleIndex?.Value ?? 0);
        }

        part.Worksheet.Save();
    }

    private static IEnumerable<string> Aliases(IReadOnlyList<ImportSheet> layout, string header)
    {
        var column = layout.SelectMany(s => s.Columns).FirstOrDefault(c => c.Header == header);
        return column is null ? [] : column.Aliases.Select(HeaderMatcher.Normalise);
    }

    private static string HeaderText(Cell cell, WorksheetPart part)
    {
        var value = cell.CellValue?.Text ?? cell.InnerText;
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(value, out var index))
        {
            var table = part.GetParentParts().OfType<WorkbookPart>().First().SharedStringTablePart?.SharedStringTable;
            return table?.Elements<SharedStringItem>().ElementAtOrDefault(index)?.InnerText ?? string.Empty;
        }

        return cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? string.Empty : value;
    }

    // The report goes back to staff who open it in Excel: the client's formulas (and what they could call) are not part of
    // it, only their computed values.
    private static void KeepValuesOnly(WorkbookPart workbookPart)
    {
        foreach (var part in workbookPart.WorksheetParts)
        {
            var formulas = part.Worksheet.Descendants<CellFormula>().ToList();
            foreach (var formula in formulas)
            {
                formula.Remove();
            }

            if (formulas.Count > 0)
            {
                part.Worksheet.Save();
            }
        }

        if (workbookPart.CalculationChainPart is { } chain)
        {
            workbookPart.DeletePart(chain);
        }
    }

    private static void AddErrorsSheet(WorkbookPart workbookPart, IReadOnlyList<ImportIssue> issues, int total)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row(1, "Onglet", "Ligne", "Colonne", "Valeur", "Erreur"));
        uint index = 2;
        foreach (var issue in issues)
        {
            data.Append(Row(index++, issue.Sheet, issue.Row > 0 ? issue.Row.ToString(CultureInfo.InvariantCulture) : string.Empty, issue.Column, issue.Value ?? string.Empty, issue.Message));
        }

        if (total > issues.Count)
        {
            data.Append(Row(index, string.Empty, string.Empty, string.Empty, string.Empty, $"… et {total - issues.Count} autre(s) erreur(s) non listée(s) : corrigez celles-ci puis testez à nouveau."));
        }

        part.Worksheet = new Worksheet(
            new Columns(
                new Column { Min = 1, Max = 1, Width = 12, CustomWidth = true },
                new Column { Min = 2, Max = 2, Width = 8, CustomWidth = true },
                new Column { Min = 3, Max = 3, Width = 18, CustomWidth = true },
                new Column { Min = 4, Max = 4, Width = 22, CustomWidth = true },
                new Column { Min = 5, Max = 5, Width = 90, CustomWidth = true }),
            data);
        var sheets = workbookPart.Workbook.Sheets!;
        foreach (var existing in sheets.Elements<Sheet>().Where(s => s.Name?.Value == ErrorsSheet).ToList())
        {
            existing.Remove();
        }

        var sheetId = sheets.Elements<Sheet>().Select(s => s.SheetId?.Value ?? 0).DefaultIfEmpty(0u).Max() + 1;
        sheets.InsertAt(new Sheet { Name = ErrorsSheet, SheetId = sheetId, Id = workbookPart.GetIdOfPart(part) }, 0);
        var view = workbookPart.Workbook.BookViews?.GetFirstChild<WorkbookView>();
        if (view is not null)
        {
            view.ActiveTab = 0;
            view.FirstSheet = 0;
        }

        workbookPart.Workbook.Save();
    }

    private static Row Row(uint index, params string[] values)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Length; i++)
        {
            row.Append(new Cell
            {
                CellReference = ColumnName(i) + index.ToString(CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(values[i]) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }

        return row;
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Adds, once per existing cell format, a copy with a red fill so number and date formats survive.</summary>
    private sealed class Highlighter
    {
        private readonly Stylesheet stylesheet;
        private readonly Dictionary<uint, uint> red = [];
        private uint? fillId;

        public Highlighter(Stylesheet stylesheet) => this.stylesheet = stylesheet;

        public uint Red(uint style)
        {
            if (red.TryGetValue(style, out var done))
            {
                return done;
            }

            var fills = stylesheet.Fills ??= new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
            fillId ??= AppendFill(fills);
            var formats = stylesheet.CellFormats ??= new CellFormats(new CellFormat());
            var source = formats.Elements<CellFormat>().ElementAtOrDefault((int)style) ?? new CellFormat();
            var copy = (CellFormat)source.CloneNode(true);
            copy.FillId = fillId;
            copy.ApplyFill = true;
            formats.Append(copy);
            formats.Count = (uint)formats.ChildElements.Count;
            var index = (uint)formats.ChildElements.Count - 1;
            red[style] = index;
            return index;
        }

        private static uint AppendFill(Fills fills)
        {
            fills.Append(new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFC7CE" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }));
            fills.Count = (uint)fills.ChildElements.Count;
            return (uint)fills.ChildElements.Count - 1;
        }
    }
}
