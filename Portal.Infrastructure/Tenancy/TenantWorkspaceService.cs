using Microsoft.EntityFrameworkCore;
using Portal.Domain.Identity;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Tenancy;

/// <summary>What a tenant user sees of their own company: its profile and its people.</summary>
public sealed class TenantWorkspaceService(PortalDb portalDb)
{
    public async Task<TenantSummary> GetCurrentTenantAsync(CancellationToken cancellationToken = default)
    {
        var t = await portalDb.CurrentTenantAsync(cancellationToken);
        return new TenantSummary(t.Id, t.Name, t.Ninea, t.Sector, t.Country, t.IsActive);
    }

    public async Task<IReadOnlyList<TenantUserView>> ListUsersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = Open();
        return await db.Users.AsNoTracking()
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
            .Select(u => new TenantUserView(u.Id, u.FirstName, u.LastName, u.Email, u.PhoneNumber, u.Role, u.MustChangePassword, u.LastLoginAt))
            .ToListAsync(cancellationToken);
    }

    private PortalDbContext Open() => portalDb.ForCurrentUser(Permissions.Workspace.Read);
}
