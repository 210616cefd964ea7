namespace Portal.Infrastructure.Dashboard.Documents;

/// <summary>A product's forecast: units over the next 30 days, the day stock runs out, what to reorder, how far to trust it.</summary>
public sealed record ReportForecastRow(string Code, string Name, double Next30Units, DateOnly? StockOutDate, int SuggestedReorder, string? Trust);
