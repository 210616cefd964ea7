namespace Portal.Domain.Onboarding.Import;

/// <summary>What makes two sales lines of one site the same line: the day, the product, the quantity and the unit price.</summary>
public readonly record struct SaleKey(DateOnly Date, Guid ProductId, int Quantity, long UnitPrice);
