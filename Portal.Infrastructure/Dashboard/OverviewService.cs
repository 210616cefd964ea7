using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Dashboard;
using Portal.Domain.Identity;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Dashboard;

/// <summary>
/// The company's overview: totals and trend from the daily site sums, tops and categories from the daily product sums,
/// stock from the products. Four small queries whatever the number of sales lines; costs only for roles that see them.
/// </summary>
public sealed class OverviewService(PortalDb portalDb, CurrentUser user, TimeProvider clock)
{
    public const int TopCount = 10;
    public const string NoCategory = "Sans catégorie";

    /// <summary>Today in Dakar: what "this month" and "last 30 days" count from.</summary>
    public DateOnly Today => BusinessCalendar.Today(clock.GetUtcNow());

    public async Task<Overview> GetAsync(OverviewQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForCurrentUser(Permissions.Dashboard.Read);
        var costs = user.Can(Permissions.Dashboard.Costs);
        // The query filter already keeps other companies out; naming the tenant again lets SQLite use the
        // (TenantId, Day) indexes, which it cannot through the filter's "all tenants or this one" test.
        var tenantId = user.TenantId!.Value;
        var (period, previous) = (query.Period, query.Period.Previous);
        var tenant = await portalDb.CurrentTenantAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        if (query.SiteId is { } chosen && sites.All(s => s.Id != chosen))
        {
            throw new NotFoundException("Ce site n'existe pas.");
        }

        var days = await db.DailySiteSales.AsNoTracking()
            .Where(d => d.TenantId == tenantId && d.Day >= previous.From && d.Day <= period.To && (query.SiteId == null || d.SiteId == query.SiteId))
            .Select(d => new SiteDay(d.SiteId, d.Day, d.Lines, d.Units, d.Revenue, d.CostedRevenue, d.Cost))
            .ToListAsync(cancellationToken);
        var lastSaleDay = await db.DailySiteSales.Where(d => d.TenantId == tenantId).MaxAsync(d => (DateOnly?)d.Day, cancellationToken);

        var current = days.Where(d => d.Day >= period.From).Aggregate(SalesTotals.Zero, (t, d) => t + d.Totals);
        var before = days.Where(d => d.Day < period.From).Aggregate(SalesTotals.Zero, (t, d) => t + d.Totals);

        var bucket = period.Bucket;
        var trend = new SortedDictionary<DateOnly, (long Revenue, long Units)>();
        foreach (var day in period.BucketStarts)
        {
            trend[day] = (0, 0);
        }

        foreach (var d in days.Where(d => d.Day >= period.From))
        {
            var start = Period.BucketStart(bucket, d.Day);
            var (revenue, units) = trend[start];
            trend[start] = (revenue + d.Revenue, units + d.Units);
        }

        var bySite = days.Where(d => d.Day >= period.From).GroupBy(d => d.SiteId)
            .Select(g => new NamedTotal(sites.First(s => s.Id == g.Key).Name, g.Sum(d => d.Revenue), g.Sum(d => d.Units)))
            .OrderByDescending(s => s.Revenue).ToList();

        var sold = await db.DailyProductSales.AsNoTracking()
            .Where(d => d.TenantId == tenantId && d.Day >= period.From && d.Day <= period.To && (query.SiteId == null || d.SiteId == query.SiteId))
            .GroupBy(d => d.ProductId)
            .Select(g => new { ProductId = g.Key, Units = g.Sum(d => d.Units), Revenue = g.Sum(d => d.Revenue) })
            .ToListAsync(cancellationToken);
        var products = (await db.Products.AsNoTracking().Where(p => p.TenantId == tenantId)
            .Select(p => new { p.Id, p.Code, p.Name, p.Category, p.CurrentStock, p.ReorderPoint, p.CostPrice, p.IsActive })
            .ToListAsync(cancellationToken)).ToDictionary(p => p.Id);

        ProductTotal Total(Guid id, long units, long revenue)
        {
            var p = products.GetValueOrDefault(id);
            return new ProductTotal(id, p?.Code ?? "?", p?.Name ?? "Produit inconnu", p?.Category, units, revenue);
        }

        var active = products.Values.Where(p => p.IsActive).ToList();
        var stock = new StockSummary(
            active.Count,
            active.Count(p => p.CurrentStock == 0),
            active.Count(p => p.CurrentStock > 0 && p.ReorderPoint is { } point && p.CurrentStock <= point),
            costs ? active.Where(p => p.CostPrice is not null).Sum(p => p.CurrentStock * p.CostPrice!.Value) : null,
            active.Count(p => p.CostPrice is null));

        return new Overview(
            tenant.Name,
            Currency.ForCountry(tenant.Country),
            period,
            bucket,
            lastSaleDay,
            costs,
            costs ? current : current.WithoutCosts(),
            costs ? before : before.WithoutCosts(),
            trend.Select(t => new TrendPoint(t.Key, t.Value.Revenue, t.Value.Units)).ToList(),
            sold.OrderByDescending(s => s.Revenue).ThenBy(s => s.ProductId).Take(TopCount).Select(s => Total(s.ProductId, s.Units, s.Revenue)).ToList(),
            sold.OrderByDescending(s => s.Units).ThenBy(s => s.ProductId).Take(TopCount).Select(s => Total(s.ProductId, s.Units, s.Revenue)).ToList(),
            sold.GroupBy(s => products.GetValueOrDefault(s.ProductId)?.Category ?? NoCategory)
                .Select(g => new NamedTotal(g.Key, g.Sum(s => s.Revenue), g.Sum(s => s.Units)))
                .OrderByDescending(c => c.Revenue).ToList(),
            bySite,
            stock);
    }

    private sealed record SiteDay(Guid SiteId, DateOnly Day, int Lines, long Units, long Revenue, long CostedRevenue, long Cost)
    {
        public SalesTotals Totals => new(Revenue, Units, Lines, CostedRevenue, Cost);
    }
}
