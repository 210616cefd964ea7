namespace Portal.Infrastructure.Tenancy;

public sealed record SiteInput(string Name, string? Address);
