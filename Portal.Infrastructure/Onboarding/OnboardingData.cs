namespace Portal.Infrastructure.Onboarding;

/// <summary>What later steps need, kept as JSON on the session.</summary>
public sealed record OnboardingData(IReadOnlyList<OnboardingUser> Users, UploadedFile? Upload)
{
    public static readonly OnboardingData Empty = new([], null);
}
