using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Portal.Domain.Spreadsheets;

namespace Portal.Infrastructure.Spreadsheets;

/// <summary>
/// The error report: a copy of the uploaded workbook where every faulty cell is filled red and formulas give way to their
/// values, plus an "Erreurs" sheet (sheet, row, column, value, rule) shown first. Built as a stream: the package is copied
/// entry by entry and each worksheet goes through a reader into a writer, so memory does not grow with the file.
/// </summary>
public static class ErrorReport
{
    private const string ErrorsSheet = "Erreurs";
    private const string ContentTypesEntry = "[Content_Types].xml";
    private const string WorksheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private const string StylesType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    private const string WorksheetRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
    private const string StylesRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
    private static readonly XNamespace ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>
    /// How many reports one server builds at once. A build holds little memory now, but it keeps a core busy for a second or
    /// two: on our two-core servers, more at once would only slow the pages down.
    /// </summary>
    public static SemaphoreSlim Builds { get; } = new(2, 2);

    /// <param name="upload">The workbook as it was uploaded (seekable).</param>
    /// <param name="output">Receives the report (a new .xlsx package).</param>
    /// <param name="layout">The sheets the import knows: their header rows are found as the import finds them.</param>
    /// <param name="issues">The problems to mark, in file order.</param>
    /// <param name="total">How many problems there were in all (the list may be shortened).</param>
    public static void Build(Stream upload, Stream output, IReadOnlyList<ImportSheet> layout, IReadOnlyList<ImportIssue> issues, int total)
    {
        var plan = Plan(upload, layout, issues);
        upload.Position = 0;
        using var source = new ZipArchive(upload, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var name = entry.FullName;
            if (Same(name, plan.CalcChain) || Same(name, plan.Styles))
            {
                continue;
            }

            var copy = target.CreateEntry(name, CompressionLevel.Fastest);
            copy.LastWriteTime = entry.LastWriteTime;
            using var input = new CountingStream(entry.Open(), UploadLimits.Upload.MaxExpandedBytes);
            using var written = copy.Open();
            if (plan.Worksheets.Contains(name))
            {
                WorksheetCopy.Write(input, written, plan.Marks.GetValueOrDefault(name), plan.Red);
            }
            else if (Same(name, plan.Workbook))
            {
                WritePart(written, plan.WorkbookXml);
            }
            else if (Same(name, plan.WorkbookRelationships))
            {
                EditRelationships(input, written, plan);
            }
            else if (Same(name, ContentTypesEntry))
            {
                EditContentTypes(input, written, plan);
            }
            else
            {
                input.CopyTo(written);
            }
        }

        using (var errors = target.CreateEntry(plan.ErrorsPart, CompressionLevel.Fastest).Open())
        {
            WriteErrorsSheet(errors, issues, total);
        }

        using (var styles = target.CreateEntry(plan.Styles ?? plan.NewStyles!, CompressionLevel.Fastest).Open())
        {
            WritePart(styles, plan.Red.Stylesheet());
        }
    }

    /// <summary>What the copy changes, read from the package before any byte is written: the SDK reads only the small parts.</summary>
    private static ReportPlan Plan(Stream upload, IReadOnlyList<ImportSheet> layout, IReadOnlyList<ImportIssue> issues)
    {
        using var workbook = WorkbookFile.Open(upload, UploadLimits.Upload);
        var workbookPart = workbook.WorkbookPart;
        var marks = new Dictionary<string, IReadOnlyDictionary<int, int[]>>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in layout)
        {
            var sheetIssues = issues.Where(i => i.Row > 0 && HeaderMatcher.IsSheet(sheet, i.Sheet)).ToList();
            if (sheetIssues.Count > 0 && workbook.Find(sheet) is { } handle)
            {
                marks[EntryName(handle.Part)] = Marks(sheet, workbook.ReadHeader(handle), sheetIssues);
            }
        }

