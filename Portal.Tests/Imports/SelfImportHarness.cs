using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Identity;
using Portal.Infrastructure.Imports;
using Portal.Infrastructure.Onboarding;
using Portal.Tests.Dashboard;

namespace Portal.Tests.Imports;

/// <summary>A company with stored products and sales (<see cref="SalesFixture"/>) whose manager drives its own imports.</summary>
internal sealed class SelfImportHarness(SalesFixture company)
{
    private readonly Guid managerId = Guid.NewGuid();

    public SalesFixture Company { get; } = company;

    public async Task<T> AsManagerAsync<T>(Func<SelfImportService, Task<T>> action)
    {
        await using var scope = Company.Database.ActAs(managerId, Roles.Manager, Company.TenantId, "Modou Manager");
        return await action(scope.ServiceProvider.GetRequiredService<SelfImportService>());
    }

    /// <summary>Uploads the file, queues a run and runs it here (the Quartz job does the same in the app).</summary>
    public async Task<ImportJobView> UploadAndRunAsync(byte[] file, bool dryRun, bool includeDuplicates = false)
    {
        var (report, upload) = await AsManagerAsync(s => s.UploadAsync("ventes-novembre.xlsx", new MemoryStream(file)));
        Assert.True(report.IsImportable, string.Join(" ", report.Problems));
        var jobId = await AsManagerAsync(s => s.StartAsync(upload!, dryRun, includeDuplicates));
        await using (var scope = Company.Database.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(jobId);
        }

        return await AsManagerAsync(s => s.GetJobAsync(jobId));
    }
}
