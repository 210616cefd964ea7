namespace Portal.Domain.Onboarding.Import;

/// <summary>A line of the Ventes sheet identical to a line the company already has (shown as an example to the user).</summary>
public sealed record DuplicateSale(int Row, DateOnly Date, string ProductCode, int Quantity, long UnitPrice);