        var used = new HashSet<string>(
            workbookPart.Parts.Select(p => p.RelationshipId)
                .Concat(workbookPart.ExternalRelationships.Select(r => r.Id))
                .Concat(workbookPart.HyperlinkRelationships.Select(r => r.Id))
                .Concat(workbookPart.DataPartReferenceRelationships.Select(r => r.Id)),
            StringComparer.Ordinal);
        var names = new HashSet<string>(workbook.EntryNames, StringComparer.OrdinalIgnoreCase);
        var errorsId = NewId(used, "rIdErreurs");
        var errorsPart = NewName(names, "xl/worksheets/erreurs", ".xml");
        var styles = workbookPart.WorkbookStylesPart;
        var chain = workbookPart.CalculationChainPart;
        var workbookEntry = EntryName(workbookPart);
        var folder = workbookEntry.Contains('/', StringComparison.Ordinal) ? workbookEntry[..(workbookEntry.LastIndexOf('/') + 1)] : string.Empty;
        return new ReportPlan(
            workbookEntry,
            $"{folder}_rels/{workbookEntry[folder.Length..]}.rels",
            WorkbookWithErrorsSheet(workbookPart.Workbook, errorsId),
            workbookPart.WorksheetParts.Select(EntryName).ToHashSet(StringComparer.OrdinalIgnoreCase),
            marks,
            new RedFormats((Stylesheet?)styles?.Stylesheet.CloneNode(true) ?? RedFormats.Empty()),
            styles is null ? null : EntryName(styles),
            styles is null ? NewName(names, "xl/styles", ".xml") : null,
            styles is null ? NewId(used.Append(errorsId).ToHashSet(), "rIdStyles") : null,
            chain is null ? null : EntryName(chain),
            chain is null ? null : workbookPart.GetIdOfPart(chain),
            errorsPart,
            errorsId);
    }

    /// <summary>The cells to fill red in one sheet: each issue's column is found in the header row the import used.</summary>
    private static Dictionary<int, int[]> Marks(ImportSheet sheet, SheetHeader header, IEnumerable<ImportIssue> issues)
    {
        var rows = new Dictionary<int, SortedSet<int>>();
        foreach (var issue in issues)
        {
            var index = ColumnIndex(sheet, issue.Column);
            var position = index >= 0 && index < header.Match.ColumnIndex.Length ? header.Match.ColumnIndex[index] : -1;
            if (position < 0)
            {
                continue;
            }

            if (!rows.TryGetValue(issue.Row, out var columns))
            {
                rows[issue.Row] = columns = [];
            }

            columns.Add(position);
        }

        return rows.ToDictionary(r => r.Key, r => r.Value.ToArray());
    }

    private static int ColumnIndex(ImportSheet sheet, string column)
    {
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            if (sheet.Columns[i].Header == column)
            {
                return i;
            }
        }

        var normalised = HeaderMatcher.Normalise(column);
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            if (sheet.Columns[i].Matches(normalised))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The workbook part with the "Erreurs" sheet first and active (an "Erreurs" sheet already there is left out).</summary>
    private static Workbook WorkbookWithErrorsSheet(Workbook original, string relationshipId)
    {
        var workbook = (Workbook)original.CloneNode(true);
        var sheets = workbook.Sheets ??= new Sheets();
        var all = sheets.Elements<Sheet>().ToList();
        var removed = new List<int>();
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Name?.Value == ErrorsSheet)
            {
                all[i].Remove();
                removed.Add(i);
            }
        }

        var sheetId = sheets.Elements<Sheet>().Select(s => s.SheetId?.Value ?? 0).DefaultIfEmpty(0u).Max() + 1;
        sheets.InsertAt(new Sheet { Name = ErrorsSheet, SheetId = sheetId, Id = relationshipId }, 0);

        // Names local to a sheet point at it by position: every sheet moved one place to the right.
        foreach (var name in workbook.DefinedNames?.Elements<DefinedName>().ToList() ?? [])
        {
            if (name.LocalSheetId?.Value is not { } position)
            {
                continue;
            }

            if (removed.Contains((int)position))
            {
                name.Remove();
                continue;
            }

            name.LocalSheetId = (uint)(position - removed.Count(r => r < position) + 1);
        }

        foreach (var view in workbook.BookViews?.Elements<WorkbookView>() ?? [])
        {
            view.ActiveTab = 0;
            view.FirstSheet = 0;
        }

        return workbook;
    }

    private static void EditRelationships(Stream input, Stream output, ReportPlan plan)
    {
        var document = Load(input);
        var root = document.Root!;
        root.Elements(Relationships + "Relationship").Where(r => plan.CalcChainId is not null && (string?)r.Attribute("Id") == plan.CalcChainId).Remove();
        root.Add(Relationship(plan.ErrorsId, WorksheetRelationship, plan.ErrorsPart));
        if (plan.NewStyles is not null)
        {
            root.Add(Relationship(plan.NewStylesId!, StylesRelationship, plan.NewStyles));
        }

        Save(document, output);
    }

    private static void EditContentTypes(Stream input, Stream output, ReportPlan plan)
    {
        var document = Load(input);
        var root = document.Root!;
        root.Elements(ContentTypes + "Override").Where(o => Same(((string?)o.Attribute("PartName"))?.TrimStart('/'), plan.CalcChain)).Remove();
        root.Add(Override(plan.ErrorsPart, WorksheetType));
        if (plan.NewStyles is not null)
        {
            root.Add(Override(plan.NewStyles, StylesType));
        }

        Save(document, output);
    }

    // Absolute targets: the report does not depend on where the workbook part sits in the package.
    private static XElement Relationship(string id, string type, string part) =>
        new(Relationships + "Relationship", new XAttribute("Id", id), new XAttribute("Type", type), new XAttribute("Target", "/" + part));

    private static XElement Override(string part, string contentType) =>
        new(ContentTypes + "Override", new XAttribute("PartName", "/" + part), new XAttribute("ContentType", contentType));

    private static XDocument Load(Stream input)
    {
        using var reader = XmlReader.Create(input, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return XDocument.Load(reader);
    }

    private static void Save(XDocument document, Stream output)
    {
        using var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        document.Save(writer);
    }

    private static void WritePart(Stream output, OpenXmlPartRootElement root)
    {
        using var writer = new OpenXmlPartWriter(output, new UTF8Encoding(false));
        writer.WriteStartDocument(true);
        writer.WriteElement(root);
    }

    private static void WriteErrorsSheet(Stream output, IReadOnlyList<ImportIssue> issues, int total)
    {
        using var writer = new OpenXmlPartWriter(output, new UTF8Encoding(false));
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView { TabSelected = true, WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(
            new Column { Min = 1, Max = 1, Width = 12, CustomWidth = true },
            new Column { Min = 2, Max = 2, Width = 8, CustomWidth = true },
            new Column { Min = 3, Max = 3, Width = 18, CustomWidth = true },
            new Column { Min = 4, Max = 4, Width = 22, CustomWidth = true },
            new Column { Min = 5, Max = 5, Width = 90, CustomWidth = true }));
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, "Onglet", "Ligne", "Colonne", "Valeur", "Erreur");
        var index = 2;
        foreach (var issue in issues)
        {
            WriteRow(writer, index++, issue.Sheet, issue.Row > 0 ? issue.Row.ToString(CultureInfo.InvariantCulture) : string.Empty, issue.Column, issue.Value ?? string.Empty, issue.Message);
        }

        if (total > issues.Count)
        {
            WriteRow(writer, index, string.Empty, string.Empty, string.Empty, string.Empty, $"… et {total - issues.Count} autre(s) erreur(s) non listée(s) : corrigez celles-ci puis testez à nouveau.");
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, int index, params string[] values)
    {
        var number = index.ToString(CultureInfo.InvariantCulture);
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, number)]);
        for (var i = 0; i < values.Length; i++)
        {
            writer.WriteElement(new Cell
            {
                CellReference = WorkbookFile.ColumnName(i) + number,
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(values[i]) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }

        writer.WriteEndElement();
    }

    private static string EntryName(OpenXmlPart part) => Uri.UnescapeDataString(part.Uri.OriginalString).TrimStart('/');

    private static bool Same(string? entry, string? part) => entry is not null && part is not null && string.Equals(entry, part, StringComparison.OrdinalIgnoreCase);

    private static string NewId(ISet<string> used, string wanted)
    {
        var id = wanted;
        for (var i = 2; used.Contains(id); i++)
        {
            id = wanted + i.ToString(CultureInfo.InvariantCulture);
        }

        return id;
    }

    private static string NewName(ISet<string> used, string stem, string extension)
    {
        var name = stem + extension;
        for (var i = 2; used.Contains(name); i++)
        {
            name = stem + i.ToString(CultureInfo.InvariantCulture) + extension;
        }

        return name;
    }

    /// <param name="Workbook">The workbook part's entry.</param>
    /// <param name="WorkbookRelationships">Its relationships' entry.</param>
    /// <param name="WorkbookXml">The new workbook part.</param>
    /// <param name="Worksheets">Every worksheet entry (all lose their formulas).</param>
    /// <param name="Marks">Per worksheet entry, the cells to fill red.</param>
    /// <param name="Red">The stylesheet and its red formats.</param>
    /// <param name="Styles">The stylesheet's entry, if the workbook has one.</param>
    /// <param name="NewStyles">The stylesheet's new entry otherwise.</param>
    /// <param name="NewStylesId">Its relationship's id.</param>
    /// <param name="CalcChain">The calculation chain's entry, dropped with the formulas.</param>
    /// <param name="CalcChainId">Its relationship's id.</param>
    /// <param name="ErrorsPart">The "Erreurs" sheet's entry.</param>
    /// <param name="ErrorsId">Its relationship's id.</param>
    private sealed record ReportPlan(
        string Workbook,
        string WorkbookRelationships,
        Workbook WorkbookXml,
        HashSet<string> Worksheets,
        Dictionary<string, IReadOnlyDictionary<int, int[]>> Marks,
        RedFormats Red,
        string? Styles,
        string? NewStyles,
        string? NewStylesId,
        string? CalcChain,
        string? CalcChainId,
        string ErrorsPart,
        string ErrorsId);
}
