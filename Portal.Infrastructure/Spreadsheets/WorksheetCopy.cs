using System.Globalization;
using System.Text;
using System.Xml;

namespace Portal.Infrastructure.Spreadsheets;

/// <summary>
/// Copies one worksheet part from a reader into a writer, node by node (no DOM): formulas are dropped (their cached value
/// stays), the marked cells get their red format (a marked cell the row lacks is added in column order), and no sheet
/// stays selected, so the report opens on its list of errors alone. Everything else is copied as it is, extensions included.
/// </summary>
/// <remarks>
/// A plain <see cref="XmlReader"/> and <see cref="XmlWriter"/>, as <see cref="WorkbookFile"/> reads: the SDK's
/// <c>OpenXmlReader</c>/<c>OpenXmlWriter</c> pair creates an object per element; on a 2 MB upload (15 MB of sheet XML) it
/// took 1.4 s and allocated 330 MB where this copy takes 0.6 s and 100 MB, which put a 10 MB upload far past 2 s.
/// </remarks>
internal static class WorksheetCopy
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string StrictNamespace = "http://purl.oclc.org/ooxml/spreadsheetml/main";

    /// <param name="source">The original part.</param>
    /// <param name="target">The replacement part.</param>
    /// <param name="marks">Row number to the columns (0-based, ascending) to fill red; null when nothing is marked.</param>
    /// <param name="red">Hands out the red copy of each cell format.</param>
    public static void Write(Stream source, Stream target, IReadOnlyDictionary<int, int[]>? marks, RedFormats red)
    {
        using var reader = XmlReader.Create(source, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreProcessingInstructions = true });
        using var writer = XmlWriter.Create(target, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
        var names = reader.NameTable;
        var rowName = names.Add("row");
        var cellName = names.Add("c");
        var formulaName = names.Add("f");
        var sheetViewName = names.Add("sheetView");
        var mainNamespace = names.Add(MainNamespace);
        var strictNamespace = names.Add(StrictNamespace);

        var row = new RowState(marks, red);
        writer.WriteStartDocument(true);
        reader.Read();
        while (!reader.EOF)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var name = reader.LocalName;
                    var spreadsheet = ReferenceEquals(reader.NamespaceURI, mainNamespace) || ReferenceEquals(reader.NamespaceURI, strictNamespace);
                    if (spreadsheet && ReferenceEquals(name, formulaName))
                    {
                        // Skip leaves the reader on the next node already.
                        reader.Skip();
                        continue;
                    }

                    if (spreadsheet && ReferenceEquals(name, rowName))
                    {
                        row.Start(reader.GetAttribute("r"), reader.NamespaceURI);
                        WriteElement(reader, writer, null, null);
                    }
                    else if (spreadsheet && ReferenceEquals(name, cellName))
                    {
                        var style = row.Cell(writer, reader.GetAttribute("r"), reader.GetAttribute("s"));
                        WriteElement(reader, writer, "s", style);
                    }
                    else if (spreadsheet && ReferenceEquals(name, sheetViewName))
                    {
                        WriteElement(reader, writer, "tabSelected", string.Empty);
                    }
                    else
                    {
                        WriteElement(reader, writer, null, null);
                    }

                    if (reader.IsEmptyElement)
                    {
                        if (spreadsheet && ReferenceEquals(name, rowName))
                        {
                            row.End(writer);
                        }

                        writer.WriteEndElement();
                    }

                    break;
                case XmlNodeType.EndElement:
                    if (ReferenceEquals(reader.LocalName, rowName) && (ReferenceEquals(reader.NamespaceURI, mainNamespace) || ReferenceEquals(reader.NamespaceURI, strictNamespace)))
                    {
                        row.End(writer);
                    }

                    writer.WriteFullEndElement();
                    break;
                case XmlNodeType.Text:
                    writer.WriteString(reader.Value);
                    break;
                case XmlNodeType.CDATA:
                    writer.WriteCData(reader.Value);
                    break;
                case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    writer.WriteWhitespace(reader.Value);
                    break;
            }

            reader.Read();
        }
    }

    /// <summary>
    /// Writes the reader's element start and its attributes; <paramref name="replaced"/>, when given, is written with
    /// <paramref name="value"/> instead (null: as it was, empty: left out).
    /// </summary>
    private static void WriteElement(XmlReader reader, XmlWriter writer, string? replaced, string? value)
    {
        writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
        var replace = replaced is not null && value is not null;
        while (reader.MoveToNextAttribute())
        {
            if (!replace || reader.LocalName != replaced || reader.NamespaceURI.Length > 0)
            {
                writer.WriteAttributeString(reader.Prefix, reader.LocalName, reader.NamespaceURI, reader.Value);
            }
        }

        reader.MoveToElement();
        if (replace && value!.Length > 0)
        {
            writer.WriteAttributeString(replaced!, value);
        }
    }

    /// <summary>Where the copy stands in the current row, and which of its cells are still to be marked.</summary>
    private sealed class RowState(IReadOnlyDictionary<int, int[]>? marks, RedFormats red)
    {
        private int number;
        private string namespaceUri = MainNamespace;
        private int[]? pending;
        private int next;
        private int column;

        public void Start(string? reference, string rowNamespace)
        {
            namespaceUri = rowNamespace;
            number = int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : number + 1;
            pending = marks?.GetValueOrDefault(number);
            next = 0;
            column = -1;
        }

        /// <summary>Writes the marked cells the row lacks before this one; returns this cell's new style, or null to keep it.</summary>
        public string? Cell(XmlWriter writer, string? reference, string? style)
        {
            column = reference is null ? column + 1 : WorkbookFile.ColumnOf(reference);
            if (pending is null)
            {
                return null;
            }

            while (next < pending.Length && pending[next] < column)
            {
                WriteMissing(writer, pending[next++]);
            }

            if (next < pending.Length && pending[next] == column)
            {
                next++;
                var current = uint.TryParse(style, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
                return red.Of(current).ToString(CultureInfo.InvariantCulture);
            }

            return null;
        }

        public void End(XmlWriter writer)
        {
            while (pending is not null && next < pending.Length)
            {
                WriteMissing(writer, pending[next++]);
            }

            pending = null;
        }

        private void WriteMissing(XmlWriter writer, int missing)
        {
            writer.WriteStartElement("c", namespaceUri);
            writer.WriteAttributeString("r", WorkbookFile.ColumnName(missing) + number.ToString(CultureInfo.InvariantCulture));
            writer.WriteAttributeString("s", red.Of(0).ToString(CultureInfo.InvariantCulture));
            writer.WriteEndElement();
        }
    }
}
