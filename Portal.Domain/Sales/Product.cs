using Portal.Domain.Tenancy;

namespace Portal.Domain.Sales;

/// <summary>An article a company sells. Prices are in the tenant currency's minor unit.</summary>
public sealed class Product : ITenantOwned
{
    public const int CodeMaxLength = 50;
    public const int NameMaxLength = 200;
    public const int CategoryMaxLength = 100;

    private Product()
    {
    }

    public Product(
        Guid id,
        Guid tenantId,
        Guid siteId,
        string code,
        string name,
        string? category,
        long unitPrice,
        long? costPrice,
        int currentStock,
        int? reorderPoint,
        DateTime now)
    {
        Id = id;
        TenantId = tenantId;
        SiteId = siteId;
        Code = code;
        Name = name;
        Category = category;
        UnitPrice = unitPrice;
        CostPrice = costPrice;
        CurrentStock = currentStock;
        ReorderPoint = reorderPoint;
        IsActive = true;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid SiteId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string? Category { get; private set; }

    public long UnitPrice { get; private set; }

    public long? CostPrice { get; private set; }

    public int CurrentStock { get; private set; }

    public int? ReorderPoint { get; private set; }

    public bool IsActive { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }
}
