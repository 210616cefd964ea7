using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Auditing;

namespace Portal.Infrastructure.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// The database: migrations at start-up, <see cref="PortalDb"/> (the only door), the data-protection key ring, health.
    /// No <see cref="PortalDbContext"/> or factory of it is registered: asking the container for one fails.
    /// </summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration)
    {
        // First, so the schema exists before any other hosted service (data protection's key ring) reads it.
        services.AddHostedService<DatabaseInitializer>();

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        database.PostgresConnectionString = configuration.GetConnectionString("Portal");
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OwnershipGuard>();
        services.AddSingleton<TimestampInterceptor>();
        services.AddSingleton(sp => new PortalDbContextFactory(database, sp.GetRequiredService<OwnershipGuard>(), sp.GetRequiredService<TimestampInterceptor>(), sp.GetRequiredService<Messaging.OutboxKickInterceptor>()));
        services.AddScoped<AuditTrail>();
        services.AddScoped<PortalDb>();

        services.AddDbContext<DataProtectionKeysContext>(options => DatabaseSetup.Configure(options, database));
        services.AddDataProtection().SetApplicationName("Portal").PersistKeysToDbContext<DataProtectionKeysContext>();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}
