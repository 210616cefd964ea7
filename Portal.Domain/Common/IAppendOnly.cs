namespace Portal.Domain.Common;

/// <summary>
/// A record that is written once and never changed or deleted (the audit trail). Any context may append one about its
/// own tenant, in the same commit as the change it records.
/// </summary>
public interface IAppendOnly
{
    Guid? TenantId { get; }
}
