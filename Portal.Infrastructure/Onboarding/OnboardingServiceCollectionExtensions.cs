using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Files;

namespace Portal.Infrastructure.Onboarding;

public static class OnboardingServiceCollectionExtensions
{
    /// <summary>The four-step wizard and its import runs (Quartz jobs, recovered at start-up).</summary>
    public static IServiceCollection AddOnboarding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ImportFileStore(configuration[ImportFileStore.PathSetting]));
        services.AddSingleton<ImportProgressNotifier>();
        services.AddScoped<ImportRunner>();
        services.AddScoped<ImportScheduler>();
        services.AddScoped<OnboardingService>();
        services.AddHostedService<ImportRecovery>();
        return services;
    }
}
