using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>
/// A workbook written straight to its output, part after part. The SDK's <c>SpreadsheetDocument.Create</c> opens its
/// package read-write, and a read-write zip keeps every part in memory until it is closed; a write-only
/// <see cref="Package"/> compresses each part to the output as it is written (and accepts a non-seekable output).
/// The price: each part is written in one go, sheets first, then styles and workbook in <see cref="Complete"/>.
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string SheetContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private const string StylesContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    private const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const int MaxSheetName = 31;

    private readonly Package package;
    private readonly List<string> sheetNames = [];
    private XlsxSheet? current;

    public XlsxPackage(Stream output, string title, string? subject)
    {
        package = Package.Open(output, FileMode.Create, FileAccess.Write);
        package.PackageProperties.Title = title;
        package.PackageProperties.Subject = subject;
        package.PackageProperties.Creator = "Portal";
    }

    /// <summary>Starts the next sheet; the previous one is finished first.</summary>
    public XlsxSheet AddSheet(string name, IReadOnlyList<double> widths, int frozenRows)
    {
        current?.Dispose();
        sheetNames.Add(UniqueSheetName(name));
        var part = package.CreatePart(SheetUri(sheetNames.Count), SheetContentType, CompressionOption.Normal);
        current = new XlsxSheet(part.GetStream(FileMode.Create, FileAccess.Write), widths, frozenRows);
        return current;
    }

    /// <summary>Writes the stylesheet and the workbook that lists the sheets, in their order, the first one active.</summary>
    public void Complete(int moneyDigits)
    {
        current?.Dispose();
        var stylesUri = new Uri("/xl/styles.xml", UriKind.Relative);
        WritePart(stylesUri, StylesContentType, XlsxStyles.Create(moneyDigits));

        var workbookUri = new Uri("/xl/workbook.xml", UriKind.Relative);
        var sheets = new Sheets(sheetNames.Select((name, i) => new Sheet { Name = name, SheetId = (uint)(i + 1), Id = SheetRelationship(i + 1) }));
        var workbook = WritePart(workbookUri, WorkbookContentType, new Workbook(new BookViews(new WorkbookView { ActiveTab = 0 }), sheets));
        for (var i = 1; i <= sheetNames.Count; i++)
        {
            workbook.CreateRelationship(new Uri($"worksheets/sheet{i}.xml", UriKind.Relative), TargetMode.Internal, Relationships + "/worksheet", SheetRelationship(i));
        }

        workbook.CreateRelationship(new Uri("styles.xml", UriKind.Relative), TargetMode.Internal, Relationships + "/styles", "rIdStyles");
        package.CreateRelationship(workbookUri, TargetMode.Internal, Relationships + "/officeDocument", "rId1");
    }

    public void Dispose()
    {
        current?.Dispose();
        package.Close();
    }

    private static Uri SheetUri(int index) => new($"/xl/worksheets/sheet{index}.xml", UriKind.Relative);

    private static string SheetRelationship(int index) => $"rIdSheet{index}";

    private PackagePart WritePart(Uri uri, string contentType, OpenXmlElement root)
    {
        var part = package.CreatePart(uri, contentType, CompressionOption.Normal);
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteElement(root);
        return part;
    }

    /// <summary>Excel's rules: at most 31 characters, none of : \ / ? * [ ], no apostrophe at either end, unique.</summary>
    private string UniqueSheetName(string wanted)
    {
        var name = new string(wanted.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']') && !char.IsControl(c)).ToArray()).Trim().Trim('\'');
        if (name.Length == 0)
        {
            name = "Feuille";
        }

        name = name.Length > MaxSheetName ? name[..MaxSheetName] : name;
        var unique = name;
        for (var n = 2; sheetNames.Contains(unique, StringComparer.OrdinalIgnoreCase); n++)
        {
            var suffix = $" ({n})";
            unique = (name.Length + suffix.Length > MaxSheetName ? name[..(MaxSheetName - suffix.Length)] : name) + suffix;
        }

        return unique;
    }
}
