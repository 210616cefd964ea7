namespace Portal.Infrastructure.Onboarding;

/// <summary>A user created at step 2, with the temporary password shown once.</summary>
public sealed record CreatedUser(string Name, string Identifier, string Role, string TemporaryPassword);
