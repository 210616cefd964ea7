namespace Portal.Infrastructure.Onboarding;

/// <summary>One person of the users step; the identifier is an email or a phone number, told apart by what is typed.</summary>
public sealed record UserInput(string FirstName, string LastName, string Identifier, string Role);
