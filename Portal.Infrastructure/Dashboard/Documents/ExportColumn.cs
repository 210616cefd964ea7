namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>One column of a grid export: its header, its kind and how to read it from a row (null is an empty cell).</summary>
public sealed record ExportColumn<T>(string Header, ColumnKind Kind, Func<T, object?> Value);
