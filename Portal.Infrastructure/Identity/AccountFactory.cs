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

    /// <summary>
    /// Gives an existing account a new temporary password: the old one stops working, the stamp changes (so cookies issued
    /// before are refused), and the person must choose their own password at the next sign-in.
    /// </summary>
    public void ResetToTemporary(PortalUser user, string password)
    {
        user.PasswordHash = hasher.HashPassword(user, password);
        user.MustChangePassword = true;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
    }
}
