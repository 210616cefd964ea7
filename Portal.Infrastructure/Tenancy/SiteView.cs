using Portal.Domain.Tenancy;

namespace Portal.Infrastructure.Tenancy;

public sealed record SiteView(Guid Id, string Name, string? Address, SiteType Type, bool IsActive);
