using Portal.Domain.Common;
using Portal.Domain.Onboarding;
using Portal.Domain.Tenancy;

namespace Portal.Infrastructure.Onboarding;

public sealed record OnboardingView(
    Guid Id,
    Guid TenantId,
    string TenantName,
    string? Ninea,
    Sector Sector,
    string Country,
    bool TenantActive,
    string SiteName,
    string? SiteAddress,
    OnboardingStatus Status,
    OnboardingStep Step,
    string? Error,
    string CreatedByName,
    DateTime CreatedAt,
    DateTime? CompletedAt,
    OnboardingData Data,
    ImportJobView? LatestJob,
    ImportJobView? LatestImport)
{
    public Currency Currency => Currency.ForCountry(Country);
}
