using Portal.Domain.Tenancy;

namespace Portal.Infrastructure.Tenancy;

public sealed record TenantSummary(Guid Id, string Name, string? Ninea, Sector Sector, string Country, bool IsActive);
