namespace Portal.Infrastructure.Onboarding;

public sealed record OnboardingUser(string Name, string Identifier, string Role);
