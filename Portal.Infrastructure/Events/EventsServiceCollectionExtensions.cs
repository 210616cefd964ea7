using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>
    /// The live event bus; on PostgreSQL, with the relay that carries its events to the other web nodes (a hosted service:
    /// outside a host, start it yourself).
    /// </summary>
    public static IServiceCollection AddEvents(this IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.IsPostgres)
        {
            services.AddSingleton<PostgresEventRelay>();
            services.AddSingleton<IEventRelay>(sp => sp.GetRequiredService<PostgresEventRelay>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresEventRelay>());
        }

        services.AddSingleton<EventBus>();
        return services;
    }
}
