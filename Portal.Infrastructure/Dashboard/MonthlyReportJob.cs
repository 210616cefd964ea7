using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Common;
using Portal.Domain.Dashboard;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Messaging;
using Portal.Infrastructure.Sales;
using Quartz;

namespace Portal.Infrastructure.Dashboard;

/// <summary>
/// On the 1st of each month at 07:00 in Dakar, tells the people of each active company who asked for it
/// (<see cref="MessageKinds.MonthlyReport"/>) last month's revenue, units and stock alerts, with a link to the reports page
/// where the PDF and Excel report wait. A company without a sale that month is not written to. Each message's key is the
/// month, so a second run (a retry, two servers) never sends it twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class MonthlyReportJob(PortalDb portalDb, MessageOutbox outbox, TimeProvider clock, ILogger<MonthlyReportJob> logger) : IJob
{
    public const string Link = "/app/reports";

    public static readonly JobKey Key = new("monthly-report", "dashboard");

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    /// <summary>Last month's message for every active company; one company's failure is logged and never stops the others.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var today = BusinessCalendar.Today(clock.GetUtcNow());
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        List<Guid> tenants;
        await using (var registry = portalDb.ForJob(null, "monthly_report"))
        {
            tenants = await registry.Tenants.Where(t => t.IsActive).Select(t => t.Id).ToListAsync(cancellationToken);
        }

        foreach (var tenant in tenants)
        {
            try
            {
                await SendAsync(tenant, month, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One company's failure never stops the others' reports; the next run's keys skip what was sent.
                logger.LogError(e, "Monthly report of {Month:yyyy-MM} for tenant {TenantId} failed", month, tenant);
            }
        }
    }

    /// <summary>Queues one company's message for the month starting <paramref name="month"/>; returns how many were queued.</summary>
    public async Task<int> SendAsync(Guid tenantId, DateOnly month, CancellationToken cancellationToken = default)
    {
        await using var db = portalDb.ForJob(tenantId, "monthly_report");
        var recipients = await TenantRecipients.ForAsync(db, tenantId, MessageKinds.MonthlyReport, cancellationToken);
        if (recipients.Count == 0)
        {
            return 0;
        }

        var now = await SumAsync(db, tenantId, month, cancellationToken);
        if (now.Lines == 0)
        {
            return 0;
        }

        var before = await SumAsync(db, tenantId, month.AddMonths(-1), cancellationToken);
        var tenant = await db.Tenants.IgnoreQueryFilters().AsNoTracking().Where(t => t.Id == tenantId).Select(t => new { t.Name, t.Country }).SingleAsync(cancellationToken);
        // Active products only, as the stock page counts them.
        var statuses = await (from i in db.ProductInsights.AsNoTracking()
                              join p in db.Products on i.ProductId equals p.Id
                              where i.TenantId == tenantId && p.IsActive && (i.Status == StockStatus.OutOfStock || i.Status == StockStatus.BelowReorderPoint)
                              group i by i.Status into g
                              select new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var currency = Currency.ForCountry(tenant.Country);
        var request = new MessageRequest(MessageKinds.MonthlyReport, recipients, $"report:{month:yyyy-MM}")
        {
            TenantId = tenantId,
            Link = Link,
            Model = new Dictionary<string, object?>
            {
                ["tenant"] = new { name = tenant.Name },
                ["report"] = new
                {
                    month = month.ToString("MMMM yyyy", French),
                    revenue = currency.Format(now.Revenue),
                    change = SalesTotals.Change(now.Revenue, before.Revenue) is { } change
                        ? $"{(change >= 0 ? "+" : string.Empty)}{change.ToString("P0", French)} par rapport à {month.AddMonths(-1).ToString("MMMM", French)}"
                        : null,
                    units = Count(now.Units, "unité vendue", "unités vendues"),
                    lines = Count(now.Lines, "ligne", "lignes"),
                    stock = StockText(statuses.FirstOrDefault(s => s.Status == StockStatus.OutOfStock)?.Count ?? 0, statuses.FirstOrDefault(s => s.Status == StockStatus.BelowReorderPoint)?.Count ?? 0),
                },
            },
        };
        var queued = (await outbox.QueueAsync(db, request, cancellationToken)).Count;
        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }

    /// <summary>The stock sentence of the message; null when no product needs attention.</summary>
    public static string? StockText(int outOfStock, int belowReorderPoint) => (outOfStock, belowReorderPoint) switch
    {
        (0, 0) => null,
        (_, 0) => $"Aujourd'hui : {Products(outOfStock)} en rupture",
        (0, _) => $"Aujourd'hui : {Products(belowReorderPoint)} sous le seuil d'alerte",
        _ => $"Aujourd'hui : {Products(outOfStock)} en rupture et {Products(belowReorderPoint)} sous le seuil d'alerte",
    };

    private static string Products(int count) => Count(count, "produit", "produits");

    private static string Count(long count, string one, string many) => $"{count.ToString("N0", French)} {(count > 1 ? many : one)}";

    private static async Task<SalesTotals> SumAsync(PortalDbContext db, Guid tenantId, DateOnly month, CancellationToken cancellationToken)
    {
        var last = month.AddMonths(1).AddDays(-1);
        return await db.DailySiteSales.AsNoTracking().Where(d => d.TenantId == tenantId && d.Day >= month && d.Day <= last).TotalsAsync(cancellationToken);
    }
}
