using Portal.Domain.Onboarding;

namespace Portal.Infrastructure.Onboarding;

public sealed record OnboardingListItem(
    Guid Id, string TenantName, OnboardingStatus Status, OnboardingStep Step, string CreatedByName, DateTime CreatedAt, DateTime UpdatedAt, string? Error);
