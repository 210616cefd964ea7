using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Portal.Domain.Spreadsheets;

namespace Portal.Infrastructure.Spreadsheets;

/// <summary>A row of cells in a sheet's canonical column order; only valid during the callback.</summary>
public delegate void RowHandler(int row, ReadOnlySpan<RawCell> cells);

/// <summary>
/// An uploaded workbook, read as a stream: the Open XML SDK opens the package, then a plain <see cref="XmlReader"/>
/// walks each worksheet part (no DOM), with the shared strings resolved once. Formulas are read by their cached value.
/// Finding a header loads only the shared strings the first rows use, so checking an upload's structure stays small.
/// </summary>
public sealed class WorkbookFile : IDisposable
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const int HeaderSearchRows = 10;

    private readonly SpreadsheetDocument document;
    private readonly Dictionary<string, long> partSizes;
    private readonly UploadLimits limits;
    private SharedStrings? sharedStrings;

    private WorkbookFile(SpreadsheetDocument document, Dictionary<string, long> partSizes, UploadLimits limits)
    {
        this.document = document;
        this.partSizes = partSizes;
        this.limits = limits;
        var workbook = document.WorkbookPart?.Workbook ?? throw new ImportFileException("Le classeur ne contient aucune feuille.");
        Date1904 = workbook.WorkbookProperties?.Date1904?.Value ?? false;
        SheetNames = workbook.Sheets?.Elements<Sheet>().Select(s => s.Name?.Value ?? string.Empty).ToList() ?? [];
    }

    public bool Date1904 { get; }

    public IReadOnlyList<string> SheetNames { get; }

    /// <summary>Opens a seekable stream after checking it is a real .xlsx within the limits.</summary>
    public static WorkbookFile Open(Stream file, UploadLimits limits)
    {
        var sizes = PackageInspector.Inspect(file, limits);
        try
        {
            return new WorkbookFile(SpreadsheetDocument.Open(file, false), sizes, limits);
        }
        catch (Exception e) when (e is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or XmlException or IOException)
        {
            throw new ImportFileException(DamagedMessage);
        }
    }

    public const string DamagedMessage = "Le fichier est endommagé : ce n'est pas un classeur Excel lisible.";

    public SheetHandle? Find(ImportSheet sheet) => Guard(() => FindSheet(sheet));

    /// <summary>
    /// The header is the row, among the first ten, that names the sheet's columns best: title rows above it (a company name,
    /// a period, merged or not) are skipped. Ties go to the first row; a sheet with no matching row reports the first non-empty one.
    /// </summary>
    public SheetHeader ReadHeader(SheetHandle sheet) => Guard(() => FindHeader(sheet));

    /// <summary>The merged ranges that touch the header row (they hide column titles).</summary>
    public IReadOnlyList<string> MergedHeaderRanges(SheetHeader header) => Guard(() => MergedRanges(header));

    /// <summary>Every row after the header, in canonical column order. <paramref name="progress"/> gets the share of the sheet read (0 to 1).</summary>
    public void ReadRows(SheetHeader header, RowHandler onRow, Action<double> progress) => Guard(() =>
    {
        ReadDataRows(header, onRow, progress);
        return true;
    });

    public void Dispose() => document.Dispose();

    /// <summary>The package's workbook part, for the error report that copies the package.</summary>
    internal WorkbookPart WorkbookPart => document.WorkbookPart!;

    /// <summary>Every entry of the package (names without the leading slash).</summary>
    internal IEnumerable<string> EntryNames => partSizes.Keys.Select(k => k.TrimStart('/'));

    // A DTD, a broken XML part or a package error anywhere in the file is one French answer, never an unexpected error.
    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is XmlException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or FormatException or OverflowException)
        {
            throw new ImportFileException(DamagedMessage);
        }
    }

    private SheetHandle? FindSheet(ImportSheet sheet)
    {
        var workbookPart = document.WorkbookPart!;
        foreach (var entry in workbookPart.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            if (HeaderMatcher.IsSheet(sheet, entry.Name?.Value) && entry.Id?.Value is { } id && workbookPart.GetPartById(id) is WorksheetPart part)
            {
                return new SheetHandle(sheet, entry.Name!.Value!, part, partSizes.GetValueOrDefault(part.Uri.OriginalString, 0));
            }
        }

        return null;
    }

    private SheetHeader FindHeader(SheetHandle sheet)
    {
        // The header needs a few texts of the shared string table, not the whole table: a first pass notes which, a
        // second reads the rows again with them (the full table, when the rows were already read, serves as is).
        var strings = sharedStrings ?? SharedStrings.Sparse();
        var candidates = HeaderCandidates(sheet, strings);
        if (strings.Missing.Count > 0)
        {
            strings = ReadSharedStrings(strings.Missing);
            candidates = HeaderCandidates(sheet, strings);
        }

        var best = candidates
            .OrderByDescending(c => c.Match.IsComplete)
            .ThenByDescending(c => c.Match.ColumnIndex.Count(i => i >= 0))
            .ThenBy(c => c.Row)
            .Select(c => ((int Row, HeaderMatch Match)?)c)
            .FirstOrDefault();
        return best is { } found && found.Match.ColumnIndex.Any(i => i >= 0)
            ? new SheetHeader(sheet, found.Row, found.Match)
            : candidates.Count > 0
                ? new SheetHeader(sheet, candidates[0].Row, candidates[0].Match)
                : new SheetHeader(sheet, 0, HeaderMatcher.Match(sheet.Sheet, []));
    }

    private List<(int Row, HeaderMatch Match)> HeaderCandidates(SheetHandle sheet, SharedStrings strings)
    {
        var candidates = new List<(int Row, HeaderMatch Match)>();
        try
        {
            Walk(sheet.Part, strings, null, 32, (row, cells) =>
            {
                if (row > HeaderSearchRows)
                {
                    throw new OperationCanceledException();
                }

                var texts = new List<string?>(cells.Length);
                foreach (var cell in cells)
                {
                    texts.Add(cell.Kind is CellKind.Text or CellKind.Number ? cell.Value : null);
                }

                if (texts.Any(t => !string.IsNullOrWhiteSpace(t)))
                {
                    candidates.Add((row, HeaderMatcher.Match(sheet.Sheet, texts)));
                }
            }, _ => { });
        }
        catch (OperationCanceledException)
        {
        }

        return candidates;
    }

    private List<string> MergedRanges(SheetHeader header)
    {
        var ranges = new List<string>();
        using var stream = new CountingStream(header.Sheet.Part.GetStream(FileMode.Open, FileAccess.Read), limits.MaxExpandedBytes);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { IgnoreWhitespace = true, DtdProcessing = DtdProcessing.Prohibit });
        while (reader.ReadToFollowing("mergeCell", MainNamespace))
        {
            var reference = reader.GetAttribute("ref") ?? string.Empty;
            var parts = reference.Split(':');
            if (parts.Length == 2 && RowOf(parts[0]) <= header.Row && RowOf(parts[1]) >= header.Row)
            {
                ranges.Add(reference);
            }
        }

        return ranges;
    }

    private void ReadDataRows(SheetHeader header, RowHandler onRow, Action<double> progress)
    {
        var canonical = header.Match.ColumnIndex;
        var map = new int[canonical.Length == 0 ? 0 : canonical.Max() + 1];
        Array.Fill(map, -1);
        for (var i = 0; i < canonical.Length; i++)
        {
            if (canonical[i] >= 0)
            {
                map[canonical[i]] = i;
            }
        }

        var size = Math.Max(1, header.Sheet.Size);
        Walk(header.Sheet.Part, AllSharedStrings(), map, canonical.Length, (row, cells) =>
        {
            if (row > header.Row)
            {
                onRow(row, cells);
            }
        }, read => progress(Math.Min(1, read / (double)size)));
    }

    private void Walk(WorksheetPart part, SharedStrings strings, int[]? columnMap, int width, RowHandler onRow, Action<long> onBytes)
    {
        var cells = new RawCell[Math.Max(width, 1)];
        var used = 0;

        using var stream = new CountingStream(part.GetStream(FileMode.Open, FileAccess.Read), limits.MaxExpandedBytes);
        var settings = new XmlReaderSettings { IgnoreWhitespace = false, DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true };
        using var reader = XmlReader.Create(stream, settings);
        var names = reader.NameTable;
        var rowName = names.Add("row");
        var cellName = names.Add("c");
        var valueName = names.Add("v");
        var inlineName = names.Add("is");
        var textName = names.Add("t");
        var formulaName = names.Add("f");
        var phoneticName = names.Add("rPh");
        var sheetDataName = names.Add("sheetData");

        var rowNumber = 0;
        var nextReport = 0L;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && ReferenceEquals(reader.LocalName, sheetDataName))
            {
                break;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            var name = reader.LocalName;
            if (ReferenceEquals(name, rowName))
            {
                rowNumber = int.TryParse(reader.GetAttribute("r"), out var r) ? r : rowNumber + 1;
                Array.Clear(cells, 0, used == 0 ? cells.Length : used);
                used = 0;
                var column = -1;
                if (!reader.IsEmptyElement)
                {
                    var depth = reader.Depth;
                    reader.Read();
                    while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
                    {
                        if (reader.NodeType != XmlNodeType.Element)
                        {
                            reader.Read();
                            continue;
                        }

                        if (!ReferenceEquals(reader.LocalName, cellName))
                        {
                            reader.Skip();
                            continue;
                        }

                        var reference = reader.GetAttribute("r");
                        column = reference is null ? column + 1 : ColumnOf(reference);
                        var target = columnMap is null ? column : column < columnMap.Length ? columnMap[column] : -1;
                        if (columnMap is null && column >= cells.Length && column < 256)
                        {
                            Array.Resize(ref cells, column + 1);
                        }

                        if (target < 0 || target >= cells.Length)
                        {
                            reader.Skip();
                            continue;
                        }

                        cells[target] = ReadCell(reader, reader.GetAttribute("t"), strings, valueName, inlineName, textName, formulaName, phoneticName);
                        used = Math.Max(used, target + 1);
                        reader.Read();
                    }
                }

                onRow(rowNumber, cells.AsSpan(0, columnMap is null ? Math.Max(used, 1) : cells.Length));
                if (stream.BytesRead >= nextReport)
                {
                    onBytes(stream.BytesRead);
                    nextReport = stream.BytesRead + (256 * 1024);
                }
            }
        }

        onBytes(stream.BytesRead);
    }

    /// <summary>Reads a &lt;c&gt; element and leaves the reader on its end (or on the element itself when empty).</summary>
    private static RawCell ReadCell(XmlReader reader, string? type, SharedStrings strings, string valueName, string inlineName, string textName, string formulaName, string phoneticName)
    {
        if (reader.IsEmptyElement)
        {
            return RawCell.Empty;
        }

        string? value = null;
        string? inline = null;
        var hasFormula = false;
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            var name = reader.LocalName;
            if (ReferenceEquals(name, valueName))
            {
                value = CheckLength(reader.ReadElementContentAsString());
            }
            else if (ReferenceEquals(name, inlineName))
            {
                inline = ReadRichText(reader, textName, phoneticName);
                reader.Read();
            }
            else
            {
                hasFormula |= ReferenceEquals(name, formulaName);
                reader.Skip();
            }
        }

        switch (type)
        {
            case "s":
                return int.TryParse(value, out var index) && strings.TryGet(index, out var text)
                    ? new RawCell(CellKind.Text, text)
                    : new RawCell(CellKind.Error, "#REF!");
            case "inlineStr":
                return new RawCell(CellKind.Text, inline ?? value);
            case "str" or "d":
                return string.IsNullOrEmpty(value) && hasFormula ? RawCell.Uncalculated : new RawCell(CellKind.Text, value);
            case "b":
                return new RawCell(CellKind.Boolean, value);
            case "e":
                return new RawCell(CellKind.Error, value ?? "#VALUE!");
            default:
                // openpyxl writes an empty <v/> for a formula it could not compute: no value at all.
                if (string.IsNullOrEmpty(value))
                {
                    return hasFormula ? RawCell.Uncalculated : RawCell.Empty;
                }

                return new RawCell(CellKind.Number, value);
        }
    }


    /// <summary>The text of an &lt;si&gt; or &lt;is&gt; element: plain &lt;t&gt; or rich-text runs, without phonetic hints.</summary>
    private static string ReadRichText(XmlReader reader, string textName, string phoneticName)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        string? single = null;
        System.Text.StringBuilder? many = null;
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && ReferenceEquals(reader.LocalName, phoneticName))
            {
                reader.Skip();
            }
            else if (reader.NodeType == XmlNodeType.Element && ReferenceEquals(reader.LocalName, textName))
            {
                var text = reader.ReadElementContentAsString();
                if (single is null && many is null)
                {
                    single = text;
                }
                else
                {
                    many ??= new System.Text.StringBuilder(single);
                    many.Append(text);
                }
            }
            else
            {
                reader.Read();
            }
        }

        return CheckLength(many?.ToString() ?? single ?? string.Empty);
    }

    // Excel itself stops at 32,767 characters a cell; longer text only comes from generated or hostile files.
    private static string CheckLength(string text) => text.Length <= UploadLimits.MaxCellLength
        ? text
        : throw new ImportFileException("Une cellule contient plus de 32 767 caractères (la limite d'Excel) : le fichier est refusé.");

    private SharedStrings AllSharedStrings() => sharedStrings ??= ReadSharedStrings(null);

    /// <summary>The shared string table, or only the items at <paramref name="wanted"/> (reading stops after the last of them).</summary>
    private SharedStrings ReadSharedStrings(IReadOnlySet<int>? wanted)
    {
        var part = document.WorkbookPart!.SharedStringTablePart;
        var all = new List<string>();
        var some = new Dictionary<int, string>();
        if (part is null)
        {
            return wanted is null ? SharedStrings.Of(all) : SharedStrings.Of(some);
        }

        var last = wanted is null || wanted.Count == 0 ? int.MaxValue : wanted.Max();
        using var stream = new CountingStream(part.GetStream(FileMode.Open, FileAccess.Read), limits.MaxExpandedBytes);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true });
        var itemName = reader.NameTable.Add("si");
        var textName = reader.NameTable.Add("t");
        var phoneticName = reader.NameTable.Add("rPh");
        var index = -1;
        while (index < last && reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || !ReferenceEquals(reader.LocalName, itemName))
            {
                continue;
            }

            index++;
            if (wanted is null)
            {
                if (all.Count == UploadLimits.MaxSharedStrings)
                {
                    throw new ImportFileException("Le fichier contient plus d'un million de textes différents : il est refusé.");
                }

                all.Add(ReadRichText(reader, textName, phoneticName));
            }
            else if (wanted.Contains(index))
            {
                some[index] = ReadRichText(reader, textName, phoneticName);
            }
        }

        return wanted is null ? SharedStrings.Of(all) : SharedStrings.Of(some);
    }

    /// <summary>The letters of a column from its zero-based index (0 is A, 26 is AA).</summary>
    internal static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    internal static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (c - 'A' + 1);
            }
            else if (c is >= 'a' and <= 'z')
            {
                column = (column * 26) + (c - 'a' + 1);
            }
            else
            {
                break;
            }
        }

        return column - 1;
    }

    private static int RowOf(string reference)
    {
        var digits = reference.AsSpan().TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz$");
        return int.TryParse(digits, out var row) ? row : 0;
    }

    /// <summary>
    /// The shared string table, whole (for reading rows) or only some items (for finding a header). A sparse table notes
    /// the indexes it was asked for and does not have.
    /// </summary>
    private sealed class SharedStrings
    {
        private readonly string[]? items;
        private readonly Dictionary<int, string>? some;

        private SharedStrings(string[]? items, Dictionary<int, string>? some)
        {
            this.items = items;
            this.some = some;
        }

        public HashSet<int> Missing { get; } = [];

        public static SharedStrings Of(List<string> items) => new([.. items], null);

        public static SharedStrings Of(Dictionary<int, string> some) => new(null, some);

        public static SharedStrings Sparse() => new(null, []);

        public bool TryGet(int index, out string text)
        {
            if (items is not null)
            {
                var found = (uint)index < (uint)items.Length;
                text = found ? items[index] : string.Empty;
                return found;
            }

            if (some!.TryGetValue(index, out text!))
            {
                return true;
            }

            if (index >= 0)
            {
                Missing.Add(index);
            }

            text = string.Empty;
            return false;
        }
    }
}
