using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Identity;

/// <summary>
/// What ASP.NET Core Identity's user store needs: the user tables, across tenants (sign-in happens before the tenant is
/// known). Internal, so no page can inject it; never migrated (PortalDbContext owns the schema). Only UserManager and
/// SignInManager use it.
/// </summary>
internal sealed class IdentityStoreContext(DbContextOptions<IdentityStoreContext> options) : IdentityUserContext<PortalUser, Guid>(options)
{
    protected override Version SchemaVersion => IdentitySchemaVersions.Version1;
}
