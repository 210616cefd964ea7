namespace Portal.Infrastructure.Onboarding;

public sealed record TemplateSale(DateOnly Date, string Code, int Quantity, decimal? UnitPrice);
