namespace Portal.Infrastructure.Onboarding;

public sealed record TemplateProduct(string Code, string Name, string? Category, decimal Price, decimal? Cost, int? Stock, int? ReorderPoint);
