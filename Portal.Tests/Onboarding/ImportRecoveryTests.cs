using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Onboarding;
using Portal.Infrastructure.Onboarding;
using Portal.Tests.Support;
using Quartz;

namespace Portal.Tests.Onboarding;

public class ImportRecoveryTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_server_that_starts_after_a_crash_runs_the_imports_left_pending_or_running(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var harness = await OnboardingHarness.CreateAsync(database);
        var first = await harness.CompanyWithUsersAsync("Alpha SARL");
        var second = await harness.CompanyWithUsersAsync("Beta SARL");
        await harness.AsStaffAsync(s => s.UploadAsync(first, "alpha.xlsx", new MemoryStream(Workbooks.Valid())));
        await harness.AsStaffAsync(s => s.UploadAsync(second, "beta.xlsx", new MemoryStream(Workbooks.Valid())));
        // Queued on the first server's scheduler, which never starts: that server "crashed".
        var pending = await harness.AsStaffAsync(s => s.StartAsync(first, dryRun: false));
        var running = await harness.AsStaffAsync(s => s.StartAsync(second, dryRun: false));
        await using (var db = database.NewContext())
        {
            await db.ImportJobs.Where(j => j.Id == running).ExecuteUpdateAsync(set => set.SetProperty(j => j.Status, ImportStatus.Running));
        }

        await using var restarted = database.NewServer();
        await new ImportRecovery(restarted).StartAsync(CancellationToken.None);
        var scheduler = await restarted.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        try
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (!patience.IsCancellationRequested && await StatusesAsync(database, pending, running) is var statuses && statuses.Any(s => s is ImportStatus.Pending or ImportStatus.Running))
            {
                await Task.Delay(100);
            }

            Assert.Equal([ImportStatus.Succeeded, ImportStatus.Succeeded], await StatusesAsync(database, pending, running));
            await using var check = database.NewContext();
            Assert.Equal(10, await check.Sales.CountAsync());
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
    }

    private static async Task<ImportStatus[]> StatusesAsync(TestDatabase database, params Guid[] jobs)
    {
        await using var db = database.NewContext();
        var statuses = await db.ImportJobs.Where(j => jobs.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Status);
        return jobs.Select(j => statuses[j]).ToArray();
    }
}
