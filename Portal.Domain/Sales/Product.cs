using Portal.Domain.Common;

namespace Portal.Domain.Sales;

/// <summary>An article a company sells. Prices are in the tenant currency's minor unit.</summary>
public sealed class Product : ITenantOwned
{
    public const int CodeMaxLength = ProductCode.MaxLength;
    public const int NameMaxLength = 200;
    public const int CategoryMaxLength = 100;

    private Product()
    {
    }

    public Product(
        Guid id,
        Guid tenantId,
        Guid siteId,
        ProductCode code,
        string name,
        string? category,
        long unitPrice,
        long? costPrice,
        int currentStock,
        int? reorderPoint)
    {
        var broken = SalesRules.CheckPrice(unitPrice) ?? SalesRules.CheckCost(costPrice) ?? SalesRules.CheckStock(currentStock)
            ?? SalesRules.CheckReorderPoint(reorderPoint)
            ?? (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength ? $"Le nom du produit est obligatoire ({NameMaxLength} caractères au plus)." : null);
        if (broken is not null)
        {
            throw new DomainException(broken);
        }

        Id = id;
        TenantId = tenantId;
        SiteId = siteId;
        Code = code.Value;
        Name = name.Trim();
        Category = category;
        UnitPrice = unitPrice;
        CostPrice = costPrice;
        CurrentStock = currentStock;
        ReorderPoint = reorderPoint;
        IsActive = true;
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
