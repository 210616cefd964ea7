using Portal.Domain.Tenancy;

namespace Portal.Infrastructure.Onboarding;

public sealed record CompanyInput(string Name, string? Ninea, Sector Sector, string Country, string SiteName, string SiteAddress);
