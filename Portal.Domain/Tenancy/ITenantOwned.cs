namespace Portal.Domain.Tenancy;

/// <summary>A row that belongs to one tenant. The data layer filters and stamps these centrally.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
