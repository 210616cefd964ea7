using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>
/// The one stylesheet of the exported workbooks. Number formats use Excel's invariant codes: <c>#,##0</c> groups
/// thousands with the reader's own separator (a space in French Excel and LibreOffice: "1 234 567").
/// </summary>
internal static class XlsxStyles
{
    public const uint Default = 0;
    public const uint Header = 1;
    public const uint Integer = 2;
    public const uint Money = 3;
    public const uint Date = 4;
    public const uint Percent = 5;
    public const uint Title = 6;
    public const uint Note = 7;
    public const uint Decimal = 8;
    public const uint Bold = 9;
    public const uint BoldMoney = 10;
    public const uint HeaderRight = 11;

    private const uint DateFormat = 164;
    private const uint PercentFormat = 165;
    private const uint MoneyFormat = 166;
    private const uint DecimalFormat = 167;

    public static uint For(ColumnKind kind) => kind switch
    {
        ColumnKind.Integer => Integer,
        ColumnKind.Money => Money,
        ColumnKind.Date => Date,
        ColumnKind.Percent => Percent,
        _ => Default,
    };

    public static Stylesheet Create(int moneyDigits) => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "dd/mm/yyyy" },
            new NumberingFormat { NumberFormatId = PercentFormat, FormatCode = "0 %" },
            new NumberingFormat { NumberFormatId = MoneyFormat, FormatCode = moneyDigits > 0 ? "#,##0." + new string('0', moneyDigits) : "#,##0" },
            new NumberingFormat { NumberFormatId = DecimalFormat, FormatCode = "#,##0.0" })
        { Count = 4 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            // The schema's order: b, i, sz, color, name (Excel repairs a file that breaks it).
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }),
            new Font(new Italic(), new FontSize { Val = 10 }, new Color { Rgb = "FF595959" }, new FontName { Val = "Calibri" }))
        { Count = 4 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDCE6F1" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Rgb = "FF8EA9C1" }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()))
        { Count = 2 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center }) { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = MoneyFormat, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = DateFormat, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = PercentFormat, ApplyNumberFormat = true },
            new CellFormat { FontId = 2, ApplyFont = true },
            new CellFormat { FontId = 3, ApplyFont = true },
            new CellFormat { NumberFormatId = DecimalFormat, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { FontId = 1, NumberFormatId = MoneyFormat, ApplyFont = true, ApplyNumberFormat = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Right, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true })
        { Count = 12 },
        // The "Normal" cell style: Excel writes it, and some readers (openpyxl) complain of a workbook without it.
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
