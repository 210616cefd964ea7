using Microsoft.AspNetCore.Identity;
using Portal.Domain.Identity;

namespace Portal.Infrastructure.Identity;

/// <summary>
/// Builds a new account the way UserManager would (normalised names, hashed password, lockout on, fresh stamps), so the
/// caller can add it to a <c>PortalDb</c> context and commit it with the rest of its change and the audit entry.
/// </summary>
public sealed class AccountFactory(IPasswordHasher<PortalUser> hasher, ILookupNormalizer normalizer)
{
    public PortalUser Create(Guid? tenantId, string firstName, string lastName, string role, UserIdentifier identifier, string password)
    {
        var user = new PortalUser
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            FirstName = firstName.Trim(),
            LastName = lastName.Trim(),
            Role = role,
            UserName = identifier.Value,
            NormalizedUserName = normalizer.NormalizeName(identifier.Value),
            Email = identifier.Email?.Value,
            NormalizedEmail = identifier.Email is { } email ? normalizer.NormalizeEmail(email.Value) : null,
            PhoneNumber = identifier.Phone?.Value,
            MustChangePassword = true,
            LockoutEnabled = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
        };
        user.PasswordHash = hasher.HashPassword(user, password);
        return user;
    }
}
