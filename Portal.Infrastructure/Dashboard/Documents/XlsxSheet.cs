using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Portal.Infrastructure.Spreadsheets;

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>
/// Writes one worksheet row by row with the SDK's <see cref="OpenXmlWriter"/> (SAX: nothing is kept once written).
/// Text goes in as inline strings, so no shared-string table has to grow with the rows.
/// </summary>
internal sealed class XlsxSheet : IDisposable
{
    /// <summary>Excel's last row.</summary>
    public const uint MaxRows = 1_048_576;

    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    /// <summary>Excel's serial day 0 (1899-12-30, which absorbs its 1900 leap-year bug for dates after February 1900).</summary>
    private static readonly int Epoch = new DateOnly(1899, 12, 30).DayNumber;

    private readonly Stream stream;
    private readonly OpenXmlWriter writer;
    private readonly List<string> columnNames = [];
    private readonly Row rowElement = new();
    private readonly Cell cellElement = new();
    private readonly CellValue valueElement = new();
    private readonly InlineString inlineElement = new();
    private readonly Text textElement = new();
    private string rowText = "0";
    private int column;
    private bool closed;

    public XlsxSheet(Stream stream, IReadOnlyList<double> widths, int frozenRows)
    {
        this.stream = stream;
        writer = OpenXmlWriter.Create(stream);
        writer.WriteStartElement(new Worksheet());
        if (frozenRows > 0)
        {
            var topLeft = "A" + (frozenRows + 1).ToString(CultureInfo.InvariantCulture);
            writer.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = frozenRows, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } })
            { WorkbookViewId = 0 }));
        }

        if (widths.Count > 0)
        {
            writer.WriteElement(new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })));
        }

        writer.WriteStartElement(new SheetData());
    }

    public uint Rows { get; private set; }

    public void StartRow()
    {
        Rows++;
        column = 0;
        rowText = Rows.ToString(CultureInfo.InvariantCulture);
        writer.WriteStartElement(rowElement, [new OpenXmlAttribute("r", string.Empty, rowText)]);
    }

    public void EndRow() => writer.WriteEndElement();

    public void Skip() => column++;

    public void Text(string? text, uint style = XlsxStyles.Default)
    {
        if (string.IsNullOrEmpty(text))
        {
            Skip();
            return;
        }

        var clean = SpreadsheetText.ForXml(text);
        writer.WriteStartElement(cellElement, style == XlsxStyles.Default
            ? [Reference(), new OpenXmlAttribute("t", string.Empty, "inlineStr")]
            : [Reference(), Style(style), new OpenXmlAttribute("t", string.Empty, "inlineStr")]);
        writer.WriteStartElement(inlineElement);
        writer.WriteStartElement(textElement, char.IsWhiteSpace(clean[0]) || char.IsWhiteSpace(clean[^1]) ? [new OpenXmlAttribute("xml", "space", XmlNamespace, "preserve")] : []);
        writer.WriteString(clean);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    public void Number(decimal value, uint style) => Value(value.ToString(CultureInfo.InvariantCulture), style);

    public void Number(long value, uint style) => Value(value.ToString(CultureInfo.InvariantCulture), style);

    public void Number(double value, uint style) => Value(value.ToString("R", CultureInfo.InvariantCulture), style);

    public void Date(DateOnly day, uint style = XlsxStyles.Date) => Number(day.DayNumber - Epoch, style);

    public void Dispose()
    {
        if (closed)
        {
            return;
        }

        closed = true;
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Dispose();
        stream.Dispose();
    }

    private void Value(string value, uint style)
    {
        writer.WriteStartElement(cellElement, style == XlsxStyles.Default ? [Reference()] : [Reference(), Style(style)]);
        writer.WriteStartElement(valueElement);
        writer.WriteString(value);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private OpenXmlAttribute Reference()
    {
        while (columnNames.Count <= column)
        {
            columnNames.Add(WorkbookFile.ColumnName(columnNames.Count));
        }

        return new OpenXmlAttribute("r", string.Empty, columnNames[column++] + rowText);
    }

    private static OpenXmlAttribute Style(uint style) => new("s", string.Empty, style.ToString(CultureInfo.InvariantCulture));
}
