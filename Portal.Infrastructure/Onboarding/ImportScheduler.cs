using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Domain.Onboarding;
using Portal.Infrastructure.Data;
using Quartz;

namespace Portal.Infrastructure.Onboarding;

/// <summary>Queues import jobs on Quartz; runs start at once on the scheduler's thread pool.</summary>
public sealed class ImportScheduler(ISchedulerFactory schedulers)
{
    public const string Group = "imports";

    public async Task EnqueueAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<ImportDataJob>()
            .WithIdentity(jobId.ToString(), Group)
            .UsingJobData(ImportDataJob.JobIdKey, jobId.ToString())
            .Build();
        var trigger = TriggerBuilder.Create().WithIdentity(jobId.ToString(), Group).StartNow().Build();
        await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
    }
}

/// <summary>The Quartz job: one import run. Quartz creates it in a DI scope of its own.</summary>
[DisallowConcurrentExecution]
internal sealed class ImportDataJob(ImportRunner runner) : IJob
{
    public const string JobIdKey = "importJobId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.RunAsync(Guid.Parse(context.MergedJobDataMap.GetString(JobIdKey)!), cancellationToken);
}

/// <summary>
/// At start-up, queues again the imports a stopped server left pending or running. Their write transaction
/// never committed, so nothing of them is in the database and the new run starts from the file.
/// </summary>
internal sealed class ImportRecovery(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<PortalDb>().ForJob(null, "import recovery");
        var unfinished = await db.ImportJobs.Where(j => j.Status == ImportStatus.Pending || j.Status == ImportStatus.Running).Select(j => j.Id).ToListAsync(cancellationToken);
        var scheduler = scope.ServiceProvider.GetRequiredService<ImportScheduler>();
        foreach (var id in unfinished)
        {
            await scheduler.EnqueueAsync(id, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
