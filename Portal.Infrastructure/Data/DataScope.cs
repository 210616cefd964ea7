namespace Portal.Infrastructure.Data;

/// <summary>
/// What one context may see and change, fixed when <see cref="PortalDb"/> opens it. The query filters and
/// <see cref="OwnershipGuard"/> read these fields; nothing changes them afterwards.
/// </summary>
/// <param name="UserId">The signed-in person; null for jobs and start-up.</param>
/// <param name="TenantId">The one tenant whose rows are visible; null for none (platform staff only see platform users then).</param>
/// <param name="Platform">Platform-owned rows (registry, onboarding, imports, audit trail) are visible and writable.</param>
/// <param name="AllTenants">Every row of every kind: start-up, sign-in and audited cross-tenant reads only.</param>
/// <param name="Door">Which <see cref="PortalDb"/> entry point opened it, for logs and errors.</param>
internal sealed record DataScope(Guid? UserId, Guid? TenantId, bool Platform, bool AllTenants, string Door)
{
    /// <summary>A context nobody scoped sees nothing and writes nothing (the model's default).</summary>
    public static DataScope Nothing { get; } = new(null, null, false, false, "none");
}
