using Portal.Domain.Spreadsheets;

namespace Portal.Infrastructure.Spreadsheets;

/// <summary>The header row of a sheet and how it maps to the template's columns.</summary>
public sealed record SheetHeader(SheetHandle Sheet, int Row, HeaderMatch Match);
