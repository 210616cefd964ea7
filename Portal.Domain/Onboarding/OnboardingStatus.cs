namespace Portal.Domain.Onboarding;

public enum OnboardingStatus
{
    InProgress,
    Completed,
    Failed,
}
