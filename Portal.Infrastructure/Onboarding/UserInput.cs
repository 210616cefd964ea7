namespace Portal.Infrastructure.Onboarding;

public sealed record UserInput(string FirstName, string LastName, IdentifierKind Kind, string Identifier, string Role);
