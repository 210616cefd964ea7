using Portal.Domain.Onboarding;

namespace Portal.Infrastructure.Onboarding;

/// <summary>What the onboarding list is narrowed to: part of the company's name, and a status.</summary>
public sealed record OnboardingFilter(string? Search = null, OnboardingStatus? Status = null);
