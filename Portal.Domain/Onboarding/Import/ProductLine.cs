namespace Portal.Domain.Onboarding.Import;

/// <summary>A valid product line of the file, with the id it will be stored under.</summary>
public sealed record ProductLine(
    Guid Id, int Row, string Code, string Name, string? Category, long UnitPrice, long? CostPrice, int Stock, int? ReorderPoint);
