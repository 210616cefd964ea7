using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Data;
using Quartz;

namespace Portal.Infrastructure.Dashboard;

/// <summary>
/// Recomputes stock statuses and forecasts, then checks the company's alerts on them: for one company right after its
/// import commits, and for every active company each night at 02:00 in Dakar. One run at a time, so a night's sweep and
/// an import's refresh never overlap.
/// </summary>
[DisallowConcurrentExecution]
public sealed class InsightsJob(PortalDb portalDb, InsightsCalculator calculator, AlertEvaluator alerts, SalesChanges changes, ILogger<InsightsJob> logger) : IJob
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
            await RefreshAsync(tenant, cancellationToken);
        }
    }

    /// <summary>
    /// One company's insights, then its alerts on them. Failures are logged, never thrown: one company never stops the
    /// others' night, and an alert failure leaves the saved insights (and the pages they refresh) alone.
    /// </summary>
    public async Task RefreshAsync(Guid tenant, CancellationToken cancellationToken = default)
    {
        if (await TryAsync(tenant, "insights", db => calculator.ComputeAsync(db, tenant, cancellationToken)))
        {
            await TryAsync(tenant, "alerts", db => alerts.EvaluateAsync(db, tenant, cancellationToken));
            changes.Signal(tenant);
        }
    }

    private async Task<bool> TryAsync(Guid tenant, string work, Func<PortalDbContext, Task> run)
    {
        try
        {
            await using var db = portalDb.ForJob(tenant, work);
            await run(db);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Job {Work} for tenant {TenantId} failed", work, tenant);
            return false;
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

