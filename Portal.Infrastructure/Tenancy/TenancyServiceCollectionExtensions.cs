using Microsoft.Extensions.DependencyInjection;

namespace Portal.Infrastructure.Tenancy;

public static class TenancyServiceCollectionExtensions
{
    /// <summary>A company's own workspace and sites; the platform's overview.</summary>
    public static IServiceCollection AddTenancy(this IServiceCollection services)
    {
        services.AddScoped<SiteService>();
        services.AddScoped<TenantWorkspaceService>();
        services.AddScoped<PlatformOverviewService>();
        return services;
    }
}
