namespace Portal.Domain.Common;

/// <summary>
/// Ownership marker: a row of one client company. Only a context scoped to that tenant reads or writes it.
/// Every entity carries exactly one ownership marker; the data layer derives its query filter and write guard from it.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
