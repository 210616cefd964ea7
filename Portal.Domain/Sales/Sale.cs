using Portal.Domain.Common;

namespace Portal.Domain.Sales;

/// <summary>One sales line: a quantity of a product sold on a day. Amounts are in the tenant currency's minor unit.</summary>
public sealed class Sale : ITenantOwned
{
    private Sale()
    {
    }

    public Sale(Guid tenantId, Guid siteId, Guid productId, DateOnly date, int quantity, long unitPrice, long totalAmount, DateOnly today)
    {
        var broken = SalesRules.CheckSaleDate(date, today) ?? SalesRules.CheckQuantity(quantity) ?? SalesRules.CheckUnitPrice(unitPrice)
            ?? (SalesRules.TotalMatches(totalAmount, quantity, unitPrice) ? null : "Le montant total ne correspond pas à Quantité × Prix unitaire.");
        if (broken is not null)
        {
            throw new DomainException(broken);
        }

        TenantId = tenantId;
        SiteId = siteId;
        ProductId = productId;
        Date = date;
        Quantity = quantity;
        UnitPrice = unitPrice;
        TotalAmount = totalAmount;
    }

    public long Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid SiteId { get; private set; }

    public Guid ProductId { get; private set; }

    public DateOnly Date { get; private set; }

    public int Quantity { get; private set; }

    public long UnitPrice { get; private set; }

    public long TotalAmount { get; private set; }

    public DateTime CreatedAt { get; private set; }
}
