namespace Portal.Infrastructure.Onboarding;

