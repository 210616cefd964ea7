namespace Portal.Domain.Spreadsheets;

/// <summary>A sheet of the template: its name and its columns in canonical order (the validators index cells by it).</summary>
public sealed record ImportSheet(string Name, IReadOnlyList<ImportColumn> Columns);
