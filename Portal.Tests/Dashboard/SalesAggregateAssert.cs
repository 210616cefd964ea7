using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;

namespace Portal.Tests.Dashboard;

/// <summary>Recomputes both daily sums from the raw lines and the products' costs, and compares them row by row.</summary>
internal static class SalesAggregateAssert
{
    public static async Task MatchesLinesAsync(PortalDbContext db, Guid tenantId)
    {
        var lines = await db.Sales.AsNoTracking().Where(s => s.TenantId == tenantId)
            .Join(db.Products, s => s.ProductId, p => p.Id, (s, p) => new Line(s.SiteId, s.ProductId, s.Date, s.Quantity, s.TotalAmount, p.CostPrice))
            .ToListAsync();
        Assert.NotEmpty(lines);

        var expectedByProduct = lines.GroupBy(l => (l.SiteId, l.ProductId, l.Date))
            .Select(g => (g.Key.SiteId, g.Key.ProductId, g.Key.Date, Sums(g)))
            .OrderBy(r => r.SiteId).ThenBy(r => r.ProductId).ThenBy(r => r.Date).ToList();
        var storedByProduct = (await db.DailyProductSales.AsNoTracking().Where(d => d.TenantId == tenantId).ToListAsync())
            .Select(d => (d.SiteId, d.ProductId, Date: d.Day, (d.Lines, d.Units, d.Revenue, d.CostedRevenue, d.Cost)))
            .OrderBy(r => r.SiteId).ThenBy(r => r.ProductId).ThenBy(r => r.Date).ToList();
        Assert.Equal(expectedByProduct, storedByProduct);

        var expectedBySite = lines.GroupBy(l => (l.SiteId, l.Date))
            .Select(g => (g.Key.SiteId, g.Key.Date, Sums(g)))
            .OrderBy(r => r.SiteId).ThenBy(r => r.Date).ToList();
        var storedBySite = (await db.DailySiteSales.AsNoTracking().Where(d => d.TenantId == tenantId).ToListAsync())
            .Select(d => (d.SiteId, Date: d.Day, (d.Lines, d.Units, d.Revenue, d.CostedRevenue, d.Cost)))
            .OrderBy(r => r.SiteId).ThenBy(r => r.Date).ToList();
        Assert.Equal(expectedBySite, storedBySite);

        static (int, long, long, long, long) Sums(IEnumerable<Line> group) =>
        (
            group.Count(),
            group.Sum(l => (long)l.Quantity),
            group.Sum(l => l.TotalAmount),
            group.Sum(l => l.CostPrice is null ? 0 : l.TotalAmount),
            group.Sum(l => l.CostPrice is null ? 0 : l.CostPrice.Value * l.Quantity));
    }

    private sealed record Line(Guid SiteId, Guid ProductId, DateOnly Date, int Quantity, long TotalAmount, long? CostPrice);
}
