using Portal.Domain.Tenancy;

namespace Portal.Infrastructure.Onboarding;

public sealed record TemplateRequest(string CompanyName, Sector Sector, DateOnly Today);
