using DocumentFormat.OpenXml.Packaging;
using Portal.Domain.Spreadsheets;

namespace Portal.Infrastructure.Spreadsheets;

/// <summary>A sheet of the uploaded workbook matched to one of the template's sheets.</summary>
public sealed record SheetHandle(ImportSheet Sheet, string Name, WorksheetPart Part, long Size);
