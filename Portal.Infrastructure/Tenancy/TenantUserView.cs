namespace Portal.Infrastructure.Tenancy;

public sealed record TenantUserView(Guid Id, string FirstName, string LastName, string? Email, string? Phone, string Role, bool MustChangePassword, DateTime? LastLoginAt);
