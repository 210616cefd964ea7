using Microsoft.Extensions.DependencyInjection;

namespace Portal.Infrastructure.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The client company's business dashboard.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<OverviewService>();
        services.AddScoped<SalesService>();
        services.AddSingleton<SalesChanges>();
        return services;
    }
}
