using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Identity;
using Portal.Domain.Tenancy;
using Portal.Infrastructure.Onboarding;
using Portal.Tests.Support;

namespace Portal.Tests.Onboarding;

/// <summary>A platform staff member driving the onboarding services against a test database.</summary>
public sealed class OnboardingHarness(TestDatabase database, Guid staffId)
{
    public TestDatabase Database { get; } = database;

    public Guid StaffId { get; } = staffId;

    public static async Task<OnboardingHarness> CreateAsync(TestDatabase database)
    {
        var staffId = await database.AddUserAsync(null, Roles.Staff, $"staff-{Guid.NewGuid():N}@portal.test", firstName: "Aminata", lastName: "Staff");
        return new OnboardingHarness(database, staffId);
    }

    public AsyncServiceScope Staff() => Database.ActAs(StaffId, Roles.Staff, null, "Aminata Staff");

    public async Task<T> AsStaffAsync<T>(Func<OnboardingService, Task<T>> action)
    {
        await using var scope = Staff();
        return await action(scope.ServiceProvider.GetRequiredService<OnboardingService>());
    }

    public async Task AsStaffAsync(Func<OnboardingService, Task> action)
    {
        await using var scope = Staff();
        await action(scope.ServiceProvider.GetRequiredService<OnboardingService>());
    }

    /// <summary>Steps 1 and 2: a company with one owner (email) and one manager (phone).</summary>
    public async Task<Guid> CompanyWithUsersAsync(string name = "Keur Commerce SARL", string? ninea = null)
    {
        var sessionId = await AsStaffAsync(s => s.CreateCompanyAsync(new CompanyInput(name, ninea, Sector.Retail, "SN", "Boutique Médina", "Rue 6, Médina, Dakar")));
        await AsStaffAsync(s => s.CreateUsersAsync(sessionId,
        [
            new UserInput("Aïssatou", "Ba", $"owner-{Guid.NewGuid():N}@keur.sn", Roles.Owner),
            new UserInput("Modou", "Faye", "+22178" + Random.Shared.Next(1000000, 9999999), Roles.Manager),
        ]));
        await AsStaffAsync(s => s.ContinueToImportAsync(sessionId));
        return sessionId;
    }

    /// <summary>Uploads the file, queues a run and runs it here (the Quartz job does the same in the app).</summary>
    public async Task<(StructureReport Report, ImportJobView? Job)> UploadAndRunAsync(Guid sessionId, byte[] file, bool dryRun, Action<ImportProgress>? observe = null)
    {
        var report = await AsStaffAsync(s => s.UploadAsync(sessionId, "donnees.xlsx", new MemoryStream(file)));
        if (!report.IsImportable)
        {
            return (report, null);
        }

        var jobId = await AsStaffAsync(s => s.StartAsync(sessionId, dryRun));
        await using (var scope = Database.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(jobId, default, observe);
        }

        return (report, await AsStaffAsync(s => s.GetJobAsync(jobId)));
    }
}
