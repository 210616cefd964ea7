using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Infrastructure.Bootstrap;

public static class BootstrapServiceCollectionExtensions
{
    /// <summary>First-run accounts (and the demo company on request), created by the database initializer.</summary>
    public static IServiceCollection AddBootstrap(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.Section));
        services.AddScoped<BootstrapSeeder>();
        services.AddSingleton<StartupBanner>();
        return services;
    }
}
