namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>A product out of stock or under its reorder point; <paramref name="Status"/> "Rupture", "Sous le seuil".</summary>
public sealed record ReportStockRow(string Code, string Name, int Stock, int? ReorderPoint, string Status);
