using System.Security.Claims;
using Portal.Domain.Common;
using Portal.Domain.Identity;

namespace Portal.Infrastructure.Identity;

/// <summary>
/// Who is calling, for one HTTP request or one Blazor circuit (a scoped service). The web layer fills it
/// from the authenticated principal; services read it to scope data and to authorise every call.
/// </summary>
public sealed class CurrentUser
{
    public Guid? UserId { get; private set; }

    public string? Name { get; private set; }

    public string? Role { get; private set; }

    public Guid? TenantId { get; private set; }

    public string? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public bool IsAuthenticated => UserId is not null;

    public bool IsPlatformStaff => IsAuthenticated && Roles.IsPlatform(Role);

    public bool IsTenantUser => IsAuthenticated && TenantId is not null && Roles.IsTenant(Role);

    /// <summary>True when the person's role grants the permission on the side it belongs to (a tenant, or the platform).</summary>
    public bool Can(Permission permission) => RolePermissions.Grants(Role, permission)
        && permission.Scope switch
        {
            PermissionScope.Platform => IsPlatformStaff,
            PermissionScope.Tenant => IsTenantUser,
            _ => IsPlatformStaff || IsTenantUser,
        };

    /// <summary>Throws the permission's French refusal unless <see cref="Can"/>; every service call starts here or in <c>PortalDb</c>.</summary>
    public void Demand(Permission permission)
    {
        if (!IsAuthenticated)
        {
            throw new ForbiddenException("Vous devez être connecté pour accéder à ces données.");
        }

        if (!Can(permission))
        {
            throw new ForbiddenException(permission.DeniedMessage);
        }
    }

    public void Set(ClaimsPrincipal? principal)
    {
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal?.Identity?.IsAuthenticated != true || !Guid.TryParse(id, out var userId))
        {
            (UserId, Name, Role, TenantId) = (null, null, null, null);
            return;
        }

        UserId = userId;
        Name = principal.FindFirstValue(PortalClaims.DisplayName) ?? principal.FindFirstValue(ClaimTypes.Name);
        Role = principal.FindFirstValue(ClaimTypes.Role);
        TenantId = Guid.TryParse(principal.FindFirstValue(PortalClaims.TenantId), out var tenantId) ? tenantId : null;
    }

    public void SetClient(string? ipAddress, string? userAgent)
    {
        IpAddress = ipAddress;
        UserAgent = userAgent;
    }
}
