using Portal.Domain.Common;

namespace Portal.Domain.Tenancy;

/// <summary>A shop, warehouse or office of a tenant. Each tenant has exactly one main site.</summary>
public sealed class Site : ITenantOwned
{
    public const int NameMaxLength = 200;
    public const int AddressMaxLength = 500;

    private Site()
    {
    }

    public Site(Guid tenantId, string name, string? address, SiteType type)
    {
        Id = Guid.NewGuid();
        TenantId = tenantId;
        Type = type;
        IsActive = true;
        Update(name, address);
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Address { get; private set; }

    public SiteType Type { get; private set; }

    public bool IsActive { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public void Update(string name, string? address)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainException("Le nom du site est obligatoire.");
        }

        if (trimmed.Length > NameMaxLength)
        {
            throw new DomainException($"Le nom du site ne doit pas dépasser {NameMaxLength} caractères.");
        }

        var trimmedAddress = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        if (trimmedAddress?.Length > AddressMaxLength)
        {
            throw new DomainException($"L'adresse ne doit pas dépasser {AddressMaxLength} caractères.");
        }

        Name = trimmed;
        Address = trimmedAddress;
    }

    public void Deactivate()
    {
        if (Type == SiteType.Main)
        {
            throw new DomainException("Le site principal ne peut pas être désactivé.");
        }

        IsActive = false;
    }
}
