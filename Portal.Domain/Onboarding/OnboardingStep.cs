namespace Portal.Domain.Onboarding;

/// <summary>The wizard's four steps, in order (stored as their number).</summary>
public enum OnboardingStep
{
    Company = 1,
    Users = 2,
    Template = 3,
    Import = 4,
}
