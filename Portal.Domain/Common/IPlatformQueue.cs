namespace Portal.Domain.Common;

/// <summary>
/// Ownership marker: a platform record that any context may add about its own tenant, in the same commit as the change
/// that causes it (outgoing messages). Only platform contexts (staff, the delivery job) read or change it afterwards.
/// </summary>
public interface IPlatformQueue : IPlatformOwned
{
    Guid? TenantId { get; }

    /// <summary>The person the record is for: one of the tenant's people, or platform staff.</summary>
    Guid UserId { get; }
}
