using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Files;
using Portal.Infrastructure.Imports;

namespace Portal.Infrastructure.Onboarding;

public static class OnboardingServiceCollectionExtensions
{
    /// <summary>The four-step wizard, the company's own imports and their runs (Quartz jobs, recovered at start-up).</summary>
    public static IServiceCollection AddOnboarding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ImportFileStore(configuration[ImportFileStore.PathSetting]));
        services.AddSingleton<ImportProgressNotifier>();
        services.AddScoped<ImportRunner>();
        services.AddScoped<ImportScheduler>();
        services.AddScoped<OnboardingService>();
        services.AddScoped<SelfImportService>();
        services.AddHostedService<ImportRecovery>();
        return services;
    }
}
