using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Data;
using Quartz;

namespace Portal.Infrastructure.Dashboard;

/// <summary>
/// Recomputes stock statuses and forecasts: for one company right after its import commits, and for every active
/// company each night at 02:00 in Dakar. One run at a time, so a night's sweep and an import's refresh never overlap.
/// </summary>
[DisallowConcurrentExecution]
public sealed class InsightsJob(PortalDb portalDb, InsightsCalculator calculator, SalesChanges changes, ILogger<InsightsJob> logger) : IJob
{
    public const string TenantKey = "tenantId";

    public static readonly JobKey Key = new("insights", "dashboard");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var one = context.MergedJobDataMap.GetString(TenantKey);
        IReadOnlyList<Guid> tenants;
        if (Guid.TryParse(one, out var tenantId))
        {
            tenants = [tenantId];
        }
        else
        {
            await using var registry = portalDb.ForJob(null, "insights");
            tenants = await registry.Tenants.Where(t => t.IsActive).Select(t => t.Id).ToListAsync(cancellationToken);
        }

        foreach (var tenant in tenants)
        {
            try
            {
                await using var db = portalDb.ForJob(tenant, "insights");
                await calculator.ComputeAsync(db, tenant, cancellationToken);
                changes.Signal(tenant);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One company's failure must not stop the others' night.
                logger.LogError(e, "Insights for tenant {TenantId} failed", tenant);
            }
        }
    }
}

/// <summary>Asks for a company's insights now (after an import); Quartz runs it on its own thread.</summary>
public sealed class InsightsScheduler(ISchedulerFactory schedulers)
{
    public async Task QueueAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.ScheduleJob(TriggerBuilder.Create().ForJob(InsightsJob.Key)
            .UsingJobData(InsightsJob.TenantKey, tenantId.ToString()).StartNow().Build(), cancellationToken: cancellationToken);
    }
}

