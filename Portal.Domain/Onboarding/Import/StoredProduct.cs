namespace Portal.Domain.Onboarding.Import;

/// <summary>A product the company already has, as an append import compares it with the file's line.</summary>
public sealed record StoredProduct(
    Guid Id, string Code, string Name, string? Category, long UnitPrice, long? CostPrice, int Stock, int? ReorderPoint);
