using Portal.Domain.Common;

namespace Portal.Domain.Sales;

/// <summary>
/// The sales of one product at one site on one day, summed: what the dashboards read instead of the raw lines.
/// Written only by the bulk writer, in the same transaction as the lines it sums, so it always equals them.
/// <see cref="Cost"/> sums quantity × the product's cost price, over the lines whose product has a known cost (the
/// lines carry no cost: when an import changes a product's cost, its past sums are valued again at the new one);
/// <see cref="CostedRevenue"/> is the revenue of those same lines, so a margin rate can say which share of revenue it
/// covers.
/// </summary>
public sealed class DailyProductSales : ITenantOwned, IDailySums
{
    private DailyProductSales()
    {
    }

    public Guid TenantId { get; private set; }

    public Guid SiteId { get; private set; }

    public Guid ProductId { get; private set; }

    public DateOnly Day { get; private set; }

    public int Lines { get; private set; }

    public long Units { get; private set; }

    public long Revenue { get; private set; }

    public long CostedRevenue { get; private set; }

    public long Cost { get; private set; }
}

/// <summary>
/// The sales of one site on one day, summed over its products: the overview's totals, trend and split by site read a
/// few hundred of these instead of hundreds of thousands of lines. Same writer, same transaction, same meaning of
/// <see cref="Cost"/> as <see cref="DailyProductSales"/>.
/// </summary>
public sealed class DailySiteSales : ITenantOwned, IDailySums
{
    private DailySiteSales()
    {
    }

    public Guid TenantId { get; private set; }

    public Guid SiteId { get; private set; }

    public DateOnly Day { get; private set; }

    public int Lines { get; private set; }

    public long Units { get; private set; }

    public long Revenue { get; private set; }

    public long CostedRevenue { get; private set; }

    public long Cost { get; private set; }
}

/// <summary>What both daily tables sum, so one query can total either.</summary>
public interface IDailySums
{
    int Lines { get; }

    long Units { get; }

    long Revenue { get; }

    long CostedRevenue { get; }

    long Cost { get; }
}
