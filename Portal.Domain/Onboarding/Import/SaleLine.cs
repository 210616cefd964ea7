namespace Portal.Domain.Onboarding.Import;

/// <summary>A valid sales line; <see cref="ProductIndex"/> points into <see cref="ImportValidator.Products"/>.</summary>
public readonly record struct SaleLine(int ProductIndex, DateOnly Date, int Quantity, long UnitPrice, long TotalAmount);
