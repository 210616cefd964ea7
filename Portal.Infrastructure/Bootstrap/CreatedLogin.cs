namespace Portal.Infrastructure.Bootstrap;

public sealed record CreatedLogin(string Role, string Identifier, string Password);
