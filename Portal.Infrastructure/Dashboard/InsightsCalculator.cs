using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dashboard;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Dashboard;

/// <summary>
/// Computes and stores, for one company, every active product's pace, stock status and forecast, and the company's
/// revenue outlook: two grouped reads of the daily sums (the last <see cref="HistoryDays"/> days), the forecaster in
/// memory, then the rows replaced in one transaction. Runs after every import and each night (<see cref="InsightsJob"/>).
/// </summary>
public sealed class InsightsCalculator(TimeProvider clock)
{
    /// <summary>26 weeks: enough for the weekly pattern and the back-test, light enough to read for 5,000 products.</summary>
    public const int HistoryDays = 182;

    public async Task<int> ComputeAsync(PortalDbContext db, Guid tenantId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = BusinessCalendar.Today(now);
        var last = today.AddDays(-1);
        var from = today.AddDays(-HistoryDays);

        var company = await db.CompanyForecasts.SingleOrDefaultAsync(f => f.TenantId == tenantId, cancellationToken);
        if (company is null)
        {
            company = new CompanyForecast(tenantId);
            db.CompanyForecasts.Add(company);
        }

        var products = await db.Products.AsNoTracking().Where(p => p.TenantId == tenantId && p.IsActive)
            .Select(p => new { p.Id, p.CurrentStock, p.ReorderPoint }).ToListAsync(cancellationToken);
        var spans = await db.DailyProductSales.AsNoTracking().Where(d => d.TenantId == tenantId)
            .GroupBy(d => d.ProductId)
            .Select(g => new { ProductId = g.Key, First = g.Min(d => d.Day), Last = g.Max(d => d.Day) })
            .ToDictionaryAsync(s => s.ProductId, cancellationToken);
        var days = await db.DailyProductSales.AsNoTracking().Where(d => d.TenantId == tenantId && d.Day >= from && d.Day <= last)
            .GroupBy(d => new { d.ProductId, d.Day })
            .Select(g => new { g.Key.ProductId, g.Key.Day, Units = g.Sum(d => d.Units) })
            .ToListAsync(cancellationToken);

        var series = new Dictionary<Guid, double[]>();
        foreach (var d in days)
        {
            if (!series.TryGetValue(d.ProductId, out var units))
            {
                series[d.ProductId] = units = new double[HistoryDays];
            }

            units[d.Day.DayNumber - from.DayNumber] = d.Units;
        }

        var insights = new List<Domain.Dashboard.ProductInsight>(products.Count);
        var empty = new double[HistoryDays];
        foreach (var product in products)
        {
            var span = spans.GetValueOrDefault(product.Id);
            var units = series.GetValueOrDefault(product.Id) ?? empty;
            // A product's history starts at its first sale: days before it are not "sold nothing".
            var start = span is null ? HistoryDays : Math.Clamp(span.First.DayNumber - from.DayNumber, 0, HistoryDays);
            var history = units.AsSpan(start);
            var forecast = DemandForecaster.Forecast(history);
            var advice = forecast.HasNumbers || product.CurrentStock <= 0
                ? ReorderPlanner.Plan(product.CurrentStock, forecast, today, company.LeadTimeDays, company.SafetyDays)
                : null;
            insights.Add(new Domain.Dashboard.ProductInsight(
                tenantId, product.Id, today, product.CurrentStock, product.ReorderPoint, Average(units, 30), Average(units, 90), span?.First, span?.Last, forecast, advice));
        }

        var revenue = await db.DailySiteSales.AsNoTracking().Where(d => d.TenantId == tenantId && d.Day >= from && d.Day <= last)
            .GroupBy(d => d.Day).Select(g => new { Day = g.Key, Revenue = g.Sum(d => d.Revenue) })
            .ToListAsync(cancellationToken);
        var daily = new double[HistoryDays];
        foreach (var d in revenue)
        {
            daily[d.Day.DayNumber - from.DayNumber] = d.Revenue;
        }

        var firstSale = spans.Count == 0 ? last.AddDays(1) : spans.Values.Min(s => s.First);
        var outlook = RevenueForecaster.Outlook(daily.AsSpan(Math.Clamp(firstSale.DayNumber - from.DayNumber, 0, HistoryDays)));
        company.Record(today, now.UtcDateTime, outlook, insights.Count(i => i.Next30 is not null));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ProductInsights.Where(i => i.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        db.ProductInsights.AddRange(insights);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return insights.Count;
    }

    private static double Average(double[] units, int lastDays)
    {
        var sum = 0.0;
        for (var i = units.Length - lastDays; i < units.Length; i++)
        {
            sum += units[i];
        }

        return sum / lastDays;
    }
}
