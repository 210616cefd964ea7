namespace Portal.Domain.Common;

/// <summary>
/// Ownership marker: a platform record that a company's own people may start for their company (a self-service import
/// run). A tenant's context may add one for its own tenant; only platform contexts (the job that runs it) change it, and
/// a tenant's service reads it with an explicit filter on its tenant.
/// </summary>
public interface ITenantStarted : IPlatformOwned
{
    Guid TenantId { get; }
}
