namespace Portal.Infrastructure.Onboarding;

public enum IdentifierKind
{
    Email,
    Phone,
}
