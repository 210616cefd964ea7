namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>A best-selling product of the month; <paramref name="Revenue"/> in minor units.</summary>
public sealed record ReportProductRow(string Code, string Name, string? Category, long Units, long Revenue);
