using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Bootstrap;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Onboarding;
using Quartz;
using Portal.Infrastructure.Tenancy;

namespace Portal.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddPortalInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        // First, so the schema exists before any other hosted service (data protection's key ring) reads it.
        services.AddHostedService<DatabaseInitializer>();

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var postgres = configuration.GetConnectionString("Portal");
        services.AddSingleton(database);
        services.AddDbContextFactory<PortalDbContext>(options => DatabaseSetup.Configure(options, database, postgres));

        // Identity's stores look users up across tenants (sign-in happens before we know the tenant).
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
            db.AllowCrossTenant();
            return db;
        });

        services.AddIdentityCore<PortalUser>(FrenchIdentityErrorDescriber.Apply)
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            o => o.XmlRepository = new DataProtectionKeyRepository(sp.GetRequiredService<IDbContextFactory<PortalDbContext>>())));
        services.AddDataProtection().SetApplicationName("Portal");

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CurrentUser>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<PortalDb>();
        services.AddScoped<AccountService>();
        services.AddScoped<SiteService>();
        services.AddScoped<TenantWorkspaceService>();
        services.AddScoped<PlatformOverviewService>();

        services.AddSingleton(new ImportFileStore(configuration[ImportFileStore.PathSetting]));
        services.AddSingleton<ImportProgressNotifier>();
        services.AddScoped<ImportRunner>();
        services.AddScoped<ImportScheduler>();
        services.AddScoped<OnboardingService>();
        services.AddScoped<Notifications.NotificationService>();
        services.AddQuartz();
        services.AddHostedService<ImportRecovery>();
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);

        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.Section));
        services.AddScoped<BootstrapSeeder>();

        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");
        return services;
    }
}
